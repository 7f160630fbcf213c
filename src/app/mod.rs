//! The interactive reader: state (pure model), actions, update (transitions), run (event loop).
//!
//! SKELETON — the TUI replaces this.

pub mod terminal;

use crate::cli::Ctx;

pub fn run(_ctx: &Ctx) -> anyhow::Result<()> {
    anyhow::bail!("the interactive reader is not built yet; use the subcommands (akhbar --help)")
}
