//! The one decoder of HTML character references (`&amp;`, `&eacute;`, `&#7879;`, `&#x1EC7;`)
//! for every place that meets them outside a real HTML parser: feed repair, feed titles, the
//! search index. Named references come from the WHATWG table as html5ever builds it
//! (`web_atoms`, already compiled in for html2text). Not quick-xml's `escape-html` table:
//! in quick-xml 0.42 it has 444 wrong code points (`&dstrok;` is U+0011, `&abreve;`
//! U+0010, `&alpha;` `;`) and lacks the 99 two-code-point names.
//!
//! Linear by construction: a reference is looked for only within [`MAX_REFERENCE`] bytes of
//! its `&`, so a run of `&` with no `;` costs a bounded look-ahead each.

/// Longest reference body looked at after a `&` (the longest HTML5 name has 31 letters).
pub const MAX_REFERENCE: usize = 32;

/// What a reference stands for: one code point, or two for a few named entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    pub first: char,
    pub second: Option<char>,
}

impl Decoded {
    pub fn push_to(self, out: &mut String) {
        out.push(self.first);
        out.extend(self.second);
    }

    /// The code points, for callers that re-encode them.
    pub fn chars(self) -> impl Iterator<Item = char> {
        std::iter::once(self.first).chain(self.second)
    }
}

/// A reference at the start of `s` (which starts with `&`), split into its body (between
/// `&` and `;`) and the length through the `;`. `None` when no `;` comes within
/// [`MAX_REFERENCE`] bytes of name characters (ASCII letters, digits, `#`).
pub fn reference_body(s: &str) -> Option<(&str, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body
        .bytes()
        .take(MAX_REFERENCE + 1)
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))?;
    (body.as_bytes()[end] == b';' && end > 0).then(|| (&body[..end], end + 2))
}

/// The character of a numeric reference body (`#233`, `#xE9`), if it names a scalar value.
pub fn numeric(body: &str) -> Option<char> {
    let num = body.strip_prefix('#')?;
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        Some(_) => return None,
        None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => num.parse().ok()?,
        None => return None,
    };
    char::from_u32(code)
}

/// The text of a reference body: numeric, or a named HTML5 entity.
pub fn decode_body(body: &str) -> Option<Decoded> {
    if body.starts_with('#') {
        return numeric(body).map(|first| Decoded {
            first,
            second: None,
        });
    }
    // The table's keys end with `;` (names without one are the legacy forms).
    let mut key = [0u8; MAX_REFERENCE + 1];
    let name = body.as_bytes();
    key.get_mut(..name.len())?.copy_from_slice(name);
    *key.get_mut(name.len())? = b';';
    let key = std::str::from_utf8(key.get(..=name.len())?).ok()?;
    // The table also maps every prefix of a name to (0, 0), for html5ever's tokenizer.
    let &(first, second) = web_atoms::NAMED_ENTITIES.get(key)?;
    Some(Decoded {
        first: char::from_u32(first).filter(|&c| c != '\0')?,
        second: char::from_u32(second).filter(|&c| c != '\0'),
    })
}

/// The reference at the start of `s` (which starts with `&`): its text and its length.
pub fn decode_at(s: &str) -> Option<(Decoded, usize)> {
    let (body, len) = reference_body(s)?;
    Some((decode_body(body)?, len))
}

/// `s` with every known reference decoded; anything else (a bare `&`, `&bogus;`) is kept.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        match decode_at(rest) {
            Some((d, len)) => {
                d.push_to(&mut out);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references_decode() {
        assert_eq!(
            decode("Đà&nbsp;Nẵng &amp; Hu&ecirc;&#769; &#8211; &#x1EC7;&#X1ec7;"),
            "Đà\u{a0}Nẵng & Huê\u{301} – ệệ"
        );
        assert_eq!(decode("&dstrok;&Dstrok;&ZeroWidthSpace;"), "đĐ\u{200b}");
        // The Vietnamese letters quick-xml's table gets wrong.
        assert_eq!(decode("&abreve;&Abreve;&itilde;&utilde;&Utilde;"), "ăĂĩũŨ");
        // A prefix of a name is not a name.
        assert_eq!(decode("&dstro;"), "&dstro;");
        // Two code points for one name.
        assert_eq!(decode("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn what_is_not_a_reference_stays() {
        for s in [
            "AT&T", "&", "&;", "&#;", "&#x;", "&#xZZ;", "&bogus;", "& amp;", "&#-1;", "&#+1;",
            "&#x+1;",
        ] {
            assert_eq!(decode(s), s);
        }
        // Beyond Unicode or a surrogate: not a character.
        assert_eq!(
            decode("&#x110000;&#xD800;&#99999999999;"),
            "&#x110000;&#xD800;&#99999999999;"
        );
        let long = format!("&{};", "a".repeat(MAX_REFERENCE + 1));
        assert_eq!(reference_body(&long), None);
    }

    #[test]
    fn reference_lengths() {
        assert_eq!(reference_body("&amp;x"), Some(("amp", 5)));
        assert_eq!(reference_body("&#x41;"), Some(("#x41", 6)));
        assert_eq!(
            decode_at("&#65;rest"),
            Some((
                Decoded {
                    first: 'A',
                    second: None
                },
                5
            ))
        );
    }
}
