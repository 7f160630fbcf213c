//! What can happen to the reader: user actions (named as in the config's [keys] table), messages
//! (input events and worker results) and effects (work `update` asks the runtime to do).

use crate::refresh::FeedResult;
use crate::store::{Article, ArticleQuery, ArticleRow, StoredSpan};
use crate::text::LayoutOptions;
use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};
use ratatui::text::Line;
use std::sync::Arc;

macro_rules! actions {
    ($($variant:ident = $name:literal : $help:literal),* $(,)?) => {
        /// A user action; every one can be bound to keys in the config's [keys] table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// One line for the help overlay.
            pub fn help(self) -> &'static str {
                match self { $(Action::$variant => $help),* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    Down = "down": "next headline / scroll down",
    Up = "up": "previous headline / scroll up",
    Open = "open": "open the article (apply the entity under the cursor)",
    Back = "back": "back to the headlines / cancel",
    SwitchPane = "switch_pane": "switch pane",
    PageDown = "page_down": "page down",
    PageUp = "page_up": "page up",
    Top = "top": "top",
    Bottom = "bottom": "bottom",
    NextArticle = "next_article": "next article (marks it read)",
    PrevArticle = "prev_article": "previous article (marks it read)",
    PrevMatch = "prev_match": "previous search hit in the article (n: the next one)",
    CompanyPicker = "company_picker": "pick a company to filter by",
    ClearCompany = "clear_company": "clear the company filter",
    Search = "search": "search as you type (Enter keeps, Esc clears)",
    UnreadOnly = "unread_only": "unread only on/off",
    ToggleRead = "toggle_read": "mark read/unread",
    ToggleStar = "toggle_star": "star/unstar",
    FullArticle = "full_article": "fetch the full article from its page",
    OpenLink = "open_link": "open the link in the browser",
    CopyLink = "copy_link": "copy the link (OSC 52)",
    RefreshAll = "refresh_all": "refresh every feed",
    RefreshFeed = "refresh_feed": "refresh this article's feed",
    Entities = "entities": "step through the article's entities",
    CycleBidi = "cycle_bidi": "bidi mode: app → terminal → off",
    ToggleShape = "toggle_shape": "letter shaping on/off",
    DividerLeft = "divider_left": "move the divider left",
    DividerRight = "divider_right": "move the divider right",
    Help = "help": "this help",
    Quit = "quit": "quit",
}

/// A company in the picker: canonical name, Arabic display name, article count.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    pub canonical: String,
    pub arabic: Option<String>,
    pub count: i64,
}

/// What an article layout was computed for; a result for another key is stale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutKey {
    pub id: i64,
    pub width: u16,
    pub opts: LayoutOptions,
    /// Index (into the article's entity list) of the entity under the cursor.
    pub focus: Option<usize>,
    /// Hash of the search whose terms are highlighted (0: none).
    pub search: u64,
}

/// A laid-out article pane: visual lines for `key.width`.
#[derive(Clone, Debug)]
pub struct ArticleLayout {
    pub key: LayoutKey,
    pub lines: Arc<Vec<Line<'static>>>,
    /// The first line holding the focused entity (to scroll it into view).
    pub focus_line: Option<usize>,
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
    /// Terminal came back from Ctrl-Z: everything must be drawn again.
    Resumed,
    ListLoaded {
        generation: u64,
        rows: Vec<ArticleRow>,
        total: i64,
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
    DemoLoaded(Result<usize, String>),
    /// A worker failed in a way the reader should hear about.
    Error(String),
    /// Something worth a line in the footer.
    Info(String),
}

/// Work for the runtime; `update` never does I/O itself.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    LoadList {
        generation: u64,
        query: ArticleQuery,
    },
    LoadArticle(i64),
    Layout {
        key: LayoutKey,
        article: Arc<Article>,
        /// The search whose terms to highlight.
        search: Option<String>,
    },
    LoadTitleSpans(Vec<i64>),
    LoadCompanies,
    /// Ask the recognizer which company an alias names.
    ResolveCompany(String),
    SetRead {
        id: i64,
        read: bool,
    },
    SetStarred {
        id: i64,
        starred: bool,
    },
    /// None: every feed.
    Refresh(Option<String>),
    FullText(i64),
    OpenLink(String),
    /// OSC 52 clipboard write.
    Copy(String),
    /// true: ask the terminal not to reorder (bidi = app); false: give it back.
    TerminalBidiExplicit(bool),
    /// Load the bundled demo feeds if the cache is still empty.
    LoadDemo,
    Suspend,
    Quit,
}
