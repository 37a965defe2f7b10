//! The command line, as clap types. They stay in this crate; `From`
//! conversions turn them into library options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "resume",
    version,
    about = "Compile one résumé source into PDF, DOCX, HTML and plain text",
    long_about = "Compile one résumé source (our TOML format, or a JSON Resume file) into \
                  every format a job search needs: PDF, DOCX, HTML and plain text.",
    after_help = "Examples:\n  resume init my-resume.toml\n  resume check my-resume.toml\n  resume lint my-resume.toml\n  resume build my-resume.toml\n  resume build my-resume.toml -f pdf,txt -o out/ --tag systems\n  resume watch my-resume.toml\n  resume preview my-resume.toml",
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Print at most N diagnostics per file and count the rest (0: all)
    #[arg(long, global = true, value_name = "N", default_value_t = crate::report::DEFAULT_MAX)]
    pub max_diagnostics: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compile sources into output files
    #[command(
        after_help = "Examples:\n  resume build resume.toml                 # every format into dist/\n  resume build resume.toml -f pdf,txt -o out\n  resume build resume.toml --tag systems --exclude-tag ml\n  resume build resume.toml --all-variants    # dist/resume-<variant>.* for each [variants] entry\n  resume build resumes/ -f pdf               # every source in the directory, in parallel\n  resume build resume.json --paper a4"
    )]
    Build(BuildArgs),
    /// Build a source once, then again on every save, until Ctrl-C
    #[command(
        long_about = "Build a source as `build` does, then again whenever it is saved, or a theme \
                      file or font folder it names changes, until Ctrl-C. Each build prints the \
                      files it wrote and how long it took, or the source's diagnostics; an invalid \
                      save leaves the last outputs in place and the watch goes on.",
        after_help = "Examples:\n  resume watch resume.toml\n  resume watch resume.toml -f pdf,html -o out --theme compact"
    )]
    Watch(WatchArgs),
    /// Show a source's HTML and PDF side by side in the browser, updated on every save
    #[command(
        long_about = "Serve a page on 127.0.0.1 that shows the source's HTML and PDF side by side \
                      and updates itself whenever the source (or a theme file or font folder it \
                      names) is saved; when the source is invalid, the page shows the diagnostics \
                      above the last good build. The outputs are built in memory: nothing is \
                      written to disk. Opens the page in the default browser unless --no-open; \
                      Ctrl-C stops it.",
        after_help = "Examples:\n  resume preview resume.toml\n  resume preview resume.toml --port 8000 --no-open\n  resume preview resume.toml --theme traditional --locale de"
    )]
    Preview(PreviewArgs),
    /// Validate sources without writing anything
    #[command(
        after_help = "Examples:\n  resume check resume.toml\n  resume check resume.json      # strict JSON Resume validation"
    )]
    Check(CheckArgs),
    /// Check a source's content: gaps, dates, bullets, contact details, length
    #[command(
        after_help = "Examples:\n  resume lint resume.toml\n  resume lint resume.toml --allow no-metric --allow employment-gap\n  resume lint resume.toml --deny warnings        # warnings fail the run (CI)\n  resume lint resume.json --format json          # for editors and CI\n  resume lint resume.toml --fit-pages 2\n\nRules (see docs/lint.md; turn them off in the source with [lint] allow = [...]):\n  employment-gap, overlapping-jobs, end-before-start, future-date, long-bullet,\n  no-metric (a note), duplicate-bullet, weak-opening, tense-mismatch, first-person,\n  inconsistent-punctuation, inconsistent-dates, missing-contact, long-summary,\n  too-many-pages\n\nExit codes: 0 clean or only warnings and notes, 1 warnings with --deny warnings\nor an invalid source, 2 usage or IO error."
    )]
    Lint(LintArgs),
    /// Convert between our TOML format and JSON Resume
    #[command(
        after_help = "Examples:\n  resume convert resume.json -o resume.toml\n  resume convert resume.toml -o resume.json\n  resume convert resume.toml --to json        # to standard output"
    )]
    Convert(ConvertArgs),
    /// Write a commented starter source
    #[command(
        after_help = "Examples:\n  resume init                  # writes resume.toml and resume.schema.json\n  resume init jane-doe.toml"
    )]
    Init(InitArgs),
    /// Make a source from what another service holds about you
    #[command(subcommand)]
    Import(ImportCommand),
    /// List the built-in themes, or print one theme's file to start your own
    #[command(
        after_help = "Examples:\n  resume themes                       # one line per built-in theme\n  resume themes classic > mine.toml    # a theme file to edit\n  resume build resume.toml --theme traditional\n  resume build resume.toml --theme ./mine.toml"
    )]
    Themes(ThemesArgs),
    /// Print the JSON Schema of the source format, for editors
    #[command(
        long_about = "Print the JSON Schema of our TOML format (draft-07), generated from the same \
                      definition as the reader: every key with its type, allowed values, meaning and an \
                      example. Editors that run taplo (VS Code with Even Better TOML, Neovim, Helix) use \
                      it when the source's first line is `#:schema ./resume.schema.json`; `resume init` \
                      writes both. With --json-resume, the schema of JSON Resume files with our \
                      extension keys.",
        after_help = "Examples:\n  resume schema > resume.schema.json\n  resume schema --json-resume > json-resume.schema.json"
    )]
    Schema(SchemaArgs),
    /// Read the PDF and DOCX back as an applicant-tracking parser does
    #[command(
        long_about = "Build the PDF and the DOCX in memory (with the same options as `build`) and read \
                      them back as an applicant-tracking parser does: contact fields and whether they \
                      are in the body, section headings and whether parsers know their names, every \
                      entry's dates as a date pattern reads them, words missing or out of order, and \
                      problems (ligatures, private-use characters, unmapped glyphs, tables, text boxes, \
                      drawings). With --pdf or --docx, check those files against the source instead.\n\n\
                      Exit status: 0 when everything of the source reaches the parser (word recall of at \
                      least 0.99, contacts in the body, no problems), 1 otherwise, 2 on usage or IO errors.",
        after_help = "Examples:\n  resume ats resume.toml\n  resume ats resume.toml --theme compact --tag systems\n  resume ats resume.toml --docx old.docx        # check a file made elsewhere\n  resume ats resume.json --format json | jq '.formats[].words.recall'"
    )]
    Ats(AtsArgs),
    /// Match a résumé against a job: keywords present and missing, entries
    /// ranked, the tags of a tailored build
    #[command(
        after_help = "The job is a JSON Resume job file (.json) or a posting pasted as plain text \
                      (any other file, or - for standard input).\n\n\
                      Examples:\n  resume match resume.toml job.json\n  resume match resume.toml posting.txt\n  pbpaste | resume match resume.toml -\n  resume match resume.toml job.json --format json > match.json"
    )]
    Match(MatchArgs),
    /// Print a shell's completion script for `resume`
    #[command(
        after_help = "Examples:\n  resume completions bash > ~/.local/share/bash-completion/completions/resume\n  resume completions zsh > ~/.zfunc/_resume\n  resume completions fish > ~/.config/fish/completions/resume.fish\n  resume completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Write the man pages of `resume` and its subcommands into a folder
    /// (used by `cargo xtask man`)
    #[command(hide = true)]
    Manpages(ManpagesArgs),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A LinkedIn data archive ("Get a copy of your data"), as a commented TOML source
    #[command(
        after_help = "Examples:\n  resume import linkedin Basic_LinkedInDataExport.zip -o resume.toml\n  resume import linkedin export.zip -o resume.toml --force\n\nReads Profile, Positions, Education, Skills, Projects, Certifications,\nLanguages, Honors, Publications, Email Addresses and PhoneNumbers; says\nwhat it could not map."
    )]
    Linkedin(ImportLinkedinArgs),
}

