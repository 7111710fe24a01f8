"""Non-conflicts a naive detector flags, and key facts it loses (invented stories)."""

import pytest
from figure_helpers import analysed, one

from site_builder.analyze.disagreements import conflicting, frame_keys, relation
from site_builder.analyze.facts import is_fragment
from site_builder.analyze.frames import find_figures

# --- Sizes several times apart are two things (a ferry and the pier it hit) ---

@pytest.mark.parametrize(("a", "b"), [
    ("The 120-metre ferry sank in minutes.", "The 1.1-km pier was closed to the public."),
    ("A 300-foot crane toppled onto the site.", "The 0.4-mile tunnel was flooded."),
    ("The 45-tonne turbine fell from the barge.", "The 900-tonne barge drifted away."),
])
def test_sizes_several_times_apart_are_not_one_quantity(a, b):
    assert relation(one(a), one(b)) == "apart"
    assert not conflicting(one(a), one(b))


def test_a_misreported_size_is_still_a_contradiction():
    assert relation(one("The 120-metre ferry sank."), one("The 210-metre ferry sank.")) \
        == "contradicts"


def test_a_ship_and_the_pier_it_hit_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The 120-metre ferry hit the Harwick pier at dawn, and the ferry "
                        "then drifted."]),
        ("2024-05-02", ["The 1.1-km Harwick pier was closed after the ferry hit it at dawn."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "m"]


# --- Years of origin: only of one named thing ---

def test_a_year_of_origin_said_of_an_unnamed_thing_is_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["It was launched in 2009 and carries up to 1,200 passengers."]),
        ("2024-05-02", ["The Harwick pier, which opened in 1961, was closed on Tuesday."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "year"]


def test_two_years_of_origin_of_one_named_thing_conflict(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Harwick pier, which opened in 1961, was closed on Tuesday."]),
        ("2024-05-02", ["The Harwick pier, which opened in 1916, was closed after the storm."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "year"]
    assert row.kind == "contradicts"
    assert sorted(c.number for c in row.claims) == [1916, 1961]


# --- Flows per day or year are no totals; volumes of liquid are volumes ---

def test_a_flow_per_year_is_not_compared_with_a_total(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Crashes on the Harwick highway killed about 40 people a year until "
                        "the barriers went up."]),
        ("2024-05-02", ["The crash on the Harwick highway killed 12 people on Sunday."]),
    ])
    assert not digest.disagreements


def test_two_flows_over_one_span_are_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Crashes on the Harwick highway killed about 40 people a year until "
                        "the barriers went up."]),
        ("2024-05-02", ["Crashes on the Harwick highway killed 90 people a year until the "
                        "barriers went up."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [40, 90]


def test_liquid_measures_are_volumes():
    tank = one("Each of the four tanks holds 2 million litres.")
    assert (tank.dimension, tank.unit) == ("volume", "m³") and tank.value == pytest.approx(2000)
    assert one("a spill of 5,000 barrels").dimension == "volume"
    assert one("about 1 million gallons of water").value == pytest.approx(3785.41)


def test_tanks_and_a_reservoir_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["Three tanks in Brennick holding about 2 million litres each ran dry."]),
        ("2024-05-02", ["The Brennick reservoir, which holds 90 million litres, was empty."]),
    ])
    assert not digest.disagreements


# --- Key facts: quotations in straight quote marks ---

@pytest.mark.parametrize(("text", "fragment"), [
    ('The mayor called the closure "a disgrace" and promised an inquiry.', False),
    ('The board approved $40 million in "emergency" repairs on Monday.', False),
    ('"We will rebuild," the mayor said on Monday.', False),
    ('we will rebuild," the mayor said on Monday.', True),
    ('We will rebuild," the mayor said on Monday after the meeting.', True),
    ("We will rebuild,” the mayor said on Monday after the meeting.", True),
])
def test_a_straight_quote_after_a_space_opens_a_quotation(text, fragment):
    assert is_fragment(text) is fragment


def test_a_fact_survives_a_quote_tail_among_its_sources(tmp_path):
    digest = analysed(tmp_path, [
        (None, ['The Ferry Board approved $40 million in "emergency" repairs for the Harwick '
                'pier on Monday.']),
        (None, ["The Ferry Board approved $40 million in emergency repairs for the Harwick "
                "pier on Monday."]),
    ])
    [fact] = [f for f in digest.facts if "$40 million" in f.statement]
    assert fact.sources == 2


# --- Things destroyed, damaged, or damaged or destroyed: three counts ---

def test_destroyed_homes_are_not_compared_with_damaged_or_destroyed_ones(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-09-02", ["Typhoon Arlo has destroyed 900 homes on Kessa island, officials said."]),
        ("2024-09-02", ["More than 2,000 homes on Kessa island were damaged or destroyed by "
                        "Typhoon Arlo, officials said."]),
        ("2024-09-02", ["Typhoon Arlo damaged 4,100 homes on Kessa island, officials said."]),
    ])
    assert not digest.disagreements


def test_two_counts_of_destroyed_homes_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-09-02", ["Typhoon Arlo has destroyed 900 homes on Kessa island, officials said."]),
        ("2024-09-02", ["Typhoon Arlo has destroyed 1,400 homes on Kessa island, the Red Cross "
                        "said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "contradicts" and "destroyed" in row.about


# --- A claim someone repeats is held, not updated; "-men" plurals are counted nouns ---

def test_a_restated_claim_that_grows_is_a_contradiction_not_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-02-10", ["The union leader repeated his claim that the blast in the Orlak mine "
                        "killed about 40 miners."]),
        ("2024-02-12", ["In a radio interview the union leader repeated that the blast in the "
                        "Orlak mine had killed about 400 miners."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "contradicts"


def test_compound_plurals_in_men_are_counted_nouns():
    [figure] = find_figures("The blast killed at least 13 firemen.")
    assert (figure.unit, figure.prop, figure.value) == ("firemen", "killed", 13)


# --- A count's verb past a relative clause; bodies recovered are not the toll ---

def test_a_count_takes_its_verb_past_a_relative_clause():
    [figure] = find_figures("Nine climbers, who had set out before dawn, were swept away and "
                            "are presumed dead.")
    assert figure.prop == "killed"


def test_bodies_recovered_so_far_are_not_compared_with_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-07-01", ["Nine climbers, who had set out on Mount Teller, were swept away and "
                        "are presumed dead."]),
        ("2024-07-01", ["Rescue teams found the bodies of two climbers on Mount Teller after the "
                        "avalanche, officials said."]),
    ])
    assert not digest.disagreements


def test_a_full_news_lead_of_over_forty_words_can_state_the_fact(tmp_path):
    lead = ("Every passenger of the stranded Harwick ferry will be paid back the full fare, "
            "the port authority and the ferry company said on Sunday evening, in a settlement "
            "meant to end the row before the summer season opened at the harbour on Monday.")
    assert 40 < len(lead.split()) <= 45
    digest = analysed(tmp_path, [
        (None, ["The port authority and the ferry company announced the settlement on Sunday "
                "evening."]),
        (None, [lead]),
    ])
    assert any(f.statement == lead and f.sources == 2 for f in digest.facts)


def test_a_level_that_moves_may_move_several_fold():
    low = one("The river stood at 0.8 metres on Monday.")
    high = one("The river stood at 5.2 metres on Thursday.")
    assert relation(low, high) == "contradicts"


