"""Topic rules for kinds of names: a national body named with its country, a person
named with where they work ("Ana Ruiz of Tarsk University"), a name written with its
class noun ("the Orla building", "the Varno region"), parks and trails as places."""

from __future__ import annotations

from topic_helpers import kind, same, topics

from site_builder.analyze.entities import find_mentions


def test_a_country_before_a_bodys_full_name_is_part_of_it():
    key_to_topic, drafts = topics([
        "The Canada Border Services Agency held the shipment at the port.",
        "The Border Services Agency said the crates held counterfeit parts.",
        "Canada Post delivered the rest of the mail.",
        "The U.S. Navy sent a cutter.", "The Navy said the cutter would stay a week.",
    ])
    assert same(key_to_topic, "Canada Border Services Agency", "Border Services Agency")
    assert kind(key_to_topic, drafts, "Canada Border Services Agency") == "organisation"
    # One word after the country is a body named by itself: the country stays apart.
    assert same(key_to_topic, "Navy")
    assert not same(key_to_topic, "Navy", "U.S.")


def test_two_spellings_of_the_country_in_a_bodys_name_are_one_name():
    key_to_topic, _ = topics([
        "The United States National Weather Service warned of ice on the runway.",
        "The U.S. National Weather Service lifted the warning at noon.",
        "The United Kingdom Space Agency funded the probe.",
    ])
    assert same(key_to_topic, "United States National Weather Service",
                "U.S. National Weather Service")
    assert not same(key_to_topic, "United Kingdom Space Agency",
                    "U.S. National Weather Service")


def test_an_initialism_keeps_the_country_code_that_opens_the_name():
    key_to_topic, _ = topics([
        "The US Forest Service banned campfires in the valley.",
        "USFS rangers patrolled the trails.",
    ])
    assert same(key_to_topic, "US Forest Service", "USFS")


def test_a_person_named_with_where_they_work_is_a_person():
    key_to_topic, drafts = topics([
        "Tomasz Wierzbicki of Karvell Polytechnic, who reviewed the designs, said the "
        "stands were sound.",
        "The stadium reopened, said Ilse Marquardt of the Dornfeld Institute.",
    ])
    assert kind(key_to_topic, drafts, "Tomasz Wierzbicki") == "person"
    assert "karvell polytechnic" in key_to_topic
    assert "tomasz wierzbicki of karvell polytechnic" not in key_to_topic
    assert kind(key_to_topic, drafts, "Ilse Marquardt") == "person"


def test_a_body_or_a_place_named_with_of_stays_whole():
    key_to_topic, _ = topics([
        "The Bank of Varno raised rates, and the Gulf of Orla stayed calm, officials said.",
        "Grand Duchy of Tarsk officials, who met on Monday, said nothing.",
    ])
    assert "bank of varno" in key_to_topic
    assert "gulf of orla" in key_to_topic
    assert "grand duchy" not in key_to_topic


def test_a_titled_name_before_where_they_serve_is_split():
    mentions = find_mentions(
        "Station Officer Priya Nandakumar of Kelso, who led the crew, said the pier held.",
        set())
    keys = [m.key for m in mentions]
    assert "priya nandakumar" in keys and "kelso" in keys
    assert next(m for m in mentions if m.key == "priya nandakumar").titled


def test_a_name_written_with_its_building_or_region_noun_keeps_that_spelling():
    _, drafts = topics([
        "Engineers shored up the Marigold building after the blast.",
        "Residents of the Marigold building were moved to a school.",
        "Marigold residents asked for compensation.",
        "Snow closed roads across the Tarsk region.",
        "Flights to Lyon were cancelled.",
    ])
    names = {d.name for d in drafts.values()}
    assert "Marigold building" in names
    assert "Tarsk region" in names
    assert "Lyon" in names


def test_a_building_noun_after_a_town_is_where_it_stands():
    _, drafts = topics([
        "Patients at the Paris hospital were moved overnight.",
        "Paris officials said the hospital would reopen.",
    ])
    assert "Paris hospital" not in {d.name for d in drafts.values()}


def test_parks_trails_and_gorges_are_places():
    key_to_topic, drafts = topics([
        "Two climbers were hurt on the Vellmar Trail in Ostrava Peaks National Park.",
        "A rockfall closed Kesselbach Gorge for a week.",
    ])
    assert kind(key_to_topic, drafts, "Vellmar Trail") == "place"
    assert kind(key_to_topic, drafts, "Ostrava Peaks National Park") == "place"
    assert kind(key_to_topic, drafts, "Kesselbach Gorge") == "place"


def test_a_surname_that_is_also_a_feature_word_stays_a_persons():
    key_to_topic, drafts = topics([
        "Inspector Dana Marsh said the stands at the Varlow stadium were sound.",
        "Marsh said the roof was checked in May.",
        "Engineer Grace Park, 41, led the review.",
    ])
    assert kind(key_to_topic, drafts, "Dana Marsh") == "person"
    assert kind(key_to_topic, drafts, "Grace Park") == "person"


def test_an_initialism_may_take_the_ending_of_a_compound_word():
    # A refinery fire (invented): "Petrochemicals" gives its ending's initial, "C".
    key_to_topic, _ = topics([
        "The fire started in a unit run by Kessler Holm Petrochemicals, the operator.",
        "KHC said the unit had passed an inspection in May.",
        "KHX was not involved.",
    ])
    assert same(key_to_topic, "Kessler Holm Petrochemicals", "KHC")
    assert not same(key_to_topic, "Kessler Holm Petrochemicals", "KHX")


def test_a_makers_noun_opening_a_sentence_is_no_part_of_the_name():
    key_to_topic, _ = topics([
        "Toymaker Brindle said its warehouse in Orsk was flooded.",
        "Citigroup Global Markets advised the buyer.",
    ])
    assert "brindle" in key_to_topic and "toymaker brindle" not in key_to_topic
    assert "citigroup global markets" in key_to_topic
