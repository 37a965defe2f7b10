//! The page read back with an HTML parser: its structure in every built-in
//! theme, its embedded fonts, its escaping of hostile text, its link
//! sanitising and its print fit.

mod support;

use resume_document::{
    Color, Contact, ContactKind, DatePoint, DateRange, Document, Entry, FitNote, Header, HtmlFonts,
    Meta, Note, Section, SectionBody, Span, Text, Theme,
};
use resume_html::{HtmlError, HtmlOptions, html, html_with_report};
use scraper::{ElementRef, Html, Selector};

fn render(doc: &Document) -> String {
    html(doc, &HtmlOptions::default()).expect("renders")
}

/// Parses `page`, failing on anything the HTML parser had to repair.
#[track_caller]
fn parse(page: &str) -> Html {
    let doc = Html::parse_document(page);
    assert_eq!(
        doc.errors,
        Vec::<std::borrow::Cow<str>>::new(),
        "parse errors"
    );
    doc
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn all<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(s)).collect()
}

fn text(e: &ElementRef<'_>) -> String {
    e.text().collect()
}

fn texts(doc: &Html, s: &str) -> Vec<String> {
    all(doc, s).iter().map(text).collect()
}

fn attrs(doc: &Html, s: &str, attr: &str) -> Vec<String> {
    all(doc, s)
        .iter()
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// A small document with one section holding `entries`.
fn with_entries(entries: Vec<Entry>) -> Document {
    let mut doc = resume_tests::seed_document();
    doc.sections = vec![Section {
        id: "work".into(),
        title: "Work".into(),
        body: SectionBody::Entries(entries),
    }];
    doc
}

#[test]
fn head_names_the_page_in_its_language() {
    let page = parse(&render(&resume_tests::seed_document()));
    assert_eq!(attrs(&page, "html", "lang"), ["en"]);
    assert_eq!(texts(&page, "head > title"), ["Wenqing Luo — Résumé"]);
    assert_eq!(attrs(&page, "meta[charset]", "charset"), ["utf-8"]);
    assert_eq!(
        attrs(&page, "meta[name=viewport]", "content"),
        ["width=device-width, initial-scale=1"]
    );
    assert_eq!(
        attrs(&page, "meta[name=description]", "content"),
        ["Résumé of Wenqing Luo"]
    );
    assert_eq!(
        attrs(&page, "meta[name=author]", "content"),
        ["Wenqing Luo"]
    );
}

#[test]
fn landmarks_and_headings_follow_the_document() {
    let doc = resume_tests::seed_document();
    let page = parse(&render(&doc));
    assert_eq!(texts(&page, "h1"), ["Wenqing Luo"]);
    assert_eq!(all(&page, "body > div > header > h1").len(), 1);
    assert_eq!(all(&page, "main").len(), 1);
    assert_eq!(
        attrs(&page, "main > section", "id"),
        ["education", "work", "projects", "skills"]
    );
    assert_eq!(
        texts(&page, "main > section > h2"),
        [
            "Education",
            "Work Experience",
            "Projects",
            "Technical Skills"
        ]
    );
    // Heading levels never skip one: h1, then h2s, each followed by h3s.
    let levels: Vec<u8> = all(&page, "h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| h.value().name().as_bytes()[1] - b'0')
        .collect();
    assert_eq!(levels[0], 1);
    assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{levels:?}");
    assert_eq!(levels.iter().filter(|&&l| l == 3).count(), 9);
    assert_eq!(
        texts(&page, "article.entry h3")[3],
        "Alibaba Group • Software Engineer Intern – Search Infrastructure"
    );
}

#[test]
fn bullets_are_list_items_and_dates_are_time_elements() {
    let doc = resume_tests::seed_document();
    let page = parse(&render(&doc));
    let bullets: usize = doc
        .sections
        .iter()
        .map(|s| match &s.body {
            SectionBody::Entries(es) => es.iter().map(|e| e.bullets.len()).sum(),
            _ => 0,
        })
        .sum();
    assert_eq!(all(&page, "article.entry > ul.bullets > li").len(), bullets);
    assert_eq!(
        texts(&page, "ul.items > li")[1],
        "System & Cloud: Docker, Kubernetes, Linux kernel, LLVM, UNIX network programming, Qemu, DPDK"
    );
    assert_eq!(
        texts(&page, "ul.items > li > strong"),
        [
            "Programming languages:",
            "System & Cloud:",
            "Web Development:"
        ]
    );

    let times = all(&page, "p.when > time");
    let first: Vec<(String, String)> = times[..2]
        .iter()
        .map(|t| (t.value().attr("datetime").unwrap_or("").into(), text(t)))
        .collect();
    assert_eq!(
        first,
        [
            ("2021-08".to_string(), "August 2021".to_string()),
            ("2023-05".to_string(), "May 2023".to_string())
        ]
    );
    // "Present" has no machine-readable date, so it is plain text.
    let sieve = all(&page, "#projects p.when")[0];
    assert_eq!(text(&sieve), "Jun 2021 – Present");
    assert_eq!(sieve.select(&sel("time")).count(), 1);
    // Locations sit in the head beside the second row.
    assert_eq!(
        texts(&page, "#work p.where"),
        ["Hangzhou, China", "Shanghai, China", "Shenzhen, China"]
    );
}

#[test]
fn contacts_are_labelled_links() {
    let page = parse(&render(&resume_tests::seed_document()));
    assert_eq!(
        attrs(&page, ".contacts a", "href"),
        [
            "tel:2172003227",
            "mailto:wenqing4@illinois.edu",
            "https://wenqingluo.com",
            "https://www.linkedin.com/in/wenqingluo",
            "https://github.com/laphets"
        ]
    );
    // A link whose visible text does not name its kind gets the kind in
    // front; the seed's profiles show their addresses, which name it.
    assert_eq!(
        attrs(&page, ".contacts a[aria-label]", "aria-label"),
        ["Phone: 217.200.3227", "Email: wenqing4@illinois.edu"]
    );
    // A profile's bare user name gets the network in its accessible name.
    let mut bare = resume_tests::seed_document();
    let github = bare
        .header
        .contacts
        .iter_mut()
        .find(|c| c.label == "GitHub")
        .expect("the seed links GitHub");
    github.text = "laphets".into();
    let bare = parse(&render(&bare));
    assert_eq!(
        attrs(&bare, ".contacts a[aria-label]", "aria-label")[2],
        "GitHub: laphets"
    );
    // Icons are decoration, hidden from assistive technology.
    let icons = all(&page, ".contacts svg");
    assert_eq!(icons.len(), 5);
    assert!(
        icons
            .iter()
            .all(|i| i.value().attr("aria-hidden") == Some("true"))
    );
}

#[test]
fn the_page_fetches_nothing() {
    let source = render(&resume_tests::seed_document());
    let page = parse(&source);
    assert!(
        all(
            &page,
            "link, img, iframe, object, embed, video, audio, base"
        )
        .is_empty()
    );
    assert!(attrs(&page, "[src]", "src").is_empty());
    assert!(!source.contains("@import"));
    // The only URLs in the stylesheet are the embedded fonts.
    assert_eq!(
        source.matches("url(").count(),
        source.matches("url(\"data:font/").count()
    );
    // The only script is the JSON-LD data block, which never runs.
    assert_eq!(attrs(&page, "script", "type"), ["application/ld+json"]);
}

#[test]
fn json_ld_describes_the_person() {
    let page = parse(&render(&resume_tests::seed_document()));
    let data = texts(&page, "script[type=\"application/ld+json\"]");
    let v: serde_json::Value = serde_json::from_str(&data[0]).expect("valid JSON");
    assert_eq!(v["@type"], "Person");
    assert_eq!(v["name"], "Wenqing Luo");
    assert_eq!(v["email"], "wenqing4@illinois.edu");
    assert_eq!(v["telephone"], "2172003227");
    assert_eq!(v["url"], "https://wenqingluo.com");
    assert_eq!(v["sameAs"][1], "https://github.com/laphets");

    let options = HtmlOptions {
        json_ld: false,
        ..HtmlOptions::default()
    };
    let page = parse(&html(&resume_tests::seed_document(), &options).expect("renders"));
    assert!(all(&page, "script").is_empty());
}

/// Text that would be markup, script or an attribute break-out if it were
/// not escaped.
const HOSTILE: &str =
    r#"<script>alert("x")</script><img src=x onerror=alert(1)> & "quoted" 'single'"#;

#[test]
fn source_text_never_becomes_markup() {
    let mut doc = resume_tests::seed_document();
    doc.meta.title = HOSTILE.into();
    doc.meta.subject = HOSTILE.into();
    doc.meta.author = HOSTILE.into();
    doc.meta.keywords = vec![HOSTILE.into()];
    // The language is a checked `LangTag`; a hostile one cannot be made.
    assert_eq!(resume_document::LangTag::parse(HOSTILE), None);
    doc.header.name = HOSTILE.into();
    doc.header.headline = Some(HOSTILE.into());
    doc.header.contacts = vec![Contact {
        kind: ContactKind::Profile,
        text: HOSTILE.into(),
        label: HOSTILE.into(),
        url: resume_document::SafeUrl::parse("https://example.com/").ok(),
    }];
    let mut entry = support::entry(support::text(vec![
        Span::strong(HOSTILE),
        Span::plain(HOSTILE),
    ]));
    entry.location = Some(HOSTILE.into());
    entry.bullets = vec![Text::plain(HOSTILE)];
    entry.dates = Some(DateRange {
        start: Some(DatePoint {
            display: HOSTILE.into(),
            iso: Some(HOSTILE.into()),
        }),
        end: None,
        separator: HOSTILE.into(),
    });
    doc.sections = vec![
        Section {
            id: HOSTILE.into(),
            title: HOSTILE.into(),
            body: SectionBody::Entries(vec![entry]),
        },
        Section {
            id: "x".into(),
            title: HOSTILE.into(),
            body: SectionBody::Paragraphs(vec![Text::plain(HOSTILE)]),
        },
        Section {
            id: "y".into(),
            title: HOSTILE.into(),
            body: SectionBody::List(vec![Text::plain(HOSTILE)]),
        },
    ];
    let source = render(&doc);
    let page = parse(&source);

    assert!(all(&page, "img, body script").is_empty());
    assert_eq!(all(&page, "script").len(), 1);
    assert!(!source.to_lowercase().contains("<script>alert"));
    // No element gained an attribute from the text.
    for e in all(&page, "*") {
        for (name, _) in e.value().attrs() {
            assert!(!name.starts_with("on"), "{name} on <{}>", e.value().name());
        }
    }
    // Every piece of text reads back exactly as written.
    assert_eq!(texts(&page, "title"), [HOSTILE]);
    assert_eq!(texts(&page, "h1"), [HOSTILE]);
    assert_eq!(texts(&page, ".headline"), [HOSTILE]);
    assert_eq!(texts(&page, ".contacts a"), [HOSTILE]);
    assert_eq!(texts(&page, "h2"), [HOSTILE, HOSTILE, HOSTILE]);
    assert_eq!(texts(&page, "h3"), [format!("{HOSTILE}{HOSTILE}")]);
    assert_eq!(texts(&page, "p.when"), [HOSTILE]);
    assert_eq!(texts(&page, "p.where"), [HOSTILE]);
    assert_eq!(texts(&page, "ul.bullets > li"), [HOSTILE]);
    assert_eq!(texts(&page, "section > p"), [HOSTILE]);
    assert_eq!(texts(&page, "ul.items > li"), [HOSTILE]);
    assert_eq!(attrs(&page, "meta[name=description]", "content"), [HOSTILE]);
    assert_eq!(attrs(&page, "meta[name=author]", "content"), [HOSTILE]);
    assert_eq!(attrs(&page, "html", "lang"), ["en"]);
    assert_eq!(
        attrs(&page, "main > section", "id"),
        ["section-1", "x", "y"]
    );
    // A hostile date is not a machine-readable one.
    assert!(all(&page, "time").is_empty());
}

#[test]
fn json_ld_cannot_close_its_script_element() {
    let mut doc = resume_tests::seed_document();
    let name = "</script><script>alert(1)</script><!--";
    doc.header.name = name.into();
    doc.header.headline = Some("</SCRIPT >".into());
    let source = render(&doc);
    let page = parse(&source);
    assert_eq!(all(&page, "script").len(), 1);
    assert_eq!(source.to_lowercase().matches("</script").count(), 1);
    let data = texts(&page, "script");
    let v: serde_json::Value = serde_json::from_str(&data[0]).expect("valid JSON");
    assert_eq!(v["name"], name);
    assert_eq!(v["jobTitle"], "</SCRIPT >");
}

#[track_caller]
fn check_link(url: &str, linked: bool) {
    let mut doc = resume_tests::seed_document();
    doc.header.contacts = vec![Contact {
        kind: ContactKind::Website,
        text: "site".into(),
        label: "Website".into(),
        url: resume_document::SafeUrl::parse(url).ok(),
    }];
    doc.sections = vec![Section {
        id: "s".into(),
        title: "S".into(),
        body: SectionBody::Paragraphs(vec![support::text(vec![
            Span::plain("see "),
            support::link("here", url),
        ])]),
    }];
    let page = parse(&render(&doc));
    let hrefs = attrs(&page, "a", "href");
    let expect: Vec<String> = if linked {
        vec![url.trim().to_string(); 2]
    } else {
        Vec::new()
    };
    assert_eq!(hrefs, expect, "{url:?}");
    // The text stays, linked or not.
    assert_eq!(texts(&page, "section > p"), ["see here"]);
    assert_eq!(texts(&page, ".contacts li"), ["site"]);
}

#[test]
fn only_http_https_mailto_and_tel_reach_an_href() {
    check_link("https://example.com/path?q=1&r=2", true);
    check_link("http://example.com", true);
    check_link("mailto:someone@example.com", true);
    check_link("tel:+44 20 7946 0000", false);
    check_link("tel:+442079460000", true);
    check_link("javascript:alert(document.cookie)", false);
    check_link(" JAVASCRIPT:alert(1)", false);
    check_link("jav&#x09;ascript:alert(1)", false);
    check_link("java\u{9}script:alert(1)", false);
    check_link(
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        false,
    );
    check_link("vbscript:msgbox(1)", false);
    check_link("file:///etc/passwd", false);
    check_link("//evil.example", false);
    check_link("/relative/path", false);
}

#[test]
fn roles_nest_one_heading_level_down() {
    let mut org = support::entry(Text::plain("Acme"));
    let mut role = support::entry(Text::plain("Engineer"));
    role.dates = support::range(("Jan 2020", "2020-01"), ("Present", None));
    role.bullets = vec![Text::plain("Built things.")];
    let mut deeper = support::entry(Text::plain("Detail"));
    let mut deepest = support::entry(Text::plain("More detail"));
    deepest.roles = vec![support::entry(Text::plain("Most detail"))];
    deeper.roles = vec![deepest];
    role.roles = vec![deeper];
    org.roles = vec![role, support::entry(Text::plain("Intern"))];
    let page = parse(&render(&with_entries(vec![org])));
    assert_eq!(texts(&page, "article h3"), ["Acme"]);
    assert_eq!(
        texts(&page, "article article > .head > h4"),
        ["Engineer", "Intern"]
    );
    assert_eq!(texts(&page, "h5"), ["Detail"]);
    // HTML has six levels; deeper roles stay at the sixth.
    assert_eq!(texts(&page, "h6"), ["More detail", "Most detail"]);
    assert_eq!(texts(&page, "article article li"), ["Built things."]);
}

/// The classes of an entry head's children, in reading order.
fn head_classes(page: &Html) -> Vec<Vec<String>> {
    all(page, ".head")
        .iter()
        .map(|h| {
            h.child_elements()
                .map(|c| c.value().attr("class").unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn head_rows_follow_the_designs_entry_layout() {
    let mut both = support::entry(Text::plain("Both"));
    both.dates = support::range(("Jan 2020", "2020-01"), ("Present", None));
    both.location = Some("Berlin".into());
    both.lines = vec![
        resume_document::Line {
            text: Text::plain("Role"),
            kind: resume_document::LineKind::Subtitle,
        },
        resume_document::Line {
            text: Text::plain("Tools"),
            kind: resume_document::LineKind::Keywords,
        },
    ];
    let mut place = support::entry(Text::plain("Place only"));
    place.location = Some("Paris".into());
    let mut dates = support::entry(Text::plain("Dates only"));
    dates.dates = support::range(("Jan 2020", "2020-01"), ("Feb 2020", Some("2020-02")));
    let doc = with_entries(vec![both, place, dates]);
    // Dates, then the place, flush right from the first row down; a lone
    // item is read right after the title, two after the lines.
    assert_eq!(
        head_classes(&parse(&render(&doc))),
        [
            vec![
                "title l1",
                "line subtitle l2",
                "line keywords more wide",
                "when r1",
                "where r2"
            ],
            vec!["title l1", "where r1"],
            vec!["title l1", "when r1"],
        ]
    );
    // With dates in a column, the place is the last row and the dates are
    // read right before the row they stand beside, the last; a range too
    // wide for the column breaks and climbs beside the row above.
    let mut long = support::entry(Text::plain("Long dates"));
    long.dates = support::range(
        ("September 2020", "2020-09"),
        ("December 2021", Some("2021-12")),
    );
    long.lines = vec![resume_document::Line {
        text: Text::plain("Degree"),
        kind: resume_document::LineKind::Subtitle,
    }];
    let mut timeline = doc.clone();
    if let SectionBody::Entries(es) = &mut timeline.sections[0].body {
        es.push(long);
    }
    timeline.theme = resume_model::Theme::builtin("timeline").expect("built in");
    let page = parse(&render(&timeline));
    assert_eq!(
        head_classes(&page),
        [
            vec![
                "title l1 wide",
                "line subtitle l2 wide",
                "line keywords more wide",
                "when col",
                "where row"
            ],
            vec!["title l1 wide", "where row"],
            vec!["when col", "title l1 wide"],
            vec!["title l1 wide", "when col climb", "line subtitle l2 wide"],
        ]
    );
    assert_eq!(
        texts(&page, "article.dated > .head > p.when.col"),
        [
            "Jan 2020 – Present",
            "Jan 2020 – Feb 2020",
            "September 2020 – December 2021"
        ]
    );
    assert_eq!(all(&page, "p.when.col br").len(), 1);
    assert_eq!(
        attrs(&page, "p.when.col", "style"),
        ["grid-row: 4", "grid-row: 1", "grid-row: 2; --climb: 1"]
    );
}

#[test]
fn empty_and_degenerate_documents_still_make_a_page() {
    let doc = Document {
        meta: Meta {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            language: resume_document::LangTag::default(),
            direction: Default::default(),
            page_label: "Page {page} of {pages}".into(),
            label_pattern: "{label}: {value}".into(),
        },
        header: Header {
            name: "Ada Lovelace".into(),
            headline: Some("  ".into()),
            contacts: vec![Contact {
                kind: ContactKind::Location,
                text: "London".into(),
                label: "Location".into(),
                url: None,
            }],
        },
        sections: vec![Section {
            id: "empty".into(),
            title: "Empty".into(),
            body: SectionBody::Entries(vec![support::entry(Text::default())]),
        }],
        theme: Theme::default(),
    };
    let page = parse(&render(&doc));
    assert_eq!(texts(&page, "title"), ["Ada Lovelace"]);
    assert_eq!(attrs(&page, "html", "lang"), ["en"]);
    assert!(all(&page, "meta[name=description], .headline").is_empty());
    assert_eq!(texts(&page, ".contacts li"), ["London"]);
    assert!(all(&page, ".contacts a").is_empty());
}

/// The body size the print block of the stylesheet sets, in points.
fn print_size(source: &str) -> f32 {
    let at = source.find("@media print {").expect("print rules");
    let rest = &source[at..];
    let start = rest.find("--body-size: ").expect("print body size") + "--body-size: ".len();
    let end = rest[start..].find("pt").expect("points") + start;
    rest[start..end].parse().expect("a number")
}

/// The body size the screen sets, in points: the design's, enlarged.
fn screen_size(source: &str) -> f32 {
    let at = source.find(":root {").expect("screen rules");
    let rest = &source[at..];
    let start = rest.find("--body-size: ").expect("screen body size") + "--body-size: ".len();
    let end = rest[start..].find("pt").expect("points") + start;
    rest[start..end].parse().expect("a number")
}

#[test]
fn print_fits_the_seed_on_one_page_and_leaves_short_and_long_documents_alone() {
    let seed = resume_tests::seed_document();
    let natural = seed.theme.body_size;
    let fitted = print_size(&render(&seed));
    assert!((8.5..=natural).contains(&fitted), "{fitted}");
    // The shared fit search's steps: a quarter point at a time.
    assert_eq!((fitted * 4.0).fract(), 0.0, "{fitted}");
    // The screen keeps the design's own size.
    assert_eq!(screen_size(&render(&seed)), natural * 1.25);

    let unfitted = HtmlOptions {
        fit_pages: None,
        ..HtmlOptions::default()
    };
    assert_eq!(
        print_size(&html(&seed, &unfitted).expect("renders")),
        natural
    );
    let two = HtmlOptions {
        fit_pages: Some(2),
        ..HtmlOptions::default()
    };
    assert_eq!(print_size(&html(&seed, &two).expect("renders")), natural);

    let report = html_with_report(&seed, &HtmlOptions::default()).expect("renders");
    assert_eq!(report.pages, 1);
    assert!(
        matches!(
            report.notes[..],
            [Note::Fit(FitNote::Tightened {
                target: 1,
                pages: 1,
                ..
            })]
        ),
        "{:?}",
        report.notes
    );
    let zero = HtmlOptions {
        fit_pages: Some(0),
        ..HtmlOptions::default()
    };
    assert!(matches!(
        html(&seed, &zero),
        Err(HtmlError::InvalidOption(_))
    ));

    let mut short = seed.clone();
    short.sections.truncate(1);
    assert_eq!(print_size(&render(&short)), natural);
    let report = html_with_report(&short, &HtmlOptions::default()).expect("renders");
    assert!(report.notes.is_empty());

    // Three times the content cannot fit one page legibly: the design's
    // size stands and the page runs on.
    let mut long = seed.clone();
    for _ in 0..2 {
        long.sections.extend(seed.sections.iter().cloned());
    }
    let report = html_with_report(&long, &HtmlOptions::default()).expect("renders");
    assert_eq!(print_size(&report.html), natural);
    assert!(report.pages > 1);
    assert!(
        matches!(
            report.notes[..],
            [Note::Fit(FitNote::CannotFit { target: 1, .. })]
        ),
        "{:?}",
        report.notes
    );
}

#[test]
fn the_theme_sets_colours_sizes_and_paper() {
    let mut doc = resume_tests::seed_document();
    doc.theme.colors.accent = Color::rgb(0x8b, 0x1e, 0x3f);
    doc.theme.paper = resume_document::Paper::A4;
    doc.theme.body_size = 10.0;
    doc.theme.name_size = 30.0;
    let options = HtmlOptions {
        fit_pages: None,
        ..HtmlOptions::default()
    };
    let source = html(&doc, &options).expect("renders");
    assert!(source.contains("color: #8b1e3f"));
    assert!(source.contains("size: A4;"));
    assert!(source.contains("--name-size: 30pt;"));

    // A pale colour would fail contrast on white; it is darkened, not used.
    doc.theme.colors.muted = Color::rgb(0xbb, 0xbb, 0xbb);
    doc.theme.body_size = f32::NAN;
    doc.theme.leading = f32::INFINITY;
    let source = render(&doc);
    let css = &source[source.find("<style>").unwrap()..source.find("</style>").unwrap()];
    assert!(!css.contains("#bbbbbb"));
    assert!(!css.contains("NaN") && !css.contains("inf"), "{css}");
    parse(&source);
}

/// Heading levels in document order.
fn heading_levels(page: &Html) -> Vec<u8> {
    all(page, "h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| h.value().name().as_bytes()[1] - b'0')
        .collect()
}

#[test]
fn every_theme_gives_a_small_valid_self_contained_page() {
    for name in resume_model::THEMES {
        let doc = support::seed_in(name);
        let out = html_with_report(&doc, &HtmlOptions::default()).expect("renders");
        let source = &out.html;
        let page = parse(source);
        assert_eq!(texts(&page, "h1"), ["Wenqing Luo"], "{name}");
        let levels = heading_levels(&page);
        assert_eq!(levels[0], 1, "{name}");
        assert!(
            levels.windows(2).all(|w| w[1] <= w[0] + 1),
            "{name}: {levels:?}"
        );
        assert_eq!(
            texts(&page, "main > section > h2").len(),
            doc.sections.len(),
            "{name}"
        );
        // Nothing is fetched: every URL is an embedded font.
        assert!(
            all(&page, "link, img, iframe, object, embed, base, [src]").is_empty(),
            "{name}"
        );
        let fonts = support::data_uris(source);
        assert_eq!(source.matches("url(").count(), fonts.len(), "{name}");
        assert!(!source.contains("@import"), "{name}");
        // The design embeds its faces: at least regular and bold, each
        // declared once and cut down to a few kilobytes.
        assert_eq!(
            doc.theme.html_fonts,
            HtmlFonts::Embed,
            "{name}: the built-in themes embed their fonts"
        );
        assert!(fonts.len() >= 2, "{name}: {} faces", fonts.len());
        for (mime, data) in &fonts {
            assert!(["font/ttf", "font/otf"].contains(mime), "{name}: {mime}");
            assert!(data.len() < 40_000, "{name}: a {} byte face", data.len());
        }
        let family = if doc.theme.fonts.body.is_serif() {
            "Libertinus Serif"
        } else {
            "Noto Sans"
        };
        assert!(
            source.contains(&format!("font-family: \"{family}\", ")),
            "{name}: the body is not set in {family} with a fallback"
        );
        assert!(
            source.len() <= 150_000,
            "{name}: the page is {} bytes",
            source.len()
        );
        assert_eq!(out.pages, 1, "{name}");
    }
}

#[test]
fn the_embedded_faces_draw_every_character_the_page_shows() {
    use base64::Engine;
    for name in resume_model::THEMES {
        let source = render(&support::seed_in(name));
        let fonts: Vec<Vec<u8>> = support::data_uris(&source)
            .into_iter()
            .map(|(_, data)| {
                base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .expect("base64")
            })
            .collect();
        let faces: Vec<ttf_parser::Face<'_>> = fonts
            .iter()
            .map(|f| ttf_parser::Face::parse(f, 0).expect("a font the parser reads"))
            .collect();
        let page = parse(&source);
        let body = all(&page, "body")[0];
        let missing: String = body
            .text()
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace())
            .filter(|&c| faces.iter().all(|f| f.glyph_index(c).is_none()))
            .collect();
        assert_eq!(missing, "", "{name}");
    }
}

#[test]
fn each_theme_option_reaches_the_stylesheet() {
    let page = |name: &str| render(&support::seed_in(name));
    let classic = page("classic");
    assert!(classic.contains("h2::after {"));
    assert_eq!(all(&parse(&classic), ".contacts svg").len(), 5);

    let compact = page("compact");
    assert!(compact.contains("text-transform: uppercase"));
    assert!(compact.contains("border-bottom: var(--rule-width) solid var(--rule)"));
    // The list marker is the theme's square bullet.
    assert!(compact.contains(r#"list-style-type: "\25aa \a0 \a0 ";"#));
    assert!(all(&parse(&compact), ".contacts svg").is_empty());

    let timeline = page("timeline");
    assert!(timeline.contains("background: var(--band);"));
    assert!(timeline.contains("print-color-adjust: exact;"));
    let timeline = parse(&timeline);
    // Dates stand in the column, beside the place, the head's last row.
    assert_eq!(
        texts(&timeline, "#work .when.col")[0],
        "Jun 2020 – Dec 2020"
    );
    assert!(all(&timeline, ".head > .when.r1").is_empty());
    assert_eq!(texts(&timeline, "#work .where.row")[0], "Hangzhou, China");

    // Small capitals come from Libertinus's own, in a face of their own.
    let traditional = page("traditional");
    assert!(traditional.contains("font-family: \"Libertinus Serif SC\";"));
    assert!(traditional.contains("font-family: \"Libertinus Serif SC\", \"Libertinus Serif\", "));
    assert!(!traditional.contains("font-variant-caps"));
    assert!(traditional.contains("text-align: center"));
}

#[test]
fn system_fonts_embed_nothing_and_name_a_stack_of_the_same_character() {
    for name in ["classic", "traditional"] {
        let mut theme = resume_model::Theme::builtin(name).expect("built in");
        theme.html_fonts = HtmlFonts::System;
        let doc = support::seed_with(theme);
        let out = html_with_report(&doc, &HtmlOptions::default()).expect("renders");
        assert!(!out.html.contains("@font-face"), "{name}");
        assert!(!out.html.contains("url("), "{name}");
        assert!(out.html.len() < 40_000, "{name}: {} bytes", out.html.len());
        assert_eq!(out.pages, 1, "{name}");
        parse(&out.html);
    }
    let mut theme = resume_model::Theme::builtin("traditional").expect("built in");
    theme.html_fonts = HtmlFonts::System;
    let source = render(&support::seed_with(theme));
    assert!(source.contains(r#"font-family: "Times New Roman", Times, "Liberation Serif""#));
    // Without the embedded small-capital face, the browser makes them.
    assert!(source.contains("font-variant-caps: small-caps"));
}

#[test]
fn links_like_the_text_are_underlined_on_screen_and_as_designed_in_print() {
    let decorations = |source: &str| {
        let screen = source
            .lines()
            .find(|l| l.starts_with(".contacts a {"))
            .expect("a contact link rule")
            .to_string();
        let print = source
            .lines()
            .find(|l| l.trim_start().starts_with("a, .contacts a {"))
            .expect("a print link rule")
            .trim()
            .to_string();
        (screen, print)
    };
    let mut theme = resume_model::Theme::builtin("classic").expect("built in");
    let (screen, print) = decorations(&render(&support::seed_with(theme.clone())));
    assert!(screen.contains("text-decoration: none"), "{screen}");
    assert!(print.contains("text-decoration: none"), "{print}");
    theme.links = resume_document::LinkStyle::Plain;
    let (screen, print) = decorations(&render(&support::seed_with(theme.clone())));
    assert!(screen.contains("text-decoration: underline"), "{screen}");
    assert!(print.contains("text-decoration: none"), "{print}");
    theme.links = resume_document::LinkStyle::Underline;
    let (screen, print) = decorations(&render(&support::seed_with(theme)));
    assert!(screen.contains("text-decoration: underline"), "{screen}");
    assert!(print.contains("text-decoration: underline"), "{print}");
}

/// `page` with every colour replaced by a placeholder.
fn without_colours(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let hex = &rest[at + 1..];
        if hex.len() >= 6 && hex[..6].bytes().all(|b| b.is_ascii_hexdigit()) {
            out.push_str("#COLOUR");
            rest = &hex[6..];
        } else {
            out.push('#');
            rest = hex;
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn an_accent_override_changes_only_colours() {
    for name in resume_model::THEMES {
        let theme = resume_model::Theme::builtin(name).expect("built in");
        let mut red = theme.clone();
        red.colors.accent = Color::rgb(0x9b, 0x1c, 0x31);
        let before = render(&support::seed_with(theme));
        let after = render(&support::seed_with(red));
        assert_eq!(without_colours(&before), without_colours(&after), "{name}");
        // The accent reaches the page wherever the theme paints with it.
        if name != "compact" && name != "traditional" {
            assert_ne!(before, after, "{name}");
            assert!(after.contains("#9b1c31"), "{name}");
        }
    }
}

#[test]
fn output_is_deterministic() {
    for name in resume_model::THEMES {
        let doc = support::seed_in(name);
        assert_eq!(render(&doc), render(&doc), "{name}");
    }
}
