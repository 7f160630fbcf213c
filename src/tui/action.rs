//! What can happen to the reader: user actions (named as in the config's [keys] table), messages
//! (input events and worker results) and effects (work `update` asks the runtime to do).

use crate::library::subscribe::{SubscribeError, Subscribed};
use crate::refresh::FeedResult;
use crate::store::feeds::FeedStats;
use crate::store::views::{SavedView, ViewFilter};
use crate::store::{Article, ArticleQuery, ArticleRow, StoredSpan};
use crate::text::LayoutOptions;
use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::text::Line;
use std::sync::Arc;

/// User actions are named by the config's [keys] table, which is where they are declared.
pub use crate::config::keys::Action;

/// A company in the picker: canonical name, Arabic display name, article count.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    pub canonical: String,
    pub(crate) arabic: Option<String>,
    pub(crate) count: i64,
}

/// What an article layout was computed for; a result for another key is stale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutKey {
    pub id: i64,
    pub width: u16,
    pub(crate) opts: LayoutOptions,
    /// Index (into the article's entity list) of the entity under the cursor.
    pub focus: Option<usize>,
    /// Hash of the search whose terms are highlighted (0: none).
    pub(crate) search: u64,
    /// The version of the article's text (`OpenArticle::version`): the full text arriving
    /// for the same id is another layout.
    pub(crate) version: u64,
}

/// A laid-out article pane: visual lines for `key.width`.
#[derive(Clone, Debug)]
pub struct ArticleLayout {
    pub key: LayoutKey,
    pub lines: Arc<Vec<Line<'static>>>,
    /// The first line holding the focused entity (to scroll it into view).
    pub(crate) focus_line: Option<usize>,
    /// Lines holding a search hit (`n`/`N` jump between them while reading).
    pub match_lines: Vec<usize>,
}

/// Inputs of `update`: terminal events, timers, worker results.
#[derive(Clone, Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Tick(DateTime<Utc>),
    Action(Action),
    /// Terminal came back from a stop: everything must be drawn again.
    Resumed,
    ListLoaded {
        generation: u64,
        rows: Vec<ArticleRow>,
        counts: ListCounts,
    },
    /// The headlines could not be read (a damaged database): the whole error.
    ListFailed {
        generation: u64,
        error: String,
    },
    ArticleLoaded(Arc<Article>),
    Layout(ArticleLayout),
    TitleSpans(Vec<(i64, Vec<StoredSpan>)>),
    Companies(Vec<Company>),
    /// The recognizer's canonical name for what was typed in the picker (any alias).
    Resolved {
        query: String,
        canonical: Option<String>,
    },
    RefreshStarted {
        total: usize,
    },
    FeedDone(FeedResult),
    RefreshFinished(Vec<FeedResult>),
    FullText {
        id: i64,
        result: Result<(), String>,
    },
    /// The offline fallback's demo database is open with this many articles (0: this build
    /// bundles none, and the reader stays on the user's), or could not be (the error).
    DemoLoaded(Result<usize, String>),
    /// A mark reached the database, or did not (the error).
    Saved {
        mark: Mark,
        result: Result<(), String>,
    },
    /// A bulk mark reached the database (the articles it changed), or did not (the error).
    BulkSaved {
        bulk: BulkMark,
        result: Result<Vec<i64>, String>,
    },
    /// Quitting waits for marks on their way: who holds the database, if anyone.
    StillSaving {
        holder: Option<String>,
    },
    Signal(Signal),
    /// The terminal is gone or unreadable (its error, if it gave one): nothing more is drawn.
    TerminalLost(Option<String>),
    /// A worker could not do something the reader should hear about (`update` phrases it in
    /// the interface's language; the `String` is the error's own text).
    Failed(Failure, String),
    /// The feeds with their counts and the views saved in the database, or why not.
    FeedsLoaded(Result<(Vec<FeedStats>, Vec<SavedView>), String>),
    /// A view's company and feed as the recognizer and the store know them (None: unknown).
    ViewResolved {
        name: String,
        filter: ViewFilter,
        /// (canonical, Arabic name)
        company: Option<(String, Option<String>)>,
        /// (address, name)
        feed: Option<(String, String)>,
    },
    /// A feed was subscribed to from the reader (`a`), and fetched; or why not.
    FeedAdded(Result<Subscribed, SubscribeError>),
    /// A change to the feeds or views reached the database (false: there was nothing of that
    /// name or address any more), or did not (the error).
    Changed {
        change: Change,
        result: Result<bool, String>,
    },
    /// Back from the offline fallback's demo to the user's database, or why not.
    DemoLeft(Result<(), String>),
    /// The background re-index of stored entities got this far (counted, then each batch).
    Reindexing(crate::library::index::Progress),
    /// It ended: how many articles were re-indexed, or why it could not go on.
    Reindexed(Result<usize, String>),
}

