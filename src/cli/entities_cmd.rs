//! `akhbar entities [--json] [FILE]`: text → spans.

use super::out;
use crate::entities::Span;
use crate::library::{Error, Library};
use crate::text::sanitize;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub(crate) struct EntitiesArgs {
    /// One JSON object a line: kind, start, end (UTF-8 byte offsets), text, canonical, parent, value.
    #[arg(long)]
    pub(crate) json: bool,
    /// Input file (default: stdin).
    pub(crate) file: Option<PathBuf>,
}

pub(crate) fn run(ctx: &Library, args: &EntitiesArgs) -> Result<ExitCode, Error> {
    let input: Box<dyn BufRead> = match &args.file {
        Some(p) => Box::new(BufReader::new(std::fs::File::open(p).map_err(|e| {
            Error::Usage(crate::i18n::tr!(
                ctx.l10n,
                "cannot-read",
                path = p.display().to_string(),
                error = e.to_string()
            ))
        })?)),
        None => Box::new(std::io::stdin().lock()),
    };
    let rec = ctx.recognizer()?;
    let mut base = 0;
    let mut more = true;
    // Paragraph by paragraph: memory stays bounded by the longest paragraph (at most
    // MAX_CHUNK), whatever the size of the input; offsets stay those of the whole input.
    for chunk in Paragraphs::new(input) {
        let chunk = chunk.map_err(anyhow::Error::from)?;
        let text = String::from_utf8_lossy(&chunk);
        let spans = rec.find(&text);
        if args.json {
            for s in &spans {
                let mut s = s.clone();
                s.start += base;
                s.end += base;
                if !out(&serde_json::to_string(&s).unwrap_or_default()) {
                    more = false;
                    break;
                }
            }
        } else {
            for line in marked(&text, &spans).lines() {
                if !out(line) {
                    more = false;
                    break;
                }
            }
        }
        base += text.len();
        if !more {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The longest piece of input recognized at once: a paragraph longer than this (a file with no
/// blank lines) is cut at a line end, or failing that at a space.
const MAX_CHUNK: usize = 1 << 20;

/// The input cut into paragraphs (lines up to and including a blank line), as bytes.
struct Paragraphs<R> {
    input: R,
    /// Bytes read but not yet returned (the rest of an over-long line).
    carry: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Paragraphs<R> {
    fn new(input: R) -> Self {
        Paragraphs {
            input,
            carry: Vec::new(),
            done: false,
        }
    }

    /// The next paragraph: ends after a blank line, at MAX_CHUNK, or at the end of the input.
    fn next_paragraph(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if self.done && self.carry.is_empty() {
            return Ok(None);
        }
        let mut para = std::mem::take(&mut self.carry);
        loop {
            if para.len() >= MAX_CHUNK {
                // Cut after the last line end or space so no character is split.
                let cut = para[..MAX_CHUNK]
                    .iter()
                    .rposition(|&b| b == b'\n' || b == b' ')
                    .map_or(MAX_CHUNK, |p| p + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&c| c == 0 || c == para.len() || (para[c] & 0xC0) != 0x80)
                    .filter(|&c| c > 0)
                    .unwrap_or(cut);
                self.carry = para.split_off(cut);
                return Ok(Some(para));
            }
            let start = para.len();
            let limit = (MAX_CHUNK + 1 - para.len().min(MAX_CHUNK)) as u64;
            let n = (&mut self.input).take(limit).read_until(b'\n', &mut para)?;
            if n == 0 {
                self.done = true;
                return Ok((!para.is_empty()).then_some(para));
            }
            let line = &para[start..];
            if line.ends_with(b"\n") && line.iter().all(|b| b.is_ascii_whitespace()) {
                return Ok(Some(para));
            }
        }
    }
}

impl<R: BufRead> Iterator for Paragraphs<R> {
    type Item = std::io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_paragraph().transpose()
    }
}

/// The text with every span marked inline for a human reader: «[مايكروسوفت](org: Microsoft)»,
/// «[300 مليار دولار](money: 300000000000)». Controls and escape sequences are dropped.
pub(crate) fn marked(text: &str, spans: &[Span]) -> String {
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

    fn paragraphs(input: &[u8]) -> Vec<String> {
        Paragraphs::new(input)
            .map(|p| String::from_utf8_lossy(&p.unwrap_or_default()).into_owned())
            .collect()
    }

    #[test]
    fn input_is_cut_into_paragraphs_losing_nothing() {
        let text = "سطر أول\nسطر ثان\n\nفقرة ثانية\n  \nأخيرة بلا سطر جديد";
        let ps = paragraphs(text.as_bytes());
        assert_eq!(
            ps,
            [
                "سطر أول\nسطر ثان\n\n",
                "فقرة ثانية\n  \n",
                "أخيرة بلا سطر جديد"
            ]
        );
        assert_eq!(ps.concat(), text);
        assert!(paragraphs(b"").is_empty());
    }

    #[test]
    fn an_overlong_paragraph_is_cut_at_a_space_without_splitting_characters() {
        let word = "مايكروسوفت ";
        let text = word.repeat(MAX_CHUNK / word.len() * 2 + 3);
        let ps = paragraphs(text.as_bytes());
        assert!(ps.len() >= 2, "{}", ps.len());
        assert!(
            ps.iter()
                .all(|p| p.len() <= MAX_CHUNK && !p.contains('\u{FFFD}'))
        );
        assert!(ps[..ps.len() - 1].iter().all(|p| p.ends_with(' ')));
        assert_eq!(ps.concat(), text);
    }

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
