//! The `resume` command: the only part of the project that reads files,
//! writes files, prints and exits. Everything else is a pure library call.

mod args;
mod ats;
mod build;
mod fonts;
mod import;
mod lint;
mod matching;
mod preview;
mod report;
mod source;
mod theme;
mod watch;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::Parser;

use args::{
    AtsArgs, CheckArgs, Cli, Command, ConvertArgs, FormatArg, InitArgs, ReportFormat, SourceFormat,
};
use resume_document::{Format, Shared};

/// Why a run failed, which decides the exit code.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The input is invalid (exit 1).
    Invalid,
    /// Usage or IO error (exit 2).
    Io(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    report::set_max(cli.max_diagnostics);
    let result = match &cli.command {
        Command::Build(a) => build::build(&a.sources, &a.options),
        Command::Watch(a) => watch::watch(a),
        Command::Preview(a) => preview::preview(a),
        Command::Check(a) => check(a),
        Command::Lint(a) => lint::run(a),
        Command::Init(a) => init(a),
        Command::Convert(a) => convert(a),
        Command::Themes(a) => theme::list(a.name.as_deref()),
        Command::Schema(a) => {
            use resume_model::spec::{Dialect, json_schema};
            let d = if a.json_resume {
                Dialect::Json
            } else {
                Dialect::Toml
            };
            print!("{}", json_schema(d));
            Ok(())
        }
        Command::Ats(a) => ats_command(a),
        Command::Match(a) => matching::run(a),
        Command::Import(args::ImportCommand::Linkedin(a)) => import::linkedin(a),
        Command::Completions(a) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "resume", &mut std::io::stdout());
            Ok(())
        }
        Command::Manpages(a) => manpages(&a.dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid) => ExitCode::from(1),
        Err(Failure::Io(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Writes `resume.1` and a page per visible subcommand (`resume-build.1`,
/// …) into `dir`, from the command line's own definition.
fn manpages(dir: &Path) -> Result<(), Failure> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let cmd = <Cli as clap::CommandFactory>::command();
    let page = |cmd: clap::Command, name: &str| -> Result<(), Failure> {
        let mut out = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut out)
            .context("cannot render the man page")?;
        let path = dir.join(format!("{name}.1"));
        write_atomic(&path, &out)?;
        println!("wrote {}", path.display());
        Ok(())
    };
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("resume-{}", sub.get_name());
        page(sub.clone().name(name.clone()), &name)?;
    }
    page(cmd, "resume")
}

/// Every output format, in the order they are written: adding a format is
/// one crate and one line here (and its name in `FormatArg`).
pub(crate) fn registry(args: &args::RenderArgs) -> Vec<Box<dyn Format>> {
    vec![
        Box::new(resume_pdf::Pdf::default()),
        Box::new(resume_docx::Docx),
        Box::new(resume_html::Html),
        Box::new(resume_text::PlainText {
            options: args.into(),
        }),
        Box::new(resume_markdown::Markdown),
    ]
}

/// What `build` writes when `-f` names nothing: the four formats a job
/// search needs. Markdown and JSON Resume are written when asked for.
const DEFAULT_FORMATS: [&str; 4] = ["pdf", "docx", "html", "txt"];

impl FormatArg {
    pub(crate) fn extension(self) -> &'static str {
        match self {
            FormatArg::Pdf => "pdf",
            FormatArg::Docx => "docx",
            FormatArg::Html => "html",
            FormatArg::Txt => "txt",
            FormatArg::Md => "md",
            FormatArg::Json => "json",
        }
    }
}

/// The last second that PDF and DOCX dates can write: 9999-12-31T23:59:59Z.
const LAST_EPOCH: i64 = 253_402_300_799;

/// The fixed moment written into files, from SOURCE_DATE_EPOCH.
pub(crate) fn source_date_epoch() -> anyhow::Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if v.trim().is_empty() => Ok(None),
        // Checked here, before any work, so that a value no file format
        // can hold is a usage error, not the failure of one output.
        Ok(v) => match v.trim().parse::<i64>() {
            Ok(n) if (0..=LAST_EPOCH).contains(&n) => Ok(Some(n)),
            _ => Err(anyhow!(
                "SOURCE_DATE_EPOCH must be a number of seconds since 1970 from 0 to {LAST_EPOCH} (the end of 9999), not `{v}`"
            )),
        },
        Err(_) => Ok(None),
    }
}

