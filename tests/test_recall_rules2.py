"""More disagreements real coverage states in ways the frame rules missed (a tower fire, a
ferry sinking, a factory collapse). Invented text, from other kinds of stories than the
ones that showed each miss."""

import pytest
from figure_helpers import analysed

from site_builder.analyze.frames import find_figures


def rows_of(digest, prop_word: str):
    return [d for d in digest.disagreements if prop_word in d.about]


def floors(sentence: str):
    [figure] = [f for f in find_figures(sentence) if f.dimension == "floors"]
    return figure


# --- A building of floors told by different generic words is one building (a hotel) ---

@pytest.mark.parametrize("sentence", [
    "The quake brought down a 12-storey apartment building in the old town.",
    "Rescuers searched the 12-storey residential block through the night.",
    "Guests fled the 12-storey tower as the shaking began.",
])
def test_generic_words_for_a_building_name_one_building(sentence):
    assert floors(sentence).thing == "building"


def test_a_kind_of_building_still_tells_two_buildings_apart():
    assert floors("A 12-storey car park stood beside the old market.").thing != "building"


def test_one_building_told_by_two_words_makes_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The quake brought down a 12-storey apartment building in Varna, "
                        "officials said."]),
        ("2024-03-02", ["In Varna, a 15-storey residential block collapsed in the quake, "
                        "officials said."]),
    ])
    [row] = rows_of(digest, "height")
    assert sorted(c.number for c in row.claims) == [12, 15]


# --- "confirmed as injured": a verb of report, "as", then the state (a mine, not a ferry) ---

@pytest.mark.parametrize(("sentence", "prop"), [
    ("Fourteen miners have been confirmed as injured.", "injured"),
    ("Nine climbers were listed as missing after the avalanche.", "missing"),
    ("Twenty workers were reported as being hurt.", "injured"),
])
def test_a_state_after_a_verb_of_report_and_as_is_the_property(sentence, prop):
    [figure] = [f for f in find_figures(sentence) if f.dimension == "count"]
    assert figure.prop == prop


def test_hurt_told_with_and_without_as_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["At the Orlov pit, 14 miners have been confirmed as injured, the "
                        "company said."]),
        ("2024-03-02", ["At the Orlov pit, 55 miners were injured, the company said."]),
    ])
    [row] = rows_of(digest, "injured")
    assert sorted(c.number for c in row.claims) == [14, 55]


# --- "crashed with 62 aboard": a bare figure the clause ends on board (a plane, a bus) ---

@pytest.mark.parametrize("sentence", [
    "The plane crashed into the hillside with 62 aboard.",
    "A bus carrying pilgrims overturned with 41 on board, police said.",
])
def test_a_bare_figure_on_board_counts_who_was_aboard(sentence):
    [figure] = [f for f in find_figures(sentence) if f.dimension == "count"]
    assert (figure.prop, figure.unit) == ("aboard", "people")


def test_who_was_aboard_told_bare_and_with_a_noun_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The plane crashed near Tovo with 62 aboard, the airline said."]),
        ("2024-03-02", ["The plane was carrying 68 people when it crashed near Tovo, the "
                        "airline said."]),
    ])
    [row] = rows_of(digest, "aboard")
    assert sorted(c.number for c in row.claims) == [62, 68]


# --- "with six confirmed dead and 290 still missing": an adverb before a bare state (a mine) ---

@pytest.mark.parametrize(("sentence", "prop", "value"), [
    ("The shaft flooded, with three confirmed dead and 40 still missing.", "killed", 3),
    ("The shaft flooded, with three confirmed dead and 40 still missing.", "missing", 40),
    ("Rescuers said 17 were now missing after the second collapse.", "missing", 17),
])
def test_an_adverb_before_a_bare_state_keeps_the_people(sentence, prop, value):
    assert any((f.prop, f.unit, f.value) == (prop, "people", value)
               for f in find_figures(sentence))


