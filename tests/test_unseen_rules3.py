"""Statement kinds met on real coverage of a hotel fire, a factory fire and landslides
the clusters lack; the text here is invented, from other kinds of story (mines, ferries,
stadiums, trains, libraries)."""

from figure_helpers import analysed, one

from site_builder.analyze.disagreements import frame_keys, relation
from site_builder.analyze.frames import DIED_IN_AN_ACT, KIN, find_figures


def _rows(digest) -> list[list[float]]:
    return sorted(sorted(c.number for c in row.claims) for row in digest.disagreements)


# --- A group told by where its people come from is a part of a whole naming none ---

def test_a_group_by_origin_is_no_rival_of_the_whole(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-02", ["The collapse killed 30 mostly Bolivian miners, the company said."]),
        ("2026-03-02", ["Among those killed, 12 Peruvian miners were named by the union."]),
        ("2026-03-03", ["Investigators asked whether the 9 foreign workers had been trained."]),
        ("2026-03-03", ["At least 31 workers died in the collapse, officials said."]),
    ])
    assert all(12 not in row and 9 not in row for row in _rows(digest))


def test_two_counts_of_one_origins_dead_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-02", ["Among the dead were 12 Peruvian miners, the consulate said."]),
        ("2026-03-03", ["Authorities said that among the deceased, there were 14 Peruvian "
                        "miners and two South African engineers."]),
    ])
    assert [12, 14] in _rows(digest)


def test_a_two_word_demonym_marks_a_group_too(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-02", ["The derailment killed 40 passengers, the railway said."]),
        ("2026-03-02", ["Among the dead were 3 South African passengers."]),
    ])
    assert all(3 not in row for row in _rows(digest))


# --- Counts picked out of the harmed by a clause that opens "among the dead" ---

def test_among_the_dead_gives_each_count_the_harm():
    men, women = find_figures("The coast guard said that among the dead are 40 men and "
                              "12 women.")
    assert men.prop == women.prop == "killed"


def test_that_number_means_the_sentences_first_tally_not_a_breakdowns_part(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-01", ["Divers have recovered 60 bodies from the ferry, and among the dead "
                        "are 40 men and 20 women. That number has now risen to more than 80."]),
        ("2026-08-01", ["Among the dead were 22 women, the harbour master said."]),
    ])
    women = [row for row in _rows(digest) if 20 in row]
    assert women == [[20, 22]]


# --- How badly the hurt are hurt, said after them ---

def test_injuries_degree_after_the_count_is_its_property(tmp_path):
    figures = find_figures("Nine were killed, with three seriously injured and seven others "
                           "suffering minor injuries.")
    assert [f.prop for f in figures] == ["killed", "serious", "minor"]
    assert one("Forty fans were treated for minor burns.").prop == "minor"
    digest = analysed(tmp_path, [
        ("2026-05-10", ["The stand collapse hurt ten fans, three seriously and seven with "
                        "minor injuries."]),
        ("2026-05-10", ["The stand collapse injured ten people, the club said."]),
    ])
    assert digest.disagreements == []


# --- A cue denied, a speaker's kin, a separate event, the dead of one act ---

def test_a_denied_cue_is_no_property_of_the_count():
    figures = find_figures("Officials put the toll of the derailment at 90, a figure that "
                           "includes 14 people who had not been on board.")
    assert [f.prop for f in figures if f.value == 14] == [""]
    figures = find_figures("Officials put the toll of the derailment at 90, a figure that "
                           "includes 14 people who had been on board.")
    assert [f.prop for f in figures if f.value == 14] == ["aboard"]


def test_a_count_said_with_the_speakers_own_kin_is_one_familys():
    f = one('"We have found 3 bodies but not my brother\'s," the fisherman said.')
    assert f.thing == KIN and frame_keys(f) == []
    assert frame_keys(one("Rescuers found 3 bodies near the pier."))  # the story's own


def test_a_count_of_a_separate_event_is_left_out(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-07-04", ["The stadium crush injured 20 people. In a separate accident on the "
                        "ring road, six people were injured."]),
        ("2026-07-04", ["The stadium crush injured 20 people, the city said."]),
    ])
    assert digest.disagreements == []


def test_a_separate_statement_is_the_same_story_told_again(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-07-04", ["The stadium crush injured 20 people, the city said."]),
        ("2026-07-04", ["The ministry said in a separate statement that 31 people were "
                        "injured in the crush."]),
    ])
    assert [20, 31] in _rows(digest)


def test_the_dead_of_one_act_are_some_of_the_dead(tmp_path):
    f = one("Police said at least three people died trying to escape by jumping from the "
            "stands.")
    assert f.prop == DIED_IN_AN_ACT
    digest = analysed(tmp_path, [
        ("2026-07-04", ["The crush killed 12 people."]),
        ("2026-07-04", ["At least three people died trying to escape by jumping from the "
                        "stands."]),
    ])
    assert digest.disagreements == []


# --- Two rounded floors; a toll the report dates to a past day ---

def test_two_rounded_floors_a_rounding_apart_are_one_bound():
    a = one("More than 34,000 books were stored in the wing.")
    b = one("Over 35,000 books were stored in the wing.")
    assert relation(a, b) == "compatible"
    assert relation(one("More than 3,000 books burned."), one("More than 7,000 books burned.")) \
        == "differs"
    assert relation(one("At least 49 people died."), one("At least 50 people died.")) != \
        "compatible"  # exact counts a unit apart are two counts


def test_a_toll_dated_to_a_past_day_is_no_internal_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-04", ["The toll from the ferry sinking has risen to 57, the agency said.",
                        "The toll stood at 41 on Monday, according to the coast guard."]),
    ])
    assert not any("within one report" in row.about for row in digest.disagreements)
