//! Writing a résumé back out: as our TOML format or as JSON Resume.
//!
//! One writer serves both: each record is built once as a JSON value with
//! the key names of the chosen [`Dialect`], then serialised as JSON or
//! converted to TOML. Reading the output back gives the same résumé.

use serde_json::{Map, Value as J};

use crate::date::DateValue;
use crate::markup::Rich;
use crate::model::*;
use crate::spec::{self, Dialect, Record};

/// The résumé as JSON Resume, pretty-printed.
pub fn to_json(r: &Resume) -> String {
    let mut s = serde_json::to_string_pretty(&J::Object(document(r, Dialect::Json)))
        .expect("JSON values serialise");
    s.push('\n');
    s
}

/// The résumé in our TOML format.
pub fn to_toml(r: &Resume) -> String {
    let value = toml_value(J::Object(document(r, Dialect::Toml)));
    let table = match value {
        Some(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    };
    toml::to_string_pretty(&table).expect("TOML tables serialise")
}

/// Converts JSON to TOML, leaving out nulls (TOML has none; the readers
/// treat them as absent anyway).
fn toml_value(v: J) -> Option<toml::Value> {
    Some(match v {
        J::Null => return None,
        J::Bool(b) => toml::Value::Boolean(b),
        J::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        J::String(s) => toml::Value::String(s),
        J::Array(a) => toml::Value::Array(a.into_iter().filter_map(toml_value).collect()),
        J::Object(o) => toml::Value::Table(
            o.into_iter()
                .filter_map(|(k, v)| Some((k, toml_value(v)?)))
                .collect(),
        ),
    })
}

/// One record being written. Its keys come from the record's definition
/// in `spec`, in the dialect being written.
struct W {
    d: Dialect,
    rec: &'static Record,
    map: Map<String, J>,
}

impl W {
    fn new(d: Dialect, rec: &'static Record) -> W {
        W {
            d,
            rec,
            map: Map::new(),
        }
    }

    /// The key in this dialect of the field whose TOML key is `toml`.
    fn k(&self, toml: &str) -> &'static str {
        self.rec.key(toml, self.d)
    }

    fn put(&mut self, key: &str, v: J) {
        self.map.insert(key.to_string(), v);
    }

    fn s(&mut self, toml: &str, v: &Option<impl AsRef<str>>) {
        if let Some(v) = v {
            self.put(self.k(toml), J::String(v.as_ref().to_string()));
        }
    }

    fn req(&mut self, toml: &str, v: &str) {
        if !v.is_empty() {
            self.put(self.k(toml), J::String(v.to_string()));
        }
    }

    fn rich(&mut self, toml: &str, v: &Option<Rich>) {
        if let Some(v) = v {
            self.put(self.k(toml), J::String(v.source.clone()));
        }
    }

    fn list(&mut self, toml: &str, v: &[String]) {
        if !v.is_empty() {
            self.put(
                self.k(toml),
                J::Array(v.iter().cloned().map(J::String).collect()),
            );
        }
    }

    fn tags(&mut self, v: &[String]) {
        self.list("tags", v);
    }

    fn date(&mut self, toml: &str, v: &Option<DateValue>) {
        if let Some(v) = v {
            self.put(self.k(toml), J::String(v.to_string()));
        }
    }

    /// A period. JSON Resume leaves `endDate` out while a period goes on,
    /// so a lone start date is marked `singleDate` there.
    fn period(&mut self, p: &Period) {
        self.date("start", &p.start);
        match (&p.end, self.d) {
            (Some(DateValue::Present), Dialect::Json) => {}
            (None, Dialect::Json) if p.start.is_some() => {
                self.put(self.rec.json_only("singleDate"), J::Bool(true));
            }
            (end, _) => self.date("end", end),
        }
    }

    fn bullets(&mut self, toml: &str, v: &[Bullet]) {
        if v.is_empty() {
            return;
        }
        let key = self.k(toml);
        let tagged = v.iter().any(|b| !b.tags.is_empty());
        let texts = v.iter().map(|b| J::String(b.text.source.clone()));
        if self.d == Dialect::Toml && tagged {
            let items = v.iter().map(|b| {
                if b.tags.is_empty() {
                    J::String(b.text.source.clone())
                } else {
                    let mut m = Map::new();
                    let k = |toml| spec::BULLET.key(toml, Dialect::Toml).to_string();
                    m.insert(k("text"), J::String(b.text.source.clone()));
                    m.insert(
                        k("tags"),
                        J::Array(b.tags.iter().cloned().map(J::String).collect()),
                    );
                    J::Object(m)
                }
            });
            self.put(key, J::Array(items.collect()));
            return;
        }
        self.put(key, J::Array(texts.collect()));
        if tagged {
            let tags = v
                .iter()
                .map(|b| J::Array(b.tags.iter().cloned().map(J::String).collect()));
            self.put(
                self.rec.json_only("highlightTags"),
                J::Array(tags.collect()),
            );
        }
    }

    fn extra(&mut self, extra: &Extra) {
        if extra.is_empty() {
            return;
        }
        match self.d {
            Dialect::Toml => self.put(self.k("extra"), J::Object(extra.clone())),
            Dialect::Json => {
                for (k, v) in extra {
                    self.map.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
    }

    fn done(self) -> J {
        J::Object(self.map)
    }
}

fn document(r: &Resume, d: Dialect) -> Map<String, J> {
    let mut top = W::new(d, &spec::ROOT);
    if d == Dialect::Json
        && let Some(schema) = r.extra.get("$schema")
    {
        top.put(top.rec.json_only("$schema"), schema.clone());
    }
    top.put(top.k("basics"), basics(&r.basics, d));
    if let Some(l) = layout(&r.layout, d) {
        top.put(top.k("layout"), l);
    }
    if !r.design.table.is_empty() {
        top.put(top.k("design"), J::Object(r.design.table.clone()));
    }
    if let Some(l) = lint(&r.lint, d) {
        top.put(top.k("lint"), l);
    }
    if !r.variants.is_empty() {
        top.put(top.k("variants"), variants(&r.variants, d));
    }
    // Sections in the source's order, then any others.
    let mut keys: Vec<&str> = r.source_order.iter().map(String::as_str).collect();
    for k in SECTION_KEYS {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let mut wrote_custom = false;
    for key in keys {
        let arr = |items: Vec<J>| (!items.is_empty()).then_some(J::Array(items));
        let value = match key {
            "work" => arr(r.work.iter().map(|x| work(x, d)).collect()),
            "education" => arr(r.education.iter().map(|x| education(x, d)).collect()),
            "projects" => arr(r.projects.iter().map(|x| project(x, d)).collect()),
            "skills" => arr(r.skills.iter().map(|x| skill(x, d)).collect()),
            "volunteer" => arr(r.volunteer.iter().map(|x| volunteer(x, d)).collect()),
            "awards" => arr(r.awards.iter().map(|x| award(x, d)).collect()),
            "certificates" => arr(r.certificates.iter().map(|x| certificate(x, d)).collect()),
            "publications" => arr(r.publications.iter().map(|x| publication(x, d)).collect()),
            "languages" => arr(r.languages.iter().map(|x| language(x, d)).collect()),
            "interests" => arr(r.interests.iter().map(|x| interest(x, d)).collect()),
            "references" => arr(r.references.iter().map(|x| reference(x, d)).collect()),
            "summary" => None,
            _ if !wrote_custom && r.custom.iter().any(|c| c.id == key) => {
                wrote_custom = true;
                top.put(
                    top.k("custom"),
                    J::Array(r.custom.iter().map(|c| custom(c, d)).collect()),
                );
                None
            }
            _ => None,
        };
        if let Some(v) = value {
            top.put(top.k(key), v);
        }
    }
    if !wrote_custom && !r.custom.is_empty() {
        top.put(
            top.k("custom"),
            J::Array(r.custom.iter().map(|c| custom(c, d)).collect()),
        );
    }
    if !r.meta.is_empty() {
        top.put(top.k("meta"), J::Object(r.meta.clone()));
    }
    let mut extra = r.extra.clone();
    extra.remove("$schema");
    if d == Dialect::Toml
        && let Some(schema) = r.extra.get("$schema")
    {
        extra.insert("$schema".into(), schema.clone());
    }
    top.extra(&extra);
    top.map
}

fn basics(b: &Basics, d: Dialect) -> J {
    let mut w = W::new(d, &spec::BASICS);
    w.req("name", &b.name);
    w.s("headline", &b.headline);
    w.s("image", &b.image);
    w.s("email", &b.email);
    w.s("phone", &b.phone);
    if let Some(site) = &b.website {
        match (d, &site.label) {
            (Dialect::Toml, Some(label)) => {
                let mut m = Map::new();
                m.insert(
                    spec::LINK.key("url", d).into(),
                    J::String(site.url.as_str().into()),
                );
                m.insert(spec::LINK.key("label", d).into(), J::String(label.clone()));
                w.put(w.k("website"), J::Object(m));
            }
            (Dialect::Toml, None) => w.put(w.k("website"), J::String(site.url.as_str().into())),
            (Dialect::Json, label) => {
                w.put(w.k("website"), J::String(site.url.as_str().into()));
                if let Some(label) = label {
                    w.put(spec::BASICS.json_only("urlLabel"), J::String(label.clone()));
                }
            }
        }
    }
    w.rich("summary", &b.summary);
    if let Some(l) = &b.location {
        let mut lw = W::new(d, &spec::LOCATION);
        lw.s("address", &l.address);
        lw.s("postal_code", &l.postal_code);
        lw.s("city", &l.city);
        lw.s("country_code", &l.country_code);
        lw.s("region", &l.region);
        lw.extra(&l.extra);
        w.put(w.k("location"), lw.done());
    }
    if !b.profiles.is_empty() {
        let profiles = b.profiles.iter().map(|p| {
            let mut pw = W::new(d, &spec::PROFILE);
            pw.req("network", &p.network);
            pw.s("username", &p.username);
            pw.s("url", &p.url);
            pw.s("label", &p.label);
            pw.extra(&p.extra);
            pw.done()
        });
        w.put(w.k("profiles"), J::Array(profiles.collect()));
    }
    w.extra(&b.extra);
    w.done()
}

fn lint(l: &LintConfig, d: Dialect) -> Option<J> {
    if *l == LintConfig::default() {
        return None;
    }
    let mut w = W::new(d, &spec::LINT);
    w.list("allow", &l.allow);
    for (toml, v) in [
        ("max_gap_months", l.max_gap_months),
        ("max_bullet_words", l.max_bullet_words),
        ("max_bullet_lines", l.max_bullet_lines),
        ("max_summary_words", l.max_summary_words),
    ] {
        if let Some(v) = v {
            w.put(w.k(toml), J::from(v));
        }
    }
    Some(w.done())
}

fn variants(vs: &[Variant], d: Dialect) -> J {
    let mut out = Map::new();
    for v in vs {
        let mut w = W::new(d, &spec::VARIANT);
        w.list("tags", &v.tags);
        w.list("exclude_tags", &v.exclude_tags);
        if let Some(t) = &v.theme {
            let (crate::design::ThemeRef::Builtin(t) | crate::design::ThemeRef::File(t)) = t;
            w.put(w.k("theme"), J::String(t.clone()));
        }
        if let Some(p) = v.paper {
            w.put(w.k("paper"), J::String(p.key().into()));
        }
        if let Some(n) = v.fit_pages {
            w.put(w.k("fit_pages"), J::from(n));
        }
        out.insert(v.name.clone(), w.done());
    }
    J::Object(out)
}

fn layout(l: &Layout, d: Dialect) -> Option<J> {
    if *l == Layout::default() {
        return None;
    }
    let mut w = W::new(d, &spec::LAYOUT);
    w.list("order", &l.order);
    if let Some(s) = l.date_style {
        w.put(w.k("date_style"), J::String(s.name().into()));
    }
    w.s("locale", &l.locale);
    w.s("title", &l.title);
    if !l.sections.is_empty() {
        let mut m = Map::new();
        for (key, s) in &l.sections {
            let mut sw = W::new(d, &spec::SECTION_LAYOUT);
            sw.s("title", &s.title);
            if let Some(st) = s.date_style {
                sw.put(sw.k("date_style"), J::String(st.name().into()));
            }
            m.insert(key.clone(), sw.done());
        }
        w.put(w.k("sections"), J::Object(m));
    }
    w.list("font_dirs", &l.font_dirs);
    Some(w.done())
}

fn work(x: &Work, d: Dialect) -> J {
    let mut w = W::new(d, &spec::WORK);
    w.req("company", &x.company);
    w.s("position", &x.position);
    w.s("team", &x.team);
    w.s("location", &x.location);
    w.s("description", &x.description);
    w.s("url", &x.url);
    w.period(&x.period);
    w.list("technologies", &x.technologies);
    w.rich("summary", &x.summary);
    w.bullets("highlights", &x.highlights);
    if !x.roles.is_empty() {
        let roles = x.roles.iter().map(|r| {
            let mut rw = W::new(d, &spec::ROLE);
            rw.req("position", &r.position);
            rw.s("team", &r.team);
            rw.s("location", &r.location);
            rw.period(&r.period);
            rw.list("technologies", &r.technologies);
            rw.rich("summary", &r.summary);
            rw.bullets("highlights", &r.highlights);
            rw.tags(&r.tags);
            rw.extra(&r.extra);
            rw.done()
        });
        w.put(w.k("roles"), J::Array(roles.collect()));
    }
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn education(x: &Education, d: Dialect) -> J {
    let mut w = W::new(d, &spec::EDUCATION);
    w.req("institution", &x.institution);
    w.s("location", &x.location);
    w.s("url", &x.url);
    w.s("degree", &x.degree);
    w.s("area", &x.area);
    w.period(&x.period);
    w.s("gpa", &x.gpa);
    w.list("honors", &x.honors);
    w.list("courses", &x.courses);
    w.bullets("highlights", &x.highlights);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn project(x: &Project, d: Dialect) -> J {
    let mut w = W::new(d, &spec::PROJECT);
    w.req("name", &x.name);
    w.s("kind", &x.kind);
    w.s("url", &x.url);
    w.s("url_label", &x.url_label);
    w.s("note", &x.note);
    w.rich("description", &x.description);
    w.s("entity", &x.entity);
    w.list("roles", &x.roles);
    w.period(&x.period);
    w.list("technologies", &x.technologies);
    w.bullets("highlights", &x.highlights);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn skill(x: &Skill, d: Dialect) -> J {
    let mut w = W::new(d, &spec::SKILL);
    w.req("name", &x.name);
    w.s("level", &x.level);
    w.list("keywords", &x.keywords);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn volunteer(x: &Volunteer, d: Dialect) -> J {
    let mut w = W::new(d, &spec::VOLUNTEER);
    w.req("organization", &x.organization);
    w.s("position", &x.position);
    w.s("url", &x.url);
    w.s("location", &x.location);
    w.period(&x.period);
    w.rich("summary", &x.summary);
    w.bullets("highlights", &x.highlights);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn award(x: &Award, d: Dialect) -> J {
    let mut w = W::new(d, &spec::AWARD);
    w.req("title", &x.title);
    w.date("date", &x.date);
    w.s("awarder", &x.awarder);
    w.rich("summary", &x.summary);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn certificate(x: &Certificate, d: Dialect) -> J {
    let mut w = W::new(d, &spec::CERTIFICATE);
    w.req("name", &x.name);
    w.date("date", &x.date);
    w.s("issuer", &x.issuer);
    w.s("url", &x.url);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn publication(x: &Publication, d: Dialect) -> J {
    let mut w = W::new(d, &spec::PUBLICATION);
    w.req("name", &x.name);
    w.s("publisher", &x.publisher);
    w.date("date", &x.date);
    w.s("url", &x.url);
    w.rich("summary", &x.summary);
    w.tags(&x.tags);
    w.extra(&x.extra);
    w.done()
}

fn language(x: &Language, d: Dialect) -> J {
    let mut w = W::new(d, &spec::LANGUAGE);
    w.req("language", &x.language);
    w.s("fluency", &x.fluency);
    w.extra(&x.extra);
    w.done()
}

fn interest(x: &Interest, d: Dialect) -> J {
    let mut w = W::new(d, &spec::INTEREST);
    w.req("name", &x.name);
    w.list("keywords", &x.keywords);
    w.extra(&x.extra);
    w.done()
}

fn reference(x: &Reference, d: Dialect) -> J {
    let mut w = W::new(d, &spec::REFERENCE);
    w.req("name", &x.name);
    w.rich("reference", &x.reference);
    w.extra(&x.extra);
    w.done()
}

fn custom(x: &CustomSection, d: Dialect) -> J {
    let mut w = W::new(d, &spec::CUSTOM);
    w.req("id", &x.id);
    w.req("title", &x.title);
    w.bullets("items", &x.items);
    if !x.entries.is_empty() {
        let entries = x.entries.iter().map(|e| {
            let mut ew = W::new(d, &spec::CUSTOM_ENTRY);
            ew.req("title", &e.title);
            ew.s("subtitle", &e.subtitle);
            ew.s("location", &e.location);
            ew.s("url", &e.url);
            ew.period(&e.period);
            ew.rich("summary", &e.summary);
            ew.bullets("highlights", &e.highlights);
            ew.list("keywords", &e.keywords);
            ew.tags(&e.tags);
            ew.extra(&e.extra);
            ew.done()
        });
        w.put(w.k("entries"), J::Array(entries.collect()));
    }
    w.extra(&x.extra);
    w.done()
}
