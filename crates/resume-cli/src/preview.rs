//! `resume preview`: a page on 127.0.0.1 with the source's HTML and PDF
//! side by side, rebuilt in memory on every save (the watching is
//! [`crate::watch::run`]'s) and pushed to the page as server-sent events.
//!
//! Routes: `/` the page, `/html` and `/pdf` the last good build, `/events`
//! the stream of states (one JSON object per build: whether it succeeded,
//! its diagnostics as plain text, and which build the frames should show).
//! Nothing is written to disk. The server is tiny_http: a blocking server
//! on a few threads fits a page one person looks at, and builds far
//! faster than an async stack.

use std::io::Write as _;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use resume_document::{Format, Note};
use tiny_http::{Header, Request, Response, Server};

use crate::args::PreviewArgs;
use crate::report::{self, emitln};
use crate::{Failure, Strictness, lower, parse_source};

const PAGE: &str = include_str!("preview.html");

/// How often an idle event stream sends a comment, so a closed page is
/// noticed and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The outcome of the builds so far, as the page shows it.
#[derive(Debug, Clone, Default)]
struct Snapshot {
    /// How many builds have run.
    generation: u64,
    /// The generation of the last good build (0: none yet).
    built: u64,
    /// Whether the last build succeeded.
    ok: bool,
    /// What the last build printed, without colours.
    log: String,
    /// What the page's header says.
    status: String,
    html: Option<Arc<[u8]>>,
    pdf: Option<Arc<[u8]>>,
}

