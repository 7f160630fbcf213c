//! `akhbar doctor [--repair]`: check the database, config and paths; repair a damaged database.

use super::{Ctx, Failure, out};
use crate::store::Store;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, repair: bool) -> Result<ExitCode, Failure> {
    let path = ctx.db_path();
    let state = check(&path);
    match &state {
        Ok(summary) => out(&format!("database   {}  {summary}", path.display())),
        Err(problem) => out(&format!(
            "database   {}  DAMAGED: {problem}",
            path.display()
        )),
    };
    out(&format!(
        "config     {}",
        ctx.config_path
            .as_ref()
            .map(|p| format!("{} (ok)", p.display()))
            .unwrap_or_else(|| format!(
                "{} (not present: defaults used)",
                crate::paths::default_config().display()
            ))
    ));
    let user = crate::paths::user_gazetteer();
    match ctx.recognizer() {
        Ok(rec) => out(&format!(
            "gazetteer  version {}{}",
            rec.version(),
            if user.exists() {
                format!(", with {}", user.display())
            } else {
                String::new()
            }
        )),
        Err(e) => out(&format!("gazetteer  ERROR: {e:#}")),
    };
    out(&format!(
        "log        {}",
        crate::paths::state_dir().join("akhbar.log").display()
    ));
    match (state, repair) {
        (Ok(_), false) => Ok(ExitCode::SUCCESS),
        (Ok(_), true) => {
            out("nothing to repair");
            Ok(ExitCode::SUCCESS)
        }
        (Err(_), false) => {
            out(
                "run `akhbar doctor --repair` to move the damaged file aside and save what can be read",
            );
            Ok(ExitCode::from(1))
        }
        (Err(_), true) => {
            let salvage = crate::store::repair::repair(&path)?;
            out(&format!(
                "repaired: kept {} feeds and {} articles ({} unreadable rows lost); the damaged file is {}",
                salvage.feeds,
                salvage.articles,
                salvage.lost_rows,
                salvage.backup.display()
            ));
            let mut store = Store::open(&path).map_err(anyhow::Error::from)?;
            let rec = ctx.recognizer()?;
            let n = super::feeds::reindex_stale(&mut store, &rec, false)?;
            out(&format!("re-indexed the entities of {n} articles"));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A one-line summary of a healthy database, or what is wrong with it.
fn check(path: &std::path::Path) -> Result<String, String> {
    if !path.exists() {
        return Ok("(not created yet)".into());
    }
    let store = Store::open(path).map_err(|e| e.to_string())?;
    let integrity = store.integrity_check().map_err(|e| e.to_string())?;
    if integrity != "ok" {
        let first: Vec<&str> = integrity.lines().take(3).collect();
        return Err(first.join("; "));
    }
    let articles = store.article_count().map_err(|e| e.to_string())?;
    let feeds = store.feeds().map_err(|e| e.to_string())?.len();
    let version = store.schema_version().map_err(|e| e.to_string())?;
    Ok(format!(
        "schema {version}, {feeds} feeds, {articles} articles, integrity ok"
    ))
}
