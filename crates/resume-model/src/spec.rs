//! The one definition of the source format: per record (a table of the
//! source such as `[basics]` or `[[work]]`), every key with its JSON Resume
//! name, its kind of value, whether it is required, what it means and an
//! example.
//!
//! The readers take their known-key lists (the did-you-mean hints of unknown
//! keys) from here, and check in debug builds that every key they read is
//! listed here; the writer looks its JSON Resume key names up here; the JSON
//! Schemas (`schema/resume.schema.json`, `schema/json-resume.schema.json`)
//! and the key reference in `docs/format.md` are generated from here
//! (`cargo xtask schema`). A key added to a reader and not here fails the
//! tests; a key listed here and not read fails them too.

use serde_json::{Map, Value as J, json};

use crate::design::{
    Align, Case, DatesAt, Family, HtmlFonts, LinkStyle, Paper, TitleStyle, WordFont,
};
use crate::model::{DateStyle, Extra, LINT_RULES, SECTION_KEYS};
use crate::read::{Cx, Obj};

/// The two spellings of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Our TOML format: snake_case keys, unknown keys are errors.
    Toml,
    /// JSON Resume with our extensions: camelCase keys, unknown keys kept.
    Json,
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Plain text.
    Text,
    /// Text with the inline Markdown subset.
    Rich,
    /// An absolute link (`https:`, `http:`, `mailto:`, `tel:`).
    Url,
    /// An e-mail address.
    Email,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `present`.
    Date,
    /// An array of plain texts.
    Texts,
    /// An array of bullets: rich texts, or (TOML) `{ text, tags }` tables.
    Bullets,
    /// (JSON) one array of tags per bullet.
    TagLists,
    /// (TOML) a link, or a table of [`LINK`]; (JSON) a link.
    Link,
    /// (TOML) a city, or a table of [`LOCATION`]; (JSON) the table.
    Place,
    /// A table of the record.
    Record(&'static Record),
    /// An array of tables of the record.
    Records(&'static Record),
    /// A table whose keys are names, each holding a table of the record.
    Named(&'static Record),
    /// A table of free keys, kept but never shown.
    Free,
    /// One word of a closed list.
    Keyword(fn() -> Vec<&'static str>),
    /// An array of words of a closed list.
    Keywords(fn() -> Vec<&'static str>),
    /// A whole number in a range.
    Whole { min: u32, max: u32 },
    /// A number in a range.
    Number { min: f32, max: f32 },
    /// A length in points: a number, or a string with a unit.
    Length { min: f32, max: f32 },
    /// A length for every side, or a table of the record.
    LengthOr(&'static Record, f32, f32),
    /// `#rrggbb` or `#rgb`; `named` also allows the theme's colours.
    Color { named: bool },
    /// A few visible characters; `blank` allows spaces alone.
    Glyphs { max: usize, blank: bool },
    /// `true` or `false`.
    Bool,
    /// A built-in theme's name or a theme file's path.
    Theme,
    /// A language tag with a table of words (others are a warning).
    Locale,
    /// An array of section keys (built-in ones or custom ids).
    Sections,
    /// Letters, digits, `-` and `_`.
    Id,
}

/// One key of a record.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The key in our TOML format; empty when only JSON Resume has it.
    pub toml: &'static str,
    /// The key in JSON Resume; empty when only TOML has it.
    pub json: &'static str,
    /// Other JSON names `build` reads for it (older or home-made files).
    pub also: &'static [&'static str],
    pub kind: Kind,
    /// Required in TOML (JSON Resume requires nothing).
    pub required: bool,
    pub doc: &'static str,
    /// An example value as JSON text; empty for tables.
    pub example: &'static str,
}

impl Field {
    /// The key in `d`, or `None` when the dialect lacks it.
    pub fn key(&self, d: Dialect) -> Option<&'static str> {
        let k = match d {
            Dialect::Toml => self.toml,
            Dialect::Json => self.json,
        };
        (!k.is_empty()).then_some(k)
    }
}

/// A table of the source.
#[derive(Debug)]
pub struct Record {
    /// The name of its definition in the schemas.
    pub name: &'static str,
    /// How the TOML format writes its header, e.g. `[[work]]`.
    pub header: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
}

impl Record {
    /// The keys of the record in `d`, in the table's order.
    pub fn keys(&self, d: Dialect) -> Vec<&'static str> {
        self.fields.iter().filter_map(|f| f.key(d)).collect()
    }

    /// The keys of the record in our TOML format.
    pub fn toml_keys(&self) -> Vec<&'static str> {
        self.keys(Dialect::Toml)
    }

    /// The keys of the record in JSON Resume.
    pub fn json_keys(&self) -> Vec<&'static str> {
        self.keys(Dialect::Json)
    }

    /// Every key a reader of `d` may read: the keys and, in JSON, the
    /// other names read for them.
    pub fn accepted(&self, d: Dialect) -> Vec<&'static str> {
        let mut keys = self.keys(d);
        if d == Dialect::Json {
            keys.extend(self.fields.iter().flat_map(|f| f.also.iter().copied()));
        }
        keys
    }

    /// The field whose TOML key is `toml`.
    ///
    /// # Panics
    /// When the record has no such key: a caller names keys of this table.
    pub fn field(&self, toml: &str) -> &Field {
        self.fields
            .iter()
            .find(|f| f.toml == toml)
            .unwrap_or_else(|| panic!("`{toml}` is not a key of {}", self.name))
    }

    /// The key of a field only JSON Resume has.
    ///
    /// # Panics
    /// When the record has no such key.
    pub fn json_only(&self, json: &str) -> &'static str {
        self.fields
            .iter()
            .find(|f| f.toml.is_empty() && f.json == json)
            .map(|f| f.json)
            .unwrap_or_else(|| panic!("`{json}` is not a JSON key of {}", self.name))
    }

    /// The key in `d` of the field whose TOML key is `toml`.
    pub fn key(&self, toml: &str, d: Dialect) -> &'static str {
        let f = self.field(toml);
        match d {
            Dialect::Toml => f.toml,
            Dialect::Json => f.json,
        }
    }
}

/// Ends reading a TOML table of `r`: unknown keys are errors, with the
/// record's keys as the did-you-mean candidates.
pub(crate) fn finish(o: Obj<'_>, cx: &mut Cx, r: &Record) {
    check_read(&o, r, Dialect::Toml);
    o.finish(cx, &r.toml_keys());
}

/// Ends reading a JSON Resume object of `r`: unknown keys are kept as
/// extras, with the record's keys as the did-you-mean candidates.
pub(crate) fn rest(o: Obj<'_>, cx: &mut Cx, r: &Record) -> Extra {
    check_read(&o, r, Dialect::Json);
    o.rest(cx, &r.json_keys())
}

/// A reader reads only keys this table lists: in debug builds (the tests)
/// a key read and not listed stops the run, so the definition cannot fall
/// behind the readers.
fn check_read(o: &Obj<'_>, r: &Record, d: Dialect) {
    if cfg!(debug_assertions) {
        let accepted = r.accepted(d);
        for key in o.used_keys() {
            assert!(
                accepted.contains(&key),
                "the {d:?} reader of `{}` read `{key}`, which spec.rs does not list",
                r.name
            );
        }
    }
}

