//! Where an index's bytes go, field by field (term dictionary, postings, positions, fast
//! fields, norms) and the document store: the figures behind the size work in README.
//!
//!     cargo run --release --example space_usage -- INDEX_DIR

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use vnsearch::index::store::IndexStore;

fn main() -> Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: space_usage INDEX_DIR"))?;
    let store = IndexStore::open(&PathBuf::from(dir))?;
    let searcher = store.reader()?.searcher();
    let usage = searcher.space_usage()?;
    // field → [term dictionary, postings, positions, fast, norms]
    let mut by_field: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    let mut store_bytes = 0u64;
    for segment in usage.segments() {
        let parts = [
            segment.termdict(),
            segment.postings(),
            segment.positions(),
            segment.fast_fields(),
            segment.fieldnorms(),
        ];
        for (i, part) in parts.into_iter().enumerate() {
            for field in part.fields() {
                by_field.entry(field.field_name().to_owned()).or_default()[i] +=
                    field.total().get_bytes();
            }
        }
        store_bytes += segment.store().total().get_bytes();
    }
    let mb = |b: u64| b as f64 / 1e6;
    println!("field\tterms MB\tpostings MB\tpositions MB\tfast MB\tnorms MB\ttotal MB");
    for (name, parts) in &by_field {
        println!(
            "{name}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}\t{:.1}",
            mb(parts[0]),
            mb(parts[1]),
            mb(parts[2]),
            mb(parts[3]),
            mb(parts[4]),
            mb(parts.iter().sum())
        );
    }
    println!("document store\t\t\t\t\t\t{:.1}", mb(store_bytes));
    println!("all\t\t\t\t\t\t{:.1}", mb(usage.total().get_bytes()));
    Ok(())
}
