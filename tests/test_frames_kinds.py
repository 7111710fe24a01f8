"""Figure frames for kinds of statements: wind speeds, shares contained or searched, ages
of people named in full or in part, how long a trip lasts, what a length measures, unit
conversions in parentheses, and tolls of several events. Invented sentences, from other
kinds of stories than the clusters that showed the miss."""

import pytest
from figure_helpers import one

from site_builder.analyze.disagreements import conflicting
from site_builder.analyze.frames import find_figures


def only(sentence: str, dimension: str):
    [figure] = [f for f in find_figures(sentence) if f.dimension == dimension]
    return figure


@pytest.mark.parametrize(("a", "b"), [
    # A typhoon's gusts, told as gusts or as winds "of up to".
    ("The typhoon's strongest gusts reached 120 mph as it made landfall.",
     "Winds of up to 95 mph battered the coast."),
    # A cyclone's sustained winds.
    ("The cyclone came ashore with maximum sustained winds of 150 miles per hour.",
     "Forecasters said its sustained winds peaked at 130 mph."),
    # Shares of a fire contained, and of a debris field searched, on two days.
    ("The Ridge fire was 30% contained on Monday.", "Crews had the Ridge fire 55% contained."),
    ("About 40% of the debris field had been searched by Friday.",
     "Search teams had combed 70% of the search zone by Sunday."),
    # A miner named with and without his middle name and hyphen.
    ("Tomás Herrera Ruiz, 52, was the last man brought up.",
     "Rescuers named him as Tomás Andrés Herrera-Ruiz, 55."),
    # How long a cruise was planned to last.
    ("The liner had sailed on a 10-day cruise to the fjords.",
     "Passengers had booked a planned 12-day cruise."),
    # A ferry's length, as the noun it qualifies or as its subject's.
    ("The 330ft (100m) ferry listed sharply before it sank.",
     "The ferry, the Northern Star, is 350 feet long."),
])
def test_kinds_of_statements_meet_in_one_frame(a, b):
    fa, fb = only(a, one_dimension(a)), only(b, one_dimension(b))
    assert conflicting(fa, fb), (fa, fb)


def one_dimension(sentence: str) -> str:
    kinds = {f.dimension for f in find_figures(sentence)}
    return next(k for k in ("speed", "percent", "age", "duration", "length") if k in kinds)


@pytest.mark.parametrize(("a", "b"), [
    # Gusts are not a storm's sustained winds.
    ("Gusts reached 140 mph on the island.", "Its maximum sustained winds were 110 mph."),
    # A causeway is not the ferry that sails past it; a main span is a part of a bridge.
    ("The 2-mile causeway was closed.", "The 350-foot ferry was towed away."),
    ("The bridge has a main span of 600 feet.", "The 2-mile bridge carried 30,000 cars a day."),
    # Two fires in one sentence: each its own share.
    ("The Ridge fire was 30% contained on Monday.",
     "The blaze had burned 3,000 acres, while the Creek fire, at 900 acres, was 80% contained."),
])
def test_different_things_measured_are_not_compared(a, b):
    for fa in find_figures(a):
        for fb in find_figures(b):
            assert not conflicting(fa, fb), (fa, fb)


def test_a_change_of_speed_is_no_wind_speed():
    [change, hours] = find_figures("The storm's winds jumped by more than 60 mph within 18 hours.")
    assert change.dimension == "speed" and change.prop == ""
    assert hours.dimension == "duration"


@pytest.mark.parametrize("sentence", [
    "The pier is 1.2 miles (1.9km) long.",
    "It hit the coast with winds of 150 miles per hour (241 km per hour).",
    "The tanker measures 900 feet (274 metres).",
])
def test_a_conversion_in_parentheses_is_the_same_figure(sentence):
    assert len(find_figures(sentence)) == 1


def test_a_length_names_what_it_measures():
    assert only("The 2.6-km Harbour Crossing Bridge reopened.", "length").thing == "bridg"
    assert only("The 300-metre tanker ran aground.", "length").thing == "vessel"
    assert only("The vessel, the Ocean Pearl, is 300 metres long.", "length").thing == "vessel"
    assert only("The bridge has a central span of 600 feet.", "length").thing == "central span"
    # A bare "span" may be the whole bridge: it names nothing, so it meets the bridge.
    assert only("The span is 2.1 miles long.", "length").thing == ""


def test_a_share_is_of_a_named_subject_or_of_it():
    first, second = [f for f in find_figures(
        "As of Monday it was 20% contained, while the Creek fire, at 900 acres, was 80% "
        "contained.") if f.dimension == "percent"]
    assert (first.prop, first.thing) == ("contained", "")
    assert (second.prop, second.thing) == ("contained", "creek")
    share = only("Days after the Creek fire began, crews had it 65% contained.", "percent")
    assert share.thing == "creek"


