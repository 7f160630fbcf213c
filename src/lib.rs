//! akhbar: a terminal reader for Arabic tech news.
//!
//! # Layers
//!
//! Bottom first. A module uses only modules of its own layer or below, and no two modules use
//! each other (tests/it/layers.rs reads this list and checks every `crate::` path in src/).
//! docs/architecture.md says what each module owns and where a new feature goes.
//!
//! ```text
//! bottom    hash guard paths text entities feed i18n
//! store     store
//! services  config ingest demo fulltext refresh library
//! view      view
//! reader    tui
//! commands  cli
//! ```
#![deny(clippy::unwrap_used)]

pub mod cli;
pub mod config;
pub mod demo;
pub mod entities;
pub mod feed;
pub mod fulltext;
pub mod guard;
pub mod hash;
pub mod i18n;
pub mod ingest;
pub mod library;
pub mod paths;
pub mod refresh;
pub mod store;
pub mod text;
pub mod tui;
pub mod view;
