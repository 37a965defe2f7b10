//! Our TOML format, read into the model. The format is documented in
//! `docs/format.md`; keep the two in step.

use crate::model::*;
use crate::read::{Cx, HintMut, Mode, suggest};
use crate::spec::{self, Dialect};
use crate::tree::{Node, Value};
use crate::url::Email;

pub(crate) fn read(root: &Node, source: &str) -> (Resume, Vec<crate::Diagnostic>) {
    let mut cx = Cx::new(Mode::Toml);
    cx.source = source.to_string();
    let mut r = Resume::default();
    let Some(mut o) = cx.obj(root, "") else {
        return (r, cx.diags);
    };
    match o.node("basics") {
        Some(n) => r.basics = basics(&mut cx, n).unwrap_or_default(),
        None => {
            cx.error("missing `[basics]`", &(0..0), "basics")
                .with_hint_mut("start the file with a [basics] table holding at least `name = \"…\"`; `resume init` writes a starter");
        }
    }
    r.layout = o.get(&mut cx, "layout", layout).unwrap_or_default();
    r.design = o.get(&mut cx, "design", design).unwrap_or_default();
    r.lint = o.get(&mut cx, "lint", lint).unwrap_or_default();
    r.work = o.array_of(&mut cx, "work", work);
    r.education = o.array_of(&mut cx, "education", education);
    r.projects = o.array_of(&mut cx, "projects", project);
    r.skills = o.array_of(&mut cx, "skills", skill);
    r.volunteer = o.array_of(&mut cx, "volunteer", volunteer);
    r.awards = o.array_of(&mut cx, "awards", award);
    r.certificates = o.array_of(&mut cx, "certificates", certificate);
    r.publications = o.array_of(&mut cx, "publications", publication);
    r.languages = o.array_of(&mut cx, "languages", language);
    r.interests = o.array_of(&mut cx, "interests", interest);
    r.references = o.array_of(&mut cx, "references", reference);
    r.custom = o.array_of(&mut cx, "custom", custom);
    r.meta = o.get(&mut cx, "meta", json_table).unwrap_or_default();
    r.extra = o.extra_table(&mut cx);
    let used = r.tags().into_iter().map(str::to_owned).collect::<Vec<_>>();
    r.variants = o
        .get(&mut cx, "variants", |cx, n, p| variants(cx, n, p, &used))
        .unwrap_or_default();
    if let Value::Table(fields) = &root.value {
        r.source_order = crate::source_order(fields.iter().map(|f| f.key.as_str()), &r);
    }
    spec::finish(o, &mut cx, &spec::ROOT);
    check_layout(&mut cx, root, &r);
    warn_empty_sections(&mut cx, root);
    (r, cx.diags)
}

/// The `[design]` table; JSON Resume files carry the same table under
/// `design`.
pub(crate) fn design(cx: &mut Cx, n: &Node, p: &str) -> Option<crate::design::Design> {
    let read = crate::design_read::read(cx, n, p, crate::design_read::Place::Source)?;
    let table = match cx.json(n, p) {
        serde_json::Value::Object(m) => m,
        _ => Extra::new(),
    };
    Some(crate::design::Design {
        theme: read.theme,
        settings: read.settings,
        table,
    })
}

/// The `[lint]` table; JSON Resume files carry it as a `lint` object with
/// camelCase keys (`maxGapMonths`), like our other extension keys.
pub(crate) fn lint(cx: &mut Cx, n: &Node, p: &str) -> Option<LintConfig> {
    let toml = cx.toml();
    let d = if toml { Dialect::Toml } else { Dialect::Json };
    let limits = [
        "max_gap_months",
        "max_bullet_words",
        "max_bullet_lines",
        "max_summary_words",
    ]
    .map(|k| match spec::LINT.field(k).kind {
        spec::Kind::Whole { min, max } => (spec::LINT.key(k, d), min, max),
        _ => unreachable!("the limits of [lint] are whole numbers"),
    });
    let mut o = cx.obj(n, p)?;
    let allow = o.strings(cx, "allow");
    if let Some(list) = o.node("allow")
        && let Value::Array(items) = &list.value
    {
        for (i, item) in items.iter().enumerate() {
            if let Value::String(id) = &item.value
                && !LINT_RULES.contains(&id.as_str())
            {
                let d = cx.lenient(
                    format!("unknown lint rule `{id}`"),
                    &item.span,
                    &format!("{p}.allow[{i}]"),
                );
                match suggest(id, &LINT_RULES) {
                    Some(s) => d.with_hint_mut(format!("did you mean `{s}`?")),
                    None => d.with_hint_mut(format!("the rules are: {}", LINT_RULES.join(", "))),
                };
            }
        }
    }
    let [gap, words, lines, summary] =
        limits.map(|(k, min, max)| o.get(cx, k, |cx, n, p| whole_number(cx, n, p, min, max)));
    let config = LintConfig {
        allow: allow
            .into_iter()
            .filter(|id| LINT_RULES.contains(&id.as_str()))
            .collect(),
        max_gap_months: gap,
        max_bullet_words: words,
        max_bullet_lines: lines,
        max_summary_words: summary,
    };
    if toml {
        spec::finish(o, cx, &spec::LINT);
    } else {
        // JSON Resume allows keys of one's own; a near miss is still said.
        spec::rest(o, cx, &spec::LINT);
    }
    Some(config)
}

