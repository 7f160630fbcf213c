//! `akhbar remove URL|ID|TITLE [--yes]`: unsubscribe, with the feed's articles. Asks first on a
//! terminal; elsewhere it needs `--yes`.

use super::say;
use crate::i18n::tr;
use crate::library::{Error, Library};
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct RemoveArgs {
    /// The feed: its id (`akhbar feeds`), its address or its title.
    #[arg(value_name = "URL|ID")]
    pub(crate) feed: String,
    /// Do not ask.
    #[arg(long, short = 'y')]
    pub(crate) yes: bool,
}

pub(crate) fn run(lib: &Library, args: &RemoveArgs) -> Result<ExitCode, Error> {
    lib.refuse_in_demo()?;
    let l = &lib.l10n;
    let mut store = lib.open_store()?;
    let Some(feed) = store.find_feed(&args.feed)? else {
        return Err(Error::Usage(tr!(
            l,
            "feed-unknown",
            feed = args.feed.as_str()
        )));
    };
    let stats = store
        .feed_stats()?
        .into_iter()
        .find(|f| f.id == feed.id)
        .map(|f| (f.articles, f.starred))
        .unwrap_or((0, 0));
    let name = crate::text::sanitize(&crate::store::feeds::display_name(
        feed.title.as_deref(),
        &feed.url,
    ))
    .replace('\n', " ");
    let name = super::placeable(lib, &name);
    if !args.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Error::Usage(tr!(l, "remove-needs-yes")));
        }
        let note = if stats.1 > 0 {
            tr!(l, "remove-starred-note", count = stats.1)
        } else {
            String::new()
        };
        let question = tr!(
            l,
            "remove-confirm",
            name = name.as_str(),
            url = feed.url.as_str(),
            count = stats.0,
            note = note
        );
        // Laid out as the command's other lines (right to left in Arabic). The answer is
        // typed where the cursor stands, after the last character written: in English that is
        // after the question; a right-to-left question ends at the left, so there the prompt
        // starts a line of its own instead of sitting at the far left of the question.
        let question = super::lay_out(lib, &[question]).join("\n");
        let separator = if l.is_rtl() { "\n" } else { " " };
        let mut stderr = std::io::stderr();
        let _ = write!(stderr, "{question}{separator}[y/N] ");
        let _ = stderr.flush();
        let mut answer = String::new();
        stdin
            .lock()
            .read_line(&mut answer)
            .map_err(anyhow::Error::from)?;
        if !is_yes(&answer) {
            say(lib, &tr!(l, "remove-kept", name = name.as_str()));
            return Ok(ExitCode::SUCCESS);
        }
    }
    store.remove_feed(&feed.url)?;
    say(
        lib,
        &tr!(l, "remove-done", name = name.as_str(), count = stats.0),
    );
    Ok(ExitCode::SUCCESS)
}

/// y, yes, or their Arabic «نعم» / «ن».
fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "نعم" | "ن"
    )
}
