//! Reading design settings: the `[design]` table of a source and theme
//! files share one schema, documented in `docs/format.md` and
//! `docs/themes.md`.

use crate::design::*;
use crate::read::{Cx, HintMut, join, suggest};
use crate::spec;
use crate::tree::{Node, Value};

/// Where a design table stands, which decides the keys that name a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// `[design]` in a source: `theme = "…"` picks the base.
    Source,
    /// A theme file: `extends = "…"` and `description = "…"`.
    ThemeFile,
}

/// What a design table says.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub theme: Option<ThemeRef>,
    pub description: Option<String>,
    pub settings: Vec<Setting>,
}

pub(crate) fn read(cx: &mut Cx, node: &Node, path: &str, place: Place) -> Option<Read> {
    let mut o = cx.obj(node, path)?;
    let mut r = Read::default();
    let name_key = match place {
        Place::Source => "theme",
        Place::ThemeFile => "extends",
    };
    if let Some(n) = o.node(name_key) {
        let p = join(path, name_key);
        if let Some(s) = text(cx, n, &p) {
            let t = ThemeRef::parse(&s);
            if let ThemeRef::Builtin(b) = &t
                && !THEMES.contains(&b.as_str())
            {
                let d = cx.error(format!("unknown theme `{b}`"), &n.span, &p);
                match suggest(b, &THEMES) {
                    Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
                    None => d.with_hint_mut(format!(
                        "built-in themes: {}; a theme file is named by its path, e.g. \"./mine.toml\"",
                        THEMES.join(", ")
                    )),
                };
            } else {
                r.theme = Some(t);
            }
        }
    }
    if place == Place::ThemeFile {
        r.description = o.str(cx, "description");
    }
    let s = &mut r.settings;
    if let Some(n) = o.node("paper") {
        s.extend(
            keyword(cx, n, &join(path, "paper"), Paper::from_name, Paper::NAMES)
                .map(Setting::Paper),
        );
    }
    if let Some(n) = o.node("margins") {
        margins(cx, n, &join(path, "margins"), s);
    }
    if let Some(n) = o.node("font")
        && let Some(f) = family(cx, n, &join(path, "font"))
    {
        for role in [FontRole::Name, FontRole::Headings, FontRole::Body] {
            s.push(Setting::Font(role, f));
        }
    }
    if let Some(n) = o.node("fonts") {
        let p = join(path, "fonts");
        if let Some(mut t) = cx.obj(n, &p) {
            for (key, role) in [
                ("name", FontRole::Name),
                ("headings", FontRole::Headings),
                ("body", FontRole::Body),
            ] {
                if let Some(f) = t.get(cx, key, family) {
                    s.push(Setting::Font(role, f));
                }
            }
            spec::finish(t, cx, &spec::FONTS);
        }
    }
    if let Some(n) = o.node("word_font") {
        let p = join(path, "word_font");
        if let Some(name) = text(cx, n, &p) {
            match WordFont::from_name(&name) {
                Some(f) => s.push(Setting::WordFont(f)),
                None => {
                    let names: Vec<&str> = WordFont::ALL.iter().map(|f| f.name()).collect();
                    let d = cx.error(format!("unknown Word font `{name}`"), &n.span, &p);
                    match suggest(&name, &names) {
                        Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
                        None => d.with_hint_mut(format!(
                            "use one of: {} (fonts every Word has, each with a free metric twin)",
                            names.join(", ")
                        )),
                    };
                }
            }
        }
    }
    if let Some(n) = o.node("html_fonts") {
        s.extend(
            keyword(
                cx,
                n,
                &join(path, "html_fonts"),
                HtmlFonts::from_name,
                HtmlFonts::NAMES,
            )
            .map(Setting::HtmlFonts),
        );
    }
    for (key, role, max) in [
        ("body_size", SizeRole::Body, 24.0),
        ("name_size", SizeRole::Name, 72.0),
        ("headline_size", SizeRole::Headline, 36.0),
        ("section_size", SizeRole::Section, 36.0),
        ("detail_size", SizeRole::Detail, 24.0),
    ] {
        if let Some(n) = o.node(key)
            && let Some(v) = length(cx, n, &join(path, key), 4.0, max)
        {
            s.push(Setting::Size(role, v));
        }
    }
    if let Some(n) = o.node("leading") {
        s.extend(number(cx, n, &join(path, "leading"), 0.9, 3.0).map(Setting::Leading));
    }
    for (key, role) in [
        ("accent", ColorRole::Accent),
        ("text_color", ColorRole::Text),
        ("muted_color", ColorRole::Muted),
    ] {
        if let Some(n) = o.node(key) {
            let p = join(path, key);
            if let Some(Paint::Rgb(c)) = paint(cx, n, &p, false) {
                s.push(Setting::Color(role, c));
            }
        }
    }
    if let Some(n) = o.node("link_color") {
        s.extend(paint(cx, n, &join(path, "link_color"), true).map(Setting::LinkColor));
    }
    if let Some(n) = o.node("rule_color") {
        s.extend(paint(cx, n, &join(path, "rule_color"), true).map(Setting::RuleColor));
    }
    if let Some(n) = o.node("section_titles") {
        let p = join(path, "section_titles");
        if let Some(mut t) = cx.obj(n, &p) {
            let pp = |k: &str| join(&p, k);
            if let Some(n) = t.node("style") {
                s.extend(
                    keyword(
                        cx,
                        n,
                        &pp("style"),
                        TitleStyle::from_name,
                        TitleStyle::NAMES,
                    )
                    .map(Setting::TitleStyle),
                );
            }
            if let Some(n) = t.node("case") {
                s.extend(
                    keyword(cx, n, &pp("case"), Case::from_name, Case::NAMES)
                        .map(Setting::TitleCase),
                );
            }
            if let Some(n) = t.node("align") {
                s.extend(
                    keyword(cx, n, &pp("align"), Align::from_name, Align::NAMES)
                        .map(Setting::TitleAlign),
                );
            }
            if let Some(n) = t.node("color") {
                s.extend(paint(cx, n, &pp("color"), true).map(Setting::TitleColor));
            }
            if let Some(n) = t.node("bold") {
                s.extend(boolean(cx, n, &pp("bold")).map(Setting::TitleBold));
            }
            spec::finish(t, cx, &spec::SECTION_TITLES);
        }
    }
    if let Some(n) = o.node("header") {
        let p = join(path, "header");
        if let Some(mut t) = cx.obj(n, &p) {
            let pp = |k: &str| join(&p, k);
            if let Some(n) = t.node("align") {
                s.extend(
                    keyword(cx, n, &pp("align"), Align::from_name, Align::NAMES)
                        .map(Setting::HeaderAlign),
                );
            }
            if let Some(n) = t.node("name_case") {
                s.extend(
                    keyword(cx, n, &pp("name_case"), Case::from_name, Case::NAMES)
                        .map(Setting::NameCase),
                );
            }
            if let Some(n) = t.node("name_bold") {
                s.extend(boolean(cx, n, &pp("name_bold")).map(Setting::NameBold));
            }
            if let Some(n) = t.node("name_color") {
                s.extend(paint(cx, n, &pp("name_color"), true).map(Setting::NameColor));
            }
            if let Some(n) = t.node("separator") {
                s.extend(
                    glyphs(cx, n, &pp("separator"), 12, Blank::Allowed).map(Setting::Separator),
                );
            }
            if let Some(n) = t.node("icons") {
                s.extend(boolean(cx, n, &pp("icons")).map(Setting::Icons));
            }
            spec::finish(t, cx, &spec::HEADER);
        }
    }
    if let Some(n) = o.node("entries") {
        let p = join(path, "entries");
        if let Some(mut t) = cx.obj(n, &p) {
            if let Some(n) = t.node("dates") {
                s.extend(
                    keyword(
                        cx,
                        n,
                        &join(&p, "dates"),
                        DatesAt::from_name,
                        DatesAt::NAMES,
                    )
                    .map(Setting::Dates),
                );
            }
            if let Some(n) = t.node("date_column") {
                s.extend(
                    length(cx, n, &join(&p, "date_column"), 36.0, 200.0).map(Setting::DateColumn),
                );
            }
            spec::finish(t, cx, &spec::ENTRIES);
        }
    }
    if let Some(n) = o.node("bullet") {
        s.extend(glyphs(cx, n, &join(path, "bullet"), 3, Blank::Refused).map(Setting::Bullet));
    }
    if let Some(n) = o.node("bullet_indent") {
        s.extend(length(cx, n, &join(path, "bullet_indent"), 0.0, 72.0).map(Setting::BulletIndent));
    }
    if let Some(n) = o.node("spacing") {
        let p = join(path, "spacing");
        if let Some(mut t) = cx.obj(n, &p) {
            for (key, gap) in [
                ("section", Gap::Section),
                ("after_title", Gap::AfterTitle),
                ("entry", Gap::Entry),
                ("bullet", Gap::Bullet),
            ] {
                if let Some(n) = t.node(key) {
                    s.extend(number(cx, n, &join(&p, key), 0.0, 4.0).map(|v| Setting::Gap(gap, v)));
                }
            }
            spec::finish(t, cx, &spec::SPACING);
        }
    }
    if let Some(n) = o.node("links") {
        s.extend(
            keyword(
                cx,
                n,
                &join(path, "links"),
                LinkStyle::from_name,
                LinkStyle::NAMES,
            )
            .map(Setting::Links),
        );
    }
    let mut known: Vec<&str> = spec::DESIGN
        .toml_keys()
        .into_iter()
        .filter(|k| *k != "theme")
        .collect();
    known.push(name_key);
    if place == Place::ThemeFile {
        known.push("description");
    }
    o.finish(cx, &known);
    Some(r)
}

