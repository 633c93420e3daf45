//! "Did you mean …?": the one place that picks the closest of a set of words, for the `kvol`
//! macros' errors (misspelt keys, modes, enum words) and for [`Manifests`](crate::Manifests)'
//! cross-object findings (a claim name that is close to one in the set).
//!
//! Two kinds of word, two measures (both from `strsim`):
//!
//! - [`did_you_mean`]: a *keyword* of a fixed vocabulary (a DSL key, an API enum word). Case
//!   and `_`/`-` are ignored; otherwise a Jaro-Winkler score of at least 0.8 or a small
//!   Damerau-Levenshtein distance makes a candidate plausible, and the best score wins.
//! - [`closest_name`]: a user-chosen *name* (a claim, a class). Exact case matters; the
//!   candidate with the smallest Levenshtein distance within a third of the name's length
//!   (at least 2, at most 10 edits) wins, and an identical candidate is never suggested. A
//!   linear lower bound of the distance skips candidates that cannot be close, so a set of
//!   thousands of long names stays fast.
//!
//! ```
//! use kvol_core::suggest::{closest_name, did_you_mean, one_of, unknown};
//!
//! assert_eq!(did_you_mean("rwo", &["RWO", "ROX", "RWX"]), Some("RWO"));
//! assert_eq!(did_you_mean("replica", &["replicas", "name"]), Some("replicas"));
//! assert_eq!(closest_name("data-db-0", ["data-db-1", "logs"]), Some("data-db-1"));
//! assert_eq!(closest_name("data", ["data"]), None);
//! assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
//! assert_eq!(
//!     unknown("access mode", "RWZ", &["RWO", "RWX"]),
//!     "unknown access mode `RWZ`: did you mean `RWO`?\nhelp: expected `RWO` or `RWX`",
//! );
//! ```

/// The keyword among `candidates` closest to `word`, if it is close enough to be a plausible
/// typo (see the [module documentation](self) for the measure).
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    // Same word in another case or with `_`/`-` swapped: certainly meant.
    let norm = |s: &str| s.to_ascii_lowercase().replace(['_', '-'], "");
    if let Some(c) = candidates.iter().find(|c| norm(c) == norm(word)) {
        return Some(c);
    }
    let mut best: Option<(&'a str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&lower, &c.to_ascii_lowercase());
        let distance = strsim::damerau_levenshtein(&lower, &c.to_ascii_lowercase());
        let plausible =
            score >= 0.8 || (distance <= 1 && c.len() > 1) || (distance <= 2 && c.len() > 4);
        if plausible && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// The name among `candidates` closest to `name` within a small edit distance (see the
/// [module documentation](self)); the first of equally close candidates wins.
pub fn closest_name<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    // A third of the name, at least 2 and at most 10 edits (beyond that no name is "meant").
    let limit = (name.chars().count() / 3).clamp(2, 10);
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        if candidate.len().abs_diff(name.len()) > limit || bag_distance(name, candidate) > limit {
            continue;
        }
        let d = strsim::levenshtein(name, candidate);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// A lower bound of the Levenshtein distance, in linear time: the larger of the numbers of
/// bytes one string has more of than the other (each edit changes the byte counts by at most
/// one on each side). It spares the quadratic distance for names that cannot be close, which
/// keeps "did you mean" linear in practice on large sets of long names.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts = [0i32; 256];
    for &x in a.as_bytes() {
        counts[usize::from(x)] += 1;
    }
    for &x in b.as_bytes() {
        counts[usize::from(x)] -= 1;
    }
    let (more, fewer) = counts.iter().fold((0, 0), |(m, f), &c| {
        (m + c.max(0) as usize, f + (-c).max(0) as usize)
    });
    more.max(fewer)
}

/// The choices as a sentence: ``expected one of `a`, `b` or `c` `` without the prefix.
pub fn one_of(candidates: &[&str]) -> String {
    let quoted: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// An error message for an unknown keyword: what was found, the closest match
/// ([`did_you_mean`]) and a `help:` line with every valid choice.
pub fn unknown(what: &str, found: &str, candidates: &[&str]) -> String {
    let mut msg = format!("unknown {what} `{found}`");
    if let Some(c) = did_you_mean(found, candidates) {
        msg.push_str(&format!(": did you mean `{c}`?"));
    }
    msg.push_str(&format!("\nhelp: expected {}", one_of(candidates)));
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keywords() {
        assert_eq!(
            did_you_mean("replica", &["replicas", "name"]),
            Some("replicas")
        );
        assert_eq!(
            did_you_mean("RWZ", &["RWO", "ROX", "RWX", "RWOP"]),
            Some("RWO")
        );
        assert_eq!(did_you_mean("rwo", &["RWO", "ROX"]), Some("RWO"));
        assert_eq!(
            did_you_mean("pod-management", &["pod_management"]),
            Some("pod_management")
        );
        assert_eq!(did_you_mean("zzzzzz", &["name", "image"]), None);
    }

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            closest_name("data-web-0", ["data-web-1"]),
            Some("data-web-1")
        );
        assert_eq!(closest_name("Data", ["data", "dat"]), Some("data"));
        assert_eq!(closest_name("abc", ["abc"]), None);
        assert_eq!(closest_name("claim", ["something-else"]), None);
        // Distance counts chars, not bytes.
        assert_eq!(closest_name("né", ["ne"]), Some("ne"));
    }

    #[test]
    fn lists_choices() {
        assert_eq!(one_of(&[]), "");
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
