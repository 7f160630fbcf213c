#!/usr/bin/env python3
"""Generate assets/given-names-data.txt: given names for the person-name grammar from maintained
data packages (docs/gazetteer.md "People"). The hand-written assets/given-names.txt is loaded
with it and wins: its [ambiguous] names stay ambiguous whatever this file says.

Sources (their licences are noted in the generated file):
- PyPI `arabic-name-romanizer` 0.2.0 (MIT): its name index (resources/names.sqlite3) holds the
  given names of people with citizenship in the Arab countries, Iran, Pakistan and Afghanistan,
  taken from Wikidata (CC0 1.0), with how many people carry each.
- PyPI `arabnamer` 0.1.3: its English -> Arabic name dictionary (data/dict_FINAL.json, CC-BY-4.0,
  "Uses arabnamer's Arabic name dictionary (Yousef, E., 2026)"): the Arabic press's spellings of
  foreign given names.
- PyPI `gender-guesser` 0.4.0 (data under the GNU FDL 1.2+) and PyPI `names` 0.3.0 (MIT; the
  1990 US Census first-name lists, public domain): which English keys of that dictionary are given
  names (only the fact is used; no text is copied from gender-guesser). The Census lists also give
  the [latin] section.
- PyPI `wordfreq` 3.1.1 (data CC-BY-SA 4.0), only to decide which names are also ordinary
  words: those go to [ambiguous] and need a cue (a title, a role, a speech verb).

Run: pip install arabic-name-romanizer==0.2.0 arabnamer==0.1.3 gender-guesser==0.4.0 names==0.3.0
wordfreq==3.1.1; python3 scripts/gen_given_names.py
"""

import json
import math
import os
import re
import sqlite3
import sys

from importlib.util import find_spec

from wordfreq import get_frequency_dict, zipf_frequency

OUT = "assets/given-names-data.txt"
HAND = "assets/given-names.txt"


def package_dir(name):
    """A package's folder, without importing it (the name packages' runtime dependencies,
    onnxruntime and xgboost, are not needed for their data)."""
    spec = find_spec(name)
    if spec is None:
        sys.exit(f"pip install {name} (see this script's docstring)")
    return spec.submodule_search_locations[0]

ARAB = {
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
    "SA", "SO", "SD", "SY", "TN", "AE", "YE",
}
# Persian names reach Arabic news through Iran's politics; Urdu and Dari ones much less.
PERSIAN = {"IR"}

ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+$")
# Words that open a name or a phrase rather than being one: nasab particles, the article.
NOT_NAMES = re.compile(r"^(ال|بن|بنت|ابن|ابو|ام|عبد|ولد)")
# Wikidata's given-name items include a few ordinary words and titles; keep them out entirely.
STOP = {
    "سيد", "سيده", "شيخ", "امير", "اميره", "مولاي", "سيدي", "حاج", "حاجي", "ملا", "خان", "بيك",
    "باشا", "افندي", "دكتور", "مير", "اغا", "شاه", "بانو", "بيگم", "بيجم", "بي", "خانم", "جان",
    "دين", "الله", "عبد", "ولي", "نبي", "رسول", "امام", "قاضي", "مفتي", "ميرزا", "استاذ", "اقا",
    # Ordinary words, particles and name parts rather than given names in news text.
    "ربي", "ايت", "منت", "لول", "جود", "دره", "سما", "سبا", "حجي", "باي", "قره", "لمجد", "عطا",
    "موح", "ادن", "لاما", "مهي", "حاشي", "بالحاج", "بلحاج", "انشاءالله",
}
# Names that are ordinary words too, which the frequency test misses: they need a cue.
ALSO_WORDS = {"ساري", "فائق", "ميلان", "راضي", "شرفي", "سوار", "رجا", "حسون", "عايد", "ماجي", "روز", "ليز", "دودي"}
# Month names of every system (src/entities/dates.rs): «ماي» is May in the Maghreb.
MONTHS = {
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "اغسطس",
    "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "افريل", "ماي", "جوان", "جويليه",
    "اوت", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر", "شباط", "اذار", "نيسان", "ايار", "حزيران",
    "تموز", "اب", "ايلول", "تشرين", "كانون",
}


def gazetteer_names():
    """Every alias of the gazetteer and the places, normalized: a given name spelled like a
    place, a company or a product («كينيا», «ميلان», «فرانس») is not taken as a name start."""
    out = set()
    for path in ("assets/gazetteer.toml", "assets/places-world.toml"):
        for m in re.finditer(r'"([^"\n]+)"', open(path, encoding="utf-8").read()):
            out.add(norm(m.group(1)))
    return out


