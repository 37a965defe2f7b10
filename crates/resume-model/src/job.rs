//! A JSON Resume job file (`job-schema.json`): the parts of a posting that
//! say what the job asks for, each with its path and byte range so that
//! `resume match` can say where a keyword came from.

use std::ops::Range;

use crate::diag::{Diagnostic, Parsed};
use crate::tree::{self, Node, Value};

/// A job posting read from a JSON Resume job file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Job {
    pub title: Option<String>,
    pub company: Option<String>,
    /// Every text that states a requirement, in file order.
    pub texts: Vec<JobText>,
}

/// One text of a job file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobText {
    pub field: JobField,
    /// e.g. `skills[0].keywords[2]`.
    pub path: String,
    pub span: Range<usize>,
    pub text: String,
}

/// Which field of a job file a text is; decides how it is read and weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JobField {
    /// `skills[].keywords[]`: one keyword each, taken whole.
    SkillKeyword,
    /// `skills[].name`: one keyword, taken whole.
    SkillName,
    Title,
    Qualification,
    Responsibility,
    Description,
}

impl JobField {
    /// True for fields that name one skill; the others are prose.
    pub fn is_keyword(self) -> bool {
        matches!(self, JobField::SkillKeyword | JobField::SkillName)
    }
}

/// Reads a JSON Resume job file. Keys the schema does not define are
/// allowed (it says `additionalProperties: true`); a known key of the wrong
/// type is an error with its place.
pub fn parse_job(source: &str) -> Parsed<Job> {
    let (root, _) = tree::from_json(source)?;
    let mut diags = Vec::new();
    let mut job = Job::default();
    let Value::Table(fields) = &root.value else {
        return Err(vec![
            Diagnostic::error(
                format!("a job file is an object, not {}", root.value.type_name(false)),
                Some(root.span.clone()),
                "",
            )
            .with_hint("write { \"title\": \"…\", \"skills\": [{ \"name\": \"…\", \"keywords\": [\"…\"] }] }"),
        ]);
    };
    for f in fields {
        let key = f.key.as_str();
        match key {
            "title" | "description" => {
                let field = if key == "title" {
                    JobField::Title
                } else {
                    JobField::Description
                };
                if let Some(t) = string(&f.node, key, &mut diags) {
                    if key == "title" {
                        job.title = Some(t.clone());
                    }
                    push(&mut job, field, key.to_string(), &f.node, t);
                }
            }
            "company" => job.company = string(&f.node, key, &mut diags),
            "qualifications" | "responsibilities" => {
                let field = if key == "qualifications" {
                    JobField::Qualification
                } else {
                    JobField::Responsibility
                };
                for (i, n) in array(&f.node, key, &mut diags).iter().enumerate() {
                    let path = format!("{key}[{i}]");
                    if let Some(t) = string(n, &path, &mut diags) {
                        push(&mut job, field, path, n, t);
                    }
                }
            }
            "skills" => {
                for (i, n) in array(&f.node, key, &mut diags).iter().enumerate() {
                    skill(&mut job, n, &format!("skills[{i}]"), &mut diags);
                }
            }
            _ => {}
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    if job.texts.iter().all(|t| t.text.trim().is_empty()) {
        return Err(vec![
            Diagnostic::error("the job file states no requirements", Some(root.span.clone()), "")
                .with_hint(
                    "give it `skills` (with `keywords`), `qualifications`, `responsibilities`, a `description` or a `title`",
                ),
        ]);
    }
    Ok((job, Vec::new()))
}

fn skill(job: &mut Job, n: &Node, path: &str, diags: &mut Vec<Diagnostic>) {
    let Value::Table(fields) = &n.value else {
        diags.push(type_error(n, path, "an object"));
        return;
    };
    for f in fields {
        match f.key.as_str() {
            "name" => {
                let p = format!("{path}.name");
                if let Some(t) = string(&f.node, &p, diags) {
                    push(job, JobField::SkillName, p, &f.node, t);
                }
            }
            "keywords" => {
                let p = format!("{path}.keywords");
                for (i, k) in array(&f.node, &p, diags).iter().enumerate() {
                    let p = format!("{p}[{i}]");
                    if let Some(t) = string(k, &p, diags) {
                        push(job, JobField::SkillKeyword, p, k, t);
                    }
                }
            }
            _ => {}
        }
    }
}

fn push(job: &mut Job, field: JobField, path: String, n: &Node, text: String) {
    job.texts.push(JobText {
        field,
        path,
        span: n.span.clone(),
        text,
    });
}

fn string(n: &Node, path: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    match &n.value {
        Value::String(s) => Some(s.clone()),
        // JSON Resume files often write null for "not given".
        Value::Null => None,
        _ => {
            diags.push(type_error(n, path, "a string"));
            None
        }
    }
}

fn array<'n>(n: &'n Node, path: &str, diags: &mut Vec<Diagnostic>) -> &'n [Node] {
    match &n.value {
        Value::Array(items) => items,
        Value::Null => &[],
        _ => {
            diags.push(type_error(n, path, "an array"));
            &[]
        }
    }
}

fn type_error(n: &Node, path: &str, expected: &str) -> Diagnostic {
    Diagnostic::error(
        format!(
            "`{path}` must be {expected}, not {}",
            n.value.type_name(false)
        ),
        Some(n.span.clone()),
        path,
    )
    .with_hint("see the JSON Resume job schema: https://jsonresume.org/job-description-schema")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_requirements_with_their_places() {
        let src = r#"{"title": "Dev", "skills": [{"name": "Web", "keywords": ["HTML", "CSS"]}], "qualifications": ["Rust"], "remote": "Full"}"#;
        let (job, _) = parse_job(src).unwrap();
        let paths: Vec<_> = job.texts.iter().map(|t| t.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "title",
                "skills[0].name",
                "skills[0].keywords[0]",
                "skills[0].keywords[1]",
                "qualifications[0]"
            ]
        );
        assert_eq!(&src[job.texts[2].span.clone()], "\"HTML\"");
    }

    #[test]
    fn refuses_what_is_not_a_job() {
        for (src, message) in [
            ("", "the file is empty"),
            ("[]", "a job file is an object, not an array"),
            ("{}", "the job file states no requirements"),
            (
                "{\"skills\": [{\"keywords\": [1]}]}",
                "`skills[0].keywords[0]` must be a string, not an integer",
            ),
            (
                "{\"skills\": {}}",
                "`skills` must be an array, not an object",
            ),
        ] {
            let diags = parse_job(src).unwrap_err();
            assert_eq!(diags[0].message, message, "{src}");
            assert!(diags[0].span.is_some(), "{src}");
        }
    }
}