# --- The story in brief opens with the first report's lead, without its dateline ---

def test_the_brief_opens_with_the_earliest_reports_lead(tmp_path):
    lead = ("KESSA CITY, May 3 (Harbour Wire) - A ferry carrying 212 passengers ran aground "
            "off Kessa island on Friday night, and coastguard boats took everyone off by dawn, "
            "officials said.")
    digest = analysed(tmp_path, [
        ("2024-05-05", ["The Kessa Ferry Company said on Sunday it would pay every passenger "
                        "back in full and suspend the captain.",
                        "A ferry carrying 212 passengers ran aground off Kessa island on Friday "
                        "night, the coastguard said."]),
        ("2024-05-03", [lead, "The Kessa Ferry Company said the cause was not yet known."]),
        ("2024-05-04", ["Divers from the Kessa coastguard inspected the hull of the ferry on "
                        "Saturday and found a long gash below the waterline."]),
    ])
    assert digest.summary.startswith("A ferry carrying 212 passengers ran aground off Kessa "
                                     "island on Friday night, and coastguard boats")
    assert "(Harbour Wire)" not in digest.summary


def test_a_dateline_with_a_region_of_two_words_is_left_out_of_the_brief(tmp_path):
    lead = ("PORTAVEL, New Carrow (Isle Wire) - A cable car stalled above the Portavel gorge on "
            "Sunday morning, leaving 38 riders stranded for six hours, officials said.")
    digest = analysed(tmp_path, [
        ("2024-05-05", [lead, "The Portavel cable car had been inspected in March."]),
        ("2024-05-06", ["A cable car stalled above the Portavel gorge on Sunday, and all 38 "
                        "riders were brought down by rope, the operator said."]),
    ])
    assert digest.summary.startswith("A cable car stalled above the Portavel gorge on Sunday")


def test_a_day_after_an_event_is_no_rate(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The storm in Brennick killed 12 people a day after it made landfall."]),
        ("2024-05-02", ["The storm in Brennick killed 40 people, the agency said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [12, 40]


def test_a_toll_beside_bodies_recovered_is_still_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-07-01", ["The toll on Mount Teller rose to 12 as rescuers recovered more bodies."]),
        ("2024-07-01", ["The avalanche on Mount Teller killed 19 people, officials said."]),
        ("2024-07-01", ["Rescue teams have recovered 7 bodies on Mount Teller, officials said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [12, 19]


def test_a_repeated_appeal_does_not_stop_a_toll_from_updating(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-03", ["The flood in Brennick has killed 12 people, the agency said."]),
        ("2024-03-05", ["Officials repeated their appeal for calm as the flood in Brennick "
                        "killed 40 people."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"


def test_an_early_background_piece_does_not_open_the_brief(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-04-30", ["The Orlak Mining Company reported record profits on Tuesday, its "
                        "chief executive Vera Lind said in Dunport."]),
        ("2024-05-03", ["A tunnel collapsed at the Kessa mine on Friday, trapping 14 miners "
                        "underground, the Kessa mine rescue service said.",
                        "Rescuers at the Kessa mine reached the trapped miners on Saturday."]),
        ("2024-05-04", ["Rescuers at the Kessa mine reached the trapped miners on Saturday, and "
                        "all 14 were brought up alive.",
                        "The Kessa mine had been inspected in March, officials said."]),
    ])
    assert digest.summary.startswith("A tunnel collapsed at the Kessa mine on Friday")


# --- Place names of several words; one place's figure against a whole story's ---

def test_a_place_name_of_several_words_is_kept_whole():
    [figure] = find_figures("The blizzard left 40,000 homes without heat in New Brandon.")
    assert figure.place == "new brandon"
    [figure] = find_figures("Crews freed 12 drivers in Harlow County overnight.")
    assert figure.place == "harlow"  # "Harlow County" and "Harlow" are one place


def test_two_places_sharing_a_first_word_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-01-08", ["The blizzard left 40,000 homes without heat in New Brandon."]),
        ("2025-01-08", ["The blizzard left 9,000 homes without heat in New Corwen."]),
    ])
    assert not [d for d in digest.disagreements if "home" in d.unit]


def test_one_places_count_is_no_rival_of_the_whole_storys(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-01-08", ["In Port Ellery, rescuers pulled 14 drivers from stranded cars.",
                        "The blizzard also shut 6 roads in Corwen Valley."]),
        ("2025-01-09", ["Across the region, rescuers pulled 300 drivers from stranded cars, "
                        "officials said."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "driver"]


def test_one_places_two_counts_still_clash_in_a_story_of_several_places(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-01-08", ["In Port Ellery, rescuers pulled 14 drivers from stranded cars.",
                        "The blizzard also shut 6 roads in Corwen Valley."]),
        ("2025-01-08", ["In Port Ellery, rescuers pulled 41 drivers from stranded cars."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "driver"]
    assert sorted(c.number for c in row.claims) == [14, 41]


# --- Dates of an announcement: only of a verb of announcing, not of a word beginning alike ---

def test_a_word_beginning_like_an_announcing_verb_dates_no_announcement(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-04", ["Rail officials on Sunday blamed a signalling fault for the derailment "
                        "at Marden junction."]),
        ("2025-03-04", ["Marden, Mar 3 (Wire) Inspectors blamed a signalling fault for the "
                        "derailment at Marden junction."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "date"]


def test_an_announcement_dated_by_a_weekday_and_a_wrong_date_still_clashes(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-04", ["Rail officials on Sunday announced an inquiry into the derailment "
                        "at Marden junction."]),
        ("2025-03-04", ["Rail officials on March 4, 2025 announced an inquiry into the "
                        "derailment at Marden junction."]),
    ])
    assert [d for d in digest.disagreements if d.unit == "date"]


# --- Values told alike are one claim, never a chain joining two clashing tolls ---

def test_open_bounds_do_not_chain_two_clashing_tolls_into_one_claim(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-03", ["Police denied that the toll of the Korvik mine collapse exceeds 125.",
                        "As of today, the number of people killed is 125, police said."]),
        ("2025-02-06", ["The Korvik mine collapse claimed the lives of more than 130 people."]),
        ("2025-02-20", ["As of 19 February, 135 people were killed and 80 others were injured."]),
    ])
    [row] = [d for d in digest.disagreements if "killed" in d.about]
    assert row.kind == "update"
    assert row.claims[0].number == 125


# --- Named storms: a sentence about another storm gives that storm's figures ---

def test_another_named_storms_toll_is_not_the_storys(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-10", ["Typhoon Varo struck the coast on Tuesday, causing at least 6 deaths "
                        "in Halden."]),
        ("2025-09-10", ["Typhoon Varo left at least 6 deaths in Halden, officials said.",
                        "It came a fortnight after Typhoon Mirel.",
                        "Mirel, which crossed three provinces, caused at least 90 deaths in "
                        "Halden."]),
    ])
    assert not [d for d in digest.disagreements if "killed" in d.about]


