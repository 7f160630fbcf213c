//! The feeds view (`F`): every feed with its counts under each of its tags, the saved views, and
//! the prompts that add, rename and remove feeds and save views. Built from what the store sent;
//! `update` moves through it, the ui draws it.

use crate::store::feeds::FeedStats;
use crate::store::views::{SavedView, ViewFilter};
use tui_input::Input;

/// Where a view was defined: the config's `[views]` (edited there) or saved from the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewSource {
    Config,
    Saved,
}

/// A view as the feeds view lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewItem {
    pub name: String,
    pub filter: ViewFilter,
    pub source: ViewSource,
}

/// One row of the feeds view.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Every article: Enter clears the feed, tag and view filters.
    All {
        articles: i64,
        unread: i64,
    },
    /// The heading over the views.
    ViewsHeading,
    View(usize),
    /// A tag's group heading with the sums of its feeds.
    Tag {
        name: String,
        feeds: usize,
        articles: i64,
        unread: i64,
    },
    /// The group of feeds without a tag.
    Untagged {
        feeds: usize,
    },
    /// A feed (an index into `FeedsView::feeds`), under one of its tags.
    Feed(usize),
}

impl Entry {
    /// Headings only group: the cursor passes over them.
    pub(crate) fn selectable(&self) -> bool {
        !matches!(self, Entry::ViewsHeading | Entry::Untagged { .. })
    }
}

/// The feeds view's model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedsView {
    pub feeds: Vec<FeedStats>,
    pub views: Vec<ViewItem>,
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The first row shown (the ui keeps the cursor's row in view whatever this says).
    pub(crate) offset: usize,
    pub loaded: bool,
    /// The feed list could not be read: why.
    pub error: Option<String>,
    /// The next list puts the cursor on this feed (one just added).
    pub(crate) focus_url: Option<String>,
}

