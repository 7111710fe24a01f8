"""Analysis building blocks on synthetic sentences (no sample text)."""

import pytest
from figure_helpers import analysed, one

from site_builder.analyze.disagreements import conflicting, relation
from site_builder.analyze.entities import entity_key, find_mentions, resolve
from site_builder.analyze.frames import find_figures
from site_builder.dates import find_dates, parse_datetime
from site_builder.text import split_sentences


@pytest.mark.parametrize(("a", "b"), [
    ("a $60 billion package", "a $60bn package"),
    ("it cost €2.5 million", "it cost 2.5 million euros"),
    ("about 1,000 people died", "roughly 1,020 people died"),
    ("the dam is 30 metres high", "the dam is 98 feet high"),  # a unit conversion
    ("nearly 6,000 people died", "5,894 people died"),  # rounding
    ("more than 5,000 people died", "5,894 people died"),  # one is more specific
])
def test_same_figure_in_other_words_does_not_conflict(a, b):
    assert not conflicting(one(a), one(b))


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("they will send dozens of interceptor missiles", "they will send two missile batteries",
     "contradicts"),
    ("aid has exceeded $3 billion", "more than $7 billion in aid", "differs"),
    ("12 people died", "40 people died", "contradicts"),
    ("The bridge is 1.6 miles long.", "The span is 2.1 miles long.", "contradicts"),
    ("The ship had a crew of 9.", "All 11 crew members survived the sinking.", "contradicts"),
    ("Ana Ruiz, 34, was pulled from the rubble.", "Ana Ruiz, 43, was pulled out alive.",
     "contradicts"),
    ("She was found about 12 hours after the collapse.",
     "She was found 14 hours after the collapse.", "contradicts"),
    ("A quarter of the town was flooded.", "About 40% of the town was flooded.",
     "contradicts"),
    ("The law, dating from 1958, was struck down.", "The law dates from 1985.",
     "contradicts"),
    ("Damage will exceed $40 million.", "The damage was put at $65 million.", "differs"),
])
def test_shapes_of_real_disagreements(a, b, kind):
    assert conflicting(one(a), one(b)), (one(a), one(b))
    assert relation(one(a), one(b)) == kind


@pytest.mark.parametrize(("a", "b"), [
    ("The quake killed 5,894 people.", "The quake displaced 20,000 people."),
    ("The quake killed 5,894 people.", "The city has a population of 1.2 million people."),
    ("Crews rescued 120 people.", "Some 45 people are still missing."),
    ("two tanks were lost", "40 soldiers were lost"),
    ("$5 million in damage", "€9 million in damage"),
])
def test_figures_of_different_properties_or_things_are_not_compared(a, b):
    assert not conflicting(one(a), one(b))


@pytest.mark.parametrize(("sentence", "not_a_count"), [
    ("Two F-16 fighters escorted the plane.", 16),
    ("The Boeing 737 jets landed safely.", 737),
    ("Su-35 jets flew over the city.", 35),
    ("Two of the six climbers reached the top.", 2),
    ("In 2014 the rules changed for exports", 2014),
    ("It happened on Dec. 22, 2023, officials said.", 22),
    ("The storm was the No. 3 story of the year.", 3),
])
def test_designations_positions_dates_and_partitives_are_not_counts(sentence, not_a_count):
    assert not_a_count not in [f.value for f in find_figures(sentence)]


def test_frames_read_hedges_vague_quantities_fractions_and_number_words():
    at_least = one("At least 12 people were killed.")
    assert (at_least.low, at_least.high, at_least.prop) == (12, float("inf"), "killed")
    dozens = one("Dozens of people are missing.")
    assert (dozens.low, dozens.high, dozens.prop) == (24, 99, "missing")
    third = one("A third of the homes were destroyed.")
    assert third.dimension == "percent" and round(third.value) == 33 and third.thing == "home"
    nine = one("Nine people were rescued.")
    assert (nine.value, nine.prop, nine.thing) == (9, "rescued", "people")
    span = one("Between 10 and 12 people were injured.")
    assert (span.low, span.high, span.hedge) == (10, 12, "range")
    age = one("The 34-year-old Maria Lopez was injured.")
    assert (age.dimension, age.value, age.thing) == ("age", 34, "maria lopez")
    up_to = one("Up to 300 people may have been displaced.")
    assert (up_to.low, up_to.high, up_to.prop) == (0, 300, "displaced")


