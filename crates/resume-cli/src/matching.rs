//! `resume match`: reads the résumé and the job, prints the report that
//! `resume_document::matching` makes.

use std::path::Path;

use resume_document::matching::{JobSource, MatchInput, match_job};

use crate::args::{MatchArgs, ReportFormat};
use crate::{Failure, Strictness, load_source, report};

pub fn run(args: &MatchArgs) -> Result<(), Failure> {
    let (resume, source, format) = load_source(&args.source, args.from.from, Strictness::Render)?;
    let stdin = args.job.as_os_str() == "-";
    let job_text = if stdin {
        crate::source::read_from(Path::new("standard input"), std::io::stdin().lock())?
    } else {
        crate::source::read(&args.job)?
    };
    let job_name = if stdin {
        "standard input".to_string()
    } else {
        args.job.display().to_string()
    };
    let job_file = !stdin && is_json(&args.job);
    let parsed_job;
    let job = if job_file {
        parsed_job = match resume_model::parse_job(&job_text) {
            Ok((job, _)) => job,
            Err(diags) => {
                eprint!("{}", report::render(&args.job, &job_text, &diags));
                eprintln!(
                    "error: {} is not a usable JSON Resume job file; a posting in plain text needs another extension, or pass it on standard input (-)",
                    args.job.display()
                );
                return Err(Failure::Invalid);
            }
        };
        JobSource::File {
            job: &parsed_job,
            text: &job_text,
        }
    } else {
        JobSource::Text(&job_text)
    };
    let source_name = args.source.display().to_string();
    let input = MatchInput {
        resume: &resume,
        source: &source,
        format: format.into(),
        source_name: &source_name,
        job_name: &job_name,
        job,
    };
    let report = match match_job(&input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {job_name}: {e}");
            return Err(Failure::Invalid);
        }
    };
    let out = match args.format {
        ReportFormat::Text => report.to_text(),
        ReportFormat::Json => report.to_json(),
    };
    print!("{out}");
    Ok(())
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}
