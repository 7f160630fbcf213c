//! The README and the messages say what the program does: the README's key table names every
//! key bound by default (the help overlay is drawn from the same bindings) and no other, its
//! command list every subcommand of `akhbar --help` and no other; each message id is defined
//! once.
#![allow(clippy::unwrap_used)]

const README: &str = include_str!("../../README.md");
const DEFAULTS: &str = include_str!("../../assets/config.default.toml");

/// The rows of the README's "## Keys" table.
fn key_rows() -> Vec<&'static str> {
    let start = README.find("\n## Keys").unwrap();
    let rest = &README[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end]
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect()
}

/// The keys of the first column of a row, as written between backticks.
fn keys_of(row: &str) -> Vec<&str> {
    let first = row.trim_start_matches('|').split('|').next().unwrap();
    first.split('`').skip(1).step_by(2).collect()
}

/// Each action of [keys] with its default keys, as the README writes them.
fn bindings() -> Vec<(String, Vec<String>)> {
    let keys = &DEFAULTS[DEFAULTS.find("\n[keys]").unwrap()..];
    let table: toml::Table = toml::from_str(keys).unwrap();
    let shown = |k: &str| match k {
        "Down" => "↓".to_string(),
        "Up" => "↑".to_string(),
        "PageDown" => "PgDn".to_string(),
        "PageUp" => "PgUp".to_string(),
        "Ctrl-c" => "Ctrl-C".to_string(),
        k => k.to_string(),
    };
    table["keys"]
        .as_table()
        .unwrap()
        .iter()
        .map(|(action, keys)| {
            let keys = keys.as_array().unwrap();
            let keys = keys.iter().map(|k| shown(k.as_str().unwrap())).collect();
            (action.clone(), keys)
        })
        .collect()
}

#[test]
fn the_readme_key_table_names_every_bound_key_and_no_other() {
    let rows = key_rows();
    assert!(rows.len() > 20, "{rows:?}");
    let in_table: Vec<&str> = rows.iter().flat_map(|r| keys_of(r)).collect();
    let bound = bindings();
    for (action, keys) in &bound {
        for key in keys {
            assert!(
                in_table.contains(&key.as_str()),
                "{action} is bound to {key}, which the README's key table does not name"
            );
        }
    }
    // Left and Right go toward a pane without being in [keys]; the rest must be bound.
    for key in in_table {
        let known =
            ["←", "→"].contains(&key) || bound.iter().any(|(_, k)| k.iter().any(|k| k == key));
        assert!(
            known,
            "the README's key table names {key}, which nothing binds"
        );
    }
    for new in [
        "feeds_view",
        "add_feed",
        "rename_feed",
        "remove",
        "save_view",
    ] {
        assert!(
            bound.iter().any(|(a, _)| a == new),
            "{new} has a default key"
        );
    }
}

#[test]
fn the_readme_command_list_matches_the_help() {
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let commands: Vec<&str> = help[help.find("Commands:").unwrap()..]
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(
        commands.contains(&"views") && commands.contains(&"add"),
        "{commands:?}"
    );
    let block_start = README.find("## The command line").unwrap();
    let block = &README[block_start..];
    let block = &block[block.find("```").unwrap() + 3..];
    let block = &block[..block.find("```").unwrap()];
    let mut listed: Vec<&str> = Vec::new();
    for line in block.lines().filter(|l| l.starts_with("akhbar ")) {
        // "akhbar import … | akhbar export": both.
        for part in line.split(" | akhbar ") {
            let word = part
                .trim_start_matches("akhbar ")
                .split_whitespace()
                .next()
                .unwrap_or("");
            let word = if word == "--demo" { "" } else { word };
            if !word.is_empty() && !word.starts_with('[') && !word.starts_with('-') {
                listed.push(word);
            }
        }
    }
    for c in &commands {
        assert!(
            listed.contains(c),
            "`akhbar {c}` is in --help, not in the README"
        );
    }
    for c in &listed {
        assert!(
            commands.contains(c),
            "the README lists `akhbar {c}`, which --help does not"
        );
    }
}

/// Fluent keeps one message per id: a second definition in another file silently replaced the
/// first (the feed list's `feeds-summary` once replaced the CLI's).
#[test]
fn each_message_id_is_defined_once_per_language() {
    for lang in ["en", "ar"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/i18n")
            .join(lang);
        let mut seen: std::collections::HashMap<String, String> = Default::default();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let Some((id, _)) = line.split_once(" =") else {
                    continue;
                };
                if id.is_empty()
                    || !id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    continue;
                }
                if let Some(first) = seen.insert(id.to_string(), file.clone()) {
                    panic!("{lang}: {id} is defined in {first} and again in {file}");
                }
            }
        }
        assert!(seen.len() > 100, "{lang}: {} ids", seen.len());
    }
}
