"""Figure frames and rows for kinds of statements that stories the rules were not written
for showed: a journey's planned length and how long it lasted, distances taken from named
places, what an agreement is worth, "nearly", tallies as they stand on the day, a year's own
event, and a toll for several places.
Invented sentences, from other kinds of stories than the clusters that showed the miss."""

import pytest
from figure_helpers import analysed, one

from site_builder.analyze.disagreements import conflicting, relation
from site_builder.analyze.frames import find_figures

# --- A journey's length: one class of journey nouns; planned apart from lasted ---

def test_one_journey_called_by_two_nouns_is_one_frame():
    a = one("The climbers set out on what was planned as a 30-day summit expedition.")
    b = one("The team left base camp for what organisers billed as a 21-day trek.")
    assert (a.prop, a.thing) == (b.prop, b.thing) == ("duration", "journey")
    assert conflicting(a, b)


def test_how_long_a_journey_lasted_is_not_how_long_it_was_planned_to_last():
    ended = one("The frigate docked on Monday, ending a four-month deployment.")
    planned = one("The frigate sailed in May on a planned 30-day deployment.")
    assert ended.prop == "lasted" and planned.prop == "duration"
    assert not conflicting(ended, planned)


def test_a_plan_before_a_bare_duration_is_its_planned_length():
    assert one("The strike at the port was meant to last 10 days.").prop == "duration"


def test_a_length_of_time_of_a_thing_is_not_one_said_of_nothing():
    permit = one("The 45-day fishing permit runs out on Friday.")
    away = one("By then the crew will have been at sea for more than six months.")
    assert not conflicting(permit, away)


# --- A distance is taken from a named place ---

def test_distances_from_two_places_are_not_compared():
    a = one("The landslide buried the road about 40 km north of Tarvin.")
    b = one("The hamlet lies about 8 km from Lodd.")
    assert a.thing != b.thing
    assert not conflicting(a, b)


def test_two_distances_from_one_place_still_conflict():
    a = one("The mine lies 40 km north of Tarvin.")
    b = one("The mine is about 65 km north-east of Tarvin.")
    assert conflicting(a, b)


def test_a_hedged_distance_after_within_is_a_zone():
    # "within about 2 km of": the hedge does not hide that the distance bounds a zone.
    assert one("Homes within about 2 km of the crater were emptied.").prop == "zone"


def test_two_places_of_one_first_word_are_two_places():
    a = one("The farm is 30 km north of New Varno.")
    b = one("The farm is 50 km north of New Lodd.")
    assert not conflicting(a, b)


def test_spellings_of_a_transliterated_place_are_one_place():
    a = one("The camp is 30 km south of Odessa.")
    b = one("The camp is 30 km south of Odesa.")
    assert a.thing == b.thing


def test_a_capital_named_by_its_adjective_is_no_place():
    assert one("The plant stands 120 km east of the Peruvian capital.").thing == ""


# --- What an agreement is worth, whatever word says so ---

def test_a_sum_before_an_agreement_noun_is_its_value():
    a = one("The port won a $3.1 billion fixed-term contract to dredge the channel.")
    b = one("The port signed a dredging contract worth nearly $4bn.")
    assert a.prop == b.prop == "value"
    assert conflicting(a, b)