#[derive(Debug, Args)]
pub struct ImportLinkedinArgs {
    /// The archive (.zip) LinkedIn sends
    #[arg(value_name = "ARCHIVE")]
    pub archive: PathBuf,
    /// The source to write
    #[arg(short, long, value_name = "FILE", default_value = "resume.toml")]
    pub output: PathBuf,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManpagesArgs {
    /// Where the pages go
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct AtsArgs {
    /// The source the files must carry (.toml, or .json for JSON Resume)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// Check this PDF instead of building one (only the files given are checked)
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,
    /// Check this DOCX instead of building one (only the files given are checked)
    #[arg(long, value_name = "FILE")]
    pub docx: Option<PathBuf>,
    /// How to print the report
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub from: FromArg,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Readable text
    Text,
    /// JSON: for `ats` one object (`source`, `ok`, `formats`), for `match`
    /// the report schema/match.schema.json describes, for `lint` one array
    /// of findings
    Json,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Source files (.toml, or .json for JSON Resume), or directories: every
    /// .toml and .json file directly inside. Many sources build in parallel
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    #[command(flatten)]
    pub options: BuildOptions,
}

/// What `build` and `watch` share: which outputs, where, and how they look.
#[derive(Debug, Args)]
pub struct BuildOptions {
    /// Build every variant the source's [variants] table names, as
    /// DIR/<stem>-<variant>.<ext>
    #[arg(long, conflicts_with = "variant")]
    pub all_variants: bool,
    /// Build one variant of the source's [variants] table, as
    /// DIR/<stem>-<variant>.<ext>
    #[arg(long, value_name = "NAME")]
    pub variant: Option<String>,
    /// Directory for the outputs, written as DIR/<stem>.<ext>
    #[arg(short, long, value_name = "DIR", default_value = "dist")]
    pub output: PathBuf,
    /// Formats to write, comma-separated [default: pdf,docx,html,txt]
    #[arg(short, long, value_name = "FORMAT", value_delimiter = ',')]
    pub format: Vec<FormatArg>,
    #[command(flatten)]
    pub from: FromArg,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The source to build (.toml, or .json for JSON Resume)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    #[command(flatten)]
    pub options: BuildOptions,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// The source to show (.toml, or .json for JSON Resume)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The port to listen on, on 127.0.0.1 only [default: a free one]
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// Print the page's address without opening it in the browser
    #[arg(long)]
    pub no_open: bool,
    #[command(flatten)]
    pub from: FromArg,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The source to convert
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// Where to write; its extension picks the format. Omit to print
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format, when the output's extension does not say or it is printed
    #[arg(long, value_enum)]
    pub to: Option<SourceFormat>,
    #[command(flatten)]
    pub from: FromArg,
}

#[derive(Debug, Args)]
pub struct FromArg {
    /// Source format, when the extension does not say (.toml, .json)
    #[arg(long, value_enum)]
    pub from: Option<SourceFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceFormat {
    /// Our TOML format
    Toml,
    /// JSON Resume
    Json,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The look: a built-in theme (see `resume themes`) or a theme file;
    /// overrides the source's `design.theme`, keeps its other `[design]` keys
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Keep only entries and bullets tagged so (untagged ones always stay); repeatable
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Leave out entries and bullets tagged so; repeatable
    #[arg(long = "exclude-tag", value_name = "TAG")]
    pub exclude_tags: Vec<String>,
    /// Paper size for PDF, DOCX and HTML print
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// How dates are written, overriding the source
    #[arg(long, value_enum)]
    pub date_style: Option<DateStyleArg>,
    /// Fit PDF, DOCX and printed HTML on at most N pages [default: 1]: tighten
    /// spacing, then the font size down to a readable floor, and report what
    /// changed. Content that cannot fit keeps its natural layout
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=50))]
    pub fit_pages: Option<u32>,
    /// Width of the plain text in display columns
    #[arg(long, default_value_t = 78, value_parser = clap::value_parser!(u16).range(30..=400))]
    pub width: u16,
    /// Plain text in ASCII only (• – “ ” é become * - " " e)
    #[arg(long)]
    pub ascii: bool,
    /// The language of titles, dates and labels (a tag such as de, fr,
    /// zh, ar), overriding the source's `layout.locale`
    #[arg(long, value_name = "TAG")]
    pub locale: Option<String>,
    /// A folder of fonts (.ttf, .otf, .ttc) for characters the bundled
    /// faces lack, such as CJK or Arabic text; tried before the installed
    /// fonts; repeatable
    #[arg(long = "font-dir", value_name = "DIR")]
    pub font_dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Source files (.toml, or .json for JSON Resume)
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    #[command(flatten)]
    pub from: FromArg,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The résumé (.toml, or .json for JSON Resume)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The job: a JSON Resume job file (.json), a posting as plain text, or - for standard input
    #[arg(value_name = "JOB")]
    pub job: PathBuf,
    /// How to print the report
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub from: FromArg,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The source to check (.toml, or .json for JSON Resume)
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    #[command(flatten)]
    pub from: FromArg,
    /// Turn a rule off; repeatable
    #[arg(
        long = "allow",
        value_name = "RULE",
        value_parser = clap::builder::PossibleValuesParser::new(resume_model::LINT_RULES),
        hide_possible_values = true
    )]
    pub allow: Vec<String>,
    /// Make warnings fail the run (exit 1); notes never do
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DenyArg>,
    /// How findings are printed: for people (stderr), or one JSON array (stdout)
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// The theme bullets are measured in and the PDF is built with
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,
    /// Pages the PDF may take before `too-many-pages` warns
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=50))]
    pub fit_pages: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyArg {
    /// Warnings fail the run
    Warnings,
}

