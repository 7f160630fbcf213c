//! The Arabic interface on whole screens (TestBackend + insta) at 120×40 and 80×24: the chrome
//! (header, footer, status, help, picker, search prompt) in Arabic and laid out right to left,
//! key and brand names kept, the interface's numbers in Arabic-Indic digits. The English
//! screens are in tui_screens.rs; the search prompt is checked in both languages here.
#![allow(clippy::unwrap_used)]

use crate::support::tui::*;
use akhbar::i18n::Localizer;
use akhbar::tui::action::Msg;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

/// Latin words the Arabic chrome may hold: key names, the brand, and the technical names the
/// help's terminal notes give (terminal programs, escape sequences, config values).
const KEPT: &[&str] = &[
    "Enter",
    "Esc",
    "Tab",
    "Space",
    "PgDn",
    "PgUp",
    "Home",
    "End",
    "Ctrl",
    "Shift",
    "Left",
    "Right",
    "Up",
    "Down",
    "akhbar",
    "bidi",
    "app",
    "terminal",
    "off",
    "OSC",
    "CSI",
    "xterm",
    "Alacritty",
    "foot",
    "tmux",
    "Windows",
    "Terminal",
    "GNOME",
    "VTE",
    "Konsole",
    "mlterm",
    "mintty",
    "ChatGPT",
    "NO",
    "COLOR",
    // [display] terminal and its values, as written in the config.
    "display",
    "cells",
    "vte",
    "konsole",
    "kitty",
];

/// The Latin words of `text` that are neither one-letter key names nor in KEPT.
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1 && !KEPT.contains(w))
        .map(str::to_string)
        .collect()
}

/// The text inside the box whose top-left corner is the first "┌" on screen (title row and
/// bottom border included), row by row.
fn boxed(term: &Terminal<TestBackend>) -> Vec<String> {
    let buf = term.backend().buffer();
    let area = buf.area;
    let corner = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "┌")
        .expect("a box on screen");
    let right = (corner.0 + 1..area.width)
        .find(|&x| buf[(x, corner.1)].symbol() == "┐")
        .expect("its top-right corner");
    let bottom = (corner.1 + 1..area.height)
        .find(|&y| buf[(corner.0, y)].symbol() == "└")
        .expect("its bottom-left corner");
    (corner.1..=bottom)
        .map(|y| (corner.0..=right).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn assert_arabic_chrome(rows: &[String], what: &str) {
    for row in rows {
        let english = english_words(row);
        assert!(english.is_empty(), "{what}: English {english:?} in {row:?}");
    }
}

fn ar(
    w: u16,
    h: u16,
) -> (
    akhbar::tui::state::State,
    akhbar::tui::sync::SyncRuntime,
    tempfile::TempDir,
) {
    filled_in(w, h, arabic())
}

#[test]
fn main_screen_in_arabic_mirrored_with_arabic_indic_counts() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = ar(w, h);
        rt.send(&mut state, enter());
        let term = screen(&state);
        let lines = rows(&term);
        let (header, footer) = (&lines[0], &lines[lines.len() - 1]);
        assert_arabic_chrome(&[header.clone(), footer.clone()], "header/footer");
        // The brand starts the header on the right; the counts end it on the left.
        assert!(header.trim_end().ends_with(&visual("أخبار")), "{header}");
        assert!(header.contains(&visual("غير المقروءة")), "{header}");
        assert!(header.contains('٨') && !header.contains('8'), "{header}");
        // The footer's hints start on the right, each key before (right of) its Arabic word.
        assert!(
            footer
                .trim_end()
                .ends_with(&format!("{} j/k", visual("تمرير"))),
            "{footer}"
        );
        assert!(
            footer.contains(&format!("{} Esc", visual("رجوع"))),
            "{footer}"
        );
        // The headlines are on the right, the article on the left: the list's "●" marks
        // end their rows.
        assert!(lines[2].trim_end().ends_with('●'), "{}", lines[2]);
        insta::assert_snapshot!(format!("ar_main_{w}x{h}"), term.backend());
    }
}

