//! Hostile input through the real binary: a corpus of broken, odd and legacy files generated in a
//! temporary folder. Every good document must be indexed and found, every bad one reported with
//! its path (and line) and the reason, and the exit status must follow the README.

#![cfg(unix)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};

use common::Fixture;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;
use vnsearch::ingest::legacy::{encode, Encoding};

/// An empty index in a temporary folder, and a corpus folder beside it.
fn fixture() -> (Fixture, PathBuf) {
    let fixture = Fixture {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let corpus = fixture.dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    (fixture, corpus.canonicalize().unwrap())
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn utf16(bom: [u8; 2], text: &str, unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(unit))
        .collect()
}

/// The warnings printed by `index`, as (path relative to the corpus[:line], verb, reason).
fn warnings(stderr: &str, corpus: &Path) -> BTreeSet<(String, String, String)> {
    let prefix = format!("vnsearch: warning: {}/", corpus.display());
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|rest| {
            let mut parts = rest.splitn(3, ": ");
            let path = parts.next().unwrap().to_owned();
            let verb = parts.next().unwrap().to_owned();
            let reason = parts.next().unwrap().to_owned();
            (path, verb, reason)
        })
        .collect()
}

/// Ids found by a query, in rank order.
fn ids(fixture: &Fixture, query: &str) -> Vec<String> {
    hits(&fixture.search_json(query, &[]))
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_owned())
        .collect()
}

fn hits(response: &Value) -> Vec<Value> {
    response["hits"].as_array().expect("hits").clone()
}

/// Whether a file with mode 000 can still be read (tests running as root).
fn permissions_are_bypassed(path: &Path) -> bool {
    fs::read(path).is_ok()
}

/// A ~1 MB article whose one unusual phrase sits near the end.
fn large_article() -> String {
    let words = [
        "công", "tác", "tổ", "chức", "xây", "dựng", "Đảng", "hội", "nghị", "cán", "bộ", "đảng",
        "viên", "chi", "nhiệm", "vụ", "chính", "trị", "phát", "triển",
    ];
    let mut text = String::from("Bài rất dài để thử giới hạn bộ nhớ\n\n");
    let mut n: usize = 7;
    let mut paragraph = 0;
    while text.len() < 1_000_000 {
        for _ in 0..100 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(words[(n >> 33) % words.len()]);
            text.push(' ');
        }
        text.push_str(&format!("đoạn {paragraph}.\n"));
        paragraph += 1;
    }
    text.push_str("Cuối bài có chiếc khinh khí cầu bay qua hội trường.\n");
    text
}

