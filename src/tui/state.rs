//! The reader's model: everything drawing needs, nothing that does I/O.

use super::action::{ArticleLayout, Company, LayoutKey};
use super::keys::Keymap;
use crate::config::Mirror;
use crate::entities::Kind;
use crate::feed::Link;
use crate::i18n::Localizer;
use crate::store::{Article, ArticleQuery, ArticleRow, Field};
use crate::text::terminal::TerminalKind;
use crate::text::{BidiMode, LayoutOptions, StyleSpan};
use crate::view::theme::Theme;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;
use ratatui::text::Line;
use std::collections::HashMap;
use std::sync::Arc;
use tui_input::Input;

pub mod feeds;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Headlines,
    Article,
}

/// The filters; they combine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    /// Canonical company name.
    pub company: Option<String>,
    /// How the header names it (the Arabic name when known).
    pub company_label: Option<String>,
    pub search: Option<String>,
    pub unread: bool,
    pub(crate) starred: bool,
    /// A feed's address, chosen in the feeds view.
    pub feed: Option<String>,
    /// How the header names that feed.
    pub feed_label: Option<String>,
    /// A tag of the feeds, chosen in the feeds view.
    pub tag: Option<String>,
    /// The saved view the filters came from (the header names it).
    pub view: Option<String>,
}

impl Filters {
    pub fn query(&self) -> ArticleQuery {
        ArticleQuery {
            company: self.company.clone(),
            feed: self.feed.clone(),
            tag: self.tag.clone(),
            search: self.search.clone().filter(|s| !s.trim().is_empty()),
            unread: self.unread,
            starred: self.starred,
            ..Default::default()
        }
    }

    pub(crate) fn any(&self) -> bool {
        self.company.is_some()
            || self.search.is_some()
            || self.unread
            || self.starred
            || self.feed.is_some()
            || self.tag.is_some()
    }

    /// The filters as a view to save: the company by its canonical name, the feed by address.
    pub(crate) fn as_view(&self) -> crate::store::views::ViewFilter {
        crate::store::views::ViewFilter {
            company: self.company.clone(),
            tag: self.tag.clone(),
            feed: self.feed.clone(),
            search: self.search.clone().filter(|s| !s.trim().is_empty()),
            unread: self.unread,
            starred: self.starred,
        }
    }
}

/// The company picker overlay.
#[derive(Clone, Debug, Default)]
pub struct Picker {
    pub(crate) input: Input,
    pub companies: Vec<Company>,
    pub loaded: bool,
    /// Indexes into `companies` that match the input, in count order.
    pub matches: Vec<usize>,
    pub(crate) selected: usize,
    /// (typed text, canonical) from the recognizer: aliases the names here do not show.
    pub(crate) resolved: Option<(String, String)>,
}

impl Picker {
    pub(crate) fn refilter(&mut self) {
        let typed = self.input.value().trim();
        let q = crate::entities::normalize::normalize_str(typed);
        let alias_of = self
            .resolved
            .as_ref()
            .filter(|(t, _)| t == typed)
            .map(|(_, c)| c.as_str());
        self.matches = self
            .companies
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                q.is_empty()
                    || alias_of == Some(c.canonical.as_str())
                    || crate::entities::normalize::normalize_str(&c.canonical).contains(&q)
                    || c.arabic
                        .as_deref()
                        .is_some_and(|a| crate::entities::normalize::normalize_str(a).contains(&q))
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.matches.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&Company> {
        self.matches
            .get(self.selected)
            .and_then(|&i| self.companies.get(i))
    }
}

/// The open article's links (`l`): pick one to open or copy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkList {
    pub links: Vec<Link>,
    pub selected: usize,
}

#[derive(Clone, Debug)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Picker(Picker),
    Links(LinkList),
}

/// One entity of the open article, for `e` stepping.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRef {
    pub(crate) field: Field,
    pub(crate) kind: Kind,
    pub canonical: Option<String>,
    pub(crate) parent: Option<String>,
    pub(crate) text: String,
}

