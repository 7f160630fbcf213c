//! Configuration: a TOML file merged over the embedded defaults (assets/config.default.toml).
//! Unknown keys and bad values are errors that name the file, the line and the key.

use crate::text::{BidiMode, Direction, ShapeMode};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const DEFAULT_TOML: &str = include_str!("../assets/config.default.toml");

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub fetch: FetchSection,
    pub display: DisplaySection,
    pub layout: LayoutSection,
    pub full_text: FullTextSection,
    pub theme: BTreeMap<String, String>,
    pub keys: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FetchSection {
    pub timeout: u64,
    pub concurrency: usize,
    pub max_body_mib: u64,
    pub max_redirects: usize,
    pub refresh_on_start: bool,
    pub refresh_minutes: u64,
    pub page_concurrency: usize,
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

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FullTextSection {
    pub mode: FullTextMode,
    #[serde(default)]
    pub feeds: BTreeMap<String, FullTextMode>,
}

impl FullTextSection {
    /// The mode for one feed: its own setting, else the global one.
    pub fn for_feed(&self, url: &str) -> FullTextMode {
        self.feeds.get(url).copied().unwrap_or(self.mode)
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DisplaySection {
    pub bidi: BidiMode,
    pub shape: ShapeMode,
    pub direction: Direction,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mirror {
    #[default]
    Auto,
    On,
    Off,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LayoutSection {
    pub mirror: Mirror,
    pub split: u16,
}

/// A configuration error, already phrased for people: file, line, key, reason.
#[derive(Debug, thiserror::Error)]
#[error("{file}{line}: {message}")]
pub struct ConfigError {
    pub file: String,
    pub line: String,
    pub message: String,
}

impl Config {
    /// The embedded defaults alone.
    pub fn defaults() -> Config {
        // The embedded file is checked by a unit test; a broken build would fail it.
        match toml::from_str(DEFAULT_TOML) {
            Ok(c) => c,
            Err(e) => panic!("embedded default config is invalid: {e}"),
        }
    }

    /// Load `path` over the defaults. A missing file at the default location is not an error;
    /// a missing file named explicitly is.
    pub fn load(path: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
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

    /// Parse `text` (named `file` in errors) merged over the embedded defaults.
    pub fn from_toml_over_defaults(text: &str, file: &str) -> Result<Config, ConfigError> {
        let err = |line: String, message: String| ConfigError {
            file: file.to_string(),
            line,
            message,
        };
        let user: toml::Table = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| format!(":{}", line_of(text, s.start)))
                .unwrap_or_default();
            err(line, e.message().trim().to_string())
        })?;
        let mut merged: toml::Table = toml::from_str(DEFAULT_TOML)
            .map_err(|e| err(String::new(), format!("embedded defaults: {e}")))?;
        merge(&mut merged, user);
        let merged_text =
            toml::to_string(&merged).map_err(|e| err(String::new(), e.to_string()))?;
        let config: Config = toml::from_str(&merged_text).map_err(|e| {
            // Point at the user's line: find the offending key in the user's text.
            let msg = e.message().trim().to_string();
            let key = e
                .span()
                .map(|s| key_at(&merged_text, s.start))
                .unwrap_or_default();
            let line = find_key_line(text, &key)
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            let key_note = if key.is_empty() {
                String::new()
            } else {
                format!("key `{key}`: ")
            };
            err(line, format!("{key_note}{msg}"))
        })?;
        config.validate().map_err(|(key, msg)| {
            let line = find_key_line(text, &key)
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            err(line, format!("key `{key}`: {msg}"))
        })?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), (String, String)> {
        let f = &self.fetch;
        if f.timeout == 0 || f.timeout > 3600 {
            return Err(("fetch.timeout".into(), "must be 1..=3600 seconds".into()));
        }
        if f.concurrency == 0 || f.concurrency > 256 {
            return Err(("fetch.concurrency".into(), "must be 1..=256".into()));
        }
        if f.max_body_mib == 0 || f.max_body_mib > 1024 {
            return Err(("fetch.max_body_mib".into(), "must be 1..=1024".into()));
        }
        if f.max_redirects > 20 {
            return Err(("fetch.max_redirects".into(), "must be 0..=20".into()));
        }
        if f.page_concurrency == 0 || f.page_concurrency > 32 {
            return Err(("fetch.page_concurrency".into(), "must be 1..=32".into()));
        }
        if !(10..=90).contains(&self.layout.split) {
            return Err(("layout.split".into(), "must be 10..=90 (percent)".into()));
        }
        // Keys and colours are checked here, so every command reports them with the line.
        let table_error = |section: &str, msg: String| {
            let rest = msg.trim_start_matches(&format!("[{section}] "));
            let name = if rest.starts_with("key ") {
                rest.rsplit(' ').next().unwrap_or("")
            } else {
                rest.split(':').next().unwrap_or("")
            };
            (format!("{section}.{name}"), msg)
        };
        crate::tui::keys::Keymap::from_config(&self.keys).map_err(|m| table_error("keys", m))?;
        crate::view::theme::Theme::from_config(&self.theme, false)
            .map_err(|m| table_error("theme", m))?;
        Ok(())
    }

    /// HTTP settings for the fetcher.
    pub fn fetch_config(&self) -> crate::feed::fetch::FetchConfig {
        crate::feed::fetch::FetchConfig {
            timeout: std::time::Duration::from_secs(self.fetch.timeout),
            max_body_bytes: self.fetch.max_body_mib * 1024 * 1024,
            max_redirects: self.fetch.max_redirects,
            ..Default::default()
        }
    }
}

/// Overlay `over` onto `base`, table by table.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map(|p| p.matches('\n').count() + 1)
        .unwrap_or(1)
}

/// The dotted key whose value starts at `byte` in a document written by `toml::to_string`.
fn key_at(text: &str, byte: usize) -> String {
    let mut section = String::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.trim_matches(|c| c == '[' || c == ']').to_string();
        }
        if byte < pos + line.len() {
            let key = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if t.starts_with('[') || key.is_empty() {
                return section;
            }
            return if section.is_empty() {
                key.to_string()
            } else {
                format!("{section}.{key}")
            };
        }
        pos += line.len();
    }
    section
}

