//! The layer order of the tree, enforced: each top-level module of `src/` may use only the
//! modules below it, and no two files may use each other, directly or round a loop.
//!
//! The test reads every `crate::` and `super::` path in the code (tests excluded) as an arrow
//! from its file to the file it names. An arrow into a folder's `mod.rs` counts for the layer
//! order but not for loops: a `mod.rs` is that folder's front door (`pub mod`, `pub use`).

/// Bottom first. A module may use those listed before it, never one listed after it.
/// Modules on one line sit side by side and may not use each other.
pub const LAYERS: &[&[&str]] = &[
    &["text"],
    &["data"],
    &["model"],
    &["extract"],
    &["ingest"],
    &["index"],
    &["search"],
    &["api"],
    &["export", "serve"],
    &["cli"],
];

/// Arrows known to break the order, each to be removed by the change that fixes it; the test
/// fails when one of them no longer occurs, so this list can only shrink.
const KNOWN_BREAKS: &[&str] = &[];

#[cfg(test)]
mod tests {
    use super::{KNOWN_BREAKS, LAYERS};
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    fn rank(module: &str) -> Option<usize> {
        LAYERS.iter().position(|layer| layer.contains(&module))
    }

    /// `src/a/b.rs` → ["a", "b"]; `src/a/mod.rs` → ["a"]; `src/a.rs` → ["a"].
    fn module_path(src: &Path, file: &Path) -> Vec<String> {
        let relative = file.strip_prefix(src).expect("under src");
        let mut parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
            .collect();
        if parts.last().map(String::as_str) == Some("mod") {
            parts.pop();
        }
        parts
    }

    /// The file a module path names, taking the longest prefix that is a file or folder.
    fn file_of(src: &Path, path: &[String]) -> Option<PathBuf> {
        for len in (1..=path.len()).rev() {
            let base = path[..len].iter().fold(src.to_owned(), |p, s| p.join(s));
            let as_file = base.with_extension("rs");
            if as_file.is_file() {
                return Some(as_file);
            }
            let as_folder = base.join("mod.rs");
            if as_folder.is_file() {
                return Some(as_folder);
            }
        }
        None
    }

