//! The one article composer (the reader's pane and `akhbar show`): title, feed · author · date,
//! link, the body laid out by the engine with entities and figures highlighted, and a closing
//! line naming the companies and key figures.
//!
//! `prepare` (per article) and `PreparedArticle::lines` (per width) run on the reader's layout
//! worker, never while drawing.

use super::theme::Theme;
use crate::entities::Kind;
use crate::i18n::{Localizer, tr};
use crate::store::{Article, Field, StoredSpan};
use crate::text::{
    Direction, LayoutOptions, PreparedParagraph, PreparedText, StyleSpan, cell_width,
};
use chrono::{DateTime, Utc};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

/// Key figures named in the closing line, at most.
const MAX_FIGURES: usize = 4;

/// An article laid out once (direction, levels, styles, shaping); wrapped per width on demand.
pub(crate) struct PreparedArticle {
    title: PreparedParagraph,
    meta: PreparedParagraph,
    link: Option<String>,
    body: PreparedText,
    summary: Option<PreparedParagraph>,
    focus_style: Style,
    /// The highlight of search hits, when a search is active (to find the lines holding one).
    search_style: Option<Style>,
    cached: Option<(u16, Vec<Line<'static>>, Option<usize>)>,
}

/// Styles for the spans of one field; the focused entity (numbered over title then body, as
/// `app::update::entity_refs` numbers them) gets the focus style on top.
fn styles(
    spans: &mut Vec<&StoredSpan>,
    theme: &Theme,
    focus: Option<usize>,
    counter: &mut usize,
) -> Vec<StyleSpan> {
    spans.sort_by_key(|s| s.start);
    spans
        .iter()
        .map(|s| {
            let mut style = theme.kind(s.kind);
            if focus == Some(*counter) {
                style = style.patch(theme.focus);
            }
            *counter += 1;
            StyleSpan {
                start: s.start,
                end: s.end,
                style,
            }
        })
        .collect()
}

pub(crate) fn prepare(
    article: &Article,
    theme: &Theme,
    opts: &LayoutOptions,
    focus: Option<usize>,
    search: Option<&str>,
    arabic_name: &dyn Fn(&str) -> Option<String>,
    interface: Interface<'_>,
) -> PreparedArticle {
    let Interface { l10n, now } = interface;
    // An article in Arabic is laid out right to left even where a paragraph starts with a
    // Latin name (docs/terminals.md, "Paragraph direction").
    let opts = &opts.for_content(article.row.language.as_deref());
    let mut counter = 0;
    let title_text = article.row.title.replace('\n', " ");
    let mut title_spans: Vec<&StoredSpan> = article.spans_in(Field::Title).collect();
    let mut title_styles = styles(&mut title_spans, theme, focus, &mut counter);
    title_styles.extend(search_spans(&title_text, search, theme));
    let title = PreparedParagraph::new(
        &title_text,
        &title_styles,
        Style::default().add_modifier(Modifier::BOLD),
        opts,
    );
    let (body_text, body_field) = article.body();
    let mut body_spans: Vec<&StoredSpan> = article.spans_in(body_field).collect();
    let mut body_styles = styles(&mut body_spans, theme, focus, &mut counter);
    body_styles.extend(search_spans(body_text, search, theme));
    let body = PreparedText::new(body_text, &body_styles, Style::default(), opts);

    let mut meta = Vec::new();
    // The feed by its title, else by its address: the reader always says where a story is from.
    match article
        .row
        .feed_title
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        Some(title) => meta.push(title.to_string()),
        None => meta.push(article.row.feed.clone()),
    }
    if let Some(author) = article.author.as_deref().filter(|s| !s.trim().is_empty()) {
        meta.push(author.trim().to_string());
    }
    if let Some(p) = article.row.published {
        meta.push(l10n.date_time(p, now));
    }
    if body_field == Field::FullContent {
        meta.push(tr!(l10n, "article-full-text"));
    }
    // The meta and closing lines are the interface's words around names from the feed: they
    // read in the interface's direction, and a mark of that direction on each side of a
    // separator keeps two neighbouring names from running together (feed · author).
    let chrome = LayoutOptions {
        direction: if l10n.is_rtl() {
            Direction::Rtl
        } else {
            Direction::Ltr
        },
        ..*opts
    };
    let meta = PreparedParagraph::new(&meta.join(&marked(" · ", l10n)), &[], theme.dim, &chrome);
    let link = article
        .row
        .link
        .as_deref()
        .map(|l| crate::text::sanitize(l).replace('\n', ""));