#[derive(Debug, Default)]
struct State {
    snapshot: Mutex<Snapshot>,
    /// Signalled after every build.
    changed: Condvar,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Snapshot> {
        self.snapshot.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub(crate) fn preview(args: &PreviewArgs) -> Result<(), Failure> {
    crate::watch::one_file(&args.source)?;
    let timestamp = crate::source_date_epoch()?;
    // Loopback only: the page shows a résumé's private details to whoever
    // can reach it.
    let server = Server::http(("127.0.0.1", args.port.unwrap_or(0))).map_err(|e| {
        anyhow!(
            "cannot listen on 127.0.0.1:{}: {e}; choose another port with --port, or leave it out for a free one",
            args.port.unwrap_or(0)
        )
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or_else(|| anyhow!("the preview server has no TCP address"))?;
    let url = format!("http://127.0.0.1:{port}/");
    let state = Arc::new(State::default());
    let title = args.source.file_name().map_or_else(
        || args.source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let state = Arc::clone(&state);
                let title = title.clone();
                // One thread per request: an event stream stays open as
                // long as its page does.
                std::thread::spawn(move || serve(request, &state, &title, port));
            }
        });
    }
    let mut first = true;
    crate::watch::run(&args.source, |saved| {
        let start = Instant::now();
        let (result, log) = report::capturing(|| {
            render(args, timestamp).inspect_err(|f| {
                if let Failure::Io(e) = f {
                    emitln!("error: {e:#}");
                }
            })
        });
        let took = start.elapsed().as_millis();
        let after_save = match saved {
            Some(at) => format!(", {} ms after the save", at.elapsed().as_millis()),
            None => String::new(),
        };
        {
            let mut s = state.lock();
            s.generation += 1;
            s.ok = result.is_ok();
            s.log = log;
            match result {
                Ok((html, pdf)) => {
                    s.html = Some(html.into());
                    s.pdf = Some(pdf.into());
                    s.built = s.generation;
                    s.status = format!("built in {took} ms");
                    println!("built {} in {took} ms{after_save}", args.source.display());
                }
                Err(_) => {
                    s.status = if s.built == 0 {
                        "the source has errors; nothing to show yet".into()
                    } else {
                        "the source has errors; showing the last good build".into()
                    };
                    eprintln!(
                        "previewing {}: the page shows the errors; fix the source and save again",
                        args.source.display()
                    );
                }
            }
        }
        state.changed.notify_all();
        if first {
            first = false;
            println!("preview of {} at {url}", args.source.display());
            println!("press Ctrl-C to stop");
            if !args.no_open
                && let Err(e) = open_browser(&url)
            {
                eprintln!("warning: cannot open a browser ({e:#}); open {url} yourself");
            }
        }
    })
}

/// Opens `url` in the default browser: `$BROWSER` when set, else the
/// system's opener. The opener is started and left to itself (it returns
/// at once, or lives as long as the browser window).
fn open_browser(url: &str) -> anyhow::Result<()> {
    use std::process::{Command, Stdio};
    let mut command = match std::env::var_os("BROWSER").filter(|b| !b.is_empty()) {
        Some(browser) => Command::new(browser),
        None if cfg!(target_os = "macos") => Command::new("open"),
        // `start` is a command of cmd; its first quoted argument is a
        // window title, hence the empty one.
        None if cfg!(windows) => {
            let mut c = Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        }
        None => Command::new("xdg-open"),
    };
    let program = command.get_program().to_string_lossy().into_owned();
    command
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot run {program}"))?;
    Ok(())
}

/// Builds the HTML and the PDF in memory, reporting as `build` does.
fn render(args: &PreviewArgs, timestamp: Option<i64>) -> Result<(Vec<u8>, Vec<u8>), Failure> {
    let mut log = String::new();
    let parsed = parse_source(&args.source, args.from.from, Strictness::Render, &mut log);
    report::emit(&log);
    let (resume, source, format) = parsed?;
    let prepared = lower(
        &args.source,
        &resume,
        (&source, format),
        &args.render,
        None,
        timestamp,
    )?;
    let pdf = resume_pdf::Pdf::default();
    let formats: [&dyn Format; 2] = [&resume_html::Html, &pdf];
    let mut bytes = Vec::with_capacity(2);
    for format in formats {
        let out = prepared.render(format).map_err(|e| {
            emitln!(
                "error: {}: cannot build the {}: {e}",
                args.source.display(),
                format.extension().to_uppercase()
            );
            Failure::Invalid
        })?;
        for note in &out.notes {
            // Page fitting is the default and not worth a note, as in `build`.
            if matches!(note, Note::Fit(_)) && args.render.fit_pages.is_none() {
                continue;
            }
            let level = match note {
                Note::Omitted { .. } => "warning",
                _ => "note",
            };
            emitln!("{level}: {}: {note}", format.extension());
        }
        bytes.push(out.bytes);
    }
    let pdf = bytes.pop().unwrap_or_default();
    let html = bytes.pop().unwrap_or_default();
    Ok((html, pdf))
}

/// Answers one request.
fn serve(request: Request, state: &State, title: &str, port: u16) {
    // A page elsewhere could reach this server through a name that points
    // at 127.0.0.1 (DNS rebinding); only our own names are served.
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    let ours = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if !host.is_some_and(|h| ours.contains(&h)) {
        let _ = request.respond(text(403, "only http://127.0.0.1 is served\n"));
        return;
    }
    let path = request.url().split('?').next().unwrap_or("").to_string();
    let response = match path.as_str() {
        "/events" => return events(request, state),
        "/" => {
            let s = state.lock().clone();
            Response::from_data(page(title, &s))
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
        "/html" | "/pdf" => {
            let s = state.lock();
            let (bytes, kind) = if path == "/html" {
                (s.html.clone(), "text/html; charset=utf-8")
            } else {
                (s.pdf.clone(), "application/pdf")
            };
            drop(s);
            match bytes {
                Some(b) => {
                    Response::from_data(b.to_vec()).with_header(header("Content-Type", kind))
                }
                None => text(503, "nothing built yet: the source has errors\n"),
            }
        }
        _ => text(404, "not found\n"),
    };
    let _ = request.respond(response.with_header(header("Cache-Control", "no-store")));
}

/// The stream of states: the current one at once, then one per build.
fn events(request: Request, state: &State) {
    let mut out = request.into_writer();
    // The body of this response lasts as long as the connection, so it
    // has no length and the connection closes after it.
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    let mut sent = None;
    loop {
        let update = {
            let mut s = state.lock();
            let deadline = Instant::now() + KEEP_ALIVE;
            while sent == Some(s.generation) {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    break;
                }
                s = state
                    .changed
                    .wait_timeout(s, left)
                    .unwrap_or_else(PoisonError::into_inner)
                    .0;
            }
            (sent != Some(s.generation)).then(|| {
                let json = serde_json::json!({
                    "generation": s.generation,
                    "built": s.built,
                    "ok": s.ok,
                    "log": s.log,
                    "status": s.status,
                });
                (s.generation, json.to_string())
            })
        };
        // A JSON text on one line is one event; a comment keeps the
        // connection tested while nothing changes.
        let message = match update {
            Some((generation, json)) => {
                sent = Some(generation);
                format!("data: {json}\n\n")
            }
            None => ": still here\n\n".to_string(),
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// The page: the frames on the last good build, the diagnostics (as
/// escaped text) above them.
fn page(title: &str, s: &Snapshot) -> Vec<u8> {
    let src = |route: &str| {
        if s.built == 0 {
            "about:blank".to_string()
        } else {
            format!("/{route}?build={}", s.built)
        }
    };
    PAGE.replace("{{title}}", &escape(title))
        .replace("{{built}}", &s.built.to_string())
        .replace("{{status}}", &escape(&s.status))
        .replace("{{log_class}}", if s.ok { "" } else { "failed" })
        .replace("{{log}}", &escape(&s.log))
        .replace("{{html_src}}", &src("html"))
        .replace("{{pdf_src}}", &src("pdf"))
        .into_bytes()
}

/// Text made safe inside HTML elements and quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_escapes_the_diagnostics_and_points_at_the_last_good_build() {
        let s = Snapshot {
            generation: 3,
            built: 2,
            ok: false,
            log: "error: expected `=` in <name> & \"x\"".into(),
            status: "the source has errors".into(),
            ..Snapshot::default()
        };
        let shown = String::from_utf8(page("a<b>.toml", &s)).unwrap();
        assert!(shown.contains("error: expected `=` in &lt;name&gt; &amp; &quot;x&quot;"));
        assert!(shown.contains("<title>a&lt;b&gt;.toml"));
        assert!(shown.contains(r#"src="/html?build=2""#));
        assert!(shown.contains(r#"src="/pdf?build=2""#));
        assert!(shown.contains(r#"<pre id="log" class="failed">"#));
        assert!(!shown.contains("{{"));
        let empty = String::from_utf8(page("r.toml", &Snapshot::default())).unwrap();
        assert!(empty.contains(r#"src="about:blank""#));
    }
}
