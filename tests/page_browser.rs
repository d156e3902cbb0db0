//! The page in a real browser (Debian's headless Chromium through chromedriver): type a query
//! and see highlighted hits, click a province and see the URL and counts change, use the
//! timeline, open an article with its matches marked, go back; a document with a hostile title
//! runs nothing; the page fits a phone. Screenshots go to target/page-*.png.
//!
//! Skips, saying why, when chromium or chromedriver is not installed (`.ci/run` installs them).

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::{serve_index, vnsearch, Server};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &[&str] = &["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const CHROMEDRIVER: &[&str] = &["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"];

/// A title and body that would run script if the page ever parsed document text as HTML.
const HOSTILE_TITLE: &str =
    "<img src=x onerror=\"document.body.dataset.pwned='img'\"> Khinh khí cầu <b>đậm</b>";
const HOSTILE_BODY: &str = "Ngày 02/12/2026, một chiếc khinh khí cầu bay qua Hải Phòng. \
<script>document.body.dataset.pwned='script'</script> <svg onload=\"document.body.dataset.pwned='svg'\"></svg> \
<a href=\"javascript:document.body.dataset.pwned='link'\">bấm</a> khinh khí cầu lần nữa.";

fn first_existing(candidates: &[&str]) -> Option<PathBuf> {
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The seeds plus one hostile article, indexed, and served.
fn hostile_server(temp: &Path) -> Server {
    let corpus = temp.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for entry in std::fs::read_dir(common::corpus()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        corpus.join("hostile.txt"),
        format!("{HOSTILE_TITLE}\n{HOSTILE_BODY}\n"),
    )
    .unwrap();
    let index = temp.join("index");
    let built = vnsearch()
        .arg("--index")
        .arg(&index)
        .arg("index")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    serve_index(&index, &[])
}

async fn browser(temp: &Path) -> Option<(Driver, Client)> {
    let Some(chromium) = first_existing(CHROMIUM) else {
        eprintln!("SKIP page_browser: no chromium ({CHROMIUM:?}); install it with `apt-get install -y chromium chromium-driver` (.ci/run does)");
        return None;
    };
    let Some(chromedriver) = first_existing(CHROMEDRIVER) else {
        eprintln!("SKIP page_browser: no chromedriver ({CHROMEDRIVER:?}); install it with `apt-get install -y chromium-driver` (.ci/run does)");
        return None;
    };
    let port = free_port();
    let driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let profile = temp.join("profile");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=vi",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let started = Instant::now();
    loop {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return Some((driver, client)),
            Err(err) if started.elapsed() > Duration::from_secs(20) => {
                panic!("chromedriver is installed but no browser session started: {err}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Runs `script` (a function body returning a value) until it returns something truthy.
async fn wait_for(client: &Client, what: &str, script: &str) -> Value {
    let started = Instant::now();
    loop {
        let value = client.execute(script, vec![]).await.expect("script runs");
        let truthy = !matches!(&value, Value::Null | Value::Bool(false))
            && value != json!("")
            && value != json!(0);
        if truthy {
            return value;
        }
        if started.elapsed() > Duration::from_secs(15) {
            let url = client.current_url().await.map(|u| u.to_string());
            let summary = client
                .execute(
                    "return document.getElementById('summary').textContent",
                    vec![],
                )
                .await;
            panic!("timed out waiting for {what} (at {url:?}, summary {summary:?})");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("script runs")
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("page_browser: screenshot {}", path.display());
}

async fn query_param(client: &Client, key: &str) -> Vec<String> {
    let url = client.current_url().await.unwrap();
    url.query_pairs()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .collect()
}

#[test]
fn the_page_searches_filters_opens_articles_and_runs_no_document_script() {
    let temp = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let Some((_driver, client)) = browser(temp.path()).await else {
            return;
        };
        let server = hostile_server(temp.path());
        let base = format!("http://{}/", server.address);
        let result = std::panic::AssertUnwindSafe(run_page_checks(&client, &base));
        let outcome = futures_catch(result).await;
        let _ = client.close().await;
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    });
}

/// Awaits `future`, turning a panic inside it into an `Err` so the browser is closed first.
async fn futures_catch<F: std::future::Future<Output = ()>>(
    future: std::panic::AssertUnwindSafe<F>,
) -> Result<(), Box<dyn std::any::Any + Send>> {
    use std::pin::pin;
    use std::task::Poll;
    let mut future = pin!(future.0);
    std::future::poll_fn(move |cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(())) => Poll::Ready(Ok(())),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    })
    .await
}

async fn run_page_checks(client: &Client, base: &str) {
    // The landing page: every article, newest first, and its facets.
    client.goto(base).await.unwrap();
    wait_for(
        client,
        "the first results",
        "return document.body.dataset.ready",
    )
    .await;
    assert_eq!(
        js(
            client,
            "return document.getElementById('summary').dataset.total"
        )
        .await,
        "6"
    );
    let first_ms = js(client, "return document.body.dataset.firstResultsMs").await;
    eprintln!("page_browser: first results {first_ms} ms after the script started");

    // Type a query (without diacritics): hits with their matches in <mark>, query in the URL.
    let input = client.find(Locator::Id("q")).await.unwrap();
    input.send_keys("nghi quyet trung uong 4").await.unwrap();
    wait_for(
        client,
        "4 hits for the typed query",
        "return document.getElementById('summary').dataset.total === '4' && location.search.includes('q=')",
    )
    .await;
    assert_eq!(query_param(client, "q").await, ["nghi quyet trung uong 4"]);
    let hits = js(
        client,
        "return [...document.querySelectorAll('#hits .hit')].map(h => h.dataset.id.slice(0, 3))",
    )
    .await;
    assert_eq!(hits, json!(["003", "002", "001", "004"]));
    let marks = js(
        client,
        "return [...document.querySelectorAll('#hits .snippet mark')].map(m => m.textContent)",
    )
    .await;
    let marks: Vec<String> = serde_json::from_value(marks).unwrap();
    assert!(
        marks.iter().any(|m| m == "Nghị quyết Trung ương 4"),
        "{marks:?}"
    );
    save_screenshot(client, "page-results.png").await;

    // Click a province (opening its region first): URL, chip and counts change.
    let region = "Đồng bằng sông Hồng";
    let toggle = client
        .find(Locator::XPath(&format!(
            "//button[@data-region='{region}']/preceding-sibling::button[contains(@class,'toggle')]"
        )))
        .await
        .unwrap();
    toggle.click().await.unwrap();
    let province = client
        .find(Locator::Css("button[data-province='Hải Phòng']"))
        .await
        .unwrap();
    assert!(province.is_displayed().await.unwrap());
    province.click().await.unwrap();
    wait_for(
        client,
        "the province filter",
        "return document.getElementById('summary').dataset.total === '1'",
    )
    .await;
    assert_eq!(query_param(client, "province").await, ["Hải Phòng"]);
    let chip = js(
        client,
        "return document.querySelector('#chips .chip').textContent",
    )
    .await;
    assert!(chip.as_str().unwrap().contains("Hải Phòng"), "{chip}");
    let active = js(
        client,
        "return document.querySelector(\"button[data-province='Hải Phòng']\").getAttribute('aria-pressed')",
    )
    .await;
    assert_eq!(active, "true");
    // Place counts ignore the place filter itself, so another province can still be added.
    let others = js(
        client,
        "return document.querySelectorAll('#place-tree button[data-province]').length",
    )
    .await;
    assert!(others.as_u64().unwrap() > 1, "{others}");

    // Open the article: its text with the query's matches marked, and a link back.
    let title = client
        .find(Locator::Css("#hits .hit a.title"))
        .await
        .unwrap();
    title.click().await.unwrap();
    wait_for(
        client,
        "the article",
        "return !document.getElementById('article-view').hidden && String(document.body.dataset.ready).startsWith('doc-')",
    )
    .await;
    assert_eq!(query_param(client, "doc").await, ["003_b09fdb954b2a7c93"]);
    let article_marks = js(
        client,
        "return [...document.querySelectorAll('#article-body mark')].map(m => m.textContent)",
    )
    .await;
    let article_marks: Vec<String> = serde_json::from_value(article_marks).unwrap();
    assert!(
        article_marks.iter().any(|m| m == "Nghị quyết Trung ương 4"),
        "{article_marks:?}"
    );
    let heading = js(
        client,
        "return document.getElementById('article-title').textContent",
    )
    .await;
    assert!(heading.as_str().unwrap().starts_with("Hội nghị giao ban"));
    save_screenshot(client, "page-article.png").await;

    // Back (the browser's button): the filtered results again.
    client.back().await.unwrap();
    wait_for(
        client,
        "the results after going back",
        "return !document.getElementById('results-view').hidden && document.getElementById('summary').dataset.total === '1'",
    )
    .await;
    assert!(query_param(client, "doc").await.is_empty());
    assert_eq!(query_param(client, "province").await, ["Hải Phòng"]);

    // The link back from the article view works as well.
    client
        .find(Locator::Css("#hits .hit a.title"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the article again",
        "return !document.getElementById('article-view').hidden",
    )
    .await;
    client
        .find(Locator::Id("back"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the results from the back link",
        "return !document.getElementById('results-view').hidden && document.getElementById('summary').dataset.total === '1'",
    )
    .await;

    // Remove the chip: back to four hits.
    client
        .find(Locator::Css("#chips .chip"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the chip removed",
        "return document.getElementById('summary').dataset.total === '4'",
    )
    .await;
    assert!(query_param(client, "province").await.is_empty());

    // The timeline: one bar per year; a click filters by that year and shows its months.
    let years = js(
        client,
        "return [...document.querySelectorAll('#timeline-bars .column')].map(c => c.dataset.period)",
    )
    .await;
    assert_eq!(years, json!(["2019", "2020", "2021", "2022", "2023"]));
    // Drawn as SVG from /api/trend, with the matches in no year named beside it.
    let drawn = js(
        client,
        "return [document.querySelectorAll('#timeline-bars svg g.column').length, document.getElementById('timeline-caption').textContent]",
    )
    .await;
    assert_eq!(drawn[0], 5, "{drawn}");
    assert!(
        drawn[1]
            .as_str()
            .unwrap()
            .ends_with(" · 1 bài chỉ có ngày đoán"),
        "{drawn}"
    );
    client
        .find(Locator::Css("#timeline-bars .column[data-period='2023']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the months of 2023",
        "return document.querySelectorAll('#timeline-bars .column').length === 12 && document.getElementById('summary').dataset.total === '1'",
    )
    .await;
    assert_eq!(query_param(client, "year").await, ["2023"]);
    client
        .find(Locator::Css(
            "#timeline-bars .column[data-period='2023-06']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "June 2023",
        "return location.search.includes('from=2023-06') && document.getElementById('summary').dataset.total === '1'",
    )
    .await;
    assert_eq!(query_param(client, "to").await, ["2023-06"]);

    // The hostile document: its title and body show literally and nothing in them runs.
    client
        .goto(&format!("{base}?q=khinh+kh%C3%AD+c%E1%BA%A7u"))
        .await
        .unwrap();
    wait_for(
        client,
        "the hostile document",
        "return document.getElementById('summary').dataset.total === '1'",
    )
    .await;
    let shown = js(
        client,
        "return document.querySelector('#hits a.title').textContent",
    )
    .await;
    assert_eq!(shown, HOSTILE_TITLE);
    client
        .find(Locator::Css("#hits a.title"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        client,
        "the hostile article",
        "return String(document.body.dataset.ready).startsWith('doc-')",
    )
    .await;
    let body = js(
        client,
        "return document.getElementById('article-body').textContent",
    )
    .await;
    assert!(body.as_str().unwrap().contains("<script>"), "{body}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let state = js(
        client,
        "return { pwned: document.body.dataset.pwned || null, scripts: document.scripts.length, \
         images: document.images.length, \
         svgs: [...document.querySelectorAll('main svg')].filter(s => !s.closest('#timeline-bars')).length, \
         links: document.querySelectorAll('#article-body a').length }",
    )
    .await;
    assert_eq!(
        state,
        json!({"pwned": null, "scripts": 1, "images": 0, "svgs": 0, "links": 0})
    );

    // A phone's width: one column, nothing wider than the screen.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!("{base}?q=%C4%90%E1%BA%A3ng"))
        .await
        .unwrap();
    wait_for(
        client,
        "results on a phone",
        "return document.body.dataset.ready",
    )
    .await;
    let overflow = js(
        client,
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
    )
    .await;
    assert!(overflow.as_i64().unwrap() <= 0, "{overflow} px too wide");
    save_screenshot(client, "page-phone.png").await;
}
