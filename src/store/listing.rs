//! Headline lists: the filters as SQL, the order, and rows handed to a sink as they are read.
//!
//! A list can hold every article (100,000 and more). Rows are lent to a [`RowSink`] straight
//! from the statement, so `list --json` writes each row once instead of building an owned row,
//! sorting it and writing it again; the reader's list is the sink that keeps owned rows.

use super::{ArticleQuery, ArticleRow, Result, Store, search, ts};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// One listed row, borrowed from the statement that read it.
#[derive(Clone, Copy, Debug)]
pub struct RowRef<'a> {
    pub id: i64,
    pub feed: &'a str,
    pub feed_title: Option<&'a str>,
    pub title: &'a str,
    pub link: Option<&'a str>,
    pub published: Option<DateTime<Utc>>,
    pub read: bool,
    pub starred: bool,
    pub language: Option<&'a str>,
    /// The companies the article names, sorted.
    pub companies: &'a [&'a str],
}

impl RowRef<'_> {
    pub fn to_owned_row(&self) -> ArticleRow {
        ArticleRow {
            id: self.id,
            feed: self.feed.to_string(),
            feed_title: self.feed_title.map(str::to_string),
            title: self.title.to_string(),
            link: self.link.map(str::to_string),
            published: self.published,
            read: self.read,
            starred: self.starred,
            companies: self.companies.iter().map(|c| c.to_string()).collect(),
            language: self.language.map(str::to_string),
        }
    }
}

/// Where listed rows go. `keep` is called as rows are read (in the order of the disk when the
/// list must be sorted afterwards); `emit` then receives what `keep` made, in the list's order.
pub trait RowSink {
    type Item;
    fn keep(&mut self, row: &RowRef<'_>) -> Self::Item;
    /// False stops the list (the reader of the output has gone).
    fn emit(&mut self, item: Self::Item) -> bool;
}

/// The sink that keeps owned rows.
struct Rows(Vec<ArticleRow>);

impl RowSink for Rows {
    type Item = ArticleRow;
    fn keep(&mut self, row: &RowRef<'_>) -> ArticleRow {
        row.to_owned_row()
    }
    fn emit(&mut self, item: ArticleRow) -> bool {
        self.0.push(item);
        true
    }
}

/// Passes on rows not listed before, up to a limit (a search naming a company lists two queries).
struct Merge<'s, S: RowSink> {
    sink: &'s mut S,
    seen: HashSet<i64>,
    left: usize,
    stopped: bool,
}

impl<S: RowSink> RowSink for Merge<'_, S> {
    type Item = Option<(i64, S::Item)>;
    fn keep(&mut self, row: &RowRef<'_>) -> Self::Item {
        (!self.seen.contains(&row.id)).then(|| (row.id, self.sink.keep(row)))
    }
    fn emit(&mut self, item: Self::Item) -> bool {
        let Some((id, item)) = item else {
            return true;
        };
        if self.left == 0 || !self.seen.insert(id) {
            return self.left > 0;
        }
        self.left -= 1;
        if !self.sink.emit(item) {
            self.stopped = true;
            return false;
        }
        self.left > 0
    }
}

impl Store {
    /// Headlines, best match first for a search (newest first when its words match more than
    /// half of the articles: see [`Store::ranks_by_relevance`]), else newest first.
    pub fn list_articles(&self, q: &ArticleQuery) -> Result<Vec<ArticleRow>> {
        let mut rows = Rows(Vec::new());
        self.visit_articles(q, &mut rows)?;
        Ok(rows.0)
    }

    /// The rows of [`Store::list_articles`], lent to `sink` in the list's order.
    pub fn visit_articles<S: RowSink>(&self, q: &ArticleQuery, sink: &mut S) -> Result<()> {
        let (Some(name), Some(_)) = (q.search_entity.as_deref(), q.search.as_deref()) else {
            return self.visit_query(q, sink);
        };
        // A search that names a company the recognizer knows (`/Nvidia`): the text's hits by
        // relevance, then the articles naming the company in another spelling («إنفيديا»),
        // newest first, under the same other filters.
        let mut merge = Merge {
            sink,
            seen: HashSet::new(),
            left: q.limit.unwrap_or(usize::MAX),
            stopped: false,
        };
        let text = ArticleQuery {
            search_entity: None,
            limit: None,
            ..q.clone()
        };
        self.visit_query(&text, &mut merge)?;
        // With another company filter too, an article must name both: the text's hits only.
        if !merge.stopped && merge.left > 0 && q.company.as_deref().is_none_or(|c| c == name) {
            let named = ArticleQuery {
                company: Some(name.to_string()),
                search: None,
                search_entity: None,
                limit: None,
                ..q.clone()
            };
            self.visit_query(&named, &mut merge)?;
        }
        Ok(())
    }