/// The article shown in the article pane.
#[derive(Clone, Debug)]
pub struct OpenArticle {
    pub article: Arc<Article>,
    pub entities: Vec<EntityRef>,
    /// The newest layout received (possibly for an older width while a new one is computed).
    pub layout: Option<ArticleLayout>,
    pub scroll: usize,
    pub focus: Option<usize>,
    /// The layout asked of the worker and not yet back (asked once).
    pub(crate) pending: Option<LayoutKey>,
    /// What the text is now (`OpenArticle::version_of`), so a layout of the teaser is not
    /// taken for one of the full text.
    pub(crate) version: u64,
}

impl OpenArticle {
    pub fn id(&self) -> i64 {
        self.article.row.id
    }

    /// The version of an article's text: its title, the body shown and its entities.
    pub(crate) fn version_of(article: &Article) -> u64 {
        let (body, _) = article.body();
        let spans = article.spans.len().to_string();
        crate::hash::stable_hash(&[&article.row.title, body, &spans])
    }
}

/// Marks over many articles (A, M): how many are on their way (quitting waits for them), and
/// the articles the last one changed, for U.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BulkMarks {
    pub waiting: usize,
    pub undo: Option<Vec<i64>>,
}

/// A background refresh in progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refreshing {
    pub done: usize,
    pub total: usize,
    pub errors: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// Kept until replaced (errors, the offline notice); others fade after a few seconds.
    pub(crate) sticky: bool,
    pub(crate) at: DateTime<Utc>,
}

/// How the terminal's class was chosen (the help overlay says).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// `[display] terminal` or `--terminal`.
    Named,
    /// From the environment and the terminal's answers.
    Answered,
    /// From the environment alone: the terminal did not answer.
    Unanswered,
}

/// A headline's title laid out for one width and set of options.
#[derive(Clone, Debug)]
pub struct TitleLine {
    pub(crate) width: u16,
    pub(crate) opts: LayoutOptions,
    pub(crate) with_spans: bool,
    pub(crate) line: Line<'static>,
    /// The feed's name, laid out for its column.
    pub(crate) feed: Line<'static>,
}

pub struct State {
    /// The interface's language, digits and clock.
    pub l10n: Arc<Localizer>,
    pub(crate) keymap: Keymap,
    pub theme: Theme,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub rows: Vec<ArticleRow>,
    /// Articles in the cache, whatever the filters.
    pub(crate) total_articles: i64,
    /// Articles the filters select and the unread among them, as last counted by the store
    /// (the rows may be only the first page of them).
    pub(crate) listed: (i64, i64),
    /// `G` was pressed before the whole list had arrived: the selection goes to its end then.
    pub(crate) to_bottom: bool,
    /// The start-up refresh waits for the first list: fetching and parsing many feeds on the
    /// same cores made the first headlines of a big cache come later.
    pub(crate) refresh_when_listed: bool,
    /// Stored entities being brought up to a changed recognizer in the background (after an
    /// update): how far (`total` 0 until the stale articles are counted). Entity marks, the
    /// company picker's counts and a company filter are not final meanwhile.
    pub reindexing: Option<crate::library::index::Progress>,
    /// That re-index waits for the first list, as the start-up refresh does.
    pub(crate) reindex_when_listed: bool,
    pub list_generation: u64,
    pub(crate) list_loaded: bool,
    /// Keys typed before the first list came (a big or cold cache takes a moment): kept and
    /// acted on, in order, once it is there, as a shell's type-ahead is — a `j s` typed at
    /// once stars the second headline instead of nothing. None once the first list came.
    pub(crate) typed_ahead: Option<Vec<KeyEvent>>,
    /// The newest list could not be read: why (shown whole in place of the headlines).
    pub list_error: Option<String>,
    pub selected: usize,
    /// First headline shown.
    pub(crate) offset: usize,
    pub focus: Focus,
    pub overlay: Overlay,
    /// The feeds view (`F`) in place of the panes; None: the headlines.
    pub feeds_view: Option<feeds::FeedsView>,
    /// A line being typed (an address, a name) or a yes/no question, in the footer.
    pub prompt: Option<feeds::Prompt>,
    /// The config's `[views]` (the feeds view lists them beside those saved in the database).
    pub config_views: Vec<crate::store::views::SavedView>,
    /// Some while the search line is being typed.
    pub search_input: Option<Input>,
    pub filters: Filters,
    /// The article the pane should show (its data may still be on the way).
    pub(crate) wanted_article: Option<i64>,
    /// The filters changed since the last list: a selection that is gone goes to the top.
    pub(crate) filters_changed: bool,
    /// The reader moved the cursor or opened an article: a new list keeps that article
    /// selected. Until then the cursor stays on the top headline, whatever arrives above.
    pub(crate) cursor_moved: bool,
    pub article: Option<OpenArticle>,
    /// Headlines pane width, percent.
    pub split: u16,
    pub(crate) mirror: Mirror,
    /// Most headlines are Arabic (mirrors the split under `mirror = auto`).
    pub(crate) content_rtl: bool,
    pub opts: LayoutOptions,
    /// The terminal class written for and how it was chosen (None: not a real terminal).
    pub(crate) terminal: Option<(TerminalKind, Found)>,
    pub refreshing: Option<Refreshing>,
    pub status: Option<Status>,
    /// Title entity spans by article; None while requested.
    pub title_spans: HashMap<i64, Option<Vec<StyleSpan>>>,
    pub title_lines: HashMap<i64, TitleLine>,
    pub(crate) now: DateTime<Utc>,
    /// Refresh is possible (not --demo).
    pub(crate) can_refresh: bool,
    pub demo: bool,
    /// The demo shows because no feed could be reached (not `--demo`): a refresh that reaches
    /// one goes back to the user's database.
    pub offline_demo: bool,
    pub(crate) dirty: bool,
    pub quit: bool,
    /// Read and star marks on their way to the database, and those that did not get there.
    pub saves: super::saves::Saves,
    /// Marks over many articles: on their way, and the last one's undo.
    pub bulk: BulkMarks,
    /// Quit was asked while marks were on their way: the reader ends when they are saved (or
    /// when quit is asked again).
    pub(crate) quitting: bool,
    /// The signal that ends the reader (SIGINT, SIGTERM, SIGHUP), first one kept.
    pub exit_signal: Option<super::action::Signal>,
    /// The terminal hung up or cannot be read: nothing more is drawn or read from it.
    pub terminal_lost: bool,
    /// Why the terminal was lost, when it said (an I/O error, not a hangup).
    pub terminal_error: Option<String>,
    /// When an opened article's page is fetched by itself (config [full_text]).
    pub full_text: crate::config::FullTextSection,
    /// Articles whose page was already asked for by itself (asked once per session).
    pub(crate) full_text_asked: std::collections::HashSet<i64>,
}

