//! XDG locations: data (the database), config (config.toml, gazetteer additions), state (logs).

use std::path::PathBuf;

fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "akhbar")
}

fn or_tmp(p: Option<PathBuf>, leaf: &str) -> PathBuf {
    p.unwrap_or_else(|| std::env::temp_dir().join("akhbar").join(leaf))
}

/// `~/.local/share/akhbar/akhbar.db`
pub fn default_db() -> PathBuf {
    or_tmp(dirs().map(|d| d.data_dir().to_path_buf()), "data").join("akhbar.db")
}

/// `~/.config/akhbar`
pub fn config_dir() -> PathBuf {
    or_tmp(dirs().map(|d| d.config_dir().to_path_buf()), "config")
}

/// `~/.config/akhbar/config.toml`
pub fn default_config() -> PathBuf {
    config_dir().join("config.toml")
}

/// `~/.config/akhbar/gazetteer.toml`: the user's extra entities and aliases.
pub fn user_gazetteer() -> PathBuf {
    config_dir().join("gazetteer.toml")
}

/// `~/.local/state/akhbar` (logs).
pub fn state_dir() -> PathBuf {
    or_tmp(
        dirs().map(|d| {
            d.state_dir()
                .map(|p| p.to_path_buf())
                .unwrap_or_else(|| d.data_local_dir().join("state"))
        }),
        "state",
    )
}
