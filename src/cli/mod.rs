//! Command-line interface: clap definitions and the headless subcommands.

mod add;
mod cleanup;
mod doctor;
mod entities_cmd;
mod feed_list;
mod feeds;
mod fetch;
mod list;
mod remove;
mod render;
mod show;
mod views;

use crate::config::Config;
use crate::i18n::{LanguageSetting, Localizer};
use crate::library::{Error, Library};
use crate::text::terminal::TerminalChoice;
use crate::text::{BidiMode, ShapeMode};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "akhbar",
    version,
    about = "أخبار — Arabic tech news in the terminal, right-to-left done right",
    long_about = None
)]
pub(crate) struct Cli {
    /// Database file (default: ~/.local/share/akhbar/akhbar.db).
    #[arg(long, global = true, value_name = "PATH", env = "AKHBAR_DB")]
    pub(crate) db: Option<PathBuf>,
    /// Config file (default: ~/.config/akhbar/config.toml).
    #[arg(long, global = true, value_name = "PATH", env = "AKHBAR_CONFIG")]
    pub(crate) config: Option<PathBuf>,
    /// Work on the feeds of FILE (OPML, or one URL a line) this run: they are added to the
    /// database (and stay there: `akhbar remove` takes one out) and only they are refreshed.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) feeds: Option<PathBuf>,
    /// Open the reader over the bundled demo feeds (no network, temporary database).
    #[arg(long, global = true)]
    pub(crate) demo: bool,
    /// Who reorders right-to-left text: akhbar (app, the default) or nobody (off).
    #[arg(long, global = true, value_name = "app|off", value_parser = str::parse::<BidiMode>)]
    pub(crate) bidi: Option<BidiMode>,
    /// Join Arabic letters with presentation forms.
    #[arg(long, global = true, value_enum)]
    pub(crate) shape: Option<ShapeMode>,
    /// The interface's language (default: [ui] language, else the locale: Arabic for ar_*).
    #[arg(long, global = true, value_enum)]
    pub(crate) lang: Option<LanguageSetting>,
    /// Which terminal to write for (auto: ask it and read the environment).
    #[arg(long, global = true, value_enum)]
    pub(crate) terminal: Option<TerminalChoice>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Refresh every feed (exit 0: all fine, 1: some failed, 2: usage or config error).
    Fetch {
        /// One JSON object a line, one line a feed.
        #[arg(long)]
        json: bool,
        /// Per-request timeout in seconds.
        #[arg(long, value_name = "SECS")]
        timeout: Option<u64>,
    },
    /// List articles, newest first (or by relevance with --search, when it matches at most half of them).
    List(list::ListArgs),
    /// Show one article laid out as the reader shows it.
    Show(show::ShowArgs),
    /// Lay out text from stdin (one paragraph a line) as visual lines.
    Render(render::RenderArgs),
    /// Find entities and figures in text (FILE or stdin).
    Entities(entities_cmd::EntitiesArgs),
    /// Companies with the number of articles naming them.
    Companies {
        #[arg(long)]
        json: bool,
    },
    /// Subscribe to a feed: its address, or a site's page that links to one.
    Add(add::AddArgs),
    /// Unsubscribe: remove a feed (by id, address or title) with its articles.
    Remove(remove::RemoveArgs),
    /// The feeds, with their counts and the last fetch's error.
    Feeds {
        /// One JSON object a line: id, url, title, tags, articles, unread, last_fetch,
        /// last_error.
        #[arg(long)]
        json: bool,
    },
    /// Add the feeds of an OPML file or a list of URLs: a file, an http(s) address, or - for
    /// stdin.
    Import {
        #[arg(value_name = "FILE|URL|-")]
        source: String,
    },
    /// Print the feed list as OPML 2.0.
    Export,
    /// Recompute the entities of every stored article (after a gazetteer change).
    Reindex,
    /// Remove what [store] keep_days and max_per_feed do not keep (starred articles stay),
    /// then give the space back (VACUUM).
    Cleanup {
        /// Days to keep (overrides [store] keep_days; 0: no bound).
        #[arg(long, value_name = "N")]
        keep_days: Option<u64>,
        /// Newest articles kept per feed (overrides [store] max_per_feed; 0: no bound).
        #[arg(long, value_name = "N")]
        max_per_feed: Option<u64>,
    },
    /// Saved views: [views] in the config, and those saved in the reader (V).
    Views {
        #[arg(long)]
        json: bool,
    },
    /// Check the database, config and paths (exit 0: all healthy, 1: something needs you);
    /// `--repair` rebuilds a damaged database.
    Doctor {
        /// Move a damaged database aside and copy what can be read into a new one.
        #[arg(long)]
        repair: bool,
    },
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    let log_dir = crate::paths::state_dir();
    let _log_guard = init_logging(&log_dir);
    install_panic_hook(log_dir);
    match run(cli) {
        Ok(Exit::Code(code)) => code,
        Ok(Exit::Signal(signal)) => {
            drop(_log_guard);
            crate::tui::signals::end_by(signal)
        }
        Err(Error::Usage(msg)) => {
            eprintln!("akhbar: {msg}");
            ExitCode::from(2)
        }
        Err(Error::Runtime(e)) => {
            eprintln!("akhbar: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// How a command ends: with an exit code, or (the reader, ended by a signal) by that signal.
enum Exit {
    Code(ExitCode),
    Signal(crate::tui::action::Signal),
}

fn run(cli: Cli) -> Result<Exit, Error> {
    let (config, config_path, config_error) = match Config::load(cli.config.as_deref()) {
        Ok((config, path)) => (config, path, None),
        // `doctor` still reports the database and paths, with the config error among them.
        Err(e) if matches!(cli.command, Some(Command::Doctor { .. })) => {
            (Config::defaults(), None, Some(e))
        }
        Err(e) => return Err(Error::Usage(e.to_string())),
    };
    let l10n = Localizer::from_settings(cli.lang.unwrap_or(config.ui.language), config.ui.digits);
    let lib = Library {
        l10n: std::sync::Arc::new(l10n),
        cli_db: cli.db,
        bidi: cli.bidi.unwrap_or(config.display.bidi),
        shape: cli.shape.unwrap_or(config.display.shape),
        terminal: cli.terminal.unwrap_or(config.display.terminal),
        config,
        config_path,
        feeds_file: cli.feeds,
        demo: cli.demo,
    };
    let code = match cli.command {
        None => {
            return Ok(match crate::tui::run(&lib) {
                Ok(crate::tui::Ended::Quit) => Exit::Code(ExitCode::SUCCESS),
                Ok(crate::tui::Ended::NotSaved) => Exit::Code(ExitCode::FAILURE),
                Ok(crate::tui::Ended::Signal(signal)) => Exit::Signal(signal),
                Err(e) => Exit::Code(report(&lib, &Error::Runtime(e))),
            });
        }
        Some(Command::Fetch { json, timeout }) => fetch::run(&lib, json, timeout),
        Some(Command::List(args)) => list::run(&lib, &args),
        Some(Command::Show(args)) => show::run(&lib, &args),
        Some(Command::Render(args)) => render::run(&lib, &args),
        Some(Command::Entities(args)) => entities_cmd::run(&lib, &args),
        Some(Command::Companies { json }) => list::companies(&lib, json),
        Some(Command::Add(args)) => add::run(&lib, &args),
        Some(Command::Remove(args)) => remove::run(&lib, &args),
        Some(Command::Feeds { json }) => feed_list::run(&lib, json),
        Some(Command::Import { source }) => feeds::import(&lib, &source),
        Some(Command::Cleanup {
            keep_days,
            max_per_feed,
        }) => cleanup::run(&lib, keep_days, max_per_feed),
        Some(Command::Views { json }) => views::run(&lib, json),
        Some(Command::Export) => feeds::export(&lib),
        Some(Command::Reindex) => feeds::reindex(&lib),
        Some(Command::Doctor { repair }) => doctor::run(&lib, repair, config_error.as_ref()),
    };
    // Reported here, where the interface's language is known (a config error is reported
    // before there is one, in English).
    Ok(Exit::Code(code.unwrap_or_else(|e| report(&lib, &e))))
}

fn init_logging(dir: &std::path::Path) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    std::fs::create_dir_all(dir).ok()?;
    let appender = tracing_appender::rolling::never(dir, "akhbar.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("AKHBAR_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}

/// On panic: put the terminal back first (the TUI may have it raw), then say where the log is.
fn install_panic_hook(log_dir: PathBuf) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::guard::in_guarded_section() {
            // Recovered where it happened (hostile feed data): no crash, no terminal change.
            tracing::warn!("recovered panic: {info}");
            return;
        }
        crate::tui::terminal::restore();
        tracing::error!("panic: {info}");
        default(info);
        eprintln!(
            "akhbar crashed; the log is in {}",
            log_dir.join("akhbar.log").display()
        );
    }));
}

