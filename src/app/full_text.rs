//! Full article text from the article's page.

use crate::cli::Ctx;
use crate::store::Store;

pub fn fetch_full_blocking(_ctx: &Ctx, _store: &mut Store, _id: i64) -> anyhow::Result<()> {
    anyhow::bail!("full-text extraction is not built yet")
}