def test_an_agreement_signed_years_ago_still_states_its_value(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The shipyard won a $3.1 billion contract in 2015 to build the "
                        "Tarvin ferries for the Lodd Ferry Authority."]),
        ("2024-03-03", ["The Lodd Ferry Authority gave the shipyard a contract worth nearly "
                        "$4bn to build the Tarvin ferries."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "USD"]
    assert {c.value for c in row.claims} == {"$3.1 billion", "nearly $4bn"}


# --- "Nearly" stays close below its figure ---

@pytest.mark.parametrize(("stated", "other", "kind"), [
    ("Nearly 5,000 fans were inside the stadium.", "4,200 fans were inside the stadium.",
     "contradicts"),
    ("Nearly 5,000 fans were inside the stadium.", "4,860 fans were inside the stadium.",
     "same"),
])
def test_nearly_reaches_only_a_little_below(stated, other, kind):
    assert relation(one(stated), one(other)) == kind


# --- A count as it stands on the day runs like a toll ---

def test_a_count_given_as_it_stands_then_raised_is_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-02-01", ["Inspectors said the Harle dam now has four cracks in its wall."]),
        ("2024-02-05", ["The Harle dam has seven cracks in its wall, inspectors said."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "crack"]
    assert row.kind == "update"
    assert [c.value for c in row.claims] == ["four cracks", "seven cracks"]


def test_a_count_with_no_sign_of_standing_so_is_still_a_contradiction(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-02-01", ["Inspectors said the Harle dam has four cracks in its wall."]),
        ("2024-02-05", ["The Harle dam has seven cracks in its wall, inspectors said."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "crack"]
    assert row.kind == "contradicts"


# --- "Since 1987, when ...": that year's own event ---

def test_a_figure_of_the_year_a_comparison_names_is_history(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-06-01", ["The stand collapse killed 12 people at the Varno ground on Saturday."]),
        ("2024-06-02", ["It is the worst stadium disaster since 1987, when a terrace at the "
                        "Varno ground gave way and killed more than 60 people."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "people"]


# --- A toll that rises over days stays an update ---

def test_a_later_higher_figure_is_still_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-04-01", ["The mudslide has killed at least 10 people in Tarvin, officials said."]),
        ("2024-04-03", ["The mudslide has killed 18 people in Tarvin, officials said."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "people"]
    assert row.kind == "update"


# --- A toll for several places together ---

@pytest.mark.parametrize("sentence", [
    "The heatwave killed 40 people in Lisbon, Porto, Faro and Braga.",
    "The heatwave has killed at least 40 people in five provinces, officials said.",
])
def test_a_toll_for_places_listed_together_is_their_total(sentence):
    assert find_figures(sentence)[0].place == "*all"


def test_a_toll_for_one_place_keeps_it():
    assert find_figures("The heatwave killed 40 people in Lisbon, officials said.")[0].place \
        == "lisbon"


# --- A small bare count is counted one by one ---

def test_a_small_bare_count_is_not_rounded():
    assert relation(one("The club sent 40 volunteers to the quarry."),
                    one("The club sent 43 volunteers to the quarry.")) == "contradicts"


@pytest.mark.parametrize(("a", "b"), [
    ("The club sent about 40 volunteers to the quarry.", "The club sent 43 volunteers."),
    ("About 4,000 fans were inside the stadium.", "4,300 fans were inside the stadium."),
])
def test_a_hedged_or_large_count_keeps_its_rounding(a, b):
    assert relation(one(a), one(b)) != "contradicts"


# --- A cue word before the counted noun is the noun's job ---

@pytest.mark.parametrize(("sentence", "prop"), [
    ("The province sent 20 rescue divers to the flooded mine.", ""),
    ("The council hired 12 evacuation buses for the festival.", ""),
    ("Twelve injured miners were brought to the surface.", "injured"),
    ("Seven missing climbers were found alive.", "missing"),
])
def test_a_cue_before_the_counted_noun(sentence, prop):
    assert find_figures(sentence)[0].prop == prop


# --- "The number of people known to have died ... rose to 14": a toll ---

@pytest.mark.parametrize(("sentence", "hedge"), [
    ("The number of people known to have died in Varno County rose to 14 on Monday.", "exact"),
    ("The number of people killed by the landslide across the northern provinces passed 300.",
     "lower"),
])
def test_a_number_of_people_with_how_it_is_known_is_a_toll(sentence, hedge):
    [figure] = find_figures(sentence)
    assert (figure.prop, figure.hedge) == ("killed", hedge)


def test_only_a_journey_is_told_apart_as_planned_or_lasted():
    a = one("The boy was found alive after a 12-hour search of the woods.")
    b = one("Volunteers joined a 20-hour search of the woods.")
    assert a.prop == b.prop == "duration"
    assert conflicting(a, b)


# --- Not found yet is missing ---

@pytest.mark.parametrize("sentence", [
    "The mine company says six more workers have not been found.",
    "Four hikers have not yet been found, rangers said.",
    "Eleven fishermen are yet to be found.",
])
def test_people_not_yet_found_are_missing(sentence):
    assert find_figures(sentence)[0].prop == "missing"


# --- A part of a whole named before ("one of them"), brought back into use ---

def test_parts_brought_back_into_use_meet_however_said():
    a = find_figures("Six of the plant's 14 turbines tripped offline in the heat, and "
                     "engineers restarted two of them by noon.")[-1]
    b = find_figures("Four of the turbines were brought back online by noon.")[-1]
    assert a.prop == b.prop == "part" and a.unit == b.unit
    assert conflicting(a, b)


def test_a_bare_part_of_them_that_nothing_is_said_of_is_no_figure():
    assert [f.text for f in find_figures(
        "Six of the plant's turbines tripped offline, and two of them caught fire.")] == []