impl FeedsView {
    /// The rows for `feeds` and `views`: all articles, the views, then each tag (sorted) with
    /// its feeds, a feed with several tags under each, the untagged ones last.
    pub(crate) fn build(feeds: Vec<FeedStats>, views: Vec<ViewItem>) -> FeedsView {
        let mut entries = vec![Entry::All {
            articles: feeds.iter().map(|f| f.articles).sum(),
            unread: feeds.iter().map(|f| f.unread).sum(),
        }];
        if !views.is_empty() {
            entries.push(Entry::ViewsHeading);
            entries.extend((0..views.len()).map(Entry::View));
        }
        let mut tags: Vec<&str> = feeds
            .iter()
            .flat_map(|f| f.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let by_name = |i: &usize, j: &usize| {
            feeds[*i]
                .name()
                .to_lowercase()
                .cmp(&feeds[*j].name().to_lowercase())
        };
        for tag in tags {
            let mut members: Vec<usize> = (0..feeds.len())
                .filter(|&i| feeds[i].tags.iter().any(|t| t == tag))
                .collect();
            members.sort_by(by_name);
            entries.push(Entry::Tag {
                name: tag.to_string(),
                feeds: members.len(),
                articles: members.iter().map(|&i| feeds[i].articles).sum(),
                unread: members.iter().map(|&i| feeds[i].unread).sum(),
            });
            entries.extend(members.into_iter().map(Entry::Feed));
        }
        let mut untagged: Vec<usize> = (0..feeds.len())
            .filter(|&i| feeds[i].tags.is_empty())
            .collect();
        if !untagged.is_empty() {
            untagged.sort_by(by_name);
            entries.push(Entry::Untagged {
                feeds: untagged.len(),
            });
            entries.extend(untagged.into_iter().map(Entry::Feed));
        }
        FeedsView {
            feeds,
            views,
            entries,
            selected: 0,
            offset: 0,
            loaded: true,
            error: None,
            focus_url: None,
        }
    }

    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    /// The feed under the cursor.
    pub fn current_feed(&self) -> Option<&FeedStats> {
        match self.current()? {
            Entry::Feed(i) => self.feeds.get(*i),
            _ => None,
        }
    }

    pub(crate) fn current_view(&self) -> Option<&ViewItem> {
        match self.current()? {
            Entry::View(i) => self.views.get(*i),
            _ => None,
        }
    }

    /// Move the cursor `delta` selectable rows (clamped at both ends).
    pub(crate) fn step(&mut self, delta: isize) {
        let selectable: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].selectable())
            .collect();
        let Some(at) = selectable
            .iter()
            .position(|&i| i >= self.selected)
            .or(selectable.len().checked_sub(1))
        else {
            return;
        };
        let to = (at as isize)
            .saturating_add(delta)
            .clamp(0, selectable.len() as isize - 1) as usize;
        self.selected = selectable[to];
    }

    /// Scroll by as little as keeps the cursor's row among `rows` rows shown.
    pub(crate) fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }

    /// After a reload: the cursor back on what it was on (the same feed under the same tag,
    /// the same view or tag), else on the nearest row.
    pub(crate) fn keep_cursor_from(&mut self, before: &FeedsView) {
        let key = before.current().map(|e| before.key_of(e));
        let found = key.and_then(|k| self.entries.iter().position(|e| self.key_of(e) == k));
        self.selected = found.unwrap_or(before.selected.min(self.entries.len().saturating_sub(1)));
        self.offset = before.offset;
        self.step(0);
    }

    /// What an entry is, whatever its place: for finding it again in a new list.
    fn key_of(&self, e: &Entry) -> (u8, String) {
        match e {
            Entry::All { .. } => (0, String::new()),
            Entry::ViewsHeading => (1, String::new()),
            Entry::View(i) => (
                2,
                self.views
                    .get(*i)
                    .map(|v| v.name.clone())
                    .unwrap_or_default(),
            ),
            Entry::Tag { name, .. } => (3, name.clone()),
            Entry::Untagged { .. } => (4, String::new()),
            Entry::Feed(i) => {
                // The same feed under the same group: the tag heading above it.
                let at = self.entries.iter().position(|x| x == e).unwrap_or(0);
                let group = self.entries[..at]
                    .iter()
                    .rev()
                    .find_map(|x| match x {
                        Entry::Tag { name, .. } => Some(name.clone()),
                        Entry::Untagged { .. } => Some(String::new()),
                        _ => None,
                    })
                    .unwrap_or_default();
                let url = self
                    .feeds
                    .get(*i)
                    .map(|f| f.url.clone())
                    .unwrap_or_default();
                (5, format!("{group}\n{url}"))
            }
        }
    }
}

/// The views as the reader lists them: the config's, then those saved in the database (one of
/// the same name as a config view is hidden by it, as for `list --view`), by name.
pub(crate) fn merge_views(config: &[SavedView], saved: Vec<SavedView>) -> Vec<ViewItem> {
    let mut out: Vec<ViewItem> = config
        .iter()
        .map(|v| ViewItem {
            name: v.name.clone(),
            filter: v.filter.clone(),
            source: ViewSource::Config,
        })
        .collect();
    for v in saved {
        if !out.iter().any(|o| o.name == v.name) {
            out.push(ViewItem {
                name: v.name,
                filter: v.filter,
                source: ViewSource::Saved,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A line typed at the bottom of the screen, or a yes/no question.
#[derive(Clone, Debug)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: Input,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PromptKind {
    /// A feed's or a site's address, then any tags.
    AddFeed,
    /// A feed's new name (prefilled with the old).
    Rename { id: i64, url: String },
    /// A name for the current filters.
    SaveView,
    /// y or n.
    Confirm(Confirm),
}

/// What a yes/no question is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    RemoveFeed {
        url: String,
        name: String,
        articles: i64,
        starred: i64,
    },
    DeleteView {
        name: String,
    },
}