@pytest.mark.parametrize(("sentence", "place"), [
    ("The storms killed at least 40 people across the region's farms.", "*all"),
    ("At least 12 people have died in the tornadoes, officials said.", "*all"),
    # One flood's waters are "the floods": no several events.
    ("The floods killed 12 people, the mayor said.", ""),
    # A place in the figure's own clause is where, whatever the breakdown after it says.
    ("The blaze killed 16 people in Greenfield, most of them in the north of town.",
     "greenfield"),
])
def test_where_a_toll_applies(sentence, place):
    toll = next(f for f in find_figures(sentence) if f.prop == "killed")
    assert toll.place == place


def test_a_bare_figure_that_has_died_counts_people():
    toll = one("Officials said 30 have died since the mine flooded.")
    assert (toll.unit, toll.prop, toll.value) == ("people", "killed", 30)


def test_a_sum_between_two_amounts_is_a_range():
    [damage] = find_figures("Insurers put the damage at between $3 billion and $4.5 billion.")
    assert (damage.hedge, damage.low, damage.high) == ("range", 3e9, 4.5e9)


def test_insured_losses_are_their_own_sum():
    insured = one("Insured losses from the hailstorm could reach $2 billion.")
    total = one("Total losses from the hailstorm were put at $9 billion.")
    assert insured.prop == "insured loss" and total.prop != "insured loss"
    assert not conflicting(insured, total)


def test_a_persons_people_are_counted_and_an_infinitive_befalls_no_one():
    march = one("The warlord said 3,000 of his troops were ready to die for the cause.")
    assert (march.unit, march.value, march.prop) == ("soldier", 3000, "")
    other = one("A defector put the column at about 800 troops.")
    assert conflicting(march, other)
    lost = one("He said the ambush killed about 40 of his troops.")
    assert (lost.unit, lost.prop) == ("soldier", "killed")


def test_gallons_and_litres_are_volumes_not_counts():
    tank = only("Two water towers holding about 2 million gallons each ran dry.", "volume")
    lake = one("The city's main reservoir holds 50 million gallons.")
    assert tank.dimension == lake.dimension == "volume"
    assert not conflicting(tank, lake)
    spill = one("About 30,000 litres of diesel spilled into the harbour.")
    assert (spill.dimension, spill.prop) == ("volume", "loss")


def test_a_relative_clause_does_not_hide_what_befell_a_count():
    climbers = one("Twelve climbers, who were roped together, were rescued by helicopter.")
    assert (climbers.unit, climbers.prop) == ("climber", "rescued")


@pytest.mark.parametrize(("a", "b", "compared"), [
    # A stadium built in one year and opened in another: two beginnings.
    ("The stadium was built in 1994.", "The stadium, which opened in 1996, seats 40,000.",
     False),
    ("The stadium was built in 1994.", "The stadium was completed in 1998.", True),
    # "Dating from" may be any beginning.
    ("The charter, dating from 1862, was revoked.", "The charter was enacted in 1868.", True),
])
def test_years_of_origin_compare_one_kind_of_beginning(a, b, compared):
    assert conflicting(only(a, "year"), only(b, "year")) is compared


@pytest.mark.parametrize(("sentence", "tolls"), [
    ("The storm killed 40 people, 25 of them in Dade County.", [(40, "*all"), (25, "dade")]),
    ("The number of people killed in the mudslides rose to 16 on Friday, 11 of them in "
     "Valdor.", [(16, "*all"), (11, "valdor")]),
])
def test_a_toll_broken_down_by_place_and_a_tally_that_rose(sentence, tolls):
    figures = find_figures(sentence)
    assert [(f.value, f.place) for f in figures] == tolls
    assert {(f.unit, f.prop) for f in figures} == {("people", "killed")}


def test_a_reports_own_lesser_figure_does_not_undo_an_update(tmp_path):
    from site_builder.analyze import analyze
    from site_builder.config import load_config
    from site_builder.errors import Reporter
    from site_builder.models import Article, Paragraph

    stories = [
        ("2024-05-01", ["The landslide in Brennick has killed 20 people, officials said."]),
        ("2024-05-03", ["The number of people killed by the landslide in Brennick has risen to "
                        "31, officials said."]),
        ("2024-05-06", ["The landslide in Brennick has killed 31 people, officials said.",
                        "Of those, 29 deaths in Brennick have been confirmed by the coroner."]),
    ]
    articles = [Article(f"a{n}", f"Story {n}", f"Outlet {n}", None, published, None, None,
                        [Paragraph(f"p{i}", "p", text, text) for i, text in enumerate(texts)])
                for n, (published, texts) in enumerate(stories)]
    digest = analyze(articles, load_config(tmp_path, Reporter(quiet=True)))
    row = next(d for d in digest.disagreements if "within one report" not in d.about)
    assert row.kind == "update", row
    assert [c.number for c in row.claims] == [20, 31, 29]


