//! `vnsearch serve` as a child process on a free loopback port, and a plain HTTP/1.1 client
//! that sends exactly the bytes a test gives (so hostile request lines reach the server as is).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running `vnsearch serve`; stopped (SIGINT) when dropped.
pub struct Server {
    child: Option<Child>,
    /// `127.0.0.1:PORT`, from the line the server printed.
    pub address: String,
    /// The whole first line of stdout.
    pub banner: String,
    stderr: Arc<Mutex<String>>,
}

/// One HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn vnsearch() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("vnsearch"));
    cmd.env_remove("VNSEARCH_INDEX").env("NO_COLOR", "1");
    cmd
}

/// `vnsearch --index DIR serve --bind 127.0.0.1:0 EXTRA…`.
pub fn serve_index(index: &Path, extra: &[&str]) -> Server {
    let mut cmd = vnsearch();
    cmd.arg("--index")
        .arg(index)
        .args(["serve", "--bind", "127.0.0.1:0"]);
    cmd.args(extra);
    Server::start(cmd)
}

impl Server {
    /// Starts the command and waits (at most a minute: it may build an index first) for the
    /// line with its URL.
    pub fn start(mut cmd: Command) -> Server {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vnsearch serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().unwrap();
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
            // Keep reading so the server never blocks on a full pipe.
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
        });
        let banner = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if !line.is_empty() => line.trim_end().to_owned(),
            _ => {
                let _ = child.kill();
                let status = child.wait();
                panic!(
                    "vnsearch serve printed no URL ({status:?}); stderr: {}",
                    stderr.lock().unwrap()
                );
            }
        };
        let address = banner
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no URL in {banner:?}"))
            .to_owned();
        Server {
            child: Some(child),
            address,
            banner,
            stderr,
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Whether stderr holds `needle` within 5 s (it is read on its own thread).
    pub fn stderr_has(&self, needle: &str) -> bool {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if self.stderr().contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Sends `request` (a whole HTTP request) and reads the answer to the end.
    pub fn raw(&self, request: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        stream.write_all(request).expect("send request");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read answer");
        parse_answer(&bytes)
    }

    /// `METHOD target` with `Connection: close`.
    pub fn request(&self, method: &str, target: &str) -> Answer {
        let request = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        );
        self.raw(request.as_bytes())
    }

    pub fn get(&self, target: &str) -> Answer {
        self.request("GET", target)
    }

    /// GET with a query built from pairs (each percent-encoded).
    pub fn get_pairs(&self, path: &str, pairs: &[(&str, &str)]) -> Answer {
        self.get(&with_query(path, pairs))
    }

    /// Asks the server to stop as Ctrl-C does, and returns how it exited (at most 10 s).
    pub fn interrupt(mut self) -> (ExitStatus, Duration) {
        let mut child = self.child.take().unwrap();
        let started = Instant::now();
        signal(&child, "INT");
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return (status, started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("vnsearch serve still running 10 s after SIGINT");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn signal(child: &Child, name: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status();
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            signal(&child, "INT");
            std::thread::sleep(Duration::from_millis(50));
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

fn parse_answer(bytes: &[u8]) -> Answer {
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(bytes)));
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let status: u16 = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = bytes[split + 4..].to_vec();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&data[..end])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
    out
}