/// The `[variants]` table: one table per tailored build, keyed by its
/// name. JSON Resume files carry it as a `variants` object with camelCase
/// keys (`excludeTags`, `fitPages`). `used` holds the tags the résumé's
/// content carries, so a tag no content has is pointed out.
pub(crate) fn variants(cx: &mut Cx, n: &Node, p: &str, used: &[String]) -> Option<Vec<Variant>> {
    let o = cx.obj(n, p)?;
    let Value::Table(fields) = &o.node.value else {
        return None;
    };
    let toml = cx.toml();
    let d = if toml { Dialect::Toml } else { Dialect::Json };
    let exclude_key = spec::VARIANT.key("exclude_tags", d);
    let fit_key = spec::VARIANT.key("fit_pages", d);
    let used: Vec<&str> = used.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for f in fields {
        let path = format!("{p}.{}", f.key);
        let valid_name = !f.key.is_empty()
            && f.key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_name {
            cx.error(
                format!("the variant name `{}` cannot be part of a file name", f.key),
                &f.key_span,
                &path,
            )
            .with_hint_mut("use letters, digits, `-` and `_` only, e.g. `systems` or `ml-2025`");
        }
        let Some(mut vo) = cx.obj(&f.node, &path) else {
            continue;
        };
        let tags = vo.strings(cx, "tags");
        let exclude_tags = vo.strings(cx, exclude_key);
        for list in ["tags", exclude_key] {
            let Some(node) = vo.node(list) else { continue };
            let Value::Array(items) = &node.value else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                if let Value::String(tag) = &item.value
                    && !used.contains(&tag.as_str())
                {
                    let d = cx.warning(
                        format!("no entry or bullet is tagged `{tag}`"),
                        &item.span,
                        &format!("{path}.{list}[{i}]"),
                    );
                    match suggest(tag, &used) {
                        Some(s) => d.with_hint_mut(format!("did you mean `{s}`?")),
                        None if used.is_empty() => d.with_hint_mut(
                            "tag entries or bullets with `tags = [\"…\"]` for the variant to choose from",
                        ),
                        None => d.with_hint_mut(format!("the tags in use are: {}", used.join(", "))),
                    };
                }
            }
        }
        let theme = vo.get(cx, "theme", variant_theme);
        let paper = vo.get(cx, "paper", |cx, n, p| {
            crate::design_read::keyword(
                cx,
                n,
                p,
                crate::design::Paper::from_name,
                crate::design::Paper::NAMES,
            )
        });
        let fit_pages = vo.get(cx, fit_key, |cx, n, p| whole_number(cx, n, p, 1, 50));
        if toml {
            spec::finish(vo, cx, &spec::VARIANT);
        } else {
            spec::rest(vo, cx, &spec::VARIANT);
        }
        if valid_name {
            out.push(Variant {
                name: f.key.clone(),
                tags,
                exclude_tags,
                theme,
                paper,
                fit_pages,
            });
        }
    }
    Some(out)
}

/// A variant's theme: a built-in name or a theme file's path.
fn variant_theme(cx: &mut Cx, n: &Node, p: &str) -> Option<crate::design::ThemeRef> {
    use crate::design::ThemeRef;
    let s = cx.string(n, p)?;
    let t = ThemeRef::parse(&s);
    if let ThemeRef::Builtin(b) = &t
        && !crate::THEMES.contains(&b.as_str())
    {
        let d = cx.error(format!("unknown theme `{b}`"), &n.span, p);
        match suggest(b, &crate::THEMES) {
            Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
            None => d.with_hint_mut(format!(
                "built-in themes: {}; a theme file is named by its path, e.g. \"./mine.toml\"",
                crate::THEMES.join(", ")
            )),
        };
        return None;
    }
    Some(t)
}

/// A whole number from `min` to `max`.
fn whole_number(cx: &mut Cx, n: &Node, p: &str, min: u32, max: u32) -> Option<u32> {
    let v = match n.value {
        Value::Integer(i) => u32::try_from(i).ok().filter(|v| (min..=max).contains(v)),
        _ => None,
    };
    if v.is_none() {
        cx.lenient(
            format!("expected a whole number from {min} to {max}"),
            &n.span,
            p,
        )
        .with_hint_mut(format!(
            "write a number without quotes, e.g. `{}`",
            min.max(6)
        ));
    }
    v
}

fn json_table(cx: &mut Cx, n: &Node, p: &str) -> Option<Extra> {
    match cx.json(n, p) {
        serde_json::Value::Object(m) => Some(m),
        _ => {
            cx.wrong_type(n, p, "a table");
            None
        }
    }
}

