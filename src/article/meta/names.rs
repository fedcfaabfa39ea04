//! What a writer's name looks like, and what is a publisher, a CMS or a team instead.
//! "Tin, ảnh: Vũ Phương Thảo" is the writer Vũ Phương Thảo; "NHẬT XUÂN - NGHI VŨ" two
//! writers; "Minh Anh (Theo Reuters)" a writer and a source; "VCCorp.vn", "Dân Trí" on
//! dantri.com.vn, "SEO, Traffic Team" nobody.
use super::lists::{
    CMS_VENDORS, COMPILE_NOTES, NOT_NAMES, ORG_STARTS, ORG_WORDS, ROLE_PREFIXES, SOURCE_PREFIXES,
};

/// Longer than this is a sentence, not a signature.
pub const MAX_SIGNATURE: usize = 90;
const MAX_WORDS_PER_NAME: usize = 6;
const MAX_NAMES: usize = 5;

/// A writer's line taken apart.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Signed {
    /// The writers, as the page writes them ("NHẬT XUÂN - NGHI VŨ").
    pub names: Option<String>,
    /// Where the piece comes from ("VnExpress" of "Theo VnExpress").
    pub source: Option<String>,
}

/// Reads a line as a writer's signature: role prefix, names, a "(Theo X)" source, a
/// "(tổng hợp)" note. `None` when the line is not one (a sentence, a caption, a label).
pub fn signed(line: &str) -> Option<Signed> {
    let line = crate::text::clean_line(line);
    let line = trim_full_stop(line.trim());
    if line.is_empty() || line.chars().count() > MAX_SIGNATURE {
        return None;
    }
    if let Some(src) = source_of(line) {
        return Some(Signed {
            names: None,
            source: Some(src),
        });
    }
    // "Minh Anh (Theo Reuters)", "Minh Anh - Theo Reuters", "Minh Anh (tổng hợp)".
    let mut rest = line.to_string();
    let mut source = None;
    if let Some(open) = rest.rfind('(')
        && rest.ends_with(')')
    {
        let inner = rest[open + 1..rest.len() - 1].trim().to_string();
        let lower = inner.to_lowercase();
        if let Some(src) = source_of(&inner) {
            source = Some(src);
        } else if !COMPILE_NOTES.contains(&lower.as_str()) {
            return None;
        }
        rest.truncate(open);
    } else if let Some(at) = rest.to_lowercase().find(" - theo ")
        && let Some(src) = rest.get(at + 3..).and_then(source_of)
    {
        source = Some(src);
        rest.truncate(at);
    }
    let names = strip_role(rest.trim());
    if names.is_empty() {
        return source.map(|s| Signed {
            names: None,
            source: Some(s),
        });
    }
    is_names(names).then(|| Signed {
        names: Some(names.to_string()),
        source,
    })
}

/// Without a closing full stop, unless it ends initials ("H.V.").
fn trim_full_stop(line: &str) -> &str {
    match line.strip_suffix('.') {
        Some(rest)
            if rest
                .rsplit(['.', ' '])
                .next()
                .is_some_and(|w| w.chars().count() > 2) =>
        {
            rest.trim()
        }
        _ => line,
    }
}

/// "Theo VnExpress", "Nguồn: Reuters", "(Theo Tuổi Trẻ)": the name after the prefix,
/// when it is a name ("Theo ông Nam, ..." is a sentence).
pub fn source_of(line: &str) -> Option<String> {
    let line = line
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let lower = line.to_lowercase();
    let prefix = SOURCE_PREFIXES.iter().find(|p| lower.starts_with(*p))?;
    let name = line
        .get(prefix.len()..)?
        .trim()
        .trim_end_matches('.')
        .trim();
    let first = name.chars().next()?;
    let words = name.split_whitespace().count();
    let plain = !name.contains([',', ';', '!', '?', '"', '“']) || is_names(name);
    (first.is_uppercase() && words <= 6 && plain && name.chars().count() <= 60)
        .then(|| name.to_string())
}

/// The line without a role prefix ("Tin, ảnh:", "Nhóm phóng viên", "By").
pub fn strip_role(line: &str) -> &str {
    let lower = line.to_lowercase();
    for p in ROLE_PREFIXES {
        // Lowercasing keeps the length of Vietnamese text; `get` guards the rest.
        if lower.starts_with(p)
            && let Some(rest) = line.get(p.len()..)
        {
            return rest.trim_start_matches([':', ' ']).trim();
        }
    }
    line
}

/// Names as a page signs: each word capitalised or all capitals or initials ("H.V.",
/// "K. Miên"), a few words each, a few names joined by " - ", ",", "và" or "&".
pub fn is_names(s: &str) -> bool {
    if s.chars().count() > MAX_SIGNATURE
        || s.chars()
            .any(|c| c.is_ascii_digit() || "@:/|!?".contains(c))
    {
        return false;
    }
    let mut names = 0;
    for part in split_names(s) {
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.is_empty() || words.len() > MAX_WORDS_PER_NAME {
            return false;
        }
        if !words.iter().all(|w| is_name_word(w)) {
            return false;
        }
        names += 1;
    }
    (1..=MAX_NAMES).contains(&names)
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '&', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "-")
}

