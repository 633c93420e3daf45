//! "Did you mean …?" for misspelt keys, modes and enum values (strsim), and the help lines that
//! list the valid choices.

/// The candidate closest to `input`, if it is close enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = input.to_ascii_lowercase();
    // Same word in another case or with `_`/`-` swapped: certainly meant.
    let norm = |s: &str| s.to_ascii_lowercase().replace(['_', '-'], "");
    if let Some(c) = candidates.iter().find(|c| norm(c) == norm(input)) {
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

/// `expected one of `a`, `b` or `c``.
pub fn one_of(candidates: &[&str]) -> String {
    let quoted: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// An error message for an unknown word: what was found, what is valid, and the closest match.
pub fn unknown(what: &str, found: &str, candidates: &[&str]) -> String {
    let mut msg = format!("unknown {what} `{found}`");
    if let Some(c) = closest(found, candidates) {
        msg.push_str(&format!(": did you mean `{c}`?"));
    }
    msg.push_str(&format!("\nhelp: expected {}", one_of(candidates)));
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words() {
        assert_eq!(closest("replica", &["replicas", "name"]), Some("replicas"));
        assert_eq!(closest("RWZ", &["RWO", "ROX", "RWX", "RWOP"]), Some("RWO"));
        assert_eq!(closest("rwo", &["RWO", "ROX"]), Some("RWO"));
        assert_eq!(
            closest("pod-management", &["pod_management"]),
            Some("pod_management")
        );
        assert_eq!(closest("zzzzzz", &["name", "image"]), None);
    }

    #[test]
    fn lists_choices() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
