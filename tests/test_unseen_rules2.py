"""More statement kinds met on real coverage of stories the clusters lack (a crowd crush,
a quake in hill country, vehicles swept into a river); the text here is invented, from
other kinds of story."""

from figure_helpers import analysed, one

from site_builder.analyze.disagreements import frame_keys
from site_builder.analyze.frames import KIN, SCENE, VEHICLE, find_figures


def _rows(digest) -> list[list[float]]:
    return [sorted(c.number for c in row.claims) for row in digest.disagreements]


# --- One vehicle's load among several, keyed by where it was bound ---

def test_one_vehicles_load_is_keyed_by_where_it_was_bound():
    [f] = find_figures("The two ferries left at dawn; one ferry bound for Tesk had 95 "
                       "passengers on board.")
    assert f.thing == VEHICLE + "tesk" and f.prop == "aboard"
    [f] = find_figures("The ferries involved were a Lark Line ferry carrying 120 passengers "
                       "to Tesk and a cargo barge.")
    assert f.thing == VEHICLE + "tesk"
    [f] = find_figures("The second train, travelling from Ostra to Varno, carried 310 people.")
    assert f.thing == VEHICLE + "varno"
    [f] = find_figures("Another coach had 41 people on board.")
    assert f.thing == VEHICLE and frame_keys(f) == []  # told by nothing: compared with none


def test_the_only_vehicle_a_sentence_tells_of_carries_the_whole_count():
    assert not one("All 240 passengers on a chartered jet escaped down the slides.").thing \
        .startswith(VEHICLE)
    assert not one("The two ferries were carrying 180 passengers.").thing.startswith(VEHICLE)


def test_a_load_of_one_of_several_is_no_rival_of_the_total(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-02", ["Two ferries carrying 180 passengers capsized in the strait."]),
        ("2026-05-02", ["One ferry, bound for Tesk, had 95 passengers on board when it "
                        "capsized."]),
    ])
    assert digest.disagreements == []


def test_two_loads_told_for_the_same_vehicle_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-02", ["A ferry heading to Ostra had 80 people on board and another ferry "
                        "heading to Tesk was carrying 95 people."]),
        ("2026-05-02", ["The ferries involved were a Lark Line ferry carrying 120 passengers "
                        "to Tesk and a small launch."]),
    ])
    assert _rows(digest) == [[95, 120]]
    assert digest.disagreements[0].about.endswith("the one bound for Tesk")


# --- Distances: from the scene, along a river, the reach of a spread, a place before a comma ---

def test_a_distance_downstream_or_from_the_site_is_taken_from_the_scene():
    assert one("The wreckage was found 12 km downstream on Tuesday.").thing == SCENE
    assert one("One body lay about 18 kilometres from the crash site.").thing == SCENE
    f = one("Debris was carried as far as 30 km down the river.")
    assert f.prop == "distance" and f.hedge == "upper" and f.thing not in ("", SCENE)


def test_a_place_named_before_a_comma_is_where_the_distance_is_taken_from():
    assert one("The blast was heard as far as Ostrava, some 300 km away.").thing == "ostrav"
    assert one("It was felt in the capital, Ostrava, more than 450 km away.").thing == "ostrav"
    assert not one("Meanwhile, 20 km away, a second dam held.").thing  # a sentence's opener


def test_distances_from_a_town_from_the_scene_and_a_spreads_reach_stay_apart(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-04-10", ["The chemical plant lies 40 km west of Darnel.",
                        "The first drum was found 12 km downstream."]),
        ("2026-04-10", ["The chemical plant lies about 60 km west of Darnel.",
                        "Drums were washed as far as 30 km down the river."]),
    ])
    assert _rows(digest) == [[40_000, 60_000]]  # metres


# --- Someone's kin, and "several", are not counts of the story ---

def test_a_count_listed_after_a_possessive_is_someones_kin():
    f = one("She had come to the fair with her husband, mother and three children.")
    assert f.thing == KIN and frame_keys(f) == []
    assert frame_keys(one("The landslide killed three children."))  # a count of the story


def test_several_hurt_is_no_rival_of_a_count_of_the_hurt(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-06-01", ["The grandstand collapse killed four people and several others were "
                        "hurt, police said."]),
        ("2026-06-02", ["Officials said 26 people were hurt in the grandstand collapse."]),
    ])
    assert digest.disagreements == []
    dozens = one("Dozens of people were hurt in the crush.")
    assert dozens.prop == "injured" and frame_keys(dozens)  # "dozens" is still a figure


# --- Magnitudes said of many aftershocks, and a pronoun for the sentence before's past ---

def test_a_magnitude_said_of_some_of_many_aftershocks_is_compared_with_nothing(tmp_path):
    figures = find_figures("The valley has had 60 aftershocks, with four recorded at a "
                           "magnitude of 5 or more.")
    [magnitude] = [f for f in figures if f.dimension == "magnitude"]
    assert frame_keys(magnitude) == []
    digest = analysed(tmp_path, [
        ("2026-02-03", ["A magnitude 6.1 quake struck the mining valley overnight."]),
        ("2026-02-04", ["The valley has had 60 aftershocks, with four recorded at a magnitude "
                        "of 5 or more."]),
    ])
    assert digest.disagreements == []


