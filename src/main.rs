/// Indexing and snippets allocate many small strings (one or two per syllable); mimalloc
/// handles that churn across threads markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(vnsearch::cli::run());
}