fn basics(cx: &mut Cx, n: &Node) -> Option<Basics> {
    let mut o = cx.obj(n, "basics")?;
    let b = Basics {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        headline: o.str(cx, "headline"),
        image: o.str(cx, "image"),
        email: o.get(cx, "email", email),
        phone: o.str(cx, "phone"),
        website: o.get(cx, "website", link),
        summary: o.rich(cx, "summary"),
        location: o.get(cx, "location", location),
        profiles: o.array_of(cx, "profiles", profile),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::BASICS);
    Some(b)
}

pub(crate) fn email(cx: &mut Cx, n: &Node, p: &str) -> Option<Email> {
    cx.email(n, p)
}

/// A link: a string address or a table `{ url = "…", label = "…" }`.
fn link(cx: &mut Cx, n: &Node, p: &str) -> Option<Link> {
    if let Value::Table(_) = n.value {
        let mut o = cx.obj(n, p)?;
        let url = o.req(cx, "url", |cx, n, p| cx.url(n, p));
        let label = o.str(cx, "label");
        spec::finish(o, cx, &spec::LINK);
        return Some(Link { url: url?, label });
    }
    cx.url(n, p).map(|url| Link { url, label: None })
}

fn location(cx: &mut Cx, n: &Node, p: &str) -> Option<Location> {
    if let Value::String(_) = n.value {
        return cx.string(n, p).map(|s| Location {
            city: Some(s),
            ..Location::default()
        });
    }
    let mut o = cx.obj(n, p)?;
    let l = Location {
        address: o.str(cx, "address"),
        postal_code: o.str(cx, "postal_code"),
        city: o.str(cx, "city"),
        region: o.str(cx, "region"),
        country_code: o.str(cx, "country_code"),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::LOCATION);
    Some(l)
}

