//! `resume preview` end to end: the routes over HTTP (the page, the HTML,
//! the PDF, the event stream, the refusal of a foreign Host), and the page
//! in headless Chromium, watched over the DevTools protocol while the
//! source changes: the new text is in the page within a second of the
//! save, an invalid save shows its diagnostics as text in the page, and a
//! fix brings the outputs back.
//!
//! The Chromium test is skipped when Chromium is missing, except under CI.

#![cfg(unix)]

#[path = "../../../tests/support/chromium.rs"]
mod chromium;
#[path = "common/running.rs"]
mod running;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use running::{PATIENCE, Running, name_line, save_by_rename, seed};
use serde_json::{Value, json};

/// A preview of a copy of the seed, started and past its first build;
/// gives back the process, the source and the server's address.
fn start(dir: &Path) -> (Running, PathBuf, String) {
    let source = dir.join("cv.toml");
    std::fs::write(&source, seed()).unwrap();
    let mut preview = Running::start(dir, &["preview", "cv.toml", "--no-open", "--port", "0"]);
    preview.wait_for("the address", |r| r.stdout().contains("press Ctrl-C"));
    let out = preview.stdout();
    let url = out
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in:\n{out}"));
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    (preview, source, addr)
}

/// A response: status, head and body.
struct Got {
    status: u16,
    head: String,
    body: Vec<u8>,
}

/// A GET over plain HTTP/1.1, with `host` as the Host header. The body is
/// read as the head says: chunked, or so many bytes, or to the end.
fn get_as(addr: &str, host: &str, path: &str) -> Got {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let head = read_head(&mut reader);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let field = |name: &str| {
        head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let mut body = Vec::new();
    if field("Transfer-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).expect("a chunk size");
            let size = usize::from_str_radix(size.trim(), 16).expect("a hexadecimal chunk size");
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).expect("a chunk");
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(n) = field("Content-Length") {
        body.resize(n.parse().expect("a length"), 0);
        reader.read_exact(&mut body).expect("the body");
    } else {
        reader.read_to_end(&mut body).expect("the body");
    }
    Got { status, head, body }
}

/// A response's status line and header fields, up to the blank line.
fn read_head(reader: &mut BufReader<TcpStream>) -> String {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("the response head");
        if line == "\r\n" || line.is_empty() {
            return head;
        }
        head.push_str(&line);
    }
}

fn get(addr: &str, path: &str) -> Got {
    get_as(addr, addr, path)
}

/// An open `/events` stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(stream, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut reader = BufReader::new(stream);
        let head = read_head(&mut reader);
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");
        Events { reader }
    }

    /// The next event's data, as JSON (comments skipped).
    fn next(&mut self) -> Value {
        loop {
            let mut line = String::new();
            let n = self.reader.read_line(&mut line).expect("an event");
            assert!(n > 0, "the event stream ended");
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data.trim_end()).expect("JSON data");
            }
        }
    }
}

