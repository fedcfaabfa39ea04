//! Numbers as Vietnamese pages write them: the dot groups thousands and the comma is the
//! decimal mark ("1.705" = 1705, "3,5%" = 3.5), with word multipliers ("1,2 triệu").

/// Spaces that may group digits.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Splits a trailing multiplier word or letter off: ("1,2", 1e6) for "1,2 triệu".
fn split_multiplier(s: &str) -> (&str, f64) {
    let folded = super::fold(s);
    // Folding maps one char to one char in NFC text, so char counts line up.
    const WORDS: [(&str, f64); 9] = [
        ("nghin", 1e3),
        ("ngan", 1e3),
        ("trieu", 1e6),
        ("ty", 1e9),
        ("ti", 1e9),
        ("tram", 1e2),
        ("k", 1e3),
        ("m", 1e6),
        ("b", 1e9),
    ];
    for (w, m) in WORDS {
        if let Some(head) = folded.strip_suffix(w) {
            let prefix_chars = head.chars().count();
            let head_ok = head.ends_with(|c: char| c.is_ascii_digit() || is_group_space(c));
            if head_ok {
                let cut = s
                    .char_indices()
                    .nth(prefix_chars)
                    .map_or(s.len(), |(i, _)| i);
                return (s[..cut].trim_end_matches(is_group_space), m);
            }
        }
    }
    (s, 1.0)
}

/// Parses a number written the Vietnamese way: "1.705" = 1705, "3,5" = 3.5, "3,5%" = 3.5,
/// "1.234,5" = 1234.5, "1,2 triệu" = 1 200 000, "2 nghìn"/"2 ngàn" = 2000, "1,5 tỷ".
pub fn parse_vi_number(s: &str) -> Option<f64> {
    let s = super::nfc(s.trim());
    let s = s.trim_end_matches('%').trim_end();
    let (num, mult) = split_multiplier(s);
    let (neg, num) = match num.chars().next()? {
        '-' | '−' => (true, &num[num.chars().next()?.len_utf8()..]),
        '+' => (false, &num[1..]),
        _ => (false, num),
    };
    let num: String = num.chars().filter(|&c| !is_group_space(c)).collect();
    if num.is_empty()
        || !num
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = num.matches('.').count();
    let commas = num.matches(',').count();
    let (group, decimal) = match (dots, commas) {
        (0, 0) => (None, None),
        // Both: the last one is the decimal mark.
        (_, _) if dots > 0 && commas > 0 => {
            if num.rfind(',') > num.rfind('.') {
                (Some('.'), Some(','))
            } else {
                (Some(','), Some('.'))
            }
        }
        (1, 0) => {
            // "1.705" groups thousands; "3.5" can only be a decimal.
            let after = num.len() - num.find('.')? - 1;
            if after == 3 {
                (Some('.'), None)
            } else {
                (None, Some('.'))
            }
        }
        (_, 0) => (Some('.'), None),
        (0, 1) => (None, Some(',')),
        (0, _) => (Some(','), None),
        _ => return None,
    };
    let mut plain = String::with_capacity(num.len());
    let mut groups = Vec::new();
    let (int_part, frac_part) = match decimal {
        Some(d) => {
            let (i, f) = num.rsplit_once(d)?;
            (i, Some(f))
        }
        None => (num.as_str(), None),
    };
    match group {
        Some(g) => groups.extend(int_part.split(g)),
        None => groups.push(int_part),
    }
    if !valid_groups(&groups, group.is_some()) {
        return None;
    }
    groups.iter().for_each(|g| plain.push_str(g));
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        plain.push('.');
        plain.push_str(f);
    }
    let v: f64 = plain.parse().ok()?;
    let v = v * mult;
    Some(if neg { -v } else { v })
}

/// Thousands groups: the first 1-3 digits, the others exactly 3.
fn valid_groups(groups: &[&str], grouped: bool) -> bool {
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    if !grouped {
        return groups.iter().all(|g| digits(g));
    }
    groups
        .iter()
        .enumerate()
        .all(|(i, g)| digits(g) && if i == 0 { g.len() <= 3 } else { g.len() == 3 })
}

/// Parses a count where dots, commas or spaces may group thousands ("1,024" = 1024,
/// "1.705" = 1705, "12 345" = 12345); a multiplier word or letter scales it ("1,2K" = 1200).
pub fn parse_count(s: &str) -> Option<u64> {
    let s = super::nfc(s.trim());
    let (num, mult) = split_multiplier(&s);
    if mult != 1.0 {
        let v = parse_vi_number(num)? * mult;
        return (v >= 0.0 && v < u64::MAX as f64).then(|| v.round() as u64);
    }
    let mut groups = Vec::new();
    let mut cur = String::new();
    for c in num.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else if c == '.' || c == ',' || is_group_space(c) {
            groups.push(std::mem::take(&mut cur));
        } else {
            return None;
        }
    }
    groups.push(cur);
    let refs: Vec<&str> = groups.iter().map(String::as_str).collect();
    if !valid_groups(&refs, refs.len() > 1) {
        return None;
    }
    refs.concat().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(parse_vi_number("1.705"), Some(1705.0));
        assert_eq!(parse_vi_number("3,5"), Some(3.5));
        assert_eq!(parse_vi_number("3,5%"), Some(3.5));
        assert_eq!(parse_vi_number("1,2 triệu"), Some(1_200_000.0));
        assert_eq!(parse_vi_number("2 nghìn"), Some(2000.0));
        assert_eq!(parse_vi_number("2 ngàn"), Some(2000.0));
        assert_eq!(parse_vi_number("1,5 tỷ"), Some(1_500_000_000.0));
        assert_eq!(parse_vi_number("1,5 tỉ"), Some(1_500_000_000.0));
        assert_eq!(parse_vi_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_vi_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_vi_number("-2,25"), Some(-2.25));
        assert_eq!(parse_vi_number("12 345"), Some(12345.0));
        assert_eq!(parse_vi_number("3.5"), Some(3.5));
        assert_eq!(parse_vi_number("42"), Some(42.0));
    }

    #[test]
    fn bad_numbers() {
        for s in [
            "",
            "abc",
            "1.23.4",
            "1,,2",
            "triệu",
            "1,2 cái",
            "12.34.567",
            ",5",
            "1,",
        ] {
            assert_eq!(parse_vi_number(s), None, "{s}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(parse_count("1,024"), Some(1024));
        assert_eq!(parse_count("1.705"), Some(1705));
        assert_eq!(parse_count("12 345"), Some(12345));
        assert_eq!(parse_count("7"), Some(7));
        assert_eq!(parse_count("1,2K"), Some(1200));
        assert_eq!(parse_count("3 nghìn"), Some(3000));
        assert_eq!(parse_count("1,02"), None);
        assert_eq!(parse_count("1.2345"), None);
        assert_eq!(parse_count("-5"), None);
        assert_eq!(parse_count(""), None);
    }
}