/// A change to the feed list or the views, made from the reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    RemovedFeed {
        url: String,
        name: String,
        articles: i64,
    },
    RenamedFeed {
        url: String,
        name: String,
    },
    SavedView {
        name: String,
    },
    DeletedView {
        name: String,
    },
}

/// What a worker could not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    Article,
    Entities,
    Companies,
    Browser,
    Refresh,
    Copy,
    Terminal,
}

/// Work for the runtime; `update` never does I/O itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// A question for the database, answered by a `Msg`.
    Store(StoreJob),
    /// Lay an article out for the pane, answered by `Msg::Layout`.
    Layout(LayoutJob),
    /// None: every feed.
    Refresh(Option<String>),
    FullText(i64),
    OpenLink(String),
    /// OSC 52 clipboard write.
    Copy(String),
    /// true: ask the terminal not to reorder (bidi = app); false: give it back.
    TerminalBidiExplicit(bool),
    /// Save a read or star mark (before any refresh write waiting), answered by `Msg::Saved`.
    Save(Mark),
    /// Save a mark over many articles, like a mark; answered by `Msg::BulkSaved`.
    SaveBulk(BulkMark),
    /// Offline with nothing stored: if the user's database is still empty, go on over the
    /// bundled demo feeds in a temporary database (never the user's); `Msg::DemoLoaded`.
    OpenDemo,
    /// Say, after a moment, what quitting waits for (`Msg::StillSaving`, repeated).
    WatchSaves,
    /// Subscribe to a feed (or the one a site's page names) with these tags, then fetch it;
    /// answered by `Msg::FeedAdded`.
    AddFeed {
        url: String,
        tags: Vec<String>,
    },
    /// A refresh reached the user's feeds while the offline demo showed: go back to the
    /// user's database (`Msg::DemoLeft`).
    LeaveDemo,
    /// Re-index the stored entities recognised with another version, in the background, on a
    /// connection of its own; answered by `Msg::Reindexing` as it goes, then `Msg::Reindexed`.
    Reindex,
    /// Give the terminal back and stop (Ctrl-Z, SIGTSTP); take it again when continued.
    Suspend,
    /// Continued after a stop: take the terminal again (its modes may have been reset).
    Resume,
    Quit,
}

/// A mark the user sets on an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Read,
    Starred,
}

/// `kind` set to `on` on article `id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub id: i64,
    pub kind: MarkKind,
    pub on: bool,
}

/// A mark over many articles at once (A, M) and its undo (U).
#[derive(Clone, Debug, PartialEq)]
pub enum BulkMark {
    /// Read: every unread article the query selects, loaded on screen or not.
    ReadMatching(ArticleQuery),
    /// Unread again: the articles a bulk mark changed.
    Unread(Vec<i64>),
}

/// The signals the reader handles (see `tui::signals`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// SIGINT, SIGTERM, SIGHUP: save what is on its way, give the terminal back, end.
    Interrupt,
    Terminate,
    HangUp,
    /// SIGTSTP: give the terminal back and stop.
    Stop,
    /// SIGCONT: continued after any stop.
    Continue,
}

/// Requests for the store worker, run in order; a newer `List` or `Article` replaces an older
/// one still waiting (see `jobs::Latest`).
#[derive(Clone, Debug, PartialEq)]
pub enum StoreJob {
    /// Headlines for the filters; `query.limit` None: the first screenful, then the rest.
    List {
        generation: u64,
        query: ArticleQuery,
    },
    Article(i64),
    TitleSpans(Vec<i64>),
    Companies,
    /// Ask the recognizer which company an alias names.
    Resolve(String),
    /// The feeds with their counts, and the views saved in the database.
    Feeds,
    /// A view's company (any alias) and feed (id, address or title) as the filters take them.
    ResolveView {
        name: String,
        filter: ViewFilter,
    },
    /// Unsubscribe: the feed and its articles (starred ones too).
    RemoveFeed {
        url: String,
        name: String,
        articles: i64,
    },
    /// Give a feed a name of the reader's (kept over the feed's own title).
    RenameFeed {
        id: i64,
        url: String,
        name: String,
    },
    /// Save the filters under a name (in the database), replacing a view of that name.
    SaveView {
        name: String,
        filter: ViewFilter,
    },
    DeleteView(String),
}

/// A layout request: the article, what it is laid out for, the search to highlight.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutJob {
    pub(crate) key: LayoutKey,
    pub(crate) article: Arc<Article>,
    pub(crate) search: Option<String>,
    /// The reader's clock (the article's date shows its year only when not this one).
    pub(crate) now: chrono::DateTime<chrono::Utc>,
}

/// Articles in the cache, those the list's filters select, and the unread among those: the
/// header's figures, right while only the first page of a long list has arrived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCounts {
    pub all: i64,
    pub listed: i64,
    pub unread: i64,
}
