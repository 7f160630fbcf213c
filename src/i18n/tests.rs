//! The resources against each other and against the code: both languages parse and have the
//! same messages, every `tr!` in src/ names a message that exists and supplies the variables
//! it uses, and the plural forms come out right.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Message id → the variables its value uses (in placeables and selectors, at any depth).
fn messages(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (lang, files) in RESOURCES {
        if lang != language {
            continue;
        }
        for (file, text) in files {
            let resource = match fluent_syntax::parser::parse(*text) {
                Ok(r) => r,
                Err((_, errors)) => panic!("{language:?} {file}: {errors:?}"),
            };
            for entry in resource.body {
                match entry {
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(p) = &m.value {
                            pattern_vars(p, &mut vars);
                        }
                        assert!(
                            m.value.is_some(),
                            "{language:?} {file}: {} has no value",
                            m.id.name
                        );
                        let previous = out.insert(m.id.name.to_string(), vars);
                        assert!(
                            previous.is_none(),
                            "{language:?} {file}: {} twice",
                            m.id.name
                        );
                    }
                    ast::Entry::Junk { content } => {
                        panic!("{language:?} {file}: cannot parse {content:?}")
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            // Fluent's own plural selection is wrong for Arabic past 100 (see `plural_category`).
            let plural = matches!(selector, ast::InlineExpression::FunctionReference { id, .. }
                if id.name == "PLURAL");
            assert!(plural, "a selector that is not PLURAL(…): {selector:?}");
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn resources_parse_and_both_languages_have_the_same_messages() {
    let en = messages(Language::English);
    let ar = messages(Language::Arabic);
    assert!(!en.is_empty());
    let en_ids: BTreeSet<_> = en.keys().collect();
    let ar_ids: BTreeSet<_> = ar.keys().collect();
    assert_eq!(
        en_ids.difference(&ar_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in English only"
    );
    assert_eq!(
        ar_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in Arabic only"
    );
    // The runtime's parser agrees, and no id is defined in two files.
    for language in [Language::English, Language::Arabic] {
        let mut bundle = Bundle::new_concurrent(vec![unic_langid::LanguageIdentifier::default()]);
        for (lang, files) in RESOURCES {
            for (file, text) in files.iter().filter(|_| lang == language) {
                let r = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{language:?} {file}: {e:?}"));
                bundle
                    .add_resource(r)
                    .unwrap_or_else(|e| panic!("{language:?} {file}: {e:?}"));
            }
        }
    }
}

/// Every `tr!(l10n, "id", name = value, …)` in src/: (file, id, variable names).
fn call_sites() -> Vec<(String, String, BTreeSet<String>)> {
    let mut files = Vec::new();
    collect_rs(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut sites = Vec::new();
    for path in files {
        if path.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Comments may show `tr!` in examples.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let name = path.display().to_string();
        let mut rest = code.as_str();
        while let Some(at) = rest.find("tr!(") {
            let after = &rest[at + 4..];
            // Not the end of another macro's name (`include_str!`).
            let whole_name = !rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !whole_name {
                rest = after;
                continue;
            }
            let args = macro_args(after);
            assert!(
                args.len() >= 2,
                "{name}: tr! needs the localizer and an id: {:?}",
                &after[..after.len().min(80)]
            );
            let id = args[1].trim();
            assert!(
                id.starts_with('"') && id.ends_with('"') && id.len() > 2,
                "{name}: a message id must be a literal: {id}"
            );
            let vars = args[2..]
                .iter()
                .filter(|a| !a.trim().is_empty())
                .map(|a| {
                    let (var, _) = a
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{name}: `{a}` is not name = value"));
                    var.trim().to_string()
                })
                .collect();
            sites.push((name.clone(), id.trim_matches('"').to_string(), vars));
            rest = after;
        }
    }
    sites
}

fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_rs(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level comma-separated arguments of a macro call, `after` starting just inside `(`.
fn macro_args(after: &str) -> Vec<String> {
    let mut args: Vec<String> = vec![String::new()];
    let push = |args: &mut Vec<String>, c: char| {
        if let Some(a) = args.last_mut() {
            a.push(c);
        }
    };
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in after.chars() {
        if in_string {
            push(&mut args, c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(String::new());
                continue;
            }
            _ => {}
        }
        push(&mut args, c);
    }
    args
}

#[test]
fn every_message_the_code_asks_for_exists_with_the_variables_it_uses() {
    let en = messages(Language::English);
    let ar = messages(Language::Arabic);
    let sites = call_sites();
    assert!(sites.len() > 10, "the scan found {} tr! calls", sites.len());
    for (file, id, supplied) in &sites {
        let mut used_somewhere = BTreeSet::new();
        for (language, msgs) in [(Language::English, &en), (Language::Arabic, &ar)] {
            let used = msgs
                .get(id)
                .unwrap_or_else(|| panic!("{file}: no message {id:?} in {language:?}"));
            let missing: Vec<_> = used.difference(supplied).collect();
            assert!(
                missing.is_empty(),
                "{file}: {id:?} in {language:?} uses {missing:?}, not supplied"
            );
            used_somewhere.extend(used.iter().cloned());
        }
        let unused: Vec<_> = supplied.difference(&used_somewhere).collect();
        assert!(unused.is_empty(), "{file}: {id:?} never uses {unused:?}");
    }
    // And no message is left that nothing asks for (ids built at run time have a prefix).
    let asked: BTreeSet<&str> = sites.iter().map(|(_, id, _)| id.as_str()).collect();
    for id in en.keys() {
        let built = DYNAMIC_PREFIXES.iter().any(|p| id.starts_with(p));
        assert!(built || asked.contains(id.as_str()), "nothing uses {id:?}");
    }
}

/// Message ids the code builds from a name (checked where the names are defined).
const DYNAMIC_PREFIXES: &[&str] = &[
    // action-NAME for every reader action (config::keys tests them).
    "action-",
];

fn arabic(digits: Digits) -> Localizer {
    Localizer::new(
        Locale {
            language: Language::Arabic,
            region: Some("EG".into()),
        },
        digits,
        Zone::Utc,
    )
}

#[test]
fn arabic_plural_forms_for_0_1_2_3_11_100() {
    let l = arabic(Digits::Latin);
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| tr!(l, "articles-count", count = n))
        .collect();
    assert_eq!(
        forms,
        [
            "لا مقالات",
            "مقال واحد",
            "مقالان",
            "3 مقالات",
            "11 مقالًا",
            "100 مقال"
        ]
    );
    // 103 is "few" again, 111 "many": the rules look at the last two digits.
    assert_eq!(tr!(l, "articles-count", count = 103), "103 مقالات");
    assert_eq!(tr!(l, "articles-count", count = 111), "111 مقالًا");
    let en = Localizer::default();
    assert_eq!(tr!(en, "articles-count", count = 1), "1 article");
    assert_eq!(tr!(en, "articles-count", count = 0), "0 articles");
}

#[test]
fn arabic_indic_digits_for_the_interfaces_numbers_only() {
    let l = arabic(Digits::ArabicIndic);
    assert_eq!(tr!(l, "articles-count", count = 11), "١١ مقالًا");
    assert_eq!(l.number(2026), "٢٠٢٦");
    assert_eq!(l.percent(45), "٤٥٪");
    // Text given to a message is never rewritten.
    assert_eq!(
        Digits::ArabicIndic.apply("GPT-4 في 2025"),
        "GPT-٤ في ٢٠٢٥",
        "apply() is for the interface's own strings"
    );
    let text = tr!(l, "header-feeds", done = 3, total = 10);
    assert!(text.contains("٣/١٠"), "{text}");
    assert_eq!(arabic(Digits::Latin).percent(45), "45%");
}

#[test]
fn auto_digits_follow_cldr() {
    let locale = |tag: Option<&str>| Locale {
        language: Language::Arabic,
        region: tag.map(str::to_string),
    };
    assert_eq!(
        Digits::resolve(DigitsSetting::Auto, &locale(Some("EG"))),
        Digits::ArabicIndic
    );
    assert_eq!(
        Digits::resolve(DigitsSetting::Auto, &locale(Some("MA"))),
        Digits::Latin
    );
    assert_eq!(
        Digits::resolve(DigitsSetting::Auto, &Locale::ENGLISH),
        Digits::Latin
    );
    assert_eq!(
        Digits::resolve(DigitsSetting::Latin, &locale(Some("EG"))),
        Digits::Latin
    );
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn relative_ages_in_both_languages() {
    let now = at("2026-03-12T15:00:00Z");
    let ago = |secs: i64| now - chrono::Duration::seconds(secs);
    let ar = arabic(Digits::Latin);
    let en = Localizer::default();
    assert_eq!(ar.age(ago(10), now), "الآن");
    assert_eq!(ar.age(ago(60), now), "منذ دقيقة");
    assert_eq!(ar.age(ago(2 * 3600), now), "منذ ساعتين");
    assert_eq!(ar.age(ago(3 * 3600), now), "منذ 3 ساعات");
    assert_eq!(ar.age(ago(11 * 3600), now), "منذ 11 ساعة");
    assert_eq!(ar.age(ago(86_400 + 5), now), "أمس");
    assert_eq!(ar.age(ago(3 * 86_400), now), "منذ 3 أيام");
    assert_eq!(en.age(ago(3 * 3600), now), "3 hours ago");
    assert_eq!(en.age(ago(86_400), now), "yesterday");
    assert_eq!(en.age_short(ago(5 * 60), now), "5m");
    assert_eq!(ar.age_short(ago(5 * 60), now), "5 د");
    assert_eq!(
        arabic(Digits::ArabicIndic).age_short(ago(3 * 3600), now),
        "٣ س"
    );
    assert_eq!(ar.age_short(ago(86_400), now), "أمس");
    // Older: the day and month, or the year when not this one.
    assert_eq!(en.age_short(at("2026-01-05T10:00:00Z"), now), "1/5");
    assert_eq!(en.age_short(at("2025-12-30T10:00:00Z"), now), "2025");
    let short = ar.age_short(at("2026-01-05T10:00:00Z"), now);
    assert!(short.contains('5') && short.contains('1'), "{short}");
}

#[test]
fn dates_have_arabic_weekday_and_month_names_and_the_year_only_when_not_this_one() {
    let now = at("2026-03-12T15:00:00Z");
    let ar = arabic(Digits::Latin);
    let this_year = ar.date_time(at("2026-03-04T14:20:00Z"), now);
    assert!(this_year.contains("الأربعاء"), "{this_year}");
    assert!(this_year.contains("مارس"), "{this_year}");
    assert!(!this_year.contains("2026"), "{this_year}");
    let last_year = ar.date_time(at("2025-12-25T09:05:00Z"), now);
    assert!(
        last_year.contains("ديسمبر") && last_year.contains("2025") && last_year.contains("الخميس"),
        "{last_year}"
    );
    let eastern = arabic(Digits::ArabicIndic).date_time(at("2025-12-25T09:05:00Z"), now);
    assert!(eastern.contains("٢٠٢٥"), "{eastern}");
    // The Levant names the months otherwise.
    let lebanon = Localizer::new(
        Locale {
            language: Language::Arabic,
            region: Some("LB".into()),
        },
        Digits::Latin,
        Zone::Utc,
    );
    let d = lebanon.date_time(at("2026-03-04T14:20:00Z"), now);
    assert!(d.contains("آذار"), "{d}");
    let en = Localizer::default().date_time(at("2026-03-04T14:20:00Z"), now);
    assert!(en.contains("Wed") && en.contains("Mar"), "{en}");
}