    /// The code of a file without its test module and comments.
    fn code_of(text: &str) -> String {
        let mut code = String::new();
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            let trimmed = line.trim_start();
            if trimmed.starts_with("#[cfg(test)]")
                && lines
                    .peek()
                    .is_some_and(|next| next.trim_start().starts_with("mod "))
            {
                break;
            }
            if trimmed.starts_with("//") {
                continue;
            }
            code.push_str(line);
            code.push('\n');
        }
        code
    }

    /// Every `crate::a::b` and `super::a` path in the code, as module paths from `src/`;
    /// a `use` group (`crate::a::{b, c::d}`) names each of its members.
    fn imported_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let bytes = code.as_bytes();
        for (start, root) in [("crate::", None), ("super::", Some(()))] {
            let mut from = 0;
            while let Some(found) = code[from..].find(start) {
                let at = from + found;
                from = at + start.len();
                let preceded_by_word = at > 0
                    && (bytes[at - 1].is_ascii_alphanumeric()
                        || bytes[at - 1] == b'_'
                        || bytes[at - 1] == b':');
                if preceded_by_word {
                    continue;
                }
                let mut base: Vec<String> = match root {
                    None => Vec::new(),
                    Some(()) => {
                        // `super` of a file is its folder; of a mod.rs, the folder above.
                        let mut parent = here.to_vec();
                        parent.pop();
                        parent
                    }
                };
                let rest = &code[from..];
                let mut chained = rest;
                // Further `super::super::` steps.
                while let Some(after) = chained.strip_prefix("super::") {
                    base.pop();
                    chained = after;
                }
                for member in expand(chained) {
                    let mut path = base.clone();
                    path.extend(member);
                    if !path.is_empty() {
                        out.push(path);
                    }
                }
            }
        }
        out
    }

    /// `a::b::{c, d::e}::…` → [[a, b, c], [a, b, d, e]]; `a::b(` → [[a, b]].
    fn expand(text: &str) -> Vec<Vec<String>> {
        let mut prefix: Vec<String> = Vec::new();
        let mut rest = text;
        loop {
            if let Some(group) = rest.strip_prefix('{') {
                let close = matching_brace(group);
                return split_group(&group[..close])
                    .into_iter()
                    .flat_map(|member| {
                        expand(member.trim()).into_iter().map(|tail| {
                            let mut path = prefix.clone();
                            path.extend(tail);
                            path
                        })
                    })
                    .collect();
            }
            let ident_len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if ident_len == 0 {
                return vec![prefix];
            }
            prefix.push(rest[..ident_len].to_owned());
            rest = &rest[ident_len..];
            match rest.strip_prefix("::") {
                Some(after) => rest = after,
                None => return vec![prefix],
            }
        }
    }

    fn matching_brace(text: &str) -> usize {
        let mut depth = 0;
        for (i, c) in text.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => return i,
                '}' => depth -= 1,
                _ => {}
            }
        }
        text.len()
    }

    fn split_group(text: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in text.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&text[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&text[start..]);
        parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
    }

    /// Arrows between the files of `src/`: (from, to), excluding a file's arrows to itself.
    fn arrows(src: &Path) -> BTreeSet<(PathBuf, PathBuf)> {
        let mut out = BTreeSet::new();
        for entry in walkdir::WalkDir::new(src)
            .into_iter()
            .filter_map(Result::ok)
        {
            let file = entry.path();
            if file.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(file).expect("readable source");
            let here = module_path(src, file);
            for path in imported_paths(&code_of(&text), &here) {
                if let Some(target) = file_of(src, &path) {
                    if target != file {
                        out.insert((file.to_owned(), target));
                    }
                }
            }
        }
        out
    }

    /// A file as a person names it: `src/extract/date.rs`.
    fn shown(src: &Path, file: &Path) -> String {
        let relative = file.strip_prefix(src).unwrap_or(file);
        format!("src/{}", relative.display())
    }

    fn top_module(src: &Path, file: &Path) -> Option<String> {
        module_path(src, file).first().cloned()
    }

    /// The arrows that point up or sideways in the layer order, as "from → to" lines.
    fn upward(src: &Path, arrows: &BTreeSet<(PathBuf, PathBuf)>) -> Vec<String> {
        let mut out = Vec::new();
        for (from, to) in arrows {
            let (Some(a), Some(b)) = (top_module(src, from), top_module(src, to)) else {
                continue;
            };
            if a == b || a == "lib" || a == "main" {
                continue;
            }
            match (rank(&a), rank(&b)) {
                (Some(ra), Some(rb)) if rb < ra => {}
                _ => out.push(format!("{} → {}", shown(src, from), shown(src, to))),
            }
        }
        out
    }

    /// Loops among files (arrows into a `mod.rs` left out), each as "a → b → a".
    fn loops(src: &Path, arrows: &BTreeSet<(PathBuf, PathBuf)>) -> Vec<String> {
        let mut graph: BTreeMap<&Path, Vec<&Path>> = BTreeMap::new();
        for (from, to) in arrows {
            if to.file_name().is_some_and(|n| n == "mod.rs") {
                continue;
            }
            graph.entry(from).or_default().push(to);
        }
        let mut found = Vec::new();
        let mut done: BTreeSet<&Path> = BTreeSet::new();
        fn visit<'a>(
            src: &Path,
            node: &'a Path,
            graph: &BTreeMap<&'a Path, Vec<&'a Path>>,
            stack: &mut Vec<&'a Path>,
            done: &mut BTreeSet<&'a Path>,
            found: &mut Vec<String>,
        ) {
            if let Some(at) = stack.iter().position(|n| *n == node) {
                let mut names: Vec<String> = stack[at..].iter().map(|n| shown(src, n)).collect();
                names.push(shown(src, node));
                found.push(names.join(" → "));
                return;
            }
            if !done.insert(node) {
                return;
            }
            stack.push(node);
            for next in graph.get(node).into_iter().flatten() {
                visit(src, next, graph, stack, done, found);
            }
            stack.pop();
        }
        for node in graph.keys() {
            visit(src, node, &graph, &mut Vec::new(), &mut done, &mut found);
        }
        found
    }

    /// Every break found must be a known one (else the message names the files).
    fn assert_only_known(found: &[String], what: &str) {
        let new: Vec<&String> = found
            .iter()
            .filter(|f| !KNOWN_BREAKS.contains(&f.as_str()))
            .collect();
        assert!(
            new.is_empty(),
            "{what}:\n{}",
            new.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    #[test]
    fn every_known_break_still_occurs() {
        let src = src();
        let arrows = arrows(&src);
        let mut found = upward(&src, &arrows);
        found.extend(loops(&src, &arrows));
        for known in KNOWN_BREAKS {
            assert!(
                found.iter().any(|f| f == known),
                "{known} is fixed: remove it from KNOWN_BREAKS"
            );
        }
    }

    fn src() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
    }

    #[test]
    fn every_module_of_src_has_a_layer() {
        for entry in std::fs::read_dir(src()).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if ["lib", "main", "layers"].contains(&name.as_str()) {
                continue;
            }
            assert!(rank(&name).is_some(), "src/{name} is in no layer of LAYERS");
        }
    }

    #[test]
    fn imports_point_down_the_layers() {
        let src = src();
        let arrows = arrows(&src);
        assert!(
            arrows.len() > 50,
            "the reader found the imports: {}",
            arrows.len()
        );
        let wrong = upward(&src, &arrows);
        assert!(
            wrong.is_empty(),
            "imports that point up or sideways:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn no_two_files_use_each_other() {
        let src = src();
        let found = loops(&src, &arrows(&src));
        assert_only_known(&found, "import loops");
    }

    /// The checks themselves, on a tree made for them: they must see an upward arrow, a loop,
    /// grouped and inline paths, and `super::` steps.
    #[test]
    fn the_checks_fail_on_an_upward_import_and_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path();
        let write = |path: &str, text: &str| {
            let file = src.join(path);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, text).unwrap();
        };
        write("text/mod.rs", "pub mod fold;\n");
        write(
            "text/fold.rs",
            "pub fn f() { crate::search::engine::run(); }\n",
        );
        write("search/mod.rs", "pub mod engine;\npub mod build;\n");
        write(
            "search/engine.rs",
            "use super::build::b;\nuse crate::{text, index::Fields};\n// crate::cli::x in a comment\n",
        );
        write(
            "search/build.rs",
            "use super::engine::run;\n#[cfg(test)]\nmod tests { use crate::cli::x; }\n",
        );
        write("index.rs", "");
        write("cli.rs", "");
        let arrows = arrows(src);
        let up = upward(src, &arrows);
        assert_eq!(up.len(), 1, "{up:?}");
        assert_eq!(up[0], "src/text/fold.rs → src/search/engine.rs");
        assert!(arrows.contains(&(src.join("search/engine.rs"), src.join("index.rs"))));
        assert!(
            !arrows.iter().any(|(_, to)| to.ends_with("cli.rs")),
            "comments and tests are not arrows"
        );
        let found = loops(src, &arrows);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0],
            "src/search/build.rs → src/search/engine.rs → src/search/build.rs"
        );
    }
}