/// A string, and only a string: a number where a design keyword is
/// expected is a mistake, not a value to show.
fn text(cx: &mut Cx, n: &Node, p: &str) -> Option<String> {
    match &n.value {
        Value::String(_) => cx.string(n, p),
        _ => {
            cx.wrong_type(n, p, "a string");
            None
        }
    }
}

pub(crate) fn keyword<T>(
    cx: &mut Cx,
    n: &Node,
    p: &str,
    parse: fn(&str) -> Option<T>,
    names: &[&str],
) -> Option<T> {
    let s = text(cx, n, p)?;
    let v = parse(&s);
    if v.is_none() {
        let d = cx.error(format!("unknown value `{s}`"), &n.span, p);
        match suggest(&s, names) {
            Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
            None => d.with_hint_mut(format!("use one of: {}", names.join(", "))),
        };
    }
    v
}

fn family(cx: &mut Cx, n: &Node, p: &str) -> Option<Family> {
    let s = text(cx, n, p)?;
    let f = Family::from_name(&s);
    if f.is_none() {
        let names: Vec<&str> = Family::NAMES.iter().map(|(n, _)| *n).collect();
        let d = cx.error(format!("unknown font `{s}`"), &n.span, p);
        match suggest(&s, &names) {
            Some(g) => d.with_hint_mut(format!("did you mean `{g}`?")),
            None => d.with_hint_mut(format!(
                "bundled fonts: {} (\"sans\" is Noto Sans, \"serif\" Libertinus Serif)",
                names.join(", ")
            )),
        };
    }
    f
}

