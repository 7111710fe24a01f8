"""Disagreements real coverage states in ways the frame rules missed: travellers and crew
counted together as all aboard, two counts joined by "and" that share one predicate, and
how many parts a formation has told as "a train of 72 cars" or "the train was pulling 72
cars". Invented text, from other kinds of stories than the ones that showed each miss."""

import pytest
from figure_helpers import analysed

from site_builder.analyze.frames import find_figures


def rows_of(digest, word: str):
    return [d for d in digest.disagreements if word in d.about]


def counts(sentence: str):
    return [f for f in find_figures(sentence) if f.dimension == "count"]


# --- Travellers and the crew named together are everyone aboard (a ferry, a coach) ---

@pytest.mark.parametrize("sentence", [
    "The ferry was carrying 312 passengers and crew when it ran aground in the strait.",
    "The coach, carrying 51 crew and passengers, left the road near the pass.",
    "The ferry had 312 passengers and its crew members aboard when it ran aground.",
])
def test_travellers_and_crew_together_are_all_aboard(sentence):
    [figure] = counts(sentence)
    assert (figure.prop, figure.nouns) == ("aboard", ("people",))


def test_travellers_with_a_crew_of_their_own_figure_stay_travellers():
    first, second = counts("The ferry was carrying 280 passengers and 32 crew members.")
    assert first.nouns == ("passeng",) and second.nouns == ("crew",)


def test_all_aboard_told_two_ways_make_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The ferry was carrying 312 passengers and crew when it ran aground "
                        "in the strait."]),
        ("2024-05-02", ["The ferry ran aground in the strait with 298 people aboard, the "
                        "port authority said."]),
    ])
    [row] = rows_of(digest, "on board")
    assert sorted(c.number for c in row.claims) == [298, 312]


# --- Two counts joined by "and" share the predicate said after both (hikers, a mine) ---

def test_counts_joined_by_and_share_the_predicate_after_them():
    hikers, guides = counts("Rescuers said 12 hikers and two guides have not been found.")
    assert hikers.prop == guides.prop == "missing"


def test_a_predicate_shared_yields_to_a_verb_right_before_the_first_count():
    dead, hurt = counts("The fire killed three people and 12 residents were hurt.")
    assert (dead.prop, hurt.prop) == ("killed", "injured")


def test_counts_in_two_clauses_do_not_share():
    first, second = counts("Officials listed 12 hikers, and two guides have not been found.")
    assert first.prop != "missing" and second.prop == "missing"


# --- How many parts a formation has (a convoy, barges, a herd) ---

@pytest.mark.parametrize("sentence, whole", [
    ("A convoy of 40 trucks crossed the border at dawn.", "convoy"),
    ("The herd of 300 cattle, owned by a cooperative, was swept away.", "herd"),
    ("The tug was towing 14 barges when it struck the pier.", "tug"),
    ("The locomotive had two tenders and was hauling 60 freight wagons.", "locomot"),
])
def test_the_parts_of_a_whole_are_counts_the_whole_has(sentence, whole):
    figure = next(f for f in counts(sentence) if f.value >= 14)
    assert figure.prop == "has:" + whole


@pytest.mark.parametrize("sentence", [
    "A total of 40 trucks crossed the border at dawn.",
    "Police said the driver of 40 years was towing nothing.",
    "The ship was carrying 40 containers when it sank.",
])
def test_no_formation_no_whole(sentence):
    assert not any(f.prop.startswith("has:") for f in counts(sentence))


def test_a_formation_told_three_ways_makes_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The 38-truck convoy was stopped at the border crossing."]),
        ("2024-05-02", ["A convoy of 40 trucks was stopped at the border crossing, officials "
                        "said."]),
    ])
    [row] = rows_of(digest, "the convoy has")
    assert sorted(c.number for c in row.claims) == [38, 40]


def test_a_composite_count_label_names_the_counted_word(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The 38-truck convoy was stopped at the border crossing."]),
        ("2024-05-03", ["The convoy was towing 40 trucks when it was stopped at the border."]),
    ])
    [row] = rows_of(digest, "the convoy has")
    assert row.about in ("how many truck the convoy has", "how many trucks the convoy has")


# --- Where something was taken is no scope of its count (a mine, a hospital) ---

@pytest.mark.parametrize("sentence", [
    "The bodies of 11 miners were transferred to a morgue in Carrow on Friday.",
    "Rescuers said 14 injured climbers were flown to a hospital in Lindau.",
])
def test_a_place_things_were_taken_to_is_no_scope(sentence):
    [figure] = counts(sentence)
    assert figure.place == ""


def test_a_place_where_it_happened_still_scopes():
    [figure] = counts("Eleven miners were killed in Carrow on Friday.")
    assert figure.place == "carrow"


def test_a_toll_is_not_split_by_where_the_dead_were_taken(tmp_path):
    # Only one place is a scope here: the blasts' toll is that place's, and the two clash.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The blasts at the fuel depot killed five people, officials said."]),
        ("2024-05-02", ["Nine people were killed in Carrow when the fuel depot exploded."]),
        ("2024-05-03", ["The remains of nine victims were transferred to a laboratory in "
                        "Lindau."]),
    ])
    [row] = rows_of(digest, "killed")
    assert sorted(c.number for c in row.claims) == [5, 9]


# --- A count changed to a value said before its object (a flood, a stadium crush) ---

@pytest.mark.parametrize("sentence, prop", [
    ("Another body was found on Monday, raising to 13 the number of people dead.", "killed"),
    ("The flood brought to 40 the number of people evacuated from the valley.", "evacuated"),
    ("The crush pushed to 85 the number of injured at the stadium.", "injured"),
])
def test_a_count_changed_to_a_value_before_its_object(sentence, prop):
    [figure] = counts(sentence)
    assert (figure.prop, figure.nouns) == (prop, ("people",))


def test_a_changed_count_of_no_said_fate_is_no_toll():
    [figure] = counts("It brought to 40 the number of victims of the crush at the stadium.")
    assert figure.prop == ""


def test_a_count_changed_before_its_object_joins_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The stadium crush killed nine people, police said."]),
        ("2024-05-04", ["Another victim died in hospital on Monday, raising to 13 the number "
                        "of people dead after the stadium crush."]),
    ])
    [row] = rows_of(digest, "killed")
    assert sorted(c.number for c in row.claims) == [9, 13]


# --- Lives put in danger are no toll (a dam, a chemical plant) ---

@pytest.mark.parametrize("sentence", [
    "The dam operator was accused of endangering hundreds of lives downstream.",
    "Inspectors said the plant had been risking 40 lives a shift for years.",
])
def test_lives_put_in_danger_are_no_toll(sentence):
    [figure] = counts(sentence)
    assert figure.prop == "risk"


def test_lives_claimed_are_still_a_toll():
    [figure] = counts("The dam failure claimed 40 lives downstream.")
    assert figure.prop == "killed"
