//! `akhbar entities [--json] [FILE]`: text → spans.

use super::{Ctx, Failure, out};
use crate::entities::Span;
use crate::text::sanitize;
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
    if args.json {
        for s in &spans {
            if !out(&serde_json::to_string(s).unwrap_or_default()) {
                break;
            }
        }
    } else {
        for line in marked(&text, &spans).lines() {
            if !out(line) {
                break;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The text with every span marked inline for a human reader: «[مايكروسوفت](org: Microsoft)»,
/// «[300 مليار دولار](money: 300000000000)». Controls and escape sequences are dropped.
pub fn marked(text: &str, spans: &[Span]) -> String {
    let mut outp = String::with_capacity(text.len() + spans.len() * 24);
    let mut at = 0;
    for s in spans {
        outp.push_str(&sanitize(&text[at..s.start]));
        let label = match (&s.canonical, s.value) {
            (Some(c), _) => format!("{}: {}", s.kind.as_str(), sanitize(c)),
            (None, Some(v)) => format!("{}: {v}", s.kind.as_str()),
            (None, None) => s.kind.as_str().to_string(),
        };
        outp.push_str(&format!("[{}]({label})", sanitize(&s.text)));
        at = s.end;
    }
    outp.push_str(&sanitize(&text[at..]));
    outp
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Kind;

    #[test]
    fn marks_spans_and_drops_escapes() {
        let text = "قالت \u{1b}[31mأبل إن 5%".to_string();
        let at = text.find("أبل").unwrap_or(0);
        let spans = vec![
            Span {
                kind: Kind::Org,
                start: at,
                end: at + "أبل".len(),
                text: "أبل".into(),
                canonical: Some("Apple".into()),
                parent: None,
                value: None,
            },
            Span {
                kind: Kind::Percent,
                start: text.len() - 2,
                end: text.len(),
                text: "5%".into(),
                canonical: None,
                parent: None,
                value: Some(5.0),
            },
        ];
        let m = marked(&text, &spans);
        assert_eq!(m, "قالت [أبل](org: Apple) إن [5%](percent: 5)");
        assert!(!m.contains('\u{1b}'));
    }
}
