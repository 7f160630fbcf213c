//! What the reader and the commands show, composed from stored data: the article as laid-out
//! lines (the one composer for the reader's pane and `akhbar show`) and the theme's styles.
//! Nothing here draws or does I/O.

pub(crate) mod article;
pub mod theme;