#[test]
fn help_overlay_in_arabic_with_the_key_names_kept() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = ar(w, h);
        rt.send(&mut state, key('?'));
        let term = screen(&state);
        let inside = boxed(&term);
        assert_arabic_chrome(&inside, "help");
        let text = inside.join("\n");
        assert!(text.contains(&visual("اختيار شركة للتصفية بها")), "{text}");
        assert!(text.contains("Enter") && text.contains("Esc/h"), "{text}");
        // Key columns read right to left: the first column's key ("j/↓", down) ends its row
        // at the right, after its Arabic description.
        let down = inside.iter().find(|r| r.contains("j/↓")).unwrap();
        assert!(
            down.find(&visual("العنوان التالي")) < down.find("j/↓"),
            "{down}"
        );
        insta::assert_snapshot!(format!("ar_help_{w}x{h}"), term.backend());
    }
}

#[test]
fn company_picker_in_arabic_mirrored() {
    for (w, h) in SIZES {
        let (mut state, mut rt, _d) = ar(w, h);
        rt.send(&mut state, key('c'));
        let term = screen(&state);
        let inside = boxed(&term);
        let (title, hint) = (&inside[0], &inside[inside.len() - 1]);
        assert_arabic_chrome(&[title.clone(), hint.clone()], "picker");
        assert!(title.contains(&visual("الشركة")), "{title}");
        assert!(hint.contains("Enter") && hint.contains("Esc"), "{hint}");
        // Counts in Arabic-Indic digits at the right, the Latin name at the left.
        let ms = inside.iter().find(|r| r.contains("Microsoft")).unwrap();
        let cells: Vec<char> = ms.trim_end_matches('│').trim_end().chars().collect();
        assert!(('٠'..='٩').contains(cells.last().unwrap()), "{ms}");
        assert!(
            ms.find("Microsoft") < ms.find(&visual("مايكروسوفت")),
            "{ms}"
        );
        // Narrowed by Arabic as in English.
        for c in "مايكرو".chars() {
            rt.send(&mut state, key(c));
        }
        let term = screen(&state);
        let text = rows(&term).join("\n");
        assert!(
            text.contains("Microsoft") && !text.contains("Amazon"),
            "{text}"
        );
        insta::assert_snapshot!(format!("ar_picker_{w}x{h}"), term.backend());
    }
}

fn searching(
    l10n: std::sync::Arc<Localizer>,
    w: u16,
    h: u16,
) -> (Terminal<TestBackend>, akhbar::tui::state::State) {
    let (mut state, mut rt, _d) = filled_in(w, h, l10n);
    rt.send(&mut state, key('/'));
    for c in "مايكروسوفت".chars() {
        rt.send(&mut state, key(c));
    }
    (screen(&state), state)
}

#[test]
fn search_prompt_in_both_languages() {
    for (w, h) in SIZES {
        let (term, _state) = searching(arabic(), w, h);
        let lines = rows(&term);
        let line = &lines[lines.len() - 1];
        assert_arabic_chrome(std::slice::from_ref(line), "search");
        // "/" starts the line on the right, the typed text beside it, then the count.
        assert!(line.trim_end().ends_with('/'), "{line}");
        assert!(line.contains(&visual("مايكروسوفت")), "{line}");
        assert!(line.contains(&visual("٣ نتائج")), "{line}");
        insta::assert_snapshot!(format!("ar_search_{w}x{h}"), term.backend());

        let (term, _state) = searching(Localizer::shared_default(), w, h);
        let lines = rows(&term);
        let line = &lines[lines.len() - 1];
        assert!(line.starts_with("/ "), "{line}");
        assert!(
            line.contains("3 matches · Enter keeps · Esc clears"),
            "{line}"
        );
        insta::assert_snapshot!(format!("en_search_{w}x{h}"), term.backend());
    }
}