def test_dates_with_and_without_year():
    mentions = find_dates("It was agreed on Dec. 22 and signed on 3 January 2024, in April.", 2023)
    assert [m.iso for m in mentions] == ["2023-12-22", "2024-01-03", "2023-04"]
    [tuesday] = find_dates("announced on Tuesday by the minister")
    assert tuesday.weekday == 1 and tuesday.iso is None


def test_published_date_from_a_byline():
    assert parse_datetime("March 4, 2024 6:46 PM") == "2024-03-04T18:46"
    assert parse_datetime("no date here") is None
    # A zone a day or more off UTC does not exist: the time is kept, without a zone.
    assert parse_datetime("12 March 2024 10:00 GMT+25") == "2024-03-12T10:00"
    assert parse_datetime("12 March 2024 10:00 +0200") == "2024-03-12T10:00+02:00"


@pytest.mark.parametrize(("stamp", "iso"), [
    # published, not the update, whichever comes first
    ("WORLD | Published Feb 2, 2022, 07:15 PM | Updated Feb 3, 2022, 08:00 AM",
     "2022-02-02T19:15"),
    ("Updated Feb 3, 2022 | Published Feb 2, 2022", "2022-02-02"),
    ("Feb 2, 2022 \u00b7 7:15 PM", "2022-02-02T19:15"),  # one stamp split by a dot
    ("03.04.2022, 10:05", "2022-04-03T10:05"),  # dotted dates are day first
    ("Updated 9:05 AM GMT+8, May 1, 2022", "2022-05-01T09:05+08:00"),  # ahead of UTC
    ("9:05 AM UTC-3, May 1, 2022", "2022-05-01T09:05-03:00"),
])
def test_stamp_lines_read_the_way_news_pages_write_them(stamp: str, iso: str):
    assert parse_datetime(stamp) == iso


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


