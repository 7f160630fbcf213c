//! `akhbar entities [--json] [FILE]`: text → spans.

use super::{Ctx, Failure, out};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// One JSON object a line: kind, start, end (UTF-8 byte offsets), text, canonical, parent, value.
    #[arg(long)]
    pub json: bool,
    /// Input file (default: stdin).
    pub file: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: &EntitiesArgs) -> Result<ExitCode, Failure> {
    let bytes = match &args.file {
        Some(p) => std::fs::read(p)
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", p.display())))?,
        None => {
            let mut v = Vec::new();
            std::io::stdin()
                .read_to_end(&mut v)
                .map_err(anyhow::Error::from)?;
            v
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let rec = ctx.recognizer()?;
    let spans = rec.find(&text);
    for s in &spans {
        let line = if args.json {
            serde_json::to_string(s).unwrap_or_default()
        } else {
            format!(
                "{:<8} {}{}",
                s.kind.as_str(),
                s.text,
                s.canonical
                    .as_deref()
                    .map(|c| format!("  ({c})"))
                    .unwrap_or_default()
            )
        };
        if !out(&line) {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
