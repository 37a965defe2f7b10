//! `resume import linkedin`: a LinkedIn data archive (the .zip of CSV files
//! LinkedIn sends from "Get a copy of your data") made into a commented
//! TOML source, with a report of what could not be mapped.
//!
//! The columns are those LinkedIn documents for its export; a file or a
//! column we do not know is reported, never silently dropped.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, anyhow};
use resume_model::{
    Award, Basics, Bullet, Certificate, Date, DateValue, Education, Email, Language, Link,
    LinkTarget, Location, Period, Profile, Project, Publication, Resume, Rich, SafeUrl, Skill,
    Work,
};

use crate::Failure;
use crate::args::ImportLinkedinArgs;

/// One CSV file: its header and rows, by column name.
struct Table {
    name: String,
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    fn columns(&self) -> Vec<String> {
        let mut cols: Vec<String> = self.rows.iter().flat_map(|r| r.keys().cloned()).collect();
        cols.sort();
        cols.dedup();
        cols
    }
}

/// What the import did not carry over, for the report and the source's
/// header.
#[derive(Default)]
struct Report {
    lines: Vec<String>,
}

impl Report {
    fn skip(&mut self, what: String) {
        if !self.lines.contains(&what) {
            self.lines.push(what);
        }
    }
}

pub(crate) fn linkedin(args: &ImportLinkedinArgs) -> Result<(), Failure> {
    if args.output.exists() && !args.force {
        return Err(Failure::Io(anyhow!(
            "{} already exists; pass --force to overwrite it or choose another path with -o",
            args.output.display()
        )));
    }
    let tables = read_archive(&args.archive)?;
    let mut report = Report::default();
    let resume = build(&tables, &mut report);
    if resume.basics.name.trim().is_empty() {
        return Err(Failure::Io(anyhow!(
            "{}: no name in Profile.csv; is this a LinkedIn data archive?",
            args.archive.display()
        )));
    }
    let mut text = format!(
        "# Imported from the LinkedIn data archive {} by `resume import linkedin`.\n\
         # Read it through: LinkedIn keeps descriptions as free text; lines that\n\
         # start with •, - or * became bullets. Then `resume check` and `resume build`.\n",
        args.archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    if !report.lines.is_empty() {
        text.push_str("#\n# Not imported:\n");
        for l in &report.lines {
            text.push_str(&format!("#   {l}\n"));
        }
    }
    text.push('\n');
    text.push_str(&resume_model::to_toml(&resume));
    // What we write must read back: our own reader is the check.
    if let Err(diags) = resume_model::parse_toml(&text) {
        let first = diags.first().map(|d| d.message.clone()).unwrap_or_default();
        return Err(Failure::Io(anyhow!(
            "the imported source does not read back ({first}); please report this archive's shape"
        )));
    }
    crate::write_atomic(&args.output, text.as_bytes())?;
    println!("wrote {}", args.output.display());
    for l in &report.lines {
        eprintln!("note: not imported: {l}");
    }
    println!(
        "next: read it through, then `resume build {}`",
        args.output.display()
    );
    Ok(())
}

/// The CSV files of the archive, by file name without folders.
fn read_archive(path: &Path) -> Result<Vec<Table>, Failure> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| {
        Failure::Io(anyhow!(
            "{}: not a zip archive ({e}); pass the .zip LinkedIn sends",
            path.display()
        ))
    })?;
    let mut tables = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| Failure::Io(anyhow!("{}: {e}", path.display())))?;
        let name = entry
            .name()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        if !name.to_ascii_lowercase().ends_with(".csv") {
            continue;
        }
        // A data archive is small; a file that is not is not one of ours.
        let mut bytes = Vec::new();
        (&mut entry)
            .take(16 << 20)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {name} in {}", path.display()))?;
        tables.push(parse_csv(&name, &bytes));
    }
    Ok(tables)
}

