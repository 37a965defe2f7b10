//! International text end to end: a format that cannot be made does not
//! cost the others, characters no font has are named where the source has
//! them with the fix, pictographs are left out of the PDF only, and a font
//! folder given on the command line is used.

mod common;

use std::path::Path;

use common::{resume, stderr};

const CHINESE: &str = "[basics]\nname = \"王小明\"\nheadline = \"软件工程师\"\n\n[layout]\nlocale = \"zh\"\n\n[[work]]\ncompany = \"ByteDance\"\nposition = \"后端工程师\"\nstart = \"2021-07\"\nhighlights = [\"负责 Kubernetes 集群调度系统。\"]\n";

/// Runs `resume` as on a machine without installed fonts.
fn bare(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_resume"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env("RESUME_SYSTEM_FONTS", "0")
        .output()
        .expect("run resume")
}

fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn without_a_font_for_its_script_the_pdf_alone_fails_and_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cv.toml"), CHINESE).unwrap();
    let out = bare(dir.path(), &["build", "cv.toml", "-o", "dist"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    // The other three are written; no PDF, whole or partial.
    assert_eq!(
        written(&dir.path().join("dist")),
        ["cv.docx", "cv.html", "cv.txt"],
        "{err}"
    );
    // The message names the characters, where they are and the fix.
    assert!(err.contains("cannot write the PDF"), "{err}");
    assert!(err.contains("'王' (U+738B)"), "{err}");
    assert!(err.contains("cv.toml:2:9"), "{err}");
    assert!(err.contains("`basics.name`"), "{err}");
    assert!(err.contains("`basics.headline`"), "{err}");
    assert!(err.contains("apt install fonts-noto-cjk"), "{err}");
    assert!(err.contains("--font-dir"), "{err}");
    let text = std::fs::read_to_string(dir.path().join("dist/cv.txt")).unwrap();
    assert!(text.contains("负责 Kubernetes 集群调度系统。"), "{text}");
}

#[test]
#[cfg_attr(not(has_noto_cjk), ignore = "needs fonts-noto-cjk")]
fn a_font_folder_draws_what_the_bundled_faces_lack() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cv.toml"), CHINESE).unwrap();
    let out = bare(
        dir.path(),
        &[
            "build",
            "cv.toml",
            "-o",
            "dist",
            "--font-dir",
            "/usr/share/fonts/opentype/noto",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        written(&dir.path().join("dist")),
        ["cv.docx", "cv.html", "cv.pdf", "cv.txt"]
    );
    assert!(
        stderr(&out).contains("Noto Sans CJK SC"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_font_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cv.toml"), CHINESE).unwrap();
    let out = resume(
        dir.path(),
        &[
            "build",
            "cv.toml",
            "-o",
            "dist",
            "--font-dir",
            "no-such-dir",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-dir"), "{}", stderr(&out));
    assert!(written(&dir.path().join("dist")).is_empty());
}

#[test]
fn pictographs_are_left_out_of_the_pdf_with_a_warning_and_kept_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let src = "[basics]\nname = \"Pat Doe\"\n\n[[skills]]\nname = \"Languages\"\nkeywords = [\"Rust 🦀\", \"Go\"]\n";
    std::fs::write(dir.path().join("cv.toml"), src).unwrap();
    let out = bare(dir.path(), &["build", "cv.toml", "-o", "dist"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        written(&dir.path().join("dist")),
        ["cv.docx", "cv.html", "cv.pdf", "cv.txt"]
    );
    assert!(
        err.contains("warning: pdf:") && err.contains("'🦀' (U+1F980)"),
        "{err}"
    );
    assert!(err.contains("cv.toml:6:"), "{err}");
    assert!(err.contains("`skills[0].keywords[0]`"), "{err}");
    for f in ["cv.txt", "cv.html"] {
        let text = std::fs::read_to_string(dir.path().join("dist").join(f)).unwrap();
        assert!(text.contains("Rust 🦀"), "{f}");
    }
}

#[test]
#[cfg_attr(not(has_noto_cjk), ignore = "needs fonts-noto-cjk")]
fn the_source_names_its_own_font_folder() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    std::os::unix::fs::symlink(
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        fonts.join("cjk.ttc"),
    )
    .unwrap();
    let src = CHINESE.replace(
        "[layout]\nlocale = \"zh\"\n",
        "[layout]\nlocale = \"zh\"\nfont_dirs = [\"fonts\"]\n",
    );
    std::fs::write(dir.path().join("cv.toml"), src).unwrap();
    let out = bare(dir.path(), &["build", "cv.toml", "-o", "dist", "-f", "pdf"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(written(&dir.path().join("dist")), ["cv.pdf"]);
}

#[test]
fn a_missing_font_folder_in_the_source_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let src = CHINESE.replace(
        "[layout]\nlocale = \"zh\"\n",
        "[layout]\nlocale = \"zh\"\nfont_dirs = [\"nowhere\"]\n",
    );
    std::fs::write(dir.path().join("cv.toml"), src).unwrap();
    let out = resume(dir.path(), &["build", "cv.toml", "-o", "dist"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cv.toml:7:14") && err.contains("`nowhere`"),
        "{err}"
    );
    assert!(written(&dir.path().join("dist")).is_empty());
}

#[test]
fn the_locale_can_be_chosen_on_the_command_line_and_a_wrong_one_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let src = "[basics]\nname = \"Pat Doe\"\n\n[[work]]\ncompany = \"Acme\"\nstart = \"2020-06-15\"\nend = \"present\"\n";
    std::fs::write(dir.path().join("cv.toml"), src).unwrap();
    let out = resume(
        dir.path(),
        &[
            "build", "cv.toml", "-o", "dist", "-f", "txt", "--locale", "de",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("dist/cv.txt")).unwrap();
    assert!(text.contains("BERUFSERFAHRUNG"), "{text}");
    assert!(
        text.contains("Juni 2020 – heute") || text.contains("Jun 2020 – heute"),
        "{text}"
    );
    let out = resume(
        dir.path(),
        &[
            "build", "cv.toml", "-o", "dist", "-f", "txt", "--locale", "deu",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("unknown locale `deu`") && err.contains("`de`"),
        "{err}"
    );
}