# --- "from X to Y" after a verb of change, or falling, is a change: the figure is Y ---

@pytest.mark.parametrize(("sentence", "value"), [
    ("Mine officials revised their count from 31 to 27 trapped miners.", 27),
    ("The count rose from 12 to 19 stranded hikers overnight.", 19),
    ("The toll at the pit went from 9 to 14 dead by the evening.", 14),
    ("Their tally fell from 8 to 5 missing climbers on Monday.", 5),
])
def test_from_one_figure_to_another_is_a_change(sentence, value):
    [figure] = find_figures(sentence)
    assert (figure.low, figure.high) == pytest.approx((value - 0.5, value + 0.5))
    assert figure.hedge == "exact"


def test_from_one_figure_to_another_without_change_is_a_range():
    [figure] = find_figures("The walk takes from 10 to 12 hours in good weather.")
    assert (figure.low, figure.high) == (10, 12)
    assert figure.hedge == "range"


# --- A noun of who is counted yields to what befell them ---

@pytest.mark.parametrize(("sentence", "prop"), [
    ("The landslide claimed the lives of 31 passengers of a passing bus.", "killed"),
    ("The blast took the lives of 12 crew on the rig.", "killed"),
    ("Six passengers are still missing after the capsizing.", "missing"),
    ("The ferry had 120 passengers on its last crossing.", "aboard"),
    ("Nine crew and a pilot ran the barge.", "crew"),
    ("All 11 crew members survived the sinking.", "crew"),
])
def test_who_is_counted_yields_to_what_befell_them(sentence, prop):
    assert find_figures(sentence)[0].prop == prop


# --- A position in a row of things picks some out; it counts nothing ---

@pytest.mark.parametrize("sentence", [
    "The barge struck the last two spans of the old viaduct.",
    "Water flooded the first 3 galleries of the mine.",
    "Fans in the front 12 rows of the stand were crushed.",
])
def test_a_position_in_a_row_is_not_a_count(sentence):
    assert not find_figures(sentence)


def test_a_count_after_the_is_still_a_count():
    [figure] = find_figures("The 12 miners were brought to the surface on Friday.")
    assert figure.value == 12


# --- Each clause's subject place; "there" points back to a place, never to all of them ---

def test_each_clauses_subject_place_places_its_figure():
    first, second = find_figures("Brant County reported 12 deaths from the avalanche, while "
                                 "Elton recorded 3 deaths.")
    assert (first.place, second.place) == ("brant", "elton")


def test_a_common_noun_opening_a_sentence_is_no_place():
    [figure] = find_figures("Police reported five deaths after the avalanche.")
    assert figure.place != "police"


def test_a_toll_there_is_not_a_toll_of_all_places():
    [figure] = find_figures("The explosions killed four people in the pit there.")
    assert figure.place == ""


@pytest.mark.parametrize("text", [
    "Rescuers in Brant County Monday counted 12 deaths.",
    "In Brant County Monday, rescuers counted 12 deaths.",
    "The avalanche killed 12 people in Brant County Monday.",
])
def test_a_place_name_stops_at_a_weekday_or_month(text):
    assert find_figures(text)[0].place == "brant"


# --- Who says a figure is no place; a journey's origin is not where a count applies ---

@pytest.mark.parametrize("sentence", [
    "Interior ministry officials said 58 miners had died in the collapse.",
    "Health authorities had earlier put the toll in the valley at 412.",
    "Twelve rescuers and 30 volunteers searched the hillside overnight.",
    "Rescuers have named 30 of the 44 people killed in Friday's Lorne ferry sinking.",
    "All 212 passengers aboard the ferry from Port Ellery were rescued.",
    "Fire officials said the only two people pulled out alive were deckhands.",
    "Two pilots from the Association of Harbour Pilots had the conn.",
])
def test_an_office_a_day_a_number_word_or_an_origin_places_no_count(sentence):
    assert all(f.place in ("", "*all") for f in find_figures(sentence)), find_figures(sentence)


def test_a_count_in_a_named_place_is_still_placed():
    [figure] = find_figures("At least 19 people died in Port Ellery when the pier gave way.")
    assert figure.place == "port ellery"


