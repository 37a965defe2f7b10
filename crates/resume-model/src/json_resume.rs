//! JSON Resume (schema 1.x) read into the model.
//!
//! Real files are messy, so there are two readings. `build` reads leniently:
//! nulls and empty strings count as absent and free-text dates are shown as
//! written, each with a warning. `check` is the schema's validator: every
//! departure is an error. Both keep unknown keys as extras, as the schema
//! allows additional properties, and both name JSON paths such as
//! `work[2].startDate`.
//!
//! Keys of our own model that JSON Resume lacks (`team`, `technologies`,
//! `honors`, `tags`, `layout`, `custom`, …) are read under the same names, so
//! a file written by `resume convert` reads back into the same résumé.

use crate::date::DateValue;
use crate::model::*;
use crate::read::{Cx, HintMut, Mode};
use crate::spec;
use crate::tree::{Node, Value};

pub(crate) fn read(root: &Node, strict: bool) -> (Resume, Vec<crate::Diagnostic>) {
    let mut cx = Cx::new(if strict {
        Mode::JsonStrict
    } else {
        Mode::JsonLenient
    });
    let mut r = Resume::default();
    let Some(mut o) = cx.obj(root, "") else {
        return (r, cx.diags);
    };
    if let Some(n) = o.node("$schema") {
        match &n.value {
            Value::String(s) => {
                r.extra
                    .insert("$schema".into(), serde_json::Value::String(s.clone()));
            }
            _ => cx.wrong_type(n, "$schema", "a string"),
        }
    }
    r.basics = o.get(&mut cx, "basics", basics).unwrap_or_default();
    r.work = o.array_of(&mut cx, "work", work);
    // Older and home-made files name the work section otherwise; what they
    // hold is shown where it belongs, and the file is told the name.
    for alias in ["experience", "experiences"] {
        if cx.mode != Mode::JsonLenient {
            break;
        }
        if let Some(span) = o.key_span(alias) {
            let entries = o.array_of(&mut cx, alias, work);
            cx.warning(
                format!("`{alias}` is read as `work`, the JSON Resume name of this section"),
                &span,
                alias,
            )
            .with_hint_mut(format!("rename `{alias}` to `work`"));
            r.work.extend(entries);
        }
    }
    r.volunteer = o.array_of(&mut cx, "volunteer", volunteer);
    r.education = o.array_of(&mut cx, "education", education);
    r.awards = o.array_of(&mut cx, "awards", award);
    r.certificates = o.array_of(&mut cx, "certificates", certificate);
    r.publications = o.array_of(&mut cx, "publications", publication);
    r.skills = o.array_of(&mut cx, "skills", skill);
    r.languages = o.array_of(&mut cx, "languages", language);
    r.interests = o.array_of(&mut cx, "interests", interest);
    r.references = o.array_of(&mut cx, "references", reference);
    r.projects = o.array_of(&mut cx, "projects", project);
    r.meta = o.get(&mut cx, "meta", meta).unwrap_or_default();
    r.layout = o.get(&mut cx, "layout", layout).unwrap_or_default();
    r.design = o
        .get(&mut cx, "design", crate::toml_source::design)
        .unwrap_or_default();
    if r.design.theme.is_none() {
        meta_theme(&mut cx, root, &mut r);
    }
    layout_locale(&mut cx, root, &mut r);
    r.lint = o
        .get(&mut cx, "lint", crate::toml_source::lint)
        .unwrap_or_default();
    r.custom = o.array_of(&mut cx, "custom", custom);
    let used = r.tags().into_iter().map(str::to_owned).collect::<Vec<_>>();
    r.variants = o
        .get(&mut cx, "variants", |cx, n, p| {
            crate::toml_source::variants(cx, n, p, &used)
        })
        .unwrap_or_default();
    if let Value::Table(fields) = &root.value {
        r.source_order = crate::source_order(fields.iter().map(|f| f.key.as_str()), &r);
    }
    let extra = spec::rest(o, &mut cx, &spec::ROOT);
    r.extra.extend(extra);
    if r.basics.name.is_empty() && !strict {
        cx.warning("the résumé has no `basics.name`", &(0..1), "basics.name")
            .with_hint_mut("add \"basics\": { \"name\": \"…\" } so the document has a title");
    }
    (r, cx.diags)
}