/// The format of a source: as asked, else from its extension.
pub(crate) fn source_format(
    path: &Path,
    from: Option<SourceFormat>,
) -> Result<SourceFormat, Failure> {
    if let Some(f) = from {
        return Ok(f);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "toml" => Ok(SourceFormat::Toml),
        "json" => Ok(SourceFormat::Json),
        _ => Err(Failure::Io(anyhow!(
            "{}: cannot tell the source format from its extension; name it .toml or .json, or pass --from toml|json",
            path.display()
        ))),
    }
}

/// How strictly a JSON Resume source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strictness {
    /// `check`: every departure from the schema is an error.
    Validate,
    /// `build` and `convert`: messy files still make a résumé, with warnings.
    Render,
}

/// Reads and validates a source, printing its diagnostics.
fn load(
    path: &Path,
    from: Option<SourceFormat>,
    strictness: Strictness,
) -> Result<resume_model::Resume, Failure> {
    load_source(path, from, strictness).map(|(resume, ..)| resume)
}

/// [`load`], also giving back the source's text and format.
fn load_source(
    path: &Path,
    from: Option<SourceFormat>,
    strictness: Strictness,
) -> Result<(resume_model::Resume, String, SourceFormat), Failure> {
    let mut log = String::new();
    let loaded = parse_source(path, from, strictness, &mut log);
    eprint!("{log}");
    loaded
}

/// [`load_source`], its diagnostics added to `log` instead of printed, so
/// sources read in parallel report in order.
pub(crate) fn parse_source(
    path: &Path,
    from: Option<SourceFormat>,
    strictness: Strictness,
    log: &mut String,
) -> Result<(resume_model::Resume, String, SourceFormat), Failure> {
    use std::fmt::Write as _;
    let format = source_format(path, from)?;
    let source = source::read(path)?;
    let parsed = match format {
        SourceFormat::Toml if strictness == Strictness::Validate => {
            resume_model::parse_toml_strict(&source)
        }
        SourceFormat::Toml => resume_model::parse_toml(&source),
        SourceFormat::Json => resume_model::parse_json(&source, strictness == Strictness::Validate),
    };
    match parsed {
        Ok((resume, warnings)) => {
            if !warnings.is_empty() {
                log.push_str(&report::render(path, &source, &warnings));
            }
            Ok((resume, source, format))
        }
        Err(diags) => {
            log.push_str(&report::render(path, &source, &diags));
            let n = diags.iter().filter(|d| d.is_error()).count();
            // `check` writes nothing by nature; saying so would suggest
            // that something else was expected.
            let written = match strictness {
                Strictness::Validate => "",
                Strictness::Render => "; nothing was written for it",
            };
            let _ = writeln!(
                log,
                "error: {} has {n} error{}{written}",
                path.display(),
                if n == 1 { "" } else { "s" }
            );
            Err(Failure::Invalid)
        }
    }
}

fn check(args: &CheckArgs) -> Result<(), Failure> {
    let mut failure = None;
    for path in &args.sources {
        // A theme file the source names is part of what is checked.
        match load(path, args.from.from, Strictness::Validate)
            .and_then(|r| theme::resolve(path, &r, None))
        {
            Ok(_) => println!("ok: {}", path.display()),
            Err(f) => {
                if let Failure::Io(e) = &f {
                    eprintln!("error: {e:#}");
                }
                failure = Some(worse(failure, f));
            }
        }
    }
    match failure {
        Some(Failure::Io(_)) => Err(Failure::Io(anyhow!("some sources could not be checked"))),
        Some(f) => Err(f),
        None => Ok(()),
    }
}

/// Keeps the failure with the higher exit code.
pub(crate) fn worse(a: Option<Failure>, b: Failure) -> Failure {
    match (a, b) {
        (Some(Failure::Io(e)), _) | (_, Failure::Io(e)) => Failure::Io(e),
        _ => Failure::Invalid,
    }
}

/// A source read and lowered, ready for every format.
pub(crate) struct Prepared {
    pub doc: resume_document::Document,
    /// The options every format shares.
    pub shared: Shared,
    /// Folders of fonts the PDF may draw from.
    pub font_dirs: Vec<PathBuf>,
}

impl Prepared {
    /// Renders one format (the PDF with the font folders and the installed
    /// fonts when it needs them).
    pub fn render(
        &self,
        format: &dyn Format,
    ) -> Result<resume_document::Output, resume_document::FormatError> {
        fonts::render(format, &self.doc, &self.shared, &self.font_dirs)
    }
}

/// Reads a source and lowers it with the render options, as `ats` does.
fn prepare(
    path: &Path,
    from: Option<SourceFormat>,
    render: &args::RenderArgs,
    timestamp: Option<i64>,
) -> Result<Prepared, Failure> {
    let (resume, source, format) = load_source(path, from, Strictness::Render)?;
    lower(path, &resume, (&source, format), render, None, timestamp)
}

