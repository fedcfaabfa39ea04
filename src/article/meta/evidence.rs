//! Candidates for one field, where each was found and how much that place is trusted; the
//! winner and the reasons, kept for `read --json --debug`.
use serde::Serialize;

/// One value one place offered for a field, and what the stage made of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub field: &'static str,
    pub value: String,
    /// Where it was found: "meta author", "JSON-LD author", "signature", ...
    pub from: &'static str,
    pub score: i32,
    pub kept: bool,
    /// Why it scored so, or why it was refused.
    pub why: Vec<String>,
}

/// A value for a field with its score; refused ones stay to be reported.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub value: String,
    pub from: &'static str,
    pub score: i32,
    pub why: Vec<String>,
    pub refused: bool,
}

impl Candidate {
    pub fn new(value: String, from: &'static str, score: i32) -> Self {
        Self {
            value,
            from,
            score,
            why: Vec::new(),
            refused: false,
        }
    }

    pub fn refuse(&mut self, why: impl Into<String>) {
        self.refused = true;
        self.why.push(why.into());
    }

    pub fn adjust(&mut self, by: i32, why: impl Into<String>) {
        self.score += by;
        self.why.push(format!("{by:+}: {}", why.into()));
    }
}

/// The best candidate that is not refused (the earliest of equals: candidates come in order
/// of trust), and the evidence for all of them.
pub(crate) fn decide(
    field: &'static str,
    cands: Vec<Candidate>,
) -> (Option<String>, Vec<Evidence>) {
    let best = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.refused)
        .max_by_key(|&(i, c)| (c.score, std::cmp::Reverse(i)))
        .map(|(i, _)| i);
    let value = best.map(|i| cands[i].value.clone());
    let evidence = cands
        .into_iter()
        .enumerate()
        .map(|(i, c)| Evidence {
            field,
            value: c.value,
            from: c.from,
            score: c.score,
            kept: Some(i) == best,
            why: c.why,
        })
        .collect();
    (value, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_highest_unrefused_wins_and_the_first_of_equals() {
        let mut a = Candidate::new("A".into(), "one", 50);
        a.refuse("names the site");
        let b = Candidate::new("B".into(), "two", 40);
        let c = Candidate::new("C".into(), "three", 40);
        let (v, ev) = decide("byline", vec![a, b, c]);
        assert_eq!(v.as_deref(), Some("B"));
        assert_eq!(ev.iter().filter(|e| e.kept).count(), 1);
        assert_eq!(ev[0].why, vec!["names the site".to_string()]);
        assert_eq!(decide("byline", Vec::new()).0, None);
    }
}
