//! Headless Chromium, driven from the command line: load a page and record
//! what it fetched and logged, print it to PDF, take screenshots.
//!
//! The command line is enough for these checks, which keeps the tests free of
//! a DevTools client: Chromium's NetLog lists every request the page makes,
//! and `--enable-logging=stderr` prints every console message. A page that
//! needs no script produces no console message at all, so any is a failure.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../../../tests/support/chromium.rs"]
mod found;

/// A Chromium executable.
#[derive(Debug)]
pub struct Chromium {
    exe: PathBuf,
}

/// Finds Chromium: `$CHROMIUM`, else `chromium` or `chromium-browser` on the
/// PATH.
pub fn chromium() -> Chromium {
    Chromium {
        exe: found::executable(),
    }
}

/// What a page did while it loaded.
#[derive(Debug)]
pub struct Load {
    /// The DOM after loading, as `--dump-dom` prints it.
    pub dom: String,
    /// Console messages, as Chromium logged them.
    pub console: Vec<String>,
    /// URLs the page requested over the network (not `file:` or `data:`).
    pub requests: Vec<String>,
}

/// How long one Chromium run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(120);

impl Chromium {
    /// Runs Chromium headless with a fresh profile in `scratch` and `args`;
    /// returns its stdout and stderr.
    fn run(&self, scratch: &Path, args: &[String]) -> (String, String) {
        let profile = tempfile::tempdir_in(scratch).expect("profile directory");
        let mut child = Command::new(&self.exe)
            .args(found::HEADLESS)
            .arg("--hide-scrollbars")
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.exe.display()));
        // Drain both pipes on threads so a chatty browser cannot block on a
        // full pipe while we wait for it.
        let mut out = child.stdout.take().expect("piped stdout");
        let mut err = child.stderr.take().expect("piped stderr");
        let out = std::thread::spawn(move || {
            let mut s = String::new();
            out.read_to_string(&mut s).ok();
            s
        });
        let err = std::thread::spawn(move || {
            let mut s = String::new();
            err.read_to_string(&mut s).ok();
            s
        });
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for chromium") {
                break status;
            }
            if start.elapsed() > TIMEOUT {
                child.kill().ok();
                child.wait().ok();
                panic!("chromium took longer than {TIMEOUT:?}: {args:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let (out, err) = (
            out.join().unwrap_or_default(),
            err.join().unwrap_or_default(),
        );
        assert!(
            status.success(),
            "chromium failed ({status}) on {args:?}:\n{err}"
        );
        (out, err)
    }

    /// Loads `page` and reports its DOM, console messages and network
    /// requests.
    pub fn load(&self, scratch: &Path, page: &Path) -> Load {
        let netlog = scratch.join(format!("{}.netlog.json", stem(page)));
        let (dom, log) = self.run(
            scratch,
            &[
                "--enable-logging=stderr".into(),
                "--v=0".into(),
                format!("--log-net-log={}", netlog.display()),
                "--dump-dom".into(),
                url(page),
            ],
        );
        let console = log
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect();
        let netlog = std::fs::read_to_string(&netlog).expect("chromium wrote its NetLog");
        Load {
            dom,
            console,
            requests: page_requests(&netlog),
        }
    }

    /// Prints `page` to PDF as Chromium's print dialog would, without the
    /// header and footer; returns the PDF's bytes.
    pub fn print(&self, scratch: &Path, page: &Path, pdf: &Path) -> Vec<u8> {
        self.run(
            scratch,
            &[
                "--no-pdf-header-footer".into(),
                format!("--print-to-pdf={}", pdf.display()),
                url(page),
            ],
        );
        std::fs::read(pdf).expect("chromium wrote the PDF")
    }

    /// Takes a screenshot of `page` in a window `width` CSS pixels wide.
    pub fn screenshot(
        &self,
        scratch: &Path,
        page: &Path,
        width: u32,
        height: u32,
        png: &Path,
    ) -> Vec<u8> {
        self.run(
            scratch,
            &[
                format!("--window-size={width},{height}"),
                format!("--screenshot={}", png.display()),
                url(page),
            ],
        );
        std::fs::read(png).expect("chromium wrote the screenshot")
    }
}

fn url(page: &Path) -> String {
    let abs = std::fs::canonicalize(page).expect("page exists");
    format!("file://{}", abs.display())
}

fn stem(page: &Path) -> String {
    page.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".into())
}

/// The URLs a page loaded from `file://` requested over the network.
///
/// The browser makes requests of its own (update checks and the like) even
/// with background networking off; those carry no page in their network
/// isolation key, while everything a `file://` page loads carries `file://`.
fn page_requests(netlog: &str) -> Vec<String> {
    // Chromium may be killed before closing the JSON; it then ends with
    // a trailing comma and no closing brackets, which we supply.
    let log: serde_json::Value = serde_json::from_str(netlog)
        .or_else(|_| {
            serde_json::from_str(&format!("{}]}}", netlog.trim_end().trim_end_matches(',')))
        })
        .expect("the NetLog is JSON");
    let start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
        .as_u64()
        .expect("the NetLog names its event types");
    let events = log["events"].as_array().expect("the NetLog has events");
    assert!(!events.is_empty(), "the NetLog recorded nothing");
    let mut urls: Vec<String> = events
        .iter()
        .filter(|e| e["type"].as_u64() == Some(start_job))
        .filter(|e| {
            let p = &e["params"];
            [&p["network_isolation_key"], &p["site_for_cookies"]]
                .iter()
                .any(|v| v.as_str().is_some_and(|s| s.contains("file://")))
        })
        .filter_map(|e| e["params"]["url"].as_str().map(str::to_string))
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

/// The number of pages of a PDF that Chromium wrote, from its page objects,
/// checked against the page tree's count.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    let objects = pdf
        .windows(needle.len() + 1)
        .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphabetic())
        .count();
    let count = find_after(pdf, b"/Count ").map(|rest| {
        let digits: Vec<u8> = rest
            .iter()
            .copied()
            .take_while(u8::is_ascii_digit)
            .collect();
        String::from_utf8_lossy(&digits)
            .parse::<usize>()
            .unwrap_or(0)
    });
    assert_eq!(Some(objects), count, "page objects and /Count disagree");
    objects
}

fn find_after<'a>(hay: &'a [u8], needle: &[u8]) -> Option<&'a [u8]> {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|i| &hay[i + needle.len()..])
}

/// Width and height of a PNG, from its header.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}