fn boolean(cx: &mut Cx, n: &Node, p: &str) -> Option<bool> {
    match n.value {
        Value::Bool(b) => Some(b),
        _ => {
            cx.wrong_type(n, p, "true or false");
            None
        }
    }
}

fn number(cx: &mut Cx, n: &Node, p: &str, min: f32, max: f32) -> Option<f32> {
    let v = match n.value {
        Value::Integer(i) => i as f64,
        Value::Float(f) => f,
        _ => {
            cx.wrong_type(n, p, "a number");
            return None;
        }
    };
    in_range(cx, n, p, v as f32, min, max, "")
}

fn in_range(cx: &mut Cx, n: &Node, p: &str, v: f32, min: f32, max: f32, unit: &str) -> Option<f32> {
    if v.is_finite() && v >= min && v <= max {
        Some(v)
    } else {
        cx.error(format!("{v}{unit} is out of range"), &n.span, p)
            .with_hint_mut(format!("use a value from {min}{unit} to {max}{unit}"));
        None
    }
}

/// A length in points: a number (points) or a string with a unit (`pt`,
/// `in`, `mm`, `cm`).
pub(crate) fn length(cx: &mut Cx, n: &Node, p: &str, min: f32, max: f32) -> Option<f32> {
    let pt = match &n.value {
        Value::Integer(i) => *i as f32,
        Value::Float(f) => *f as f32,
        Value::String(s) => {
            match parse_length(s) {
                Some(v) => v,
                None => {
                    cx.error(format!("`{s}` is not a length"), &n.span, p)
                    .with_hint_mut("write a number with a unit: \"10pt\", \"0.5in\", \"12mm\" or \"1.2cm\"");
                    return None;
                }
            }
        }
        _ => {
            cx.wrong_type(n, p, "a length such as \"0.5in\"");
            return None;
        }
    };
    in_range(cx, n, p, pt, min, max, "pt")
}

