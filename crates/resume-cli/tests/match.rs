//! `resume match` end to end: the seed résumé against the JSON Resume sample
//! job and against a posting pasted as text, the JSON report against the
//! schema the project ships, determinism, and refused jobs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `resume` in the workspace root, so paths print as given.
fn resume(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run resume");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("run resume")
}

const SEED: &str = "resume/wenqing-luo.toml";
const SAMPLE_JOB: &str = "tests/data/jsonresume/sample.job.json";
const POSTING: &str = "tests/data/match/posting.txt";

/// "line:col" of the first occurrence of `needle` in the seed, so the
/// tests say what they point at rather than numbers that move when the seed
/// is edited.
fn seed_at(needle: &str) -> String {
    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in the seed"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{column}")
}

fn json_report(job: &str) -> Value {
    let out = resume(&["match", SEED, job, "--format", "json"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

fn names(report: &Value, list: &str) -> Vec<String> {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[track_caller]
fn has_all(report: &Value, list: &str, expect: &[&str]) {
    let got = names(report, list);
    for e in expect {
        assert!(got.iter().any(|g| g == e), "`{e}` not {list} in {got:?}");
    }
}

/// The first place a keyword was found, as "path line:col".
fn found(report: &Value, keyword: &str) -> String {
    let k = report["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == keyword)
        .unwrap_or_else(|| panic!("no keyword {keyword}"));
    let p = &k["found_at"][0];
    format!(
        "{} {}:{}",
        p["path"].as_str().unwrap(),
        p["line"],
        p["column"]
    )
}

#[test]
fn seed_against_the_sample_job() {
    let r = json_report(SAMPLE_JOB);
    assert_eq!(r["job"]["kind"], "job-file");
    assert_eq!(r["job"]["title"], "Web Developer");
    has_all(
        &r,
        "present",
        &[
            "JavaScript",
            "React",
            "Node.js",
            "SQL",
            "MongoDB",
            "web development",
        ],
    );
    has_all(
        &r,
        "missing",
        &["HTML", "CSS", "NoSQL", "database management"],
    );
    // "React" in the job is "React.js" in the résumé.
    assert_eq!(
        found(&r, "React"),
        format!("projects[2].technologies[2] {}", seed_at("\"React.js\"]"))
    );
    assert_eq!(
        found(&r, "JavaScript"),
        format!(
            "work[2].highlights[0] {}",
            seed_at("\"Developed a distributed performance")
        )
    );
    // Where the job asks for a missing keyword.
    let html = r["keywords"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "HTML")
        .unwrap();
    let asked: Vec<&str> = html["wanted_at"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(asked, ["qualifications[2]", "skills[0].keywords[0]"]);
    assert_eq!(html["weight"], 3);
    // The seed has no tags.
    assert_eq!(r["tailoring"]["command"], Value::Null);
    assert_eq!(r["entries"][0]["path"], "skills[2]");
}

#[test]
fn seed_against_a_pasted_posting() {
    let r = json_report(POSTING);
    assert_eq!(r["job"]["kind"], "text");
    has_all(
        &r,
        "present",
        &[
            "Kubernetes",
            "C++",
            "Go",
            "Python",
            "Rust",
            "Linux",
            "Docker",
            "Protobuf",
            "Redis",
            "CI/CD",
            "service mesh",
            "microservices",
            "message queue",
            "distributed systems",
            "machine learning",
            "TCP/IP",
            "computer science",
        ],
    );
    has_all(
        &r,
        "missing",
        &[
            "Amazon Web Services",
            "Google Cloud",
            "Kafka",
            "PostgreSQL",
            "Terraform",
            "gRPC",
            "Prometheus",
            "Grafana",
            "OpenTelemetry",
        ],
    );
    // Aliases both ways: the posting's "k8s" and "Golang" are the résumé's
    // "Kubernetes" and "Golang"; its "C++" is the résumé's "C/C++" too.
    assert_eq!(
        found(&r, "Kubernetes"),
        format!(
            "work[2].technologies[1] {}",
            seed_at("\"Kubernetes\", \"Python\"")
        )
    );
    assert_eq!(
        found(&r, "Go"),
        format!(
            "work[2].technologies[0] {}",
            seed_at("\"Golang\", \"Kubernetes\", \"Python\"")
        )
    );
    assert_eq!(
        found(&r, "C++"),
        format!("work[0].technologies[0] {}", seed_at("\"C++\", \"LLVM\""))
    );
    for noise in ["PTO", "401k", "US", "WA", "BS", "MS", "Northwind"] {
        let all = [names(&r, "present"), names(&r, "missing")].concat();
        assert!(!all.iter().any(|n| n == noise), "{noise} is not a skill");
    }
}

#[test]
fn text_report_names_places() {
    let out = resume(&["match", SEED, POSTING], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("match: resume/wenqing-luo.toml against tests/data/match/posting.txt\n"),
        "{text}"
    );
    assert!(text.contains("coverage: "), "{text}");
    let kubernetes = format!(
        "work[2].technologies[1] {}",
        seed_at("\"Kubernetes\", \"Python\"")
    );
    assert!(text.contains(&kubernetes), "{text}");
    assert!(text.contains("\nmissing ("), "{text}");
    assert!(text.contains("\nentries by relevance"), "{text}");
    assert!(text.contains("the source has no tags"), "{text}");
}

#[test]
fn json_report_follows_the_shipped_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/match.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    for job in [SAMPLE_JOB, POSTING] {
        let report = json_report(job);
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{job}: {errors:#?}");
        // And the schema is not a rubber stamp.
        let mut broken = report.clone();
        broken["coverage"]["percent"] = Value::from(101);
        assert!(!validator.is_valid(&broken));
    }
}

#[test]
fn same_inputs_same_bytes() {
    for args in [
        vec!["match", SEED, SAMPLE_JOB],
        vec!["match", SEED, POSTING, "--format", "json"],
        vec![
            "match",
            "tests/data/jsonresume/sample.resume.json",
            SAMPLE_JOB,
            "--format",
            "json",
        ],
    ] {
        let a = resume(&args, None);
        let b = resume(&args, None);
        assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
        assert_eq!(a.stdout, b.stdout, "{args:?}");
    }
}

#[test]
fn a_json_resume_source_is_located_in_its_own_names() {
    let r = json_report_of("tests/data/jsonresume/sample.resume.json", SAMPLE_JOB);
    let places: Vec<&str> = r["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert!(places.iter().all(|p| !p.is_empty()));
    assert!(
        r["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["line"].as_u64() > Some(0))
    );
}

fn json_report_of(source: &str, job: &str) -> Value {
    let out = resume(&["match", source, job, "--format", "json"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn posting_on_standard_input() {
    let out = resume(
        &["match", SEED, "-", "--format", "json"],
        Some("We need k8s and Terraform."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["job"]["path"], "standard input");
    assert_eq!(names(&r, "present"), ["Kubernetes"]);
    assert_eq!(names(&r, "missing"), ["Terraform"]);
}

#[test]
fn unusable_jobs_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, &[&str]); 5] = [
        (
            "empty.json",
            "",
            &["error: the file is empty", "empty.json:1:1"],
        ),
        (
            "list.json",
            "[1]",
            &["a job file is an object, not an array", "list.json:1:1"],
        ),
        (
            "typo.json",
            "{\n  \"skills\": [{ \"keywords\": \"Rust\" }]\n}",
            &[
                "`skills[0].keywords` must be an array, not a string",
                "typo.json:2:28",
            ],
        ),
        (
            "nothing.json",
            "{ \"remote\": \"Full\" }",
            &["the job file states no requirements"],
        ),
        (
            "blank.txt",
            "  \n",
            &["error: ", "blank.txt: the job posting is empty"],
        ),
    ];
    for (name, text, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = resume(&["match", SEED, path.to_str().unwrap()], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
        for e in expect {
            assert!(err.contains(e), "{name}: `{e}` not in\n{err}");
        }
    }
    let out = resume(&["match", SEED, "-"], Some("we are a friendly team"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("found no skill or technology"));
    let out = resume(&["match", SEED, "no/such/job.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/job.json"));
}

#[test]
fn help_shows_examples() {
    let out = resume(&["match", "--help"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("resume match resume.toml job.json"), "{text}");
    assert!(text.contains("--format <FORMAT>"), "{text}");
}