    /// Every feed's columns a listed row shows, by feed id.
    fn feed_columns(&self) -> Result<FeedColumns> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, url, title, language FROM feeds ORDER BY id")?;
        let feeds = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    FeedCols {
                        url: r.get(1)?,
                        title: r.get(2)?,
                        language: r.get(3)?,
                    },
                ))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(FeedColumns(feeds))
    }

    /// The MATCH expression for a search, holding only the forms of each word that are in the
    /// index: two dozen clitic forms per word made FTS5 walk and rank two dozen phrases per row
    /// (a fifth of a two-word search's time with every article a hit). Each form is asked of
    /// the index itself, up to its first row: the `fts5vocab` table asked before counted every
    /// document of each form it found (4% of a search hitting all 100,000 articles).
    fn search_expression(&self, query: Option<&str>) -> Result<Option<String>> {
        let Some(query) = query else {
            return Ok(None);
        };
        let forms = search::query_forms(query);
        if forms.is_empty() {
            return Ok(search::match_expression(query));
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM article_search WHERE article_search MATCH ?1 LIMIT 1")?;
        let mut found = HashSet::new();
        for form in forms {
            let phrase = format!("\"{}\"", form.replace('"', "\"\""));
            if stmt.exists([phrase])? {
                found.insert(form);
            }
        }
        Ok(search::match_expression_in(query, &|f| found.contains(f)))
    }

    /// One query: rows in the date index's order when it can give them (the newest N, no search
    /// or company), else read in the order of the disk and sorted by small keys here — SQLite's
    /// sorter would copy every listed row (100,000 with a filter that hits all) through
    /// temporary b-trees, three times the cost of the rest of the query.
    fn visit_query<S: RowSink>(&self, q: &ArticleQuery, sink: &mut S) -> Result<()> {
        let searching = self.search_expression(q.search.as_deref())?;
        let ranked = match &searching {
            Some(expr) => self.ranks_by_relevance(expr)?,
            None => false,
        };
        let mut sql = format!(
            "SELECT a.id, a.feed_id, a.title, a.link, a.published,
                    (a.read != 0) + 2 * (a.starred != 0), a.language, a.entities,
                    COALESCE(a.published, a.fetched){}
             FROM articles a",
            // Each column read costs ~175 instructions a row through rusqlite: the flags come
            // as one, and a rank only when there is one.
            if ranked {
                ", bm25(article_search, 4.0, 1.0)"
            } else {
                ""
            }
        );
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let in_sql_order = q.limit.is_some() && searching.is_none() && q.company.is_none();
        // The feed's columns come from `feeds` read once (a list names a few hundred feeds);
        // the table is joined only when a filter needs it.
        if q.feed.is_some() || q.tag.is_some() {
            sql.push_str(" JOIN feeds f ON f.id = a.feed_id");
        }
        let feeds = self.feed_columns()?;
        if let Some(expr) = searching {
            sql.push_str(" JOIN article_search s ON s.rowid = a.id");
            args.push(expr.into());
            conds.push(format!("article_search MATCH ?{}", args.len()));
        } else if q.search.as_deref().is_some_and(|s| !s.trim().is_empty()) {
            // A query with no searchable word matches nothing rather than everything.
            conds.push("0".into());
        }
        self.push_filters(q, &mut sql, conds, &mut args)?;
        if in_sql_order {
            sql.push_str(" ORDER BY COALESCE(a.published, a.fetched) DESC, a.id DESC");
            if let Some(limit) = q.limit {
                sql.push_str(&format!(" LIMIT {limit}"));
            }
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        // Sort keys apart from what the sink keeps: sorting moves only the small keys, and
        // each item is moved once into place.
        let mut items: Vec<Option<S::Item>> = Vec::new();
        let mut keys: Vec<((u128, u64), usize)> = Vec::new();
        let mut names = self.names.borrow_mut();
        let mut list_names = ListNames::default();
        let mut slots: Vec<usize> = Vec::new();
        while let Some(r) = rows.next()? {
            let Some(feed) = feeds.get(r.get(1)?) else {
                continue; // not possible while foreign keys hold: such a row has no feed to show
            };
            slots.clear();
            if let Some(value) = blob_or_null(r, 7)? {
                for id in super::entities::company_ids(value) {
                    slots.extend(list_names.slot(&self.conn, &mut names, id)?);
                }
            }
            list_names.sort(&mut slots);
            let companies: Vec<&str> = slots.iter().map(|&s| list_names.name(s)).collect();
            let flags: i64 = r.get(5)?;
            let row = RowRef {
                id: r.get(0)?,
                feed: &feed.url,
                feed_title: feed.title.as_deref(),
                title: text(r, 2)?,
                link: text_or_null(r, 3)?,
                published: ts(r.get(4)?),
                read: flags & 1 != 0,
                starred: flags & 2 != 0,
                language: text_or_null(r, 6)?.or(feed.language.as_deref()),
                companies: &companies,
            };
            let item = sink.keep(&row);
            if in_sql_order {
                if !sink.emit(item) {
                    return Ok(());
                }
            } else {
                let rank = if ranked { r.get(9)? } else { 0.0 };
                keys.push((sort_key(rank, r.get(8)?, row.id), items.len()));
                items.push(Some(item));
            }
        }
        drop(names);
        if in_sql_order {
            return Ok(());
        }
        keys.sort_unstable();
        keys.truncate(q.limit.unwrap_or(usize::MAX));
        for &(_, at) in &keys {
            if let Some(item) = items[at].take()
                && !sink.emit(item)
            {
                break;
            }
        }
        // What was left unlisted is dropped with `items`.
        Ok(())
    }

    /// Whether a search is ordered by bm25: when its words match at most half of the articles.
    /// A word in more than half of them has no weight in bm25 (FTS5 floors its IDF, log((N − n +
    /// ½) / (n + ½)), at 1e-6), so over such a search bm25 orders by little more than which
    /// articles are short; those searches list newest first, as a news reader reads. It also
    /// spares FTS5 a lookup of every hit's column sizes (at 100,000 hits, 473 M of 1.63 G
    /// instructions). Counting stops at half the articles plus one: a bounded walk of the index.
    fn ranks_by_relevance(&self, expr: &str) -> Result<bool> {
        let half = usize::try_from(self.article_count()? / 2).unwrap_or(0);
        Ok(self.hits_up_to(expr, half + 1)? <= half)
    }

    /// How many articles the MATCH expression `expr` matches, counted up to `most`.
    fn hits_up_to(&self, expr: &str, most: usize) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM
                    (SELECT 1 FROM article_search WHERE article_search MATCH ?1 LIMIT ?2)",
            )?
            .query_row(rusqlite::params![expr, most as i64], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// How many articles a query lists, and how many of them are unread (the reader's header).
    pub fn count_articles(&self, q: &ArticleQuery) -> Result<(i64, i64)> {
        if q.company.is_none()
            && q.feed.is_none()
            && q.tag.is_none()
            && q.search.is_none()
            && !q.starred
        {
            // The common case, from the indexes alone.
            let unread: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM articles WHERE read = 0", [], |r| {
                        r.get(0)
                    })?;
            let total = if q.unread {
                unread
            } else {
                self.article_count()?
            };
            return Ok((total, unread));
        }
        let mut q = q.clone();
        q.limit = None;
        if q.search_entity.is_some() {
            // A search naming an entity is two queries merged: count what it lists.
            let mut count = Count::default();
            self.visit_articles(&q, &mut count)?;
            return Ok((count.total, count.unread));
        }
        let rows = self.list_ids(&q)?;
        Ok((
            rows.len() as i64,
            rows.iter().filter(|(_, read)| !read).count() as i64,
        ))
    }

    /// The filters other than a search, written once for the list and its counts (`a` is the
    /// article, `f` its feed): their joins, then `WHERE` with `conds` (the search's) and theirs.
    fn push_filters(
        &self,
        q: &ArticleQuery,
        sql: &mut String,
        mut conds: Vec<String>,
        args: &mut Vec<rusqlite::types::Value>,
    ) -> Result<()> {
        let mut joins: Vec<String> = Vec::new();
        if let Some(c) = &q.company {
            // A name never stored is named by no article.
            let id = self.names.borrow_mut().find(&self.conn, c)?.unwrap_or(-1);
            args.push(id.into());
            // Joined, so the company's range of (company, article) is read in article order; an
            // `IN` list built a temporary b-tree of every article first.
            joins.push(format!(
                "JOIN article_companies c ON c.article = a.id AND c.company = ?{}",
                args.len()
            ));
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
        for join in &joins {
            sql.push(' ');
            sql.push_str(join);
        }
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        Ok(())
    }

    /// Ids and read flags of what a query lists.
    fn list_ids(&self, q: &ArticleQuery) -> Result<Vec<(i64, bool)>> {
        let mut sql =
            String::from("SELECT a.id, a.read FROM articles a JOIN feeds f ON f.id = a.feed_id");
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(expr) = self.search_expression(q.search.as_deref())? {
            args.push(expr.into());
            conds.push(format!(
                "a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?{})",
                args.len()
            ));
        } else if q.search.as_deref().is_some_and(|s| !s.trim().is_empty()) {
            conds.push("0".into());
        }
        self.push_filters(q, &mut sql, conds, &mut args)?;
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

struct FeedCols {
    url: String,
    title: Option<String>,
    language: Option<String>,
}

/// Feeds sorted by id.
struct FeedColumns(Vec<(i64, FeedCols)>);

impl FeedColumns {
    fn get(&self, id: i64) -> Option<&FeedCols> {
        let at = self.0.binary_search_by_key(&id, |(id, _)| *id).ok()?;
        self.0.get(at).map(|(_, f)| f)
    }
}

/// A list's order as integers, smallest first: bm25 (lower is better), then newest, then the
/// later id. Integers compare in a few instructions; comparing a float and two integers in
/// turn was a tenth of listing every article.
fn sort_key(rank: f64, date: i64, id: i64) -> (u128, u64) {
    // Each value's bits made to order as the value does (a float's negatives flipped whole,
    // else its sign bit set; an integer's sign bit flipped), then date and id turned around
    // so that newer and later come first.
    let bits = rank.to_bits();
    let rank = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    let ordered = |v: i64| (v as u64) ^ (1 << 63);
    (
        (u128::from(rank) << 64) | u128::from(!ordered(date)),
        !ordered(id),
    )
}

/// The company names of one list. Their ids are the rows of `entity_names`, small and dense,
/// so a vector indexed by id stands in for the shared cache's hash map (two hash lookups per
/// company per row were a tenth of listing every article).
#[derive(Default)]
struct ListNames {
    /// By id: 0 when not read yet, else the slot + 1.
    slot_by_id: Vec<u32>,
    names: Vec<String>,
}

impl ListNames {
    /// Past this id the vector would be wasteful; such ids are read each time (none are
    /// expected: a cache names a few thousand entities).
    const DENSE_IDS: usize = 1 << 22;

    fn slot(
        &mut self,
        conn: &rusqlite::Connection,
        names: &mut super::entities::Names,
        id: i64,
    ) -> Result<Option<usize>> {
        let dense = usize::try_from(id).ok().filter(|&i| i < Self::DENSE_IDS);
        if let Some(i) = dense
            && let Some(&slot) = self.slot_by_id.get(i)
            && slot > 0
        {
            return Ok(Some(slot as usize - 1));
        }
        let Some(name) = names.name(conn, id)? else {
            return Ok(None);
        };
        self.names.push(name);
        let slot = self.names.len() - 1;

        if let Some(i) = dense {
            if self.slot_by_id.len() <= i {
                self.slot_by_id.resize(i + 1, 0);
            }
            self.slot_by_id[i] = u32::try_from(slot + 1).unwrap_or(0);
        }
        Ok(Some(slot))
    }

    /// Slots in their names' alphabetical order. A row names a handful: insertion sort.
    fn sort(&self, slots: &mut [usize]) {
        for i in 1..slots.len() {
            let mut j = i;
            while j > 0 && self.name(slots[j - 1]) > self.name(slots[j]) {
                slots.swap(j - 1, j);
                j -= 1;
            }
        }
    }

    fn name(&self, slot: usize) -> &str {
        self.names.get(slot).map_or("", String::as_str)
    }
}

/// Counts what a list holds, and how much of it is unread.
#[derive(Default)]
struct Count {
    total: i64,
    unread: i64,
}

impl RowSink for Count {
    type Item = bool;
    fn keep(&mut self, row: &RowRef<'_>) -> bool {
        row.read
    }
    fn emit(&mut self, read: bool) -> bool {
        self.total += 1;
        self.unread += i64::from(!read);
        true
    }
}

// Columns borrowed from the row, not copied (a wrong type or invalid UTF-8 is an error naming
// the column). Text is checked with simdutf8: the standard library's check of the Arabic
// titles was 6% of listing every article.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    text_or_null(r, i)?.ok_or_else(|| {
        conversion(
            i,
            rusqlite::types::Type::Text,
            rusqlite::types::FromSqlError::InvalidType,
        )
    })
}

