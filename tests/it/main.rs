//! Every integration test in one binary (one link instead of one per file). Each module is one
//! area; `support` holds the helpers they share. Filter with `cargo test --test it AREA::`.

mod support;

mod cli_arabic;
mod cli_doctor;
mod cli_feeds;
mod cli_fetch;
mod cli_fulltext;
mod cli_show;
mod content_direction;
mod demo_default_feeds;
mod demo_feeds;
mod entities_eval;
mod entities_props;
mod entities_rules;
mod extract_pages;
mod faults_binary;
mod faults_disk;
mod feed_fetch;
mod feed_fuzz;
mod feed_hostile;
mod feed_opml;
mod layers;
mod processes;
mod readme_workflow;
mod store;
mod store_workflow;
mod text_conformance;
mod text_fribidi;
mod text_golden;
mod text_props;
mod text_render_cli;
mod text_snapshots;
mod tui_arabic;
mod tui_e2e;
mod tui_exit;
mod tui_feeds_workflow;
mod tui_marks;
mod tui_runtime;
mod tui_screens;
mod tui_terminal;
mod tui_update;
mod tui_workflow;
