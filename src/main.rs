fn main() {
    std::process::exit(vnsearch::cli::run());
}