fn is_name_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    if NOT_NAMES.contains(&lower.trim_end_matches('.')) {
        return false;
    }
    // Initials: "H.V.", "K.", "N.T.H".
    if w.contains('.') {
        return w
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 2 && p.chars().next().is_some_and(char::is_uppercase));
    }
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_alphabetic() || c == '\'')
}

/// Identities of the site itself: its name, its publisher, its host, as keys of letters.
#[derive(Debug, Default, Clone)]
pub struct SiteIds {
    keys: Vec<String>,
}

impl SiteIds {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, host: Option<&str>) -> Self {
        let mut keys: Vec<String> = names.into_iter().map(super::super::title::key).collect();
        if let Some(h) = host {
            let h = h.trim_start_matches("www.");
            keys.push(super::super::title::key(h));
            // "baodautu.vn" is also "baodautu"; "dantri.com.vn" is "dantri".
            if let Some(first) = h.split('.').next() {
                keys.push(super::super::title::key(first));
            }
        }
        keys.retain(|k| k.len() >= 3);
        Self { keys }
    }

    fn names_site(&self, s: &str) -> bool {
        let k = super::super::title::key(s);
        self.keys
            .iter()
            .any(|site| super::super::title::matches_key(&k, site))
    }
}

/// Why a byline names no writer: the site, a domain, a CMS vendor, an organisation or a
/// team. `None` for a person.
pub fn not_a_writer(s: &str, site: &SiteIds) -> Option<&'static str> {
    let lower = s.to_lowercase();
    let folded = crate::text::fold(s);
    if site.names_site(s) {
        return Some("names the site or its publisher");
    }
    let squeezed: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    if CMS_VENDORS
        .iter()
        .any(|v| squeezed.contains(&v.replace(' ', "")))
    {
        return Some("a publishing system or its company");
    }
    if has_domain(&folded) {
        return Some("a web address");
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| ORG_WORDS.contains(w))
        || ORG_STARTS.iter().any(|p| lower.starts_with(p))
    {
        return Some("an organisation, desk or team");
    }
    if s.chars().any(|c| c.is_ascii_digit() || c == '@') || s.starts_with("http") {
        return Some("not a name");
    }
    None
}

/// "vccorp.vn", "baodautu.vn", "abc.com": a word, a dot, a known ending.
fn has_domain(folded: &str) -> bool {
    folded.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let mut parts = w.rsplit('.');
        let tld = parts.next().unwrap_or("");
        parts.next().is_some_and(|p| !p.is_empty())
            && ["vn", "com", "net", "org", "info", "tv", "biz", "io"].contains(&tld)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<String> {
        signed(line).and_then(|s| s.names)
    }

    #[test]
    fn signatures_by_shape() {
        assert_eq!(names("K. Miên").as_deref(), Some("K. Miên"));
        assert_eq!(names("H.V.").as_deref(), Some("H.V."));
        assert_eq!(names("Minh Anh.").as_deref(), Some("Minh Anh"));
        assert_eq!(names("XUÂN LONG").as_deref(), Some("XUÂN LONG"));
        assert_eq!(
            names("Tin, ảnh: Vũ Phương Thảo").as_deref(),
            Some("Vũ Phương Thảo")
        );
        assert_eq!(
            names("NHẬT XUÂN - NGHI VŨ").as_deref(),
            Some("NHẬT XUÂN - NGHI VŨ")
        );
        assert_eq!(names("Minh Anh (tổng hợp)").as_deref(), Some("Minh Anh"));
        let s = signed("Minh Anh (Theo Reuters)").unwrap();
        assert_eq!(s.names.as_deref(), Some("Minh Anh"));
        assert_eq!(s.source.as_deref(), Some("Reuters"));
        let s = signed("Theo VnExpress").unwrap();
        assert_eq!((s.names, s.source.as_deref()), (None, Some("VnExpress")));
        for text in [
            "Theo ông Nam, dự án sẽ xong trong năm nay.",
            "Xem thêm",
            "Ảnh: Reuters",
            "Giá vé vẫn giữ nguyên.",
            "Hotline: 0912 345 678",
            "Chia sẻ",
        ] {
            assert_eq!(names(text), None, "{text}");
        }
    }

    #[test]
    fn publishers_cms_and_teams_are_no_writers() {
        let site = SiteIds::new(["Dân trí"], Some("dantri.com.vn"));
        for who in [
            "VCCorp.vn",
            "Dân Trí",
            "baodautu.vn",
            "Báo Pháp Luật TP. Hồ Chí Minh",
            "Công nghệ ChannelVN",
            "SEO, Traffic Team",
            "tuanna1",
        ] {
            assert!(not_a_writer(who, &site).is_some(), "{who}");
        }
        for who in ["Bảo Anh", "Phong Lan", "Trần Thu Hà", "Nam"] {
            assert_eq!(not_a_writer(who, &site), None, "{who}");
        }
    }
}