def norm(w):
    """The project's normalization for Arabic letters (src/entities/normalize.rs)."""
    w = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", w)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"),
                 ("ی", "ي"), ("ک", "ك"), ("گ", "ك"), ("پ", "ب"), ("ڤ", "ف"), ("چ", "ج"),
                 ("ژ", "ز"), ("ے", "ي"), ("ھ", "ه")):
        w = w.replace(a, b)
    return w


_FREQ = None


def nf(key):
    """Zipf frequency of a normalized form: wordfreq's Arabic list summed over the spellings
    that normalize alike (wordfreq does not fold hamza, ى or ة)."""
    global _FREQ
    if _FREQ is None:
        _FREQ = {}
        for w, f in get_frequency_dict("ar").items():
            k = norm(w)
            _FREQ[k] = _FREQ.get(k, 0.0) + f
    f = _FREQ.get(key, 0.0)
    return math.log10(f * 1e9) if f > 0 else 0.0


def ordinary_word(key, foreign):
    """Whether a name is also an ordinary word: frequent on its own beyond a name, frequent with
    the article as nouns and adjectives are («الأمل», «النور»), or a frequent verb-looking form.
    A foreign name is rarely frequent in Arabic text unless it is a word («كورونا»)."""
    f = nf(key)
    if foreign:
        return len(key) <= 3 or f >= 3.8 or nf("ال" + key) >= 2.8 or (key[0] in "يتن" and f >= 3.0)
    return f >= 4.6 or nf("ال" + key) >= 3.4 or (key[0] in "يتن" and f >= 3.6)


def clitic_clash(key):
    """A name that is a clitic and a frequent word («فالي» = «فإلى»), or whose form with a clitic
    is a word more frequent than the name («دانا» in «بدأنا»): the grammar strips clitics, so
    such a name would start a name inside ordinary words."""
    f = nf(key)
    if key[0] in "وفبلك" and nf(key[1:]) >= 4.5 and nf(key[1:]) > f + 1:
        return True
    # Too frequent to start a name even with a cue («أكبر»), or a frequent verb-looking form
    # («يولى»): a name word anywhere in a run, it would join verbs and elatives to names.
    verb_like = key[0] in "يت" and key[-1] not in "اه"  # «تانيا», «يارا» are names
    if f >= 5.0 or (verb_like and f >= 3.3):
        return True
    return any(nf(c + key) >= 3.0 and nf(c + key) > f - 0.3 for c in "وفبلك")


def inflected_word(key):
    """A name that is the dual of a common noun («ملفين» = two files, not Melvin), or becomes one
    behind a clitic («نكين» in «بنكين», two banks): a person only with a cue. The noun has three
    letters or more, is frequent with the article as nouns are, and far more frequent than the
    name. Only foreign names are tested: Arabic ones shaped as duals are names as duals
    («حسنين», «نورين»), and frequency alone cannot tell «ملفين» from «دارين»."""
    for form in [key] + [c + key for c in "وفبلك"]:
        if form[-2:] not in ("ين", "ان"):
            continue
        stem = form[:-2]
        # The feminine ة is written ت before the ending: «شركتين» → «شركه».
        stems = [stem] + ([stem[:-1] + "ه"] if stem.endswith("ت") else [])
        if any(
            len(s) >= 3 and nf(s) >= 4.3 and nf("ال" + s) >= 4.0 and nf(s) >= nf(key) + 1.5
            for s in stems
        ):
            return True
    return False


def hand_sections():
    sections, cur = {}, None
    for line in open(HAND, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            cur = line.strip("[]")
            continue
        for w in line.split():
            sections.setdefault(cur, set()).add(norm(w) if cur != "latin" else w.lower())
    return sections


def wikidata_given():
    db = os.path.join(package_dir("arabic_name_romanizer"), "resources", "names.sqlite3")
    con = sqlite3.connect(db)
    arab, persian = {}, {}
    for key, country, count in con.execute(
        "select arabic_key, country, sum(count) from units "
        "where role = 'given' and source = 'wikidata' group by arabic_key, country"
    ):
        key = norm(key)
        if country in ARAB:
            arab[key] = arab.get(key, 0) + count
        elif country in PERSIAN:
            persian[key] = persian.get(key, 0) + count
    return arab, persian


def latin_given():
    """Latin given names: gender-guesser's list and the US Census lists, lowercased."""
    out = set()
    gg = os.path.join(package_dir("gender_guesser"), "data", "nam_dict.txt")
    for line in open(gg, encoding="iso-8859-1"):
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if name and " " not in name and "+" not in name:
            out.add(name.lower())
    return out | {n for n, _ in census()}


def census():
    """(lowercase name, frequency %) from the 1990 US Census first-name lists."""
    d = package_dir("names")
    rows = []
    for f in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(d, f), encoding="ascii"):
            parts = line.split()
            rows.append((parts[0].lower(), float(parts[1])))
    return rows


