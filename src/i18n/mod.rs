//! The interface's language: its messages (Project Fluent: assets/i18n/{ar,en}/*.ftl, compiled
//! in), CLDR plural rules, its digits and its dates (ICU4X). Only the interface's own words and
//! numbers go through here; article text is never rewritten.
//!
//! A message is asked for with [`tr!`]: `tr!(l10n, "header-articles", count = n)`. The tests
//! read every `tr!` in src/ and check that its id exists in both languages and that it supplies
//! exactly the variables the message uses.

mod dates;
mod locale;
#[cfg(test)]
mod tests;

pub use dates::Zone;
pub use locale::{DigitsSetting, Language, LanguageSetting, Locale};

use chrono::{DateTime, Datelike, Utc};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;

/// One language's resources: (file name, text), compiled in.
macro_rules! resources {
    ($lang:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!("../../assets/i18n/", $lang, "/", $file)))),+]
    };
}

/// The resources, by language. A new file goes in both lists.
pub(crate) const RESOURCES: [(Language, &[(&str, &str)]); 2] = [
    (
        Language::English,
        resources!("en": "common.ftl", "reader.ftl", "cli.ftl", "workflow.ftl", "feeds.ftl"),
    ),
    (
        Language::Arabic,
        resources!("ar": "common.ftl", "reader.ftl", "cli.ftl", "workflow.ftl", "feeds.ftl"),
    ),
];

/// The digits the interface writes its numbers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩
    ArabicIndic,
}

impl Digits {
    /// `setting` for `locale`: `auto` is the locale's own numbering system in CLDR
    /// (Arabic-Indic for `ar-EG`; Latin for a bare `ar` — CLDR's default for it since v42 —
    /// for `ar-MA` and for English).
    pub fn resolve(setting: DigitsSetting, locale: &Locale) -> Digits {
        match setting {
            DigitsSetting::Latin => Digits::Latin,
            DigitsSetting::ArabicIndic => Digits::ArabicIndic,
            DigitsSetting::Auto => cldr_default_digits(locale),
        }
    }

    /// `text` (the interface's own, never article text) with its ASCII digits in these digits.
    pub fn apply<'a>(self, text: &'a str) -> Cow<'a, str> {
        if self == Digits::Latin || !text.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(text);
        }
        Cow::Owned(
            text.chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        )
    }
}

/// Whether CLDR writes this locale's numbers in Arabic-Indic digits: format a zero.
fn cldr_default_digits(locale: &Locale) -> Digits {
    if locale.language == Language::English {
        return Digits::Latin;
    }
    let formatted = icu_locale_core::Locale::try_from_str(&locale.tag())
        .ok()
        .and_then(|l| icu_decimal::DecimalFormatter::try_new((&l).into(), Default::default()).ok())
        .map(|f| f.format(&icu_decimal::input::Decimal::from(0)).to_string());
    match formatted.as_deref() {
        Some("٠") => Digits::ArabicIndic,
        _ => Digits::Latin,
    }
}