/// Every record, the file itself first, in the order of the reference.
pub static RECORDS: &[&Record] = &[
    &ROOT,
    &BASICS,
    &LOCATION,
    &PROFILE,
    &LINK,
    &LAYOUT,
    &SECTION_LAYOUT,
    &DESIGN,
    &FONTS,
    &MARGINS,
    &SECTION_TITLES,
    &HEADER,
    &ENTRIES,
    &SPACING,
    &LINT,
    &VARIANT,
    &WORK,
    &ROLE,
    &EDUCATION,
    &PROJECT,
    &SKILL,
    &VOLUNTEER,
    &AWARD,
    &CERTIFICATE,
    &PUBLICATION,
    &LANGUAGE,
    &INTEREST,
    &REFERENCE,
    &CUSTOM,
    &CUSTOM_ENTRY,
    &BULLET,
];

const fn field(
    toml: &'static str,
    json: &'static str,
    kind: Kind,
    doc: &'static str,
    example: &'static str,
) -> Field {
    Field {
        toml,
        json,
        also: &[],
        kind,
        required: false,
        doc,
        example,
    }
}

/// A key spelt alike in both dialects.
const fn same(key: &'static str, kind: Kind, doc: &'static str, example: &'static str) -> Field {
    field(key, key, kind, doc, example)
}

const fn required(f: Field) -> Field {
    Field {
        required: true,
        ..f
    }
}

const fn also(f: Field, also: &'static [&'static str]) -> Field {
    Field { also, ..f }
}

const fn toml_only(
    key: &'static str,
    kind: Kind,
    doc: &'static str,
    example: &'static str,
) -> Field {
    field(key, "", kind, doc, example)
}

const fn json_only(
    key: &'static str,
    kind: Kind,
    doc: &'static str,
    example: &'static str,
) -> Field {
    field("", key, kind, doc, example)
}

