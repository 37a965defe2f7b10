//! The résumé as a flat list of items (entries and bullets), each with the
//! texts it holds and their paths, in source order.

use resume_model::{Bullet, Resume};

/// An entry or a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// Model path, e.g. `work[0]` or `work[0].highlights[2]`.
    pub path: String,
    /// What the report calls it: a title for an entry, the text for a bullet.
    pub label: String,
    pub bullet: bool,
    pub tags: Vec<String>,
    /// The enclosing entry, an earlier item.
    pub parent: Option<usize>,
    pub fields: Vec<Field>,
}

/// A text of the résumé.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub path: String,
    pub text: String,
    /// A name from a list (technologies, keywords, courses), not prose.
    pub name: bool,
}

#[derive(Debug, Default)]
struct Walk {
    items: Vec<Item>,
}

impl Walk {
    fn entry(
        &mut self,
        path: String,
        label: String,
        tags: &[String],
        parent: Option<usize>,
    ) -> usize {
        self.items.push(Item {
            path,
            label,
            bullet: false,
            tags: tags.to_vec(),
            parent,
            fields: Vec::new(),
        });
        self.items.len() - 1
    }

    fn text(&mut self, at: usize, key: &str, text: Option<&str>) {
        if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
            let path = format!("{}.{key}", self.items[at].path);
            self.items[at].fields.push(Field {
                path,
                text: t.to_string(),
                name: false,
            });
        }
    }

    fn names(&mut self, at: usize, key: &str, names: &[String]) {
        for (i, n) in names.iter().enumerate() {
            let path = format!("{}.{key}[{i}]", self.items[at].path);
            self.items[at].fields.push(Field {
                path,
                text: n.clone(),
                name: true,
            });
        }
    }

    fn bullets(&mut self, at: usize, key: &str, bullets: &[Bullet]) {
        for (i, b) in bullets.iter().enumerate() {
            let path = format!("{}.{key}[{i}]", self.items[at].path);
            let text = b.text.to_plain();
            self.items.push(Item {
                path: path.clone(),
                label: text.clone(),
                bullet: true,
                tags: b.tags.clone(),
                parent: Some(at),
                fields: vec![Field {
                    path,
                    text,
                    name: false,
                }],
            });
        }
    }
}

/// Joins the present parts of a title with " — ".
fn title(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ")
}

