//! `resume build`: every source, and every variant asked for, rendered on
//! all cores, then written as one batch.
//!
//! Writing is safe against a crash: each output goes to a temporary file
//! beside its final name, the temporary files are flushed to disk together
//! (in parallel, so the file system commits them in a few journal
//! transactions instead of one per file), then renamed into place, and each
//! output directory is flushed once so the renames last too. A source that
//! fails writes nothing, and leaves its earlier outputs as they were.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use rayon::prelude::*;
use resume_document::{Format, Note};
use resume_model::{Resume, Variant};
use tempfile::NamedTempFile;

use crate::args::{BuildOptions, FormatArg, SourceFormat};
use crate::{
    DEFAULT_FORMATS, Failure, Strictness, default_permissions, fonts, lower, parse_source, registry,
};

/// One set of outputs to write: a source, or one variant of it.
struct Job<'a> {
    path: &'a Path,
    resume: &'a Resume,
    /// The source's text and syntax, to locate what a format cannot show.
    source: &'a str,
    format: SourceFormat,
    variant: Option<&'a Variant>,
    /// The outputs' file name without extension.
    stem: String,
}

/// An output written to a temporary file, not yet in place.
struct Staged {
    path: PathBuf,
    file: NamedTempFile,
}

/// What a job printed, what it leaves to write, and whether a format of it
/// failed.
type Done = (String, Result<(Vec<Staged>, bool), Failure>);

pub(crate) fn build(sources: &[PathBuf], args: &BuildOptions) -> Result<(), Failure> {
    let formats: Vec<Box<dyn Format>> = registry(&args.render)
        .into_iter()
        .filter(|f| {
            if args.format.is_empty() {
                DEFAULT_FORMATS.contains(&f.extension())
            } else {
                args.format.iter().any(|a| a.extension() == f.extension())
            }
        })
        .collect();
    let timestamp = crate::source_date_epoch()?;
    let sources = expand(sources)?;
    let mut failure = None;
    let mut fail = |f: Failure| {
        if let Failure::Io(e) = &f {
            eprintln!("error: {e:#}");
        }
        failure = Some(crate::worse(failure.take(), f));
    };

    // Read every source, in parallel; diagnostics are printed in order.
    type Loaded = (Resume, String, SourceFormat);
    let loaded: Vec<(String, Result<Loaded, Failure>)> = sources
        .par_iter()
        .map(|path| {
            let mut log = String::new();
            let resume = parse_source(path, args.from.from, Strictness::Render, &mut log);
            (log, resume)
        })
        .collect();
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for (path, (log, resume)) in sources.iter().zip(&loaded) {
        eprint!("{log}");
        match resume {
            Ok((resume, source, format)) => match jobs_of(path, resume, (source, *format), args) {
                Ok(more) => jobs.extend(more),
                Err(f) => fail(f),
            },
            Err(Failure::Invalid) => fail(Failure::Invalid),
            Err(Failure::Io(e)) => fail(Failure::Io(anyhow!("{e:#}"))),
        }
    }
    let mut stems: Vec<&str> = Vec::with_capacity(jobs.len());
    for job in &jobs {
        if stems.contains(&job.stem.as_str()) {
            return Err(Failure::Io(anyhow!(
                "two sources or variants are named `{}`; their outputs would overwrite each other, so build them into different directories",
                job.stem
            )));
        }
        stems.push(&job.stem);
    }

    // Render every job, in parallel, into temporary files.
    let done: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let mut log = String::new();
            let staged = render_job(job, &formats, args, timestamp, &mut log);
            (log, staged)
        })
        .collect();
    let mut staged = Vec::new();
    for (log, result) in done {
        eprint!("{log}");
        match result {
            Ok((files, failed)) => {
                staged.extend(files);
                if failed {
                    fail(Failure::Invalid);
                }
            }
            Err(f) => fail(f),
        }
    }
    if let Err(e) = commit(staged) {
        fail(Failure::Io(e));
    }
    match failure {
        Some(Failure::Io(_)) => Err(Failure::Io(anyhow!("some outputs were not written"))),
        Some(f) => Err(f),
        None => Ok(()),
    }
}

