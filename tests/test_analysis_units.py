"""Analysis building blocks on synthetic sentences (no sample text)."""

import pytest

from site_builder.analyze.entities import entity_key, find_mentions, resolve
from site_builder.analyze.values import conflicts, find_values
from site_builder.dates import find_dates, parse_datetime
from site_builder.text import split_sentences


def one(sentence: str):
    [value] = find_values(sentence)
    return value


@pytest.mark.parametrize(("a", "b"), [
    ("a $60 billion package", "a $60bn package"),
    ("it cost €2.5 million", "it cost 2.5 million euros"),
    ("about 1,000 people", "roughly 1,020 people"),
])
def test_same_figure_in_other_words_does_not_conflict(a, b):
    assert one(a).key == one(b).key or not conflicts(one(a), one(b))


@pytest.mark.parametrize(("a", "b"), [
    ("they will send dozens of interceptor missiles", "they will send two missile batteries"),
    ("aid has exceeded $3 billion", "more than $7 billion in aid"),
    ("12 people died", "40 people died"),
])
def test_different_figures_conflict(a, b):
    assert conflicts(one(a), one(b))


def test_figures_of_different_things_are_not_compared():
    assert not conflicts(one("two tanks were lost"), one("40 soldiers were lost"))
    assert not conflicts(one("$5 million"), one("€9 million"))


def test_years_are_not_counts():
    assert find_values("In 2014 the rules changed for exports") == []


def test_dates_with_and_without_year():
    mentions = find_dates("It was agreed on Dec. 22 and signed on 3 January 2024, in April.", 2023)
    assert [m.iso for m in mentions] == ["2023-12-22", "2024-01-03", "2023-04"]
    [tuesday] = find_dates("announced on Tuesday by the minister")
    assert tuesday.weekday == 1 and tuesday.iso is None


def test_published_date_from_a_byline():
    assert parse_datetime("March 4, 2024 6:46 PM") == "2024-03-04T18:46"
    assert parse_datetime("no date here") is None


def test_sentences_split_but_not_after_abbreviations():
    text = "Officials met Mr. Lee on Dec. 5. The U.S. Navy agreed. It was late."
    assert split_sentences(text) == ["Officials met Mr. Lee on Dec. 5.", "The U.S. Navy agreed.",
                                     "It was late."]


def _topics(sentences: list[str], aliases=None):
    vocab = frozenset(w for s in sentences for w in s.split() if w.islower())
    mentions = [m for s in sentences for m in find_mentions(s, vocab)]
    key_to_topic, drafts = resolve(mentions, aliases or {}, [])
    return key_to_topic, drafts


def test_aliases_merge_into_one_topic():
    key_to_topic, drafts = _topics([
        "The U.S. said on Friday it would act.", "The US Navy sailed.",
        "Officials in Washington agreed, the United States said.",
        "Britain's Financial Times (FT) reported the plan.", "The FT said more.",
        "President Maria Lopez spoke.", "Lopez later left, while Lopez's aides stayed.",
    ])
    us = entity_key("United States")
    assert key_to_topic["us"] == key_to_topic["washington"] == key_to_topic["united states"] == us
    assert key_to_topic["ft"] == key_to_topic["financial times"]
    assert key_to_topic["lopez"] == key_to_topic["maria lopez"]
    assert drafts[key_to_topic["maria lopez"]].kind == "person"
    assert drafts[us].kind == "place" and drafts[us].name == "United States"


def test_sentence_initial_ordinary_words_are_not_topics():
    key_to_topic, _ = _topics(["However, the plan failed.", "Earlier the plan was fine.",
                               "Reporters saw however little change."])
    assert "however" not in key_to_topic and "earlier" not in key_to_topic


def test_configured_alias_wins():
    key_to_topic, drafts = _topics(["Raytheon built it.", "RTX said so.", "RTX again."],
                                   aliases={"RTX": ["Raytheon"]})
    assert key_to_topic["raytheon"] == key_to_topic["rtx"]
    assert drafts[key_to_topic["rtx"]].name == "RTX"


def _article(slug: str, texts: list[str]):
    from site_builder.markdown import paragraph_ids
    from site_builder.models import Article, Paragraph

    ids = paragraph_ids(texts)
    return Article(slug, None, None, None, None, None, f"{slug}.txt",
                   [Paragraph(i, "p", t, t) for i, t in zip(ids, texts, strict=True)])


def test_verbatim_repeats_are_marked_and_partial_ones_are_not():
    from site_builder.analyze.crossrefs import is_verbatim, near_duplicates

    shared = ("The regional council said the new bridge would open to traffic in late "
              "October after two years of delays.")
    a = _article("a", [shared, "Local traders welcomed the news on Monday morning."])
    b = _article("b", ["Completely different opening words about the weather today.",
                       shared.upper().replace(".", "!"),
                       "Some other sentence here. " + shared])
    refs = near_duplicates([a, b])
    kinds = {(r.target.paragraph, is_verbatim(r)) for r in refs}
    assert (b.paragraphs[1].id, True) in kinds  # same words, other case and punctuation
    assert (b.paragraphs[2].id, False) in kinds  # contains it, but is not a repeat
    assert all(r.kind == "duplicate" for r in refs)


def test_relative_weekdays_resolve_against_the_publication_date():
    from site_builder.analyze.timeline import resolve_weekday

    [this_friday] = find_dates("rules could change as early as this Friday")
    [on_tuesday] = find_dates("the deal was announced on Tuesday")
    published = "2023-12-21T06:46"  # a Thursday
    assert resolve_weekday(this_friday, published) == "2023-12-22"
    assert resolve_weekday(on_tuesday, published) == "2023-12-19"
    assert resolve_weekday(on_tuesday, None) is None


def test_timeline_is_in_date_order_with_sources(built_sample):
    import json

    timeline = json.loads((built_sample / "output" / "digest.json").read_text())["timeline"]
    dates = [e["date"] for e in timeline]
    assert dates == sorted(dates) and len(dates) >= 3
    assert all(e["support"] and e["text"] for e in timeline)
    assert "2023-04" in dates  # "in April 2023" in two sources


def test_same_day_reports_of_one_event_merge_and_others_do_not():
    from site_builder.analyze.timeline import _merge_same_day
    from site_builder.models import Ref, TimelineEvent

    a = TimelineEvent("2024-03-04", "The council approved the new harbour bridge plan.",
                      [Ref("a", "p1"), Ref("b", "p1")])
    b = TimelineEvent("2024-03-04", "Councillors approved the plan for a new harbour bridge.",
                      [Ref("c", "p2")])
    c = TimelineEvent("2024-03-04", "A storm closed schools across the region.", [Ref("d", "p3")])
    merged = _merge_same_day([b, c, a])
    assert [e.text for e in merged] == [a.text, c.text]
    assert merged[0].support == [Ref("a", "p1"), Ref("b", "p1"), Ref("c", "p2")]