impl State {
    pub fn new(keymap: Keymap, theme: Theme, opts: LayoutOptions, now: DateTime<Utc>) -> State {
        State {
            l10n: Localizer::shared_default(),
            keymap,
            theme,
            size: (80, 24),
            rows: Vec::new(),
            total_articles: 0,
            listed: (0, 0),
            to_bottom: false,
            refresh_when_listed: false,
            reindexing: None,
            reindex_when_listed: false,
            list_generation: 0,
            list_loaded: false,
            typed_ahead: None,
            list_error: None,
            selected: 0,
            offset: 0,
            focus: Focus::Headlines,
            overlay: Overlay::None,
            feeds_view: None,
            prompt: None,
            config_views: Vec::new(),
            search_input: None,
            filters: Filters::default(),
            wanted_article: None,
            filters_changed: false,
            cursor_moved: false,
            article: None,
            split: 45,
            mirror: Mirror::Auto,
            content_rtl: false,
            opts,
            terminal: None,
            refreshing: None,
            status: None,
            title_spans: HashMap::new(),
            title_lines: HashMap::new(),
            now,
            can_refresh: true,
            demo: false,
            offline_demo: false,
            dirty: true,
            quit: false,
            saves: Default::default(),
            bulk: Default::default(),
            quitting: false,
            exit_signal: None,
            terminal_lost: false,
            terminal_error: None,
            full_text: Default::default(),
            full_text_asked: Default::default(),
        }
    }

    pub fn selected_row(&self) -> Option<&ArticleRow> {
        self.rows.get(self.selected)
    }

    /// Headlines on the right (Arabic content, or forced by the config).
    pub fn mirrored(&self) -> bool {
        match self.mirror {
            Mirror::On => true,
            Mirror::Off => false,
            Mirror::Auto => self.content_rtl,
        }
    }

    pub(crate) fn bidi_label(&self) -> &'static str {
        match self.opts.bidi {
            BidiMode::App => "app",
            BidiMode::Off => "off",
        }
    }
}
