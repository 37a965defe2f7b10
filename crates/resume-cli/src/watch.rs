//! `resume watch`, and the watching `resume preview` shares: build once,
//! then again after every save of a file the build read, until Ctrl-C.
//!
//! The files are not watched themselves but through their folders, so a
//! save that writes a new file and renames it over the old one (as many
//! editors do) is seen like a save in place: a watch on the file itself
//! would follow the old file away. Events of a folder are kept only when
//! they name a file the last build read (the source, its theme files) or
//! fall inside a font folder it used. A burst of events (an editor's
//! truncate, write and close) makes one build: the build starts once the
//! files have been quiet for [`QUIET`], or only [`SETTLED`] after an event
//! that ends a save (the file closed after writing, or renamed into place).
//!
//! Ctrl-C does not stop a build halfway: the signal only queues a message,
//! read between builds, and the build writes its outputs through temporary
//! files renamed into place, so there is never a half-written output.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use anyhow::Context;
use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::Failure;
use crate::args::WatchArgs;

/// How long the watched files must stay quiet after a change before the
/// build starts: long enough to take an editor's save as one change, short
/// enough that the outputs follow a save within a blink.
const QUIET: Duration = Duration::from_millis(25);

/// The same after a change that ends a save (a file closed after writing,
/// a file renamed into place): only events of the same moment are waited
/// for.
const SETTLED: Duration = Duration::from_millis(3);

/// The longest a build waits for quiet: files that change without pause
/// (a script rewriting the source in a loop) still get built.
const MAX_WAIT: Duration = Duration::from_millis(500);

/// `resume watch`: `build` on one source, again on every save.
pub(crate) fn watch(args: &WatchArgs) -> Result<(), Failure> {
    one_file(&args.source)?;
    let sources = [args.source.clone()];
    run(&args.source, |saved| {
        let start = Instant::now();
        let result = crate::build::build(&sources, &args.options);
        let took = start.elapsed().as_millis();
        let after_save = match saved {
            Some(at) => format!(", {} ms after the save", at.elapsed().as_millis()),
            None => String::new(),
        };
        match result {
            Ok(()) => println!("built {} in {took} ms{after_save}", args.source.display()),
            Err(failure) => {
                if let Failure::Io(e) = failure {
                    eprintln!("error: {e:#}");
                }
                eprintln!(
                    "watching {}: the last good outputs were kept; fix the source and save again",
                    args.source.display()
                );
            }
        }
    })
}

/// Refuses a folder as the source: `build` takes folders, but a watch on
/// one would also see the outputs written into it.
pub(crate) fn one_file(source: &Path) -> Result<(), Failure> {
    if source.is_dir() {
        return Err(Failure::Io(anyhow::anyhow!(
            "{} is a folder; watch and preview take one source file (`resume build {}` builds a whole folder)",
            source.display(),
            source.display()
        )));
    }
    Ok(())
}

/// What the watching thread hears about.
enum Message {
    /// The file system changed.
    Changed(notify::Result<Event>),
    /// Ctrl-C (or, on Unix, SIGTERM): stop after the current build.
    Stop,
}

/// Runs `build` once, then again after every save of a file it read (see
/// [`note_input`]) or of `source`, until Ctrl-C. `build` is told when the
/// save that started it was seen (`None` for the first build); it reports
/// for itself, and a failed build does not stop the watch.
pub(crate) fn run(source: &Path, mut build: impl FnMut(Option<Instant>)) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Message::Stop);
    })
    .context("cannot listen for Ctrl-C")?;
    let watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(Message::Changed(event));
    })
    .context("cannot watch the file system")?;
    let mut watched = Watched {
        watcher,
        folders: Vec::new(),
        files: Vec::new(),
        trees: Vec::new(),
    };
    // The source's folder is watched before the first build, so a save
    // made while it runs (or just after it reports) is not missed.
    watched.update(&[source.to_path_buf()]);
    let mut saved = None;
    loop {
        let ((), mut inputs) = recording(|| build(saved));
        inputs.push(source.to_path_buf());
        watched.update(&inputs);
        saved = match next_change(&rx, &watched) {
            Some(at) => Some(at),
            None => return Ok(()),
        };
    }
}

/// Waits for a change of a watched file and for the quiet after it; gives
/// back when the change was first seen, or `None` on Ctrl-C.
fn next_change(rx: &Receiver<Message>, watched: &Watched) -> Option<Instant> {
    let (first, mut quiet) = loop {
        match rx.recv() {
            Ok(Message::Changed(Ok(event))) if watched.concerns(&event) => {
                break (Instant::now(), quiet_after(&event));
            }
            Ok(Message::Changed(Ok(_))) => {}
            Ok(Message::Changed(Err(e))) => eprintln!("warning: watching files: {e}"),
            // Every sender gone cannot happen while the watcher lives;
            // stopping is the only sensible answer if it does.
            Ok(Message::Stop) | Err(_) => return None,
        }
    };
    let mut last = first;
    loop {
        let wait = quiet
            .saturating_sub(last.elapsed())
            .min(MAX_WAIT.saturating_sub(first.elapsed()));
        match rx.recv_timeout(wait) {
            Ok(Message::Changed(Ok(event))) if watched.concerns(&event) => {
                last = Instant::now();
                quiet = quiet_after(&event);
            }
            Ok(Message::Changed(Ok(_))) => {}
            Ok(Message::Changed(Err(e))) => eprintln!("warning: watching files: {e}"),
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => {
                if last.elapsed() >= quiet || first.elapsed() >= MAX_WAIT {
                    return Some(first);
                }
            }
        }
    }
}

