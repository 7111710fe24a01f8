"""Figure frames, round 12: kinds of statement the fire and air-crash clusters missed
(a group of people among the dead, the number of X at N, survivors, an earlier count a
sentence sets before a later one, a denied state, a census-dated population). Every rule
is tried on invented text from another kind of story (a mine, a ferry, a stadium, a
factory, a bus crash)."""

from figure_helpers import analysed, one

from site_builder.analyze.frames import NATIONALS, find_figures


def test_a_group_named_by_a_capitalised_plural_is_counted_as_that_group():
    # A group by what it belongs to: counted as that group, no count of people in general.
    f = one("At least 24 Malayalis were among the dead after the mine flooded.")
    assert (f.value, f.hedge, f.prop, f.nouns) == (24, "least", "killed", ("malayali",))
    assert one("Nine Rotarians were among the injured on the ferry.").nouns == ("rotarian",)
    # A country's people: people, placed in their country, and marked as its nationals.
    g = one("At least 12 Peruvians were among the dead after the mine flooded.")
    assert (g.prop, g.nouns, g.place, g.thing) == ("killed", ("people",), "peru", NATIONALS)
    assert one("The bus carried the bodies of 14 Bolivian victims home.").thing == NATIONALS
    # Words for people with no group name keep counting people in general.
    assert one("The bus carried the bodies of 14 victims home.").thing == "people"
    # A capitalised plural that qualifies a noun is no group: the noun is counted.
    assert one("The band played 3 Beatles songs at the stadium.").nouns[-1] == "song"


def test_a_group_holding_a_share_of_a_toll_is_counted_as_that_group():
    [part, whole] = find_figures("Chileans accounted for 12 of the 30 miners killed in the "
                                 "collapse.")
    assert (part.value, part.prop, part.thing, part.place) == (12, "killed", NATIONALS, "chile")
    assert (whole.value, whole.prop, whole.nouns) == (30, "killed", ("miner",))
    club = one("Rotarians accounted for 12 of the dead.")
    assert (club.prop, club.nouns) == ("killed", ("rotarian",))
    # A place holding the share keeps counting people, placed by its subject.
    g = one("Harlan County accounts for 96 of the dead.")
    assert (g.prop, g.nouns) == ("killed", ("people",))


def test_the_number_of_a_group_at_a_figure_counts_that_group_in_the_state_said():
    f = one("The operator put the number of survivors at 32.")
    assert (f.value, f.prop, f.nouns) == (32, "survived", ("people",))
    g = one("The union put the number of miners trapped at 14.")
    assert (g.prop, g.nouns) == ("trapped", ("miner",))
    h = one("The ferry company put the number of passengers hurt at 14.")
    assert (h.prop, h.nouns) == ("injured", ("passeng",))
    [_, k] = find_figures("Local radio put the number of Turkish workers among the 30 dead "
                          "at 11.")
    assert (k.value, k.prop, k.nouns) == (11, "killed", ("turkish", "worker"))
    [_, n] = find_figures("Radio put the number of Peruvian nationals among the 30 dead at 11.")
    assert (n.prop, n.thing, n.place) == ("killed", NATIONALS, "peru")
    # A number of something no state is said of is read as before (no frame from here).
    assert find_figures("Stewards put the number of visitors at 300.") == []


