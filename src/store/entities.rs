//! The compact entity store. Each article keeps its spans in one value (`articles.entities`):
//! a format byte, the ids of the companies it names, then per span a flags byte, a kind byte,
//! varint offsets and varint name ids. Names (canonical and parent) are stored once, in
//! `entity_names`; `(company, article)` pairs in `article_companies` (WITHOUT ROWID) answer the
//! company filter and the counts. One row per entity with its strings repeated was 55% of a
//! cold fetch's write time and 37% of the file (docs/performance.md).

use super::{Field, Result, StoredSpan};
use crate::entities::{Kind, Span};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

const FORMAT: u8 = 1;
const HAS_CANONICAL: u8 = 1 << 2;
const HAS_PARENT: u8 = 1 << 3;
const HAS_VALUE: u8 = 1 << 4;

/// Stored codes of the kinds: part of the file format, never renumbered.
fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Org => 0,
        Kind::Person => 1,
        Kind::Place => 2,
        Kind::Product => 3,
        Kind::Money => 4,
        Kind::Percent => 5,
        Kind::Number => 6,
        Kind::Date => 7,
    }
}

fn kind_of(code: u8) -> Option<Kind> {
    Some(match code {
        0 => Kind::Org,
        1 => Kind::Person,
        2 => Kind::Place,
        3 => Kind::Product,
        4 => Kind::Money,
        5 => Kind::Percent,
        6 => Kind::Number,
        7 => Kind::Date,
        _ => return None,
    })
}

fn field_of(code: u8) -> Field {
    match code & 3 {
        0 => Field::Title,
        1 => Field::Summary,
        2 => Field::Content,
        _ => Field::FullContent,
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(b: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(v);
        }
    }
    None
}

/// A span with its names already turned into ids.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CodedSpan {
    pub(crate) field: Field,
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) canonical: Option<i64>,
    pub(crate) parent: Option<i64>,
    pub(crate) value: Option<f64>,
}

