"""Mechanical speed-ups give what the plain code gave, on every line of the test clusters.

Each rewritten hot loop is checked against a straightforward version of what it did
before (kept here) on every line and sentence of the seeds in tests/clusters, and on
inputs made to hit its edge cases.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from site_builder import dates
from site_builder.dates import DateMention, find_dates
from site_builder.ingest import language
from site_builder.text import has_words, split_sentences, words

CLUSTERS = Path(__file__).parent / "clusters"


@cache
def _cluster_texts() -> tuple[str, ...]:
    """Every non-blank line of every cluster seed, and every sentence of those lines."""
    texts: dict[str, None] = {}
    for path in sorted(CLUSTERS.glob("*/seeds/*")):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line:
                texts[line] = None
                texts.update(dict.fromkeys(split_sentences(line)))
    return tuple(texts)


def _all_patterns(text: str, context_year: int | None) -> list[DateMention]:
    """`find_dates` as it was: every pattern searched on every text."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in dates._PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            mention = dates._mention(match, context_year)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


EDGE_DATES = [
    "", "no date here", "on Tuesday the board met", "MAY 2024 was wet", "in MARCH",
    "in\tmarch", "since ſeptember", "2024-03-05", "20240305", "March 5, 2024",
    "5th of March 2024", "Sept. 3", "3 Sept", "in early May", "the third quarter of 2023",
    "in 1999 and in 2024", "٢٠٢٤ and March ٣", "Mar 3", "a market on 3 Marches",
    "Dec 2024 and decided", "Monday's meeting", "until Friday", "by Sundays", "mid-2023",
    "12 May", "May", "may 12", "in may", "birthday 31 Jan", "Jan 32", "0 Jan",
]


@pytest.mark.parametrize("year", [None, 2024])
def test_find_dates_same_as_searching_every_pattern(year: int | None) -> None:
    texts = [*_cluster_texts(), *EDGE_DATES]
    assert len(texts) > 5000  # the clusters are there
    found = 0
    for text in texts:
        expected = _all_patterns(text, year)
        assert find_dates(text, year) == expected, text
        found += len(expected)
    assert found > 500  # the texts do carry dates


def test_a_month_matched_in_another_case_form_is_read() -> None:
    # "ſ" (long s) matches "s" in a case-insensitive pattern; it once raised KeyError.
    assert [d.month for d in find_dates("since ſeptember")] == [9]


def _detect_reference(text: str) -> str | None:
    """`detect_language` as it was: every distinct word of the text looked up."""
    sample = text[:language._SAMPLE]
    scripts: Counter[str] = Counter()
    for char, count in Counter(sample).items():
        if char.isalpha():
            scripts[language._script(char)] += count
    letters = sum(scripts.values())
    if letters < language._MIN_LETTERS:
        return None
    if scripts["HIRAGANA"] + scripts["KATAKANA"] >= 0.05 * letters:
        return "ja"
    script, count = max(scripts.items(), key=lambda item: (item[1], item[0]))
    if script != "LATIN" and count >= 0.5 * letters:
        return language._SCRIPTS.get(script)
    counts = Counter(map(str.lower, language._WORD.findall(sample)))
    total = sum(counts.values())
    if not total:
        return None
    hits = dict.fromkeys(language._WORD_SETS, 0)
    for word, count in counts.items():
        for lang in language._LANGUAGES_OF.get(word, ()):
            hits[lang] += count
    shares = {lang: hits[lang] / total for lang in language._WORD_SETS}
    best = max(sorted(shares), key=lambda lang: shares[lang])
    return best if shares[best] >= language._MIN_SHARE else None


OTHER_LANGUAGES = [
    "La ciudad de los puentes y el río que la cruza por el centro de la región.",
    "O governo do estado anunciou que as obras da ponte serão concluídas em maio.",
    "Le gouvernement a annoncé que les travaux du pont seront terminés pour la fin de l'été.",
    "Die Regierung hat angekündigt, dass die Arbeiten an der Brücke im Mai beendet sind.",
    "Il governo ha annunciato che i lavori del ponte sono finiti per la fine del mese.",
    "De regering heeft aangekondigd dat het werk aan de brug in mei klaar is voor het verkeer.",
    "Rząd ogłosił, że prace na moście nie są jeszcze zakończone i to jest problem dla miasta.",
    "Pemerintah mengatakan bahwa pekerjaan di jembatan itu akan selesai dalam bulan ini juga.",
    "Hükümet, köprüdeki çalışmaların bu ay içinde bitmesi için çok daha fazla işçi gerektiğini.",
    "Regeringen meddelade att arbetet med bron är klart i maj och att det inte blir försenat.",
    "Правительство объявило, что работы на мосту будут завершены в мае этого года.",
    "政府は橋の工事が五月に完了すると発表しました。工事は予定通りに進んでいます。",
    "정부는 다리 공사가 5월에 완료될 것이라고 발표했습니다. 공사는 순조롭습니다.",
    "short", "1234 5678 90", "", "the the the the the the the the the the the the",
]


def test_detect_language_same_as_looking_up_every_word() -> None:
    texts = [*_cluster_texts(), *OTHER_LANGUAGES]
    bodies = ["\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines())
              for path in sorted(CLUSTERS.glob("*/seeds/*")) if path.is_file()]
    seen = set()
    for text in [*texts, *bodies, " ".join(OTHER_LANGUAGES[:3])]:
        found = language.detect_language(text)
        assert found == _detect_reference(text), text[:80]
        seen.add(found)
    assert {"en", "es", "fr", "de", "ru", "ja", "ko", None} <= seen


def test_has_words_counts_as_words_does() -> None:
    texts = [*_cluster_texts(), "", "U.S. and", "e.g. it's", "—", "a b", "one-two three"]
    for text in texts:
        for count in (1, 2, 3, 4):
            assert has_words(text, count) == (len(words(text)) >= count), (text, count)
