//! `akhbar views [--json]`: the saved views — the config's [views] and those saved in the reader.

use super::{out, say};
use crate::i18n::tr;
use crate::library::views::ViewOrigin;
use crate::library::{Error, Library};
use std::process::ExitCode;

pub(crate) fn run(lib: &Library, json: bool) -> Result<ExitCode, Error> {
    let l = &lib.l10n;
    let store = lib.open_store()?;
    let views = lib.views(&store)?;
    if views.is_empty() && !json {
        say(lib, &tr!(l, "views-none"));
    }
    for v in &views {
        let origin = match v.origin {
            ViewOrigin::Config => "config",
            ViewOrigin::Saved => "saved",
        };
        let line = if json {
            let mut j = serde_json::to_value(&v.view.filter).unwrap_or_default();
            if let Some(o) = j.as_object_mut() {
                o.insert("name".into(), v.view.name.clone().into());
                o.insert("origin".into(), origin.into());
            }
            j.to_string()
        } else {
            let filter = serde_json::to_string(&v.view.filter).unwrap_or_default();
            let from = match v.origin {
                ViewOrigin::Config => tr!(l, "views-from-config"),
                ViewOrigin::Saved => tr!(l, "views-saved"),
            };
            format!(
                "{}  ({from})  {}",
                crate::text::sanitize(&v.view.name),
                crate::text::sanitize(&filter)
            )
        };
        if !out(&line) {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}
