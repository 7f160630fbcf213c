//! The library: what every command and the reader work on — the resolved configuration, the
//! database, the recognizer and the feed list — and the errors they report.

pub(crate) mod feeds;
pub mod index;
pub(crate) mod subscribe;
pub(crate) mod views;

use crate::config::Config;
use crate::entities::Recognizer;
use crate::i18n::Localizer;
use crate::store::{Store, StoreError};
use crate::text::terminal::{TerminalChoice, TerminalKind};
use crate::text::{BidiMode, LayoutOptions, ShapeMode};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

/// The resolved command line and configuration.
#[derive(Clone)]
pub struct Library {
    /// `--db`; None: the default location.
    pub cli_db: Option<PathBuf>,
    pub config: Config,
    /// The config file read (None: the defaults alone).
    pub config_path: Option<PathBuf>,
    /// `--feeds FILE`: the feed list for this run.
    pub feeds_file: Option<PathBuf>,
    pub bidi: BidiMode,
    pub shape: ShapeMode,
    /// `--terminal` or `[display] terminal`: the class of terminal written for.
    pub terminal: TerminalChoice,
    /// `--demo`: the bundled feeds in a temporary database, no network.
    pub demo: bool,
    /// The interface's language, digits and clock (`[ui]`, `--lang`, the locale).
    pub l10n: Arc<Localizer>,
}

/// Why something could not be done. `Usage` is the user's to fix (a bad option, file or
/// config: `akhbar` exits 2); everything else is `Runtime` (exit 1).
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    #[error("{0}")]
    Usage(String),
    #[error("{0:#}")]
    Runtime(anyhow::Error),
}

impl From<anyhow::Error> for Error {
    fn from(e: anyhow::Error) -> Self {
        Error::Runtime(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Runtime(e.into())
    }
}

impl Library {
    pub(crate) fn db_path(&self) -> PathBuf {
        self.cli_db.clone().unwrap_or_else(crate::paths::default_db)
    }

    /// The database: the user's (rid of the demo feeds an earlier version's offline fallback
    /// left in it), or with `--demo` one in memory holding the bundled demo feeds.
    pub(crate) fn open_store(&self) -> anyhow::Result<Store> {
        if self.demo {
            let mut store = Store::open_in_memory().map_err(|e| anyhow::anyhow!("{e}"))?;
            crate::demo::load_into(&mut store, &self.recognizer()?)?;
            return Ok(store);
        }
        let path = self.db_path();
        let mut store = Store::open(&path).map_err(|e| anyhow::anyhow!("{e}"))?;
        match store.remove_feeds_under(crate::demo::ORIGIN) {
            Ok(0) => {}
            Ok(n) => tracing::info!("removed {n} demo feeds an earlier version stored"),
            // A read-only database keeps them; every command still works.
            Err(e) => tracing::warn!("cannot remove the old demo feeds: {e}"),
        }
        Ok(store)
    }

    /// How long articles are kept (`[store]`).
    pub(crate) fn retention(&self) -> crate::store::retention::Retention {
        self.config.store.retention()
    }

    /// The store with its entities brought up to the current gazetteer (re-indexing the
    /// articles recognised with another version, once), and the recognizer.
    pub(crate) fn open_store_current(&self) -> anyhow::Result<(Store, Recognizer)> {
        let mut store = self.open_store()?;
        let rec = self.recognizer()?;
        index::ensure_entities_current(&mut store, &rec, &|n| self.announce_reindex(n))?;
        Ok((store, rec))
    }

    /// Said on stderr (when it is a terminal) before a long re-index of stored entities.
    pub(crate) fn announce_reindex(&self, count: usize) {
        if std::io::stderr().is_terminal() {
            let l = &self.l10n;
            eprintln!(
                "akhbar: {}",
                crate::i18n::tr!(l, "reindex-start", count = count)
            );
        }
    }

    /// The recognizer: the bundled gazetteer plus the user's additions.
    pub(crate) fn recognizer(&self) -> anyhow::Result<Recognizer> {
        let user = crate::paths::user_gazetteer();
        Recognizer::load(user.exists().then_some(user.as_path()))
    }

    /// How text is laid out for output: the configured direction, the bidi mode, and shaping
    /// (`auto`: for the terminal class named by the environment, since a command's output is
    /// not a place to ask the terminal questions; the reader asks, see
    /// [`Library::layout_options_for`]).
    pub fn layout_options(&self) -> LayoutOptions {
        let env = |k: &str| std::env::var(k).ok();
        self.layout_options_for(self.terminal.resolve(&env, None))
    }

    /// Layout options for a terminal of class `kind`: `shape = auto` joins letters unless it
    /// joins them itself.
    pub fn layout_options_for(&self, kind: TerminalKind) -> LayoutOptions {
        LayoutOptions {
            direction: self.config.display.direction,
            bidi: self.bidi,
            shape: match self.shape {
                ShapeMode::On => true,
                ShapeMode::Off => false,
                ShapeMode::Auto => kind.app_shapes(),
            },
        }
    }
}