/// Human lines in the interface's language, printed: as they are in English; in Arabic each is
/// laid out right to left by the engine (for terminals that do not reorder), wrapped at the
/// terminal's width, and the lines are right-aligned together so a table's columns line up
/// from the right. False when stdout is closed.
pub(crate) fn say_all(lib: &Library, lines: &[String]) -> bool {
    lay_out(lib, lines).iter().all(|l| out(l))
}

/// The lines as printed (see [`say_all`]): as they are, or laid out right to left in Arabic.
fn lay_out(lib: &Library, lines: &[String]) -> Vec<String> {
    if !lib.l10n.is_rtl() {
        return lines.to_vec();
    }
    let opts = crate::text::LayoutOptions {
        direction: crate::text::Direction::Rtl,
        ..lib.layout_options()
    };
    let max = list::terminal_width().clamp(20, usize::from(u16::MAX)) as u16;
    let mut visual = Vec::new();
    for line in lines {
        let line = keep_paths_ltr(&crate::text::sanitize(line).replace('\n', " "));
        let width = (crate::text::cell_width(&line) as u16).clamp(1, max);
        let p = crate::text::PreparedParagraph::new(&line, &[], Default::default(), &opts);
        for l in p.lines(width) {
            let plain = crate::text::line_to_plain(&l);
            visual.push(plain.trim().to_string());
        }
    }
    let widest = visual
        .iter()
        .map(|l| crate::text::cell_width(l))
        .max()
        .unwrap_or(0);
    visual
        .iter()
        .map(|l| {
            let pad = widest.saturating_sub(crate::text::cell_width(l));
            format!("{}{l}", " ".repeat(pad))
        })
        .collect()
}

