//! Configuration as plain typed data: a TOML file over the embedded defaults
//! (assets/config.default.toml). Every value is parsed into its type by serde — numbers checked
//! against their range, styles and keys parsed — so toml itself reports where a bad value is,
//! and every error names the file, the line and the key.

pub(crate) mod keys;
pub(crate) mod style;

use crate::i18n::{DigitsSetting, LanguageSetting};
use crate::store::views::ViewFilter;
use crate::text::terminal::TerminalChoice;
use crate::text::{BidiMode, Direction, ShapeMode};
use keys::{Action, Key};
use ratatui::style::Style;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use style::StyleSpec;
use toml::Spanned;

pub(crate) const DEFAULT_TOML: &str = include_str!("../../assets/config.default.toml");

/// An integer that must lie in `MIN..=MAX` (`U` names the unit in the error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bounded<const MIN: u64, const MAX: u64, U = NoUnit>(
    u64,
    std::marker::PhantomData<U>,
);

/// How a bound's error names its unit.
pub(crate) trait Unit {
    const SUFFIX: &'static str;
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NoUnit {}
impl Unit for NoUnit {
    const SUFFIX: &'static str = "";
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Seconds {}
impl Unit for Seconds {
    const SUFFIX: &'static str = " seconds";
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Percent {}
impl Unit for Percent {
    const SUFFIX: &'static str = " (percent)";
}

impl<'de, const MIN: u64, const MAX: u64, U: Unit> Deserialize<'de> for Bounded<MIN, MAX, U> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u64::deserialize(d)?;
        if (MIN..=MAX).contains(&v) {
            Ok(Bounded(v, std::marker::PhantomData))
        } else {
            Err(serde::de::Error::custom(format!(
                "must be {MIN}..={MAX}{}",
                U::SUFFIX
            )))
        }
    }
}

impl<const MIN: u64, const MAX: u64, U> From<Bounded<MIN, MAX, U>> for u64 {
    fn from(b: Bounded<MIN, MAX, U>) -> u64 {
        b.0
    }
}

impl<const MIN: u64, const MAX: u64, U> From<Bounded<MIN, MAX, U>> for usize {
    fn from(b: Bounded<MIN, MAX, U>) -> usize {
        // MAX is small (see the sections below): always fits.
        usize::try_from(b.0).unwrap_or(usize::MAX)
    }
}

impl<const MIN: u64, const MAX: u64, U> From<Bounded<MIN, MAX, U>> for u16 {
    fn from(b: Bounded<MIN, MAX, U>) -> u16 {
        u16::try_from(b.0).unwrap_or(u16::MAX)
    }
}

/// A section: the resolved struct (every field present, plain types) and the layer a file
/// gives (every field optional, parsed types), from one list of fields.
macro_rules! section {
    (
        $(#[$meta:meta])*
        $name:ident / $layer:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $parsed:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $layer {
            $( #[serde(default)] $field: Option<$parsed>, )*
        }

        impl $layer {
            /// `self` where it says something, else `base`.
            fn over(self, base: $layer) -> $layer {
                $layer { $( $field: self.$field.or(base.$field), )* }
            }

            /// Every field present (the embedded defaults set them all); else the missing key.
            fn resolve(self, section: &str) -> Result<$name, String> {
                Ok($name {
                    $( $field: self
                        .$field
                        .ok_or_else(|| format!("{section}.{}", stringify!($field)))?
                        .into(), )*
                })
            }
        }
    };
}

section! {
    /// `[fetch]`: HTTP limits and background refresh.
    FetchSection / FetchLayer {
        /// Seconds per request.
        timeout: u64 = Bounded<1, 3600, Seconds>,
        /// Feeds fetched at once.
        concurrency: usize = Bounded<1, 256>,
        /// Cap on a response body (decompressed), MiB.
        max_body_mib: u64 = Bounded<1, 1024>,
        max_redirects: usize = Bounded<0, 20>,
        /// The reader refreshes in the background when it opens.
        refresh_on_start: bool = bool,
        /// Background refresh every N minutes (0: never).
        refresh_minutes: u64 = u64,
        /// Full-article page fetches at once.
        page_concurrency: usize = Bounded<1, 32>,
    }
}

section! {
    /// `[display]`: who reorders, shaping, paragraph direction.
    DisplaySection / DisplayLayer {
        bidi: BidiMode = BidiMode,
        shape: ShapeMode = ShapeMode,
        direction: Direction = Direction,
        terminal: TerminalChoice = TerminalChoice,
    }
}

section! {
    /// `[layout]`: headlines on the right for Arabic content, the divider.
    LayoutSection / LayoutLayer {
        mirror: Mirror = Mirror,
        /// Headlines pane width, percent.
        split: u16 = Bounded<10, 90, Percent>,
    }
}

section! {
    /// `[ui]`: the interface's language and digits (article text keeps its own), the browser.
    UiSection / UiLayer {
        language: LanguageSetting = LanguageSetting,
        digits: DigitsSetting = DigitsSetting,
        /// The command that opens a link (`%u`: the address; else it is added at the end),
        /// tried after $BROWSER and before the desktop's opener.
        browser: String = String,
    }
}

section! {
    /// `[store]`: how long articles are kept (0: no bound); starred ones always stay.
    StoreSection / StoreLayer {
        keep_days: u64 = Bounded<0, 36500>,
        max_per_feed: u64 = Bounded<0, 1000000>,
    }
}

impl StoreSection {
    pub(crate) fn retention(&self) -> crate::store::retention::Retention {
        crate::store::retention::Retention {
            keep_days: self.keep_days,
            max_per_feed: self.max_per_feed,
        }
    }
}

section! {
    /// `[theme]`: a style per entity kind and per part of the reader.
    ThemeSection / ThemeLayer {
        org: Style = StyleSpec,
        person: Style = StyleSpec,
        place: Style = StyleSpec,
        product: Style = StyleSpec,
        figure: Style = StyleSpec,
        search: Style = StyleSpec,
        selection: Style = StyleSpec,
        accent: Style = StyleSpec,
        error: Style = StyleSpec,
        dim: Style = StyleSpec,
    }
}

/// When to fetch the whole article from its page.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FullTextMode {
    /// When an opened article is a teaser.
    #[default]
    Auto,
    /// Also for every new article at fetch time.
    Always,
    /// Only when asked (`f`, `show --full`).
    Never,
}

/// `[full_text]`: the mode, and per feed (by URL) an exception.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FullTextSection {
    pub(crate) mode: FullTextMode,
    pub feeds: BTreeMap<String, FullTextMode>,
}

impl FullTextSection {
    /// The mode for one feed: its own setting, else the global one.
    pub(crate) fn for_feed(&self, url: &str) -> FullTextMode {
        self.feeds.get(url).copied().unwrap_or(self.mode)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FullTextLayer {
    #[serde(default)]
    mode: Option<FullTextMode>,
    #[serde(default)]
    feeds: BTreeMap<String, FullTextMode>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Mirror {
    #[default]
    Auto,
    On,
    Off,
}

/// `[keys]`: the keys of each action.
pub(crate) type KeyBindings = BTreeMap<Action, Vec<Key>>;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub(crate) fetch: FetchSection,
    pub(crate) display: DisplaySection,
    pub(crate) layout: LayoutSection,
    pub(crate) ui: UiSection,
    pub(crate) store: StoreSection,
    pub(crate) full_text: FullTextSection,
    pub(crate) theme: ThemeSection,
    pub keys: KeyBindings,
    /// `[views]`: named filters, by name.
    pub(crate) views: BTreeMap<String, ViewFilter>,
}

/// What one file says (the embedded defaults say everything).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigLayer {
    #[serde(default)]
    fetch: FetchLayer,
    #[serde(default)]
    display: DisplayLayer,
    #[serde(default)]
    layout: LayoutLayer,
    #[serde(default)]
    ui: UiLayer,
    #[serde(default)]
    store: StoreLayer,
    #[serde(default)]
    full_text: FullTextLayer,
    #[serde(default)]
    theme: ThemeLayer,
    /// Spans: a key bound twice is reported at the user's line.
    #[serde(default)]
    keys: BTreeMap<Action, Spanned<Vec<Key>>>,
    #[serde(default)]
    views: BTreeMap<String, ViewFilter>,
}

/// A configuration error, already phrased for people: file, line, key, reason.
#[derive(Debug, thiserror::Error)]
#[error("{file}{line}: {message}")]
pub(crate) struct ConfigError {
    pub(crate) file: String,
    /// ":N", or empty when the error has no place in the file.
    pub(crate) line: String,
    pub(crate) message: String,
}

impl Config {
    /// The embedded defaults alone.
    pub fn defaults() -> Config {
        // The embedded file is checked by a unit test; a broken build would fail it.
        match Config::from_toml_over_defaults("", "defaults") {
            Ok(c) => c,
            Err(e) => panic!("embedded default config is invalid: {e}"),
        }
    }