def test_the_storys_own_storm_named_beside_another_still_counts(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-10", ["Typhoon Varo caused at least 6 deaths in Halden on Tuesday."]),
        ("2025-09-12", ["Typhoon Varo, stronger than Typhoon Mirel, has now caused at least "
                        "19 deaths in Halden."]),
        ("2025-09-12", ["Typhoon Varo caused 19 deaths in Halden, officials said."]),
    ])
    assert [d for d in digest.disagreements if "killed" in d.about]


# --- What a report adds to a count, or what is left of it, is not the count ---

def test_an_increment_or_a_remainder_is_no_rival_of_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-04-02", ["The Tarrow ferry capsized off Lenby, and 12 people were killed."]),
        ("2024-04-03", ["Divers found another 5 victims of the Tarrow ferry off Lenby.",
                        "The toll of the Tarrow ferry rose by two to 14 dead.",
                        "Divers were searching for three more bodies off Lenby.",
                        "The weather kept divers from the remaining four bodies."]),
    ])
    claims = [c.value for d in digest.disagreements for c in d.claims]
    assert "14 dead" in claims  # the toll itself still updates
    assert not [v for v in claims if v.split()[0] in ("5", "two", "three", "four")]


def test_what_is_left_missing_is_still_the_missing_count(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-04-02", ["After the Tarrow ferry capsized, 30 people were missing."]),
        ("2024-04-04", ["Divers found 20 survivors; the remaining 10 people are still missing."]),
    ])
    assert [d for d in digest.disagreements if "missing" in d.about]


# --- How badly the hurt are hurt: a class of the injured, not all of them ---

@pytest.mark.parametrize(("sentence", "prop"), [
    ("The toll may rise, with 9 people in critical condition.", "critical"),
    ("The death toll could rise as 7 of those injured were in critical condition.", "critical"),
    ("Doctors said 12 people remained in serious condition.", "serious"),
    ("The pile-up left 23 minor injuries on the motorway.", "minor"),
    ("Medics treated 40 injured people at the stadium.", "injured"),
])
def test_a_count_of_the_hurt_by_severity_is_its_own_class(sentence, prop):
    assert one(sentence).prop == prop


def test_minor_injuries_are_no_rival_of_all_injuries(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-06-01", ["The Orlen stadium stampede left 61 injuries, officials said."]),
        ("2024-06-01", ["Medics at the Orlen stadium counted 45 minor injuries."]),
    ])
    assert not digest.disagreements


def test_two_dozen_is_twenty_four():
    assert one("Rescuers reached about two dozen hikers on the ridge.").value == 24


def test_a_cue_beyond_while_speaks_for_its_own_clause():
    figure = one("Autopsies of only 24 victims will be done in Tarrow while the rest of the "
                 "bodies go to the capital.")
    assert figure.prop != "killed"


# --- Bodies identified: a count of its own ---

def test_bodies_identified_update_apart_from_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-08-10", ["The Calder mudslide killed 31 people, officials said.",
                        "Officials said 21 bodies out of 31 recovered have been identified."]),
        ("2024-08-11", ["So far 26 bodies out of the 31 recovered have been identified."]),
    ])
    [row] = digest.disagreements
    assert "identified" in row.about and row.kind == "update"


# --- Storeys several-fold apart are two things (a tower and a pile of rubble) ---

def test_storeys_several_fold_apart_are_not_one_height():
    tower = one("The 20-storey hotel came down in seconds.")
    assert relation(one("Rubble lay in a pile nearly three storeys high."), tower) == "apart"
    assert conflicting(one("The 21-storey hotel came down in seconds."), tower)


# --- People of whom nothing is said are no frame ---

def test_people_of_whom_nothing_is_said_make_no_frame():
    assert frame_keys(one("At the quarry, teams kept looking for four others.")) == []
    assert frame_keys(one("Autopsies of only 24 victims will be done in town.")) == []
    assert frame_keys(one("The quarry blast killed 24 people.")) == [("count", "killed", "people")]


# --- Who is aboard, listed by kind: the whole is no rival of a part ---

def test_the_whole_of_passengers_and_crew_is_no_rival_of_the_passengers(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Oriel cable car carried 11 passengers and 2 crew members."]),
        ("2024-05-03", ["Among 13 passengers on the Oriel cable car, four were children."]),
    ])
    assert not digest.disagreements


def test_two_counts_of_passengers_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The Oriel cable car carried 11 passengers and 2 crew members."]),
        ("2024-05-03", ["The Oriel cable car carried 16 passengers when the cable snapped."]),
    ])
    assert [d for d in digest.disagreements if d.unit.startswith("passeng")]


# --- An extent adjective joined to a measure says which extent ---

def test_an_extent_joined_to_a_measure_compares_with_the_same_extent():
    joined = one("Miners were trapped in a 2.5-metre-wide tunnel.")
    assert (joined.prop, joined.thing) == ("width", "tunnel")
    assert conflicting(joined, one("The tunnel is just a tunnel four metres wide."))
    assert not conflicting(joined, one("The tunnel runs 400 metres long."))


# --- An earlier event the story is compared with keeps its own figures ---

def test_the_toll_of_an_event_the_story_is_compared_with_is_not_the_storys(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-02", ["The Varna mine blast killed 41 miners, officials said."]),
        ("2025-03-03", ["The Varna mine blast killed 41 miners. It is the worst accident since "
                        "the collapse of the Orlen shaft back in 2009. The shaft's collapse "
                        "killed 97 miners, many of them young."]),
    ])
    assert not [d for d in digest.disagreements if "killed" in d.about]


def test_the_storys_own_event_named_like_the_compared_one_still_counts(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-02", ["The Varna mine blast killed 41 miners, officials said."]),
        ("2025-03-04", ["It was the deadliest blast since a mine blast in Orlen in 2009. The "
                        "blast killed 47 miners, officials said on Tuesday."]),
    ])
    assert [d for d in digest.disagreements if "killed" in d.about]


# --- A possessive country or region names where the place it holds is ---

@pytest.mark.parametrize(("sentence", "place"), [
    ("Floods killed 12 people in Peru's mountain town of Tarma.", "tarma"),
    ("Floods killed 12 people in Peru's Tarma.", "tarma"),
    ("Floods killed 12 people in Peru on Sunday.", "peru"),
])
def test_a_possessive_country_names_the_place_it_holds(sentence, place):
    assert one(sentence).place == place


def test_a_weekday_owns_no_place():
    assert one("Floods killed 12 people in Tuesday's Tarma flood.").place != "tarma"


# --- Ages: a surname alone is the one person of that surname the story names in full ---

def test_an_age_given_for_a_surname_alone_meets_the_full_name(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-04-02", ["The stand's steward, Lena Marsh, 34, was treated for a broken arm."]),
        ("2025-04-03", ["A 43-year-old steward surnamed Marsh said the barrier gave way."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "years"]
    assert sorted(c.number for c in row.claims) == [34, 43]


def test_a_surname_shared_by_relatives_tells_no_age(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-04-02", ["The steward Lena Marsh, 34, and her brother Paul Marsh, 36, were "
                        "treated for broken arms."]),
        ("2025-04-03", ["Marsh, 36, said the barrier gave way at once."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "years"]


# --- "In the city": the settlement the article named last ---

def test_a_toll_in_the_city_is_the_named_citys_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-10", ["A grain silo collapsed in Velmora on Friday.",
                        "Officials said 41 people were killed in the city."]),
        ("2025-05-10", ["The silo collapse killed 63 people in Velmora, the mayor said."]),
    ])
    [row] = [d for d in digest.disagreements if "killed" in d.about]
    assert sorted(c.number for c in row.claims) == [41, 63]
    assert row.about.startswith("Velmora")