def test_a_countrys_people_among_the_dead_make_their_own_row_apart_from_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-02", ["A blast at the Arvo textile factory killed 49 workers on Friday.",
                        "At least 37 Peruvians were among the dead, their embassy said."]),
        ("2024-03-03", ["Radio put the number of Peruvian nationals among the 49 dead at 41."]),
        ("2024-03-04", ["The factory blast on Friday killed 49 workers.",
                        "Peruvians accounted for 44 of the 49 people killed, officials said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update" and [c.number for c in row.claims] == [37, 41, 44]
    # A country's toll told by the country itself is still its people's.
    told = analysed(tmp_path, [
        ("2025-02-03", ["The landslide killed 11 Peruvian nationals at the mine, the union "
                        "said."]),
        ("2025-02-03", ["Peru reported 14 deaths from the landslide at the mine."]),
    ])
    assert [sorted(c.number for c in r.claims) for r in told.disagreements] == [[11, 14]]


def test_survivors_are_people_and_their_count_moves_either_way(tmp_path):
    assert one("Rescuers found at least six survivors in the hull.").nouns == ("people",)
    digest = analysed(tmp_path, [
        ("2024-05-01", ["The ferry capsized off the cape on Tuesday. Coastguards said 28 "
                        "people had survived."]),
        ("2024-05-02", ["Twenty-nine people survived Tuesday's capsizing of the ferry off "
                        "the cape, the coastguard said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"


def test_an_earlier_count_the_sentence_sets_before_a_later_one_is_an_update(tmp_path):
    # Told in the past perfect by a verb of reporting, the same day as the later figure.
    digest = analysed(tmp_path, [
        ("2024-07-14T20:00", ["At least 31 people died in the stadium crush, the ministry "
                              "confirmed on Sunday evening. In the morning the mayor had "
                              "spoken of 22 dead."]),
        ("2024-07-14T21:00", ["The stadium crush killed 31 people, officials said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"
    # Reported speech in the past perfect tells what stood when they spoke.
    speech = analysed(tmp_path, [
        ("2024-07-14", ["Stewards at the stadium said they had counted 22 dead."]),
        ("2024-07-14", ["The stadium crush killed 31 people, officials said."]),
    ])
    assert [r.kind for r in speech.disagreements] == ["contradicts"]
    # A count still moving when it was given ("the number kept rising").
    moving = analysed(tmp_path, [
        ("2024-09-03T18:00", ["By noon rescuers at the pit were counting more than 15 dead; "
                              "the number kept rising as they went deeper."]),
        ("2024-09-03T22:00", ["The mine disaster killed 27 people, the operator said."]),
    ])
    assert [r.kind for r in moving.disagreements] == ["update"]


def test_an_earlier_count_is_no_clash_within_one_report(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-07-14T20:00", ["Fire swept the factory on Sunday, killing 31 people.",
                              "At a news conference at noon the governor had given a toll of "
                              "22 dead."]),
    ])
    assert not [r for r in digest.disagreements if "within one report" in r.about]


def test_a_denied_state_is_no_property():
    f = one("The toll includes 33 people who had not been on board the ferry.")
    assert f.prop != "aboard"
    assert one("Twelve workers were not injured.").prop == ""
    # A cue that itself says "not" keeps its meaning.
    assert one("Six hikers have not been found.").prop == "missing"


def test_a_population_dated_by_a_census_is_the_population_still(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-17", ["The flood hit Varna Vale, a town of 30,000 inhabitants, on Sunday."]),
        ("2025-03-18", ["Varna Vale, a town of 24,632 people according to the 2021 census, "
                        "was cut off by the flood on Sunday."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [24632, 30000]


def test_how_many_were_there_is_told_by_a_crowd_noun_or_a_verb_of_cramming(tmp_path):
    assert one("A crowd of about 40,000 watched the final at the stadium.").prop == "present"
    assert one("Stewards put the audience at about 9,000.").prop == "present"
    assert one("About 600 worshippers were packed into the chapel.").prop == "present"
    # A crowd named beside another figure gives that figure no property.
    assert one("The crowd chanted as 12 people were arrested.").prop == "arrested"
    digest = analysed(tmp_path, [
        ("2024-06-01", ["A crowd of about 1,500 was inside the ferry terminal when the roof "
                        "fell in."]),
        ("2024-06-02", ["Police put the crowd inside the ferry terminal at about 500 when the "
                        "roof fell in."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [500, 1500]


def test_a_countrys_passengers_are_its_people_aboard(tmp_path):
    f = one("The ferry's manifest listed 37 Chilean passengers.")
    assert (f.prop, f.thing, f.place) == ("aboard", NATIONALS, "chile")
    assert one("The ferry carried 120 passengers.").thing != NATIONALS
    digest = analysed(tmp_path, [
        ("2024-04-09", ["The ferry carried 120 passengers, among them 37 Chilean passengers."]),
        ("2024-04-10", ["Among the passengers on the ferry were 42 Chileans and 30 Bolivians."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [37, 42]


def test_the_buried_are_a_count_of_the_dead_that_only_grows(tmp_path):
    assert one("Villagers said 96 people had been buried in the valley so far.").prop == "buried"
    [dead, buried] = find_figures("The quake killed 310 people, 200 of them already buried.")
    assert (dead.prop, buried.prop, buried.value) == ("killed", "buried", 200)
    # Only a part of the dead is buried: a part of those arrested is no burial count.
    assert [f.prop for f in find_figures("Police arrested 40 people, 12 of them already "
                                         "buried in paperwork.")] == ["arrested"]
    digest = analysed(tmp_path, [
        ("2024-02-10", ["The quake killed 310 people, 200 of them already buried."]),
        ("2024-02-13", ["Officials said 260 people had been buried in the valley so far."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update" and [c.number for c in row.claims] == [200, 260]


def test_a_toll_listed_beside_the_lightly_hurt_is_still_the_toll(tmp_path):
    # "and 246 with less serious injuries" lists another statistic, no other group of the
    # dead ("less" is no plural noun); "and 30 crew" is another group.
    digest = analysed(tmp_path, [
        ("2024-05-05", ["The coastguard confirmed 11 deaths, nine people in critical condition "
                        "and 246 with less serious injuries after the ferry fire."]),
        ("2024-05-05", ["The ferry fire killed 16 people, the coastguard said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [11, 16]
