//! The crate's layers, checked: every `crate::…` (and `super::…` that leaves its top-level
//! module) in src/ is read, and a module may only use modules of its own layer or below, with
//! no cycle inside a layer. The layer list is the one in src/lib.rs's documentation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The layers, bottom first, from the ```text block under "# Layers" in src/lib.rs: one layer a
/// line, its name first, then its modules.
fn layers(lib_rs: &str) -> Vec<(String, Vec<String>)> {
    let doc: Vec<&str> = lib_rs
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .collect();
    let start = doc
        .iter()
        .position(|l| *l == "# Layers")
        .expect("src/lib.rs documents its layers under \"# Layers\"");
    doc[start..]
        .iter()
        .skip_while(|l| **l != "```text")
        .skip(1)
        .take_while(|l| **l != "```")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut words = l.split_whitespace().map(str::to_string);
            let name = words.next().unwrap_or_default();
            (name, words.collect())
        })
        .collect()
}

/// The top-level modules lib.rs declares.
fn declared(lib_rs: &str) -> BTreeSet<String> {
    lib_rs
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            let l = l.strip_prefix("pub(crate) ").unwrap_or(l);
            l.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(str::to_string)
        })
        .collect()
}

/// Source without comments, string and char literals (their text is not code).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            ('r', Some('#' | '"')) if i == 0 || !is_ident(b[i - 1]) => {
                // Raw string: r"…", r#"…"#, …
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&'"') {
                    out.push(b[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            ('"', _) => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', _) => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a): skip only literals.
                let close = if b.get(i + 1) == Some(&'\\') {
                    (i + 3..b.len().min(i + 12)).find(|&k| b[k] == '\'')
                } else if b.get(i + 2) == Some(&'\'') {
                    Some(i + 2)
                } else {
                    None
                };
                match close {
                    Some(k) => {
                        out.push_str("' '");
                        i = k + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The top-level modules a file's code names: `crate::m`, `crate::{m, n::…}`, and `super::…`
/// chains that climb out of the file's top-level module. `depth` is the file's module depth
/// (src/m.rs and src/m/mod.rs: 1; src/m/x.rs: 2); inline `mod x { … }` blocks add one each.
fn references(code: &str, depth: usize) -> BTreeSet<String> {
    let chars: Vec<char> = code.chars().collect();
    let text: String = chars.iter().collect();
    let mut found = BTreeSet::new();
    // Inline modules open at these brace depths.
    let mut inline: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut i = 0;
    let word_at = |i: usize| -> String {
        chars[i..]
            .iter()
            .take_while(|c| is_ident(**c))
            .collect::<String>()
    };
    while i < chars.len() {
        let c = chars[i];
        let starts_word = i == 0 || !is_ident(chars[i - 1]);
        if c == '{' {
            braces += 1;
        } else if c == '}' {
            braces = braces.saturating_sub(1);
            while inline.last().is_some_and(|d| *d > braces) {
                inline.pop();
            }
        } else if starts_word && word_at(i) == "mod" {
            // `mod name {` opens an inline module; `mod name;` names a file module.
            let rest: String = chars[i + 3..].iter().take(80).collect();
            let rest = rest.trim_start();
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if !name.is_empty() && rest[name.len()..].trim_start().starts_with('{') {
                inline.push(braces + 1);
            }
        } else if starts_word && (text[char_offset(&chars, i)..].starts_with("crate::")) {
            let after = i + "crate::".len();
            if chars.get(after) == Some(&'{') {
                // crate::{a, b::c, d::{e, f}}: the names at the group's top level.
                let mut level = 0;
                let mut expecting = true;
                let mut k = after;
                while k < chars.len() {
                    match chars[k] {
                        '{' => {
                            level += 1;
                            if level == 1 {
                                expecting = true;
                            }
                        }
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        ',' if level == 1 => expecting = true,
                        c if level == 1 && expecting && is_ident(c) => {
                            found.insert(word_at(k));
                            expecting = false;
                        }
                        _ => {}
                    }
                    k += 1;
                }
            } else {
                found.insert(word_at(after));
            }
            i = after;
            continue;
        } else if starts_word && word_at(i) == "super" {
            let mut k = i;
            let mut supers = 0;
            while text[char_offset(&chars, k)..].starts_with("super::") {
                supers += 1;
                k += "super::".len();
            }
            if supers >= depth + inline.len() {
                found.insert(word_at(k));
            }
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
    found.retain(|w| !w.is_empty());
    found
}

fn char_offset(chars: &[char], i: usize) -> usize {
    chars[..i].iter().map(|c| c.len_utf8()).sum()
}

/// Every .rs file under `dir`, with its module depth below src/.
fn files(dir: &Path, depth: usize, out: &mut Vec<(PathBuf, usize)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, depth + 1, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let is_mod = p.file_name().is_some_and(|n| n == "mod.rs");
            out.push((p, if is_mod { depth } else { depth + 1 }));
        }
    }
}

/// Top-level module → the top-level modules it uses.
fn graph(modules: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in modules {
        let mut fs = Vec::new();
        let dir = src().join(m);
        if dir.is_dir() {
            files(&dir, 1, &mut fs);
        }
        let file = src().join(format!("{m}.rs"));
        if file.is_file() {
            fs.push((file, 1));
        }
        assert!(!fs.is_empty(), "module {m} has no source");
        let uses = g.entry(m.clone()).or_default();
        for (path, depth) in fs {
            let code = code_only(&std::fs::read_to_string(&path).unwrap());
            for r in references(&code, depth) {
                if &r != m && modules.contains(&r) {
                    uses.insert(r);
                }
            }
        }
    }
    g
}

#[test]
fn lower_layers_never_use_higher_ones_and_no_module_cycle() {
    let lib_rs = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let layers = layers(&lib_rs);
    assert!(layers.len() >= 5, "layers: {layers:?}");
    let mut level: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (_, modules)) in layers.iter().enumerate() {
        for m in modules {
            assert!(level.insert(m.clone(), i).is_none(), "{m} is in two layers");
        }
    }
    let modules = declared(&lib_rs);
    let listed: BTreeSet<String> = level.keys().cloned().collect();
    assert_eq!(
        modules, listed,
        "the layer list must name exactly the modules lib.rs declares"
    );

    let g = graph(&modules);
    let mut upward = Vec::new();
    for (m, uses) in &g {
        for u in uses {
            if level[u] > level[m] {
                upward.push(format!(
                    "{m} ({}) uses {u} ({})",
                    layers[level[m]].0, layers[level[u]].0
                ));
            }
        }
    }
    assert!(upward.is_empty(), "upward edges:\n{}", upward.join("\n"));

    // No cycle (inside a layer; across layers the order already forbids one).
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in g.keys() {
        let mut path: Vec<&str> = Vec::new();
        visit(start, &g, &mut path, &mut done);
    }

    // The binary uses the commands only.
    let main = code_only(&std::fs::read_to_string(src().join("main.rs")).unwrap());
    let used: BTreeSet<&str> = main
        .match_indices("akhbar::")
        .map(|(at, s)| {
            let rest = &main[at + s.len()..];
            &rest[..rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len())]
        })
        .collect();
    assert_eq!(used, BTreeSet::from(["cli"]), "main.rs uses {used:?}");
}

fn visit<'a>(
    m: &'a str,
    g: &'a BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<&'a str>,
    done: &mut BTreeSet<&'a str>,
) {
    if let Some(at) = path.iter().position(|p| *p == m) {
        panic!("module cycle: {} -> {m}", path[at..].join(" -> "));
    }
    if done.contains(m) {
        return;
    }
    path.push(m);
    for u in &g[m] {
        visit(u, g, path, done);
    }
    path.pop();
    done.insert(m);
}

/// The reader of references must see what it is meant to see, or the check above proves nothing.
#[test]
fn references_are_found_in_every_form() {
    let code = code_only(
        r#"
        use crate::store::Store;
        use crate::{feed::NewArticle, text};
        use crate::{
            entities::{Kind, Span},
            hash,
        };
        fn f() { crate::tui::run(); let s = "crate::cli"; } // crate::config
        /* crate::demo */
        use super::super::paths;
        mod tests { use super::*; use super::super::super::library; }
        "#,
    );
    let found = references(&code, 2);
    let want: BTreeSet<String> = [
        "store", "feed", "text", "entities", "hash", "tui", "paths", "library",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, want);
    // From a top-level file, one `super::` already reaches the crate root.
    let found = references(&code_only("use super::store::Store;"), 1);
    assert!(found.contains("store"), "{found:?}");
    // …except inside its inline test module.
    let found = references(&code_only("mod tests { use super::helper; }"), 1);
    assert!(found.is_empty(), "{found:?}");
}
