//! The gazetteer: entities with canonical names, aliases in tiers, parents (docs/gazetteer.md).

use super::Kind;
use anyhow::{Context, bail};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// How much evidence an alias needs before it counts (docs/gazetteer.md, "Alias tiers").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Unambiguous: counts wherever it appears as a word.
    Plain,
    /// Needs a trigger word, quotes, or another mention of the same entity in the text.
    Strict,
    /// Also an ordinary word: like strict, and never glued to the prepositions ب or ك.
    Common,
}

#[derive(Clone, Debug)]
pub struct Alias {
    pub surface: String,
    pub tier: Tier,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    /// Index of the parent entity (a product's company).
    pub parent: Option<usize>,
    pub aliases: Vec<Alias>,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entity: Vec<toml::Spanned<RawEntity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: String,
    kind: Option<String>,
    name: Option<String>,
    parent: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    strict: Vec<String>,
    #[serde(default)]
    common: Vec<String>,
}

pub const EMBEDDED: &str = include_str!("../../assets/gazetteer.toml");
/// Countries, regions and cities with their Arabic names, generated from CLDR and iso-codes
/// (scripts/gen_places.py); merged after the gazetteer, whose entities keep their names.
pub const PLACES: &str = include_str!("../../assets/places-world.toml");

impl Gazetteer {
    /// The embedded gazetteer, then the user's file merged over it.
    pub fn load(user: Option<(&Path, &str)>) -> anyhow::Result<Gazetteer> {
        let mut g = Gazetteer::default();
        g.merge("assets/gazetteer.toml (embedded)", EMBEDDED)?;
        g.merge("assets/places-world.toml (embedded)", PLACES)?;
        if let Some((path, text)) = user {
            g.merge(&path.display().to_string(), text)?;
        }
        Ok(g)
    }

    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Add the entities of one file; an entity whose id exists already adds its aliases (and may
    /// override name, kind and parent). Parents may refer to entities later in the file.
    fn merge(&mut self, file: &str, text: &str) -> anyhow::Result<()> {
        let raw: RawFile =
            toml::from_str(text).with_context(|| format!("{file}: invalid gazetteer"))?;
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let mut parents = Vec::new();
        for spanned in raw.entity {
            // Line numbers only matter for errors: computing them eagerly is quadratic.
            let offset = spanned.span().start;
            let e = spanned.into_inner();
            let at = |key: &str| {
                let line = line_of(offset);
                format!("{file}:{line}: entity \"{}\", key `{key}`", e.id)
            };
            if e.id.trim().is_empty() {
                bail!("{file}:{}: entity with an empty `id`", line_of(offset));
            }
            let kind = match &e.kind {
                Some(k) => match Kind::parse(k) {
                    Some(kind) if !kind.is_figure() => Some(kind),
                    _ => bail!(
                        "{}: unknown kind {k:?} (org, product, person, place)",
                        at("kind")
                    ),
                },
                None => None,
            };
            let mut aliases = Vec::new();
            for (key, list, tier) in [
                ("aliases", &e.aliases, Tier::Plain),
                ("strict", &e.strict, Tier::Strict),
                ("common", &e.common, Tier::Common),
            ] {
                for a in list {
                    if super::normalize::normalize_str(a).trim().is_empty() {
                        bail!("{}: empty alias", at(key));
                    }
                    aliases.push(Alias {
                        surface: a.trim().to_string(),
                        tier,
                    });
                }
            }
            let idx = match self.by_id.get(&e.id) {
                Some(&i) => {
                    let ent = &mut self.entities[i];
                    if let Some(k) = kind {
                        ent.kind = k;
                    }
                    if let Some(n) = &e.name {
                        ent.name = n.trim().to_string();
                    }
                    ent.aliases.extend(aliases);
                    i
                }
                None => {
                    let Some(kind) = kind else {
                        bail!("{}: missing (required for a new entity)", at("kind"));
                    };
                    let Some(name) = e.name.as_deref().map(str::trim).filter(|n| !n.is_empty())
                    else {
                        bail!("{}: missing (required for a new entity)", at("name"));
                    };
                    self.entities.push(Entity {
                        id: e.id.clone(),
                        kind,
                        name: name.to_string(),
                        parent: None,
                        aliases,
                    });
                    self.by_id.insert(e.id.clone(), self.entities.len() - 1);
                    self.entities.len() - 1
                }
            };
            if let Some(p) = e.parent {
                parents.push((idx, p, offset, e.id.clone()));
            }
        }
        for (idx, parent, offset, id) in parents {
            match self.by_id.get(&parent) {
                Some(&p) if p != idx => self.entities[idx].parent = Some(p),
                _ => bail!(
                    "{file}:{}: entity \"{id}\", key `parent`: no entity with id {parent:?}",
                    line_of(offset)
                ),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_gazetteer_is_large_and_consistent() {
        let g = Gazetteer::load(None).unwrap_or_else(|e| panic!("{e:#}"));
        assert!(g.entities.len() >= 300, "{} entities", g.entities.len());
        let chatgpt = g.by_id("chatgpt").unwrap_or_else(|| panic!("chatgpt"));
        let parent = g.entities[chatgpt]
            .parent
            .map(|p| g.entities[p].name.as_str());
        assert_eq!(parent, Some("OpenAI"));
    }

    #[test]
    fn no_two_embedded_entities_share_a_spelling() {
        // The first entity loaded would silently win (docs/gazetteer.md): a spelling added for a
        // new organisation must not already name another one. Places may repeat a gazetteer
        // name on purpose (the gazetteer's entity keeps it), so only the gazetteer is checked.
        let mut g = Gazetteer::default();
        g.merge("gazetteer", EMBEDDED)
            .unwrap_or_else(|e| panic!("{e:#}"));
        let mut owner: HashMap<String, &str> = HashMap::new();
        for e in &g.entities {
            for a in &e.aliases {
                let key = crate::entities::normalize::normalize_str(&a.surface);
                if let Some(other) = owner.insert(key, &e.id) {
                    assert_eq!(
                        other, e.id,
                        "«{}» names both {other} and {}",
                        a.surface, e.id
                    );
                }
            }
        }
        assert!(g.entities.len() >= 700, "{} entities", g.entities.len());
    }

    #[test]
    fn user_file_errors_name_file_line_and_key() {
        let bad = "[[entity]]\nid = \"a\"\nkind = \"org\"\nname = \"A\"\n\n[[entity]]\nid = \"b\"\nkind = \"company\"\nname = \"B\"\n";
        let e = Gazetteer::load(Some((Path::new("/u/g.toml"), bad)))
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(e.contains("/u/g.toml:6") && e.contains("`kind`"), "{e}");
        let bad = "[[entity]]\nid = \"x\"\nkind = \"product\"\nname = \"X\"\nparent = \"nope\"\n";
        let e = Gazetteer::load(Some((Path::new("g.toml"), bad)))
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(e.contains("g.toml:1") && e.contains("`parent`"), "{e}");
        let bad = "[[entity]]\nid = \"x\"\nkind = \"org\"\nnmae = \"X\"\n";
        let e = Gazetteer::load(Some((Path::new("g.toml"), bad)))
            .err()
            .map(|e| format!("{e:#}"))
            .unwrap_or_default();
        assert!(e.contains("g.toml") && e.contains("nmae"), "{e}");
    }

    #[test]
    fn user_file_adds_entities_and_aliases() {
        let extra = "[[entity]]\nid = \"microsoft\"\naliases = [\"ام اس\"]\n\n[[entity]]\nid = \"acme\"\nkind = \"org\"\nname = \"Acme\"\naliases = [\"أكمي\"]\n";
        let g =
            Gazetteer::load(Some((Path::new("u.toml"), extra))).unwrap_or_else(|e| panic!("{e:#}"));
        let ms = g.by_id("microsoft").unwrap_or_else(|| panic!("microsoft"));
        assert!(g.entities[ms].aliases.iter().any(|a| a.surface == "ام اس"));
        assert!(g.by_id("acme").is_some());
    }
}
