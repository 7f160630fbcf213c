//! `akhbar render`: stdin paragraphs → visual lines, as a user runs it.

use crate::support::{Env, path_str, stderr};
use std::io::Write;
use std::process::{Command, Stdio};

fn render(args: &[&str], input: &str) -> String {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_akhbar"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env_remove("AKHBAR_CONFIG")
        .env_remove("VTE_VERSION")
        .env_remove("KONSOLE_VERSION")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("akhbar: {e}"));
    child
        .stdin
        .take()
        .unwrap_or_else(|| panic!("stdin"))
        .write_all(input.as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("utf-8: {e}"))
}

const SENTENCE: &str = "وفق الاتفاق السابق، حصلت مايكروسوفت على حقوق أدوات OpenAI عبر منصة Azure (عام 2019)، إضافة إلى 10 مليارات دولار و20% من الأرباح.";

#[test]
fn renders_the_issue_sentence_right_aligned_at_40() {
    let out = render(
        &["render", "--width", "40", "--shape", "off"],
        &format!("{SENTENCE}\n"),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            " ىلع تفوسوركيام تلصح ،قباسلا قافتالا قفو",
            "   ماع) Azure ةصنم ربع OpenAI تاودأ قوقح",
            "  %20و رالود تارايلم 10 ىلإ ةفاضإ ،(2019",
            "                             .حابرألا نم",
        ]
    );
    // The default (`shape = auto` outside VTE/Konsole) joins the letters.
    let shaped = render(&["render", "--width", "40"], &format!("{SENTENCE}\n"));
    assert!(
        shaped.contains('\u{FEFB}') || shaped.contains('\u{FEFC}'),
        "{shaped}"
    );
    assert!(shaped.lines().all(|l| akhbar::text::cell_width(l) == 40));
}

#[test]
fn paragraphs_are_separated_and_controls_never_printed() {
    let input = "خبر \u{1B}[31mعاجل\u{1B}[0m \u{202E}اليوم\n\nThe second paragraph\n";
    let out = render(&["render", "--width", "20"], input);
    assert_eq!(out.lines().collect::<Vec<_>>().len(), 3, "{out:?}");
    assert_eq!(out.lines().nth(1), Some(""));
    assert_eq!(out.lines().nth(2), Some("The second paragraph"));
    assert!(
        !out.chars()
            .any(|c| c.is_control() && c != '\n' || akhbar::text::is_invisible(c)),
        "{out:?}"
    );
    assert!(out.lines().all(|l| !l.ends_with(' ')));
}

#[test]
fn logical_order_with_bidi_off() {
    let out = render(
        &["--bidi", "off", "--shape", "off", "render", "--width", "80"],
        "عام 2019 (نعم)\n",
    );
    assert_eq!(out, "عام 2019 (نعم)\n");
}

#[test]
fn bidi_terminal_is_refused_with_what_to_use_instead() {
    let env = Env::new();
    let o = env.run(&["--bidi", "terminal", "render"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("withdrawn") && err.contains("--terminal"),
        "{err}"
    );
    // The same in the config file, with the line it is on.
    let config = env.write("config.toml", "[display]\nbidi = \"terminal\"\n");
    let o = env.run(&["--config", path_str(&config), "render"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("withdrawn") && err.contains("config.toml:2:"),
        "{err}"
    );
}

/// FriBidi's visual line (right-to-left paragraph) for the text akhbar lays out, without the
/// characters neither draws, a tab drawn as a space.
fn fribidi_rtl(text: &str) -> String {
    let mut child = Command::new("fribidi")
        .args(["--nobreak", "--nopad", "--rtl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run `fribidi` ({e}): install it with `apt-get install libfribidi-bin`")
        });
    child
        .stdin
        .take()
        .unwrap_or_else(|| panic!("stdin"))
        .write_all(format!("{text}\n").as_bytes())
        .unwrap_or_else(|e| panic!("write: {e}"));
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("fribidi: {e}"));
    String::from_utf8_lossy(&out.stdout)
        .trim_end_matches('\n')
        .chars()
        .filter(|c| !akhbar::text::is_ignorable(*c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// The characters of `s` sorted, a bracket and its mirror counted as one.
fn sorted(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s
        .chars()
        .map(|c| unicode_bidi_mirroring::get_mirrored(c).map_or(c, |m| m.min(c)))
        .collect();
    v.sort_unstable();
    v
}

/// Issue 11 point 4, as a user sees it with `akhbar render`: ZWJ and transparent characters
/// do not break joining, format characters take no cell and get no dotted circle, a tab keeps
/// its bidi class, and a bidi override cannot make a title spoof itself in any mode.
#[test]
fn format_characters_tabs_and_overrides_render_as_fribidi_in_every_mode() {
    let cases = [
        ("ب\u{200D}ا", None),
        ("كتب\u{AD}ت مر\u{2060}حبا الس\u{34F}لام", None),
        (
            "خبر\u{AD}\u{2061} عا\u{3164}جل\u{206A} ٣\u{605}٤ ن\u{8E2}ص \u{E0001}اليوم",
            None,
        ),
        (
            "قالت Apple Inc.\tGoogle LLC في بيان",
            Some("Google LLC Apple Inc."),
        ),
        (
            "عنوان \u{202E}OpenAI 2026\u{202C} جديد",
            Some("OpenAI 2026"),
        ),
        (
            "عنوان \u{202B}OpenAI 2026 و Google\u{202C}",
            Some("OpenAI 2026"),
        ),
        ("\u{2067}Apple تستحوذ على Google\u{2069}", Some("Google")),
    ];
    for (input, must_contain) in cases {
        let laid_out = akhbar::text::PreparedParagraph::new(
            input,
            &[],
            Default::default(),
            &akhbar::text::LayoutOptions {
                direction: akhbar::text::Direction::Rtl,
                bidi: akhbar::text::BidiMode::App,
                shape: false,
            },
        );
        let want = fribidi_rtl(laid_out.display_text());
        for mode in ["app", "off"] {
            let out = render(
                &["--bidi", mode, "render", "--width", "100", "--dir", "rtl"],
                &format!("{input}\n"),
            );
            let line = out.trim_end_matches('\n');
            assert!(!line.contains('\n'), "{mode} {input:?}: {out:?}");
            assert!(
                !line
                    .chars()
                    .any(|c| c == '\u{25CC}' || c.is_control() || akhbar::text::is_invisible(c)),
                "{mode} {input:?}: {line:?}"
            );
            let shown: String = line
                .trim_start()
                .chars()
                .filter(|c| !akhbar::text::is_ignorable(*c))
                .collect();
            if mode == "app" {
                assert_eq!(shown, want, "{input:?}");
            } else {
                // Logical order: the same characters as the app's line.
                assert_eq!(sorted(&shown), sorted(&want), "{mode} {input:?}");
            }
            // What the app shows in visual order; in logical order where the text has it so.
            if let Some(text) = must_contain
                && (mode == "app" || laid_out.display_text().contains(text))
            {
                assert!(shown.contains(text), "{mode} {input:?}: {shown:?}");
            }
        }
    }
}
