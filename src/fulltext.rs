//! Full article text from the article's page (fetch with the shared client, extract, recognise,
//! store).
//!
//! SKELETON — replaced by the full-text work.

use crate::cli::Ctx;
use crate::store::Store;

/// `show ID --full`: fetch and store the article's full text now.
pub fn fetch_full_blocking(_ctx: &Ctx, _store: &mut Store, _id: i64) -> anyhow::Result<()> {
    anyhow::bail!("full-text extraction is not built yet")
}
