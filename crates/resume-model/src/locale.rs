//! Words a résumé needs in its own language: month names, section titles and
//! the few labels the presentation adds. Each language is one TOML file in
//! `locales/`, so adding a language is a data change.

use serde::Deserialize;

/// The languages built in, by tag, with their tables.
const TABLES: [(&str, &str); 1] = [("en", include_str!("../locales/en.toml"))];

/// Tags of the built-in languages.
pub const LOCALES: [&str; 1] = ["en"];

/// One language's words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locale {
    pub language: String,
    pub present: String,
    pub months: [String; 12],
    pub months_short: [String; 12],
    pub date_month: String,
    pub date_day: String,
    pub numeric_month: String,
    pub numeric_day: String,
    pub range_separator: String,
    pub document_title: String,
    pub document_subject: String,
    pub document_subject_headline: String,
    pub degree_in_area: String,
    pub gpa: String,
    pub courses: String,
    pub page: String,
    pub titles: Titles,
}

/// Default section titles.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    pub summary: String,
    pub education: String,
    pub work: String,
    pub projects: String,
    pub skills: String,
    pub volunteer: String,
    pub awards: String,
    pub certificates: String,
    pub publications: String,
    pub languages: String,
    pub interests: String,
    pub references: String,
}

impl Titles {
    /// The default title of a built-in section key.
    pub fn get(&self, key: &str) -> Option<&str> {
        Some(match key {
            "summary" => &self.summary,
            "education" => &self.education,
            "work" => &self.work,
            "projects" => &self.projects,
            "skills" => &self.skills,
            "volunteer" => &self.volunteer,
            "awards" => &self.awards,
            "certificates" => &self.certificates,
            "publications" => &self.publications,
            "languages" => &self.languages,
            "interests" => &self.interests,
            "references" => &self.references,
            _ => return None,
        })
    }
}

impl Locale {
    /// The table of a built-in language.
    pub fn get(tag: &str) -> Option<Locale> {
        let (_, text) = TABLES.iter().find(|(t, _)| *t == tag)?;
        // The tables are part of the crate and checked by a test, so a
        // failure here is a bug in the table, reported as "no such locale".
        toml::from_str(text).ok()
    }

    /// English, always available.
    pub fn english() -> Locale {
        Locale::get("en").expect("the English table is built in and tested")
    }

    /// Fills `{key}` placeholders of a template.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = template.to_string();
        for (k, v) in values {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_parses_and_names_every_section() {
        assert_eq!(TABLES.len(), LOCALES.len());
        for (tag, text) in TABLES {
            let l: Locale = toml::from_str(text).unwrap_or_else(|e| panic!("locale {tag}: {e}"));
            assert_eq!(l.language, tag);
            for key in crate::SECTION_KEYS {
                assert!(
                    l.titles.get(key).is_some_and(|t| !t.is_empty()),
                    "{tag} lacks a title for {key}"
                );
            }
        }
    }
}