def test_a_pronoun_opening_a_sentence_carries_the_sentence_befores_past_year(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The river flood has killed 31 people, officials said."]),
        ("2026-08-03", ["The region knows floods, with the 1998 flood the worst on record. "
                        "It killed 2,400 people and left thousands homeless.",
                        "The river flood has killed 31 people, officials said."]),
    ])
    assert digest.disagreements == []


def test_a_pronoun_without_a_past_year_before_it_keeps_its_figure(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The dam failed on Monday. It killed 31 people, officials said."]),
        ("2026-08-02", ["The dam failure killed 45 people, officials said."]),
    ])
    assert _rows(digest) == [[31, 45]]


# --- Places: a name at the window's edge, after "the nearby"; a bare count with its verb ---

def test_a_place_name_is_never_cut_at_the_edge_of_what_is_read():
    f = one("At least 52 people died after a ferry capsized near the harbour in "
            "Northern Varnia's Port Elmsley late on Sunday.")
    assert f.place == "port elmsley"


def test_a_bare_count_after_and_with_its_own_verb_counts_the_same_people_there():
    _, second = find_figures("Officials said 40 people died in Arden, and 12 died in "
                             "the neighbouring Brill district.")
    assert (second.value, second.prop, second.place) == (12, "killed", "brill")
    _, hurt = find_figures("Floods killed 40 people in Arden and 12 were injured in Brill.")
    assert hurt.prop == "injured"


def test_tolls_of_a_neighbouring_district_told_two_ways_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-01", ["Officials said 40 people died in Arden, and 12 died in the "
                        "neighbouring Brill district."]),
        ("2026-09-01", ["The storm killed 40 people in Arden and 19 in the adjacent Brill "
                        "district, officials said."]),
    ])
    assert _rows(digest) == [[12, 19]]


# --- Ages: in brackets after a name; after a nationality and a role; a surname's spelling ---

def test_an_age_in_brackets_after_a_full_name_is_that_persons():
    ages = [f for f in find_figures("The dead included Imre Balaj (41), Tomas Okafor (30) "
                                    "and Lena Ostrova (23).") if f.dimension == "age"]
    assert [(f.value, f.thing) for f in ages] == [(41, "imre balaj"), (30, "tomas okafor"),
                                                  (23, "lena ostrova")]


def test_an_age_before_a_nationality_and_a_role_is_the_named_persons():
    f = one("Divers recovered the body of 41-year-old Varnian engineer Imre Balaji.")
    assert f.thing == "imre balaji"
    assert not one("Two 16-year-old Varnian skaters were hurt.").thing


def test_ages_of_a_surname_spelled_with_and_without_its_last_letter_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-05", ["Divers recovered the body of 41-year-old Varnian engineer "
                        "Imre Balaji from the quarry lake."]),
        ("2026-03-07", ["The dead included Imre Balaj (14), Tomas Okafor (30) and Lena "
                        "Ostrova (23)."]),
    ])
    assert _rows(digest) == [[14, 41]]


# --- A local time with its GMT told zone first, and a quake's words as one event ---

def test_a_gmt_time_written_zone_first_in_brackets_makes_a_pair(tmp_path):
    # A refinery blast (invented): 9.10 p.m. local is 15.40 GMT at UTC+5:30, so another
    # outlet's "21:10 GMT" is the local time labelled GMT.
    digest = analysed(tmp_path, [
        ("2026-01-09", ["The explosion ripped through the Varno refinery at around 9.10 p.m. "
                        "local time (UTC 3.40 p.m.) on Friday, the company said."]),
        ("2026-01-10", ["The explosion, which hit the Varno refinery on Friday at 21:10 GMT, "
                        "was heard across the port."]),
    ])
    rows = [d for d in digest.disagreements if d.about == "the local time against GMT"]
    assert [c.support[0].article for c in rows[0].claims] == ["a0", "a1"]


def test_a_tremor_and_a_quake_are_one_event_for_its_time(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-01-09", ["A magnitude 5.2 earthquake shook the Ostra mining district at "
                        "10:20 p.m. (16:50 GMT), officials said."]),
        ("2026-01-10", ["The tremor, which struck the Ostra mining district at 22:20 GMT, "
                        "damaged 40 homes."]),
        ("2026-01-10", ["The landslide that closed the Ostra road came at 22:20 GMT."]),
    ])
    rows = [d for d in digest.disagreements if d.about == "the local time against GMT"]
    assert len(rows) == 1
    assert [c.support[0].article for c in rows[0].claims] == ["a0", "a1"]


def test_a_three_part_bearing_and_an_unnamed_capital_say_where_a_distance_is_from():
    assert one("The dam lies 331 km west-northwest of Tarsk, officials said.").thing == "tarsk"
    assert one("The dam lies some 500 km west of the nation's capital.").thing == "*capital"
    assert one("The dam lies 400 km east of the capital, Tarsk.").thing == "tarsk"


def test_the_bodies_of_people_named_by_their_role_are_bodies_counted(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-10-02", ["Rescuers have so far recovered nine bodies from the flooded mine."]),
        ("2026-10-02", ["By evening the bodies of 12 miners had been recovered from the "
                        "flooded mine."]),
    ])
    assert _rows(digest) == [[9, 12]]