def test_a_toll_in_the_city_is_no_rival_of_another_towns(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-10", ["A grain silo collapsed in Velmora on Friday.",
                        "Officials said 41 people were killed in the city."]),
        ("2025-05-10", ["The storm that felled the silo killed 63 people in Tarsk, the "
                        "mayor said."]),
    ])
    assert not [d for d in digest.disagreements if "killed" in d.about]


# --- A toll all of whose reports fall on one day is ordered by the hour ---

def test_a_same_day_toll_that_rose_by_the_hour_is_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-06-01T09:10", ["At least 20 people were killed when the ferry capsized."]),
        ("2025-06-01T21:40", ["The ferry capsized with 61 aboard and killed 34 people."]),
    ])
    [row] = [d for d in digest.disagreements if "killed" in d.about]
    assert row.kind == "update"
    assert [c.number for c in row.claims] == [20, 34]


# --- Counts of two groups, each named by a word the other lacks ---

def test_two_qualified_groups_of_one_noun_are_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-07-01", ["Nine navy divers from Halden joined the search of Lake Orvik."]),
        ("2025-07-02", ["Three police divers from Halden joined the search of Lake Orvik."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "diver"]


# --- Bodies brought out of a place are bodies recovered, not the toll ---

def test_bodies_brought_out_are_recovered_not_killed(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-08-04", ["Teams had brought 12 bodies out of the flooded mine by dusk.",
                        "The flooding killed 30 miners, the company said."]),
        ("2025-08-05", ["Teams have now brought 20 bodies out of the mine."]),
    ])
    [row] = [d for d in digest.disagreements if d.claims[0].number == 12]
    assert "recovered" in row.about and row.kind == "update"


# --- A vague quantity is no figure to hold against a figure near its range ---

def test_thousands_is_not_held_against_a_figure_just_past_it(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-01", ["The cyclone left 12,400 people homeless across the delta."]),
        ("2025-09-02", ["The cyclone left thousands of people homeless across the delta."]),
    ])
    assert not [d for d in digest.disagreements if "displaced" in d.about]


# --- One report's two tolls of one kind of person, however the people are called ---

def test_one_reports_two_tolls_of_named_people_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-10-02", ["Five rescuers were killed when the tunnel flooded, the fire service "
                        "said.",
                        "The mine's owner later said four of the 11 rescuers had died."]),
    ])
    [row] = [d for d in digest.disagreements if "within one report" in d.about]
    assert sorted(c.number for c in row.claims) == [4, 5]


def test_one_reports_tolls_far_apart_count_two_groups(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-10-02", ["Five rescuers were killed when the tunnel flooded.",
                        "Two rescuers were killed in a second collapse a week earlier."]),
    ])
    assert not [d for d in digest.disagreements if "within one report" in d.about]


# --- A toll told in groups: its first group is no rival of the whole toll ---

def test_a_toll_told_in_groups_is_no_rival_of_the_whole(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-11-03", ["The grandstand collapse killed 23 people, officials said."]),
        ("2025-11-04", ["The collapse killed all 21 people in the north stand, which had "
                        "been closed for repairs, and the two stewards below it."]),
    ])
    assert not [d for d in digest.disagreements if "killed" in d.about]


def test_two_tolls_without_a_listed_group_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-11-03", ["The grandstand collapse killed 23 people, officials said."]),
        ("2025-11-03", ["The grandstand collapse killed 31 people and injured dozens."]),
    ])
    [row] = [d for d in digest.disagreements if "killed" in d.about]
    assert sorted(c.number for c in row.claims) == [23, 31]


def test_a_toll_by_place_is_not_a_listed_group(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-11-03", ["The storm killed 210 people in Arvel and 40 people in Dunmere."]),
        ("2025-11-03", ["The storm killed 260 people in Arvel, officials said."]),
    ])
    [row] = [d for d in digest.disagreements if "killed" in d.about]
    assert sorted(c.number for c in row.claims) == [210, 260]


# --- One toll told with its place and without it is one claim ---

def test_a_toll_told_with_and_without_its_place_is_one_claim(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-12-01", ["Rescuers said 310 people were still missing in Harwick."]),
        ("2025-12-01", ["About 300 people are missing, the Red Cross said."]),
        ("2025-12-01", ["A quarry official told reporters that about 600 people were missing."]),
    ])
    [row] = [d for d in digest.disagreements if "missing" in d.about]
    assert len(row.claims) == 2
    [claim] = [c for c in row.claims if c.number in (300, 310)]
    assert len(claim.support) == 2  # "310 in Harwick" and "about 300": one claim


def test_the_presumed_dead_fall_as_the_missing_do(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-12-03", ["Six divers are presumed dead after the cave flooded."]),
        ("2025-12-06", ["Two bodies were recovered, and four divers are presumed dead."]),
    ])
    [row] = [d for d in digest.disagreements if "missing" in d.about]
    assert row.kind == "update"
    assert [c.number for c in row.claims] == [6, 4]


# --- "one" before a participle stands for a noun said before: no count ---

def test_one_before_a_participle_is_a_pronoun_not_a_count():
    assert find_figures("The toll from a series of tornadoes in Kansas, including one "
                        "registering a rating of EF4, has climbed to 14, officials said.") == []
    assert [f.value for f in find_figures("Four climbers were rescued and one missing.")
            if f.dimension == "count"] == [4.0, 1.0]


def test_a_pronoun_one_is_no_rival_of_the_toll():
    toll = one("A total of 64 people were confirmed dead in the state, officials said.")
    assert not any(conflicting(toll, f) for f in find_figures(
        "The toll from a series of tornadoes in Kansas, including one registering a rating "
        "of EF4, has climbed to 57, officials said."))


# --- What is said of "many others" is said of them, not of the figure before ---

def test_a_cue_beyond_many_others_speaks_for_the_others():
    stuck = one("The blizzard left more than 4,000 people cut off on the motorway and many "
                "others forced to take shelter in school gyms.")
    sheltered = one("More than 4,000 people were forced to take shelter in school gyms.")
    assert sheltered.prop and stuck.prop != sheltered.prop
    assert frame_keys(stuck) == []


# --- A state- or nation-wide figure is of a scope of its own ---

def test_a_statewide_figure_has_a_scope_of_its_own():
    county, state = find_figures("Flooding closed 14 schools in Marden County, while "
                                 "statewide, 220 schools stayed shut.")
    assert county.place == "marden" and state.place == "*statewide"
    assert one("Nationwide, 61 shelters were opened.").place == "*nationwide"


def test_a_statewide_count_is_no_rival_of_the_districts(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-01", ["By Tuesday, 3,000 people had moved into 40 relief shelters in the "
                        "county, while statewide, 5,500 people are staying in 110 shelters."]),
        ("2024-03-02", ["More than 8,000 people are living in 80 shelters for now."]),
    ])
    assert not [d for d in digest.disagreements
                if any(c.number == 110 for c in d.claims)]


# --- People identified by a verb of their own are a running count too ---

