//! The one place a headline query's filters become SQL — company, feed, tag, unread, starred and
//! search, all combinable — so the list, its counts and the bulk marks select the same articles.
//!
//! A search matches the text (FTS5, ranked by bm25) and, when it names an entity the recognizer
//! knows (`ArticleQuery::search_entity`: «/Nvidia» → Nvidia), every article naming that entity,
//! whatever spelling the article used («إنفيديا»). The text's hits come first by relevance, then
//! the articles that only name the entity, newest first.

use super::{ArticleQuery, search};
use rusqlite::types::Value;

/// The SQL of a query's filters over `articles a JOIN feeds f`.
pub(crate) struct Filter {
    /// Common table expressions (`hits`, `named`) to put before the SELECT, or empty.
    pub(crate) with: String,
    /// Joins after `FROM articles a JOIN feeds f ON f.id = a.feed_id`.
    pub(crate) joins: String,
    /// The WHERE clause (with "WHERE"), or empty.
    pub(crate) condition: String,
    /// What to order by before the date: relevance, when searching.
    pub(crate) rank: Option<String>,
    pub(crate) args: Vec<Value>,
}

/// The newest first; among articles of the same moment, the order of their feed (the feed's
/// first item, stored first, first).
pub(crate) const DATE_ORDER: &str = "COALESCE(a.published, a.fetched) DESC, a.id ASC";

/// The articles naming a canonical entity (a company counts its products).
fn naming(arg: usize) -> String {
    format!("SELECT article_id FROM article_entities WHERE canonical = ?{arg} OR parent = ?{arg}")
}

impl Filter {
    pub(crate) fn of(q: &ArticleQuery) -> Filter {
        let mut args: Vec<Value> = Vec::new();
        let mut with: Vec<String> = Vec::new();
        let mut joins = String::new();
        let mut conds: Vec<String> = Vec::new();
        let mut rank = None;
        let searching = q.search.as_deref().is_some_and(|s| !s.trim().is_empty());
        if searching {
            let expr = q.search.as_deref().and_then(search::match_expression);
            let entity = q.search_entity.as_ref();
            if let Some(expr) = &expr {
                args.push(expr.clone().into());
                with.push(format!(
                    "hits(id, rank) AS (SELECT rowid, bm25(article_search, 4.0, 1.0)
                        FROM article_search WHERE article_search MATCH ?{})",
                    args.len()
                ));
            }
            if let Some(entity) = entity {
                args.push(entity.clone().into());
                with.push(format!(
                    "named(id) AS (SELECT DISTINCT article_id FROM ({}))",
                    naming(args.len())
                ));
            }
            match (expr.is_some(), entity.is_some()) {
                (true, false) => {
                    joins.push_str(" JOIN hits h ON h.id = a.id");
                    rank = Some("h.rank".to_string());
                }
                (true, true) => {
                    joins.push_str(
                        " LEFT JOIN hits h ON h.id = a.id LEFT JOIN named n ON n.id = a.id",
                    );
                    conds.push("(h.id IS NOT NULL OR n.id IS NOT NULL)".into());
                    // The text's hits by relevance, as without the entity; then the articles
                    // that name it in another spelling, newest first.
                    rank = Some("h.rank IS NULL, h.rank".to_string());
                }
                (false, true) => joins.push_str(" JOIN named n ON n.id = a.id"),
                // A query with no searchable word and no entity matches nothing rather than
                // everything.
                (false, false) => conds.push("0".into()),
            }
        }
        if let Some(c) = &q.company {
            args.push(c.clone().into());
            conds.push(format!("a.id IN ({})", naming(args.len())));
        }
        if let Some(feed) = &q.feed {
            args.push(feed.clone().into());
            conds.push(format!("f.url = ?{}", args.len()));
        }
        if let Some(tag) = &q.tag {
            args.push(tag.clone().into());
            conds.push(format!(
                "EXISTS (SELECT 1 FROM json_each(f.tags) WHERE json_each.value = ?{})",
                args.len()
            ));
        }
        if q.unread {
            conds.push("a.read = 0".into());
        }
        if q.starred {
            conds.push("a.starred = 1".into());
        }
        Filter {
            with: if with.is_empty() {
                String::new()
            } else {
                format!("WITH {} ", with.join(", "))
            },
            joins,
            condition: if conds.is_empty() {
                String::new()
            } else {
                format!(" WHERE {}", conds.join(" AND "))
            },
            rank,
            args,
        }
    }

    /// `SELECT columns FROM articles a JOIN feeds f … WHERE …` (no order, no limit).
    pub(crate) fn select(&self, columns: &str) -> String {
        format!(
            "{}SELECT {columns} FROM articles a JOIN feeds f ON f.id = a.feed_id{}{}",
            self.with, self.joins, self.condition
        )
    }

    /// The ORDER BY clause: relevance when searching, then the date.
    pub(crate) fn order(&self) -> String {
        match &self.rank {
            Some(rank) => format!(" ORDER BY {rank}, {DATE_ORDER}"),
            None => format!(" ORDER BY {DATE_ORDER}"),
        }
    }
}
