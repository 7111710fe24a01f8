"""Figure frames, round 10: kinds of statement that the flood, runway-collision and
earthquake clusters missed or misread. Every rule is tried on invented text from another
kind of story (mines, ferries, storms, rail, stadiums, fires)."""

from figure_helpers import analysed, one

from site_builder.analyze.disagreements import _alone, _listed_part
from site_builder.analyze.frames import BACK, find_figures
from site_builder.ingest.bylines import dateline_stamp


def test_a_possessive_place_of_several_words_owns_the_toll():
    f = one("Rescuers raised Harlan County's death toll to 12 on Monday.")
    assert (f.prop, f.place, f.value) == ("killed", "harlan", 12)


def test_a_part_of_a_total_takes_the_place_said_with_it():
    whole, part = find_figures("The governor gave a statewide toll of 58 dead, 31 of them in "
                               "Brook County.")
    assert whole.place == "*statewide"
    assert (part.value, part.prop, part.place) == (31, "killed", "brook")


def test_a_place_share_of_the_dead_is_that_place_toll(tmp_path):
    f = one("Marsh County accounts for 40 of the dead, officials said.")
    assert (f.dimension, f.prop, f.place, f.value) == ("count", "killed", "marsh", 40)
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Marsh County accounts for 40 of the dead, officials said."]),
        ("2024-05-02", ["Marsh County's toll from the tornado was 44, the sheriff said."]),
    ])
    assert any(d.kind == "contradicts" and {c.number for c in d.claims} == {40, 44}
               for d in digest.disagreements)


def test_a_part_of_them_is_no_age():
    figures = find_figures("The stadium crush left 80 injured, 12 of them children.")
    assert all(f.dimension != "age" for f in figures)
    assert one("Ana Ruiz, 34, of Lund, was hurt.").dimension == "age"


def test_a_verb_of_changing_it_refers_back_to_a_count():
    f = one("By midnight the mine's owners had raised it to 14.")
    assert f.unit == BACK and f.value == 14


def test_people_sought_are_missing():
    assert one("Divers were still searching for four fishermen off the cape.").prop == "missing"
    assert one("Officials said 11 climbers could not be found.").prop == "missing"
    assert one("Crews are looking for six hikers on the ridge.").prop == "missing"


def test_either_of_two_fates_is_neither_fate(tmp_path):
    assert one("At least 30 people were killed or injured in the blast.").prop == \
        "injured|killed"
    digest = analysed(tmp_path, [
        ("2024-05-02", ["At least 30 people were killed or injured in the blast."]),
        ("2024-05-02", ["The blast killed 12 people, the fire service said."]),
    ])
    assert not digest.disagreements


def test_a_rescue_credited_to_one_rescuer_is_its_share(tmp_path):
    assert one("The Coast Guard rescued 40 people from the ferry.").prop == \
        "rescued by coast guard"
    assert one("Crews rescued 30 people from rooftops.").prop == "rescued"  # a kind of rescuer
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Coast Guard rescued 40 people from the ferry."]),
        ("2024-05-03", ["More than 90 people were rescued from the ferry, officials said."]),
    ])
    assert not digest.disagreements


def test_a_part_of_a_count_that_met_a_harm_counts_what_the_count_counts():
    whole, part = find_figures("About 200 pilgrims were in the hall, and 35 of them were hurt "
                               "when the roof fell.")
    assert (part.unit, part.prop, part.value) == (whole.unit, "injured", 35)


def test_a_tally_of_a_named_kind_of_people_in_a_state():
    f = one("The operator put the number of passengers hurt at 9.")
    assert (f.prop, f.value) == ("injured", 9) and f.unit.startswith("passeng")
    f = one("The minister cut the injured figure to just over 300.")
    assert (f.unit, f.prop, f.hedge) == ("people", "injured", "just")
    f = one("Officials put the number of homes destroyed at nearly 900.")
    assert (f.prop, f.hedge) == ("damage", "nearly")


def test_services_called_off_are_a_property(tmp_path):
    assert one("The rail operator scrapped 120 trains on Friday.").prop == "cancelled"
    digest = analysed(tmp_path, [
        ("2024-01-05", ["The airline said it would cancel 65 flights at Brenn."]),
        ("2024-01-05", ["The airline cancelled 90 flights at Brenn because of the snow."]),
    ])
    assert any(d.kind == "contradicts" and "cancelled" in d.about for d in digest.disagreements)


def test_travellers_affected_are_not_those_aboard():
    figures = find_figures("The strike grounded 40 flights, affecting roughly 9,000 passengers.")
    assert figures[-1].prop == "affected"
    assert one("The ferry carried 367 passengers.").prop == "aboard"


def test_groups_from_different_origins_are_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Six engineers from the Rail Safety Board walked the track."]),
        ("2024-05-02", ["Nine engineers have come from abroad to inspect the track."]),
    ])
    assert not digest.disagreements


def test_a_day_alone_is_no_place_alone():
    text = "On Friday alone the airline scrapped 82 flights."
    assert not _alone(text, one(text))
    text = "The storm killed nine people in Ostra alone."
    assert _alone(text, one(text))


def test_other_statistics_after_a_toll_are_no_group_of_the_dead():
    text = "The ministry counted 300 dead, 900 injured and 1,200 houses destroyed."
    values = find_figures(text)
    assert not _listed_part(text, values[0], values)
    text = "The crash killed all 64 people on the jet and the three soldiers on the helicopter."
    values = find_figures(text)
    assert _listed_part(text, values[0], values)


def test_nights_are_a_duration():
    assert one("Families slept in their cars for three nights.").dimension == "duration"


def test_a_place_complement_before_where_places_the_count():
    f = one("The worst-hit suburb was Eastgate, where 6 people were hurt.")
    assert f.place == "eastgate"
    f = one("The hardest-hit area was Kala Jan district, where 40 people died.")
    assert f.place == "kala jan"


def test_a_zone_told_by_a_place_name_keeps_a_date_line():
    assert dateline_stamp("Published: 8 March 2024, 09:15 (Lagos time)") == \
        ("2024-03-08T09:15", False)


def test_a_harmed_part_is_where_its_whole_is(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["About 60 miners were working in Lund when the shaft flooded, and 12 of "
                        "them were killed."]),
        ("2024-05-02", ["Fifteen miners were killed in Lund, the union said."]),
    ])
    assert any({c.number for c in d.claims} == {12, 15} for d in digest.disagreements)


def test_one_report_crediting_two_givers_with_two_tolls_is_a_clash(tmp_path):
    # A colliery collapse: the ministry's toll and the miners' union's, set side by side.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Mining Ministry said 40 people were killed in the collapse.",
                        "The Miners' Union counted 95 dead, its secretary Ivo Brand said."]),
    ])
    assert any("within one report" in d.about and {c.number for c in d.claims} == {40, 95}
               for d in digest.disagreements)


def test_one_report_with_an_earlier_toll_or_two_places_is_no_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Mining Ministry said 95 people were killed, up from 40 reported by "
                        "the Miners' Union.",
                        "The Red Cross said 40 people were killed in Ostra."]),
    ])
    assert not [d for d in digest.disagreements if "within one report" in d.about]


def test_a_number_and_a_half():
    f = one("The ferry crossing took about eight and a half hours in the storm.")
    assert (f.dimension, f.value, f.hedge) == ("duration", 8.5, "about")
    f = one("Some two and a half million people lost power.")
    assert f.value == 2_500_000 and f.low < 2_500_000 < f.high
