//! Dates and times for the interface, from CLDR through ICU4X: weekday and month names of the
//! locale («الأربعاء ٥ مارس»), its digits and hour cycle, the Gregorian calendar (news dates are
//! Gregorian even where the locale's default calendar is another), the local time zone.

use super::{Digits, Language, Locale};
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{MD, MDE, MDET, YMDE, YMDET};
use icu_datetime::input::{DateTime as IcuDateTime, Time};

/// Which clock the interface shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// The user's (TZ, /etc/localtime).
    Local,
    /// UTC: for tests and snapshots that must not depend on the machine.
    Utc,
}

impl Zone {
    pub(crate) fn naive(self, when: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Local => when.with_timezone(&chrono::Local).naive_local(),
            Zone::Utc => when.naive_utc(),
        }
    }
}

pub(crate) struct Dates {
    /// Weekday, day, month, year, hour and minute.
    full: Option<FixedCalendarDateTimeFormatter<Gregorian, YMDET>>,
    /// The same without the year, for this year's dates.
    this_year: Option<FixedCalendarDateTimeFormatter<Gregorian, MDET>>,
    /// Day and month in digits, for the headline column.
    day_month: Option<FixedCalendarDateTimeFormatter<Gregorian, MD>>,
    pub(crate) zone: Zone,
}

impl Dates {
    /// Formatters for `locale` with `digits`. Compiled data covers every locale akhbar
    /// resolves to; should one fail anyway, dates fall back to ISO numbers.
    pub(crate) fn new(locale: &Locale, digits: Digits, zone: Zone) -> Dates {
        let nu = match digits {
            Digits::Latin => "latn",
            Digits::ArabicIndic => "arab",
        };
        let tag = format!("{}-u-nu-{nu}", locale.tag());
        let parsed = icu_locale_core::Locale::try_from_str(&tag)
            .or_else(|_| icu_locale_core::Locale::try_from_str(locale.language.code()));
        let Ok(loc) = parsed else {
            return Dates {
                full: None,
                this_year: None,
                day_month: None,
                zone,
            };
        };
        // Arabic names its months in every length (CLDR's medium Arabic date is all digits);
        // English's medium length keeps a meta line short: "Tue, Jul 15, 11:35 AM".
        let (full, this_year) = match locale.language {
            Language::Arabic => (YMDE::long(), MDE::long()),
            Language::English => (YMDE::medium(), MDE::medium()),
        };
        Dates {
            full: FixedCalendarDateTimeFormatter::try_new((&loc).into(), full.with_time_hm()).ok(),
            this_year: FixedCalendarDateTimeFormatter::try_new(
                (&loc).into(),
                this_year.with_time_hm(),
            )
            .ok(),
            day_month: FixedCalendarDateTimeFormatter::try_new((&loc).into(), MD::short()).ok(),
            zone,
        }
    }

    /// «الأربعاء، ٥ مارس ٢٠٢٥ في ٢:٢٠ م» — without the year when it is `now`'s.
    pub(crate) fn date_time(&self, when: DateTime<Utc>, now: DateTime<Utc>) -> String {
        let local = self.zone.naive(when);
        let same_year = local.year() == self.zone.naive(now).year();
        let formatted = match (icu(local), same_year) {
            (Some(dt), true) => self.this_year.as_ref().map(|f| f.format(&dt).to_string()),
            (Some(dt), false) => self.full.as_ref().map(|f| f.format(&dt).to_string()),
            (None, _) => None,
        };
        formatted.unwrap_or_else(|| local.format("%Y-%m-%d %H:%M").to_string())
    }

    /// Day and month in the locale's short numeric form: `3/15`, `15‏/3`.
    pub(crate) fn day_month(&self, when: DateTime<Utc>) -> String {
        let local = self.zone.naive(when);
        icu(local)
            .and_then(|dt| {
                self.day_month
                    .as_ref()
                    .map(|f| f.format(&dt.date).to_string())
            })
            .unwrap_or_else(|| local.format("%d/%m").to_string())
    }
}

fn icu(t: NaiveDateTime) -> Option<IcuDateTime<Gregorian>> {
    let month = u8::try_from(t.month()).ok()?;
    let day = u8::try_from(t.day()).ok()?;
    let hour = u8::try_from(t.hour()).ok()?;
    let minute = u8::try_from(t.minute()).ok()?;
    Some(IcuDateTime {
        date: Date::try_new_gregorian(t.year(), month, day).ok()?,
        time: Time::try_new(hour, minute, 0, 0).ok()?,
    })
}
