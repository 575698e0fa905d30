//! Edit distance between short names (option names, domain labels).

/// The Levenshtein distance between `a` and `b` (insertions, deletions and
/// substitutions of one character each); callers bound the lengths.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The known name closest to `name`: a `group/name` id whose name is `name` (the
/// group left out: `line-length` → `size/line-length`), else the closest by edit
/// distance when it is close enough to be a typo (at most a third of the name's
/// length, at least 2 edits).
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let without_group = known.iter().find(|k| k.split_once('/').is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(name)));
    if let Some(id) = without_group {
        return Some(id);
    }
    let name: Vec<char> = name.chars().take(200).collect();
    let allowed = (name.len() / 3).max(2);
    known
        .iter()
        .map(|k| (edit_distance(&name, &k.chars().collect::<Vec<_>>()), *k))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