def test_a_rising_toll_across_days_is_an_update_in_time_order(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-05", ["The flood in Brennick has killed 40 people, the agency said."]),
        ("2024-03-03", ["The flood in Brennick has killed 12 people, the agency said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update" and row.unit == "people"
    assert [c.number for c in row.claims] == [12, 40]
    assert [c.published for c in row.claims] == ["2024-03-03", "2024-03-05"]


def test_same_day_tolls_that_clash_are_a_contradiction(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-03", ["The flood in Brennick has killed 40 people, the agency said."]),
        ("2024-03-03", ["The flood in Brennick has killed 12 people, the agency said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "contradicts"


def test_a_paragraph_with_a_conflicting_figure_does_not_support_a_fact(tmp_path):
    digest = analysed(tmp_path, [
        (None, ["The storm in Brennick destroyed 300 homes along the river, officials said."]),
        (None, ["The storm in Brennick destroyed 300 homes along the river, officials said."]),
        (None, ["The storm in Brennick destroyed 900 homes along the river, officials said."]),
    ])
    fact = next(f for f in digest.facts if "300" in f.statement)
    assert {r.article for r in fact.support} == {"a0", "a1"} and fact.sources == 2


def test_quote_tails_are_no_facts_and_the_brief_opens_with_no_back_reference(tmp_path):
    digest = analysed(tmp_path, [
        (None, ["All of them were taken to hospital in Brennick.",
                "The Halden dam above Brennick burst on Saturday, flooding the town.",
                "We will rebuild,” the governor said."]),
        (None, ["All of them were taken to hospital in Brennick.",
                "The Halden dam above Brennick burst on Saturday, flooding the town.",
                "We will rebuild,” the governor said."]),
    ])
    statements = [f.statement for f in digest.facts + digest.other_claims]
    assert not any("governor said" in s for s in statements)
    assert digest.summary.startswith("The Halden dam above Brennick burst on Saturday")
    assert "All of them" not in digest.summary


def test_the_brief_leaves_out_a_sentence_about_figures_it_never_gave(tmp_path):
    # A cable-car stall (invented): "The figures" refers back to a count not in the brief.
    back = "The figures come from the Portavel operator, which logs every cabin and rider."
    digest = analysed(tmp_path, [
        ("2024-05-05", ["A cable car stalled above the Portavel gorge on Sunday, stranding "
                        "38 riders.", back]),
        ("2024-05-06", ["A cable car stalled above the Portavel gorge on Sunday, and 38 riders "
                        "were stranded.", back]),
    ])
    assert digest.summary.startswith("A cable car stalled above the Portavel gorge")
    assert "The figures" not in digest.summary


def test_of_two_paraphrases_the_fuller_one_states_the_fact(tmp_path):
    # A mine flooding (invented): two sources say the same, one with its reason too.
    short = "The chief inspector of the Varden mine, Ilse Marsh, said most miners could have left."
    full = ("Ilse Marsh, chief inspector of the Varden mine, has argued that a working alarm "
            "could have let most miners leave by sounding an evacuation.")
    for first, second in ((short, full), (full, short)):
        digest = analysed(tmp_path, [(None, [first]), (None, [second])])
        fact = next(f for f in digest.facts + digest.other_claims if "Marsh" in f.statement)
        assert fact.statement == full and fact.sources == 2


# --- Frames and disagreements, second round (shapes seen in real coverage, own examples) ---

@pytest.mark.parametrize(("a", "b", "kind"), [
    # A quake's reading after "measured" / "put at", told apart by its ordinal.
    ("The first tremor measured 6.4, officials said.", "The first shock was put at 6.1.",
     "contradicts"),
    # Leaving the rails is derailing, in other words.
    ("About 50 wagons left the tracks near the bridge.", "38 wagons derailed near the bridge.",
     "contradicts"),
    # How long a change took, told apart by where it started.
    ("The storm went from a tropical depression to a major hurricane in 18 hours.",
     "It needed only 30 hours to go from tropical depression to major hurricane.",
     "contradicts"),
    # Approximate figures neither of which allows the other ("1 million" reads to 100,000).
    ("a town of around 10,000 residents", "a town of about 8,000 residents", "differs"),
    ("a province of nearly 1 million people", "a province of about 700,000 people",
     "contradicts"),
    ("The damage was put at $10bn.", "The damage could reach up to $15 billion.", "differs"),
    # Time since a start, however the start is worded; "just over" stays close.
    ("It lost contact about 2 hours 10 minutes after it began its descent.",
     "It lost contact just over an hour after the craft started down.", "contradicts"),
    # One price in two currencies: the same number cannot be both.
    ("A seat sells for $90,000.", "A seat costs €90,000.", "differs"),
    # Opposite bounds on one number exclude each other.
    ("Nearly eight in ten homes in the valley were uninsured.",
     "More than 80 percent of the homes were uninsured.", "contradicts"),
    # Each unit's rounding, no more: 21 feet is 6.4 metres.
    ("The 21-foot craft sank.", "The 6.7-metre craft sank.", "contradicts"),
])
def test_more_shapes_of_real_disagreements(a, b, kind):
    assert conflicting(one(a), one(b)), (one(a), one(b))
    assert relation(one(a), one(b)) == kind


@pytest.mark.parametrize(("a", "b"), [
    ("It climbed from Category 2 to Category 4 in 30 hours.",
     "It went from a tropical depression to a major hurricane in 18 hours."),
    ("about 900 dead fish were counted", "1,200 dead birds were counted"),
    ("more than 100 cars were on the train", "149 cars were on the train"),
    ("The 22-foot craft sank.", "The 6.7-metre craft sank."),
    ("It lost contact about 2 hours 10 minutes after it began its descent.",
     "It lost contact less than three hours after it began the dive."),
])
def test_compatible_or_different_figures_are_not_compared(a, b):
    assert not conflicting(one(a), one(b)), (one(a), one(b))


def test_more_frame_readings():
    assert one("Some three million people live in the province.").value == 3_000_000
    assert [f.dimension for f in find_figures("One early survey puts the losses at $3bn.")] \
        == ["money"]  # "one ... puts" counts nothing
    second = find_figures("The first earthquake measured 6.4, and the second, which hit near "
                          "the coast, measured 5.9.")
    assert [(f.dimension, f.thing) for f in second if f.dimension == "magnitude"] == [
        ("magnitude", "first"), ("magnitude", "second")]
    assert one("The train had 60 cars in all.").place == ""  # a total of nothing placed
    assert one("211 residences were destroyed.").unit != "people"
    assert one("about 900 dead fish").nouns == ("fish",)
    hour = one("just over 3 hours")
    assert hour.hedge == "just" and hour.low > 3 and hour.high < 4


def test_a_sentence_that_tells_two_values_apart_is_no_clash(tmp_path):
    digest = analysed(tmp_path, [
        (None, ["Of the 12-mile stretch of the Varne affected, fish died along a 7-mile span."]),
        (None, ["Fish died along an 11 km stretch of the Varne, the agency said."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "m"]


def test_figures_of_an_earlier_report_or_another_time_are_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-04", ["Tuesday's official figures had listed 14 dead in Brennick."]),
        ("2024-03-05", ["The flood in Brennick has killed 20 people, the agency said."]),
        ("2024-03-05", ["Two years ago investors valued Fenmore Bank at more than $30bn."]),
        ("2024-03-05", ["Fenmore Bank is now worth less than $5 billion, traders said."]),
    ])
    assert not digest.disagreements


def test_a_year_after_since_is_no_history_and_a_ceiling_is_no_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-03", ["Orlan said 45 countries had offered rescue teams after the worst "
                        "quake in Velm since 1939."]),
        ("2024-03-04", ["Orlan said 70 countries had offered rescue teams to Velm."]),
        ("2024-03-03", ["Analysts put the damage in Velm at $2bn."]),
        ("2024-03-06", ["Analysts put the damage in Velm at up to $5 billion."]),
    ])
    kinds = {d.unit: d.kind for d in digest.disagreements}
    assert kinds.get("countri") == "update"
    assert kinds.get("USD") not in (None, "update")


def test_guards_on_the_new_readings(tmp_path):
    # A number word with a scale is a count even when the word is "one".
    assert one("One million people live in the province.").value == 1_000_000
    # A length measured in a sentence about a quake is still a length.
    assert one("After the quake, the tower measured 7.5 metres shorter.").dimension == "length"
    # Reported speech in the past perfect is about now; only a report's own figures are old.
    digest = analysed(tmp_path, [
        ("2024-03-05", ["Officials in Brennick said they had confirmed 12 deaths."]),
        ("2024-03-05", ["The flood in Brennick has killed 20 people, the agency said."]),
    ])
    assert [d.kind for d in digest.disagreements] == ["contradicts"]


# --- Frames and disagreements, third round (shapes seen in real coverage, own examples) ---

def test_a_sentence_setting_places_its_figures():
    # An opening "In X," and a subject "X's government" / "X officials" place every figure.
    listed = find_figures("Corvania's military government said the storm had killed at least "
                          "1,700 people, injured 3,400 and left 300 missing.")
    assert [(f.prop, f.place) for f in listed] == [
        ("killed", "corvania"), ("injured", "corvania"), ("missing", "corvania")]
    assert one("In Velmar, the national death toll stood at 20.").place == "velmar"
    assert one("Dunport city officials said at least 10 people had died.").place == "dunport"
    assert one("Water was cut in 32 villages of Halden Province.").place == "halden"
    # A demonym names no place, nor does a name cut by the search window.
    assert one("Velmarian officials put their country's dead at 8,574.").place == ""
    assert one("Chief minister Tom Min Aung Hlaing said the number of dead had "
               "risen to 2,719.").place == ""


@pytest.mark.parametrize(("sentence", "prop", "value"), [
    ("The agency said 4,715 were injured.", "injured", 4715),
    ("Officials said 341 were still missing.", "missing", 341),
    ("Ten are dead and 42, including seven children, are missing.", "missing", 42),
    ("The army said the number of dead had risen to 2,719.", "killed", 2719),
    ("About 900 residents had been moved to safety by noon.", "evacuated", 900),
])
def test_states_said_of_bare_figures_and_tallies(sentence, prop, value):
    figure = next(f for f in find_figures(sentence) if f.value == value)
    assert (figure.dimension, figure.prop) == ("count", prop)


@pytest.mark.parametrize(("a", "b", "kind"), [
    # The magnitude of an aftershock, however the sentence is built.
    ("A 6.7-magnitude aftershock followed minutes later.",
     "Then came a strong aftershock of magnitude 6.4.", "contradicts"),
    # A building's storeys are whole numbers: 30 is not 33.
    ("A 33-story tower under construction fell.", "A 30-storey office tower being built fell.",
     "contradicts"),
    # Water lost, in cubic units, with the cue after an appositive.
    ("The lake has lost 4.4 cubic kilometres of water.",
     "Most of the lake, or 14.4 cubic kilometers, has drained away.", "contradicts"),
    # An altitude.
    ("The jet was climbing through about 16,000 feet.",
     "The plane climbed through about 14,830 feet.", "contradicts"),
    # The size of a zone: a radius, or the longer side of a rectangle.
    ("Residents within a mile of the plant were told to leave.",
     "Everyone in a 1-mile by 2-mile area around the plant must leave.", "contradicts"),
    ("The 2-kilometre exclusion zone stays.", "Police kept a 3 km cordon.", "contradicts"),
    # "A metre" is told about as closely as a half metre: not "almost 1.5 metres".
    ("The river had fallen by almost 1.5 metres.", "The river had fallen by a metre.",
     "contradicts"),
    # Towns and villages are settlements.
    ("In all, 46 settlements have been flooded, 30 of them on the east bank.",
     "The minister said 48 towns and villages had been flooded, 12 of them in the south.",
     "contradicts"),
    # A part of a whole, told by what is said of it, either way round.
    ("Of the wagons that overturned, nine were carrying toxic solvents.",
     "Twelve of the overturned wagons were tankers loaded with toxic chemicals.",
     "contradicts"),
])
def test_third_round_shapes_of_real_disagreements(a, b, kind):
    assert conflicting(one(a), one(b)), (one(a), one(b))
    assert relation(one(a), one(b)) == kind


@pytest.mark.parametrize(("a", "b"), [
    ("The 7.7-magnitude quake struck at noon.", "Later came an aftershock of magnitude 6.4."),
    ("The lake holds some 18 cubic kilometres of water.",
     "The lake has lost 4.4 cubic kilometres of water."),  # a capacity is no loss
    ("a 30-storey tower", "a 30-storey tower block"),
    ("Flood water in the square stood at 3.1 metres.", "The river had fallen by 1.5 metres."),
    ("Residents within a mile of the plant were told to leave.", "The 1.6 km zone stays."),
    ("Residents within a mile of the plant were told to leave.", "The 22-foot craft sank."),
    # Parts said to be different things are different parts.
    ("Nine of the overturned wagons were tankers loaded with toxic solvents.",
     "Twelve of the overturned wagons were empty flatcars."),
    # What is only threatened is not what was hit.
    ("Up to 80 villages are in the danger zone.", "32 villages were left without water."),
])
def test_third_round_figures_not_compared(a, b):
    assert not conflicting(one(a), one(b)), (one(a), one(b))


def test_projections_are_not_compared_and_breakdowns_are_totals(tmp_path):
    assert one("In total, 46 villages have been flooded, 32 of them on the east bank, "
               "the minister said.").place == "*all"
    digest = analysed(tmp_path, [
        ("2024-03-05", ["The agency warned the toll in Brennick could exceed 10,000."]),
        ("2024-03-05", ["The flood in Brennick has killed 20 people, the agency said."]),
    ])
    assert not digest.disagreements


def test_places_keep_a_national_and_a_city_toll_apart(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-01", ["The quake shook central Corvania, killing at least 140 people.",
                        "In Dunport, officials said at least three people had died."]),
        ("2024-03-02", ["Corvania's government said 1,600 people had been killed.",
                        "Dunport officials said 18 people had died in the city."]),
        ("2024-03-03", ["Corvania's government said the toll had risen to 2,050 people.",
                        "In Dunport, rescuers worked at the tower.",
                        "Dunport officials said 23 people had died."]),
    ])
    rows = {d.about.split(":")[0]: d for d in digest.disagreements}
    assert rows["Corvania"].kind == rows["Dunport"].kind == "update"
    assert [c.number for c in rows["Corvania"].claims] == [140, 1600, 2050]
    assert [c.number for c in rows["Dunport"].claims] == [3, 18, 23]


