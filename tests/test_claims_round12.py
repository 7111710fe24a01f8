"""Round-twelve rules for the rows the figure comparison makes (which figures share a row,
and how it is labelled), each on invented text of a kind of story other than the fire and
air-crash clusters that showed the miss (mines, ferries, stadiums, depots, buses ...)."""

from __future__ import annotations

from figure_helpers import analysed


def _rows(digest, word: str = ""):
    return [d for d in digest.disagreements if word in d.about]


def _values(row) -> set[str]:
    return {c.value for c in row.claims}


# --- A report's own earlier count ---

def test_a_morning_briefings_toll_told_as_such_makes_an_update(tmp_path):
    # A mine collapse: the governor's morning figure, told in the past perfect, is the
    # count the evening's overtook, not a rival of it; nor a clash inside the report.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Rescuers said 23 people were killed when a gallery collapsed at "
                        "the Tarsk pit."]),
        ("2024-05-02", ["At least 23 people died in the collapse, the mines ministry said "
                        "in the evening.",
                        "In the morning, the regional governor had spoken of 17 dead."]),
    ])
    [row] = _rows(digest, "killed")
    assert row.kind == "update"
    assert row.claims[0].value == "17 dead"
    assert not _rows(digest, "within one report")


def test_a_count_the_sentence_says_kept_rising_is_an_earlier_one(tmp_path):
    # A ferry capsizing: "the number kept rising" tells the 12 as an early count.
    digest = analysed(tmp_path, [
        ("2024-08-10", ["The coast guard said 31 people were killed when the ferry "
                        "capsized."]),
        ("2024-08-10", ["By noon divers had counted more than 12 dead; the number kept "
                        "rising as they reached the lower deck."]),
    ])
    [row] = _rows(digest, "killed")
    assert row.kind == "update" and row.claims[0].value == "more than 12 dead"


def test_two_reports_of_one_day_without_an_earlier_mark_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Rescuers said 23 people were killed when a gallery collapsed at "
                        "the Tarsk pit."]),
        ("2024-05-02", ["The regional governor said 17 people were killed in the "
                        "collapse."]),
    ])
    [row] = _rows(digest, "killed")
    assert row.kind == "contradicts"


# --- One report's two tolls ---

def test_a_bound_that_misses_the_reports_own_count_by_a_hair_clashes(tmp_path):
    # A stadium crush: "at least 40 dead" up top, "39 dead" lower down.
    digest = analysed(tmp_path, [
        (None, ["At least 40 people are dead after the crush at the Varno stadium.",
                "Fans laid flowers at the gates through the afternoon.",
                "The police's official count stands at 39 dead."]),
    ])
    [row] = _rows(digest, "within one report")
    assert [c.number for c in row.claims] == [40, 39] and row.kind == "contradicts"


def test_a_bound_far_from_the_reports_other_count_is_no_clash(tmp_path):
    # A flood: "at least 52" over the region, "43" further down: another scope, likely.
    digest = analysed(tmp_path, [
        ("2024-07-06", ["At least 52 people have died in the floods, officials said.",
                        "Rescuers searched the riverbanks through the night.",
                        "The regional office said 43 people had died."]),
    ])
    assert not _rows(digest, "within one report")


def test_two_whole_counts_a_unit_apart_in_one_report_clash(tmp_path):
    # A depot explosion: 31 in the lead, "each of the 30 dead" later in the report.
    digest = analysed(tmp_path, [
        ("2024-02-11", ["The depot explosion has now claimed 31 lives after a worker died "
                        "in hospital, the labour minister said.",
                        "The minister said the government had ordered a payment for each "
                        "of the 30 dead."]),
    ])
    [row] = _rows(digest, "within one report")
    assert len(row.claims) == 2


# --- Which figures share a row ---

def test_a_toll_whose_sentence_sets_the_event_in_a_place_joins_that_places_toll(tmp_path):
    # A depot explosion: one report names the town and its region before the toll (the
    # frame cannot tell which is the toll's), the next gives the toll with the town; a day
    # later the count has moved: an update of the town's toll.
    digest = analysed(tmp_path, [
        ("2024-02-10", ["After searching a fertiliser depot in Dovre, a port in western "
                        "Norland, rescuers said the toll had reached 17."]),
        ("2024-02-11", ["The blast has now killed 18 people in Dovre, the governor said.",
                        "Across Norland, 40 people were treated in hospital."]),
    ])
    [row] = _rows(digest, "killed")
    assert row.kind == "update" and [c.value for c in row.claims] == ["17", "18 people"]


def test_a_nationalitys_count_is_no_rival_of_everyone_aboard(tmp_path):
    # A ferry: 37 of one nationality among 62 passengers.
    digest = analysed(tmp_path, [
        ("2024-04-01", ["The ferry had 62 passengers and five crew members on board."]),
        ("2024-04-02", ["Of the 37 Kenyan passengers, 20 were rescued."]),
    ])
    assert not [r for r in digest.disagreements if "on board" in r.about]


def test_people_counted_by_what_did_not_befall_them_are_no_count_of_it(tmp_path):
    # A train derailment: the toll includes people who were not on board.
    digest = analysed(tmp_path, [
        ("2024-06-01", ["There were 240 people on board the train."]),
        ("2024-06-02", ["The toll of 96 includes 12 people who had not been on board, "
                        "officials said."]),
    ])
    assert not [r for r in digest.disagreements if "on board" in r.about]


def test_survivor_counts_that_rise_over_days_are_an_update(tmp_path):
    # A bus plunge: survivors found alive over two days.
    digest = analysed(tmp_path, [
        ("2024-09-01", ["Police said 14 people survived when the bus plunged into the "
                        "gorge."]),
        ("2024-09-02", ["Fifteen people survived the plunge, the district chief said."]),
    ])
    [row] = _rows(digest, "surviv")
    assert row.kind == "update"


# --- When the vehicle set out ---

def test_a_ferrys_departure_told_at_two_times_is_a_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-08-10", ["The ferry left Port Aven at 6.10pm local time with 300 people on "
                        "board."]),
        ("2024-08-10", ["According to the operator, the vessel departed at 6:25 p.m."]),
    ])
    [row] = _rows(digest, "departed")
    assert len(row.claims) == 2 and row.kind == "contradicts"


def test_compatible_departure_times_are_no_row(tmp_path):
    # "about 6 p.m." allows 6:10.
    digest = analysed(tmp_path, [
        ("2024-08-10", ["The ferry left Port Aven at 6.10pm local time."]),
        ("2024-08-10", ["The vessel departed at about 6 p.m., the operator said."]),
    ])
    assert not _rows(digest, "departed")


def test_two_vehicles_or_two_days_are_two_departures(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-08-10", ["The ferry left Port Aven at 6.10pm on Friday.",
                        "A rescue helicopter took off at 9:40 p.m."]),
        ("2024-08-12", ["The repaired ferry left Port Aven again at 8:15 a.m. on Sunday."]),
    ])
    assert not _rows(digest, "departed")


def test_a_vehicle_leaving_the_road_or_the_rails_is_no_departure(tmp_path):
    # A derailment: "left the tracks at 8:55 p.m." is the mishap, not when it set out.
    digest = analysed(tmp_path, [
        ("2024-03-02", ["The train departed Halden at 6:40 p.m. with 212 people aboard."]),
        ("2024-03-02", ["The train left the tracks at 8:55 p.m. near a river crossing."]),
    ])
    assert not _rows(digest, "departed")