# --- Whose age: a person named after a description ---

@pytest.mark.parametrize(("sentence", "person"), [
    ("The driver, a 51-year-old miner named Tomas Orr, was freed after six hours.", "tomas orr"),
    ("A 29-year-old stadium guard surnamed Vance was the last to be found.", "vance"),
    ("Ana Ruiz, 34, was pulled from the rubble.", "ana ruiz"),
])
def test_an_age_belongs_to_the_person_named_with_it(sentence, person):
    ages = [f for f in find_figures(sentence) if f.dimension == "age"]
    assert [f.thing for f in ages] == [person]


# --- A bare figure joined to a count counts the same thing; a part of a stated whole ---

def test_a_bare_figure_in_a_state_counts_what_the_figure_before_it_counts():
    first, second = find_figures("Four climbers died on the ridge and two were missing.")
    assert (first.nouns, first.prop) == (("climber",), "killed")
    assert (second.nouns, second.prop) == (("climber",), "missing")


def test_a_figure_with_its_own_noun_keeps_it():
    first, second = find_figures("Seven hikers were hurt, and 12 people were missing.")
    assert (first.nouns, second.nouns) == (("hiker",), ("people",))


def test_a_part_of_a_stated_whole_carries_the_state_and_the_whole_none():
    [part, other] = find_figures("The coach firm said three of the 40 tour guides had died and "
                                 "the other 37 had been injured.")
    assert (part.value, part.prop, part.nouns) == (3, "killed", ("tour", "guid"))
    assert (other.value, other.prop) == (37, "injured")
    assert not [f for f in find_figures("Three of the 40 tour guides had died.") if f.value == 40]


def test_a_whole_with_a_participle_is_still_the_count_it_says():
    [figure] = find_figures("Police have identified 141 of the 179 people killed in the "
                            "stadium crush.")
    assert (figure.value, figure.prop) == (179, "killed")


def test_an_agent_noun_names_who_is_counted_not_what_befell_them():
    [figure] = find_figures("The owner said four of the 11 rescuers had died.")
    assert (figure.value, figure.prop) == (4, "killed")
    [figure] = find_figures("Eight rescuers were injured in the second collapse.")
    assert figure.prop == "injured"


@pytest.mark.parametrize(("sentence", "prop"), [
    ("Six members of the salvage crew, who had been cutting steel overnight, were still "
     "missing on Friday.", "missing"),
    ("Nine members of the crew survived the capsizing.", "crew"),
    ("Three members of the rescue team were killed.", "killed"),
])
def test_the_group_the_counted_belong_to_is_who_they_are(sentence, prop):
    [figure] = find_figures(sentence)
    assert figure.prop == prop


def test_on_board_is_aboard():
    [figure] = find_figures("The ferry had 212 people on board when it left the quay.")
    assert figure.prop == "aboard"


def test_rescuers_who_speak_rescued_no_one():
    [figure] = find_figures("Rescuers said 310 people were still missing in the quarry.")
    assert figure.prop == "missing"


def test_what_is_said_after_an_including_aside_is_said_of_the_whole():
    whole, part = find_figures("At the mine, 64 workers, including 9 apprentices, were rescued.")
    assert (whole.value, whole.prop) == (64, "rescued")
    assert part.value == 9


def test_people_left_without_electricity_are_affected():
    [figure] = find_figures("The ice storm left more than 40,000 people without electricity.")
    assert figure.prop == "affected"


@pytest.mark.parametrize(("sentence", "person"), [
    ("Two 16-year-old Korean-American divers were among the dead.", ""),
    ("A 40-year-old Nigerian engineer was hurt.", ""),
    ("The 40-year-old Ivan was freed at dawn.", "ivan"),
])
def test_a_demonym_before_a_noun_is_no_person(sentence, person):
    [figure] = find_figures(sentence)
    assert figure.thing == person


def test_a_cue_after_a_converted_measure_still_speaks_for_it():
    [figure] = find_figures("The convoy reached Tarsk, about 300 kilometres (186 miles) north "
                            "of the capital.")
    assert figure.prop == "distance"


@pytest.mark.parametrize(("sentence", "prop"), [
    ("Four divers are presumed dead after the cave flooded.", "missing"),
    ("Six hikers are feared dead on the glacier.", "missing"),
    ("Nine climbers are believed to be missing.", "missing"),
    ("Twelve workers were reported injured.", "injured"),
    ("Five miners were confirmed dead.", "killed"),
])
def test_a_state_after_a_verb_of_belief_is_the_property(sentence, prop):
    [figure] = find_figures(sentence)
    assert figure.prop == prop