/// The sources named: files as given, and for a directory every `.toml`
/// and `.json` file directly inside it, by name.
fn expand(sources: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::with_capacity(sources.len());
    for path in sources {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = fs::read_dir(path)
            .with_context(|| format!("cannot list {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && !p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
                    && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                        e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json")
                    })
            })
            .collect();
        if found.is_empty() {
            return Err(Failure::Io(anyhow!(
                "{} holds no .toml or .json source",
                path.display()
            )));
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// The jobs of one source: itself, one variant, or all of them.
fn jobs_of<'a>(
    path: &'a Path,
    resume: &'a Resume,
    (source, format): (&'a str, SourceFormat),
    args: &BuildOptions,
) -> Result<Vec<Job<'a>>, Failure> {
    // Outputs are named after the source; a name that cannot say which
    // source they come from is refused rather than replaced by a default
    // that could overwrite another résumé's files.
    let stem = match path.file_stem().and_then(|s| s.to_str()) {
        Some(s) if !s.is_empty() && !s.starts_with('.') => s.to_string(),
        Some(_) => {
            return Err(Failure::Io(anyhow!(
                "{}: the outputs are named after the source's file name, and this one has none before its extension; rename it, e.g. to resume.toml",
                path.display()
            )));
        }
        None => {
            return Err(Failure::Io(anyhow!(
                "{}: the outputs are named after the source's file name, which is not valid UTF-8; rename it",
                path.display()
            )));
        }
    };
    let job = |variant: Option<&'a Variant>| Job {
        path,
        resume,
        source,
        format,
        variant,
        stem: match variant {
            Some(v) => format!("{stem}-{}", v.name),
            None => stem.clone(),
        },
    };
    let names = || {
        resume
            .variants
            .iter()
            .map(|v| v.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(name) = &args.variant {
        return match resume.variants.iter().find(|v| v.name == *name) {
            Some(v) => Ok(vec![job(Some(v))]),
            None if resume.variants.is_empty() => Err(Failure::Io(anyhow!(
                "{} has no [variants] table, so no variant `{name}`; add [variants.{name}] with the tags it keeps",
                path.display()
            ))),
            None => Err(Failure::Io(anyhow!(
                "{} has no variant `{name}`; its variants are: {}",
                path.display(),
                names()
            ))),
        };
    }
    if args.all_variants {
        if resume.variants.is_empty() {
            eprintln!(
                "note: {} has no [variants] table; built it as it is",
                path.display()
            );
        } else {
            return Ok(resume.variants.iter().map(|v| job(Some(v))).collect());
        }
    }
    Ok(vec![job(None)])
}

/// Renders every format of a job into temporary files in the output
/// directory: those that could be made, and whether one could not (it is
/// not written, and an older file of it is left as it was).
fn render_job(
    job: &Job<'_>,
    formats: &[Box<dyn Format>],
    args: &BuildOptions,
    timestamp: Option<i64>,
    log: &mut String,
) -> Result<(Vec<Staged>, bool), Failure> {
    let what = match job.variant {
        Some(v) => format!("{} (variant {})", job.path.display(), v.name),
        None => job.path.display().to_string(),
    };
    let prepared = lower(
        job.path,
        job.resume,
        (job.source, job.format),
        &args.render,
        job.variant,
        timestamp,
    )?;
    // Render everything first, so a failing format leaves no file behind;
    // the formats that could be made are still written.
    let report = |log: &mut String, chars: &[char]| {
        log.push_str(&fonts::missing_report(
            job.path,
            job.source,
            job.format.into(),
            chars,
            "note",
        ));
        let _ = writeln!(log, "  help: {}", fonts::missing_fix(chars));
    };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut failed = false;
    for format in formats {
        match prepared.render(format.as_ref()) {
            Ok(out) => {
                for note in out.notes {
                    // What fitting changed is said only when it was asked
                    // for; borrowed or missing glyphs always.
                    if matches!(note, Note::Fit(_)) && shared_fit_is_default(args, job) {
                        continue;
                    }
                    let level = match note {
                        Note::Omitted { .. } => "warning",
                        _ => "note",
                    };
                    let _ = writeln!(log, "{level}: {}: {note}", format.extension());
                    if let Note::Omitted { chars } = &note {
                        report(log, chars);
                    }
                }
                outputs.push((
                    args.output
                        .join(format!("{}.{}", job.stem, format.extension())),
                    out.bytes,
                ));
            }
            Err(e) => {
                let _ = writeln!(
                    log,
                    "error: {what}: cannot write the {}: {e}",
                    format.extension().to_uppercase()
                );
                if !e.chars.is_empty() {
                    report(log, &e.chars);
                }
                failed = true;
            }
        }
    }
    if args.format.contains(&FormatArg::Json) {
        outputs.push((
            args.output.join(format!("{}.json", job.stem)),
            resume_model::to_json(job.resume).into_bytes(),
        ));
    }
    fs::create_dir_all(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let source = fs::canonicalize(job.path)
        .with_context(|| format!("cannot resolve {}", job.path.display()))?;
    for (out, _) in &outputs {
        if fs::canonicalize(out).is_ok_and(|o| o == source) {
            return Err(Failure::Io(anyhow!(
                "refusing to overwrite the source {} with an output",
                job.path.display()
            )));
        }
        // Only a regular file is replaced: a link, a folder, a pipe or a
        // device in an output's place stops the whole source, before any
        // of its files is written.
        if let Ok(meta) = fs::symlink_metadata(out) {
            let kind = meta.file_type();
            let what = if kind.is_symlink() {
                Some("a symbolic link; outputs are not written through links")
            } else if kind.is_dir() {
                Some("a folder")
            } else if !kind.is_file() {
                Some("not a regular file (a pipe or a device)")
            } else {
                None
            };
            if let Some(what) = what {
                return Err(Failure::Io(anyhow!(
                    "{} is {what}; remove it or choose another output folder with -o (nothing was written for {})",
                    out.display(),
                    job.path.display()
                )));
            }
        }
    }
    let mut staged = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        let file = stage(&path, &bytes)?;
        staged.push(Staged { path, file });
    }
    Ok((staged, failed))
}

/// Whether the page target is the default one (nobody asked for fitting,
/// so what fitting did is not worth a note).
fn shared_fit_is_default(args: &BuildOptions, job: &Job<'_>) -> bool {
    args.render.fit_pages.is_none() && job.variant.is_none_or(|v| v.fit_pages.is_none())
}

/// Writes `bytes` to a temporary file beside `path`, with the permissions
/// of the file it will replace (or those of a normal new file): a
/// temporary file is private.
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> anyhow::Result<NamedTempFile> {
    let dir = parent(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".resume-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let permissions = match fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    tmp.as_file()
        .set_permissions(permissions)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(tmp)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// How many files are flushed to disk at once: the waits overlap, and the
/// file system commits them together.
const SYNC_THREADS: usize = 16;

/// Flushes every staged file to disk, renames each into place, then
/// flushes each output directory once.
fn commit(staged: Vec<Staged>) -> anyhow::Result<()> {
    if staged.is_empty() {
        return Ok(());
    }
    let sync = |s: &Staged| {
        s.file
            .as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", s.path.display()))
    };
    if staged.len() == 1 {
        sync(&staged[0])?;
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(staged.len().min(SYNC_THREADS))
            .build()
            .context("cannot start the threads that write the outputs")?;
        pool.install(|| staged.par_iter().try_for_each(sync))?;
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for s in staged {
        s.file
            .persist(&s.path)
            .map_err(|e| anyhow!(e.error))
            .with_context(|| format!("cannot write {}", s.path.display()))?;
        println!("wrote {}", s.path.display());
        let dir = parent(&s.path).to_path_buf();
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for dir in dirs {
        sync_dir(&dir).with_context(|| format!("cannot write {}", dir.display()))?;
    }
    Ok(())
}

/// Flushes a directory, so the renames in it survive a crash.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a directory as a file; its renames are journaled.
#[cfg(not(unix))]
fn sync_dir(_: &Path) -> std::io::Result<()> {
    Ok(())
}