/// A command's error on stderr, in the interface's language and laid out as its other lines;
/// the exit code it ends with (2: usage, 1: anything else).
fn report(lib: &Library, error: &Error) -> ExitCode {
    let (text, code) = match error {
        Error::Usage(msg) => (msg.clone(), 2),
        Error::Runtime(e) => (format!("{e:#}"), 1),
    };
    for line in lay_out(lib, &[format!("akhbar: {text}")]) {
        eprintln!("{line}");
    }
    ExitCode::from(code)
}

/// An absolute path in a right-to-left line keeps its leading "/" on its left: a left-to-right
/// mark before it (the "/" alone is neutral and would take the line's direction) and after it.
fn keep_paths_ltr(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            if word.starts_with('/') {
                format!("\u{200E}{word}\u{200E}")
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name (a feed's title) as it goes into a message. In an Arabic interface the whole line is
/// laid out when it is said, so the name stays logical; in a left-to-right one the line is
/// printed as it is, so the name is laid out alone here, as one visual line: it reads right on
/// a terminal that does not reorder, and the message's own numbers never join it.
pub(crate) fn placeable(lib: &Library, name: &str) -> String {
    if lib.l10n.is_rtl() {
        return name.to_string();
    }
    let width = crate::text::cell_width(name);
    list::visual_cell(name, width, &lib.layout_options())
        .trim_end()
        .to_string()
}

/// One human line (see [`say_all`]).
pub(crate) fn say(lib: &Library, line: &str) -> bool {
    say_all(lib, &[line.to_string()])
}

/// Print a line to stdout; a closed pipe (`akhbar list | head`) ends output quietly.
pub(crate) fn out(line: &str) -> bool {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{line}").is_ok()
}
