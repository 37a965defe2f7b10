//! Checked values: a link target ([`SafeUrl`]), an e-mail address
//! ([`Email`]) and a language tag ([`LangTag`]).
//!
//! Each is checked once, where a source is read, and then travels as its
//! type: the fields are private and the only constructors validate, so a
//! backend that holds a `SafeUrl` holds a link it may write into an `href`
//! or a PDF annotation as it is, and never checks it again.

use std::fmt;
use std::ops::Deref;

/// The schemes a link may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// A link's scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
    Mailto,
    Tel,
}

/// A link target that passed [`SafeUrl::parse`]: absolute, with the scheme
/// `http`, `https` (and a host), `mailto` or `tel`, and none of the
/// characters a URL must percent-encode or a reader could be fooled by:
/// whitespace, control and invisible format characters (bidirectional
/// controls, zero-width characters, the byte order mark), `"`, `<`, `>`,
/// `\` and `` ` ``. Such characters are refused, not encoded: an address
/// that holds them was not copied from a browser's address bar, and what
/// it was meant to be is the author's call.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SafeUrl(String);

/// Why a link target was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    /// A path on the file's own site (`index-en.html`, `./cv.pdf`, `/about`):
    /// shown as text, never linked.
    Relative,
    /// A host name without a scheme (`example.com/cv`); the fix links it
    /// with `https://`.
    BareHost(SafeUrl),
    /// A scheme other than those allowed (`javascript:`, `ftp:`).
    Scheme(String),
    /// `https://` with no host, `mailto:` with no address.
    Incomplete,
    /// A character no link may hold.
    Character(char),
    /// Neither a link nor a path nor a host name.
    NotALink,
}

impl UrlError {
    /// The reason, for a message: "… is refused: <reason>".
    pub fn reason(&self, url: &str) -> String {
        match self {
            UrlError::Empty => "the link is empty".to_string(),
            UrlError::Relative => {
                format!("`{url}` is a path on the file's own site, not an address")
            }
            UrlError::BareHost(fixed) => format!("`{url}` has no scheme; linked as {fixed}"),
            UrlError::Scheme(s) => format!("links with the scheme `{s}:` are not allowed"),
            UrlError::Incomplete => format!("`{url}` is not a complete link"),
            UrlError::Character(c) => format!(
                "the link holds {}, which no address may hold",
                describe_char(*c)
            ),
            UrlError::NotALink => format!("`{url}` is not an absolute link"),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            UrlError::Character(c) if c.is_whitespace() => {
                "write spaces in an address as %20, or remove them"
            }
            UrlError::Character(_) => {
                "retype the address, or write the character percent-encoded (%22 for \")"
            }
            UrlError::Relative | UrlError::BareHost(_) => {
                "write the full address with https:// so it can be linked"
            }
            _ => {
                "write a full address such as https://example.com; allowed schemes are https:, http:, mailto: and tel:"
            }
        }
    }
}

