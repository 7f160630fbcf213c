//! Which language the interface speaks: `[ui] language`/`--lang`, or the locale environment.

use serde::Deserialize;

/// `[ui] language` and `--lang`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(try_from = "String")]
pub enum LanguageSetting {
    /// From LC_ALL, LC_MESSAGES, LANG: Arabic for an Arabic locale, else English.
    #[default]
    Auto,
    Ar,
    En,
}

impl TryFrom<String> for LanguageSetting {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "auto" => Ok(Self::Auto),
            "ar" => Ok(Self::Ar),
            "en" => Ok(Self::En),
            _ => Err(format!("unknown language {s:?} (auto, ar, en)")),
        }
    }
}

/// `[ui] digits`: the digits of the interface's own numbers (counts, dates, the gauge).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum DigitsSetting {
    /// The locale's own (CLDR): Arabic-Indic for most Arabic locales, Latin otherwise.
    #[default]
    Auto,
    Latin,
    ArabicIndic,
}

impl TryFrom<String> for DigitsSetting {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "auto" => Ok(Self::Auto),
            "latin" => Ok(Self::Latin),
            "arabic-indic" => Ok(Self::ArabicIndic),
            _ => Err(format!("unknown digits {s:?} (auto, latin, arabic-indic)")),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Arabic,
    English,
}

impl Language {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::English => "en",
        }
    }
}

/// The interface's locale: its language and, when the environment names one for that
/// language, the region (month names and digits differ: «مارس» in Egypt, «آذار» in Lebanon).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locale {
    pub language: Language,
    pub region: Option<String>,
}

impl Locale {
    pub const ENGLISH: Locale = Locale {
        language: Language::English,
        region: None,
    };

    /// The locale for `setting`, reading the environment through `var`.
    pub fn resolve(setting: LanguageSetting, var: impl Fn(&str) -> Option<String>) -> Locale {
        let env = env_locale(var);
        let language = match setting {
            LanguageSetting::Ar => Language::Arabic,
            LanguageSetting::En => Language::English,
            LanguageSetting::Auto => env
                .as_ref()
                .map_or(Language::English, |(language, _)| *language),
        };
        let region = env.and_then(|(l, region)| (l == language).then_some(region).flatten());
        Locale { language, region }
    }

    /// The locale of this process's environment.
    pub fn from_env(setting: LanguageSetting) -> Locale {
        Locale::resolve(setting, |name| std::env::var(name).ok())
    }

    /// BCP 47: `ar-EG`, `en`.
    pub(crate) fn tag(&self) -> String {
        match &self.region {
            Some(r) => format!("{}-{r}", self.language.code()),
            None => self.language.code().to_string(),
        }
    }
}

/// POSIX order: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides.
/// `ar`, `ar_EG.UTF-8`, `ar_SA@euro` → Arabic (with the region); anything else, C and POSIX
/// included, → English, with the region when it is an English locale.
fn env_locale(var: impl Fn(&str) -> Option<String>) -> Option<(Language, Option<String>)> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))?;
    // language[_territory][.codeset][@modifier]
    let name = value.split(['.', '@']).next().unwrap_or("");
    let mut parts = name.split(['_', '-']);
    let language = match parts.next().map(str::to_ascii_lowercase).as_deref() {
        Some("ar") => Language::Arabic,
        Some("en") => Language::English,
        _ => return Some((Language::English, None)),
    };
    let region = parts
        .next()
        .filter(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    Some((language, region))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(vars: &[(&str, &str)]) -> Locale {
        Locale::resolve(LanguageSetting::Auto, |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn arabic_locales_choose_arabic() {
        for lang in ["ar", "ar_EG.UTF-8", "ar_SA", "ar_LB.utf8", "ar_MA@latin"] {
            assert_eq!(auto(&[("LANG", lang)]).language, Language::Arabic, "{lang}");
        }
        assert_eq!(auto(&[("LANG", "ar_EG.UTF-8")]).tag(), "ar-EG");
        assert_eq!(auto(&[("LANG", "ar")]).tag(), "ar");
    }

    #[test]
    fn c_posix_unset_and_others_choose_english() {
        for lang in ["C", "POSIX", "C.UTF-8", "fr_FR.UTF-8", "en_US.UTF-8"] {
            assert_eq!(
                auto(&[("LANG", lang)]).language,
                Language::English,
                "{lang}"
            );
        }
        assert_eq!(auto(&[]), Locale::ENGLISH);
        assert_eq!(auto(&[("LANG", "")]), Locale::ENGLISH);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let l = auto(&[("LC_ALL", "C"), ("LC_MESSAGES", "ar_EG"), ("LANG", "ar")]);
        assert_eq!(l.language, Language::English);
        let l = auto(&[("LC_ALL", ""), ("LC_MESSAGES", "ar_JO"), ("LANG", "en_US")]);
        assert_eq!(l.tag(), "ar-JO");
        assert_eq!(auto(&[("LANG", "ar_TN.UTF-8")]).tag(), "ar-TN");
    }

    #[test]
    fn an_explicit_setting_wins_and_keeps_a_matching_region() {
        let env = |name: &str| (name == "LANG").then(|| "ar_LB.UTF-8".to_string());
        assert_eq!(Locale::resolve(LanguageSetting::En, env), Locale::ENGLISH);
        assert_eq!(Locale::resolve(LanguageSetting::Ar, env).tag(), "ar-LB");
        let none = |_: &str| None;
        assert_eq!(Locale::resolve(LanguageSetting::Ar, none).tag(), "ar");
    }

    #[test]
    fn settings_parse_and_refuse_with_the_choices() {
        assert_eq!(
            LanguageSetting::try_from("ar".to_string()),
            Ok(LanguageSetting::Ar)
        );
        let e = LanguageSetting::try_from("fr".to_string())
            .err()
            .unwrap_or_default();
        assert!(e.contains("auto, ar, en"), "{e}");
        assert_eq!(
            DigitsSetting::try_from("arabic-indic".to_string()),
            Ok(DigitsSetting::ArabicIndic)
        );
        assert!(DigitsSetting::try_from("roman".to_string()).is_err());
    }
}
