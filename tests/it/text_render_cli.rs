//! `akhbar render`: stdin paragraphs → visual lines, as a user runs it.

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
fn logical_order_when_the_terminal_reorders() {
    let out = render(
        &[
            "--bidi", "terminal", "--shape", "off", "render", "--width", "80",
        ],
        "عام 2019 (نعم)\n",
    );
    assert_eq!(out, "عام 2019 (نعم)\n");
}
