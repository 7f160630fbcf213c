//! The interactive reader: state (pure model), actions, update (transitions), run (event loop).

pub mod action;
mod browser;
pub(crate) mod jobs;
pub mod keys;
pub mod run;
pub mod runtime;
pub mod saves;
pub(crate) mod signals;
pub mod state;
pub mod sync;
pub(crate) mod terminal;
pub mod ui;
pub mod update;

use crate::library::Library;
use crate::store::{Store, Writer};
use std::io::IsTerminal;
use std::sync::Arc;

/// NO_COLOR (https://no-color.org): set and not empty.
pub(crate) fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The state the reader starts with, from the config.
pub(crate) fn initial_state(lib: &Library) -> state::State {
    let keymap = keys::Keymap::new(&lib.config.keys);
    let theme = crate::view::theme::Theme::from_config(&lib.config.theme, no_color());
    let mut state = state::State::new(keymap, theme, lib.layout_options(), chrono::Utc::now());
    state.l10n = Arc::clone(&lib.l10n);
    state.full_text = lib.config.full_text.clone();
    state.split = lib.config.layout.split;
    state.mirror = lib.config.layout.mirror;
    state.config_views = lib
        .config
        .views
        .iter()
        .map(|(name, filter)| crate::store::views::SavedView {
            name: name.clone(),
            filter: filter.clone(),
        })
        .collect();
    state
}

pub(crate) fn run(lib: &Library) -> anyhow::Result<Ended> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(crate::i18n::tr!(lib.l10n, "reader-needs-terminal"));
    }
    let mut state = initial_state(lib);
    let recognizer = Arc::new(lib.recognizer()?);
    // --demo: a temporary database, removed on exit, filled before the first frame. (The
    // offline fallback opens the same, later: `run::Services::open_demo`.)
    let _demo_dir;
    let (store, path) = if lib.demo {
        let demo = crate::demo::open_temporary(&recognizer)?;
        _demo_dir = Some(demo.dir);
        state.demo = true;
        state.can_refresh = false;
        state.status = Some(state::Status {
            text: crate::i18n::tr!(state.l10n, "status-demo-loaded", count = demo.articles),
            error: false,
            sticky: false,
            at: state.now,
        });
        (demo.store, demo.path)
    } else {
        _demo_dir = None;
        let mut store = lib.open_store()?;
        // Many articles to re-index (after an update that changed the recognizer: all of
        // them, seconds at 100,000) are done in the background, the headlines on screen; a
        // few, before the first frame.
        if crate::library::index::many_stale(&store, &recognizer)? {
            update::reindex_after_the_list(&mut state);
        } else {
            crate::library::index::ensure_entities_current(&mut store, &recognizer, &|n| {
                lib.announce_reindex(n)
            })?;
        }
        (store, lib.db_path())
    };
    // Two roles: the store thread reads on its own connection; every change goes through the
    // one writer (marks, refresh, full text).
    let reader = Store::open_reader(&path)?;
    let writer = Writer::spawn(store)?;
    let refresher = if lib.demo {
        None
    } else {
        Some(crate::refresh::Refresher::new(
            crate::feed::fetch::Fetcher::new(lib.config.fetch_config())?,
            writer.clone(),
            Arc::clone(&recognizer),
            &lib.config,
        ))
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Parsing in a refresh is CPU work; more threads than cores only hold more in memory.
        .max_blocking_threads(std::thread::available_parallelism().map_or(2, |n| n.get()))
        .enable_all()
        .build()?;
    let initial = update::start(
        &mut state,
        refresher.is_some() && lib.config.fetch.refresh_on_start,
    );
    let refresh_every = (!lib.demo && lib.config.fetch.refresh_minutes > 0)
        .then(|| std::time::Duration::from_secs(lib.config.fetch.refresh_minutes * 60));
    let theme = state.theme.clone();
    let lib = Arc::new(lib.clone());
    let ended = runtime.block_on(async move {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        signals::forward(tx.clone())?;
        signals::watch_terminal()?;
        let typed = tx.clone();
        let services = run::Services::start(
            Arc::clone(&lib),
            reader,
            writer,
            recognizer,
            refresher,
            theme,
            tx,
        )?;
        // Dropped on every way out of this block: the terminal is given back.
        let (mut console, found) = terminal::Console::setup(lib.terminal, state.opts.bidi)?;
        // `shape = auto` is decided for the terminal found, as the layout of everything is.
        state.opts.shape = lib.layout_options_for(found.kind).shape;
        tracing::info!(
            "terminal: {} ({:?}); DECRQM mode 8: {:?}; bidi {}; shape {}",
            found.kind.name(),
            found.how,
            found.bdsm,
            state.bidi_label(),
            if state.opts.shape { "on" } else { "off" }
        );
        state.terminal = Some((found.kind, found.how));
        for key in found.typed {
            let _ = typed.send(action::Msg::Key(key));
        }
        let size = console.size()?;
        state.size = (size.width, size.height);
        let events = crossterm::event::EventStream::new();
        run::event_loop(
            &mut console,
            events,
            state,
            services,
            rx,
            initial,
            refresh_every,
        )
        .await
    });
    // Workers blocked on I/O must not keep the process alive after quit.
    runtime.shutdown_background();
    let state = ended?;
    let not_saved = state.saves.not_saved(&state.l10n);
    if !not_saved.is_empty() {
        eprintln!(
            "{}",
            crate::i18n::tr!(state.l10n, "exit-not-saved", count = not_saved.len())
        );
        for line in &not_saved {
            eprintln!("  {line}");
            tracing::warn!("not saved: {line}");
        }
    }
    if let Some(e) = state.terminal_error {
        anyhow::bail!(crate::i18n::tr!(state.l10n, "exit-terminal", error = e));
    }
    Ok(match state.exit_signal {
        Some(signal) => Ended::Signal(signal),
        None if !not_saved.is_empty() => Ended::NotSaved,
        None => Ended::Quit,
    })
}

/// How the reader ended, for the exit status.
pub(crate) enum Ended {
    Quit,
    /// Some marks were not saved (said on stderr): exit 1.
    NotSaved,
    /// SIGINT, SIGTERM or SIGHUP: the process ends by it (`signals::end_by`).
    Signal(action::Signal),
}