/// A CSV file's rows by column. LinkedIn puts notes before the header of
/// some files: the header is the first row that names a column we know of
/// the file, else (a file we do not read) the first with two named cells.
fn parse_csv(name: &str, bytes: &[u8]) -> Table {
    let known: &[&str] = KNOWN
        .iter()
        .find(|(n, _)| name.eq_ignore_ascii_case(n))
        .map_or(&[], |(_, cols)| cols);
    let is_header = |cells: &[String]| {
        if known.is_empty() {
            cells.iter().filter(|c| !c.is_empty()).count() >= 2
        } else {
            cells.iter().any(|c| known.contains(&c.as_str()))
        }
    };
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records().flatten() {
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        match &header {
            None => {
                if is_header(&cells) {
                    header = Some(cells);
                }
            }
            Some(h) => {
                let row: BTreeMap<String, String> = h
                    .iter()
                    .cloned()
                    .zip(cells)
                    .filter(|(_, v)| !v.is_empty())
                    .collect();
                if !row.is_empty() {
                    rows.push(row);
                }
            }
        }
    }
    Table {
        name: name.to_string(),
        rows,
    }
}

/// The files we read and the columns we map in each; the rest is reported.
const KNOWN: &[(&str, &[&str])] = &[
    (
        "Profile.csv",
        &[
            "First Name",
            "Last Name",
            "Headline",
            "Summary",
            "Geo Location",
            "Websites",
            "Twitter Handles",
        ],
    ),
    (
        "Email Addresses.csv",
        &["Email Address", "Primary", "Confirmed", "Updated On"],
    ),
    ("PhoneNumbers.csv", &["Number", "Extension", "Type"]),
    (
        "Positions.csv",
        &[
            "Company Name",
            "Title",
            "Description",
            "Location",
            "Started On",
            "Finished On",
        ],
    ),
    (
        "Education.csv",
        &[
            "School Name",
            "Start Date",
            "End Date",
            "Notes",
            "Degree Name",
            "Activities",
        ],
    ),
    ("Skills.csv", &["Name"]),
    (
        "Projects.csv",
        &["Title", "Description", "Url", "Started On", "Finished On"],
    ),
    (
        "Certifications.csv",
        &["Name", "Url", "Authority", "Started On", "Finished On"],
    ),
    ("Languages.csv", &["Name", "Proficiency"]),
    ("Honors.csv", &["Title", "Description", "Issued On"]),
    (
        "Publications.csv",
        &["Name", "Published On", "Description", "Publisher", "Url"],
    ),
];