def test_missing_people_and_water_levels_update_either_way(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-01", ["Officials said 139 people were missing after the flood in Brennick."]),
        ("2024-03-02", ["Officials said 441 people were missing after the flood in Brennick."]),
        ("2024-03-04", ["Officials said 341 people were missing after the flood in Brennick."]),
        ("2024-03-01", ["At Brennick the river stands at 5.6 metres, the agency said."]),
        ("2024-03-04", ["At Brennick the river stood at 3.1 metres, the agency said."]),
    ])
    kinds = {d.unit: d.kind for d in digest.disagreements}
    assert kinds == {"people": "update", "m": "update"}


def test_a_level_read_hours_apart_is_an_update_and_a_toll_is_not(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-04T09:10", ["At Brennick the river stood at 3.6 metres, the agency said."]),
        ("2024-03-04T15:40", ["At Brennick the river stood at 3.1 metres, the agency said."]),
        ("2024-03-04T09:10", ["The flood in Brennick has killed 40 people, the agency said."]),
        ("2024-03-04T15:40", ["The flood in Brennick has killed 12 people, the agency said."]),
    ])
    kinds = {d.unit: d.kind for d in digest.disagreements}
    assert kinds["m"] == "update" and kinds["people"] != "update"


def test_one_reports_own_clashing_tolls_are_flagged_and_far_apart_ones_are_not(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-05", ["The official death toll in Brennick now stands at 48, officials said.",
                        "Elsewhere in the figures, 46 deaths are listed as confirmed."]),
        ("2024-03-05", ["The flood in Brennick has killed 20 people, the agency said.",
                        "In Halden, 120 people died in the 1990 flood, records show."]),
    ])
    internal = [d for d in digest.disagreements if "within one report" in d.about]
    assert [[c.number for c in d.claims] for d in internal] == [[48, 46]]
    assert {r.article for c in internal[0].claims for r in c.support} == {"a0"}


def test_sums_of_money_need_a_common_name_and_measurements_a_common_word(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-05", ["Congress is weighing a $60 billion aid package for Velm."]),
        ("2024-03-05", ["Orlan pledged more than $7 billion in aid to Corvania."]),
        ("2024-03-05", ["The Halden reservoir has lost 4.4 cubic kilometres of water."]),
        ("2024-03-05", ["Most of the lake water, or 14.4 cubic kilometers, has drained away."]),
    ])
    assert [d.unit for d in digest.disagreements] == ["m³"]
