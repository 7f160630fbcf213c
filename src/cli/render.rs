//! `akhbar render`: stdin paragraphs (one a line) → visual lines.

use super::out;
use crate::library::{Error, Library};
use crate::text::{Direction, LayoutOptions, PreparedParagraph, line_to_plain};
use std::io::Read;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// Width in cells.
    #[arg(long, value_name = "N", default_value_t = 80)]
    pub(crate) width: u16,
    /// Paragraph direction.
    #[arg(long, value_enum, default_value_t = Direction::Auto)]
    pub(crate) dir: Direction,
}

pub(crate) fn run(lib: &Library, args: &RenderArgs) -> Result<ExitCode, Error> {
    if args.width == 0 {
        return Err(Error::Usage(crate::i18n::tr!(lib.l10n, "usage-width")));
    }
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .map_err(anyhow::Error::from)?;
    let input = String::from_utf8_lossy(&input);
    let opts = LayoutOptions {
        direction: args.dir,
        ..lib.layout_options()
    };
    let mut first = true;
    for para in input.lines().filter(|l| !l.trim().is_empty()) {
        if !first && !out("") {
            break;
        }
        first = false;
        let p = PreparedParagraph::new(para, &[], Default::default(), &opts);
        for line in p.lines(args.width) {
            if !out(&line_to_plain(&line)) {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