/// The real binary in tmux at 120×40 with `LANG`, no flags (the database and config come from
/// the environment), on the sample articles.
fn real_reader(name: &str, lang: &str) -> (crate::support::tmux::Tmux, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("akhbar.db");
    drop(store_at(&db, 1));
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[fetch]\nrefresh_on_start = false\nrefresh_minutes = 0\n[display]\nshape = \"off\"\n",
    )
    .unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let command = format!(
        "env -u LC_ALL -u LC_MESSAGES HOME='{home}' XDG_STATE_HOME='{home}/state' \
         XDG_DATA_HOME='{home}/data' AKHBAR_DB='{db}' AKHBAR_CONFIG='{config}' LANG={lang} \
         TZ=UTC TERM=xterm-256color '{bin}'; sleep 60",
        home = home.display(),
        db = db.display(),
        config = config.display(),
        bin = env!("CARGO_BIN_EXE_akhbar"),
    );
    (
        crate::support::tmux::Tmux::start(name, 120, 40, &command),
        dir,
    )
}

#[test]
fn the_real_reader_follows_lang_ar_eg_in_tmux() {
    let (tmux, _dir) = real_reader("ar-eg", "ar_EG.UTF-8");
    let brand = visual("أخبار");
    let screen = tmux.wait_for(&brand);
    let lines: Vec<&str> = screen.lines().collect();
    let header = lines[0];
    assert!(header.trim_end().ends_with(&brand), "{screen}");
    assert!(header.contains(&visual("غير المقروءة")), "{screen}");
    let footer = tmux.wait_for(&visual("تنقّل"));
    let last = footer.lines().last().unwrap();
    assert_arabic_chrome(&[header.to_string(), last.to_string()], "header/footer");

    tmux.keys(&["?"]);
    let help = tmux.wait_until("the whole help", |s| {
        s.contains(&visual("اختيار شركة للتصفية بها")) && s.contains("q/Ctrl-c")
    });
    assert!(
        help.contains(&visual("المفاتيح")) && help.contains("q/Ctrl-c"),
        "{help}"
    );
    let title = help.lines().find(|l| l.contains('┌')).unwrap();
    assert!(title.contains(&visual("مساعدة")), "{help}");
    assert_arabic_chrome(&[title.to_string()], "help title");

    tmux.keys(&["Escape"]);
    tmux.wait_until("help closed", |s| !s.contains('┌'));
    tmux.keys(&["c"]);
    // The whole picker, its hint row included: a capture can fall between two writes of a
    // frame (seen once under load: the hint row cut after «↑↓»).
    let picker = tmux.wait_until("the picker with its hint", |s| {
        s.contains("Microsoft") && s.lines().any(|l| l.contains('└') && l.contains("Enter"))
    });
    let title = picker.lines().find(|l| l.contains('┌')).unwrap();
    assert!(title.contains(&visual("الشركة")), "{picker}");
    let hint = picker.lines().find(|l| l.contains('└')).unwrap();
    assert!(
        hint.contains(&visual("تطبيق")) && hint.contains("Enter"),
        "{picker}"
    );

    tmux.keys(&["Escape"]);
    tmux.wait_until("picker closed", |s| !s.contains('┌'));
    tmux.keys(&["/"]);
    tmux.text("مايكروسوفت");
    let search = tmux.wait_for(&visual("نتائج"));
    let prompt = search.lines().last().unwrap();
    assert!(prompt.trim_end().ends_with('/'), "{search}");
    assert_arabic_chrome(&[prompt.to_string()], "search prompt");
}

#[test]
fn the_real_reader_stays_english_with_lang_en_us() {
    let (tmux, _dir) = real_reader("en-us", "en_US.UTF-8");
    let screen = tmux.wait_for("? help");
    assert!(
        screen.lines().last().unwrap().starts_with(" j/k move"),
        "{screen}"
    );
    assert!(
        !screen
            .lines()
            .next()
            .unwrap()
            .contains(&visual("غير المقروءة")),
        "{screen}"
    );
}

#[test]
fn link_list_in_arabic() {
    let (mut state, mut rt, _d) = filled_in(120, 40, arabic());
    give_links(&mut state, &mut rt, &sample_links());
    rt.send(&mut state, key('l'));
    let term = screen(&state);
    let text = rows(&term).join("\n");
    assert!(text.contains(&visual("الروابط في المقال")), "{text}");
    assert!(text.contains(&visual("بيان مايكروسوفت الرسمي")), "{text}");
    assert!(
        text.contains("https://news.microsoft.com/ar-xm/2025/"),
        "{text}"
    );
    insta::assert_snapshot!("links_ar_120x40", term.backend());
}