#[derive(Debug, Args)]
pub struct ThemesArgs {
    /// Print this theme's file instead of the list
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of JSON Resume files (with our extension keys) instead
    #[arg(long)]
    pub json_resume: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the starter (its schema, resume.schema.json, goes beside it)
    #[arg(default_value = "resume.toml", value_name = "PATH")]
    pub path: PathBuf,
    /// Overwrite the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Docx,
    Html,
    Txt,
    /// GitHub-flavoured Markdown (only when asked for)
    Md,
    /// JSON Resume, as `convert` writes it (only when asked for)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    Letter,
    A4,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateStyleArg {
    /// Jun 2020
    Short,
    /// June 2020
    Long,
    /// 06/2020
    Numeric,
    /// 2020-06
    Iso,
    /// Jun 1, 2020 (the day when the source gives one)
    ShortDay,
    /// June 1, 2020
    LongDay,
    /// 06/01/2020
    NumericDay,
    /// 2020-06-01
    IsoDay,
}

impl From<SourceFormat> for resume_model::SourceFormat {
    fn from(f: SourceFormat) -> Self {
        match f {
            SourceFormat::Toml => resume_model::SourceFormat::Toml,
            SourceFormat::Json => resume_model::SourceFormat::Json,
        }
    }
}

impl From<PaperArg> for resume_document::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::Letter => resume_document::Paper::Letter,
            PaperArg::A4 => resume_document::Paper::A4,
        }
    }
}