#[test]
fn every_good_document_is_indexed_and_every_bad_one_reported() {
    let (fixture, corpus) = fixture();
    let c = |name: &str| corpus.join(name);

    write(
        &c("bad_utf8.txt"),
        [
            "Bài có byte hỏng giữa văn bản\n\nĐoạn đầu nói về cây xoài ở sân trụ sở Đảng ủy xã "
                .as_bytes(),
            b"\xFF\xFE\xC3",
            " rồi tiếp tục nói về kỷ luật đảng viên vi phạm quy định.\n".as_bytes(),
        ]
        .concat(),
    );
    write(
        &c("bom.txt"),
        [
            &b"\xEF\xBB\xBF"[..],
            "Bài có dấu BOM ở đầu tệp\n\nNông dân chăm sóc con trâu trên đồng.\n".as_bytes(),
        ]
        .concat(),
    );
    write(
        &c("utf16le.txt"),
        utf16(
            [0xFF, 0xFE],
            "Bài mã hóa UTF-16 little endian\n\nMùa gặt trên cánh đồng lúa chín.\n",
            u16::to_le_bytes,
        ),
    );
    write(
        &c("utf16be.txt"),
        utf16(
            [0xFE, 0xFF],
            "Bài mã hóa UTF-16 big endian\n\nThuyền xuôi theo dòng sông Hồng.\n",
            u16::to_be_bytes,
        ),
    );
    write(
        &c("utf16_no_bom.txt"),
        "Bài UTF-16 không có BOM\n\nĐồi chè xanh trong thung lũng.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    );
    write(
        &c("crlf.txt"),
        "Bài xuống dòng kiểu Windows\r\n\r\nĐoạn một về ngọn núi cao.\r\nĐoạn hai.\rĐoạn ba sau một CR đơn.\r",
    );
    let nfd_title = "Bài viết ở dạng Unicode tách dấu";
    write(
        &c("nfd.txt"),
        format!("{nfd_title}\n\nDu khách ra thăm hòn đảo nhỏ của tỉnh Quảng Ninh.\n")
            .nfd()
            .collect::<String>(),
    );
    write(
        &c("spaces.txt"),
        "Bài có\u{00A0}khoảng trắng lạ\n\nNgười dân dạo trên bãi\u{00A0}biển; chiếc thuy\u{200B}ền \u{200B}ra khơi\u{200B} sáng sớm.\n",
    );
    write(&c("chrome.txt"), "Phản hồi\nChia sẻ\n\nXem thêm\ncaptcha\n");
    write(&c("empty.txt"), "");
    write(
        &c("binary.txt"),
        (0u8..=255).cycle().take(4096).collect::<Vec<u8>>(),
    );
    write(
        &c("data.jsonl"),
        concat!(
            r#"{"id":"rec-1","title":"Bản ghi thứ nhất","body":"Chi bộ thăm vườn chè của hợp tác xã."}"#,
            "\nthis line is not JSON\n",
            r#"{"id":"rec-2","title":"Bản ghi thứ hai","body":"Đảng viên trồng cánh rừng phòng hộ."}"#,
            "\n",
            r#"{"id":"rec-3","title":"Bản ghi bị cắt","body":"quả dừa"#,
        ),
    );
    let mut deep = corpus.clone();
    for level in 0..40 {
        deep.push(format!("d{level}"));
    }
    write(
        &deep.join("deep.txt"),
        "Bài nằm sâu bốn mươi tầng thư mục\n\nKho lưu trữ còn từng hạt gạo của năm xưa.\n",
    );
    fs::create_dir(c("loop")).unwrap();
    symlink("..", c("loop/up")).unwrap();
    symlink("self", c("loop/self")).unwrap();
    let outside = fixture.dir.path().join("outside.txt");
    write(
        &outside,
        "Bài được trỏ tới bằng liên kết\n\nMột cơn mưa rào đổ xuống thị trấn.\n",
    );
    symlink(&outside, c("link.txt")).unwrap();
    write(
        &c("unreadable.txt"),
        "Bài không có quyền đọc\n\nĐêm rằm ánh trăng sáng khắp làng.\n",
    );
    fs::set_permissions(c("unreadable.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anything = permissions_are_bypassed(&c("unreadable.txt"));
    let tcvn3 = "Bài viết mã TCVN3\n\nBuổi sáng đàn cò trắng bay về đậu trên ngọn tre đầu làng.\n";
    write(&c("tcvn3.txt"), encode(tcvn3, Encoding::Tcvn3).unwrap());
    let vni = "Bài viết mã VNI\n\nNgôi mái đình cổ của làng được tu bổ lại để đón Tết.\n";
    write(&c("vni.txt"), encode(vni, Encoding::Vni).unwrap());
    // The same kind of text, once opened as Western European and saved as UTF-8: mojibake.
    let mojibake: String = encode(
        "Bài VNI đã lưu lại thành UTF-8\n\nNước giếng làng trong mát quanh năm, người dân đến gánh nước mỗi sáng.\n",
        Encoding::Vni,
    )
    .unwrap()
    .into_iter()
    .map(char::from)
    .collect();
    assert!(mojibake.contains("Nöôùc gieáng laøng"));
    write(&c("vni_mojibake.txt"), mojibake);
    write(&c("large.txt"), large_article());
    let fifo = std::process::Command::new("mkfifo")
        .arg(c("fifo.txt"))
        .status()
        .is_ok_and(|s| s.success());
    if !fifo {
        println!("mkfifo is not available: the FIFO case is not checked");
    }

    let out = fixture.run(&["index", corpus.to_str().unwrap()]);
    fs::set_permissions(c("unreadable.txt"), fs::Permissions::from_mode(0o644)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");

    let reason = |s: &str| s.to_owned();
    let mut expected: BTreeSet<(String, String, String)> = [
        ("bad_utf8.txt", "repaired", reason("3 invalid UTF-8 sequence(s) replaced with U+FFFD")),
        ("utf16le.txt", "repaired", reason("decoded from UTF-16")),
        ("utf16be.txt", "repaired", reason("decoded from UTF-16")),
        (
            "utf16_no_bom.txt",
            "repaired",
            reason("decoded from UTF-16 (no byte-order mark)"),
        ),
        ("tcvn3.txt", "repaired", reason("converted from the legacy TCVN3 (ABC) encoding")),
        ("vni.txt", "repaired", reason("converted from the legacy VNI encoding")),
        (
            "vni_mojibake.txt",
            "repaired",
            reason("converted from the legacy VNI encoding (the text had been read as Western European)"),
        ),
        ("chrome.txt", "skipped", reason("no article text (empty or only page chrome)")),
        ("empty.txt", "skipped", reason("empty file")),
        ("binary.txt", "skipped", reason("binary content (NUL bytes), not a text article")),
        (
            "data.jsonl:2",
            "skipped",
            reason("not a JSON record: expected ident at line 1 column 2"),
        ),
        (
            "data.jsonl:4",
            "skipped",
            reason("not a JSON record: EOF while parsing a string at line 1 column 64"),
        ),
        (
            "loop/up",
            "skipped",
            reason("symbolic link to a folder, not followed (name the folder itself to index it)"),
        ),
        (
            "loop/self",
            "skipped",
            reason("broken or looping symbolic link: Too many levels of symbolic links (os error 40)"),
        ),
    ]
    .into_iter()
    .map(|(p, v, r)| (p.to_owned(), v.to_owned(), r))
    .collect();
    if fifo {
        expected.insert((
            "fifo.txt".into(),
            "skipped".into(),
            "not a regular file (a FIFO, socket or device)".into(),
        ));
    }
    if root_reads_anything {
        println!("running as root: a mode-000 file is still readable, so unreadable.txt is indexed; its 'permission denied' report is not checked");
    } else {
        expected.insert((
            "unreadable.txt".into(),
            "skipped".into(),
            "cannot read: Permission denied (os error 13)".into(),
        ));
    }
    assert_eq!(warnings(&stderr, &corpus), expected, "{stderr}");

    let good = 16 + usize::from(root_reads_anything);
    let skipped = expected.iter().filter(|w| w.1 == "skipped").count();
    let summary = format!(
        "indexed 19 files: {good} added, 0 updated, 0 removed, 0 unchanged, 0 duplicates, {skipped} skipped ("
    );
    assert!(stderr.contains(&summary), "{summary}\n{stderr}");
    assert!(
        stderr.contains(&format!("; {good} documents in the index")),
        "{stderr}"
    );

    for (query, id) in [
        ("cây xoài", "bad_utf8"),
        ("kỷ luật đảng viên vi phạm", "bad_utf8"),
        ("con trâu", "bom"),
        ("cánh đồng", "utf16le"),
        ("dòng sông", "utf16be"),
        ("thung lũng", "utf16_no_bom"),
        ("ngọn núi", "crlf"),
        ("CR đơn", "crlf"),
        ("hòn đảo", "nfd"),
        ("hon dao", "nfd"),
        ("bãi biển", "spaces"),
        ("chiếc thuyền", "spaces"),
        ("khoảng trắng", "spaces"),
        ("vườn chè", "rec-1"),
        ("cánh rừng", "rec-2"),
        ("hạt gạo", "deep"),
        ("cơn mưa", "link"),
        ("đàn cò", "tcvn3"),
        ("ngọn tre", "tcvn3"),
        ("mái đình", "vni"),
        ("giếng làng", "vni_mojibake"),
        ("khinh khí cầu", "large"),
    ] {
        assert_eq!(ids(&fixture, query), vec![id.to_owned()], "query {query:?}");
    }
    let moon = ids(&fixture, "ánh trăng");
    if root_reads_anything {
        assert_eq!(moon, vec!["unreadable".to_owned()]);
    } else {
        assert!(moon.is_empty());
    }
    // Neither the truncated JSON record nor the page chrome was indexed.
    assert!(ids(&fixture, "quả dừa").is_empty());
    assert!(ids(&fixture, "captcha").is_empty());

    // What the reader sees is clean: titles without BOM or CR, NFC, converted from legacy bytes.
    let title = |query: &str| hits(&fixture.search_json(query, &[]))[0]["title"].clone();
    assert_eq!(title("con trâu"), "Bài có dấu BOM ở đầu tệp");
    assert_eq!(title("ngọn núi"), "Bài xuống dòng kiểu Windows");
    assert_eq!(title("hòn đảo"), nfd_title);
    assert_eq!(title("bãi biển"), "Bài có khoảng trắng lạ");
    assert_eq!(title("đàn cò"), "Bài viết mã TCVN3");
    assert_eq!(title("giếng làng"), "Bài VNI đã lưu lại thành UTF-8");
    let bad = fixture.search_json("cây xoài", &[]);
    let snippet = hits(&bad)[0]["snippets"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(snippet.contains("\u{FFFD}"), "{snippet}");
    assert!(snippet.contains("kỷ luật"), "{snippet}");
    // A snippet is cut from the far end of the 1 MB article, not just its start.
    let large = fixture.search_json("khinh khí cầu", &[]);
    let snippet = hits(&large)[0]["snippets"][0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        snippet.contains("khinh khí cầu bay qua hội trường"),
        "{snippet}"
    );
    assert!(snippet.chars().count() < 400, "{snippet}");

    // A second run changes nothing and says the same about the bad files.
    let again = fixture.run(&["index", corpus.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(0), "{stderr}");
    let summary = format!("0 added, 0 updated, 0 removed, {good} unchanged,");
    assert!(stderr.contains(&summary), "{stderr}");
    assert_eq!(warnings(&stderr, &corpus), expected);
}

#[test]
fn nothing_indexable_is_an_error_but_partly_bad_is_not() {
    let (fixture, corpus) = fixture();
    write(&corpus.join("empty.txt"), "");
    write(&corpus.join("binary.txt"), b"\x00\x01\x02\x03");
    let out = fixture.run(&["index", corpus.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some("vnsearch: error: nothing could be indexed")
    );

    write(
        &corpus.join("good.txt"),
        "Một bài tốt\n\nNội dung về công tác cán bộ.\n",
    );
    let out = fixture.run(&["index", corpus.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("1 added") && stderr.contains("2 skipped"),
        "{stderr}"
    );
}

#[test]
fn a_missing_path_alone_is_an_error() {
    let (fixture, corpus) = fixture();
    let missing = corpus.join("no-such-folder");
    let out = fixture.run(&["index", missing.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no-such-folder: skipped: cannot open: No such file or directory"),
        "{stderr}"
    );
}

#[test]
fn an_index_that_cannot_be_written_is_one_clear_line() {
    let (fixture, corpus) = fixture();
    write(
        &corpus.join("good.txt"),
        "Một bài tốt\n\nNội dung về công tác cán bộ.\n",
    );
    // The index folder would have to live inside a regular file.
    let blocker = fixture.dir.path().join("blocker");
    write(&blocker, "a file, not a folder");
    let out = assert_cmd::Command::cargo_bin("vnsearch")
        .unwrap()
        .env_remove("VNSEARCH_INDEX")
        .arg("--index")
        .arg(blocker.join("index"))
        .args(["index", corpus.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("vnsearch: error: cannot write the index at "),
        "{stderr}"
    );
}