    /// Load `path` over the defaults. A missing file at the default location is not an error;
    /// a missing file named explicitly is.
    pub(crate) fn load(path: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let (path, explicit) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (crate::paths::default_config(), false),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                return Ok((Config::defaults(), None));
            }
            Err(e) => {
                return Err(ConfigError {
                    file: path.display().to_string(),
                    line: String::new(),
                    message: e.to_string(),
                });
            }
        };
        let config = Config::from_toml_over_defaults(&text, &path.display().to_string())?;
        Ok((config, Some(path)))
    }

    /// Parse `text` (named `file` in errors) over the embedded defaults.
    pub(crate) fn from_toml_over_defaults(text: &str, file: &str) -> Result<Config, ConfigError> {
        let user = layer(text, file)?;
        let defaults = layer(DEFAULT_TOML, "assets/config.default.toml")?;
        let embedded = |key: String| ConfigError {
            file: "assets/config.default.toml".into(),
            line: String::new(),
            message: format!("key `{key}` is missing"),
        };
        let mut keys: KeyBindings = defaults
            .keys
            .into_iter()
            .map(|(a, k)| (a, k.into_inner()))
            .collect();
        let mut user_lines: BTreeMap<Action, usize> = BTreeMap::new();
        for (action, bound) in user.keys {
            user_lines.insert(action, line_of(text, bound.span().start));
            keys.insert(action, bound.into_inner());
        }
        check_bindings(&keys, &user_lines).map_err(|(line, message)| ConfigError {
            file: file.to_string(),
            line: line.map(|l| format!(":{l}")).unwrap_or_default(),
            message,
        })?;
        let mut feeds = defaults.full_text.feeds;
        feeds.extend(user.full_text.feeds);
        Ok(Config {
            fetch: user
                .fetch
                .over(defaults.fetch)
                .resolve("fetch")
                .map_err(embedded)?,
            display: user
                .display
                .over(defaults.display)
                .resolve("display")
                .map_err(embedded)?,
            layout: user
                .layout
                .over(defaults.layout)
                .resolve("layout")
                .map_err(embedded)?,
            ui: user.ui.over(defaults.ui).resolve("ui").map_err(embedded)?,
            store: user
                .store
                .over(defaults.store)
                .resolve("store")
                .map_err(embedded)?,
            full_text: FullTextSection {
                mode: user
                    .full_text
                    .mode
                    .or(defaults.full_text.mode)
                    .ok_or_else(|| embedded("full_text.mode".into()))?,
                feeds,
            },
            theme: user
                .theme
                .over(defaults.theme)
                .resolve("theme")
                .map_err(embedded)?,
            keys,
            views: user.views,
        })
    }