/// Lowers a read source with the render options, or one of its variants:
/// the variant's tags join those given on the command line, and its theme,
/// paper and page target apply where the command line names none. The
/// source's text and syntax locate what the options name in it.
pub(crate) fn lower(
    path: &Path,
    resume: &resume_model::Resume,
    (source, format): (&str, SourceFormat),
    render: &args::RenderArgs,
    variant: Option<&resume_model::Variant>,
    timestamp: Option<i64>,
) -> Result<Prepared, Failure> {
    for dir in &render.font_dirs {
        watch::note_input(dir);
    }
    fonts::check_dirs(&render.font_dirs)?;
    if let Some(tag) = &render.locale
        && resume_model::Locale::resolve(tag).is_none()
    {
        let hint = match resume_model::suggest_locale(tag) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("built-in locales: {}", resume_model::LOCALES.join(", ")),
        };
        report::emitln!("warning: --locale: unknown locale `{tag}`; English is used ({hint})");
    }
    // Font folders the source names, relative to it, after those of the
    // command line.
    let mut font_dirs = render.font_dirs.clone();
    let base = path.parent().unwrap_or(Path::new(""));
    for (i, dir) in resume.layout.font_dirs.iter().enumerate() {
        let full = base.join(dir);
        watch::note_input(&full);
        if !full.is_dir() {
            let at = resume_model::locate(source, format.into(), &format!("layout.font_dirs[{i}]"))
                .map(|l| {
                    let (line, col) = resume_model::LineIndex::new(source).line_col(l.span.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            report::emitln!(
                "error: {}{at}: the font folder `{dir}` ({}) does not exist or is not a folder\n  help: name a folder of .ttf, .otf or .ttc files, relative to the source",
                path.display(),
                full.display()
            );
            return Err(Failure::Invalid);
        }
        font_dirs.push(full);
    }
    let theme = theme::resolve_with(
        path,
        resume,
        render.theme.as_deref(),
        variant.and_then(|v| v.theme.as_ref()),
    )?;
    let mut options = resume_document::Options {
        theme: Some(theme),
        ..render.into()
    };
    let mut fit_pages = render.fit_pages;
    if let Some(v) = variant {
        options.include_tags.extend(v.tags.iter().cloned());
        options.exclude_tags.extend(v.exclude_tags.iter().cloned());
        options.paper = options.paper.or(v.paper);
        fit_pages = fit_pages.or(v.fit_pages);
    }
    let doc = resume_document::lower(resume, &options);
    let shared = Shared {
        timestamp,
        // One page when the content allows: every paged format is fitted
        // to one sheet unless asked otherwise, and keeps its natural
        // layout when even the readable floor does not fit.
        fit_pages: Some(fit_pages.map_or(1, |n| n as usize)),
        creator: format!("resume {}", env!("CARGO_PKG_VERSION")),
    };
    Ok(Prepared {
        doc,
        shared,
        font_dirs,
    })
}

/// `resume ats`: the PDF and DOCX, built as `build` would or read from the
/// files given, judged as a parser reads them.
fn ats_command(args: &AtsArgs) -> Result<(), Failure> {
    let prepared = prepare(
        &args.source,
        args.from.from,
        &args.render,
        source_date_epoch()?,
    )?;
    let expected = ats::Expected::new(&prepared.doc);
    let given = args.pdf.is_some() || args.docx.is_some();
    let mut reports = Vec::new();
    for kind in [ats::Kind::Pdf, ats::Kind::Docx] {
        let file = match kind {
            ats::Kind::Pdf => &args.pdf,
            ats::Kind::Docx => &args.docx,
        };
        let (bytes, origin) = match file {
            Some(f) => (
                fs::read(f).with_context(|| format!("cannot read {}", f.display()))?,
                f.display().to_string(),
            ),
            None if given => continue,
            None => {
                let format: Box<dyn Format> = match kind {
                    ats::Kind::Pdf => Box::new(resume_pdf::Pdf::default()),
                    ats::Kind::Docx => Box::new(resume_docx::Docx),
                };
                let out = prepared.render(format.as_ref()).map_err(|e| {
                    eprintln!(
                        "error: {}: cannot build the {}: {e}",
                        args.source.display(),
                        kind.name()
                    );
                    Failure::Invalid
                })?;
                (out.bytes, "built in memory".to_string())
            }
        };
        let name = || {
            file.as_ref()
                .map_or(kind.name().to_string(), |f| f.display().to_string())
        };
        let extracted = guarded(|| match kind {
            ats::Kind::Pdf => ats::pdf::read(&bytes).map(ats::Extracted::from_pdf),
            ats::Kind::Docx => ats::docx::read(&bytes).map(ats::Extracted::from_docx),
        })
        .map_err(|e| Failure::Io(e.context(format!("cannot read {}", name()))))?;
        reports.push(ats::analyze(kind, origin, &extracted, &expected));
    }
    match args.format {
        ReportFormat::Text => print!(
            "{}",
            ats::render_text(&args.source.display().to_string(), &reports)
        ),
        ReportFormat::Json => {
            let all = serde_json::json!({
                "source": args.source.display().to_string(),
                "ok": reports.iter().all(|r| r.ok),
                "formats": reports,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&all).map_err(|e| Failure::Io(e.into()))?
            );
        }
    }
    if reports.iter().all(|r| r.ok) {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}

/// Runs a reader of untrusted files. Our readers return errors, but the
/// PDF and ZIP libraries under them may still panic on a crafted file; that
/// is a file nobody can read, so it is reported as such, not as a crash.
fn guarded<T>(read: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err(anyhow!("the file is damaged beyond reading")))
}

/// Writes through a temporary file in the same directory, then renames, so
/// a reader never sees a half-written file and a failure leaves the old one.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = build::stage(path, bytes)?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow!(e.error))
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn convert(args: &ConvertArgs) -> Result<(), Failure> {
    let from = source_format(&args.source, args.from.from)?;
    let to = match (args.to, &args.output) {
        (Some(t), _) => t,
        (None, Some(out)) => source_format(out, None)?,
        (None, None) => match source_format(&args.source, args.from.from)? {
            SourceFormat::Toml => SourceFormat::Json,
            SourceFormat::Json => SourceFormat::Toml,
        },
    };
    let source = source::read(&args.source)?;
    // Nothing is lost and nothing is written that `check` refuses: the
    // conversion says where the source stands in the way.
    let text = match resume_model::convert(&source, from.into(), to.into()) {
        Ok((text, warnings)) => {
            if !warnings.is_empty() {
                eprint!("{}", report::render(&args.source, &source, &warnings));
            }
            text
        }
        Err(diags) => {
            eprint!("{}", report::render(&args.source, &source, &diags));
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: {} has {n} error{}; nothing was written for it",
                args.source.display(),
                if n == 1 { "" } else { "s" }
            );
            return Err(Failure::Invalid);
        }
    };
    match &args.output {
        Some(out) => {
            let same = fs::canonicalize(out)
                .ok()
                .zip(fs::canonicalize(&args.source).ok())
                .is_some_and(|(a, b)| a == b);
            if same {
                return Err(Failure::Io(anyhow!(
                    "refusing to overwrite the source {} with its conversion",
                    out.display()
                )));
            }
            write_atomic(out, text.as_bytes())?;
            eprintln!("wrote {}", out.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) fn default_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
pub(crate) fn default_permissions() -> fs::Permissions {
    let mut p = tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temporary file");
    p.set_readonly(false);
    p
}

const STARTER: &str = include_str!("starter.toml");

/// The schema file `resume init` writes beside the starter, named by the
/// starter's `#:schema` line.
const SCHEMA_FILE: &str = "resume.schema.json";

fn init(args: &InitArgs) -> Result<(), Failure> {
    if args.path.exists() && !args.force {
        return Err(Failure::Io(anyhow!(
            "{} already exists; pass --force to overwrite it or choose another path",
            args.path.display()
        )));
    }
    if let Some(dir) = args.path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    write_atomic(&args.path, STARTER.as_bytes())?;
    println!("wrote {}", args.path.display());
    // The starter's first line, `#:schema ./resume.schema.json`, points
    // editors at this file; it is ours, so it is refreshed when it is
    // already there and holds another schema only with --force.
    let schema_path = args.path.with_file_name(SCHEMA_FILE);
    let schema = resume_model::spec::json_schema(resume_model::spec::Dialect::Toml);
    let current = fs::read_to_string(&schema_path).ok();
    let ours = current
        .as_deref()
        .is_none_or(|c| c.contains("\"title\": \"Résumé source (TOML)\""));
    if current.as_deref() == Some(schema.as_str()) {
        // Already up to date.
    } else if ours || args.force {
        write_atomic(&schema_path, schema.as_bytes())?;
        println!(
            "wrote {} (the schema editors read for completion and checks)",
            schema_path.display()
        );
    } else {
        eprintln!(
            "warning: kept {}, which is not our schema; pass --force to replace it, or point the `#:schema` line elsewhere",
            schema_path.display()
        );
    }
    println!(
        "next: edit it, then run `resume build {}`",
        args.path.display()
    );
    Ok(())
}
