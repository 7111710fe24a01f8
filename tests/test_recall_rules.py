"""Disagreements real coverage states in ways the frame rules missed: homes lost, a toll
climbing to a hedged figure, a combined toll in a story of one place, how many of the hurt
are hurt badly, how far underground. Invented text, from other kinds of stories than the
ones that showed each miss."""

import pytest
from figure_helpers import analysed, one

from site_builder.analyze.disagreements import conflicting
from site_builder.analyze.frames import find_figures


def rows_of(digest, prop_word: str):
    return [d for d in digest.disagreements if prop_word in d.about]


# --- Homes lost are people displaced (a flood, not a blast) ---

@pytest.mark.parametrize("sentence", [
    "Officials said 1,200 people had lost their homes in the floods.",
    "About 3,000 residents are now without homes along the river.",
    "The mayor said 40 families lost their houses overnight.",
])
def test_homes_lost_are_people_displaced(sentence):
    [figure] = [f for f in find_figures(sentence) if f.dimension == "count"]
    assert figure.prop == "displaced"


def test_lives_lost_are_still_a_toll():
    assert one("Twelve people lost their lives when the levee broke.").prop == "killed"


def test_homes_lost_told_two_ways_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The mayor of Dunmere said 1,200 people had lost their homes in the "
                        "floods."]),
        ("2024-05-02", ["In Dunmere, 3,000 people were left homeless by the floods, the "
                        "mayor said."]),
    ])
    [row] = rows_of(digest, "displaced")
    assert sorted(c.number for c in row.claims) == [1200, 3000]


# --- A toll whose verb of change comes far after it, before a hedged figure (a ferry) ---

def test_a_toll_climbing_to_a_hedged_figure_counts_the_dead():
    figure = one("The death toll from the ferry that capsized off the northern island in "
                 "heavy seas climbed to more than 60 on Monday.")
    assert (figure.prop, figure.unit, figure.hedge) == ("killed", "people", "lower")
    assert figure.value == 60


def test_a_hedged_toll_far_from_its_verb_joins_the_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The death toll from the ferry that capsized off the northern island "
                        "in heavy seas climbed to more than 60 on Monday."]),
        ("2024-05-02", ["The ferry capsized off the northern island, killing 35 people, the "
                        "coast guard said."]),
    ])
    [row] = rows_of(digest, "killed")
    assert sorted(c.number for c in row.claims) == [35, 60]


# --- Tolls of a story of one place: all of its events together are that place's ---

def test_a_combined_toll_in_a_story_of_one_place_is_that_places(tmp_path):
    # A factory fire in one town: "two fires ... killing" reads as all places together,
    # which in a story of one place is the place itself.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Two fires tore through the textile plant in Korvik, killing at least "
                        "12 people."]),
        ("2024-05-02", ["The blaze at the textile plant in Korvik killed 30 people, officials "
                        "said."]),
    ])
    [row] = rows_of(digest, "killed")
    assert sorted(c.number for c in row.claims) == [12, 30]


def test_a_combined_toll_of_two_places_stays_apart_from_one_places(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The storms tore through Veltia and Quorra, killing 40 people."]),
        ("2024-05-02", ["In Veltia, the storm killed 12 people."]),
    ])
    assert not rows_of(digest, "killed")


# --- How many of the hurt are hurt badly (a bus crash, not a bridge) ---

@pytest.mark.parametrize(("sentence", "value", "prop"), [
    ("Twenty passengers were hurt, four seriously.", 4, "serious"),
    ("Twenty passengers were hurt, 11 of them critically.", 11, "critical"),
    ("Nineteen people were taken to hospital, 7 of them in a serious condition.", 7, "serious"),
])
def test_a_bare_figure_after_the_hurt_counts_those_hurt_badly(sentence, value, prop):
    [_, figure] = find_figures(sentence)
    assert (figure.value, figure.prop, figure.dimension) == (value, prop, "count")


@pytest.mark.parametrize("sentence", [
    "Twenty ships were damaged, three severely.",  # not people
    "Forty people were arrested, three seriously.",  # not hurt
])
def test_a_severity_of_no_hurt_people_is_no_count(sentence):
    assert not [f for f in find_figures(sentence) if f.prop in ("serious", "critical")]


def test_those_hurt_badly_told_two_ways_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Thirty people were injured in the bus crash, five severely."]),
        ("2024-05-02", ["Thirty people were injured in the bus crash, 14 of them in a "
                        "serious condition."]),
    ])
    [row] = rows_of(digest, "seriously hurt")
    assert sorted(c.number for c in row.claims) == [5, 14]
    assert "injured" not in row.about


