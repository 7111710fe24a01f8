"""Figure frames for three kinds of statement: a floor written after the figure ("150-plus"),
a distance whose place is named in an appositive, and counts listed in an inventory of
what is at hand. Invented sentences, from other kinds of stories than the clusters that
showed the miss (a landslide, a shipwreck)."""

import math

import pytest
from figure_helpers import analysed, one

from site_builder.analyze.disagreements import conflicting
from site_builder.analyze.frames import find_figures

# --- "150-plus": a floor, as "at least" says ---


@pytest.mark.parametrize("sentence", [
    "Stewards said 300-plus fans were ejected from the stadium.",
    "Stewards said 300+ fans were ejected from the stadium.",
])
def test_a_plus_after_the_figure_is_a_floor(sentence):
    f = one(sentence)
    assert (f.value, f.hedge, f.high) == (300, "least", math.inf)
    assert f.unit == "fan"


def test_a_floor_written_after_clashes_with_a_smaller_figure():
    a = one("Stewards said 300-plus fans were ejected from the stadium.")
    b = one("Stewards said 120 fans were ejected from the stadium.")
    assert conflicting(a, b)
    assert not conflicting(a, one("Stewards said 340 fans were ejected from the stadium."))


def test_a_plus_is_no_model_number():
    # A designation with a letter suffix stays no figure; a score is none either.
    assert find_figures("The club bought a 737-9 for the tour.") == []


# --- A distance's place in an appositive ---

def test_a_distance_from_a_place_named_after_its_kind():
    f = one("The quarry lies some 90 km east of the regional capital, Varnholt, in hill country.")
    assert (f.prop, f.thing) == ("distance", "varnholt"[:6])


def test_a_distance_off_a_place_named_before_its_appositive():
    f = one("Ferries sail from Kesmar, the island's main port some 30 km away, at dawn.")
    assert (f.prop, f.thing) == ("distance", "kesmar")


def test_distances_from_two_appositive_places_are_not_compared():
    # Ten times apart, and from two places: one from the capital, one from a port.
    a = one("The quarry lies some 300 km east of the capital, Varnholt, in hill country.")
    b = one("Ferries sail from Kesmar, the island's main port some 30 km away, at dawn.")
    assert not conflicting(a, b)


def test_a_clause_after_the_comma_names_no_place():
    f = one("The convoy was seen 80 km from the capital, according to Ostrel, a news channel.")
    assert f.thing == ""


# --- Counts listed in an inventory of kinds of thing ---

def test_inventories_of_two_moments_are_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Four fire engines, a ladder truck, nine ambulances and a police "
                        "helicopter stood by at the Delmore stadium on Friday."]),
        ("2024-05-03", ["A ladder truck, three ambulances and two fire engines remain at "
                        "the Delmore stadium."]),
    ])
    assert not [d for d in digest.disagreements if d.unit in ("ambul", "engin", "ambulance")]


def test_counts_outside_a_list_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Organisers said nine ambulances were sent to the Delmore stadium."]),
        ("2024-05-02", ["Organisers said three ambulances were sent to the Delmore stadium."]),
    ])
    assert [d for d in digest.disagreements if "ambulances" in d.claims[0].value]


def test_a_total_broken_down_after_a_colon_is_no_inventory(tmp_path):
    # The parts of "eight boats: ..." say what the total says (the storm sank them).
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The storm sank eight boats in Porto Vell harbour: one ferry, two "
                        "trawlers and five yachts."]),
        ("2024-05-02", ["The storm sank six trawlers in Porto Vell harbour, the port said."]),
    ])
    assert [d for d in digest.disagreements if "trawlers" in d.claims[0].value]


# --- Head nouns of one kind of counted thing ---

@pytest.mark.parametrize(("a", "b"), [
    ("Some 3,000 troops were deployed to the border.", "About 7,500 soldiers were deployed."),
    ("More than 40 vessels were stuck outside the harbour.", "Some 90 ships were stuck."),
    ("Seven planes were grounded at Ostra airport.", "Twelve aircraft were grounded."),
])
def test_nouns_of_one_kind_are_one_frame(a, b):
    assert conflicting(one(a), one(b))


def test_homes_and_houses_are_not_one_kind():
    # A home may be a flat; a house may hold several homes.
    a = one("About 2,000 homes were flooded in the valley.")
    b = one("Some 5,000 houses were flooded in the valley.")
    assert not conflicting(a, b)


# --- The age of one person named by a role ---

@pytest.mark.parametrize(("a", "b"), [
    ("The gunman, 22, was arrested outside the mall.", "The 25-year-old gunman was arrested."),
    ("Police said the driver, 52, was unhurt.", "The 57-year-old driver was charged."),
])
def test_the_age_of_a_person_named_by_a_role(a, b):
    fa, fb = one(a), one(b)
    assert fa.dimension == fb.dimension == "age"
    assert conflicting(fa, fb)


@pytest.mark.parametrize("sentence", [
    "A 25-year-old man was arrested.",  # anyone: no one person
    "The 19-year-old students were sent home.",  # several
])
def test_an_age_of_no_one_person_has_no_thing(sentence):
    assert one(sentence).thing == ""