def test_people_identified_rise_as_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-06-10", ["After the ferry capsized, 18 people have been identified, the "
                        "coast guard said."]),
        ("2024-06-12", ["Of the dead, 41 people have been identified so far."]),
    ])
    rows = [d for d in digest.disagreements if "identified" in d.about]
    assert len(rows) == 1 and rows[0].kind == "update"


# --- A tens word and a unit word are one number ---

@pytest.mark.parametrize(("sentence", "value"), [
    ("Thirty four miners have been identified.", 34.0),
    ("Twenty-six passengers died in the derailment.", 26.0),
    ("The ferry sank about forty-five minutes after it left port.", 0.75),
])
def test_a_compound_number_word_is_one_number(sentence, value):
    assert one(sentence).value == value


# --- A share for each of several is no total; a place "alone" is a share of a whole ---

def test_a_share_each_of_several_reported_is_no_rival_of_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-02", ["The wildfire swept through Orvik, Stellan and Brae, which each "
                        "reported two deaths."]),
        ("2025-03-02", ["The wildfire killed at least nine people, officials said."]),
    ])
    assert not digest.disagreements


def test_two_shares_each_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-02", ["The three ferries each carried 40 passengers when the gale struck."]),
        ("2025-03-02", ["The three ferries each carried 65 passengers when the gale struck."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [40, 65]


def test_a_count_for_one_place_alone_is_no_rival_of_the_whole(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-06-11", ["The rail strike cancelled 1,200 trains in Velden alone."]),
        ("2025-06-11", ["The rail strike cancelled 3,000 trains, the operator said."]),
    ])
    assert not digest.disagreements


def test_a_count_for_one_place_alone_still_clashes_with_that_place(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-06-11", ["The rail strike cancelled 1,200 trains in Velden alone."]),
        ("2025-06-11", ["The rail strike cancelled 700 trains in Velden, the operator said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [700, 1200]


# --- A duration "for" a span is the length of the activity it follows ---

def test_lengths_of_two_activities_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-03", ["The Harlow plant manager said the plant had been shut for two weeks "
                        "in the spring for repairs."]),
        ("2025-09-04", ["Harlow residents had to stay indoors for nearly 48 hours after the "
                        "chlorine leak."]),
    ])
    assert not digest.disagreements


def test_two_lengths_of_one_activity_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-03", ["Harlow residents had to stay indoors for 48 hours after the chlorine "
                        "leak."]),
        ("2025-09-04", ["Harlow residents had to stay indoors for four days after the chlorine "
                        "leak."]),
    ])
    [row] = digest.disagreements
    assert len(row.claims) == 2


def test_a_duration_for_an_activity_names_it():
    assert one("The museum was closed for six weeks.").thing == \
        one("The museum was closed for about two months.").thing != ""
    assert one("Divers searched for 30 hours.").thing != one("The road was shut for 30 "
                                                             "hours.").thing


# --- A place said after two counts joined by "and" is where both were counted ---

def test_a_place_after_two_joined_counts_places_both():
    dead, missing = find_figures("Three deaths and four missing miners were reported in "
                                 "northern Kessary.")
    assert dead.place == missing.place == "kessary"
    first, second = find_figures("The avalanche killed 5 skiers in Tarvel and 2 in Rosk.")
    assert (first.place, second.place) == ("tarvel", "rosk")


# --- Lives claimed, cost or lost are people killed (and lives saved, people rescued) ---

@pytest.mark.parametrize(("sentence", "value", "prop"), [
    ("The mine fire has claimed at least 14 lives, the company said.", 14, "killed"),
    ("The stampede cost one life on Saturday.", 1, "killed"),
    ("Two lives were lost when the ferry capsized.", 2, "killed"),
    ("Lifeguards saved at least 30 lives over the weekend.", 30, "rescued"),
])
def test_lives_are_people(sentence, value, prop):
    figure = one(sentence)
    assert (figure.value, figure.unit, figure.prop) == (value, "people", prop)


def test_lives_claimed_clash_with_a_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-01", ["The mine fire in Drava has claimed 14 lives, the company said."]),
        ("2025-02-01", ["The mine fire in Drava killed 19 people, the company said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [14, 19]


def test_one_life_is_no_count_before_a_noun():
    assert not find_figures("Each sailor was handed one life jacket.")


# --- A sum for one stated purpose is a part of a cost, not the whole ---

def test_a_sum_for_one_purpose_is_no_rival_of_the_whole_cost(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-08-20", ["The Lindholm council said it paid $2.4 million in costs related to "
                        "policing the Lindholm festival."]),
        ("2025-08-21", ["The Lindholm council said the Lindholm festival cost it $9 million."]),
    ])
    assert not digest.disagreements


def test_two_whole_costs_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-08-20", ["The Lindholm council said the Lindholm festival cost it $12 million."]),
        ("2025-08-21", ["The Lindholm council said the Lindholm festival cost it $9 million."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [9e6, 12e6]


# --- A toll a sentence spreads across a named region is its places' together ---

def test_a_toll_spread_across_a_named_region_is_a_total():
    f = one("At least 40 people have died in the heatwave, which has scorched towns across "
            "the Balkans.")
    assert f.place == "*all"
    assert one("At least 40 people have died in Split, officials said.").place == "split"


def test_a_toll_told_with_and_without_its_scope_still_updates(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-07-20", ["The heatwave has gripped the Balkans, claiming at least 40 lives.",
                        "At least 40 people have died in the heatwave, which has scorched "
                        "towns across the Balkans."]),
        ("2025-07-20", ["In Split, two people died on Saturday."]),
        ("2025-07-22", ["The heatwave has killed at least 65 people in total."]),
    ])
    [row] = [d for d in digest.disagreements if d.kind == "update"]
    assert [c.number for c in row.claims] == [40, 65]


# --- A storm's sustained winds strengthen and weaken by the day: an update ---

def test_sustained_winds_on_two_days_are_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-10-02", ["Typhoon Kessa had sustained winds of 185 km/h as it neared the "
                        "Marrow Islands."]),
        ("2025-10-05", ["Typhoon Kessa had sustained winds of 95 km/h as it moved inland."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"


def test_sustained_winds_on_one_day_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-10-02", ["Typhoon Kessa had sustained winds of 185 km/h as it neared the "
                        "Marrow Islands."]),
        ("2025-10-02", ["Typhoon Kessa had sustained winds of 150 km/h as it neared the "
                        "Marrow Islands."]),
    ])
    [row] = digest.disagreements
    assert row.kind != "update"


# --- A figure of no stated place never makes one claim of two places' equal figures ---

def test_an_unplaced_figure_does_not_bridge_two_places(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-04-01", ["The floods have claimed at least one life in Osterby."]),
        ("2025-04-02", ["The floods have claimed at least two lives in Osterby."]),
        ("2025-04-02", ["The floods caused at least two deaths, officials said."]),
        ("2025-04-02", ["At least two people died in Brennvik."]),
        ("2025-04-01", ["At least four people died in Brennvik."]),
    ])
    rows = {d.about.split(":")[0]: d for d in digest.disagreements}
    assert [c.number for c in rows["Osterby"].claims] == [1, 2]
    assert rows["Osterby"].kind == "update"
    assert sorted(c.number for c in rows["Brennvik"].claims) == [2, 4]