/// The companies an article names: organisations by their canonical name, and the parents of
/// anything (ChatGPT counts for OpenAI). Sorted, without repeats.
pub(crate) fn companies_of(spans: &[CodedSpan]) -> Vec<i64> {
    let mut ids: Vec<i64> = spans
        .iter()
        .flat_map(|s| {
            let org = (s.kind == Kind::Org).then_some(s.canonical).flatten();
            org.into_iter().chain(s.parent)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The stored value of an article's spans (sorted by field and start inside).
pub(crate) fn encode(spans: &mut [CodedSpan]) -> Vec<u8> {
    spans.sort_by_key(|s| (s.field as u8, s.start, s.end));
    let companies = companies_of(spans);
    let mut out = Vec::with_capacity(8 + spans.len() * 7);
    out.push(FORMAT);
    put_varint(&mut out, companies.len() as u64);
    for id in &companies {
        put_varint(&mut out, *id as u64);
    }
    let mut last = (u8::MAX, 0usize);
    for s in spans.iter() {
        let field = s.field as u8;
        let mut flags = field;
        flags |= if s.canonical.is_some() {
            HAS_CANONICAL
        } else {
            0
        };
        flags |= if s.parent.is_some() { HAS_PARENT } else { 0 };
        flags |= if s.value.is_some() { HAS_VALUE } else { 0 };
        out.push(flags);
        out.push(kind_code(s.kind));
        // Starts as the distance from the previous span's in the same field: one byte mostly.
        let base = if last.0 == field { last.1 } else { 0 };
        put_varint(&mut out, (s.start - base) as u64);
        put_varint(&mut out, (s.end - s.start) as u64);
        last = (field, s.start);
        for id in [s.canonical, s.parent].into_iter().flatten() {
            put_varint(&mut out, id as u64);
        }
        if let Some(v) = s.value {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

/// The company ids at the head of a stored value (the list needs only these).
pub(crate) fn decode_companies(b: &[u8]) -> Vec<i64> {
    company_ids(b).collect()
}

/// [`decode_companies`] without collecting them.
pub(crate) fn company_ids(b: &[u8]) -> impl Iterator<Item = i64> + '_ {
    let mut pos = 1;
    let n = if b.first() == Some(&FORMAT) {
        get_varint(b, &mut pos).unwrap_or(0)
    } else {
        0
    };
    (0..n).map_while(move |_| get_varint(b, &mut pos).map(|v| v as i64))
}

/// Every span of a stored value. A value cut short or of an unknown format yields the spans
/// read so far (entities are display hints; the text is intact either way).
pub(crate) fn decode(b: &[u8]) -> Vec<CodedSpan> {
    let mut out = Vec::new();
    if b.first() != Some(&FORMAT) {
        return out;
    }
    let mut pos = 1;
    let Some(n) = get_varint(b, &mut pos) else {
        return out;
    };
    for _ in 0..n {
        if get_varint(b, &mut pos).is_none() {
            return out;
        }
    }
    let mut last = (u8::MAX, 0usize);
    while pos < b.len() {
        let Some(span) = decode_span(b, &mut pos, &mut last) else {
            break;
        };
        out.extend(span);
    }
    out
}

/// One span; `Some(None)` for a span of a kind this version does not know (skipped).
fn decode_span(b: &[u8], pos: &mut usize, last: &mut (u8, usize)) -> Option<Option<CodedSpan>> {
    let flags = *b.get(*pos)?;
    let code = *b.get(*pos + 1)?;
    *pos += 2;
    let field = flags & 3;
    let base = if last.0 == field { last.1 } else { 0 };
    let start = base.checked_add(usize::try_from(get_varint(b, pos)?).ok()?)?;
    let end = start.checked_add(usize::try_from(get_varint(b, pos)?).ok()?)?;
    *last = (field, start);
    let mut id = |flag: u8| -> Option<Option<i64>> {
        if flags & flag == 0 {
            return Some(None);
        }
        Some(Some(get_varint(b, pos)? as i64))
    };
    let canonical = id(HAS_CANONICAL)?;
    let parent = id(HAS_PARENT)?;
    let value = if flags & HAS_VALUE != 0 {
        let bytes: [u8; 8] = b.get(*pos..*pos + 8)?.try_into().ok()?;
        *pos += 8;
        Some(f64::from_le_bytes(bytes))
    } else {
        None
    };
    Some(kind_of(code).map(|kind| CodedSpan {
        field: field_of(field),
        kind,
        start,
        end,
        canonical,
        parent,
        value,
    }))
}

/// Names by id and ids by name, as far as this connection has seen them. A name's id never
/// changes once committed; after a rollback the caches are dropped (the ids they hold for names
/// first inserted in that transaction are gone).
#[derive(Default)]
pub(crate) struct Names {
    by_id: HashMap<i64, String>,
    by_name: HashMap<String, i64>,
}

impl Names {
    pub(crate) fn forget(&mut self) {
        self.by_id.clear();
        self.by_name.clear();
    }

    /// The id of `name`, adding it to `entity_names` when new (inside the caller's transaction).
    pub(crate) fn id(&mut self, conn: &Connection, name: &str) -> Result<i64> {
        if let Some(id) = self.by_name.get(name) {
            return Ok(*id);
        }
        let found: Option<i64> = conn
            .prepare_cached("SELECT id FROM entity_names WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => {
                conn.prepare_cached("INSERT INTO entity_names (name) VALUES (?1)")?
                    .execute([name])?;
                conn.last_insert_rowid()
            }
        };
        self.by_name.insert(name.to_string(), id);
        Ok(id)
    }

    /// The id of `name` if it was ever stored (queries never add names).
    pub(crate) fn find(&mut self, conn: &Connection, name: &str) -> Result<Option<i64>> {
        if let Some(id) = self.by_name.get(name) {
            return Ok(Some(*id));
        }
        let found: Option<i64> = conn
            .prepare_cached("SELECT id FROM entity_names WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        if let Some(id) = found {
            self.by_name.insert(name.to_string(), id);
        }
        Ok(found)
    }

    pub(crate) fn name(&mut self, conn: &Connection, id: i64) -> Result<Option<String>> {
        if let Some(n) = self.by_id.get(&id) {
            return Ok(Some(n.clone()));
        }
        let found: Option<String> = conn
            .prepare_cached("SELECT name FROM entity_names WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if let Some(n) = &found {
            self.by_id.insert(id, n.clone());
        }
        Ok(found)
    }

    /// Spans as found by the recognizer → spans with name ids.
    pub(crate) fn code<'a>(
        &mut self,
        conn: &Connection,
        spans: impl Iterator<Item = (Field, &'a Span)>,
    ) -> Result<Vec<CodedSpan>> {
        let mut out = Vec::new();
        for (field, s) in spans {
            let canonical = match &s.canonical {
                Some(n) => Some(self.id(conn, n)?),
                None => None,
            };
            let parent = match &s.parent {
                Some(n) => Some(self.id(conn, n)?),
                None => None,
            };
            out.push(CodedSpan {
                field,
                kind: s.kind,
                start: s.start,
                end: s.end,
                canonical,
                parent,
                value: s.value,
            });
        }
        Ok(out)
    }

    /// Stored spans with their names.
    pub(crate) fn named(
        &mut self,
        conn: &Connection,
        spans: Vec<CodedSpan>,
    ) -> Result<Vec<StoredSpan>> {
        let mut out = Vec::with_capacity(spans.len());
        for s in spans {
            let canonical = match s.canonical {
                Some(id) => self.name(conn, id)?,
                None => None,
            };
            let parent = match s.parent {
                Some(id) => self.name(conn, id)?,
                None => None,
            };
            out.push(StoredSpan {
                field: s.field,
                kind: s.kind,
                canonical,
                parent,
                start: s.start,
                end: s.end,
                value: s.value,
            });
        }
        Ok(out)
    }
}

/// Store `spans` as the article's entities: its value, and its `(company, article)` rows
/// (those it no longer names removed, the new ones added).
pub(crate) fn write(
    conn: &Connection,
    article: i64,
    old: Option<&[u8]>,
    spans: &mut [CodedSpan],
) -> Result<()> {
    let value = encode(spans);
    let before = old.map(decode_companies).unwrap_or_default();
    let after = decode_companies(&value);
    conn.prepare_cached("UPDATE articles SET entities = ?2 WHERE id = ?1")?
        .execute(params![article, value])?;
    let mut delete =
        conn.prepare_cached("DELETE FROM article_companies WHERE company = ?1 AND article = ?2")?;
    for id in before.iter().filter(|id| !after.contains(id)) {
        delete.execute(params![id, article])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO article_companies (company, article) VALUES (?1, ?2)",
    )?;
    for id in after.iter().filter(|id| !before.contains(id)) {
        insert.execute(params![id, article])?;
    }
    Ok(())
}

/// Migration 3: the entity rows of a cache made by an older akhbar, into the compact store.
pub(crate) fn convert_rows(conn: &Connection) -> Result<()> {
    let mut names = Names::default();
    let mut rows = Vec::new();
    {
        let mut stmt = conn.prepare(
            "SELECT article_id, field, kind, canonical, parent, start, end, value
             FROM article_entities ORDER BY article_id",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let kind: String = r.get(2)?;
            let Some(kind) = Kind::parse(&kind) else {
                continue;
            };
            let canonical: Option<String> = r.get(3)?;
            let parent: Option<String> = r.get(4)?;
            rows.push((
                r.get::<_, i64>(0)?,
                CodedSpan {
                    field: super::Field::from_i64(r.get(1)?),
                    kind,
                    start: r.get::<_, i64>(5)?.max(0) as usize,
                    end: r.get::<_, i64>(6)?.max(0) as usize,
                    canonical: canonical.map(|n| names.id(conn, &n)).transpose()?,
                    parent: parent.map(|n| names.id(conn, &n)).transpose()?,
                    value: r.get(7)?,
                },
            ));
        }
    }
    let mut i = 0;
    while i < rows.len() {
        let id = rows[i].0;
        let mut spans: Vec<CodedSpan> = Vec::new();
        while i < rows.len() && rows[i].0 == id {
            spans.push(rows[i].1.clone());
            i += 1;
        }
        write(conn, id, None, &mut spans)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(field: Field, kind: Kind, start: usize, end: usize) -> CodedSpan {
        CodedSpan {
            field,
            kind,
            start,
            end,
            canonical: None,
            parent: None,
            value: None,
        }
    }

    #[test]
    fn a_value_round_trips_and_carries_its_companies() {
        let mut spans = vec![
            CodedSpan {
                canonical: Some(7),
                ..span(Field::Content, Kind::Org, 300, 320)
            },
            CodedSpan {
                canonical: Some(9),
                parent: Some(4),
                ..span(Field::Title, Kind::Product, 10, 17)
            },
            CodedSpan {
                value: Some(3.5e11),
                ..span(Field::Content, Kind::Money, 40, 80)
            },
            span(Field::FullContent, Kind::Place, 100_000, 100_012),
            CodedSpan {
                canonical: Some(7),
                ..span(Field::Summary, Kind::Org, 0, 5)
            },
        ];
        let value = encode(&mut spans);
        assert_eq!(decode_companies(&value), vec![4, 7]);
        assert_eq!(decode(&value), spans);
        // A person's canonical name is not a company; nothing, nothing.
        let mut person = vec![CodedSpan {
            canonical: Some(3),
            ..span(Field::Title, Kind::Person, 0, 4)
        }];
        assert!(decode_companies(&encode(&mut person)).is_empty());
        assert!(decode(&encode(&mut [])).is_empty());
    }

    #[test]
    fn a_damaged_value_yields_what_it_can() {
        let mut spans = vec![
            span(Field::Title, Kind::Org, 0, 4),
            CodedSpan {
                value: Some(2.0),
                ..span(Field::Title, Kind::Number, 6, 7)
            },
        ];
        let value = encode(&mut spans);
        for cut in 0..value.len() {
            let got = decode(&value[..cut]);
            assert!(got.len() < 2 && got.iter().all(|s| spans.contains(s)));
        }
        assert!(decode(b"\x09junk").is_empty());
    }
}