/// Line number of `section.key` (or of `[section]`) in the user's text.
fn find_key_line(text: &str, dotted: &str) -> Option<usize> {
    let (section, key) = match dotted.rsplit_once('.') {
        Some((s, k)) => (s, k),
        None => ("", dotted),
    };
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            current = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            if current == dotted {
                return Some(i + 1);
            }
            continue;
        }
        let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if current == section && k == key && t.contains('=') {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse() {
        let c = Config::defaults();
        assert_eq!(c.fetch.timeout, 20);
        assert_eq!(c.fetch.concurrency, 8);
        assert_eq!(c.keys.get("quit").map(Vec::len), Some(2));
    }

    #[test]
    fn user_values_override_defaults() {
        let c = Config::from_toml_over_defaults("[fetch]\ntimeout = 5\n", "c.toml")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.fetch.timeout, 5);
        assert_eq!(c.fetch.concurrency, 8);
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = Config::from_toml_over_defaults("[fetch]\n\ntimeotu = 5\n", "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("c.toml:3:"), "{e}");
        assert!(e.contains("timeotu"), "{e}");
    }

    #[test]
    fn bad_value_names_line_and_key() {
        let e = Config::from_toml_over_defaults("[display]\nbidi = \"sideways\"\n", "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(e.contains("display.bidi"), "{e}");
    }

    #[test]
    fn syntax_error_names_line() {
        let e = Config::from_toml_over_defaults("[fetch]\ntimeout = = 5\n", "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("c.toml:2:"), "{e}");
    }

    #[test]
    fn bad_key_and_colour_names_are_reported_with_their_line() {
        let e =
            Config::from_toml_over_defaults("[keys]\nquit = [\"Ctrl-q\", \"Hyper-x\"]\n", "c.toml")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
        assert!(e.starts_with("c.toml:2:") && e.contains("Hyper-x"), "{e}");
        let e = Config::from_toml_over_defaults("[theme]\norg = \"blurple\"\n", "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.starts_with("c.toml:2:") && e.contains("theme.org"), "{e}");
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
    fn out_of_range_is_reported() {
        let e = Config::from_toml_over_defaults("[fetch]\nconcurrency = 0\n", "c.toml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("c.toml:2:") && e.contains("fetch.concurrency"),
            "{e}"
        );
    }
}