def main():
    hand = hand_sections()
    hand_all = set().union(*hand.values())
    arab, persian = wikidata_given()

    taken = gazetteer_names() | MONTHS | STOP | hand_all

    def candidate(key, count, floor):
        return (
            count >= floor
            and ARABIC_LETTERS.match(key)
            and len(key) >= 3
            and not NOT_NAMES.match(key)
            and key not in taken
        )

    given, ambiguous, foreign = set(), set(), set()
    for key, count in arab.items():
        if candidate(key, count, 3):
            if not clitic_clash(key):
                (ambiguous if ordinary_word(key, False) or key in ALSO_WORDS else given).add(key)
    for key, count in persian.items():
        # Wikidata gives some Iranian surnames the given-name role («احمدي», «قاضيزاده»).
        surname = key.endswith("ي") or key.endswith("زاده")
        if candidate(key, count, 5) and not surname and key not in given | ambiguous:
            if not clitic_clash(key):
                word = ordinary_word(key, True) or inflected_word(key)
                (ambiguous if word else foreign).add(key)

    dictionary = json.load(
        open(os.path.join(package_dir("arabnamer"), "data", "dict_FINAL.json"),
             encoding="utf-8")
    )
    latin = latin_given()
    for en, ar in dictionary.items():
        key = norm(ar)
        if en in latin and candidate(key, 1, 0) and key not in given and key not in ambiguous:
            # A transliteration that is an Arabic word as well («دون» Don, «بان» Ban, «روس»
            # Ross, «كورونا»).
            if not clitic_clash(key):
                word = ordinary_word(key, True) or key in ALSO_WORDS or inflected_word(key)
                (ambiguous if word else foreign).add(key)

    # Latin: the Census names common enough to matter, less those that are English words too
    # («Will», «Mark», «Grant», «Chase»): a Latin run starting with one is taken as a person.
    latin_out = sorted(
        n.capitalize()
        for n, pct in census()
        if pct >= 0.01
        and n not in hand.get("latin", set())
        and zipf_frequency(n, "en") < 4.0
        and len(n) >= 3
    )

    def block(words):
        lines, line = [], []
        for w in sorted(words):
            line.append(w)
            if len(line) == 12:
                lines.append(" ".join(line))
                line = []
        if line:
            lines.append(" ".join(line))
        return "\n".join(lines)

    with open(OUT, "w", encoding="utf-8") as f:
        f.write(
            "# Generated by scripts/gen_given_names.py; do not edit (add names to given-names.txt).\n"
            "# Same format as assets/given-names.txt, which is loaded with it and wins.\n"
            "# [arabic]: given names of people with Arab citizenship in Wikidata (CC0 1.0), carried\n"
            "#   by three people or more, from PyPI arabic-name-romanizer 0.2.0 (MIT).\n"
            "# [foreign]: Persian given names (Wikidata, five people or more), and foreign given\n"
            "#   names as the Arabic press spells them from PyPI arabnamer 0.1.3's dictionary\n"
            "#   (CC-BY-4.0: \"Uses arabnamer's Arabic name dictionary (Yousef, E., 2026)\"),\n"
            "#   where gender-guesser 0.4.0 or the US Census lists say the English key is a given name.\n"
            "# [ambiguous]: those that are ordinary words by PyPI wordfreq 3.1.1's Arabic\n"
            "#   frequencies (CC-BY-SA 4.0): they start a name only with a cue.\n"
            "# [latin]: 1990 US Census first names (public domain, via PyPI names 0.3.0, MIT) of\n"
            "#   0.01% or more, less English words.\n\n"
        )
        f.write("[arabic]\n" + block(given) + "\n\n")
        f.write("[foreign]\n" + block(foreign) + "\n\n")
        f.write("[ambiguous]\n" + block(ambiguous) + "\n\n")
        f.write("[latin]\n" + block(latin_out) + "\n")
    print(
        f"{OUT}: {len(given)} arabic, {len(foreign)} foreign, {len(ambiguous)} ambiguous, "
        f"{len(latin_out)} latin",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
