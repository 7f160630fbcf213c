//! Saved views: a named combination of filters (company, tag, feed, search, unread, starred),
//! saved from the reader. Views written in the config's `[views]` are read there; both kinds
//! look the same to the reader and to `list --view`.

use super::{Result, Store};
use rusqlite::params;

/// What a view shows. The company is kept as the user wrote it (any alias) and resolved when
/// the view is used, so a gazetteer change does not break it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewFilter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// A feed's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unread: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
}

impl ViewFilter {
    /// Nothing is filtered: every article.
    pub fn is_empty(&self) -> bool {
        *self == ViewFilter::default()
    }
}

/// A named view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedView {
    pub name: String,
    pub filter: ViewFilter,
}

impl Store {
    /// The views saved from the reader, by name.
    pub fn saved_views(&self) -> Result<Vec<SavedView>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, filter FROM saved_views ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (name, filter) = row?;
            // A view this version cannot read (written by a newer one) is left out, not fatal.
            match serde_json::from_str(&filter) {
                Ok(filter) => out.push(SavedView { name, filter }),
                Err(e) => tracing::warn!("saved view {name:?} unreadable: {e}"),
            }
        }
        Ok(out)
    }

    /// Save (or replace) a view.
    pub fn save_view(&mut self, name: &str, filter: &ViewFilter) -> Result<()> {
        let json = serde_json::to_string(filter).unwrap_or_else(|_| "{}".into());
        self.conn.execute(
            "INSERT INTO saved_views (name, filter, created) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET filter = excluded.filter",
            params![name.trim(), json, super::now()],
        )?;
        Ok(())
    }

    /// Forget a saved view; false when there was none of that name.
    pub fn delete_view(&mut self, name: &str) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM saved_views WHERE name = ?1", [name])?
            > 0)
    }
}