impl From<DateStyleArg> for resume_document::DateStyle {
    fn from(d: DateStyleArg) -> Self {
        match d {
            DateStyleArg::Short => resume_document::DateStyle::Short,
            DateStyleArg::Long => resume_document::DateStyle::Long,
            DateStyleArg::Numeric => resume_document::DateStyle::Numeric,
            DateStyleArg::Iso => resume_document::DateStyle::Iso,
            DateStyleArg::ShortDay => resume_document::DateStyle::ShortDay,
            DateStyleArg::LongDay => resume_document::DateStyle::LongDay,
            DateStyleArg::NumericDay => resume_document::DateStyle::NumericDay,
            DateStyleArg::IsoDay => resume_document::DateStyle::IsoDay,
        }
    }
}

impl From<&RenderArgs> for resume_document::Options {
    fn from(a: &RenderArgs) -> Self {
        resume_document::Options {
            theme: None,
            paper: a.paper.map(Into::into),
            date_style: a.date_style.map(Into::into),
            include_tags: a.tags.clone(),
            exclude_tags: a.exclude_tags.clone(),
            locale: a.locale.clone(),
        }
    }
}

impl From<&RenderArgs> for resume_text::TextOptions {
    fn from(a: &RenderArgs) -> Self {
        resume_text::TextOptions {
            width: usize::from(a.width),
            ascii: a.ascii,
        }
    }
}