def test_a_claim_is_shown_by_a_report_naming_the_rows_place(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-04-02", ["The floods caused at least two deaths, officials said."]),
        ("2025-04-01", ["The floods have claimed at least one life in Osterby."]),
        ("2025-04-02", ["The floods have claimed at least two lives in Osterby."]),
    ])
    [row] = digest.disagreements
    assert all("Osterby" in c.statement for c in row.claims)


# --- A cue in an earlier clause yields to the verb of the figure's own clause ---

@pytest.mark.parametrize(("sentence", "prop"), [
    ("Crews are still searching for climbers who are missing, even though 14 people have "
     "so far been rescued.", "rescued"),
    ("Many homes were destroyed by the mudslide, although 300 residents were evacuated.",
     "evacuated"),
    ("Relatives still wait for news of the missing, but 212 passengers were rescued by the "
     "coastguard.", "rescued"),
])
def test_a_figure_takes_the_verb_of_its_own_clause(sentence, prop):
    assert one(sentence).prop == prop


def test_a_cue_before_the_figure_still_speaks_within_its_clause():
    assert one("Officials said the avalanche had killed 14 people on the pass.").prop == "killed"


def test_rescued_people_are_no_rivals_of_the_missing(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-03", ["Crews are still searching for climbers who are missing on Mount Orla, "
                        "even though 14 people have so far been rescued."]),
        ("2025-02-03", ["Two people remain missing on Mount Orla, the mountain rescue said."]),
    ])
    assert not digest.disagreements


# --- A ballot's share is no sum, toll or cost ---

@pytest.mark.parametrize("sentence", [
    "Some 61 percent of the shareholders voted to approve the executive pay plan.",
    "The council said 48% of those who cast ballots backed the new housing budget.",
])
def test_a_share_of_a_ballot_has_no_property(sentence):
    figure = next(f for f in find_figures(sentence) if f.dimension == "percent")
    assert figure.prop == ""
    assert frame_keys(figure) == []


def test_a_share_of_homes_is_still_damage():
    assert one("About 40 percent of the homes in the valley were damaged.").prop == "damage"


def test_two_ballots_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-02", ["Some 61 percent of the shareholders voted to approve the pay plan."]),
        ("2025-06-02", ["Only 38 percent of the shareholders voted for the revised pay plan."]),
    ])
    assert not digest.disagreements


# --- The terms of a refused offer are no rival of the accepted ones ---

def test_a_refused_offer_has_no_property():
    figure = one("The board rejected an offer worth $42 million for the ferry line.")
    assert figure.prop == ""


def test_an_accepted_offer_keeps_its_property():
    assert one("The board accepted an offer worth $47 million for the ferry line.").prop == \
        "value"


def test_a_refused_bid_and_the_final_price_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-01", ["The Harlow club turned down a bid worth $42 million for its keeper."]),
        ("2025-03-09", ["The Harlow club sold its keeper in a deal worth $55 million."]),
    ])
    assert not digest.disagreements


# --- A flow told per week and per month is one flow ---

def _canal(tmp_path, first: str, second: str):
    return analysed(tmp_path, [
        ("2025-08-01", [f"The closure of the Vessa Canal costs the Port of Tarrin {first}, "
                        "officials said."]),
        ("2025-08-02", [f"The closure of the Vessa Canal costs the Port of Tarrin {second}, "
                        "officials said."]),
    ])


def test_flows_told_per_two_spans_clash(tmp_path):
    [row] = _canal(tmp_path, "$4 million a day", "$4 million a week").disagreements
    assert row.kind == "contradicts"
    assert sorted(c.value for c in row.claims) == ["$4 million a day", "$4 million a week"]
    assert sorted(c.number for c in row.claims) == [4_000_000, 4_000_000]


def test_the_same_flow_told_per_day_and_per_week_agrees(tmp_path):
    assert not _canal(tmp_path, "$4 million a day", "$28 million a week").disagreements


def test_a_flow_is_still_no_rival_of_a_total(tmp_path):
    assert not _canal(tmp_path, "$4 million a day", "$90 million").disagreements


# --- A toll whose verb of change comes after a long phrase still counts the dead ---

@pytest.mark.parametrize("sentence", [
    "The death toll from the crush at the Arvel stadium (the oldest in the league) in the "
    "northern city of Tesk on Saturday night rose to 41 on Sunday.",
    "The toll due to the fire at a garment workshop in the old quarter of Lenz on Friday "
    "evening has increased to 41 as of Saturday morning, the police said.",
])
def test_a_toll_said_before_a_long_phrase_counts_the_dead(sentence):
    figure = one(sentence)
    assert (figure.value, figure.prop, figure.unit) == (41, "killed", "people")