/// Every entry and bullet of a résumé, parents before their children.
pub(crate) fn items(r: &Resume) -> Vec<Item> {
    let mut w = Walk::default();
    let b = &r.basics;
    if b.headline.is_some() || b.summary.is_some() {
        let at = w.entry("basics".into(), "summary".into(), &[], None);
        w.text(at, "headline", b.headline.as_deref());
        let summary = b.summary.as_ref().map(|s| s.to_plain());
        w.text(at, "summary", summary.as_deref());
    }
    for (i, e) in r.work.iter().enumerate() {
        let label = title(&[Some(&e.company), e.position.as_deref()]);
        let at = w.entry(format!("work[{i}]"), label, &e.tags, None);
        w.text(at, "company", Some(&e.company));
        w.text(at, "position", e.position.as_deref());
        w.text(at, "team", e.team.as_deref());
        w.text(at, "description", e.description.as_deref());
        let summary = e.summary.as_ref().map(|s| s.to_plain());
        w.text(at, "summary", summary.as_deref());
        w.names(at, "technologies", &e.technologies);
        w.bullets(at, "highlights", &e.highlights);
        for (j, ro) in e.roles.iter().enumerate() {
            let label = title(&[Some(&e.company), Some(&ro.position)]);
            let r_at = w.entry(format!("work[{i}].roles[{j}]"), label, &ro.tags, Some(at));
            w.text(r_at, "position", Some(&ro.position));
            w.text(r_at, "team", ro.team.as_deref());
            let summary = ro.summary.as_ref().map(|s| s.to_plain());
            w.text(r_at, "summary", summary.as_deref());
            w.names(r_at, "technologies", &ro.technologies);
            w.bullets(r_at, "highlights", &ro.highlights);
        }
    }
    for (i, e) in r.education.iter().enumerate() {
        let label = title(&[Some(&e.institution), e.degree.as_deref(), e.area.as_deref()]);
        let at = w.entry(format!("education[{i}]"), label, &e.tags, None);
        w.text(at, "degree", e.degree.as_deref());
        w.text(at, "area", e.area.as_deref());
        w.names(at, "honors", &e.honors);
        w.names(at, "courses", &e.courses);
        w.bullets(at, "highlights", &e.highlights);
    }
    for (i, p) in r.projects.iter().enumerate() {
        let at = w.entry(format!("projects[{i}]"), p.name.clone(), &p.tags, None);
        w.text(at, "name", Some(&p.name));
        w.text(at, "kind", p.kind.as_deref());
        w.text(at, "note", p.note.as_deref());
        let description = p.description.as_ref().map(|s| s.to_plain());
        w.text(at, "description", description.as_deref());
        w.names(at, "roles", &p.roles);
        w.names(at, "technologies", &p.technologies);
        w.bullets(at, "highlights", &p.highlights);
    }
    for (i, s) in r.skills.iter().enumerate() {
        let at = w.entry(format!("skills[{i}]"), s.name.clone(), &s.tags, None);
        w.names(at, "name", std::slice::from_ref(&s.name));
        // `names` indexes what it is given; a skill's name is one value.
        if let Some(f) = w.items[at].fields.last_mut() {
            f.path = format!("skills[{i}].name");
        }
        w.names(at, "keywords", &s.keywords);
    }
    for (i, v) in r.volunteer.iter().enumerate() {
        let label = title(&[Some(&v.organization), v.position.as_deref()]);
        let at = w.entry(format!("volunteer[{i}]"), label, &v.tags, None);
        w.text(at, "position", v.position.as_deref());
        let summary = v.summary.as_ref().map(|s| s.to_plain());
        w.text(at, "summary", summary.as_deref());
        w.bullets(at, "highlights", &v.highlights);
    }
    for (i, a) in r.awards.iter().enumerate() {
        let at = w.entry(format!("awards[{i}]"), a.title.clone(), &a.tags, None);
        w.text(at, "title", Some(&a.title));
        let summary = a.summary.as_ref().map(|s| s.to_plain());
        w.text(at, "summary", summary.as_deref());
    }
    for (i, c) in r.certificates.iter().enumerate() {
        let at = w.entry(format!("certificates[{i}]"), c.name.clone(), &c.tags, None);
        w.text(at, "name", Some(&c.name));
    }
    for (i, p) in r.publications.iter().enumerate() {
        let at = w.entry(format!("publications[{i}]"), p.name.clone(), &p.tags, None);
        w.text(at, "name", Some(&p.name));
        let summary = p.summary.as_ref().map(|s| s.to_plain());
        w.text(at, "summary", summary.as_deref());
    }
    for (i, it) in r.interests.iter().enumerate() {
        let at = w.entry(format!("interests[{i}]"), it.name.clone(), &[], None);
        w.names(at, "keywords", &it.keywords);
    }
    for (i, c) in r.custom.iter().enumerate() {
        let at = w.entry(format!("custom[{i}]"), c.title.clone(), &[], None);
        w.bullets(at, "items", &c.items);
        for (j, e) in c.entries.iter().enumerate() {
            let label = title(&[Some(&e.title), e.subtitle.as_deref()]);
            let e_at = w.entry(
                format!("custom[{i}].entries[{j}]"),
                label,
                &e.tags,
                Some(at),
            );
            w.text(e_at, "title", Some(&e.title));
            w.text(e_at, "subtitle", e.subtitle.as_deref());
            let summary = e.summary.as_ref().map(|s| s.to_plain());
            w.text(e_at, "summary", summary.as_deref());
            w.names(e_at, "keywords", &e.keywords);
            w.bullets(e_at, "highlights", &e.highlights);
        }
    }
    w.items
}