fn profile(cx: &mut Cx, n: &Node, p: &str) -> Option<Profile> {
    let mut o = cx.obj(n, p)?;
    let pr = Profile {
        network: o
            .req(cx, "network", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        username: o.str(cx, "username"),
        url: o.url(cx, "url"),
        label: o.str(cx, "label"),
        extra: o.extra_table(cx),
    };
    if pr.username.is_none() && pr.url.is_none() {
        let span = o.node.span.clone();
        cx.error("a profile needs a `username` or a `url`", &span, p)
            .with_hint_mut("add `url = \"https://…\"` so readers can follow it");
    }
    spec::finish(o, cx, &spec::PROFILE);
    Some(pr)
}

fn layout(cx: &mut Cx, n: &Node, p: &str) -> Option<Layout> {
    let mut o = cx.obj(n, p)?;
    let l = Layout {
        order: o.strings(cx, "order"),
        date_style: o.get(cx, "date_style", date_style),
        locale: o.str(cx, "locale"),
        title: o.str(cx, "title"),
        sections: o
            .get(cx, "sections", |cx, n, p| {
                let o = cx.obj(n, p)?;
                let mut out = Vec::new();
                if let Value::Table(fields) = &o.node.value {
                    for f in fields {
                        let path = format!("{p}.{}", f.key);
                        if let Some(mut so) = cx.obj(&f.node, &path) {
                            let s = SectionLayout {
                                title: so.str(cx, "title"),
                                date_style: so.get(cx, "date_style", date_style),
                            };
                            spec::finish(so, cx, &spec::SECTION_LAYOUT);
                            out.push((f.key.clone(), s));
                        }
                    }
                }
                Some(out)
            })
            .unwrap_or_default(),
        font_dirs: o.strings(cx, "font_dirs"),
    };
    if let Some(locale) = &l.locale {
        let span = o.node("locale").map(|n| n.span.clone()).unwrap_or_default();
        check_locale(cx, locale, &span, "layout.locale");
    }
    spec::finish(o, cx, &spec::LAYOUT);
    Some(l)
}

/// A locale without a table is a warning: the résumé is still made, in
/// English.
pub(crate) fn check_locale(cx: &mut Cx, tag: &str, span: &std::ops::Range<usize>, path: &str) {
    if crate::Locale::resolve(tag).is_some() {
        return;
    }
    let d = cx.warning(
        format!("unknown locale `{tag}`; English is used"),
        span,
        path,
    );
    match crate::suggest_locale(tag) {
        Some(s) => d.with_hint_mut(format!("did you mean `{s}`?")),
        None => d.with_hint_mut(format!("built-in locales: {}", crate::LOCALES.join(", "))),
    };
}

fn date_style(cx: &mut Cx, n: &Node, p: &str) -> Option<DateStyle> {
    let s = cx.string(n, p)?;
    let style = DateStyle::from_name(&s);
    if style.is_none() {
        let d = cx.error(format!("unknown date style `{s}`"), &n.span, p);
        match suggest(&s, &DateStyle::NAMES) {
            Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
            None => d.with_hint_mut(format!("use one of: {}", DateStyle::NAMES.join(", "))),
        };
    }
    style
}

/// Section keys in `layout.order` and `layout.sections` must name sections.
fn check_layout(cx: &mut Cx, root: &Node, r: &Resume) {
    let mut known: Vec<&str> = SECTION_KEYS.to_vec();
    known.extend(r.custom.iter().map(|c| c.id.as_str()));
    let Value::Table(fields) = &root.value else {
        return;
    };
    let Some(layout) = fields.iter().find(|f| f.key == "layout") else {
        return;
    };
    let Value::Table(lf) = &layout.node.value else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    for f in lf {
        let keyed: Vec<(&str, std::ops::Range<usize>, String)> = match (&f.key[..], &f.node.value) {
            ("order", Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| match &n.value {
                    Value::String(s) => {
                        Some((s.as_str(), n.span.clone(), format!("layout.order[{i}]")))
                    }
                    _ => None,
                })
                .collect(),
            ("sections", Value::Table(st)) => st
                .iter()
                .map(|s| {
                    (
                        s.key.as_str(),
                        s.key_span.clone(),
                        format!("layout.sections.{}", s.key),
                    )
                })
                .collect(),
            _ => continue,
        };
        for (key, span, path) in keyed {
            if !known.contains(&key) {
                let d = cx.error(format!("no section is called `{key}`"), &span, &path);
                match suggest(key, &known) {
                    Some(s) => d.with_hint_mut(format!("did you mean `{s}`?")),
                    None => d.with_hint_mut(format!("sections: {}", known.join(", "))),
                };
            } else if f.key == "order" {
                if seen.contains(&key) {
                    cx.error(format!("`{key}` is listed twice"), &span, &path)
                        .with_hint_mut("remove one of them");
                }
                seen.push(key);
            }
        }
    }
}

fn warn_empty_sections(cx: &mut Cx, root: &Node) {
    let Value::Table(fields) = &root.value else {
        return;
    };
    for f in fields {
        if let Value::Array(items) = &f.node.value
            && items.is_empty()
            && SECTION_KEYS.contains(&f.key.as_str())
        {
            cx.warning(
                format!("the section `{}` is empty and is left out", f.key),
                &f.key_span,
                &f.key,
            )
            .with_hint_mut("add entries or remove the key");
        }
    }
}

fn work(cx: &mut Cx, n: &Node, p: &str) -> Option<Work> {
    let mut o = cx.obj(n, p)?;
    let w = Work {
        company: o
            .req(cx, "company", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        position: o.str(cx, "position"),
        team: o.str(cx, "team"),
        location: o.str(cx, "location"),
        description: o.str(cx, "description"),
        url: o.url(cx, "url"),
        period: o.period(cx, "start", "end"),
        summary: o.rich(cx, "summary"),
        highlights: o.bullets(cx, "highlights"),
        technologies: o.strings(cx, "technologies"),
        roles: o.array_of(cx, "roles", role),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::WORK);
    Some(w)
}

fn role(cx: &mut Cx, n: &Node, p: &str) -> Option<Role> {
    let mut o = cx.obj(n, p)?;
    let r = Role {
        position: o
            .req(cx, "position", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        team: o.str(cx, "team"),
        location: o.str(cx, "location"),
        period: o.period(cx, "start", "end"),
        summary: o.rich(cx, "summary"),
        highlights: o.bullets(cx, "highlights"),
        technologies: o.strings(cx, "technologies"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::ROLE);
    Some(r)
}

fn education(cx: &mut Cx, n: &Node, p: &str) -> Option<Education> {
    let mut o = cx.obj(n, p)?;
    let e = Education {
        institution: o
            .req(cx, "institution", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        url: o.url(cx, "url"),
        location: o.str(cx, "location"),
        degree: o.str(cx, "degree"),
        area: o.str(cx, "area"),
        period: o.period(cx, "start", "end"),
        gpa: o.str(cx, "gpa"),
        honors: o.strings(cx, "honors"),
        courses: o.strings(cx, "courses"),
        highlights: o.bullets(cx, "highlights"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::EDUCATION);
    Some(e)
}

fn project(cx: &mut Cx, n: &Node, p: &str) -> Option<Project> {
    let mut o = cx.obj(n, p)?;
    let pr = Project {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        kind: o.str(cx, "kind"),
        url: o.url(cx, "url"),
        url_label: o.str(cx, "url_label"),
        note: o.str(cx, "note"),
        description: o.rich(cx, "description"),
        entity: o.str(cx, "entity"),
        roles: o.strings(cx, "roles"),
        period: o.period(cx, "start", "end"),
        highlights: o.bullets(cx, "highlights"),
        technologies: o.strings(cx, "technologies"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    if pr.url_label.is_some() && pr.url.is_none() {
        let span = o
            .node("url_label")
            .map(|n| n.span.clone())
            .unwrap_or_default();
        cx.error(
            "`url_label` needs a `url`",
            &span,
            &format!("{p}.url_label"),
        )
        .with_hint_mut("add `url = \"https://…\"` or remove `url_label`");
    }
    spec::finish(o, cx, &spec::PROJECT);
    Some(pr)
}

fn skill(cx: &mut Cx, n: &Node, p: &str) -> Option<Skill> {
    let mut o = cx.obj(n, p)?;
    let s = Skill {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        level: o.str(cx, "level"),
        keywords: o.strings(cx, "keywords"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::SKILL);
    Some(s)
}

fn volunteer(cx: &mut Cx, n: &Node, p: &str) -> Option<Volunteer> {
    let mut o = cx.obj(n, p)?;
    let v = Volunteer {
        organization: o
            .req(cx, "organization", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        position: o.str(cx, "position"),
        url: o.url(cx, "url"),
        location: o.str(cx, "location"),
        period: o.period(cx, "start", "end"),
        summary: o.rich(cx, "summary"),
        highlights: o.bullets(cx, "highlights"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::VOLUNTEER);
    Some(v)
}

fn award(cx: &mut Cx, n: &Node, p: &str) -> Option<Award> {
    let mut o = cx.obj(n, p)?;
    let a = Award {
        title: o
            .req(cx, "title", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        date: o.date(cx, "date"),
        awarder: o.str(cx, "awarder"),
        summary: o.rich(cx, "summary"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::AWARD);
    Some(a)
}

fn certificate(cx: &mut Cx, n: &Node, p: &str) -> Option<Certificate> {
    let mut o = cx.obj(n, p)?;
    let c = Certificate {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        date: o.date(cx, "date"),
        issuer: o.str(cx, "issuer"),
        url: o.url(cx, "url"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::CERTIFICATE);
    Some(c)
}

fn publication(cx: &mut Cx, n: &Node, p: &str) -> Option<Publication> {
    let mut o = cx.obj(n, p)?;
    let pb = Publication {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        publisher: o.str(cx, "publisher"),
        date: o.date(cx, "date"),
        url: o.url(cx, "url"),
        summary: o.rich(cx, "summary"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::PUBLICATION);
    Some(pb)
}

fn language(cx: &mut Cx, n: &Node, p: &str) -> Option<Language> {
    let mut o = cx.obj(n, p)?;
    let l = Language {
        language: o
            .req(cx, "language", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        fluency: o.str(cx, "fluency"),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::LANGUAGE);
    Some(l)
}

fn interest(cx: &mut Cx, n: &Node, p: &str) -> Option<Interest> {
    let mut o = cx.obj(n, p)?;
    let i = Interest {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        keywords: o.strings(cx, "keywords"),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::INTEREST);
    Some(i)
}

fn reference(cx: &mut Cx, n: &Node, p: &str) -> Option<Reference> {
    let mut o = cx.obj(n, p)?;
    let r = Reference {
        name: o
            .req(cx, "name", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        reference: o.rich(cx, "reference"),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::REFERENCE);
    Some(r)
}

fn custom(cx: &mut Cx, n: &Node, p: &str) -> Option<CustomSection> {
    let mut o = cx.obj(n, p)?;
    let id = o
        .req(cx, "id", |cx, n, p| cx.string(n, p))
        .unwrap_or_default();
    if let Some(idn) = o.node("id")
        && (SECTION_KEYS.contains(&id.as_str())
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    {
        cx.error(
            format!("`{id}` cannot be the id of a custom section"),
            &idn.span,
            &format!("{p}.id"),
        )
        .with_hint_mut("use letters, digits, - or _, and not the key of a built-in section");
    }
    let c = CustomSection {
        id,
        title: o
            .req(cx, "title", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        entries: o.array_of(cx, "entries", custom_entry),
        items: o.bullets(cx, "items"),
        extra: o.extra_table(cx),
    };
    if c.entries.is_empty() && c.items.is_empty() {
        let span = o.node.span.clone();
        cx.warning(
            format!(
                "the custom section `{}` has no entries or items and is left out",
                c.id
            ),
            &span,
            p,
        );
    }
    spec::finish(o, cx, &spec::CUSTOM);
    Some(c)
}

fn custom_entry(cx: &mut Cx, n: &Node, p: &str) -> Option<CustomEntry> {
    let mut o = cx.obj(n, p)?;
    let e = CustomEntry {
        title: o
            .req(cx, "title", |cx, n, p| cx.string(n, p))
            .unwrap_or_default(),
        subtitle: o.str(cx, "subtitle"),
        location: o.str(cx, "location"),
        url: o.url(cx, "url"),
        period: o.period(cx, "start", "end"),
        summary: o.rich(cx, "summary"),
        highlights: o.bullets(cx, "highlights"),
        keywords: o.strings(cx, "keywords"),
        tags: o.tags(cx),
        extra: o.extra_table(cx),
    };
    spec::finish(o, cx, &spec::CUSTOM_ENTRY);
    Some(e)
}

#[cfg(test)]
mod tests {
    use crate::parse_toml;

    /// Parses `input` and renders its diagnostics as `line:col severity: message`,
    /// one per line, or `ok` when there are none.
    fn diagnose(input: &str) -> String {
        let parsed = parse_toml(input);
        if parsed
            .as_ref()
            .is_ok_and(|(_, warnings)| warnings.is_empty())
        {
            return "ok".into();
        }
        crate::reading_tests::render(input, &parsed)
    }

    #[track_caller]
    fn check(body: &str, expect: &str) {
        let input = format!("[basics]\nname = \"A\"\n{body}");
        assert_eq!(diagnose(&input), expect, "source:\n{input}");
    }

    /// Like [`check`], with `body` at the top level before `[basics]`.
    #[track_caller]
    fn check_top(body: &str, expect: &str) {
        let input = format!("{body}[basics]\nname = \"A\"\n");
        assert_eq!(diagnose(&input), expect, "source:\n{input}");
    }

    #[test]
    fn valid_sources() {
        check("", "ok");
        check(
            "[[work]]\ncompany = \"C\"\nstart = \"2020\"\nend = \"present\"\n",
            "ok",
        );
        check("[[work]]\ncompany = \"C\"\nstart = 2020-06-01\n", "ok");
        check(
            "[[education]]\ninstitution = \"U\"\nstart = \"2020-01\"\nend = \"2020\"\n",
            "ok",
        );
        check(
            "[[custom]]\nid = \"talks\"\ntitle = \"Talks\"\nitems = [\"x\"]\n[layout]\norder = [\"talks\"]\n",
            "ok",
        );
        check(
            "[[skills]]\nname = \"S\"\nkeywords = [\"a\"]\ntags = [\"x\"]\n",
            "ok",
        );
    }

    #[test]
    fn unknown_keys() {
        check(
            "[[work]]\ncompnay = \"C\"\n",
            "4:1 error: unknown key `compnay` in `work[0]`",
        );
        check(
            "titel = \"x\"\n",
            "3:1 error: unknown key `titel` in `basics`",
        );
        check(
            "[[work]]\ncompany = \"C\"\nbullets = [\"x\"]\n",
            "5:1 error: unknown key `bullets` in `work[0]`",
        );
        check(
            "[experience]\n",
            "3:2 error: unknown key `experience` at the top level",
        );
    }

    #[test]
    fn wrong_types() {
        check(
            "[[work]]\ncompany = [\"C\"]\n",
            "4:11 error: expected a string, found an array",
        );
        check(
            "[[work]]\ncompany = \"C\"\nhighlights = \"x\"\n",
            "5:14 error: expected an array, found a string",
        );
        check(
            "[[work]]\ncompany = \"C\"\nhighlights = [true]\n",
            "5:15 error: expected a string, found a boolean",
        );
        check_top(
            "work = 3\n",
            "1:8 error: expected an array, found an integer",
        );
        check(
            "profiles = [\"x\"]\n",
            "3:13 error: expected a table, found a string",
        );
    }

    #[test]
    fn dates() {
        check(
            "[[work]]\ncompany = \"C\"\nstart = \"June 2020\"\n",
            "5:9 error: invalid date `June 2020`: expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        check(
            "[[work]]\ncompany = \"C\"\nstart = \"2020-02-30\"\n",
            "5:9 error: invalid date `2020-02-30`: day 30 does not exist in 2020-02",
        );
        check(
            "[[work]]\ncompany = \"C\"\nstart = \"2021\"\nend = \"2020-06\"\n",
            "6:7 warning: the end (2020-06) is before the start (2021)",
        );
        check(
            "[[work]]\ncompany = \"C\"\nstart = \"present\"\n",
            "5:9 error: a start date cannot be `present`",
        );
        check(
            "[[work]]\ncompany = \"C\"\nstart = 2020-06-01T10:00:00\n",
            "5:9 error: expected a date without a time",
        );
    }

    #[test]
    fn links() {
        check(
            "website = \"ftp://x.org\"\n",
            "3:11 error: link refused: links with the scheme `ftp:` are not allowed",
        );
        check(
            "website = \"x.org\"\n",
            "3:11 warning: `x.org` has no scheme; linked as https://x.org",
        );
        check(
            "website = { label = \"Site\" }\n",
            "3:11 error: missing `url`",
        );
        check(
            "summary = \"[x](data:text/html,1)\"\n",
            "3:11 error: link refused: links with the scheme `data:` are not allowed",
        );
        check("summary = \"[x](https://ok.dev)\"\n", "ok");
        check(
            "[[projects]]\nname = \"P\"\nurl_label = \"Link\"\n",
            "5:13 error: `url_label` needs a `url`",
        );
    }

    #[test]
    fn warnings_do_not_fail() {
        check_top(
            "work = []\n",
            "1:1 warning: the section `work` is empty and is left out",
        );
        check(
            "headline = \"\"\n",
            "3:12 warning: this text is empty and is left out",
        );
        check(
            "[[custom]]\nid = \"x\"\ntitle = \"X\"\n",
            "3:1 warning: the custom section `x` has no entries or items and is left out",
        );
    }

    #[test]
    fn layout() {
        check(
            "[layout]\ndate_style = \"longer\"\n",
            "4:14 error: unknown date style `longer`",
        );
        check(
            "[layout]\nlocale = \"xx\"\n",
            "4:10 warning: unknown locale `xx`; English is used",
        );
        check("[layout]\nlocale = \"pt_BR\"\n", "ok");
        check(
            "[layout]\norder = [\"work\", \"work\"]\n",
            "4:18 error: `work` is listed twice",
        );
        check(
            "[layout.sections.skils]\ntitle = \"S\"\n",
            "3:18 error: no section is called `skils`",
        );
        check(
            "[[custom]]\nid = \"work\"\ntitle = \"W\"\nitems = [\"x\"]\n",
            "4:6 error: `work` cannot be the id of a custom section",
        );
    }

    #[test]
    fn design() {
        check(
            "[design]\ntheme = \"traditional\"\naccent = \"#8b0000\"\nbody_size = 10.5\nmargins = \"0.6in\"\nfont = \"serif\"\nsection_titles = { style = \"rule-under\", case = \"small-caps\" }\n",
            "ok",
        );
        check("[design]\ntheme = \"./mine.toml\"\n", "ok");
        check(
            "[design]\ntheme = \"clasic\"\n",
            "4:9 error: unknown theme `clasic`",
        );
        check(
            "[design]\naccnet = \"#000\"\n",
            "4:1 error: unknown key `accnet` in `design`",
        );
        check(
            "[design]\naccent = \"red\"\n",
            "4:10 error: `red` is not a colour",
        );
        check(
            "[design]\nmargins = \"2 furlongs\"\n",
            "4:11 error: `2 furlongs` is not a length",
        );
        check(
            "[design]\nbody_size = 90\n",
            "4:13 error: 90pt is out of range",
        );
        check(
            "[design]\nfont = \"comic\"\n",
            "4:8 error: unknown font `comic`",
        );
        check(
            "[design]\nword_font = \"Calibry\"\n",
            "4:13 error: unknown Word font `Calibry`",
        );
        check(
            "[design.section_titles]\nstyle = \"rule-undr\"\ncase = 3\n",
            "4:9 error: unknown value `rule-undr`\n5:8 error: expected a string, found an integer",
        );
        check(
            "[design.spacing]\nsection = -1\n",
            "4:11 error: -1 is out of range",
        );
        check("[design]\nheader = { separator = \"   \" }\n", "ok");
        check(
            "[design]\nbullet = \" \"\n",
            "4:10 error: ` ` cannot be used here",
        );
    }

    #[test]
    fn design_hints_name_the_fix() {
        let input =
            "[basics]\nname = \"A\"\n[design]\ntheme = \"clasic\"\nlinks = \"underlined\"\n";
        let diags = parse_toml(input).unwrap_err();
        assert_eq!(diags[0].hints, ["did you mean `classic`?"]);
        assert_eq!(diags[1].hints, ["did you mean `underline`?"]);
    }

    #[test]
    fn design_round_trips_through_json_resume() {
        use crate::design::{Setting, ThemeRef};
        let input = "[basics]\nname = \"A\"\n[design]\ntheme = \"compact\"\naccent = \"#8b0000\"\n[design.section_titles]\ncase = \"upper\"\n";
        let (r, _) = parse_toml(input).unwrap();
        assert_eq!(r.design.theme, Some(ThemeRef::Builtin("compact".into())));
        assert_eq!(r.design.settings.len(), 2);
        let json = crate::to_json(&r);
        let (back, _) = crate::parse_json(&json, true).unwrap();
        assert_eq!(back.design, r.design);
        let toml = crate::to_toml(&back);
        let (again, _) = parse_toml(&toml).unwrap();
        assert_eq!(again.design, r.design);
        assert!(matches!(again.design.settings[0], Setting::Color(..)));
    }

    #[test]
    fn json_resume_locale() {
        let (r, w) =
            crate::parse_json(r#"{"basics":{"name":"A"},"meta":{"locale":"de-AT"}}"#, true)
                .unwrap();
        assert_eq!(r.layout.locale.as_deref(), Some("de-AT"));
        assert!(w.is_empty(), "{w:?}");
        let (r, w) =
            crate::parse_json(r#"{"basics":{"name":"A"},"meta":{"language":"jp"}}"#, false)
                .unwrap();
        assert_eq!(r.layout.locale.as_deref(), Some("jp"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].message, "unknown locale `jp`; English is used");
        assert_eq!(w[0].hints, ["did you mean `ja`?"]);
        let (r, w) = crate::parse_json(
            r#"{"basics":{"name":"A"},"layout":{"locale":"xx"},"meta":{"locale":"fr"}}"#,
            false,
        )
        .unwrap();
        assert_eq!(r.layout.locale.as_deref(), Some("xx"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].hints[0].starts_with("built-in locales: ar, de,"),
            "{w:?}"
        );
    }

    #[test]
    fn json_resume_meta_theme() {
        use crate::design::ThemeRef;
        let (r, w) = crate::parse_json(
            r#"{"basics":{"name":"A"},"meta":{"theme":"timeline"}}"#,
            false,
        )
        .unwrap();
        assert_eq!(r.design.theme, Some(ThemeRef::Builtin("timeline".into())));
        assert!(w.is_empty());
        let (r, w) = crate::parse_json(
            r#"{"basics":{"name":"A"},"meta":{"theme":"elegant"}}"#,
            false,
        )
        .unwrap();
        assert_eq!(r.design.theme, None);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("`elegant` is not a built-in theme"),
            "{}",
            w[0].message
        );
        assert!(
            w[0].hints[0].contains("classic, compact"),
            "{:?}",
            w[0].hints
        );
    }

    #[test]
    fn lint_table() {
        let input = "[basics]\nname = \"A\"\n[lint]\nallow = [\"weak-opening\", \"weak-openin\"]\nmax_gap_month = 9\nmax_bullet_words = 0\n";
        let diags = parse_toml(input).unwrap_err();
        let got: Vec<(&str, &[String])> = diags
            .iter()
            .map(|d| (d.message.as_str(), d.hints.as_slice()))
            .collect();
        assert_eq!(got[0].0, "unknown lint rule `weak-openin`");
        assert_eq!(got[0].1, ["did you mean `weak-opening`?"]);
        assert_eq!(got[1].0, "unknown key `max_gap_month` in `lint`");
        assert_eq!(got[1].1, ["did you mean `max_gap_months`?"]);
        assert_eq!(got[2].0, "expected a whole number from 1 to 500");
    }

    #[test]
    fn lint_round_trips_through_json_resume() {
        let input = "[basics]\nname = \"A\"\n[lint]\nallow = [\"no-metric\"]\nmax_gap_months = 9\nmax_summary_words = 80\n";
        let (r, w) = parse_toml(input).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(r.lint.allow, ["no-metric"]);
        assert_eq!(r.lint.max_gap_months, Some(9));
        let json = crate::to_json(&r);
        assert!(json.contains("\"maxGapMonths\": 9"), "{json}");
        let (back, w) = crate::parse_json(&json, true).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(back.lint, r.lint);
        let (again, _) = parse_toml(&crate::to_toml(&back)).unwrap();
        assert_eq!(again.lint, r.lint);
    }

    #[test]
    fn variants_table() {
        let work = "[[work]]\ncompany = \"C\"\nposition = \"P\"\nstart = \"2020-01\"\nhighlights = [{ text = \"x\", tags = [\"systems\"] }]\n";
        check(
            &format!(
                "{work}[variants.systems]\ntags = [\"systems\"]\ntheme = \"compact\"\npaper = \"a4\"\nfit_pages = 2\n"
            ),
            "ok",
        );
        let input = format!(
            "[basics]\nname = \"A\"\n{work}[variants.\"a b\"]\ntags = [\"system\"]\n[variants.ml]\ntheme = \"compcat\"\npapr = \"a4\"\n"
        );
        let diags = parse_toml(&input).unwrap_err();
        let got: Vec<(&str, &[String])> = diags
            .iter()
            .map(|d| (d.message.as_str(), d.hints.as_slice()))
            .collect();
        assert_eq!(
            got[0].0,
            "the variant name `a b` cannot be part of a file name"
        );
        assert_eq!(got[1].0, "no entry or bullet is tagged `system`");
        assert_eq!(got[1].1, ["did you mean `systems`?"]);
        assert_eq!(got[2].0, "unknown theme `compcat`");
        assert_eq!(got[2].1, ["did you mean `compact`?"]);
        assert_eq!(got[3].0, "unknown key `papr` in `variants.ml`");
        assert_eq!(got[3].1, ["did you mean `paper`?"]);
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn variants_round_trip_through_json_resume() {
        use crate::design::{Paper, ThemeRef};
        let input = "[basics]\nname = \"A\"\n[[projects]]\nname = \"P\"\ntags = [\"ml\", \"web\"]\n[variants.ml]\ntags = [\"ml\"]\nexclude_tags = [\"web\"]\ntheme = \"./mine.toml\"\npaper = \"a4\"\nfit_pages = 2\n[variants.web]\ntags = [\"web\"]\n";
        let (r, w) = parse_toml(input).unwrap();
        assert!(w.is_empty(), "{w:?}");
        let names: Vec<&str> = r.variants.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["ml", "web"]);
        let ml = &r.variants[0];
        assert_eq!(ml.exclude_tags, ["web"]);
        assert_eq!(ml.theme, Some(ThemeRef::File("./mine.toml".into())));
        assert_eq!(ml.paper, Some(Paper::A4));
        assert_eq!(ml.fit_pages, Some(2));
        let json = crate::to_json(&r);
        assert!(json.contains("\"excludeTags\""), "{json}");
        assert!(json.contains("\"fitPages\": 2"), "{json}");
        let (back, w) = crate::parse_json(&json, true).unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(back.variants, r.variants);
        let (again, _) = parse_toml(&crate::to_toml(&back)).unwrap();
        assert_eq!(again.variants, r.variants);
    }
}