def test_two_roles_are_two_people():
    assert not conflicting(one("The gunman, 22, was arrested."),
                           one("The 45-year-old guard was wounded."))


# --- What a size qualifies, a verb after it set aside ---

def test_a_verb_after_the_qualified_noun_is_not_the_thing():
    wave = one("A 25-metre wave hit the coast.")
    assert wave.thing == one("The 40-metre wave swept the harbour.").thing == "wave"
    assert conflicting(wave, one("The 40-metre wave swept the harbour."))


# --- Cues: power lost, what a craft carries, how deep it went ---

def test_losing_power_is_being_without_it():
    a = one("Some 2 million people lost power across the state.")
    b = one("About 800,000 people were without power across the state.")
    assert a.prop == b.prop == "affected"
    assert conflicting(a, b)


def test_what_a_craft_carries_is_who_is_aboard():
    a = one("The ferry was carrying 40 migrants when it capsized.")
    b = one("The ferry had 75 migrants on board.")
    assert a.prop == b.prop == "aboard"
    # Only a figure right after the verb: "tankers carrying crude" are not aboard anything.
    [tankers, _] = find_figures("Ten tankers carrying about 13 million barrels of crude waited.")
    assert tankers.prop == ""


def test_going_down_to_a_figure_is_a_depth():
    a = one("The submersible dived to 3,800 metres before contact was lost.")
    b = one("The wreck lies at a depth of 2,500 metres.")
    assert a.prop == b.prop == "depth"
    assert conflicting(a, b)


# --- A queue held up by a blockage moves either way ---

def test_a_queue_reported_on_several_days_is_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-07-02", ["About 150 trucks were stuck at the Brennar pass on Tuesday."]),
        ("2024-07-04", ["Some 600 trucks were waiting at the Brennar pass, police said."]),
        ("2024-07-06", ["The backlog at the Brennar pass fell to 220 trucks."]),
    ])
    [row] = [d for d in digest.disagreements if "trucks" in d.claims[0].value]
    assert row.kind == "update"
    assert [c.value for c in row.claims] == ["About 150 trucks", "Some 600 trucks", "220 trucks"]


# --- A range and an "up to" each state how far a figure reaches ---

@pytest.mark.parametrize(("a", "b", "kind"), [
    ("After the avalanche, snow lay 2 to 3 metres deep on the road.",
     "Snow lay up to 5 metres deep on the road.", "differs"),
    ("After the avalanche, snow lay 2 to 5 metres deep on the road.",
     "Snow lay up to 5 metres deep on the road.", "compatible"),
    ("The regulator may impose a fine of €2 million to €3 million.",
     "The regulator may impose a fine of up to €8 million.", "differs"),
])
def test_a_range_and_an_upper_bound_differ_by_their_tops(a, b, kind):
    from site_builder.analyze.disagreements import relation

    assert relation(one(a), one(b)) == kind


# --- "The count had reached N": the count of a sentence before ---

def test_a_count_referred_back_to_counts_what_was_counted_before(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-09", ["Police said 120 fans had been arrested outside the Varlo stadium by "
                        "nine. By midnight the tally had risen to 180."]),
        ("2024-03-09", ["Police said 95 fans were arrested outside the Varlo stadium."]),
    ])
    values = {c.value for d in digest.disagreements for c in d.claims}
    assert "180" in values


def test_a_count_referred_back_to_nothing_is_no_figure_to_compare(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-09", ["By midnight the tally had risen to 180, officials at the Varlo "
                        "stadium said."]),
        ("2024-03-09", ["By midnight the tally stood at 40, officials at the Varlo stadium "
                        "said."]),
    ])
    assert digest.disagreements == []


# --- One day's clashing figures inside an update ---

def test_two_sources_clashing_on_one_day_of_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-12-20", ["About 800 travellers were stranded at Orlen airport on Friday."]),
        ("2024-12-21", ["Some 2,000 travellers were stranded at Orlen airport."]),
        ("2024-12-21", ["The airport said 3,500 travellers were stranded at Orlen airport."]),
    ])
    rows = [d for d in digest.disagreements if "travellers" in d.claims[0].value]
    assert sorted(d.kind for d in rows) == ["contradicts", "update"]
    [clash] = [d for d in rows if d.kind == "contradicts"]
    assert {c.value for c in clash.claims} == {"Some 2,000 travellers", "3,500 travellers"}


def test_two_tolls_of_one_day_inside_an_update_are_not_split_off(tmp_path):
    # A toll moves by the hour on the first day: a morning and an evening report both hold.
    digest = analysed(tmp_path, [
        ("2024-12-20", ["The collapse of the Orlen stand killed 12 people, police said."]),
        ("2024-12-21", ["The collapse of the Orlen stand killed 31 people, police said."]),
        ("2024-12-21", ["The collapse of the Orlen stand killed 40 people, police said."]),
    ])
    rows = [d for d in digest.disagreements if "people" in d.claims[0].value]
    assert [d.kind for d in rows] == ["update"]
