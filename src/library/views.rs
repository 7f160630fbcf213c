//! Saved views as a run sees them: the config's `[views]` and those saved from the reader, and
//! a view (or the command line's filters) made into the one `ArticleQuery`.

use super::{Error, Library};
use crate::entities::Recognizer;
use crate::i18n::tr;
use crate::store::views::{SavedView, ViewFilter};
use crate::store::{ArticleQuery, Store};

/// Where a view was defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ViewOrigin {
    /// `[views]` in the config file (edited there).
    Config,
    /// Saved from the reader (kept in the database).
    Saved,
}

/// A view with its origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NamedView {
    pub(crate) view: SavedView,
    pub(crate) origin: ViewOrigin,
}

impl Library {
    /// Every view, by name: the config's first; a saved view of the same name is hidden by it.
    pub(crate) fn views(&self, store: &Store) -> Result<Vec<NamedView>, Error> {
        let mut out: Vec<NamedView> = self
            .config
            .views
            .iter()
            .map(|(name, filter)| NamedView {
                view: SavedView {
                    name: name.clone(),
                    filter: filter.clone(),
                },
                origin: ViewOrigin::Config,
            })
            .collect();
        for view in store.saved_views()? {
            if !out.iter().any(|v| v.view.name == view.name) {
                out.push(NamedView {
                    view,
                    origin: ViewOrigin::Saved,
                });
            }
        }
        out.sort_by(|a, b| a.view.name.cmp(&b.view.name));
        Ok(out)
    }

    /// The view called `name`.
    pub(crate) fn view(&self, store: &Store, name: &str) -> Result<ViewFilter, Error> {
        let views = self.views(store)?;
        match views.iter().find(|v| v.view.name == name.trim()) {
            Some(v) => Ok(v.view.filter.clone()),
            None => {
                let names: Vec<&str> = views.iter().map(|v| v.view.name.as_str()).collect();
                Err(Error::Usage(tr!(
                    self.l10n,
                    "view-unknown",
                    name = name,
                    names = names.join(", "),
                    count = names.len()
                )))
            }
        }
    }

    /// A view's filters as a query: the company resolved by the recognizer (any alias), the
    /// feed by id, address or title.
    pub(crate) fn query_for(
        &self,
        filter: &ViewFilter,
        rec: &Recognizer,
        store: &Store,
    ) -> Result<ArticleQuery, Error> {
        let company = match &filter.company {
            Some(name) => Some(rec.resolve(name).ok_or_else(|| {
                Error::Usage(tr!(self.l10n, "list-unknown-company", name = name.as_str()))
            })?),
            None => None,
        };
        let feed = match &filter.feed {
            Some(key) => Some(
                store
                    .find_feed(key)?
                    .ok_or_else(|| {
                        Error::Usage(tr!(self.l10n, "feed-unknown", feed = key.as_str()))
                    })?
                    .url,
            ),
            None => None,
        };
        let search = filter.search.clone().filter(|s| !s.trim().is_empty());
        Ok(ArticleQuery {
            company,
            feed,
            tag: filter.tag.clone(),
            unread: filter.unread,
            starred: filter.starred,
            search_entity: search.as_deref().and_then(|s| search_entity(rec, s)),
            search,
            limit: None,
        })
    }
}

/// The entity a whole search names, if the recognizer knows it: `/Nvidia` and `/إنفيديا` both
/// name Nvidia, so articles naming it match whatever spelling they use.
pub(crate) fn search_entity(rec: &Recognizer, search: &str) -> Option<String> {
    let s = search.trim().trim_matches('"').trim();
    if s.is_empty() || s.ends_with('*') {
        return None;
    }
    rec.resolve(s)
}
