//! The one normalization function, shared by entity matching and search.

/// Normalized text plus, for every byte of it, the byte offset in the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// `offsets[i]` = original byte offset of normalized byte `i`; one extra entry for the end.
    pub offsets: Vec<usize>,
}

/// Normalize with an offset map back to `s`.
pub fn normalize(s: &str) -> Normalized {
    let mut text = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let start = text.len();
        text.extend(c.to_lowercase());
        offsets.extend(std::iter::repeat_n(i, text.len() - start));
    }
    offsets.push(s.len());
    Normalized { text, offsets }
}

/// Normalize without the offset map (search terms, index copies).
pub fn normalize_str(s: &str) -> String {
    normalize(s).text
}