    /// HTTP settings for the fetcher.
    pub(crate) fn fetch_config(&self) -> crate::feed::fetch::FetchConfig {
        crate::feed::fetch::FetchConfig {
            timeout: std::time::Duration::from_secs(self.fetch.timeout),
            max_body_bytes: self.fetch.max_body_mib * 1024 * 1024,
            max_redirects: self.fetch.max_redirects,
            ..Default::default()
        }
    }
}

/// One file parsed; an error says where (from toml's span) and which key (from the path serde
/// was deserializing).
fn layer(text: &str, file: &str) -> Result<ConfigLayer, ConfigError> {
    let err = |span: Option<std::ops::Range<usize>>, key: String, message: &str| ConfigError {
        file: file.to_string(),
        line: span
            .map(|s| format!(":{}", line_of(text, s.start)))
            .unwrap_or_default(),
        message: if key.is_empty() {
            message.trim().to_string()
        } else {
            format!("key `{key}`: {}", message.trim())
        },
    };
    let de =
        toml::Deserializer::parse(text).map_err(|e| err(e.span(), String::new(), e.message()))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let key = key_name(e.path());
        let inner = e.into_inner();
        err(inner.span(), key, inner.message())
    })
}

/// `keys.quit[1]` for serde's path (without the field `Spanned` deserializes through).
fn key_name(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut key = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => key.push_str(&format!("[{index}]")),
            Segment::Map { key: k } | Segment::Enum { variant: k } => {
                if k.starts_with("$__serde_spanned") {
                    continue;
                }
                if !key.is_empty() {
                    key.push('.');
                }
                key.push_str(k);
            }
            Segment::Unknown => {}
        }
    }
    key
}

