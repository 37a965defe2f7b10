//! What a section of a résumé is: one of the built-in kinds, which the
//! model, the locale tables and the presentation name alike, or a custom
//! section by its id.

/// A built-in section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    Summary,
    Education,
    Work,
    Projects,
    Skills,
    Volunteer,
    Awards,
    Certificates,
    Publications,
    Languages,
    Interests,
    References,
}

impl SectionKind {
    /// Every kind, in the default order of the sections.
    pub const ALL: [SectionKind; 12] = [
        SectionKind::Summary,
        SectionKind::Education,
        SectionKind::Work,
        SectionKind::Projects,
        SectionKind::Skills,
        SectionKind::Volunteer,
        SectionKind::Awards,
        SectionKind::Certificates,
        SectionKind::Publications,
        SectionKind::Languages,
        SectionKind::Interests,
        SectionKind::References,
    ];

    /// The key that names the section in a source (`work`, `education`).
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Summary => "summary",
            SectionKind::Education => "education",
            SectionKind::Work => "work",
            SectionKind::Projects => "projects",
            SectionKind::Skills => "skills",
            SectionKind::Volunteer => "volunteer",
            SectionKind::Awards => "awards",
            SectionKind::Certificates => "certificates",
            SectionKind::Publications => "publications",
            SectionKind::Languages => "languages",
            SectionKind::Interests => "interests",
            SectionKind::References => "references",
        }
    }

    /// The kind a source key names.
    pub fn from_key(key: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A section as the layout orders it: built in, or custom by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SectionRef {
    Builtin(SectionKind),
    Custom(String),
}

impl SectionRef {
    /// The section a key or custom id names.
    pub fn from_key(key: &str) -> SectionRef {
        match SectionKind::from_key(key) {
            Some(kind) => SectionRef::Builtin(kind),
            None => SectionRef::Custom(key.to_string()),
        }
    }

    /// Its key in a source.
    pub fn key(&self) -> &str {
        match self {
            SectionRef::Builtin(kind) => kind.key(),
            SectionRef::Custom(id) => id,
        }
    }
}

impl crate::Titles {
    /// The locale's title of a built-in section.
    pub fn of(&self, kind: SectionKind) -> &str {
        match kind {
            SectionKind::Summary => &self.summary,
            SectionKind::Education => &self.education,
            SectionKind::Work => &self.work,
            SectionKind::Projects => &self.projects,
            SectionKind::Skills => &self.skills,
            SectionKind::Volunteer => &self.volunteer,
            SectionKind::Awards => &self.awards,
            SectionKind::Certificates => &self.certificates,
            SectionKind::Publications => &self.publications,
            SectionKind::Languages => &self.languages,
            SectionKind::Interests => &self.interests,
            SectionKind::References => &self.references,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_keys_agree() {
        let keys: Vec<&str> = SectionKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys, crate::SECTION_KEYS);
        for kind in SectionKind::ALL {
            assert_eq!(SectionKind::from_key(kind.key()), Some(kind));
            assert_eq!(SectionRef::from_key(kind.key()), SectionRef::Builtin(kind));
        }
        assert_eq!(
            SectionRef::from_key("talks"),
            SectionRef::Custom("talks".into())
        );
    }
}