def test_a_toll_after_a_long_phrase_joins_the_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-09-06", ["At least 30 people died in the crush at the Arvel stadium in Tesk."]),
        ("2025-09-07", ["The death toll from the crush at the Arvel stadium (the oldest in the "
                        "league) in the northern city of Tesk on Saturday night rose to 41 on "
                        "Sunday."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"
    assert [c.number for c in row.claims] == [30, 41]


# --- A weekday right after a figure dates it ---

def test_a_figure_dated_by_a_weekday_takes_its_place_in_the_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-03", ["At least 6 miners died in the Karst mine collapse."]),
        ("2025-03-04", ["The toll in the Karst mine collapse rose to 11."]),
        ("2025-03-05", ["The toll in the Karst mine collapse rose to 9 on Monday."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"
    # "at least 6" allows Monday's 9: one claim, dated Monday.
    assert [(c.number, c.published) for c in row.claims] == [(9, "2025-03-03"),
                                                              (11, "2025-03-04")]


def test_a_weekday_of_another_event_dates_no_figure(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-03", ["At least 6 miners died in the Karst mine collapse."]),
        ("2025-03-04", ["The toll in the Karst mine collapse rose to 11."]),
        ("2025-03-05", ["The toll in the Karst mine collapse, which struck on Monday, stands "
                        "at 9."]),
    ])
    [row] = digest.disagreements
    assert row.kind != "update"


# --- A nationality or a country says whose a count is (unseen9) ---

@pytest.mark.parametrize(("sentence", "country"), [
    ("Rescuers said 11 Nepalese climbers were killed on the glacier.", "nepal"),
    ("The Peruvian death toll reached nine on Monday, the embassy said.", "peru"),
    ("Officials said Canadians accounted for 14 deaths at the resort.", "canada"),
    ("Chile, with about 3,000 fans at the stadium, reported 12 injuries.", "chile"),
    ("Kenya reported 40 deaths from the outbreak by Friday.", "kenya"),
])
def test_a_nationality_or_a_country_places_a_count(sentence, country):
    counts = [f for f in find_figures(sentence) if f.prop in ("killed", "injured")]
    assert counts and all(f.place == country for f in counts)


def test_a_firm_that_reported_a_count_places_nothing():
    [f] = [f for f in find_figures("Norlane reported 40 injuries at its plant.")
           if f.prop == "injured"]
    assert f.place != "norlane"


def test_tolls_of_two_nationalities_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-03", ["The avalanche killed 11 Nepalese climbers on the glacier, the "
                        "mountaineering association said."]),
        ("2025-02-03", ["The avalanche killed four Italian climbers on the glacier, their "
                        "club said."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "people"]


def test_one_nationalitys_toll_told_two_ways_still_clashes(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-03", ["The avalanche killed 11 Nepalese nationals on the glacier, the "
                        "mountaineering association said."]),
        ("2025-02-03", ["Nepal reported 14 deaths from the avalanche on the glacier, the "
                        "association said."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "people"]
    assert sorted(c.number for c in row.claims) == [11, 14]


# --- Last year's figure is another year's (unseen9) ---

@pytest.mark.parametrize("sentence", [
    "Last year, three people died at the marathon.",
    "The marathon saw as many as three deaths the previous year.",
])
def test_last_years_figure_is_no_rival_of_this_years(tmp_path, sentence):
    digest = analysed(tmp_path, [
        ("2025-04-14", [sentence]),
        ("2025-04-14", ["Seven people died at the marathon on Sunday, organisers said."]),
    ])
    assert not digest.disagreements


def test_a_figure_compared_with_last_years_is_still_this_years(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-04-14", ["Organisers reported seven deaths at the marathon, compared with "
                        "three last year."]),
        ("2025-04-14", ["Nine people died at the marathon on Sunday, organisers said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [7, 9]


# --- A cue after "but" belongs to the next clause (unseen9) ---

def test_a_cue_after_but_is_another_clauses():
    [f] = find_figures("Medics treated 900 passengers for seasickness but gave no figure "
                       "for deaths.")
    assert f.prop != "killed"


def test_a_cue_before_but_still_speaks():
    [f] = find_figures("Four crew members died but the ship stayed afloat.")
    assert f.prop == "killed"


# --- How badly the hurt are: bare counts in a condition, adverbs of severity (unseen9) ---

@pytest.mark.parametrize(("sentence", "value", "prop"), [
    ("Of the 80 hurt in the blast, 12 are in critical condition.", 12, "critical"),
    ("Sixty workers were hurt, with 9 in serious condition.", 9, "serious"),
    ("Of the injured, 7 remain in extremely serious condition.", 7, "serious"),
    ("Medics said 30 spectators have been critically injured.", 30, "critical"),
    ("The stand collapsed: 14 seriously injured and 50 lightly hurt.", 14, "serious"),
])
def test_a_count_of_the_hurt_takes_its_severity(sentence, value, prop):
    assert any(f.value == value and f.prop == prop for f in find_figures(sentence))


def test_an_adjective_in_ous_is_no_counted_noun():
    [f] = find_figures("Of the injured, 7 remain in extremely serious condition.")
    assert f.thing == "people"


def test_two_counts_in_critical_condition_clash_and_the_injured_stay_apart(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-03", ["The stand collapse injured 120 fans at the stadium, with 12 in "
                        "critical condition."]),
        ("2025-05-03", ["Officials said 30 people at the stadium have been critically "
                        "injured in the stand collapse."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [12, 30]


# --- "in X, where ...": the where-clause's figures are X's (unseen9) ---

def test_another_places_where_clause_places_its_figures():
    found = find_figures("Police are checking links to a fire in Dunmore, where a warehouse "
                         "burned down last month, killing two workers.")
    assert [f.place for f in found if f.prop == "killed"] == ["dunmore"]


def test_another_places_toll_in_a_where_clause_makes_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-03", ["The factory blast in Harlow killed nine workers, officials said."]),
        ("2025-05-03", ["Investigators are comparing the Harlow factory blast with one in "
                        "Dunmore, where a boiler exploded, killing two workers."]),
    ])
    assert not digest.disagreements


# --- "up from 10": a report itself calls a figure earlier (unseen9) ---

def test_a_figure_a_report_says_it_grew_from_makes_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-03", ["The ferry fire killed six people, the coast guard said."]),
        ("2025-05-03", ["The ferry fire killed nine people, up from six deaths reported in "
                        "the morning, the coast guard said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update"
    assert [c.number for c in row.claims] == [6, 9]


def test_two_tolls_of_one_day_without_it_still_contradict(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-05-03", ["The ferry fire killed six passengers, the coast guard said."]),
        ("2025-05-03", ["The ferry fire killed nine passengers, the coast guard said."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "contradicts"


# --- "the Dutch port of X" is X; a demonym alone names no place (unseen9) ---

def test_a_kind_of_place_and_its_name_place_a_count():
    [f, _] = find_figures("A fire at a warehouse in the Dutch port of Velsen has killed four "
                          "dockworkers and injured 12.")
    assert f.place == "velsen"


@pytest.mark.parametrize("sentence", [
    "According to Dutch media, 41 people have been critically injured.",
    "Dutch officials said 12 people were hurt in the fire.",
])
def test_a_demonym_alone_names_no_place(sentence):
    assert all(f.place != "dutch" for f in find_figures(sentence))


def test_a_place_in_a_larger_one_keeps_its_own_name():
    [f] = find_figures("The flood in Harlan district of Veltia killed nine people.")
    assert f.place == "harlan"


# --- "fired at the guards, killing two": the bare count counts those aimed at (unseen9) ---

def test_a_bare_count_after_shots_at_a_group_counts_that_group():
    [f] = find_figures("During the riot an inmate fired at prison guards, wounding two.")
    assert f.thing == "guard" and f.prop == "injured"


def test_guards_hit_are_no_rival_of_the_injured(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-03-09", ["The prison riot in Kelby left 30 people injured, officials said."]),
        ("2025-03-09", ["In Kelby an inmate fired at prison guards, wounding two before he "
                        "was subdued."]),
    ])
    assert not digest.disagreements


def test_shots_at_people_still_count_people():
    [f] = find_figures("The gunman fired at passers-by and residents, killing three.")
    assert f.thing == "people"


# --- A goal is no measure: "dredging to reach a depth of 12 metres" ---

def test_a_depth_dredged_for_is_not_compared_with_a_depth_measured(tmp_path):
    digest = analysed(tmp_path, [
        ("2031-06-02", ["Port director Ana Velez said on Sunday that dredging at the stern "
                        "of the grounded tanker had been stepped up to reach a depth of 12 "
                        "metres, so the ship can float off."]),
        ("2031-06-03", ["Velez said the harbour channel is currently 17 metres deep and may "
                        "be widened."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "m"]


def test_a_toll_that_rose_to_reach_a_figure_is_still_reported(tmp_path):
    digest = analysed(tmp_path, [
        ("2031-06-02", ["The death toll in the mine flood rose to reach 40 on Sunday, the "
                        "regional governor said."]),
        ("2031-06-02", ["The death toll in the mine flood stood at 25 on Sunday, the "
                        "regional governor said."]),
    ])
    assert [d for d in digest.disagreements if "killed" in d.about or "toll" in d.about
            or "how many" in d.about]


# --- What a report adds to a toll is no toll: "14 new deaths added to the tally" ---

def test_a_count_added_to_a_toll_is_an_increment():
    figures = find_figures("The ferry toll stood at 52 on Sunday, with 14 new deaths added "
                           "to the tally, coast guard chief Ana Marin said.")
    assert [(f.value, f.prop) for f in figures] == [(52, "killed"), (14, "~add")]


def test_a_confirmed_count_keeps_its_nouns_property():
    [f] = find_figures("Officials said 14 deaths were confirmed on Sunday.")
    assert f.prop == "killed"


def test_an_increment_told_two_ways_makes_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The ferry toll stood at 52 on Sunday, with 14 new deaths added to "
                        "the tally, coast guard chief Ana Marin said."]),
        ("2026-08-02", ["An additional 14 victims were added to the death toll on Sunday, "
                        "said Ana Marin, the coast guard chief."]),
    ])
    assert not digest.disagreements


def test_new_deaths_are_no_rival_of_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The ferry disaster has killed 52 people, the coast guard said."]),
        ("2026-08-02", ["The coast guard reported 14 new deaths in the ferry disaster on "
                        "Sunday."]),
    ])
    assert not digest.disagreements


def test_a_place_named_new_is_no_increment(tmp_path):
    # review10: "New York residents" are people of a place, not "new" ones since a count.
    digest = analysed(tmp_path, [
        ("2026-08-02", ["Some 40 New Varn residents were injured in the stadium crush."]),
        ("2026-08-02", ["Some 90 New Varn residents were injured in the stadium crush."]),
    ])
    assert [d for d in digest.disagreements if "injured" in d.about]


# --- How many informants a report cites is no figure of the story ---

def test_a_count_of_sources_is_no_rival_of_a_deployment(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["Around 2,000 police are on site at the stadium to handle the "
                        "crowds."]),
        ("2026-08-02", ["Three police sources told the agency that the stadium gunman acted "
                        "alone."]),
    ])
    assert not digest.disagreements


def test_counts_of_officers_hurt_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["Three police officers were injured in the stadium siege."]),
        ("2026-08-02", ["Five police officers were injured in the stadium siege."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [3, 5]


# --- "Several passengers" are some of those aboard, not how many were aboard ---

@pytest.mark.parametrize("sentence", [
    "Several passengers were pulled from the river by fishermen.",
    "A few passengers swam to the shore before the ferry sank.",
])
def test_an_indefinite_part_of_those_aboard_is_not_who_was_aboard(sentence):
    [f] = find_figures(sentence)
    assert f.prop != "aboard"


def test_a_vague_number_aboard_is_still_aboard():
    [f] = find_figures("Dozens of passengers were on the ferry when it sank.")
    assert f.prop == "aboard"


def test_several_passengers_are_no_rival_of_those_aboard(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The ferry was carrying 120 passengers when it capsized off Kelby."]),
        ("2026-08-02", ["Several passengers swam to the shore at Kelby after the ferry "
                        "capsized."]),
    ])
    assert not digest.disagreements


# --- A distance from a whole country or region is from no named point ---

def test_a_distance_from_an_unnamed_area_is_no_rival_of_one_from_a_town(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The ferry sank off Kelby, 40 miles south of Marrow, on Sunday."]),
        ("2026-08-02", ["After the ferry sank off Kelby, survivors were taken by bus to "
                        "Dunmere, 100 kilometres south of the region."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "m"]


def test_two_distances_from_one_town_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["The ferry sank off Kelby, 40 miles south of Marrow, on Sunday."]),
        ("2026-08-02", ["The ferry sank off Kelby, 90 miles south of Marrow, on Sunday."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "m"]
    assert row.kind == "contradicts"


# --- A print lead set in capitals still carries its hedge ---

@pytest.mark.parametrize(("sentence", "value", "hedge"), [
    ("AT LEAST 12 miners died when the shaft flooded.", 12, "least"),
    ("MORE THAN 40 workers were hurt in the refinery blast.", 40, "lower"),
])
def test_a_hedge_in_capitals_is_no_designation(sentence, value, hedge):
    [f] = find_figures(sentence)
    assert (f.value, f.hedge) == (value, hedge)


def test_a_designation_in_capitals_is_still_no_count():
    assert not find_figures("The F 16 jets flew over the refinery.")


# --- A later one of several events has its own figures ---

def test_a_count_of_a_later_event_is_that_events():
    [f] = find_figures("Four workers were killed in the second explosion at the refinery.")
    assert f.place == "*second explosion"


def test_a_later_events_toll_is_no_rival_of_the_storys(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["Four workers were killed in the second explosion at the Kelby "
                        "refinery, the company said."]),
        ("2026-08-02", ["The Kelby refinery blast killed nine workers, the company said."]),
    ])
    assert not digest.disagreements


def test_two_tolls_of_one_later_event_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-02", ["Four workers were killed in the second explosion at the Kelby "
                        "refinery, the company said."]),
        ("2026-08-02", ["Seven workers were killed in the second explosion at the Kelby "
                        "refinery, the union said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [4, 7]


# --- Verbs of destroying a building in other words ---

@pytest.mark.parametrize("sentence", [
    "About 200 homes were demolished by the landslide.",
    "At least 45 houses had been burned down in the riot.",
    "The earthquake flattened 300 homes in the valley.",
    "Some 80 shops were gutted in the market blaze.",
])
def test_a_verb_of_destroying_gives_the_damage(sentence):
    [f] = find_figures(sentence)
    assert f.prop == "damage"


def test_a_verb_with_down_that_destroys_nothing_gives_no_damage():
    [f] = find_figures("Twelve trees were cut down.")
    assert f.prop != "damage"


def test_homes_destroyed_told_in_other_words_make_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-01", ["The tornado in Kelby demolished about 200 homes, the mayor said."]),
        ("2026-03-03", ["At least 450 homes in Kelby had been burned down by the tornado "
                        "fires, the mayor said."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "home"]
    assert row.kind == "update"
    assert [c.number for c in row.claims] == [200, 450]


# --- Those still in care are no count of all the injured ---

def test_those_still_in_care_are_no_rival_of_the_injured(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-01", ["The bus crash near Kelby injured 40 people, police said."]),
        ("2026-05-02", ["Twelve injured are still undergoing treatment at the Kelby hospital "
                        "after the bus crash, police said."]),
        ("2026-05-03", ["Of those hurt in the Kelby bus crash, 9 people remain in hospital, "
                        "police said."]),
    ])
    # The 40 injured stand apart; those in care fall from 12 to 9: an update.
    [row] = digest.disagreements
    assert [c.number for c in row.claims] == [12, 9] and row.kind == "update"


def test_the_injured_taken_to_hospital_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-01", ["The bus crash near Kelby injured 40 people, police said."]),
        ("2026-05-01", ["Around 70 injured were taken to hospital after the Kelby bus crash, "
                        "police said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [40, 70]


# --- Bodies handed to families, and a count at one of several sites, are parts ---

def test_bodies_handed_to_families_are_no_rival_of_the_bodies_recovered(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-01", ["Nearly 60 bodies from the ferry sinking were brought to the morgue, "
                        "port officials said."]),
        ("2026-09-02", ["Port officials said at least 25 bodies from the ferry sinking had "
                        "been handed over to their families."]),
    ])
    assert not digest.disagreements


def test_a_count_at_one_of_several_sites_is_no_rival_of_the_whole(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-01", ["The valley flood injured 60 people, officials said."]),
        ("2026-09-01", ["A reporter counted 35 injured people at a local hospital after the "
                        "valley flood, officials said."]),
    ])
    assert not digest.disagreements


def test_bodies_brought_in_by_two_counts_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-01", ["Nearly 60 bodies from the ferry sinking were brought to the morgue, "
                        "port officials said."]),
        ("2026-09-01", ["About 25 bodies from the ferry sinking were brought to the morgue, "
                        "port officials said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [25, 60]