fn build(tables: &[Table], report: &mut Report) -> Resume {
    let find = |name: &str| -> Vec<&BTreeMap<String, String>> {
        tables
            .iter()
            .filter(|t| t.name.eq_ignore_ascii_case(name))
            .flat_map(|t| t.rows.iter())
            .collect()
    };
    for t in tables {
        match KNOWN.iter().find(|(n, _)| t.name.eq_ignore_ascii_case(n)) {
            None if !t.rows.is_empty() => report.skip(format!("{} (not part of a résumé)", t.name)),
            None => {}
            Some((_, cols)) => {
                for c in t.columns() {
                    if !cols.contains(&c.as_str()) {
                        report.skip(format!("{}: column `{c}`", t.name));
                    }
                }
            }
        }
    }
    let mut r = Resume::default();
    let get = |row: &BTreeMap<String, String>, k: &str| row.get(k).cloned();

    if let Some(p) = find("Profile.csv").first() {
        let name = [get(p, "First Name"), get(p, "Last Name")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        r.basics = Basics {
            name,
            headline: get(p, "Headline"),
            summary: get(p, "Summary").map(Rich::plain),
            location: get(p, "Geo Location").map(|city| Location {
                city: Some(city),
                ..Location::default()
            }),
            website: None,
            ..Basics::default()
        };
        let sites = get(p, "Websites").map(|w| websites(&w)).unwrap_or_default();
        r.basics.website = sites.first().map(|url| Link {
            url: LinkTarget::Url(url.clone()),
            label: None,
        });
        for other in sites.iter().skip(1) {
            report.skip(format!("Profile.csv: the website {other} (one is kept)"));
        }
        if let Some(handles) = get(p, "Twitter Handles") {
            for h in handles
                .split(',')
                .map(|h| h.trim().trim_matches(['[', ']']).trim_start_matches('@'))
            {
                if !h.is_empty() {
                    r.basics.profiles.push(Profile {
                        network: "Twitter".into(),
                        username: Some(h.to_string()),
                        url: link(&format!("https://twitter.com/{h}")),
                        ..Profile::default()
                    });
                }
            }
        }
    }
    // One address and one number: the primary (or mobile) one; the others
    // are named in the report.
    let emails = find("Email Addresses.csv");
    let email = emails
        .iter()
        .find(|e| {
            e.get("Primary")
                .is_some_and(|p| p.eq_ignore_ascii_case("yes"))
        })
        .or(emails.first())
        .and_then(|e| get(e, "Email Address"));
    for e in emails.iter().filter_map(|e| get(e, "Email Address")) {
        if Some(&e) != email.as_ref() {
            report.skip(format!(
                "Email Addresses.csv: {e} (the primary address is kept)"
            ));
        }
    }
    r.basics.email = email.and_then(|e| match Email::parse(&e) {
        Ok(address) => Some(address),
        Err(_) => {
            report.skip(format!("Email Addresses.csv: {e} (not one e-mail address)"));
            None
        }
    });
    let phone_of = |p: &BTreeMap<String, String>| {
        let number = get(p, "Number")?;
        Some(match get(p, "Extension") {
            Some(ext) => format!("{number} ext. {ext}"),
            None => number,
        })
    };
    let phones = find("PhoneNumbers.csv");
    let phone = phones
        .iter()
        .find(|p| {
            p.get("Type")
                .is_some_and(|t| t.eq_ignore_ascii_case("mobile"))
        })
        .or(phones.first())
        .and_then(|p| phone_of(p));
    for p in phones.iter().filter_map(|p| phone_of(p)) {
        if Some(&p) != phone.as_ref() {
            report.skip(format!("PhoneNumbers.csv: {p} (one number is kept)"));
        }
    }
    r.basics.phone = phone;

    for row in find("Positions.csv") {
        let Some(company) = get(row, "Company Name") else {
            report.skip("Positions.csv: a position without a company".into());
            continue;
        };
        let (summary, highlights) = split_description(get(row, "Description"));
        r.work.push(Work {
            company,
            position: get(row, "Title"),
            location: get(row, "Location"),
            period: period(row, "Started On", "Finished On", true, report),
            summary,
            highlights,
            ..Work::default()
        });
    }
    for row in find("Education.csv") {
        let Some(institution) = get(row, "School Name") else {
            continue;
        };
        // Notes and activities are short lines: each a bullet.
        let notes = [get(row, "Notes"), get(row, "Activities")]
            .into_iter()
            .flatten()
            .flat_map(|t| {
                t.lines()
                    .map(|l| {
                        l.trim()
                            .trim_start_matches(['•', '-', '*', '·'])
                            .trim()
                            .to_string()
                    })
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
            })
            .map(|l| Bullet {
                text: Rich::plain(l),
                tags: Vec::new(),
            })
            .collect();
        r.education.push(Education {
            institution,
            degree: get(row, "Degree Name"),
            period: period(row, "Start Date", "End Date", false, report),
            highlights: notes,
            ..Education::default()
        });
    }
    let skills: Vec<String> = find("Skills.csv")
        .iter()
        .filter_map(|row| get(row, "Name"))
        .collect();
    if !skills.is_empty() {
        r.skills.push(Skill {
            name: "Skills".into(),
            keywords: skills,
            ..Skill::default()
        });
    }
    for row in find("Projects.csv") {
        let Some(name) = get(row, "Title") else {
            continue;
        };
        let (description, highlights) = split_description(get(row, "Description"));
        r.projects.push(Project {
            name,
            url: get(row, "Url").and_then(|u| link(&u)),
            description,
            highlights,
            period: period(row, "Started On", "Finished On", false, report),
            ..Project::default()
        });
    }
    for row in find("Certifications.csv") {
        let Some(name) = get(row, "Name") else {
            continue;
        };
        r.certificates.push(Certificate {
            name,
            issuer: get(row, "Authority"),
            url: get(row, "Url").and_then(|u| link(&u)),
            date: get(row, "Started On").and_then(|d| date(&d, "Certifications.csv", report)),
            ..Certificate::default()
        });
    }
    for row in find("Languages.csv") {
        if let Some(language) = get(row, "Name") {
            r.languages.push(Language {
                language,
                fluency: get(row, "Proficiency"),
                ..Language::default()
            });
        }
    }
    for row in find("Honors.csv") {
        if let Some(title) = get(row, "Title") {
            r.awards.push(Award {
                title,
                summary: get(row, "Description").map(Rich::plain),
                date: get(row, "Issued On").and_then(|d| date(&d, "Honors.csv", report)),
                ..Award::default()
            });
        }
    }
    for row in find("Publications.csv") {
        if let Some(name) = get(row, "Name") {
            r.publications.push(Publication {
                name,
                publisher: get(row, "Publisher"),
                url: get(row, "Url").and_then(|u| link(&u)),
                summary: get(row, "Description").map(Rich::plain),
                date: get(row, "Published On").and_then(|d| date(&d, "Publications.csv", report)),
                ..Publication::default()
            });
        }
    }
    r
}

/// The addresses of Profile.csv's Websites cell, which LinkedIn writes as
/// `[PERSONAL:https://…],[COMPANY:https://…]`.
fn websites(cell: &str) -> Vec<SafeUrl> {
    cell.split(',')
        .map(|w| w.trim().trim_matches(['[', ']']))
        .map(|w| match w.split_once(':') {
            Some((kind, rest)) if !kind.contains('/') && !rest.starts_with("//") => rest,
            _ => w,
        })
        .map(str::trim)
        .filter_map(|w| SafeUrl::parse(w).ok())
        .collect()
}

/// An address LinkedIn gives, when it is one a résumé may link to.
fn link(url: &str) -> Option<LinkTarget> {
    SafeUrl::parse(url).ok().map(LinkTarget::Url)
}

/// A description as a summary and bullets: lines that start with a bullet
/// mark become bullets, the rest the summary.
fn split_description(text: Option<String>) -> (Option<Rich>, Vec<Bullet>) {
    let Some(text) = text else {
        return (None, Vec::new());
    };
    let mut summary = Vec::new();
    let mut bullets = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line
            .strip_prefix(['•', '-', '*', '·', '▪', '–'])
            .map(str::trim)
        {
            Some(b) if !b.is_empty() => bullets.push(Bullet {
                text: Rich::plain(b),
                tags: Vec::new(),
            }),
            _ => summary.push(line),
        }
    }
    let summary = (!summary.is_empty()).then(|| Rich::plain(summary.join(" ")));
    (summary, bullets)
}

fn period(
    row: &BTreeMap<String, String>,
    start: &str,
    end: &str,
    ongoing: bool,
    report: &mut Report,
) -> Period {
    let start_value = row.get(start).and_then(|d| date(d, start, report));
    let end_value = match row.get(end) {
        Some(d) => date(d, end, report),
        // A position without an end is current.
        None if ongoing && start_value.is_some() => Some(DateValue::Present),
        None => None,
    };
    Period {
        start: start_value,
        end: end_value,
    }
}

/// LinkedIn's dates: "Jun 2020", "2020", or "2020-06-15".
fn date(text: &str, column: &str, report: &mut Report) -> Option<DateValue> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let t = text.trim();
    if let Ok(d) = Date::parse(t) {
        return Some(DateValue::Date(d));
    }
    let parts: Vec<&str> = t.split_whitespace().collect();
    if let [month, year] = parts.as_slice() {
        let m = MONTHS
            .iter()
            .position(|m| month.to_ascii_lowercase().starts_with(m))?;
        let year: u16 = year.parse().ok()?;
        return Some(DateValue::Date(Date {
            year,
            month: Some(m as u8 + 1),
            day: None,
        }));
    }
    report.skip(format!("{column}: the date `{t}`"));
    None
}
