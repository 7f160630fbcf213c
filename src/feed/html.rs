//! HTML → plain text paragraphs.

/// Paragraphs of plain text (scripts and styles dropped, entities decoded).
pub fn html_to_paragraphs(html: &str) -> Vec<String> {
    vec![html.to_string()]
}