/// A string under the first of several keys (current name, then older
/// names of the schema).
fn str_any(o: &mut crate::read::Obj<'_>, cx: &mut Cx, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| o.str(cx, k))
}

/// A string under a key other than the schema's, read for it with a
/// warning (`build` only: `check` keeps it as an unknown key and says so).
fn aliased(o: &mut crate::read::Obj<'_>, cx: &mut Cx, key: &str, standard: &str) -> Option<String> {
    if cx.mode != Mode::JsonLenient {
        return None;
    }
    let span = o.key_span(key)?;
    let value = o.str(cx, key)?;
    let path = format!("{}.{key}", o.path);
    cx.warning(
        format!("`{key}` is read as `{standard}`, the JSON Resume name of this field"),
        &span,
        &path,
    )
    .with_hint_mut(format!("rename `{key}` to `{standard}`"));
    Some(value)
}

fn basics(cx: &mut Cx, n: &Node, p: &str) -> Option<Basics> {
    let mut o = cx.obj(n, p)?;
    let mut b = Basics {
        name: o.str(cx, "name").unwrap_or_default(),
        headline: o.str(cx, "label"),
        // A photo's address or path; never rendered, so not checked as a link.
        image: str_any(&mut o, cx, &["image", "picture"]),
        email: o.get(cx, "email", crate::toml_source::email),
        phone: o.str(cx, "phone"),
        website: o
            .url(cx, "url")
            .or_else(|| o.url(cx, "website"))
            .map(|url| Link { url, label: None }),
        summary: o.rich(cx, "summary"),
        location: o.get(cx, "location", location),
        profiles: o.array_of(cx, "profiles", profile),
        extra: Extra::new(),
    };
    if let (Some(site), Some(label)) = (b.website.as_mut(), o.str(cx, "urlLabel")) {
        site.label = Some(label);
    }
    b.extra = spec::rest(o, cx, &spec::BASICS);
    Some(b)
}

fn location(cx: &mut Cx, n: &Node, p: &str) -> Option<Location> {
    let mut o = cx.obj(n, p)?;
    let mut l = Location {
        address: o.str(cx, "address"),
        postal_code: o.str(cx, "postalCode"),
        city: o.str(cx, "city"),
        region: o.str(cx, "region"),
        country_code: o.str(cx, "countryCode"),
        extra: Extra::new(),
    };
    l.extra = spec::rest(o, cx, &spec::LOCATION);
    Some(l)
}

fn profile(cx: &mut Cx, n: &Node, p: &str) -> Option<Profile> {
    let mut o = cx.obj(n, p)?;
    let mut pr = Profile {
        network: o.str(cx, "network").unwrap_or_default(),
        username: o.str(cx, "username"),
        url: o.url(cx, "url"),
        label: o.str(cx, "label"),
        extra: Extra::new(),
    };
    pr.extra = spec::rest(o, cx, &spec::PROFILE);
    Some(pr)
}

/// Reads the dates of a period. While a period goes on, JSON Resume leaves
/// `endDate` out; `singleDate: true` (written by `resume convert`) marks a
/// lone date instead.
fn period(o: &mut crate::read::Obj<'_>, cx: &mut Cx) -> Period {
    let mut p = o.period(cx, "startDate", "endDate");
    let single = o.get(cx, "singleDate", |_, n, _| match n.value {
        Value::Bool(b) => Some(b),
        _ => None,
    });
    if p.start.is_some() && p.end.is_none() && single != Some(true) && o.node("endDate").is_none() {
        p.end = Some(DateValue::Present);
    }
    p
}

/// Bullets under `key`, with their tags from `highlightTags`.
fn bullets(o: &mut crate::read::Obj<'_>, cx: &mut Cx, key: &str) -> Vec<Bullet> {
    let mut b = o.bullets(cx, key);
    let tags: Vec<Vec<String>> = o
        .get(cx, "highlightTags", |cx, n, p| {
            Some(cx.array(n, p, |cx, n, p| Some(cx.strings(n, p))))
        })
        .unwrap_or_default();
    for (bullet, tags) in b.iter_mut().zip(tags) {
        bullet.tags = tags;
    }
    b
}

