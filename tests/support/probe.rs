// Shared by the build scripts of the crates whose tests drive programs
// (included with `include!`): sets `cfg(has_<name>)` when a program or
// file the tests need is on this machine, so a test without it is marked
// `#[ignore]` with the reason and a local run says it did not run. Under CI
// (`CI` set) every cfg is on: the tests run, and fail if something is
// missing.

/// `(cfg name, candidates)`: a candidate with a slash is a file, any
/// other a program looked up on `PATH`.
fn probe(needs: &[(&str, &[&str])]) {
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    let dirs: Vec<std::path::PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    for (cfg, candidates) in needs {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        let mut found = None;
        for c in candidates.iter() {
            let paths: Vec<std::path::PathBuf> = if c.contains('/') {
                vec![std::path::PathBuf::from(c)]
            } else {
                dirs.iter().map(|d| d.join(c)).collect()
            };
            if let Some(p) = paths.into_iter().find(|p| p.is_file()) {
                found = Some(p);
                break;
            }
        }
        match &found {
            // Rebuild when the program goes away or changes.
            Some(p) => println!("cargo::rerun-if-changed={}", p.display()),
            // Rebuild when something is installed where it would go.
            None => {
                for d in dirs.iter().filter(|d| d.is_dir()) {
                    println!("cargo::rerun-if-changed={}", d.display());
                }
                for c in candidates.iter().filter(|c| c.contains('/')) {
                    if let Some(parent) = std::path::Path::new(c).parent().filter(|p| p.is_dir()) {
                        println!("cargo::rerun-if-changed={}", parent.display());
                    }
                }
            }
        }
        if found.is_some() || ci {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