/// A character as a message names it: itself when it is visible, else its
/// code point.
fn describe_char(c: char) -> String {
    if c == ' ' {
        "a space".to_string()
    } else if is_invisible(c) || c.is_whitespace() {
        format!("the invisible character U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

/// Control characters and the format characters that change how text is
/// shown without showing themselves: bidirectional embeddings, overrides,
/// isolates and marks, zero-width characters, the byte order mark, the
/// soft hyphen, and the interlinear annotation and tag characters.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{600}'..='\u{605}'
                | '\u{61c}'
                | '\u{6dd}'
                | '\u{70f}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0001}'
                | '\u{e0020}'..='\u{e007f}'
        )
}

/// Whether a link may not hold `c`.
fn forbidden(c: char) -> bool {
    c.is_whitespace() || is_invisible(c) || matches!(c, '"' | '<' | '>' | '\\' | '`')
}

impl SafeUrl {
    /// Checks a link target (surrounding whitespace aside).
    pub fn parse(url: &str) -> Result<SafeUrl, UrlError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(UrlError::Empty);
        }
        if let Some(c) = url.chars().find(|c| forbidden(*c)) {
            return Err(UrlError::Character(c));
        }
        let Some((scheme, rest)) = url.split_once(':').filter(|(s, _)| is_scheme(s)) else {
            return Err(if is_relative_path(url) {
                UrlError::Relative
            } else if is_bare_host(url) {
                match SafeUrl::parse(&format!("https://{url}")) {
                    Ok(fixed) => UrlError::BareHost(fixed),
                    Err(e) => e,
                }
            } else {
                UrlError::NotALink
            });
        };
        let lower = scheme.to_ascii_lowercase();
        let complete = match lower.as_str() {
            "http" | "https" => rest.strip_prefix("//").is_some_and(|r| {
                let authority = r.split(['/', '?', '#']).next().unwrap_or_default();
                let host = authority.rsplit('@').next().unwrap_or_default();
                let host = match host.rsplit_once(':') {
                    Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
                    _ => host,
                };
                !host.is_empty()
            }),
            "mailto" | "tel" => !rest.is_empty(),
            _ => return Err(UrlError::Scheme(scheme.to_string())),
        };
        if !complete {
            return Err(UrlError::Incomplete);
        }
        Ok(SafeUrl(url.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn scheme(&self) -> Scheme {
        let scheme = self.0.split(':').next().unwrap_or_default();
        match scheme.to_ascii_lowercase().as_str() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            "mailto" => Scheme::Mailto,
            _ => Scheme::Tel,
        }
    }

    /// Whether it is a page (`http` or `https`) rather than an address or
    /// a number.
    pub fn is_web(&self) -> bool {
        matches!(self.scheme(), Scheme::Http | Scheme::Https)
    }

    /// What follows the scheme's colon: the address of a `mailto:` link
    /// (with any `?subject=…`), the number of a `tel:` link.
    pub fn after_scheme(&self) -> &str {
        self.0.split_once(':').map_or("", |(_, rest)| rest)
    }
}

impl Deref for SafeUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SafeUrl {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A scheme as RFC 3986 spells it: a letter, then letters, digits, `+`,
/// `-` and `.`.
fn is_scheme(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// File name endings that say a link is a document on the file's own site
/// (`index-en.html`, `cv.pdf`), not a host name.
const FILE_ENDINGS: &[&str] = &[
    "html", "htm", "xhtml", "php", "asp", "aspx", "jsp", "pdf", "doc", "docx", "odt", "txt",
    "json", "xml", "png", "jpg", "jpeg", "gif", "svg", "webp",
];

/// Whether a link without a scheme is a relative path: `./cv.pdf`,
/// `../en/`, `/about`, or a file name such as `index-en.html`.
fn is_relative_path(s: &str) -> bool {
    if s.starts_with("./") || s.starts_with("../") || s.starts_with('/') || s.starts_with('#') {
        return true;
    }
    if s.contains(':') {
        return false;
    }
    let first = s.split(['/', '?', '#']).next().unwrap_or(s);
    let ending = first.rsplit('.').next().unwrap_or("");
    // `docs/cv.pdf`: a first part without a dot is a folder, not a host.
    (first.contains('.') && FILE_ENDINGS.contains(&ending.to_ascii_lowercase().as_str()))
        || (!first.contains('.') && s.contains('/'))
}

/// Whether a link without a scheme starts with a host name, as
/// `example.com` or `www.example.com/cv`: labels of letters, digits and
/// hyphens, the last of two letters or more.
fn is_bare_host(s: &str) -> bool {
    if s.contains(':') || s.contains(char::is_whitespace) {
        return false;
    }
    let host = s.split(['/', '?', '#']).next().unwrap_or(s);
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// A link field as read: an address that may be linked, or a path on the
/// file's own site, which is kept and shown as text but never linked (it
/// means nothing once the résumé leaves that site).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    Url(SafeUrl),
    Path(String),
}

impl LinkTarget {
    /// The address to link to, if it is one.
    pub fn url(&self) -> Option<&SafeUrl> {
        match self {
            LinkTarget::Url(u) => Some(u),
            LinkTarget::Path(_) => None,
        }
    }

    /// The text as written (after a repair such as `https://` added).
    pub fn as_str(&self) -> &str {
        match self {
            LinkTarget::Url(u) => u.as_str(),
            LinkTarget::Path(p) => p,
        }
    }
}

impl AsRef<str> for LinkTarget {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// An e-mail address as read: one address `local@domain.tld`, which is
/// linked with `mailto:`, or (when `build` reads a file leniently) text
/// that is not one, shown as written and never linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    text: String,
    valid: bool,
}

/// Why an e-mail address was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailError {
    /// Written as a link, `mailto:ann@example.com`; the address is given.
    Mailto(String),
    /// Not one address `local@domain`; the reason.
    Invalid(String),
}

impl Email {
    /// Checks an address: one `@` between a local part and a domain of
    /// dotted labels, and none of the characters that would make it more
    /// than an address in a `mailto:` link (`?`, `&`, `,`, `;`, `%`),
    /// markup (`<`, `>`, `"`, `(`, `)`, `[`, `]`, `\`, `` ` ``), spaces or
    /// invisible characters.
    pub fn parse(s: &str) -> Result<Email, EmailError> {
        let s = s.trim();
        if s.get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
        {
            return Err(EmailError::Mailto(s[7..].trim().to_string()));
        }
        let invalid = |why: &str| Err(EmailError::Invalid(why.to_string()));
        if let Some(c) = s
            .chars()
            .find(|c| c.is_whitespace() || is_invisible(*c) || "?&,;%<>\"()[]\\`:".contains(*c))
        {
            return invalid(&format!("it holds {}", describe_char(c)));
        }
        let Some((local, domain)) = s.split_once('@') else {
            return invalid("it has no `@`");
        };
        if domain.contains('@') {
            return invalid("it holds more than one `@`; give one address");
        }
        if local.is_empty() || local.starts_with('.') || local.ends_with('.') {
            return invalid("the part before `@` is empty or starts or ends with a dot");
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !domain_ok {
            return invalid("the part after `@` is not a domain such as example.com");
        }
        Ok(Email {
            text: s.to_string(),
            valid: true,
        })
    }

    /// Text kept as written although it is not an address: shown, not
    /// linked. Only the lenient reading makes one, after a warning.
    pub(crate) fn unchecked(text: String) -> Email {
        Email { text, valid: false }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the text passed [`Email::parse`].
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// The `mailto:` link of a valid address.
    pub fn mailto(&self) -> Option<SafeUrl> {
        self.valid.then(|| SafeUrl(format!("mailto:{}", self.text)))
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// A well-formed BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`): a
/// primary subtag of two to eight letters, then subtags of one to eight
/// letters or digits, joined by `-`. Safe in an attribute as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LangTag(String);

impl LangTag {
    /// Checks a tag (surrounding whitespace aside).
    pub fn parse(tag: &str) -> Option<LangTag> {
        let tag = tag.trim();
        let mut subtags = tag.split('-');
        let primary_ok = subtags.next().is_some_and(|p| {
            (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic())
        });
        let rest_ok = subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        (primary_ok && rest_ok).then(|| LangTag(tag.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower case: `pt` of `pt-BR`.
    pub fn primary(&self) -> String {
        self.0
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

/// English, the language of a résumé that names none.
impl Default for LangTag {
    fn default() -> LangTag {
        LangTag("en".to_string())
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for LangTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LangTag, D::Error> {
        let s = String::deserialize(d)?;
        LangTag::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a BCP 47 language tag")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(url: &str) {
        assert_eq!(
            SafeUrl::parse(url).map(|u| u.to_string()),
            Ok(url.trim().to_string())
        );
    }

    #[track_caller]
    fn refused(url: &str, expect: UrlError) {
        assert_eq!(SafeUrl::parse(url), Err(expect), "{url:?}");
    }

    #[test]
    fn one_rule_for_links() {
        ok("https://example.com");
        ok("HTTPS://example.com/a?b=1&c=2#d");
        ok("http://localhost:8080/");
        ok("https://user@example.com/");
        ok("mailto:a@example.com?subject=Hi");
        ok("tel:+15551234567");
        ok("  https://example.com/padded  ");
        refused("", UrlError::Empty);
        refused("https://", UrlError::Incomplete);
        refused("https:///path", UrlError::Incomplete);
        refused("https://:80/", UrlError::Incomplete);
        refused("https:example.com", UrlError::Incomplete);
        refused("mailto:", UrlError::Incomplete);
        refused("javascript:alert(1)", UrlError::Scheme("javascript".into()));
        refused("ftp://x.org", UrlError::Scheme("ftp".into()));
        refused("data:text/html,x", UrlError::Scheme("data".into()));
        for c in [
            '"',
            '<',
            '>',
            '\\',
            '`',
            ' ',
            '\t',
            '\u{0}',
            '\u{7f}',
            '\u{85}',
            '\u{a0}',
            '\u{200b}',
            '\u{200e}',
            '\u{200f}',
            '\u{202a}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{ad}',
            '\u{e0041}',
        ] {
            refused(&format!("https://exa{c}mple.com/"), UrlError::Character(c));
        }
        refused("index-en.html", UrlError::Relative);
        refused("./cv.pdf", UrlError::Relative);
        refused("/about", UrlError::Relative);
        refused("docs/cv.pdf", UrlError::Relative);
        refused(
            "www.example.com/cv",
            UrlError::BareHost(SafeUrl("https://www.example.com/cv".into())),
        );
        refused("index", UrlError::NotALink);
    }

    #[test]
    fn the_scheme_and_what_follows() {
        let u = SafeUrl::parse("MailTo:a@b.co").unwrap();
        assert_eq!(u.scheme(), Scheme::Mailto);
        assert_eq!(u.after_scheme(), "a@b.co");
        assert!(!u.is_web());
        assert!(SafeUrl::parse("http://a.b").unwrap().is_web());
    }

    #[test]
    fn relative_paths_and_bare_hosts() {
        for s in [
            "index-en.html",
            "./cv.pdf",
            "../en/",
            "/about",
            "cv.PDF",
            "docs/cv.pdf",
        ] {
            assert!(is_relative_path(s), "{s}");
        }
        for s in [
            "example.com",
            "www.example.com/cv",
            "ann.dev",
            "sub.example.co.uk/a?b",
        ] {
            assert!(!is_relative_path(s), "{s}");
            assert!(is_bare_host(s), "{s}");
        }
        for s in ["index", "a b.com", "1.2", "example.", ".com", "-x.com"] {
            assert!(!is_bare_host(s), "{s}");
        }
    }

    #[test]
    fn one_address_per_email_field() {
        for good in ["a@b.co", "ann.lee+cv@mail.example.org", "ü@bücher.de"] {
            let e = Email::parse(good).unwrap();
            assert_eq!(e.mailto().unwrap().as_str(), format!("mailto:{good}"));
        }
        assert_eq!(
            Email::parse("mailto:a@b.co"),
            Err(EmailError::Mailto("a@b.co".into()))
        );
        for bad in [
            "a@b.co?bcc=x@y.z",
            "a@b.co&cc=x",
            "a@b.co, c@d.co",
            "a @b.co",
            "<a@b.co>",
            "a@b.co\u{202e}",
            "ab.co",
            "a@b@c.co",
            "@b.co",
            "a@b",
            "a@-b.co",
            "a@b..co",
        ] {
            assert!(
                matches!(Email::parse(bad), Err(EmailError::Invalid(_))),
                "{bad:?}"
            );
        }
        let shown = Email::unchecked("ann at example".into());
        assert_eq!(shown.as_str(), "ann at example");
        assert_eq!(shown.mailto(), None);
    }

    #[test]
    fn language_tags_are_well_formed() {
        for good in ["en", " pt-BR ", "zh-Hant-TW", "de-1996"] {
            assert_eq!(LangTag::parse(good).unwrap().as_str(), good.trim());
        }
        for bad in [
            "",
            "e",
            "en\" onload=\"x",
            "en--US",
            "en_US",
            "toolongtag",
            "en-",
        ] {
            assert_eq!(LangTag::parse(bad), None, "{bad:?}");
        }
        assert_eq!(LangTag::parse("pt-BR").unwrap().primary(), "pt");
    }
}