# --- How far underground (a cave rescue, not a mine) ---

@pytest.mark.parametrize("sentence", [
    "Divers found the boys 800 metres underground.",
    "The cavers were trapped about 2 km below the surface.",
    "The chamber lies 300 feet below ground.",
])
def test_a_length_underground_is_a_depth(sentence):
    assert one(sentence).prop == "depth"


def test_two_depths_underground_conflict():
    assert conflicting(one("Divers found the boys 800 metres underground."),
                       one("The boys were trapped nearly a mile below the surface."))


def test_a_distance_from_an_entrance_is_no_depth():
    figures = find_figures("The cavers were stuck 300 metres below the surface, about 2 km "
                           "from the entrance.")
    assert [f.prop for f in figures] == ["depth", "distance"]


# --- The year goods were seized (a trawler held by a coast guard, not a port blast) ---

@pytest.mark.parametrize("sentence", [
    "The trawler was impounded by the coast guard in 2019.",
    "The cargo had been confiscated from a freighter in late 2020.",
])
def test_the_year_goods_were_seized_is_a_dated_beginning(sentence):
    figures = [f for f in find_figures(sentence) if f.dimension == "year"]
    assert [(f.prop, f.thing) for f in figures] == [("origin", "seized")]


def test_a_year_after_seized_goods_were_sold_is_no_seizure():
    assert not find_figures("The seized cargo was auctioned in 2020.")


def test_two_years_of_one_seizure_conflict(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The rusting trawler had been impounded at the harbour in 2019, "
                        "officials said."]),
        ("2024-05-03", ["Fishermen said the trawler was seized at the harbour in 2021 and "
                        "never moved."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "year"]
    assert sorted(c.number for c in row.claims) == [2019, 2021]


def test_years_of_two_unrelated_seizures_are_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The trawler had been impounded at the harbour in 2019."]),
        ("2024-05-03", ["Separately, police confiscated a lorry of cigarettes in 2021."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "year"]


# --- How far something fell (a cable car, not a bridge) ---

@pytest.mark.parametrize("sentence", [
    "The cable car plunged 60 metres into the gorge.",
    "The lift cabin dropped as much as 20 metres before the brakes held.",
    "Debris crashed to the ground 30 metres below.",
])
def test_a_length_after_a_verb_of_falling_is_the_fall(sentence):
    assert one(sentence).prop == "fall"


def test_a_level_that_fell_is_no_fall():
    assert one("The river level fell 2 metres overnight.").prop != "fall"


def test_two_falls_told_differently_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The gondola plunged 60 metres into the gorge near Tavo."]),
        ("2024-05-02", ["The gondola fell 90 metres into the gorge near Tavo, police said."]),
    ])
    [row] = rows_of(digest, "fell")
    assert sorted(c.number for c in row.claims) == [60, 90]


# --- A conversion in brackets or commas says how exactly a round figure is meant ---

def test_a_finer_conversion_makes_a_round_figure_exact():
    figure = one("The crane toppled from the deck 50 metres (164 feet) below.")
    assert 48 < figure.low <= figure.high < 52  # not 45 to 55
    assert conflicting(figure, one("The crane toppled from the deck 45 metres below."))


def test_a_conversion_still_allows_its_own_rounding():
    # 150 mph is 241.4 km/h: another outlet's "up to 240 km/h" is the same wind.
    a = one("The typhoon struck with sustained winds of 150 mph (241 km/h).")
    b = one("The typhoon struck with sustained winds of up to 240 km/h.")
    assert not conflicting(a, b)


def test_a_conversion_in_commas_is_one_size_of_the_thing_after():
    [figure] = find_figures("Crowds watched as the 30-meter, 100-foot, tower collapsed onto "
                            "the road.")
    assert (figure.value, figure.thing) == (30, "tower")


def test_sizes_listed_in_commas_are_not_conversions():
    figures = find_figures("The 120-metre, 90-metre and 60-metre towers stood in a row.")
    assert [f.value for f in figures] == [120, 90, 60]


def test_a_toll_across_a_city_a_demonym_names_is_that_citys(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Two blasts shook the depot in Korvik, killing at least 12 people and "
                        "spreading panic across the Veltian capital."]),
        ("2024-05-02", ["The blast at the depot in Korvik killed 30 people, officials said."]),
    ])
    [row] = rows_of(digest, "killed")
    assert sorted(c.number for c in row.claims) == [12, 30]