/// A value given to a message: a number (chooses the plural form, written in the interface's
/// digits) or text (written as it is).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Number(i64),
    Text(Cow<'a, str>),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(i64, i32, u64, u32, u16, u8, usize);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// A message in the interface's language: `tr!(l10n, "id")` or `tr!(l10n, "id", name = value,
/// ...)`, each `value` a number or text (see [`Arg`]).
macro_rules! tr {
    ($l10n:expr, $id:literal) => {
        $l10n.message($id, &[])
    };
    ($l10n:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $l10n.message($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}
pub(crate) use tr;

type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

/// The interface's language, digits and clock. Cheap to share (`Arc`), safe across threads.
pub struct Localizer {
    locale: Locale,
    digits: Digits,
    bundle: Bundle,
    dates: dates::Dates,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("locale", &self.locale)
            .field("digits", &self.digits)
            .finish_non_exhaustive()
    }
}

impl Default for Localizer {
    /// English, Latin digits, UTC: what tests get unless they ask for more.
    fn default() -> Self {
        Localizer::new(Locale::ENGLISH, Digits::Latin, Zone::Utc)
    }
}

impl Localizer {
    pub fn new(locale: Locale, digits: Digits, zone: Zone) -> Localizer {
        Localizer {
            bundle: bundle(locale.language, digits),
            dates: dates::Dates::new(&locale, digits, zone),
            locale,
            digits,
        }
    }

    /// One English, Latin-digit, UTC localizer for the whole process (what a `State` starts
    /// with until the reader gives it the user's).
    pub fn shared_default() -> std::sync::Arc<Localizer> {
        static DEFAULT: std::sync::OnceLock<std::sync::Arc<Localizer>> = std::sync::OnceLock::new();
        DEFAULT.get_or_init(Default::default).clone()
    }

    /// From the settings (`[ui]`, `--lang`) and this process's environment, on the local clock.
    pub fn from_settings(language: LanguageSetting, digits: DigitsSetting) -> Localizer {
        let locale = Locale::from_env(language);
        let digits = Digits::resolve(digits, &locale);
        Localizer::new(locale, digits, Zone::Local)
    }

    pub fn language(&self) -> Language {
        self.locale.language
    }

    /// The interface reads right to left.
    pub fn is_rtl(&self) -> bool {
        self.locale.language == Language::Arabic
    }

    pub fn digits(&self) -> Digits {
        self.digits
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with `args`; use [`tr!`], which the tests can check.
    pub fn message(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!("no message {id:?} for {:?}", self.locale.language);
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(t) => FluentValue::from(t.as_ref()),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!("message {id:?}: {errors:?}");
        }
        text.into_owned()
    }

    /// An integer in the interface's digits.
    pub fn number(&self, n: impl Into<i64>) -> String {
        self.digits.apply(&n.into().to_string()).into_owned()
    }

    /// A percentage: `45%`, `٤٥٪`.
    pub fn percent(&self, n: impl Into<i64>) -> String {
        match self.digits {
            Digits::Latin => format!("{}%", n.into()),
            Digits::ArabicIndic => format!("{}٪", self.number(n)),
        }
    }

    /// A date and time in full, in the interface's clock: «الأربعاء، ٥ مارس في ٢:٢٠ م»,
    /// "Wednesday, March 5, 2025 at 2:20 PM" (the year only when it is not `now`'s).
    pub fn date_time(&self, when: DateTime<Utc>, now: DateTime<Utc>) -> String {
        self.dates.date_time(when, now)
    }

    /// How long ago, in a few cells, for the headline column: `now` `5m` `3h` `2d`, «الآن»
    /// «٥ د» «٣ س» «أمس»; older than a week, the day and month, or the year when not this one.
    pub fn age_short(&self, when: DateTime<Utc>, now: DateTime<Utc>) -> String {
        match Age::of(when, now) {
            Age::Now => tr!(self, "age-short-now"),
            Age::Minutes(n) => tr!(self, "age-short-minutes", n = n),
            Age::Hours(n) => tr!(self, "age-short-hours", n = n),
            Age::Days(n) => tr!(self, "age-short-days", n = n),
            Age::Older => {
                let zone = self.dates.zone;
                let year = zone.naive(when).year();
                if year == zone.naive(now).year() {
                    self.dates.day_month(when)
                } else {
                    self.number(year)
                }
            }
        }
    }

    /// How long ago, in words: "3 hours ago", «منذ ٣ ساعات», «أمس»; older than a week, the
    /// date and time.
    pub fn age(&self, when: DateTime<Utc>, now: DateTime<Utc>) -> String {
        match Age::of(when, now) {
            Age::Now => tr!(self, "age-now"),
            Age::Minutes(n) => tr!(self, "age-minutes", n = n),
            Age::Hours(n) => tr!(self, "age-hours", n = n),
            Age::Days(n) => tr!(self, "age-days", n = n),
            Age::Older => self.date_time(when, now),
        }
    }
}

/// An age in the unit it is told in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Age {
    Now,
    Minutes(i64),
    Hours(i64),
    Days(i64),
    Older,
}

impl Age {
    fn of(when: DateTime<Utc>, now: DateTime<Utc>) -> Age {
        // A date a little in the future (a feed's clock ahead of ours) is "now".
        match (now - when).num_seconds() {
            s if s < 60 => Age::Now,
            s if s < 3600 => Age::Minutes(s / 60),
            s if s < 86_400 => Age::Hours(s / 3600),
            s if s < 7 * 86_400 => Age::Days(s / 86_400),
            _ => Age::Older,
        }
    }
}

/// One language's messages. The resources are compiled in and checked by the tests; a
/// resource that failed to parse still gives every message it could read.
fn bundle(language: Language, digits: Digits) -> Bundle {
    let langid = language
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // The layout engine resolves direction for the whole line, and the sanitizer removes
    // isolates from whatever it lays out: Fluent's own FSI/PDI marks would only be dropped.
    bundle.set_use_isolating(false);
    if digits == Digits::ArabicIndic {
        bundle.set_formatter(Some(arabic_indic_numbers));
    }
    if let Err(e) = bundle.add_function("PLURAL", plural_category(language)) {
        tracing::warn!("i18n PLURAL: {e:?}");
    }
    for (lang, files) in RESOURCES {
        if lang != language {
            continue;
        }
        for (_, text) in files {
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::warn!("i18n resources of {language:?}: {errors:?}");
            }
        }
    }
    bundle
}

/// `PLURAL($n)`: the CLDR plural category of `$n` (zero, one, two, few, many, other), from
/// ICU4X. Every plural selector uses it instead of Fluent's own selection on `$n`, whose rules
/// (intl_pluralrules 7) lose Arabic's `n % 100`: 103 came out "other" («103 مقال») instead of
/// "few" («103 مقالات»).
fn plural_category(
    language: Language,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    use icu_plurals::{PluralCategory as C, PluralRules};
    let rules = icu_locale_core::Locale::try_from_str(language.code())
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal((&l).into()).ok());
    move |positional, _| {
        let category = match (positional.first(), &rules) {
            (Some(FluentValue::Number(n)), Some(rules)) if n.value.fract() == 0.0 => {
                rules.category_for(n.value as i64)
            }
            _ => C::Other,
        };
        FluentValue::from(match category {
            C::Zero => "zero",
            C::One => "one",
            C::Two => "two",
            C::Few => "few",
            C::Many => "many",
            C::Other => "other",
        })
    }
}

fn arabic_indic_numbers<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(Digits::ArabicIndic.apply(&n.as_string()).into_owned()),
        _ => None,
    }
}