fn work(cx: &mut Cx, n: &Node, p: &str) -> Option<Work> {
    let mut o = cx.obj(n, p)?;
    let mut w = Work {
        company: str_any(&mut o, cx, &["name", "company"]).unwrap_or_default(),
        position: o.str(cx, "position"),
        team: o.str(cx, "team"),
        location: o.str(cx, "location"),
        description: o.str(cx, "description"),
        url: o.url(cx, "url").or_else(|| o.url(cx, "website")),
        period: period(&mut o, cx),
        summary: o.rich(cx, "summary"),
        highlights: bullets(&mut o, cx, "highlights"),
        technologies: {
            let t = o.strings(cx, "technologies");
            if t.is_empty() {
                o.strings(cx, "keywords")
            } else {
                t
            }
        },
        roles: o.array_of(cx, "roles", role),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    w.extra = spec::rest(o, cx, &spec::WORK);
    Some(w)
}

fn role(cx: &mut Cx, n: &Node, p: &str) -> Option<Role> {
    let mut o = cx.obj(n, p)?;
    let mut r = Role {
        position: o.str(cx, "position").unwrap_or_default(),
        team: o.str(cx, "team"),
        location: o.str(cx, "location"),
        period: period(&mut o, cx),
        summary: o.rich(cx, "summary"),
        highlights: bullets(&mut o, cx, "highlights"),
        technologies: o.strings(cx, "technologies"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    r.extra = spec::rest(o, cx, &spec::ROLE);
    Some(r)
}

fn volunteer(cx: &mut Cx, n: &Node, p: &str) -> Option<Volunteer> {
    let mut o = cx.obj(n, p)?;
    let mut v = Volunteer {
        organization: o
            .str(cx, "organization")
            .or_else(|| aliased(&mut o, cx, "name", "organization"))
            .unwrap_or_default(),
        position: o.str(cx, "position"),
        url: o.url(cx, "url").or_else(|| o.url(cx, "website")),
        location: o.str(cx, "location"),
        period: period(&mut o, cx),
        summary: o.rich(cx, "summary"),
        highlights: bullets(&mut o, cx, "highlights"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    v.extra = spec::rest(o, cx, &spec::VOLUNTEER);
    Some(v)
}

fn education(cx: &mut Cx, n: &Node, p: &str) -> Option<Education> {
    let mut o = cx.obj(n, p)?;
    let mut e = Education {
        institution: o.str(cx, "institution").unwrap_or_default(),
        url: o.url(cx, "url"),
        location: o.str(cx, "location"),
        degree: o.str(cx, "studyType"),
        area: o.str(cx, "area"),
        period: period(&mut o, cx),
        gpa: str_any(&mut o, cx, &["score", "gpa"]),
        honors: o.strings(cx, "honors"),
        courses: o.strings(cx, "courses"),
        highlights: bullets(&mut o, cx, "highlights"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    e.extra = spec::rest(o, cx, &spec::EDUCATION);
    Some(e)
}

fn award(cx: &mut Cx, n: &Node, p: &str) -> Option<Award> {
    let mut o = cx.obj(n, p)?;
    let mut a = Award {
        title: o.str(cx, "title").unwrap_or_default(),
        date: o.date(cx, "date"),
        awarder: o.str(cx, "awarder"),
        summary: o.rich(cx, "summary"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    a.extra = spec::rest(o, cx, &spec::AWARD);
    Some(a)
}

fn certificate(cx: &mut Cx, n: &Node, p: &str) -> Option<Certificate> {
    let mut o = cx.obj(n, p)?;
    let mut c = Certificate {
        name: o.str(cx, "name").unwrap_or_default(),
        date: o.date(cx, "date"),
        issuer: o.str(cx, "issuer"),
        url: o.url(cx, "url"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    c.extra = spec::rest(o, cx, &spec::CERTIFICATE);
    Some(c)
}

fn publication(cx: &mut Cx, n: &Node, p: &str) -> Option<Publication> {
    let mut o = cx.obj(n, p)?;
    let mut pb = Publication {
        name: o.str(cx, "name").unwrap_or_default(),
        publisher: o.str(cx, "publisher"),
        date: o.date(cx, "releaseDate"),
        url: o.url(cx, "url").or_else(|| o.url(cx, "website")),
        summary: o.rich(cx, "summary"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    pb.extra = spec::rest(o, cx, &spec::PUBLICATION);
    Some(pb)
}

fn skill(cx: &mut Cx, n: &Node, p: &str) -> Option<Skill> {
    let mut o = cx.obj(n, p)?;
    let mut s = Skill {
        name: o.str(cx, "name").unwrap_or_default(),
        level: o.str(cx, "level"),
        keywords: o.strings(cx, "keywords"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    s.extra = spec::rest(o, cx, &spec::SKILL);
    Some(s)
}

fn language(cx: &mut Cx, n: &Node, p: &str) -> Option<Language> {
    let mut o = cx.obj(n, p)?;
    let mut l = Language {
        language: o.str(cx, "language").unwrap_or_default(),
        fluency: o.str(cx, "fluency"),
        extra: Extra::new(),
    };
    l.extra = spec::rest(o, cx, &spec::LANGUAGE);
    Some(l)
}

fn interest(cx: &mut Cx, n: &Node, p: &str) -> Option<Interest> {
    let mut o = cx.obj(n, p)?;
    let mut i = Interest {
        name: o.str(cx, "name").unwrap_or_default(),
        keywords: o.strings(cx, "keywords"),
        extra: Extra::new(),
    };
    i.extra = spec::rest(o, cx, &spec::INTEREST);
    Some(i)
}

fn reference(cx: &mut Cx, n: &Node, p: &str) -> Option<Reference> {
    let mut o = cx.obj(n, p)?;
    let mut r = Reference {
        name: o.str(cx, "name").unwrap_or_default(),
        reference: o.rich(cx, "reference"),
        extra: Extra::new(),
    };
    r.extra = spec::rest(o, cx, &spec::REFERENCE);
    Some(r)
}

fn project(cx: &mut Cx, n: &Node, p: &str) -> Option<Project> {
    let mut o = cx.obj(n, p)?;
    let mut pr = Project {
        name: o.str(cx, "name").unwrap_or_default(),
        kind: o.str(cx, "type"),
        url: o.url(cx, "url"),
        url_label: o.str(cx, "urlLabel"),
        note: o.str(cx, "note"),
        description: o.rich(cx, "description"),
        entity: o.str(cx, "entity"),
        roles: o.strings(cx, "roles"),
        period: period(&mut o, cx),
        highlights: bullets(&mut o, cx, "highlights"),
        technologies: o.strings(cx, "keywords"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    pr.extra = spec::rest(o, cx, &spec::PROJECT);
    Some(pr)
}

/// `meta.theme` names a JSON Resume theme (an npm package such as
/// "elegant"); one of ours by that name is used, any other is a warning.
fn meta_theme(cx: &mut Cx, root: &Node, r: &mut Resume) {
    let Value::Table(top) = &root.value else {
        return;
    };
    let Some(meta) = top.iter().find(|f| f.key == "meta") else {
        return;
    };
    let Value::Table(fields) = &meta.node.value else {
        return;
    };
    let Some(f) = fields.iter().find(|f| f.key == "theme") else {
        return;
    };
    let Value::String(name) = &f.node.value else {
        return;
    };
    let bare = name.trim().trim_start_matches("jsonresume-theme-");
    if crate::design::THEMES.contains(&bare) {
        r.design.theme = Some(crate::design::ThemeRef::Builtin(bare.to_string()));
    } else {
        cx.warning(
            format!("`{name}` is not a built-in theme; the résumé is set in `classic`"),
            &f.node.span,
            "meta.theme",
        )
        .with_hint_mut(format!(
            "built-in themes: {}; or choose one with --theme",
            crate::design::THEMES.join(", ")
        ));
    }
}

/// The table of `layout.locale`, or else of `meta.locale` or
/// `meta.language`: one without a table is a warning.
fn layout_locale(cx: &mut Cx, root: &Node, r: &mut Resume) {
    let Value::Table(top) = &root.value else {
        return;
    };
    let field = |key: &str| {
        let parent = top.iter().find(|f| f.key == key)?;
        let Value::Table(fields) = &parent.node.value else {
            return None;
        };
        Some(fields)
    };
    let string = |fields: &[crate::tree::Field], key: &str| {
        fields.iter().find_map(|f| match &f.node.value {
            Value::String(s) if f.key == key => Some((s.clone(), f.node.span.clone())),
            _ => None,
        })
    };
    let found = match &r.layout.locale {
        Some(_) => field("layout")
            .and_then(|f| string(f, "locale"))
            .map(|(tag, span)| (tag, span, "layout.locale")),
        None => field("meta").and_then(|f| {
            string(f, "locale")
                .map(|(tag, span)| (tag, span, "meta.locale"))
                .or_else(|| string(f, "language").map(|(tag, span)| (tag, span, "meta.language")))
        }),
    };
    let Some((tag, span, path)) = found else {
        return;
    };
    crate::toml_source::check_locale(cx, &tag, &span, path);
    if r.layout.locale.is_none() {
        r.layout.locale = Some(tag);
    }
}

fn meta(cx: &mut Cx, n: &Node, p: &str) -> Option<Extra> {
    let mut o = cx.obj(n, p)?;
    // Checked for their types; kept as they are.
    o.str(cx, "canonical");
    o.str(cx, "version");
    o.str(cx, "lastModified");
    match cx.json(n, p) {
        serde_json::Value::Object(m) => Some(m),
        _ => None,
    }
}

fn layout(cx: &mut Cx, n: &Node, p: &str) -> Option<Layout> {
    let mut o = cx.obj(n, p)?;
    let style = |cx: &mut Cx, n: &Node, p: &str| {
        let s = cx.string(n, p)?;
        let d = DateStyle::from_name(&s);
        if d.is_none() {
            cx.lenient(format!("unknown date style `{s}`"), &n.span, p)
                .with_hint_mut(format!("use one of: {}", DateStyle::NAMES.join(", ")));
        }
        d
    };
    let mut sections = Vec::new();
    if let Some(sn) = o.node("sections")
        && let Value::Table(fields) = &sn.value
    {
        for f in fields {
            let path = format!("{p}.sections.{}", f.key);
            if let Some(mut so) = cx.obj(&f.node, &path) {
                let s = SectionLayout {
                    title: so.str(cx, "title"),
                    date_style: so.get(cx, "dateStyle", style),
                };
                spec::rest(so, cx, &spec::SECTION_LAYOUT);
                sections.push((f.key.clone(), s));
            }
        }
    }
    let l = Layout {
        order: o.strings(cx, "order"),
        date_style: o.get(cx, "dateStyle", style),
        locale: o.str(cx, "locale"),
        title: o.str(cx, "title"),
        sections,
        font_dirs: o.strings(cx, "fontDirs"),
    };
    spec::rest(o, cx, &spec::LAYOUT);
    Some(l)
}

fn custom(cx: &mut Cx, n: &Node, p: &str) -> Option<CustomSection> {
    let mut o = cx.obj(n, p)?;
    let mut c = CustomSection {
        id: o.str(cx, "id").unwrap_or_default(),
        title: o.str(cx, "title").unwrap_or_default(),
        entries: o.array_of(cx, "entries", custom_entry),
        items: bullets(&mut o, cx, "items"),
        extra: Extra::new(),
    };
    c.extra = spec::rest(o, cx, &spec::CUSTOM);
    Some(c)
}

fn custom_entry(cx: &mut Cx, n: &Node, p: &str) -> Option<CustomEntry> {
    let mut o = cx.obj(n, p)?;
    let mut e = CustomEntry {
        title: o.str(cx, "title").unwrap_or_default(),
        subtitle: o.str(cx, "subtitle"),
        location: o.str(cx, "location"),
        url: o.url(cx, "url"),
        period: period(&mut o, cx),
        summary: o.rich(cx, "summary"),
        highlights: bullets(&mut o, cx, "highlights"),
        keywords: o.strings(cx, "keywords"),
        tags: o.tags(cx),
        extra: Extra::new(),
    };
    e.extra = spec::rest(o, cx, &spec::CUSTOM_ENTRY);
    Some(e)
}