/// How long to wait for more after `event`: little when it ends a save.
fn quiet_after(event: &Event) -> Duration {
    match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => SETTLED,
        _ => QUIET,
    }
}

/// The files and folders a build depends on, and the folders watched to
/// see them change.
struct Watched {
    watcher: RecommendedWatcher,
    /// Folders watched now, and how.
    folders: Vec<(PathBuf, RecursiveMode)>,
    /// Files whose changes count, as absolute paths.
    files: Vec<PathBuf>,
    /// Folders any change inside which counts (font folders).
    trees: Vec<PathBuf>,
}

impl Watched {
    /// Watches what the last build read, and no longer what it did not.
    fn update(&mut self, inputs: &[PathBuf]) {
        let mut files = Vec::new();
        let mut trees = Vec::new();
        let mut folders: Vec<(PathBuf, RecursiveMode)> = Vec::new();
        for input in inputs {
            if input.is_dir() {
                if let Ok(dir) = input.canonicalize() {
                    folders.retain(|(f, _)| *f != dir);
                    folders.push((dir.clone(), RecursiveMode::Recursive));
                    trees.push(dir);
                }
                continue;
            }
            // A file, or a path that is missing now and may come back.
            let Some(name) = input.file_name() else {
                continue;
            };
            let parent = match input.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let Ok(dir) = parent.canonicalize() else {
                continue;
            };
            files.push(dir.join(name));
            if !folders.iter().any(|(f, _)| *f == dir) {
                folders.push((dir, RecursiveMode::NonRecursive));
            }
        }
        for old in &self.folders {
            if !folders.contains(old) {
                let _ = self.watcher.unwatch(&old.0);
            }
        }
        for new in &folders {
            if !self.folders.contains(new)
                && let Err(e) = self.watcher.watch(&new.0, new.1)
            {
                eprintln!(
                    "warning: cannot watch {}: {e}; its changes will not start a build",
                    new.0.display()
                );
            }
        }
        self.folders = folders;
        self.files = files;
        self.trees = trees;
    }

    /// Whether an event changes something the build read.
    fn concerns(&self, event: &Event) -> bool {
        concerns(&self.files, &self.trees, event)
    }
}

/// Whether `event` changes one of `files` or something inside one of
/// `trees`. Reading a file (as the build itself does) changes nothing.
fn concerns(files: &[PathBuf], trees: &[PathBuf], event: &Event) -> bool {
    let changes = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Any | EventKind::Other => true,
    };
    changes
        && event
            .paths
            .iter()
            .any(|p| files.iter().any(|f| f == p) || trees.iter().any(|t| p.starts_with(t)))
}

/// The paths read by the build running now, while one is recorded.
static INPUTS: Mutex<Option<Vec<PathBuf>>> = Mutex::new(None);

/// Notes that the build running now depends on `path` (a file it reads,
/// or a folder of fonts), so a watch rebuilds when it changes. Does
/// nothing outside `watch` and `preview`.
pub(crate) fn note_input(path: &Path) {
    let mut inputs = INPUTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(inputs) = inputs.as_mut()
        && !inputs.iter().any(|p| p == path)
    {
        inputs.push(path.to_path_buf());
    }
}

/// Runs `f` and gives back the paths it noted with [`note_input`], on any
/// thread (`build` reads its sources on several).
fn recording<T>(f: impl FnOnce() -> T) -> (T, Vec<PathBuf>) {
    *INPUTS.lock().unwrap_or_else(PoisonError::into_inner) = Some(Vec::new());
    let out = f();
    let inputs = INPUTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
        .unwrap_or_default();
    (out, inputs)
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, RemoveKind};

    use super::*;

    #[track_caller]
    fn check(kind: EventKind, path: &str, expect: bool) {
        let files = [
            PathBuf::from("/cv/resume.toml"),
            PathBuf::from("/cv/look.toml"),
        ];
        let trees = [PathBuf::from("/fonts")];
        let event = Event::new(kind).add_path(PathBuf::from(path));
        assert_eq!(concerns(&files, &trees, &event), expect, "{kind:?} {path}");
    }

    #[test]
    fn writes_and_renames_of_inputs_count_and_reads_do_not() {
        let data = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        check(data, "/cv/resume.toml", true);
        check(data, "/cv/look.toml", true);
        check(data, "/cv/resume.toml.swp", false);
        check(data, "/cv/dist/resume.txt", false);
        check(data, "/fonts/cjk/Noto.ttc", true);
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        check(renamed, "/cv/resume.toml", true);
        check(EventKind::Create(CreateKind::File), "/cv/resume.toml", true);
        check(EventKind::Remove(RemoveKind::File), "/cv/resume.toml", true);
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        check(closed, "/cv/resume.toml", true);
        check(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/cv/resume.toml",
            false,
        );
        check(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            "/cv/resume.toml",
            false,
        );
        let atime = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
        check(atime, "/cv/resume.toml", false);
    }

    #[test]
    fn a_save_that_ends_is_built_sooner() {
        let end = |kind| quiet_after(&Event::new(kind));
        assert_eq!(
            end(EventKind::Access(AccessKind::Close(AccessMode::Write))),
            SETTLED
        );
        assert_eq!(
            end(EventKind::Modify(ModifyKind::Name(RenameMode::To))),
            SETTLED
        );
        assert_eq!(
            end(EventKind::Modify(ModifyKind::Name(RenameMode::Both))),
            SETTLED
        );
        assert_eq!(
            end(EventKind::Modify(ModifyKind::Data(DataChange::Any))),
            QUIET
        );
        assert_eq!(end(EventKind::Create(CreateKind::File)), QUIET);
    }
}
