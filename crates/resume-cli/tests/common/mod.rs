//! What the end-to-end tests share: running the binary in a directory with
//! a fixed `SOURCE_DATE_EPOCH`, and reading what it printed.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `resume` with `args` in `dir`.
pub fn resume(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env_remove("NO_COLOR")
        .output()
        .expect("run resume")
}

/// What a run printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