    let summary =
        summary_text(article, body_text, body_field, arabic_name, l10n).map(|(text, spans)| {
            let styled: Vec<StyleSpan> = spans
                .into_iter()
                .map(|(start, end, kind)| StyleSpan {
                    start,
                    end,
                    style: theme.kind(kind),
                })
                .collect();
            PreparedParagraph::new(&text, &styled, theme.dim, &chrome)
        });
    PreparedArticle {
        title,
        meta,
        link,
        body,
        summary,
        focus_style: theme.focus,
        search_style: search
            .filter(|s| !s.trim().is_empty())
            .map(|_| theme.search),
        cached: None,
    }
}

/// A byte range of a generated text and the kind that colours it.
type KindRange = (usize, usize, Kind);

/// Where the search's words occur in `text`: the search's own matching (normalized, clitic
/// forms), so what is highlighted is what the index found.
fn search_spans(text: &str, search: Option<&str>, theme: &Theme) -> Vec<StyleSpan> {
    let Some(search) = search else {
        return Vec::new();
    };
    crate::store::search::highlight_ranges(text, search)
        .into_iter()
        .map(|r| StyleSpan {
            start: r.start,
            end: r.end,
            style: theme.search,
        })
        .collect()
}

/// What the interface around an article is: its language, and the clock (the date shows its
/// year only when it is not this one).
#[derive(Clone, Copy)]
pub(crate) struct Interface<'a> {
    pub(crate) l10n: &'a Localizer,
    pub(crate) now: DateTime<Utc>,
}

/// `separator` between two marks of the interface's direction (LRM or RLM).
fn marked(separator: &str, l10n: &Localizer) -> String {
    let mark = if l10n.is_rtl() {
        '\u{200F}'
    } else {
        '\u{200E}'
    };
    format!("{mark}{separator}{mark}")
}

/// «الشركات: مايكروسوفت، OpenAI · الأرقام: 80 مليار دولار، 35٪», with the spans of the names.
fn summary_text(
    article: &Article,
    body: &str,
    body_field: Field,
    arabic_name: &dyn Fn(&str) -> Option<String>,
    l10n: &Localizer,
) -> Option<(String, Vec<KindRange>)> {
    let mut companies: Vec<String> = Vec::new();
    let mut figures: Vec<(String, Kind)> = Vec::new();
    for s in &article.spans {
        if s.kind == Kind::Org
            && let Some(c) = &s.canonical
            && !companies.contains(c)
        {
            companies.push(c.clone());
        }
        if let Some(p) = &s.parent
            && !companies.contains(p)
        {
            companies.push(p.clone());
        }
        if s.field == body_field
            && matches!(s.kind, Kind::Money | Kind::Percent)
            && figures.len() < MAX_FIGURES
            && let Some(t) = body.get(s.start..s.end)
            && !figures.iter().any(|(f, _)| f == t)
        {
            figures.push((t.to_string(), s.kind));
        }
    }
    if companies.is_empty() && figures.is_empty() {
        return None;
    }
    let mut text = String::new();
    let mut spans = Vec::new();
    let separator = marked(&tr!(l10n, "article-list-separator"), l10n);
    let between = marked(" · ", l10n);
    let mut push_list = |text: &mut String, label: &str, items: Vec<(String, Kind)>| {
        if items.is_empty() {
            return;
        }
        if !text.is_empty() {
            text.push_str(&between);
        }
        text.push_str(label);
        text.push(' ');
        for (i, (item, kind)) in items.into_iter().enumerate() {
            if i > 0 {
                text.push_str(&separator);
            }
            let start = text.len();
            text.push_str(&crate::text::sanitize(&item));
            spans.push((start, text.len(), kind));
        }
    };
    let named = companies
        .iter()
        .map(|c| (arabic_name(c).unwrap_or_else(|| c.clone()), Kind::Org))
        .collect();
    push_list(&mut text, &tr!(l10n, "article-companies"), named);
    push_list(&mut text, &tr!(l10n, "article-figures"), figures);
    Some((text, spans))
}