/// No key may do two things: the first such key, reported at the user's line for it.
fn check_bindings(
    keys: &KeyBindings,
    user_lines: &BTreeMap<Action, usize>,
) -> Result<(), (Option<usize>, String)> {
    let mut seen: std::collections::HashMap<Key, Action> = std::collections::HashMap::new();
    for (action, bound) in keys {
        for key in bound {
            if let Some(other) = seen.insert(*key, *action)
                && other != *action
            {
                // Point at whichever of the two the user wrote (the later one if both).
                let at = user_lines
                    .get(action)
                    .map(|l| (*action, *l))
                    .or_else(|| user_lines.get(&other).map(|l| (other, *l)));
                let (named, line) = match at {
                    Some((a, l)) => (a, Some(l)),
                    None => (*action, None),
                };
                return Err((
                    line,
                    format!(
                        "key `keys.{}`: {:?} is bound to both {} and {}",
                        named.name(),
                        key.label(),
                        other.name(),
                        action.name()
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map(|p| p.matches('\n').count() + 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        Config::from_toml_over_defaults(text, "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn embedded_defaults_parse() {
        let c = Config::defaults();
        assert_eq!(c.fetch.timeout, 20);
        assert_eq!(c.fetch.concurrency, 8);
        assert_eq!(c.keys.get(&Action::Quit).map(Vec::len), Some(2));
        // Every action has keys by default.
        for a in Action::ALL {
            assert!(c.keys.get(a).is_some_and(|k| !k.is_empty()), "{}", a.name());
        }
    }

    #[test]
    fn user_values_override_defaults() {
        let c = Config::from_toml_over_defaults(
            "[fetch]\ntimeout = 5\n[keys]\nquit = [\"x\"]\n",
            "c.toml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.fetch.timeout, 5);
        assert_eq!(c.fetch.concurrency, 8);
        assert_eq!(
            c.keys[&Action::Quit],
            vec![Key::parse("x").unwrap_or_else(|| panic!())]
        );
        assert_eq!(
            c.keys[&Action::Down],
            Config::defaults().keys[&Action::Down]
        );
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = error("[fetch]\n\ntimeotu = 5\n");
        assert!(e.starts_with("c.toml:3:"), "{e}");
        assert!(e.contains("timeotu"), "{e}");
        let e = error("[fetchh]\ntimeout = 5\n");
        assert!(e.starts_with("c.toml:1:") && e.contains("fetchh"), "{e}");
    }

    #[test]
    fn bad_value_names_line_and_key() {
        let e = error("[display]\nbidi = \"sideways\"\n");
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(e.contains("display.bidi"), "{e}");
    }

    #[test]
    fn syntax_error_names_line() {
        assert!(error("[fetch]\ntimeout = = 5\n").starts_with("c.toml:2:"));
    }

    #[test]
    fn bad_key_and_colour_names_are_reported_with_their_line() {
        let e = error("[keys]\nquit = [\"Ctrl-q\", \"Hyper-x\"]\n");
        assert!(e.starts_with("c.toml:2:") && e.contains("Hyper-x"), "{e}");
        assert!(e.contains("key `keys.quit[1]`"), "{e}");
        let e = error("[theme]\norg = \"blurple\"\n");
        assert!(e.starts_with("c.toml:2:") && e.contains("theme.org"), "{e}");
        let e = error("[keys]\njump = [\"j\"]\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("no such action"),
            "{e}"
        );
        let e = error("[theme]\n\norgs = \"red\"\n");
        assert!(e.starts_with("c.toml:3:") && e.contains("orgs"), "{e}");
    }

    #[test]
    fn a_key_bound_twice_is_reported_at_the_users_line() {
        // `k` is `up` by default.
        let e = error("[fetch]\ntimeout = 5\n[keys]\ndown = [\"j\", \"k\"]\n");
        assert!(e.starts_with("c.toml:4:"), "{e}");
        assert!(
            e.contains("\"k\"") && e.contains("down") && e.contains("up"),
            "{e}"
        );
        // Rebinding both is fine.
        assert!(error("[keys]\ndown = [\"k\"]\nup = [\"j\"]\n").is_empty());
    }

    #[test]
    fn ui_language_and_digits_are_typed_and_refused_with_their_line() {
        let c = Config::from_toml_over_defaults(
            "[ui]\nlanguage = \"ar\"\ndigits = \"arabic-indic\"\n",
            "c.toml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.ui.language, LanguageSetting::Ar);
        assert_eq!(c.ui.digits, DigitsSetting::ArabicIndic);
        assert_eq!(Config::defaults().ui.language, LanguageSetting::Auto);
        let e = error("[ui]\n\nlanguage = \"fr\"\n");
        assert!(
            e.starts_with("c.toml:3:") && e.contains("ui.language") && e.contains("auto, ar, en"),
            "{e}"
        );
        let e = error("[ui]\ndigits = \"hindi\"\n");
        assert!(e.starts_with("c.toml:2:") && e.contains("ui.digits"), "{e}");
    }

    #[test]
    fn store_retention_views_and_browser() {
        let c = Config::from_toml_over_defaults(
            "[store]\nkeep_days = 30\n[ui]\nbrowser = \"w3m %u\"\n\
             [views.\"مايكروسوفت\"]\ncompany = \"Microsoft\"\nunread = true\n",
            "c.toml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.store.keep_days, 30);
        assert_eq!(c.store.max_per_feed, 0);
        assert_eq!(c.ui.browser, "w3m %u");
        let v = &c.views["مايكروسوفت"];
        assert_eq!(v.company.as_deref(), Some("Microsoft"));
        assert!(v.unread && !v.starred);
        assert!(Config::defaults().views.is_empty());
        let e = error("[views.x]\ncompany = \"a\"\nsort = \"date\"\n");
        assert!(e.starts_with("c.toml:3:") && e.contains("sort"), "{e}");
        let e = error("[store]\nkeep_days = -1\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("store.keep_days"),
            "{e}"
        );
    }

    #[test]
    fn full_text_modes_per_feed() {
        let c = Config::from_toml_over_defaults(
            "[full_text]\nmode = \"never\"\n[full_text.feeds]\n\"https://a.example/feed\" = \"always\"\n",
            "c.toml",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.full_text.for_feed("https://a.example/feed"),
            FullTextMode::Always
        );
        assert_eq!(
            c.full_text.for_feed("https://b.example/feed"),
            FullTextMode::Never
        );
        assert_eq!(Config::defaults().full_text.mode, FullTextMode::Auto);
    }

    #[test]
    fn out_of_range_is_reported_with_line_and_key_in_either_form() {
        let e = error("[fetch]\nconcurrency = 0\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("fetch.concurrency"),
            "{e}"
        );
        // A dotted key outside its table gets the same.
        let e = error("\nfetch.timeout = 0\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("fetch.timeout"),
            "{e}"
        );
        assert!(e.contains("1..=3600 seconds"), "{e}");
        let e = error("[fetch]\ntimeout = 0\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("fetch.timeout"),
            "{e}"
        );
        let e = error("[layout]\nsplit = 95\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("layout.split"),
            "{e}"
        );
        let e = error("[fetch]\ntimeout = \"soon\"\n");
        assert!(
            e.starts_with("c.toml:2:") && e.contains("fetch.timeout"),
            "{e}"
        );
    }
}