def test_still_missing_told_bare_and_with_a_noun_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The shaft at Orlov flooded on Monday, with three confirmed dead and "
                        "40 still missing."]),
        ("2024-03-02", ["At Orlov, 52 people were missing after the shaft flooded on "
                        "Monday."]),
    ])
    [row] = rows_of(digest, "missing")
    assert sorted(c.number for c in row.claims) == [40, 52]


# --- "one of the deadliest": a rank among the most of a kind, no count (a stampede, a quake) ---

@pytest.mark.parametrize("sentence", [
    "The death toll rose again, making it one of the deadliest crowd crushes in decades.",
    "Officials fear the toll will make it one of Peru's worst mining disasters.",
    "The death toll is one of the most severe on record.",
])
def test_one_of_the_most_of_a_kind_is_no_count(sentence):
    assert [f for f in find_figures(sentence) if f.dimension == "count"] == []


def test_a_toll_of_one_is_still_a_count():
    [figure] = find_figures("The death toll rose to one on Monday, one of the guards said.")
    assert (figure.prop, figure.value) == ("killed", 1)


# --- A cue is the figure's it introduces, and a relative clause speaks of its own noun ---

def test_a_cue_right_before_another_figure_is_that_figures():
    [stands, _fans] = [f for f in find_figures(
        "The stadium contains 40 stands thought to be home to between 50,000 and 60,000 fans.")
        if f.dimension == "count"]
    assert stands.prop != "population"


@pytest.mark.parametrize("sentence", [
    "A number of workers remain unaccounted for at the plant, which is thought to contain "
    "14 furnaces.",
    "Many people remain missing in the old quarter, which has 300 houses.",
])
def test_what_befell_people_does_not_reach_into_a_relative_clause(sentence):
    [count] = [f for f in find_figures(sentence) if f.dimension == "count"]
    assert count.prop != "missing"


def test_what_befell_people_still_reaches_the_figure_of_its_own_clause():
    [dead] = [f for f in find_figures(
        "The dam burst above Varna, which lost power, and 40 people were killed.")
        if f.dimension == "count"]
    assert dead.prop == "killed"


# --- "built in 1988 and contains 40 stands": the year a standing thing was made dates it,
# not what is said of it now (an arena, not a tower) ---

def test_a_size_beside_the_year_a_thing_was_built_is_news(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The Varna arena was built in 1988 and contains 40 stands, officials "
                        "said."]),
        ("2024-03-02", ["The Varna arena, which was built in 1988, has 44 stands, officials "
                        "said."]),
    ])
    [row] = [d for d in digest.disagreements if "stand" in d.about]
    assert sorted(c.number for c in row.claims) == [40, 44]


def test_a_figure_of_a_past_event_beside_a_year_stays_history(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The Varna dam, built in 1950, burst in 1979, killing 2,000 people."]),
        ("2024-03-02", ["The flood at Varna killed 12 people on Monday, officials said."]),
    ])
    assert not rows_of(digest, "killed")


# --- "a $40 million 18-month renovation": a sum before a noun of work is its cost (a
# stadium, not a tower); a year the work was finished dates the work, not the sum ---

@pytest.mark.parametrize("sentence", [
    "The arena reopened after a $40 million 18-month renovation.",
    "The pier had a $3m upgrade before the storm.",
])
def test_a_sum_before_a_noun_of_work_is_its_cost(sentence):
    [figure] = [f for f in find_figures(sentence) if f.dimension == "money"]
    assert figure.prop == "cost"


def test_a_sum_for_work_given_by_donors_is_still_aid():
    [figure] = find_figures("Donors pledged $5m for reconstruction.")
    assert figure.prop == "aid"


def test_two_costs_of_one_renovation_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The Varna arena was renovated at a cost of $8.6 million, with work "
                        "completed in June last year."]),
        ("2024-03-02", ["The Varna arena reopened after a $8.7 million 18-month renovation."]),
    ])
    [row] = rows_of(digest, "cost")
    assert sorted(c.number for c in row.claims) == [8_600_000, 8_700_000]