impl PreparedArticle {
    /// The pane's visual lines for `width`, and the first line holding the focused entity.
    pub(crate) fn lines(&mut self, width: u16) -> (Vec<Line<'static>>, Option<usize>) {
        if let Some((w, lines, focus)) = &self.cached
            && *w == width
        {
            return (lines.clone(), *focus);
        }
        let mut out = self.title.lines(width);
        out.extend(self.meta.lines(width));
        if let Some(link) = &self.link {
            out.push(Line::styled(
                truncate(link, usize::from(width)),
                Style::default().add_modifier(Modifier::UNDERLINED | Modifier::DIM),
            ));
        }
        out.push(Line::default());
        out.extend(self.body.wrapped(width).iter().cloned());
        if let Some(s) = &self.summary {
            out.push(Line::default());
            out.push(Line::styled(
                "─".repeat(usize::from(width).min(40)),
                Style::default().add_modifier(Modifier::DIM),
            ));
            out.extend(s.lines(width));
        }
        let focus_style = self.focus_style;
        let focus = out.iter().position(|l| {
            l.spans.iter().any(|s| {
                s.style.add_modifier.contains(focus_style.add_modifier)
                    && !focus_style.add_modifier.is_empty()
            })
        });
        self.cached = Some((width, out.clone(), focus));
        (out, focus)
    }
}

impl PreparedArticle {
    /// The lines (of `lines`, as `lines()` gave them) that hold a search hit.
    pub(crate) fn match_lines(&self, lines: &[Line<'static>]) -> Vec<usize> {
        let Some(style) = self.search_style else {
            return Vec::new();
        };
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.spans.iter().any(|s| carries(s.style, style)))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Whether a cell style carries `mark` (which other spans may have been patched over or under):
/// its background if it has one, else its colour and modifiers.
fn carries(style: Style, mark: Style) -> bool {
    if mark.bg.is_some() {
        return style.bg == mark.bg;
    }
    let mods = !mark.add_modifier.is_empty() && style.add_modifier.contains(mark.add_modifier);
    match mark.fg {
        Some(fg) => style.fg == Some(fg) && (mark.add_modifier.is_empty() || mods),
        None => mods,
    }
}

/// Cut to `max` cells with "…".
fn truncate(s: &str, max: usize) -> String {
    if cell_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if cell_width(&out) + 2 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_terms_are_found_through_normalization() {
        let theme = Theme::defaults();
        let text = "أعلنت Amazon أن أمازون ستستثمر";
        let spans = search_spans(text, Some("أمازون AMAZON"), &theme);
        let found: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert!(found.contains(&"أمازون"), "{found:?}");
        assert!(found.contains(&"Amazon"), "{found:?}");
        assert!(spans.iter().all(|s| s.style == theme.search));
        assert!(search_spans(text, Some("  "), &theme).is_empty());
        assert!(search_spans(text, None, &theme).is_empty());
    }

    #[test]
    fn closing_line_names_companies_in_arabic_and_key_figures() {
        let body = "استثمرت مايكروسوفت 80 مليار دولار";
        let span = |kind, start: usize, end: usize, canonical: Option<&str>| StoredSpan {
            field: Field::Content,
            kind,
            canonical: canonical.map(str::to_string),
            parent: None,
            start,
            end,
            value: None,
        };
        let org_start = body.find("مايكروسوفت").unwrap_or(0);
        let money_start = body.find("80").unwrap_or(0);
        let article = Article {
            row: crate::store::ArticleRow {
                id: 1,
                feed: "f".into(),
                feed_title: None,
                title: "t".into(),
                link: None,
                published: None,
                read: false,
                starred: false,
                companies: vec![],
                language: None,
            },
            author: None,
            categories: vec![],
            summary: String::new(),
            content: body.into(),
            full_content: None,
            spans: vec![
                span(
                    Kind::Org,
                    org_start,
                    org_start + "مايكروسوفت".len(),
                    Some("Microsoft"),
                ),
                span(Kind::Money, money_start, body.len(), None),
            ],
            links: Vec::new(),
        };
        let names = |c: &str| (c == "Microsoft").then(|| "مايكروسوفت".to_string());
        let arabic = Localizer::new(
            crate::i18n::Locale {
                language: crate::i18n::Language::Arabic,
                region: None,
            },
            crate::i18n::Digits::Latin,
            crate::i18n::Zone::Utc,
        );
        let (text, spans) =
            summary_text(&article, body, Field::Content, &names, &arabic).unwrap_or_default();
        assert_eq!(
            text,
            "الشركات: مايكروسوفت\u{200F} · \u{200F}الأرقام: 80 مليار دولار"
        );
        let (english, _) = summary_text(
            &article,
            body,
            Field::Content,
            &names,
            &Localizer::default(),
        )
        .unwrap_or_default();
        assert_eq!(
            english,
            "Companies: مايكروسوفت\u{200E} · \u{200E}Figures: 80 مليار دولار"
        );
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[1].0..spans[1].1], "80 مليار دولار");
    }
}
