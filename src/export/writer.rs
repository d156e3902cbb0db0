//! NDJSON files cut at a stated size, so that each file can be posted as one `_bulk` request
//! (Elasticsearch refuses bodies over `http.max_content_length`, 100 MB by default, and
//! recommends requests of a few MB to tens of MB).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// One file written, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChunkFile {
    pub path: PathBuf,
    /// Records (a bulk action and its source count as one).
    pub records: usize,
    pub bytes: u64,
}

/// Writes records (one or more lines each, never split across files) to `PREFIX-0001.ndjson`,
/// `PREFIX-0002.ndjson`, …, starting a new file before a record that would pass the limit.
/// A record larger than the limit gets a file of its own.
pub struct ChunkWriter {
    dir: PathBuf,
    prefix: &'static str,
    limit: u64,
    current: Option<(BufWriter<File>, ChunkFile)>,
    done: Vec<ChunkFile>,
}

impl ChunkWriter {
    pub fn new(dir: &Path, prefix: &'static str, limit_bytes: u64) -> ChunkWriter {
        ChunkWriter {
            dir: dir.to_owned(),
            prefix,
            limit: limit_bytes.max(1),
            current: None,
            done: Vec::new(),
        }
    }

    /// The name of the `n`th file (1-based) of a prefix.
    pub fn file_name(prefix: &str, n: usize) -> String {
        format!("{prefix}-{n:04}.ndjson")
    }

    pub fn write(&mut self, record: &[u8]) -> std::io::Result<()> {
        let size = record.len() as u64;
        let full = self
            .current
            .as_ref()
            .is_some_and(|(_, f)| f.records > 0 && f.bytes + size > self.limit);
        if full {
            self.finish_file()?;
        }
        if self.current.is_none() {
            let n = self.done.len() + 1;
            let path = self.dir.join(Self::file_name(self.prefix, n));
            let file = BufWriter::with_capacity(1 << 20, File::create(&path)?);
            self.current = Some((
                file,
                ChunkFile {
                    path,
                    records: 0,
                    bytes: 0,
                },
            ));
        }
        let (file, info) = self.current.as_mut().expect("just opened");
        file.write_all(record)?;
        info.records += 1;
        info.bytes += size;
        Ok(())
    }

    fn finish_file(&mut self) -> std::io::Result<()> {
        if let Some((mut file, info)) = self.current.take() {
            file.flush()?;
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            self.done.push(info);
        }
        Ok(())
    }

    /// Closes the last file; the files written, in order.
    pub fn finish(mut self) -> std::io::Result<Vec<ChunkFile>> {
        self.finish_file()?;
        Ok(self.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_cut_into_files_at_the_limit_and_never_split() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = ChunkWriter::new(dir.path(), "bulk", 10);
        for record in [
            "aaaa\n",
            "bbbb\n",
            "cc\n",
            "a record longer than ten\n",
            "d\n",
        ] {
            writer.write(record.as_bytes()).unwrap();
        }
        let files = writer.finish().unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "bulk-0001.ndjson",
                "bulk-0002.ndjson",
                "bulk-0003.ndjson",
                "bulk-0004.ndjson"
            ]
        );
        let texts: Vec<String> = files
            .iter()
            .map(|f| std::fs::read_to_string(&f.path).unwrap())
            .collect();
        assert_eq!(
            texts,
            ["aaaa\nbbbb\n", "cc\n", "a record longer than ten\n", "d\n"]
        );
        assert_eq!(
            files.iter().map(|f| f.records).collect::<Vec<_>>(),
            [2, 1, 1, 1]
        );
    }
}
