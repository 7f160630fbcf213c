//! Marks on their way to the database, and the ones that did not get there. The screen shows a
//! mark at once; while it is on its way a list read from the database may not have it yet, so
//! the list shows what was asked. A failed save puts the screen back to what is stored, and
//! every mark not stored when the reader ends is told on stderr.

use super::action::{Mark, MarkKind};
use crate::i18n::{Localizer, tr};
use std::collections::HashMap;

type Key = (i64, MarkKind);

struct Saving {
    /// What the database holds (as far as this session knows).
    stored: bool,
    /// What the newest save asks for.
    wanted: bool,
    /// Saves of this mark not yet answered; they are answered in order.
    pending: u32,
}

/// What the screen must show once a save is answered.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Answered {
    /// Nothing changes: saved, or a newer save of the same mark is still on its way.
    Keep,
    /// Saving failed and nothing newer is on its way: show what is stored.
    Revert(bool),
}

#[derive(Default)]
pub struct Saves {
    saving: HashMap<Key, Saving>,
    /// Marks whose newest save failed (what was asked, why), until one of theirs is saved.
    failed: HashMap<Key, (bool, String)>,
    /// Titles of the articles marked, for the report.
    titles: HashMap<i64, String>,
}

impl Saves {
    /// A save asked for; `shown` is what the screen showed before.
    pub(crate) fn begin(&mut self, mark: Mark, shown: bool, title: &str) {
        let entry = self.saving.entry((mark.id, mark.kind)).or_insert(Saving {
            stored: shown,
            wanted: mark.on,
            pending: 0,
        });
        entry.wanted = mark.on;
        entry.pending += 1;
        self.titles.insert(mark.id, title.to_string());
    }

    /// The answer to one save (the oldest of its mark still waiting).
    pub(crate) fn answer(&mut self, mark: Mark, result: Result<(), String>) -> Answered {
        let key = (mark.id, mark.kind);
        let Some(entry) = self.saving.get_mut(&key) else {
            return Answered::Keep;
        };
        entry.pending = entry.pending.saturating_sub(1);
        let failed = match result {
            Ok(()) => {
                entry.stored = mark.on;
                self.failed.remove(&key);
                false
            }
            Err(why) => {
                self.failed.insert(key, (mark.on, why));
                true
            }
        };
        if entry.pending > 0 {
            return Answered::Keep;
        }
        let stored = entry.stored;
        self.saving.remove(&key);
        if failed {
            Answered::Revert(stored)
        } else {
            Answered::Keep
        }
    }

    /// What the screen shows for a mark on its way (a list read before it was saved does not
    /// have it).
    pub(crate) fn wanted(&self, id: i64, kind: MarkKind) -> Option<bool> {
        self.saving.get(&(id, kind)).map(|s| s.wanted)
    }

    /// Marks on their way.
    pub fn waiting(&self) -> usize {
        self.saving.len()
    }

    /// One line per mark not stored: its save failed, or was still on its way at the end.
    pub fn not_saved(&self, l10n: &Localizer) -> Vec<String> {
        let mut keys: Vec<&Key> = self.saving.keys().chain(self.failed.keys()).collect();
        keys.sort_by_key(|(id, kind)| (*id, *kind == MarkKind::Starred));
        keys.dedup();
        keys.into_iter()
            .map(|key| {
                let (on, why) = match (self.saving.get(key), self.failed.get(key)) {
                    (Some(s), _) => (s.wanted, tr!(l10n, "not-saved-still-waiting")),
                    (None, Some((on, why))) => (*on, why.clone()),
                    (None, None) => (false, String::new()),
                };
                let title = short(self.titles.get(&key.0).map(String::as_str).unwrap_or(""));
                // The id as written in the database (no digit grouping, no other digits).
                let id = key.0.to_string();
                match (key.1, on) {
                    (MarkKind::Read, true) => {
                        tr!(l10n, "not-saved-read", id = &id, title = &title, why = &why)
                    }
                    (MarkKind::Read, false) => {
                        tr!(
                            l10n,
                            "not-saved-unread",
                            id = &id,
                            title = &title,
                            why = &why
                        )
                    }
                    (MarkKind::Starred, true) => {
                        tr!(
                            l10n,
                            "not-saved-starred",
                            id = &id,
                            title = &title,
                            why = &why
                        )
                    }
                    (MarkKind::Starred, false) => {
                        tr!(
                            l10n,
                            "not-saved-unstarred",
                            id = &id,
                            title = &title,
                            why = &why
                        )
                    }
                }
            })
            .collect()
    }
}

/// A title for one line of a report: cleaned, and cut at 60 characters.
fn short(title: &str) -> String {
    let clean = crate::text::sanitize(title);
    let mut out: String = clean.chars().take(60).collect();
    if clean.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn star(id: i64, on: bool) -> Mark {
        Mark {
            id,
            kind: MarkKind::Starred,
            on,
        }
    }

    #[test]
    fn a_failed_save_shows_what_is_stored_and_is_reported() {
        let mut s = Saves::default();
        s.begin(star(1, true), false, "عنوان");
        assert_eq!(s.wanted(1, MarkKind::Starred), Some(true));
        assert_eq!(s.waiting(), 1);
        assert_eq!(
            s.answer(star(1, true), Err("database is locked".into())),
            Answered::Revert(false)
        );
        assert_eq!(s.waiting(), 0);
        assert_eq!(
            s.not_saved(&Localizer::default()),
            ["starred: article 1 «عنوان» — database is locked"]
        );
    }

    #[test]
    fn toggling_twice_reverts_to_the_stored_value_only_when_the_last_save_is_answered() {
        let mut s = Saves::default();
        // Stored: not starred. Star, unstar: both fail.
        s.begin(star(1, true), false, "t");
        s.begin(star(1, false), true, "t");
        assert_eq!(s.waiting(), 1, "one mark, two saves");
        assert_eq!(s.answer(star(1, true), Err("busy".into())), Answered::Keep);
        assert_eq!(
            s.answer(star(1, false), Err("busy".into())),
            Answered::Revert(false)
        );
        // Star (saved), unstar (fails): the star is what is stored.
        s.begin(star(2, true), false, "t");
        s.begin(star(2, false), true, "t");
        assert_eq!(s.answer(star(2, true), Ok(())), Answered::Keep);
        assert_eq!(
            s.answer(star(2, false), Err("busy".into())),
            Answered::Revert(true)
        );
        // A failure, then the same mark saved: nothing left to report for it.
        s.begin(star(3, true), false, "t");
        assert_eq!(
            s.answer(star(3, true), Err("busy".into())),
            Answered::Revert(false)
        );
        s.begin(star(3, true), false, "t");
        assert_eq!(s.answer(star(3, true), Ok(())), Answered::Keep);
        let report = s.not_saved(&Localizer::default());
        assert_eq!(report.len(), 2, "{report:?}");
        assert!(report[0].starts_with("unstarred: article 1"), "{report:?}");
        assert!(report[1].starts_with("unstarred: article 2"), "{report:?}");
    }

    #[test]
    fn a_mark_still_on_its_way_at_the_end_is_reported() {
        let mut s = Saves::default();
        let read = Mark {
            id: 7,
            kind: MarkKind::Read,
            on: true,
        };
        s.begin(read, false, "\u{1b}[31mred\u{202e}title");
        assert_eq!(
            s.not_saved(&Localizer::default()),
            ["marked read: article 7 «redtitle» — still waiting for the database at the end"]
        );
    }
}
