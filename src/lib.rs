//! akhbar: a terminal reader for Arabic tech news.
//!
//! Modules by role (see docs/architecture.md): `feed` brings articles in, `store` keeps them,
//! `entities` finds who and how much, `text` lays Arabic out for a cell grid, `app` + `ui` are the
//! interactive reader, `cli` the headless commands.
#![deny(clippy::unwrap_used)]

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod entities;
pub mod feed;
pub mod fulltext;
pub mod guard;
pub mod ingest;
pub mod paths;
pub mod refresh;
pub mod store;
pub mod text;
pub mod ui;
