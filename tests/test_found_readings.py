"""The finders that skip empty readings read each kept form once, and only the sentences
of forms that read something (`per_form_found`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_builder.analyze.readings import Readings, SentenceList
from site_builder.analyze.sentences import Sentence, per_form, per_form_found, watch_lookups
from site_builder.memo import Memo
from site_builder.models import Ref, Topic

REPO = Path(__file__).resolve().parent.parent


class _Lookups:
    """Topics by surface, recording what is asked (as attributions' `_Names` does)."""

    def __init__(self, topics: list[Topic]) -> None:
        self.of_slug = {t.slug: t for t in topics}
        self.of_surface = {t.name.casefold(): t for t in topics}
        self.asked: set[str] | None = None

    def topic(self, surface: str) -> Topic | None:
        if self.asked is not None:
            self.asked.add(surface)
        return self.of_surface.get(surface)


def _found(memo: Memo, sentences: list[Sentence], names: _Lookups
           ) -> tuple[list[tuple[Sentence, Any]], int]:
    """A finder's non-empty readings through a store on `memo`, and how many forms it read."""
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    found = list(per_form_found(
        kept, lambda s: [t for w in s.text.split() if (t := names.topic(w.casefold()))]))
    readings.finish()
    memo.rotate()
    return found, readings.read


def test_found_readings_are_the_non_empty_readings_of_every_copy_in_order() -> None:
    texts = ["Oslo rose.", "Nobody came.", "Riga fell.", "Oslo rose.", "Nobody came.",
             "Riga and Oslo met.", "Riga fell."]
    # Copies of a text share their form (as `build_sentences` gives them).
    sentences = [Sentence(i, text, Ref(f"a{i}", "p-1"), i, 0, text, frozenset(), [], [], [],
                          form=text) for i, text in enumerate(texts)]
    names = _Lookups([Topic("oslo", "Oslo", "place", [], []),
                      Topic("riga", "Riga", "place", [], [])])

    def finder(s: Sentence) -> list[Topic]:
        return [t for w in s.text.split() if (t := names.topic(w.strip(".").casefold()))]

    plain = [(s, found) for s, found in per_form(sentences, finder) if found]
    memo = Memo(None, "test", "v")
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    found = list(per_form_found(kept, finder))
    assert [(s.index, r) for s, r in found] == [(s.index, r) for s, r in plain]
    assert [s.index for s, _ in found] == [0, 2, 3, 5, 6]
    assert all(s is sentences[s.index] for s, _ in found)
    assert readings.read == 4  # one reading per form, copies share it
    readings.finish()
    memo.rotate()
    # The next build: every reading kept, the same sentences found.
    readings = Readings(memo)
    kept = SentenceList(sentences, readings)
    watch_lookups(kept, names)
    assert [(s.index, r) for s, r in per_form_found(kept, finder)] == \
        [(s.index, r) for s, r in plain]
    assert readings.read == 0
