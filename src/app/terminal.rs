//! Terminal setup and restore (raw mode, alternate screen, bidi mode).

/// Put the terminal back the way we found it; safe to call more than once or when never set up.
pub fn restore() {}