const TAGS: Field = same(
    "tags",
    Kind::Texts,
    "tags for tailored builds: `--tag` keeps untagged items and those with the tag, `--exclude-tag` drops those with it",
    r#"["systems", "ml"]"#,
);
const EXTRA: Field = toml_only(
    "extra",
    Kind::Free,
    "free keys, never shown; they carry data through conversions (JSON Resume's additional properties land here)",
    r#"{ "team_size": 4 }"#,
);
const START: Field = field(
    "start",
    "startDate",
    Kind::Date,
    "when it began",
    r#""2020-06""#,
);
const END: Field = field(
    "end",
    "endDate",
    Kind::Date,
    "when it ended, or \"present\" (JSON Resume leaves `endDate` out while it goes on)",
    r#""present""#,
);
const SINGLE: Field = json_only(
    "singleDate",
    Kind::Bool,
    "`true`: the start is a lone date, not a period that goes on (written by `resume convert`)",
    "true",
);
const HIGHLIGHTS: Field = same(
    "highlights",
    Kind::Bullets,
    "bullet points (rich text); in TOML an item may be `{ text = \"…\", tags = [\"…\"] }`",
    r#"["Saved over **1000 CPU cores** in production."]"#,
);
const HIGHLIGHT_TAGS: Field = json_only(
    "highlightTags",
    Kind::TagLists,
    "the tags of each bullet of `highlights`, in order (written by `resume convert`)",
    r#"[["systems"], []]"#,
);
const LOCATION_TEXT: Field = same(
    "location",
    Kind::Text,
    "where, as shown",
    r#""Hangzhou, China""#,
);
const SUMMARY: Field = same(
    "summary",
    Kind::Rich,
    "a paragraph (rich text)",
    r#""Led the **storage** team.""#,
);
const URL: Field = same("url", Kind::Url, "a link", r#""https://example.com""#);

/// The file itself.
pub static ROOT: Record = Record {
    name: "resume",
    header: "Top level",
    doc: "The file's top-level keys: `[basics]`, the settings tables and the sections. Sections appear in the order the file lists them.",
    fields: &[
        required(same(
            "basics",
            Kind::Record(&BASICS),
            "who you are and how to reach you",
            "",
        )),
        same(
            "layout",
            Kind::Record(&LAYOUT),
            "section order, titles, date style and language",
            "",
        ),
        same(
            "design",
            Kind::Record(&DESIGN),
            "the look: a theme and any of its parameters",
            "",
        ),
        same(
            "lint",
            Kind::Record(&LINT),
            "settings of `resume lint` for this résumé",
            "",
        ),
        same(
            "variants",
            Kind::Named(&VARIANT),
            "tailored builds of this résumé, by name",
            "",
        ),
        also(
            same("work", Kind::Records(&WORK), "work experience", ""),
            &["experience", "experiences"],
        ),
        same("education", Kind::Records(&EDUCATION), "education", ""),
        same("projects", Kind::Records(&PROJECT), "projects", ""),
        same("skills", Kind::Records(&SKILL), "skills", ""),
        same("volunteer", Kind::Records(&VOLUNTEER), "volunteering", ""),
        same("awards", Kind::Records(&AWARD), "awards", ""),
        same(
            "certificates",
            Kind::Records(&CERTIFICATE),
            "certificates",
            "",
        ),
        same(
            "publications",
            Kind::Records(&PUBLICATION),
            "publications",
            "",
        ),
        same(
            "languages",
            Kind::Records(&LANGUAGE),
            "languages spoken",
            "",
        ),
        same("interests", Kind::Records(&INTEREST), "interests", ""),
        same("references", Kind::Records(&REFERENCE), "references", ""),
        same("custom", Kind::Records(&CUSTOM), "sections of your own", ""),
        same(
            "meta",
            Kind::Free,
            "JSON Resume's `meta` (`canonical`, `version`, `lastModified`; `locale`, `language` and `theme` are read too); kept, never shown",
            r#"{ "version": "v1.0.0" }"#,
        ),
        EXTRA,
        json_only(
            "$schema",
            Kind::Text,
            "the JSON Schema the file follows; kept",
            r#""https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json""#,
        ),
    ],
};

pub static BASICS: Record = Record {
    name: "basics",
    header: "[basics]",
    doc: "Who you are and how to reach you; shown as the header.",
    fields: &[
        required(same(
            "name",
            Kind::Text,
            "your name, the document's title",
            r#""Wenqing Luo""#,
        )),
        field(
            "headline",
            "label",
            Kind::Text,
            "a short professional title under the name",
            r#""Software Engineer""#,
        ),
        also(
            same(
                "image",
                Kind::Text,
                "a photo's address (kept for JSON Resume; not rendered)",
                r#""https://example.com/me.jpg""#,
            ),
            &["picture"],
        ),
        same(
            "email",
            Kind::Email,
            "shown and linked as `mailto:`",
            r#""jane@example.com""#,
        ),
        same(
            "phone",
            Kind::Text,
            "shown as written, linked as `tel:` with its digits",
            r#""+1 555 010 0000""#,
        ),
        also(
            field(
                "website",
                "url",
                Kind::Link,
                "your site; `{ url = \"https://…\", label = \"Website\" }` shows the label",
                r#""https://example.com""#,
            ),
            &["website"],
        ),
        same(
            "summary",
            Kind::Rich,
            "a paragraph shown as the \"Summary\" section (rich text)",
            r#""Engineer who likes **fast**, well-tested systems.""#,
        ),
        same(
            "location",
            Kind::Place,
            "where you live; a string is a city",
            r#"{ "city": "Springfield", "region": "IL" }"#,
        ),
        same(
            "profiles",
            Kind::Records(&PROFILE),
            "accounts on other sites, shown on the contact line",
            "",
        ),
        EXTRA,
        json_only(
            "urlLabel",
            Kind::Text,
            "the label shown for `url` instead of the address",
            r#""example.com""#,
        ),
    ],
};

pub static LOCATION: Record = Record {
    name: "location",
    header: "[basics.location]",
    doc: "An address; only the parts given are shown.",
    fields: &[
        same("address", Kind::Text, "street and number", r#""1 Main St""#),
        field(
            "postal_code",
            "postalCode",
            Kind::Text,
            "postal code",
            r#""62701""#,
        ),
        same("city", Kind::Text, "city", r#""Springfield""#),
        same("region", Kind::Text, "state, province or region", r#""IL""#),
        field(
            "country_code",
            "countryCode",
            Kind::Text,
            "ISO 3166-1 country code",
            r#""US""#,
        ),
        EXTRA,
    ],
};

pub static PROFILE: Record = Record {
    name: "profile",
    header: "[[basics.profiles]]",
    doc: "An account on another site. It needs a `username` or a `url`. The contact line shows the label, else the address without `https://www.` (e.g. `linkedin.com/in/wenqingluo`), else `Network: username`.",
    fields: &[
        required(same(
            "network",
            Kind::Text,
            "the site's name",
            r#""LinkedIn""#,
        )),
        same("username", Kind::Text, "your name there", r#""wenqingluo""#),
        same(
            "url",
            Kind::Url,
            "the profile's address",
            r#""https://www.linkedin.com/in/wenqingluo""#,
        ),
        same(
            "label",
            Kind::Text,
            "shown instead of the address",
            r#""LinkedIn""#,
        ),
        EXTRA,
    ],
};

pub static LINK: Record = Record {
    name: "link",
    header: "basics.website = { … }",
    doc: "A link with a label to show instead of its address (TOML only; JSON Resume has `url` and `urlLabel`).",
    fields: &[
        required(toml_only(
            "url",
            Kind::Url,
            "the address",
            r#""https://example.com""#,
        )),
        toml_only(
            "label",
            Kind::Text,
            "shown instead of the address",
            r#""example.com""#,
        ),
    ],
};

pub static LAYOUT: Record = Record {
    name: "layout",
    header: "[layout]",
    doc: "Section order, titles, date style and language.",
    fields: &[
        same(
            "order",
            Kind::Sections,
            "section order, overriding the file's; sections it does not name follow in file order",
            r#"["summary", "work", "education"]"#,
        ),
        field(
            "date_style",
            "dateStyle",
            Kind::Keyword(|| DateStyle::NAMES.to_vec()),
            "`Jun 2020`, `June 2020`, `06/2020`, `2020-06`; the `-day` styles also show a day the source gives: `Jun 1, 2020`, `June 1, 2020`, `06/01/2020`, `2020-06-01`. Default `short`",
            r#""long""#,
        ),
        same(
            "locale",
            Kind::Locale,
            "language of month names, date patterns, punctuation and titles. Case and `_` do not matter and a regional tag uses its language (`pt-BR` is `pt`); another tag is a warning and English is used. In JSON Resume, `meta.locale` or `meta.language` also set it",
            r#""de""#,
        ),
        same(
            "title",
            Kind::Text,
            "document title in metadata; default \"Name — Résumé\"",
            r#""Wenqing Luo — CV""#,
        ),
        same(
            "sections",
            Kind::Named(&SECTION_LAYOUT),
            "settings of one section, by its key",
            r#"{ "skills": { "title": "Technical Skills" } }"#,
        ),
        field(
            "font_dirs",
            "fontDirs",
            Kind::Texts,
            "folders of fonts (`.ttf`, `.otf`, `.ttc`), relative to the source, for scripts the bundled faces lack (CJK, Arabic, Hebrew…); tried before the installed fonts, after `--font-dir`",
            r#"["fonts"]"#,
        ),
    ],
};

pub static SECTION_LAYOUT: Record = Record {
    name: "sectionLayout",
    header: "[layout.sections.<key>]",
    doc: "One section's title and date style; `<key>` is a section key (`work`, `skills`, …) or a custom section's `id`.",
    fields: &[
        same(
            "title",
            Kind::Text,
            "the section's title",
            r#""Technical Skills""#,
        ),
        field(
            "date_style",
            "dateStyle",
            Kind::Keyword(|| DateStyle::NAMES.to_vec()),
            "the date style of this section",
            r#""iso""#,
        ),
    ],
};

const fn names(f: fn() -> Vec<&'static str>) -> Kind {
    Kind::Keyword(f)
}

pub static DESIGN: Record = Record {
    name: "design",
    header: "[design]",
    doc: "The look: a theme, and any of its parameters changed for this résumé. A theme file has the same keys, with `extends` and `description` in place of `theme`. JSON Resume files carry the same table, with the same keys, under `design`.",
    fields: &[
        same(
            "paper",
            names(|| Paper::NAMES.to_vec()),
            "paper size (`--paper` overrides it)",
            r#""a4""#,
        ),
        same(
            "margins",
            Kind::LengthOr(&MARGINS, 0.0, 144.0),
            "page margins, 0 to 2 in, for every side or by side",
            r#""0.6in""#,
        ),
        same(
            "font",
            names(|| Family::NAMES.iter().map(|(n, _)| *n).collect()),
            "one bundled family for everything: \"sans\" is Noto Sans, \"serif\" Libertinus Serif",
            r#""serif""#,
        ),
        same(
            "fonts",
            Kind::Record(&FONTS),
            "a family per role",
            r#"{ "name": "serif", "body": "sans" }"#,
        ),
        same(
            "word_font",
            names(|| WordFont::ALL.iter().map(|f| f.name()).collect()),
            "the DOCX's font (LibreOffice uses its metric twin: Carlito, Caladea, Liberation)",
            r#""Calibri""#,
        ),
        same(
            "html_fonts",
            names(|| HtmlFonts::NAMES.to_vec()),
            "embed the PDF's fonts in the HTML, or name a system stack",
            r#""system""#,
        ),
        same(
            "body_size",
            Kind::Length {
                min: 4.0,
                max: 24.0,
            },
            "size of body text",
            "10.5",
        ),
        same(
            "name_size",
            Kind::Length {
                min: 4.0,
                max: 72.0,
            },
            "size of the name",
            "24",
        ),
        same(
            "headline_size",
            Kind::Length {
                min: 4.0,
                max: 36.0,
            },
            "size of the headline",
            "12",
        ),
        same(
            "section_size",
            Kind::Length {
                min: 4.0,
                max: 36.0,
            },
            "size of section titles",
            "12",
        ),
        same(
            "detail_size",
            Kind::Length {
                min: 4.0,
                max: 24.0,
            },
            "size of details: dates, places and keyword lines",
            r#""9pt""#,
        ),
        same(
            "leading",
            Kind::Number { min: 0.9, max: 3.0 },
            "line height as a multiple of the size",
            "1.2",
        ),
        same(
            "accent",
            Kind::Color { named: false },
            "the theme's accent colour",
            r##""#8b0000""##,
        ),
        same(
            "text_color",
            Kind::Color { named: false },
            "the colour of text",
            r##""#222222""##,
        ),
        same(
            "muted_color",
            Kind::Color { named: false },
            "the colour of details",
            r##""#555555""##,
        ),
        same(
            "link_color",
            Kind::Color { named: true },
            "the colour of links",
            r#""accent""#,
        ),
        same(
            "rule_color",
            Kind::Color { named: true },
            "the colour of section rules",
            r#""muted""#,
        ),
        same(
            "section_titles",
            Kind::Record(&SECTION_TITLES),
            "how section titles look",
            r#"{ "style": "rule-under", "case": "small-caps" }"#,
        ),
        same(
            "header",
            Kind::Record(&HEADER),
            "how the name and contact line look",
            r#"{ "align": "center" }"#,
        ),
        same(
            "entries",
            Kind::Record(&ENTRIES),
            "where an entry's dates stand",
            r#"{ "dates": "left" }"#,
        ),
        same(
            "bullet",
            Kind::Glyphs {
                max: 3,
                blank: false,
            },
            "the glyph before bullet points",
            r#""–""#,
        ),
        same(
            "bullet_indent",
            Kind::Length {
                min: 0.0,
                max: 72.0,
            },
            "indent of bullet text",
            r#""12pt""#,
        ),
        same(
            "spacing",
            Kind::Record(&SPACING),
            "gaps, in body lines",
            r#"{ "section": 1.0 }"#,
        ),
        same(
            "links",
            names(|| LinkStyle::NAMES.to_vec()),
            "how links are marked",
            r#""underline""#,
        ),
        same(
            "theme",
            Kind::Theme,
            "a built-in theme (`resume themes` lists them) or a theme file's path, relative to the source (any value with a `/` or ending in `.toml`); `--theme` replaces it, the other keys still apply. Default `classic`",
            r#""traditional""#,
        ),
    ],
};

pub static FONTS: Record = Record {
    name: "fonts",
    header: "[design.fonts]",
    doc: "A bundled family per role.",
    fields: &[
        same(
            "name",
            names(|| Family::NAMES.iter().map(|(n, _)| *n).collect()),
            "the name's family",
            r#""serif""#,
        ),
        same(
            "headings",
            names(|| Family::NAMES.iter().map(|(n, _)| *n).collect()),
            "the family of headings",
            r#""serif""#,
        ),
        same(
            "body",
            names(|| Family::NAMES.iter().map(|(n, _)| *n).collect()),
            "the family of body text",
            r#""sans""#,
        ),
    ],
};

pub static MARGINS: Record = Record {
    name: "margins",
    header: "[design.margins]",
    doc: "Margins by side; `x` sets left and right, `y` top and bottom.",
    fields: &[
        same(
            "top",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "top margin",
            r#""0.5in""#,
        ),
        same(
            "right",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "right margin",
            r#""0.5in""#,
        ),
        same(
            "bottom",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "bottom margin",
            r#""0.5in""#,
        ),
        same(
            "left",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "left margin",
            r#""0.5in""#,
        ),
        same(
            "x",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "left and right margins",
            r#""15mm""#,
        ),
        same(
            "y",
            Kind::Length {
                min: 0.0,
                max: 144.0,
            },
            "top and bottom margins",
            r#""12mm""#,
        ),
    ],
};

pub static SECTION_TITLES: Record = Record {
    name: "sectionTitles",
    header: "[design.section_titles]",
    doc: "How section titles look.",
    fields: &[
        same(
            "style",
            names(|| TitleStyle::NAMES.to_vec()),
            "a rule after the title, a rule under it, a tinted band, or nothing",
            r#""rule-under""#,
        ),
        same(
            "case",
            names(|| Case::NAMES.to_vec()),
            "letter case shown (the words stay as written for text extraction)",
            r#""small-caps""#,
        ),
        same(
            "align",
            names(|| Align::NAMES.to_vec()),
            "alignment",
            r#""left""#,
        ),
        same(
            "color",
            Kind::Color { named: true },
            "colour",
            r#""accent""#,
        ),
        same("bold", Kind::Bool, "bold or not", "true"),
    ],
};

pub static HEADER: Record = Record {
    name: "header",
    header: "[design.header]",
    doc: "How the name and the contact line look.",
    fields: &[
        same(
            "align",
            names(|| Align::NAMES.to_vec()),
            "alignment of the name and contact line",
            r#""center""#,
        ),
        same(
            "name_case",
            names(|| Case::NAMES.to_vec()),
            "letter case of the name",
            r#""upper""#,
        ),
        same("name_bold", Kind::Bool, "whether the name is bold", "true"),
        same(
            "name_color",
            Kind::Color { named: true },
            "colour of the name",
            r#""text""#,
        ),
        same(
            "separator",
            Kind::Glyphs {
                max: 12,
                blank: true,
            },
            "between contact items, spaces kept",
            r#""  •  ""#,
        ),
        same(
            "icons",
            Kind::Bool,
            "icons before contact items in the HTML",
            "false",
        ),
    ],
};

pub static ENTRIES: Record = Record {
    name: "entries",
    header: "[design.entries]",
    doc: "Where an entry's dates stand.",
    fields: &[
        same(
            "dates",
            names(|| DatesAt::NAMES.to_vec()),
            "dates flush right on the entry's first row, or in a column of their own beside its last heading row (the place then gets a row under the entry's lines)",
            r#""left""#,
        ),
        same(
            "date_column",
            Kind::Length {
                min: 36.0,
                max: 200.0,
            },
            "the widest that column may be; it narrows to the widest date, and longer ranges break after the dash",
            r#""1.1in""#,
        ),
    ],
};

pub static SPACING: Record = Record {
    name: "spacing",
    header: "[design.spacing]",
    doc: "Gaps, in body lines.",
    fields: &[
        same(
            "section",
            Kind::Number { min: 0.0, max: 4.0 },
            "before a section",
            "1.0",
        ),
        same(
            "after_title",
            Kind::Number { min: 0.0, max: 4.0 },
            "after a section title",
            "0.4",
        ),
        same(
            "entry",
            Kind::Number { min: 0.0, max: 4.0 },
            "between entries",
            "0.6",
        ),
        same(
            "bullet",
            Kind::Number { min: 0.0, max: 4.0 },
            "between bullets",
            "0.1",
        ),
    ],
};

pub static LINT: Record = Record {
    name: "lint",
    header: "[lint]",
    doc: "Settings of `resume lint` for this résumé (docs/lint.md explains every rule).",
    fields: &[
        same(
            "allow",
            Kind::Keywords(|| LINT_RULES.to_vec()),
            "rules not checked",
            r#"["no-metric", "employment-gap"]"#,
        ),
        field(
            "max_gap_months",
            "maxGapMonths",
            Kind::Whole { min: 1, max: 600 },
            "longest gap between jobs without a warning (default 6)",
            "9",
        ),
        field(
            "max_bullet_words",
            "maxBulletWords",
            Kind::Whole { min: 1, max: 500 },
            "most words in a bullet (default 40)",
            "35",
        ),
        field(
            "max_bullet_lines",
            "maxBulletLines",
            Kind::Whole { min: 1, max: 50 },
            "most lines a bullet takes in the theme (default 2)",
            "3",
        ),
        field(
            "max_summary_words",
            "maxSummaryWords",
            Kind::Whole { min: 1, max: 1000 },
            "most words in `basics.summary` (default 60)",
            "80",
        ),
    ],
};

pub static VARIANT: Record = Record {
    name: "variant",
    header: "[variants.<name>]",
    doc: "A tailored build: it keeps the entries and bullets tagged for it and may have its own look. Its name becomes part of file names, so it is letters, digits, `-` and `_`.",
    fields: &[
        same(
            "tags",
            Kind::Texts,
            "keep only entries and bullets with one of these tags (untagged ones always stay)",
            r#"["systems"]"#,
        ),
        field(
            "exclude_tags",
            "excludeTags",
            Kind::Texts,
            "leave out entries and bullets with one of these tags",
            r#"["frontend"]"#,
        ),
        same(
            "theme",
            Kind::Theme,
            "a built-in theme or a theme file (relative to the source), in place of `design.theme`",
            r#""compact""#,
        ),
        same(
            "paper",
            names(|| Paper::NAMES.to_vec()),
            "the paper of PDF, DOCX and printed HTML",
            r#""a4""#,
        ),
        field(
            "fit_pages",
            "fitPages",
            Kind::Whole { min: 1, max: 50 },
            "fit the paged formats on at most this many pages (default 1)",
            "2",
        ),
    ],
};

pub static WORK: Record = Record {
    name: "work",
    header: "[[work]]",
    doc: "A job. Several roles at one company go in `roles`, shown under the company's heading.",
    fields: &[
        required(also(
            field(
                "company",
                "name",
                Kind::Text,
                "the organisation",
                r#""Alibaba Group""#,
            ),
            &["company"],
        )),
        same(
            "position",
            Kind::Text,
            "your title",
            r#""Software Engineer Intern""#,
        ),
        same("team", Kind::Text, "your team", r#""Cloud Infrastructure""#),
        LOCATION_TEXT,
        same(
            "description",
            Kind::Text,
            "what the organisation does",
            r#""E-commerce and cloud computing""#,
        ),
        also(URL, &["website"]),
        START,
        END,
        SINGLE,
        SUMMARY,
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        also(
            same(
                "technologies",
                Kind::Texts,
                "shown as an italic line",
                r#"["Go", "Kubernetes"]"#,
            ),
            &["keywords"],
        ),
        same(
            "roles",
            Kind::Records(&ROLE),
            "several roles at this company",
            "",
        ),
        TAGS,
        EXTRA,
    ],
};

pub static ROLE: Record = Record {
    name: "role",
    header: "[[work.roles]]",
    doc: "One role at a company.",
    fields: &[
        required(same(
            "position",
            Kind::Text,
            "your title in this role",
            r#""Senior Engineer""#,
        )),
        same("team", Kind::Text, "your team", r#""Storage""#),
        LOCATION_TEXT,
        START,
        END,
        SINGLE,
        SUMMARY,
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        same(
            "technologies",
            Kind::Texts,
            "shown as an italic line",
            r#"["Rust"]"#,
        ),
        TAGS,
        EXTRA,
    ],
};

pub static EDUCATION: Record = Record {
    name: "education",
    header: "[[education]]",
    doc: "A school or degree; shown as \"Master of Science in Computer Science\".",
    fields: &[
        required(same(
            "institution",
            Kind::Text,
            "the school",
            r#""University of Illinois Urbana-Champaign""#,
        )),
        URL,
        same(
            "location",
            Kind::Text,
            "shown after the institution",
            r#""Urbana, IL""#,
        ),
        field(
            "degree",
            "studyType",
            Kind::Text,
            "the degree",
            r#""Master of Science""#,
        ),
        same(
            "area",
            Kind::Text,
            "the field of study",
            r#""Computer Science""#,
        ),
        START,
        END,
        SINGLE,
        also(
            field(
                "gpa",
                "score",
                Kind::Text,
                "shown as \"GPA: 3.95/4.0\"",
                r#""3.95/4.0""#,
            ),
            &["gpa"],
        ),
        same("honors", Kind::Texts, "honours", r#"["Dean's List"]"#),
        same(
            "courses",
            Kind::Texts,
            "courses taken",
            r#"["Distributed Systems"]"#,
        ),
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        TAGS,
        EXTRA,
    ],
};

pub static PROJECT: Record = Record {
    name: "project",
    header: "[[projects]]",
    doc: "A project.",
    fields: &[
        required(same(
            "name",
            Kind::Text,
            "the project",
            r#""Serverless scheduler""#,
        )),
        field(
            "kind",
            "type",
            Kind::Text,
            "what kind of project",
            r#""Research Project""#,
        ),
        URL,
        field(
            "url_label",
            "urlLabel",
            Kind::Text,
            "show the link as a separate word such as \"Link\" instead of linking the name; needs `url`",
            r#""Link""#,
        ),
        same(
            "note",
            Kind::Text,
            "a note after the name",
            r#""Selected to present at KubeCon 2021""#,
        ),
        same(
            "description",
            Kind::Rich,
            "a paragraph (rich text)",
            r#""A scheduler for **serverless** functions.""#,
        ),
        same(
            "entity",
            Kind::Text,
            "the organisation it was for",
            r#""UIUC""#,
        ),
        same("roles", Kind::Texts, "your roles", r#"["Lead developer"]"#),
        START,
        END,
        SINGLE,
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        field(
            "technologies",
            "keywords",
            Kind::Texts,
            "shown as an italic line",
            r#"["Rust", "eBPF"]"#,
        ),
        TAGS,
        EXTRA,
    ],
};

pub static SKILL: Record = Record {
    name: "skill",
    header: "[[skills]]",
    doc: "A group of skills, shown as \"**Name:** keyword, keyword\".",
    fields: &[
        required(same(
            "name",
            Kind::Text,
            "the group's name",
            r#""Languages""#,
        )),
        same("level", Kind::Text, "your level", r#""Advanced""#),
        same(
            "keywords",
            Kind::Texts,
            "the skills",
            r#"["Rust", "Go", "C++"]"#,
        ),
        TAGS,
        EXTRA,
    ],
};

pub static VOLUNTEER: Record = Record {
    name: "volunteer",
    header: "[[volunteer]]",
    doc: "Volunteering.",
    fields: &[
        required(also(
            same(
                "organization",
                Kind::Text,
                "the organisation",
                r#""Code Club""#,
            ),
            &["name"],
        )),
        same("position", Kind::Text, "your role", r#""Mentor""#),
        also(URL, &["website"]),
        LOCATION_TEXT,
        START,
        END,
        SINGLE,
        SUMMARY,
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        TAGS,
        EXTRA,
    ],
};

pub static AWARD: Record = Record {
    name: "award",
    header: "[[awards]]",
    doc: "An award.",
    fields: &[
        required(same("title", Kind::Text, "the award", r#""Best Paper""#)),
        same("date", Kind::Date, "when", r#""2021-05""#),
        same("awarder", Kind::Text, "who gave it", r#""EuroSys""#),
        SUMMARY,
        TAGS,
        EXTRA,
    ],
};

pub static CERTIFICATE: Record = Record {
    name: "certificate",
    header: "[[certificates]]",
    doc: "A certificate.",
    fields: &[
        required(same("name", Kind::Text, "the certificate", r#""CKA""#)),
        same("date", Kind::Date, "when", r#""2022""#),
        same("issuer", Kind::Text, "who issued it", r#""CNCF""#),
        URL,
        TAGS,
        EXTRA,
    ],
};

pub static PUBLICATION: Record = Record {
    name: "publication",
    header: "[[publications]]",
    doc: "A publication.",
    fields: &[
        required(same(
            "name",
            Kind::Text,
            "the title",
            r#""Fast Serverless Scheduling""#,
        )),
        same(
            "publisher",
            Kind::Text,
            "where it appeared",
            r#""USENIX ATC""#,
        ),
        field("date", "releaseDate", Kind::Date, "when", r#""2023-07""#),
        also(URL, &["website"]),
        SUMMARY,
        TAGS,
        EXTRA,
    ],
};

pub static LANGUAGE: Record = Record {
    name: "language",
    header: "[[languages]]",
    doc: "A language you speak.",
    fields: &[
        required(same(
            "language",
            Kind::Text,
            "the language",
            r#""Mandarin""#,
        )),
        same("fluency", Kind::Text, "how well", r#""Native""#),
        EXTRA,
    ],
};

pub static INTEREST: Record = Record {
    name: "interest",
    header: "[[interests]]",
    doc: "An interest.",
    fields: &[
        required(same("name", Kind::Text, "the interest", r#""Climbing""#)),
        same("keywords", Kind::Texts, "details", r#"["bouldering"]"#),
        EXTRA,
    ],
};

pub static REFERENCE: Record = Record {
    name: "reference",
    header: "[[references]]",
    doc: "A reference.",
    fields: &[
        required(same("name", Kind::Text, "who", r#""Jane Doe""#)),
        same(
            "reference",
            Kind::Rich,
            "what they say (rich text)",
            r#""Wenqing is a **careful** engineer.""#,
        ),
        EXTRA,
    ],
};

pub static CUSTOM: Record = Record {
    name: "custom",
    header: "[[custom]]",
    doc: "A section of your own: either `items` (bullets) or `entries`. Its `id` is the key `layout.order` names it by.",
    fields: &[
        required(same(
            "id",
            Kind::Id,
            "letters, digits, `-` and `_`; not the key of a built-in section",
            r#""talks""#,
        )),
        required(same(
            "title",
            Kind::Text,
            "the section's title",
            r#""Talks""#,
        )),
        same(
            "entries",
            Kind::Records(&CUSTOM_ENTRY),
            "entries with titles and dates",
            "",
        ),
        same(
            "items",
            Kind::Bullets,
            "a bulleted list",
            r#"["Rust at scale, RustConf 2023"]"#,
        ),
        json_only(
            "highlightTags",
            Kind::TagLists,
            "the tags of each bullet of `items`, in order (written by `resume convert`)",
            r#"[["systems"], []]"#,
        ),
        EXTRA,
    ],
};

pub static CUSTOM_ENTRY: Record = Record {
    name: "customEntry",
    header: "[[custom.entries]]",
    doc: "An entry of a custom section.",
    fields: &[
        required(same(
            "title",
            Kind::Text,
            "the entry's title",
            r#""Program committee""#,
        )),
        same("subtitle", Kind::Text, "a second heading", r#""EuroSys""#),
        LOCATION_TEXT,
        URL,
        START,
        END,
        SINGLE,
        SUMMARY,
        HIGHLIGHTS,
        HIGHLIGHT_TAGS,
        same(
            "keywords",
            Kind::Texts,
            "shown as an italic line",
            r#"["systems"]"#,
        ),
        TAGS,
        EXTRA,
    ],
};

pub static BULLET: Record = Record {
    name: "bullet",
    header: "highlights = [{ … }]",
    doc: "A bullet with tags (TOML only; JSON Resume keeps them in `highlightTags`).",
    fields: &[
        required(toml_only(
            "text",
            Kind::Rich,
            "the bullet (rich text)",
            r#""Cut p99 latency by **40%**.""#,
        )),
        toml_only(
            "tags",
            Kind::Texts,
            "tags for tailored builds",
            r#"["systems"]"#,
        ),
    ],
};

// ---------------------------------------------------------------------------
// The JSON Schema.

/// Where the schema of each dialect is committed, relative to the
/// workspace.
pub fn schema_path(d: Dialect) -> &'static str {
    match d {
        Dialect::Toml => "schema/resume.schema.json",
        Dialect::Json => "schema/json-resume.schema.json",
    }
}

/// The JSON Schema (draft-07, which taplo reads best) of a dialect,
/// pretty-printed with a final newline. Deterministic: objects keep the
/// table's order.
pub fn json_schema(d: Dialect) -> String {
    let mut s = serde_json::to_string_pretty(&schema_value(d)).expect("JSON values serialise");
    s.push('\n');
    s
}

fn schema_value(d: Dialect) -> J {
    let mut defs = Map::new();
    for r in RECORDS.iter().skip(1) {
        if r.fields.iter().any(|f| f.key(d).is_some()) {
            defs.insert(r.name.into(), record_schema(r, d));
        }
    }
    let (title, description) = match d {
        Dialect::Toml => (
            "Résumé source (TOML)",
            "A résumé in the TOML format of `resume` (docs/format.md). Generated by `cargo xtask schema`; do not edit.",
        ),
        Dialect::Json => (
            "Résumé source (JSON Resume with extensions)",
            "JSON Resume 1.x as `resume` reads it, with its extension keys (`layout`, `design`, `lint`, `variants`, `custom`, `tags`, …). Other keys are allowed, as JSON Resume allows them. Generated by `cargo xtask schema`; do not edit.",
        ),
    };
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    root.insert("title".into(), json!(title));
    root.insert("description".into(), json!(description));
    if let J::Object(body) = record_schema(&ROOT, d) {
        for (k, v) in body {
            if k != "description" {
                root.insert(k, v);
            }
        }
    }
    root.insert("definitions".into(), J::Object(defs));
    J::Object(root)
}

fn record_schema(r: &Record, d: Dialect) -> J {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in r.fields {
        let Some(key) = f.key(d) else { continue };
        props.insert(key.into(), field_schema(f, d));
        if f.required && d == Dialect::Toml {
            required.push(json!(key));
        }
    }
    let mut m = Map::new();
    m.insert("type".into(), json!("object"));
    m.insert("description".into(), json!(r.doc));
    m.insert("properties".into(), J::Object(props));
    if !required.is_empty() {
        // taplo writes these keys when it completes a new table.
        m.insert("x-taplo".into(), json!({ "initKeys": required.clone() }));
        m.insert("required".into(), J::Array(required));
    }
    // TOML: unknown keys are errors, so editors flag them. JSON Resume
    // allows keys of one's own.
    m.insert("additionalProperties".into(), json!(d == Dialect::Json));
    J::Object(m)
}

fn reference(r: &Record) -> J {
    json!({ "$ref": format!("#/definitions/{}", r.name) })
}

/// A regular expression matching `word` in any letter case (JSON Schema
/// patterns have no case flag).
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn url_schema() -> J {
    let schemes: Vec<String> = crate::url::ALLOWED_SCHEMES
        .iter()
        .map(|s| match *s {
            "http" | "https" => format!("{}://", any_case(s)),
            s => format!("{}:", any_case(s)),
        })
        .collect();
    json!({ "type": "string", "pattern": format!("^\\s*({})\\S+\\s*$", schemes.join("|")) })
}

const LENGTH_PATTERN: &str = "^\\s*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)\\s*(pt|in|mm|cm)?\\s*$";

fn length_schema(min: f32, max: f32) -> J {
    json!({ "anyOf": [
        { "type": "number", "minimum": min, "maximum": max },
        { "type": "string", "pattern": LENGTH_PATTERN },
    ] })
}

fn kind_schema(kind: Kind, d: Dialect) -> J {
    let string = || json!({ "type": "string" });
    match kind {
        Kind::Text | Kind::Rich | Kind::Locale => string(),
        Kind::Url => url_schema(),
        Kind::Email => json!({ "type": "string", "pattern": "^[^@\\s]+@\\S*\\.\\S*$" }),
        Kind::Date => json!({
            "type": "string",
            "pattern": format!("^\\s*([0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?|{})\\s*$", any_case("present")),
        }),
        Kind::Texts | Kind::Sections => json!({ "type": "array", "items": string() }),
        Kind::TagLists => {
            json!({ "type": "array", "items": { "type": "array", "items": string() } })
        }
        Kind::Bullets => match d {
            Dialect::Toml => {
                json!({ "type": "array", "items": { "anyOf": [string(), reference(&BULLET)] } })
            }
            Dialect::Json => json!({ "type": "array", "items": string() }),
        },
        Kind::Link => match d {
            Dialect::Toml => json!({ "anyOf": [url_schema(), reference(&LINK)] }),
            Dialect::Json => url_schema(),
        },
        Kind::Place => match d {
            Dialect::Toml => json!({ "anyOf": [string(), reference(&LOCATION)] }),
            Dialect::Json => reference(&LOCATION),
        },
        Kind::Record(r) => reference(r),
        Kind::Records(r) => json!({ "type": "array", "items": reference(r) }),
        Kind::Named(r) if r.name == VARIANT.name => json!({
            "type": "object",
            "propertyNames": { "pattern": "^[A-Za-z0-9_-]+$" },
            "additionalProperties": reference(r),
        }),
        Kind::Named(r) => json!({ "type": "object", "additionalProperties": reference(r) }),
        Kind::Free => json!({ "type": "object" }),
        Kind::Keyword(names) => json!({ "type": "string", "enum": names() }),
        Kind::Keywords(names) => {
            json!({ "type": "array", "items": { "type": "string", "enum": names() } })
        }
        Kind::Whole { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Number { min, max } => json!({ "type": "number", "minimum": min, "maximum": max }),
        Kind::Length { min, max } => length_schema(min, max),
        Kind::LengthOr(r, min, max) => {
            let mut any = match length_schema(min, max) {
                J::Object(mut m) => match m.remove("anyOf") {
                    Some(J::Array(a)) => a,
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            any.push(reference(r));
            json!({ "anyOf": any })
        }
        Kind::Color { named } => {
            let hex = json!({ "type": "string", "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" });
            if named {
                json!({ "anyOf": [hex, { "type": "string", "enum": ["accent", "text", "muted"] }] })
            } else {
                hex
            }
        }
        Kind::Glyphs { max, blank } => {
            let mut m = json!({ "type": "string", "minLength": 1, "maxLength": max });
            if !blank {
                m["pattern"] = json!("\\S");
            }
            m
        }
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Theme => json!({ "anyOf": [
            { "type": "string", "enum": crate::design::THEMES },
            { "type": "string", "pattern": "(/|\\\\|\\.toml$)" },
        ] }),
        Kind::Id => {
            json!({ "type": "string", "pattern": "^[A-Za-z0-9_-]+$", "not": { "enum": SECTION_KEYS } })
        }
    }
}

fn field_schema(f: &Field, d: Dialect) -> J {
    let mut s = match kind_schema(f.kind, d) {
        J::Object(m) => m,
        _ => Map::new(),
    };
    // draft-07 ignores keywords beside `$ref`, so a reference is wrapped.
    if s.contains_key("$ref") {
        s = match json!({ "allOf": [J::Object(s)] }) {
            J::Object(m) => m,
            _ => Map::new(),
        };
    }
    let mut m = Map::new();
    m.insert("description".into(), json!(describe(f, d)));
    m.append(&mut s);
    if !f.example.is_empty() {
        let example = serde_json::from_str::<J>(f.example).expect("examples in the table are JSON");
        m.insert("examples".into(), J::Array(vec![example]));
    }
    J::Object(m)
}

/// A field's description: its meaning, and where the two dialects differ.
fn describe(f: &Field, d: Dialect) -> String {
    let mut s = f.doc.to_string();
    if let Kind::Rich = f.kind {
        s.push_str(". Inline markup: **bold**, *italic*, `code`, [text](https://…)");
    }
    if let Kind::Locale = f.kind {
        s.push_str(&format!(". Built in: {}", crate::LOCALES.join(", ")));
    }
    if d == Dialect::Json && !f.also.is_empty() {
        let names: Vec<String> = f.also.iter().map(|a| format!("`{a}`")).collect();
        s.push_str(&format!(" (also read from {})", names.join(", ")));
    }
    s
}

// ---------------------------------------------------------------------------
// The reference in docs/format.md.

/// The markers around the generated reference in `docs/format.md`.
pub const DOCS_BEGIN: &str = "<!-- generated:keys (cargo xtask schema) -->";
pub const DOCS_END: &str = "<!-- end generated:keys -->";

/// The key reference of `docs/format.md`: one table per record.
pub fn reference_markdown() -> String {
    let mut out = String::new();
    for r in RECORDS {
        let heading = if r.header.contains(['[', '=']) {
            format!("`{}`", r.header)
        } else {
            r.header.to_string()
        };
        out.push_str(&format!("\n### {heading}\n\n{}\n\n", r.doc));
        out.push_str("| key | value | JSON Resume | meaning |\n|---|---|---|---|\n");
        for f in r.fields {
            let key = match f.key(Dialect::Toml) {
                Some(k) => format!("`{k}`"),
                None => "—".into(),
            };
            let json = match (f.key(Dialect::Json), f.also) {
                (Some(k), []) => format!("`{k}`"),
                (Some(k), also) => {
                    let also: Vec<String> = also.iter().map(|a| format!("`{a}`")).collect();
                    format!("`{k}` (also {})", also.join(", "))
                }
                (None, _) => "—".into(),
            };
            let mut value = value_text(f.kind, f.key(Dialect::Toml).is_some());
            if f.required {
                value.push_str(", required");
            }
            let mut meaning = f.doc.to_string();
            if !f.example.is_empty() {
                meaning.push_str(&format!("; e.g. `{}`", example_text(f)));
            }
            out.push_str(&format!(
                "| {key} | {} | {json} | {} |\n",
                cell(&value),
                cell(&meaning)
            ));
        }
    }
    out
}

/// Escapes a table cell's pipes.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// An example as the TOML format writes it (JSON-only keys as JSON).
fn example_text(f: &Field) -> String {
    let v: J = serde_json::from_str(f.example).expect("examples in the table are JSON");
    if f.key(Dialect::Toml).is_none() {
        return v.to_string();
    }
    toml_text(&v)
}

fn toml_text(v: &J) -> String {
    match v {
        J::Null => String::new(),
        J::Bool(b) => b.to_string(),
        J::Number(n) => n.to_string(),
        J::String(s) => J::String(s.clone()).to_string(),
        J::Array(a) => format!(
            "[{}]",
            a.iter().map(toml_text).collect::<Vec<_>>().join(", ")
        ),
        J::Object(o) => format!(
            "{{ {} }}",
            o.iter()
                .map(|(k, v)| format!("{k} = {}", toml_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn value_text(kind: Kind, toml: bool) -> String {
    let words = |names: Vec<&str>| {
        names
            .iter()
            .map(|n| format!("`\"{n}\"`"))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match kind {
        Kind::Text => "string".into(),
        Kind::Rich => "rich text".into(),
        Kind::Url => "link".into(),
        Kind::Email => "e-mail address".into(),
        Kind::Date => "date".into(),
        Kind::Texts => "array of strings".into(),
        Kind::TagLists => "array of arrays of strings".into(),
        Kind::Bullets if toml => "bullets (see `highlights = [{ … }]`)".into(),
        Kind::Bullets => "array of rich texts".into(),
        Kind::Link => "link, or table (see `basics.website = { … }`)".into(),
        Kind::Place => "string (a city), or table (see `[basics.location]`)".into(),
        Kind::Record(r) => format!("table (see `{}`)", r.header),
        Kind::Records(r) => format!("array of tables (see `{}`)", r.header),
        Kind::Named(r) => format!("tables by name (see `{}`)", r.header),
        Kind::Free => "table of free keys".into(),
        Kind::Keyword(names) => words(names()),
        Kind::Keywords(names) => format!("array of rule ids: {}", words(names())),
        Kind::Whole { min, max } => format!("whole number, {min} to {max}"),
        Kind::Number { min, max } => format!("number, {min} to {max}"),
        Kind::Length { min, max } => format!("length, {min} to {max} pt"),
        Kind::LengthOr(r, min, max) => {
            format!("length, {min} to {max} pt, or table (see `{}`)", r.header)
        }
        Kind::Color { named: false } => "colour".into(),
        Kind::Color { named: true } => "colour, or `\"accent\"` | `\"text\"` | `\"muted\"`".into(),
        Kind::Glyphs { max, blank: false } => format!("1 to {max} characters"),
        Kind::Glyphs { max, blank: true } => format!("1 to {max} characters, spaces kept"),
        Kind::Bool => "boolean".into(),
        Kind::Theme => format!(
            "{}, or a theme file's path",
            words(crate::design::THEMES.to_vec())
        ),
        Kind::Locale => format!("language tag; built in: {}", crate::LOCALES.join(", ")),
        Kind::Sections => "array of section keys".into(),
        Kind::Id => "identifier".into(),
    }
}

/// Replaces the generated reference between the markers of `docs`
/// (the text of `docs/format.md`); `None` when the markers are missing.
pub fn with_reference(docs: &str) -> Option<String> {
    let start = docs.find(DOCS_BEGIN)? + DOCS_BEGIN.len();
    let end = start + docs[start..].find(DOCS_END)?;
    Some(format!(
        "{}\n{}\n{}",
        &docs[..start],
        reference_markdown(),
        &docs[end..]
    ))
}

/// A document holding every key of `r` in dialect `d`, each with its
/// example (a table's own sample where the key holds tables): the proof,
/// read back, that the readers know every key listed here.
pub fn sample(r: &Record, d: Dialect) -> J {
    let mut m = Map::new();
    for f in r.fields {
        let Some(key) = f.key(d) else { continue };
        let value = match f.kind {
            Kind::Record(inner) => sample(inner, d),
            Kind::Records(inner) => J::Array(vec![sample(inner, d)]),
            Kind::Named(inner) => {
                // A name the reader accepts: a section's key, or a variant's.
                let name = if inner.name == VARIANT.name {
                    "systems"
                } else {
                    "work"
                };
                json!({ name: sample(inner, d) })
            }
            Kind::Link if d == Dialect::Toml => sample(&LINK, d),
            Kind::Place => sample(&LOCATION, d),
            Kind::LengthOr(inner, ..) => sample(inner, d),
            Kind::Bullets if d == Dialect::Toml => {
                let mut items = vec![example(f)];
                if let J::Array(a) = &mut items[0] {
                    a.push(sample(&BULLET, d));
                    items = a.clone();
                }
                J::Array(items)
            }
            _ => example(f),
        };
        if !value.is_null() {
            m.insert(key.into(), value);
        }
    }
    J::Object(m)
}

fn example(f: &Field) -> J {
    if f.example.is_empty() {
        return J::Null;
    }
    serde_json::from_str(f.example).expect("examples in the table are JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed file at `path` must be `generated`.
    #[track_caller]
    fn fresh(path: &str, committed: &str, generated: &str) {
        assert!(
            committed == generated,
            "{path} is stale: run `cargo xtask schema` and commit the result"
        );
    }

    #[test]
    fn committed_schemas_and_reference_are_fresh() {
        fresh(
            "schema/resume.schema.json",
            include_str!("../../../schema/resume.schema.json"),
            &json_schema(Dialect::Toml),
        );
        fresh(
            "schema/json-resume.schema.json",
            include_str!("../../../schema/json-resume.schema.json"),
            &json_schema(Dialect::Json),
        );
        let docs = include_str!("../../../docs/format.md");
        let Some(regenerated) = with_reference(docs) else {
            panic!("docs/format.md lacks the markers `{DOCS_BEGIN}` and `{DOCS_END}`");
        };
        fresh("docs/format.md", docs, &regenerated);
    }

    fn toml_text(v: &J) -> String {
        let value: toml::Value = serde_json::from_value(v.clone()).expect("a TOML value");
        toml::to_string(&value).expect("a TOML table")
    }

    /// Reading `source` gives no error and no unknown key.
    #[track_caller]
    fn clean(what: &str, parsed: crate::Parsed<crate::Resume>) -> crate::Resume {
        let (r, diags) = match parsed {
            Ok((r, w)) => (Some(r), w),
            Err(d) => (None, d),
        };
        let bad: Vec<&str> = diags
            .iter()
            .filter(|d| d.is_error() || d.message.starts_with("unknown key"))
            .map(|d| d.message.as_str())
            .collect();
        assert!(bad.is_empty(), "{what}: {bad:#?}");
        r.expect("no errors")
    }

    #[test]
    fn the_toml_reader_reads_every_key_listed() {
        let source = toml_text(&sample(&ROOT, Dialect::Toml));
        let r = clean(&source, crate::parse_toml(&source));
        // What was read comes back out of the writer, under the same keys.
        let (back, _) = crate::parse_toml(&crate::to_toml(&r)).expect("written TOML reads");
        assert_eq!(back, r);
    }

    #[test]
    fn the_json_reader_reads_every_key_listed() {
        let doc = sample(&ROOT, Dialect::Json);
        let text = serde_json::to_string_pretty(&doc).expect("JSON");
        let r = clean(&text, crate::parse_json(&text, false));
        let (back, _) = crate::parse_json(&crate::to_json(&r), false).expect("written JSON reads");
        assert_eq!(back, r);
    }

    /// Every other name a JSON key is read under is read, not kept as an
    /// unknown key.
    #[test]
    fn the_json_reader_reads_every_other_name_listed() {
        fn swap(r: &Record, v: &mut J) {
            let J::Object(m) = v else { return };
            for f in r.fields {
                let Some(key) = f.key(Dialect::Json) else {
                    continue;
                };
                if let Some(inner) = m.get_mut(key) {
                    match (f.kind, inner) {
                        (Kind::Record(rr), v) => swap(rr, v),
                        (Kind::Records(rr), J::Array(items)) => {
                            items.iter_mut().for_each(|v| swap(rr, v))
                        }
                        _ => {}
                    }
                }
                for alias in f.also {
                    if let Some(v) = m.remove(key) {
                        m.insert((*alias).to_string(), v);
                    }
                }
            }
        }
        let mut doc = sample(&ROOT, Dialect::Json);
        swap(&ROOT, &mut doc);
        let text = serde_json::to_string_pretty(&doc).expect("JSON");
        for alias in [
            "\"picture\"",
            "\"company\"",
            "\"keywords\"",
            "\"experience\"",
        ] {
            assert!(text.contains(alias), "{alias} in {text}");
        }
        let (_, warnings) = crate::parse_json(&text, false).expect("reads");
        let unknown: Vec<&str> = warnings
            .iter()
            .filter(|d| d.message.starts_with("unknown key"))
            .map(|d| d.message.as_str())
            .collect();
        assert!(unknown.is_empty(), "{unknown:#?}\n{text}");
    }

    #[test]
    fn keys_are_unique_and_examples_parse() {
        for r in RECORDS {
            for d in [Dialect::Toml, Dialect::Json] {
                let keys = r.accepted(d);
                for (i, k) in keys.iter().enumerate() {
                    assert!(!keys[..i].contains(k), "`{k}` twice in {}", r.name);
                }
            }
            for f in r.fields {
                if !f.example.is_empty() {
                    assert!(
                        serde_json::from_str::<J>(f.example).is_ok(),
                        "{}.{}: {}",
                        r.name,
                        f.toml,
                        f.example
                    );
                }
                assert!(
                    !f.doc.is_empty(),
                    "{}.{} has no description",
                    r.name,
                    f.toml
                );
            }
        }
    }
}