#[test]
fn preview_serves_the_page_the_outputs_and_a_stream_of_builds() {
    let dir = tempfile::tempdir().unwrap();
    let (preview, source, addr) = start(dir.path());
    assert!(addr.starts_with("127.0.0.1:"));

    let page = get(&addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.head.contains("text/html"), "{}", page.head);
    let text = String::from_utf8(page.body).unwrap();
    assert!(text.contains(r#"src="/html?build=1""#), "{text}");
    assert!(text.contains(r#"src="/pdf?build=1""#), "{text}");
    assert!(text.contains(r#"new EventSource("/events")"#));
    // Self-contained: nothing is fetched from elsewhere.
    assert!(
        !text.contains("http://") && !text.contains("https://"),
        "{text}"
    );

    let html = get(&addr, "/html?build=1");
    assert_eq!(html.status, 200);
    assert!(html.head.contains("text/html"));
    assert!(String::from_utf8_lossy(&html.body).contains("wenqing4@illinois.edu"));
    let pdf = get(&addr, "/pdf");
    assert_eq!(pdf.status, 200);
    assert!(pdf.head.contains("application/pdf"), "{}", pdf.head);
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert_eq!(get(&addr, "/nothing").status, 404);
    // A name that is not ours (DNS rebinding) is refused.
    let port = addr.rsplit(':').next().unwrap();
    assert_eq!(
        get_as(&addr, &format!("evil.example:{port}"), "/html").status,
        403
    );

    // The stream starts with the current state, then sends one per build.
    let mut events = Events::open(&addr);
    let first = events.next();
    assert_eq!(first["generation"], 1);
    assert_eq!(first["ok"], true);
    save_by_rename(&source, &seed().replace("wenqing4@", "streamed@"));
    let second = events.next();
    assert_eq!(second["generation"], 2, "{second}");
    assert_eq!(second["built"], 2);
    assert!(String::from_utf8_lossy(&get(&addr, "/html").body).contains("streamed@illinois.edu"));

    // An invalid save: the state carries the diagnostics, the outputs stay.
    std::fs::write(
        &source,
        seed().replacen("name = \"Wenqing Luo\"", "name = <b>", 1),
    )
    .unwrap();
    let third = events.next();
    assert_eq!(third["ok"], false, "{third}");
    assert_eq!(third["built"], 2);
    let log = third["log"].as_str().unwrap();
    assert!(log.contains(&name_line()), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "colours in the page's text: {log:?}"
    );
    assert!(String::from_utf8_lossy(&get(&addr, "/html").body).contains("streamed@illinois.edu"));
    let page = String::from_utf8(get(&addr, "/").body).unwrap();
    assert!(page.contains("name = &lt;b&gt;"), "not escaped:\n{page}");

    let (status, _, err) = preview.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
}

/// Headless Chromium with the DevTools protocol on a port of its own.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// Opens `url` in headless Chromium; gives back the browser and the
/// address of its DevTools endpoint.
fn open(url: &str) -> (Browser, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium::executable())
        .args(chromium::HEADLESS)
        .arg("--remote-debugging-port=0")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    // Chromium says where DevTools listens; the rest of its chatter is
    // drained so it never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("DevTools listening on ws://").nth(1) {
                let addr = rest.split('/').next().unwrap_or("").to_string();
                let _ = tx.send(addr);
            }
        }
    });
    let browser = Browser {
        child,
        _profile: profile,
    };
    let devtools = rx
        .recv_timeout(PATIENCE)
        .expect("chromium did not open its DevTools port");
    (browser, devtools)
}

/// A DevTools protocol session with one page.
struct Page {
    socket: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
}

impl Page {
    /// Connects to the page whose address starts with `url`.
    fn attach(devtools: &str, url: &str) -> Page {
        let start = Instant::now();
        let target = loop {
            let list = get(devtools, "/json/list");
            let targets: Value = serde_json::from_slice(&list.body).expect("the target list");
            let found = targets.as_array().and_then(|ts| {
                ts.iter()
                    .find(|t| {
                        t["type"] == "page" && t["url"].as_str().is_some_and(|u| u.starts_with(url))
                    })
                    .cloned()
            });
            if let Some(t) = found {
                break t;
            }
            assert!(start.elapsed() < PATIENCE, "no page for {url}: {targets}");
            std::thread::sleep(Duration::from_millis(50));
        };
        let ws = target["webSocketDebuggerUrl"]
            .as_str()
            .expect("a socket URL");
        let stream = TcpStream::connect(devtools).expect("connect to DevTools");
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let (socket, _) = tungstenite::client(ws, stream).expect("the DevTools handshake");
        Page { socket, next_id: 1 }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let call = json!({
            "id": id,
            "method": "Runtime.evaluate",
            "params": { "expression": expression, "returnByValue": true },
        });
        self.socket
            .send(tungstenite::Message::text(call.to_string()))
            .expect("send to DevTools");
        loop {
            let message = self.socket.read().expect("a DevTools message");
            let Ok(text) = message.to_text() else {
                continue;
            };
            let reply: Value = serde_json::from_str(text).expect("DevTools JSON");
            if reply["id"] == id {
                assert!(reply.get("error").is_none(), "{reply}");
                return reply["result"]["result"]["value"].clone();
            }
        }
    }

    /// Waits until `expression` is true in the page; gives back how long it
    /// took.
    #[track_caller]
    fn wait_for(&mut self, what: &str, expression: &str) -> Duration {
        let start = Instant::now();
        loop {
            if self.eval(expression) == Value::Bool(true) {
                return start.elapsed();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{what}: not seen in the page after {PATIENCE:?}; the page:\n{}",
                self.eval("document.documentElement.outerHTML")
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Whether the HTML frame's text holds `word` (a JavaScript expression).
fn frame_holds(word: &str) -> String {
    format!(
        "(() => {{ const d = document.getElementById('html').contentDocument; \
         return !!(d && d.body && d.body.innerText.includes({word:?})); }})()"
    )
}

#[test]
#[cfg_attr(not(has_chromium), ignore = "chromium is not installed")]
fn preview_page_follows_the_source_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let (preview, source, addr) = start(dir.path());
    let url = format!("http://{addr}/");
    let (browser, devtools) = open(&url);
    let mut page = Page::attach(&devtools, &url);

    page.wait_for(
        "the first build, with the page connected",
        &format!(
            "document.body.dataset.live === 'true' && {}",
            frame_holds("wenqing4@illinois.edu")
        ),
    );
    assert_eq!(
        page.eval("document.getElementById('pdf').getAttribute('src')"),
        "/pdf?build=1"
    );

    // A save: the page shows the new text within a second, by itself.
    save_by_rename(&source, &seed().replace("wenqing4@", "browser@"));
    let took = page.wait_for("the new address", &frame_holds("browser@illinois.edu"));
    eprintln!("the page showed the save {took:?} after it");
    assert!(
        took <= Duration::from_secs(1),
        "the page took {took:?} to show the change"
    );
    assert_eq!(
        page.eval("document.getElementById('pdf').getAttribute('src')"),
        "/pdf?build=2"
    );

    // An invalid save: the diagnostics as text above the last good build.
    std::fs::write(
        &source,
        seed().replacen("name = \"Wenqing Luo\"", "name = <b>", 1),
    )
    .unwrap();
    page.wait_for(
        "the diagnostics",
        &format!(
            "document.getElementById('log').textContent.includes('{}')",
            name_line()
        ),
    );
    assert_eq!(
        page.eval(
            "(() => { const log = document.getElementById('log'); \
             return [log.children.length, log.className, log.textContent.includes('name = <b>')]; })()"
        ),
        json!([0, "failed", true])
    );
    assert_eq!(page.eval(&frame_holds("browser@illinois.edu")), true);

    // Fixed: the diagnostics go, the new build shows.
    save_by_rename(&source, &seed().replace("wenqing4@", "fixed@"));
    page.wait_for("the fixed build", &frame_holds("fixed@illinois.edu"));
    assert_eq!(page.eval("document.getElementById('log').className"), "");

    drop(page);
    drop(browser);
    let (status, _, err) = preview.interrupt();
    assert_eq!(status.code(), Some(0), "{err}");
}