fn text_or_null<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r str>> {
    use rusqlite::types::{FromSqlError, Type, ValueRef};
    match r.get_ref(i)? {
        ValueRef::Text(bytes) => simdutf8::basic::from_utf8(bytes)
            .map(Some)
            .map_err(|e| conversion(i, Type::Text, FromSqlError::Other(Box::new(e)))),
        ValueRef::Null => Ok(None),
        _ => Err(conversion(i, Type::Text, FromSqlError::InvalidType)),
    }
}

fn blob_or_null<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<Option<&'r [u8]>> {
    r.get_ref(i)?
        .as_blob_or_null()
        .map_err(|e| conversion(i, rusqlite::types::Type::Blob, e))
}

fn conversion(
    i: usize,
    ty: rusqlite::types::Type,
    e: rusqlite::types::FromSqlError,
) -> super::StoreError {
    rusqlite::Error::FromSqlConversionFailure(i, ty, Box::new(e)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unwrap_used)] // a test: a failure is the panic
    fn a_search_matching_more_than_half_of_the_articles_lists_newest_first() {
        use crate::feed::NewArticle;
        use chrono::TimeZone;
        let (mut store, feed) = crate::store::in_memory_with_a_feed();
        let write = |store: &mut Store, items: &[(&str, &str, &str, i32)]| {
            let items: Vec<super::super::Ingest> = items
                .iter()
                .map(|&(guid, title, content, year)| {
                    let article = NewArticle {
                        guid: guid.into(),
                        title: title.into(),
                        content: content.into(),
                        published: Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).single(),
                        ..Default::default()
                    };
                    super::super::Ingest::new(article, guid.into(), Some(Vec::new()))
                })
                .collect();
            store
                .write_fetch(feed, &Default::default(), &items, "v1")
                .unwrap();
        };
        // The oldest names the word three times in its title: bm25's best.
        write(
            &mut store,
            &[
                ("a", "سحابة سحابة سحابة", "", 2020),
                ("b", "خبر", "نص عن سحابة وعن أشياء أخرى كثيرة", 2021),
                (
                    "c",
                    "خبر آخر",
                    "سحابة في نص أطول من ذلك بكثير جدا جدا جدا",
                    2022,
                ),
                ("d", "لا شيء", "نص آخر", 2023),
            ],
        );
        let titles = |store: &Store| -> Vec<String> {
            let q = ArticleQuery {
                search: Some("السحابة".into()),
                ..Default::default()
            };
            let rows = store.list_articles(&q).unwrap();
            rows.into_iter().map(|r| r.title).collect()
        };
        // Three hits of four articles: more than half, newest first.
        assert_eq!(
            titles(&store),
            vec!["خبر آخر", "خبر", "سحابة سحابة سحابة"],
            "past half: newest first"
        );
        // Three of six: half, ranked by bm25.
        write(
            &mut store,
            &[("e", "طقس", "مطر", 2024), ("f", "رياضة", "كرة", 2024)],
        );
        assert_eq!(titles(&store)[0], "سحابة سحابة سحابة", "half: by bm25");
    }

    #[test]
    fn the_sort_key_orders_as_rank_then_newest_then_later_id() {
        let ranks = [
            f64::NEG_INFINITY,
            -1e9,
            -12.5,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            1e-300,
            0.5,
            3.0,
            f64::INFINITY,
        ];
        let dates = [
            i64::MIN,
            -86_400,
            0,
            1,
            1_700_000_000,
            4_300_000_000,
            i64::MAX,
        ];
        let ids = [0, 1, 2, 99_999, i64::MAX];
        let mut all = Vec::new();
        for &r in &ranks {
            for &d in &dates {
                for &i in &ids {
                    all.push((r, d, i));
                }
            }
        }
        for a in &all {
            for b in &all {
                // -0.0 before 0.0, as `total_cmp` ordered bm25 before.
                let want = a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2));
                let got = sort_key(a.0, a.1, a.2).cmp(&sort_key(b.0, b.1, b.2));
                assert_eq!(got, want, "{a:?} against {b:?}");
            }
        }
    }
}
