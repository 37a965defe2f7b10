//! A `resume` process left running (`watch`, `preview`): what it prints,
//! collected as it prints it, and a clean stop with SIGINT.

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a test waits for something the process should do at once; far
/// above what it takes, so a slow machine does not fail the test.
pub const PATIENCE: Duration = Duration::from_secs(20);

#[derive(Debug)]
pub struct Running {
    child: Child,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Running {
    /// Starts `resume` with `args` in `dir`.
    pub fn start(dir: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
            .args(args)
            .current_dir(dir)
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start resume");
        let collect = |mut pipe: Box<dyn Read + Send>| {
            let text = Arc::new(Mutex::new(String::new()));
            let sink = Arc::clone(&text);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    sink.lock()
                        .unwrap()
                        .push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
            text
        };
        let stdout = collect(Box::new(child.stdout.take().expect("piped stdout")));
        let stderr = collect(Box::new(child.stderr.take().expect("piped stderr")));
        Running {
            child,
            stdout,
            stderr,
        }
    }

    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().expect("poll the process").is_none()
    }

    /// Waits until `done` holds (checked every few milliseconds), failing
    /// with `what` and the process's output after [`PATIENCE`] or if the
    /// process ends.
    #[track_caller]
    pub fn wait_for(&mut self, what: &str, mut done: impl FnMut(&Running) -> bool) {
        let start = Instant::now();
        while !done(self) {
            if !self.alive() || start.elapsed() > PATIENCE {
                let alive = self.alive();
                panic!(
                    "{what}: not seen after {:?} (process {})\n--- stdout\n{}\n--- stderr\n{}",
                    start.elapsed(),
                    if alive { "running" } else { "ended" },
                    self.stdout(),
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the process to end.
    pub fn interrupt(mut self) -> (ExitStatus, String, String) {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -INT failed");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll the process") {
                break status;
            }
            if start.elapsed() > PATIENCE {
                self.child.kill().ok();
                panic!(
                    "resume did not stop on SIGINT\n--- stderr\n{}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        // The pipes close with the process; give the readers a moment to
        // take the last bytes.
        std::thread::sleep(Duration::from_millis(50));
        (status, self.stdout(), self.stderr())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // A failed test must not leave the process behind.
        if matches!(self.child.try_wait(), Ok(None)) {
            self.child.kill().ok();
            self.child.wait().ok();
        }
    }
}

/// Replaces `path` as editors that save safely do: the new text goes to
/// another file in the same folder, renamed over the old one.
pub fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.swp");
    std::fs::write(&tmp, text).expect("write the new file");
    std::fs::rename(&tmp, path).expect("rename it over the source");
}

/// The seed, which the tests run `watch` and `preview` on as `cv.toml`.
pub fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resume/wenqing-luo.toml");
    std::fs::read_to_string(path).expect("the seed")
}

/// Where a diagnostic of the seed's `name` line is located in `cv.toml`.
pub fn name_line() -> String {
    let line = seed()
        .lines()
        .position(|l| l.starts_with("name = \"Wenqing Luo\""))
        .expect("the seed's name")
        + 1;
    format!("cv.toml:{line}:")
}
