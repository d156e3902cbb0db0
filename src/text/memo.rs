//! Per-thread memory of what a word analyses to: a corpus repeats a few tens of thousands of
//! spellings, so the steps that run for every word of every indexed text look each one up
//! instead of working it out again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A word's spelling to what was computed for it.
pub(super) type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// Words remembered per map and thread before the memory is given back (a few MB at most).
pub(super) const MAX_REMEMBERED_WORDS: usize = 1 << 16;

/// xxh3 of a word's bytes: short keys, hashed once per word of every indexed text.
#[derive(Default)]
pub(super) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = self.0.rotate_left(5) ^ u64::from(byte);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