/// Reads `"12pt"`, `"0.5in"`, `"12mm"`, `"1.2cm"` into points.
pub fn parse_length(s: &str) -> Option<f32> {
    let s = s.trim();
    let split = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let v: f32 = num.trim().parse().ok()?;
    let factor = match unit.trim() {
        "pt" | "" => 1.0,
        "in" => 72.0,
        "mm" => 72.0 / 25.4,
        "cm" => 72.0 / 2.54,
        _ => return None,
    };
    v.is_finite().then_some(v * factor)
}

fn margins(cx: &mut Cx, n: &Node, p: &str, s: &mut Vec<Setting>) {
    let sides = [Side::Top, Side::Right, Side::Bottom, Side::Left];
    if let Value::Table(_) = n.value {
        let Some(mut t) = cx.obj(n, p) else { return };
        for (key, side) in ["top", "right", "bottom", "left"].into_iter().zip(sides) {
            if let Some(n) = t.node(key)
                && let Some(v) = length(cx, n, &join(p, key), 0.0, 144.0)
            {
                s.push(Setting::Margin(side, v));
            }
        }
        for (key, pair) in [
            ("x", [Side::Left, Side::Right]),
            ("y", [Side::Top, Side::Bottom]),
        ] {
            if let Some(n) = t.node(key)
                && let Some(v) = length(cx, n, &join(p, key), 0.0, 144.0)
            {
                s.extend(pair.map(|side| Setting::Margin(side, v)));
            }
        }
        spec::finish(t, cx, &spec::MARGINS);
    } else if let Some(v) = length(cx, n, p, 0.0, 144.0) {
        s.extend(sides.map(|side| Setting::Margin(side, v)));
    }
}

fn paint(cx: &mut Cx, n: &Node, p: &str, named: bool) -> Option<Paint> {
    let s = text(cx, n, p)?;
    let v = if named {
        Paint::parse(&s)
    } else {
        Color::parse(&s).map(Paint::Rgb)
    };
    if v.is_none() {
        let hint = if named {
            "write a colour as \"#rrggbb\", or \"accent\", \"text\" or \"muted\" for the theme's own"
        } else {
            "write a colour as \"#rrggbb\", e.g. \"#8b0000\""
        };
        cx.error(format!("`{s}` is not a colour"), &n.span, p)
            .with_hint_mut(hint);
    }
    v
}

/// A short string of visible characters, such as a bullet glyph or a
/// separator; spaces are kept as written.
/// Whether a string of spaces alone is a value: a separator may be spaces,
/// a bullet may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blank {
    Allowed,
    Refused,
}

fn glyphs(cx: &mut Cx, n: &Node, p: &str, max: usize, blank: Blank) -> Option<String> {
    let Value::String(s) = &n.value else {
        cx.wrong_type(n, p, "a string");
        return None;
    };
    let count = s.chars().count();
    if count == 0
        || count > max
        || s.chars().any(|c| c.is_control())
        || (blank == Blank::Refused && s.trim().is_empty())
    {
        cx.error(format!("`{s}` cannot be used here"), &n.span, p)
            .with_hint_mut(format!(
                "use 1 to {max} printable characters, e.g. \"•\", \"–\" or \" | \""
            ));
        return None;
    }
    Some(s.clone())
}

#[cfg(test)]
mod tests {
    use super::parse_length;

    #[track_caller]
    fn check(input: &str, expect: Option<f32>) {
        let got = parse_length(input);
        match (got, expect) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 0.01, "{input}: {a} != {b}"),
            _ => assert_eq!(got, expect, "{input}"),
        }
    }

    #[test]
    fn lengths() {
        check("10pt", Some(10.0));
        check("0.5in", Some(36.0));
        check("25.4mm", Some(72.0));
        check("2.54 cm", Some(72.0));
        check("12", Some(12.0));
        check("1em", None);
        check("in", None);
        check("", None);
    }
}

#[cfg(test)]
mod theme_tests {
    use crate::design::{THEMES, Theme, builtin_theme_source};

    #[test]
    fn every_builtin_theme_parses_and_resolves() {
        for name in THEMES {
            let text = builtin_theme_source(name).expect("listed");
            if let Err(d) = crate::parse_theme(text) {
                panic!("{name}: {d:#?}");
            }
            assert!(Theme::builtin(name).is_some(), "{name}");
        }
        assert_eq!(THEMES[0], "classic");
    }
}
