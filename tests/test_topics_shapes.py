"""Topic rules for kinds of names: a name opened by a function word, a shouted sentence
opener, places joined by "and", the features of land and water, class nouns of vessels
and people, a subject shared by a report, names ending in "'s", short transliterations."""

from __future__ import annotations

from topic_helpers import kind, same, topics

from site_builder.analyze.entities import entity_key, find_mentions, resolve


def test_a_function_word_after_a_lower_case_word_opens_a_name():
    key_to_topic, _ = topics([
        "Rescuers towed the Over Easy into the marina at dawn.",
        "Divers checked the hull of the stricken Over Easy for leaks.",
        "It was not easy work, the harbour master said.",
        "Over Tarsk the clouds broke by noon.",
    ])
    assert "over easy" in key_to_topic
    assert "easy" not in key_to_topic
    assert "over tarsk" not in key_to_topic  # opening the sentence it is no name's word


def test_a_shouted_ordinary_word_opening_a_sentence_is_no_part_of_the_name():
    key_to_topic, _ = topics([
        "HALF of Orlen Valley was cut off by the snow.",
        "Roads into Orlen Valley reopened after half a day.",
        "MOST of Tarsk Pass was shut.",
        "NASA said the pass was visible from orbit.",
    ])
    assert "orlen valley" in key_to_topic
    assert "half of orlen valley" not in key_to_topic
    assert "tarsk pass" in key_to_topic and "most of tarsk pass" not in key_to_topic
    assert "nasa" in key_to_topic


def test_a_country_named_with_and_is_one_place():
    key_to_topic, _ = topics([
        "Aid convoys reached Bosnia and Herzegovina on Friday after the floods.",
        "Trucks from Serbia and Croatia were held at the border.",
    ])
    assert "bosnia and herzegovina" in key_to_topic
    assert "bosnia" not in key_to_topic
    assert "serbia and croatia" not in key_to_topic  # two countries, listed


def test_features_of_land_and_water_name_places():
    key_to_topic, drafts = topics([
        "Climbers were stranded high on Mt Kessa overnight.",
        "A helicopter lifted them off Mount Kesa at first light.",
        "The trawler sank near the Orla Trench, in water 4,000 metres deep.",
        "Winds off the Cape of Storms kept the lifeboat in port.",
        "The tanker Sea Lark stood by.", "Sea Lark later sailed on.",
    ])
    assert same(key_to_topic, "Mt Kessa", "Mount Kesa")
    assert kind(key_to_topic, drafts, "Mount Kesa") == "place"
    assert kind(key_to_topic, drafts, "Orla Trench") == "place"
    assert kind(key_to_topic, drafts, "Cape of Storms") == "place"
    assert kind(key_to_topic, drafts, "Sea Lark") == "system"  # a vessel, named "the tanker"


def test_class_nouns_of_vessels_people_and_organisations():
    key_to_topic, drafts = topics([
        "The dredger Halcyon worked through the night at the quarry lake.",
        "Mira Teodor, an activist who tracked the boats, raised the alarm.",
        "Freight was handled by Kessel Agencies, the port's shipping broker.",
        "Tents came from Tamar Aid International and the town council.",
    ])
    assert kind(key_to_topic, drafts, "Halcyon") == "system"
    assert kind(key_to_topic, drafts, "Mira Teodor") == "person"
    assert kind(key_to_topic, drafts, "Kessel Agencies") == "organisation"
    assert kind(key_to_topic, drafts, "Tamar Aid International") == "organisation"


def test_a_name_opening_a_sentence_with_another_that_reports_is_a_body():
    key_to_topic, drafts = topics([
        "Orvik and Tarsk Minerals said they would pause work at the pit.",
        "Orvik runs three pits in the valley.",
    ])
    assert "orvik" in key_to_topic
    assert kind(key_to_topic, drafts, "Orvik") == "organisation"


def test_a_name_always_written_with_s_is_part_of_the_name_after_it():
    key_to_topic, drafts = topics([
        "Harlan's Index puts the cost of the stadium roof repairs at $40m.",
        "An analyst at Harlan's said the figure could rise.",
        "Acme's Zephyr rover was parked in the hangar.", "Acme said the rover was safe.",
    ])
    assert same(key_to_topic, "Harlan's Index", "Harlan")
    assert drafts[key_to_topic[entity_key("Harlan's Index")]].name == "Harlan's Index"
    # A name also written alone is an owner: its possessive names another thing.
    assert "zephyr" in key_to_topic and not same(key_to_topic, "Acme", "Zephyr")


def test_names_joined_to_a_possessive_name_stay_joined_when_read_again():
    sentences = ["Brill's Ledger rated the bridge bonds.", "A trader at Brill's agreed.",
                 "Brill's Ledger later cut the rating."]
    vocab = frozenset(w for s in sentences for w in s.split() if w.islower())
    mentions = [m for s in sentences for m in find_mentions(s, vocab)]
    first, _ = resolve(mentions, {}, [])
    again, drafts = resolve(mentions, {}, [])  # the same mention objects, from a memo
    assert first == again
    assert same(again, "Brill's Ledger", "Brill")
    assert drafts[again[entity_key("Brill's Ledger")]].name == "Brill's Ledger"


def test_short_transliterated_words_differing_in_vowel_order_or_a_double_letter_join():
    key_to_topic, _ = topics([
        "Navy chief Omar Dabie said the frigate would sail on Monday.",
        "Ommar Dabei, the navy chief, said on Tuesday that repairs were done.",
        "Dabei said the crew was rested.",
        "Ports minister Lina Tarek said the quay was open.",
        "Lena Tarek, a trader, said prices were up.",
    ])
    assert same(key_to_topic, "Omar Dabie", "Ommar Dabei", "Dabei")
    assert not same(key_to_topic, "Lina Tarek", "Lena Tarek")  # another vowel: another name


def test_trades_settlement_nouns_and_parts_of_the_world_give_kinds():
    key_to_topic, drafts = topics([
        "The roof was fitted by Marrow Builders, whose crew left at six.",
        "Corvin Shipmanagement, the stadium's caterer, was paid late.",
        "Fans travelled from Tessik village and from Europe for the final.",
        "Tessik village had never sent a coach before.",
        "Aviation was not mentioned in the stadium's plans.",
    ])
    assert kind(key_to_topic, drafts, "Marrow Builders") == "organisation"
    assert kind(key_to_topic, drafts, "Corvin Shipmanagement") == "organisation"
    assert kind(key_to_topic, drafts, "Tessik") == "place"
    assert kind(key_to_topic, drafts, "Europe") == "place"
    assert "aviation" not in key_to_topic  # a trade alone is an ordinary word


def test_streets_sites_airlines_and_one_word_brands_get_kinds():
    key_to_topic, drafts = topics([
        "Marchers gathered on Orlow Avenue and in Vell Square before the concert.",
        "Injured fans went to Brenmoor General Hospital.",
        "Tickets were sold through TixNova, and Kestrel Air flew the band in.",
        "The stage held, the guitarist Tomas McNeil said.",
    ])
    assert kind(key_to_topic, drafts, "Orlow Avenue") == "place"
    assert kind(key_to_topic, drafts, "Vell Square") == "place"
    assert kind(key_to_topic, drafts, "Brenmoor General Hospital") == "place"
    assert kind(key_to_topic, drafts, "TixNova") == "organisation"
    assert kind(key_to_topic, drafts, "Kestrel Air") == "organisation"
    assert kind(key_to_topic, drafts, "Tomas McNeil") == "person"


def test_people_named_once_by_a_relation_a_trade_or_a_long_role():
    key_to_topic, drafts = topics([
        "The miner waited at the gate for news of his brother, Pavel Oren.",
        "The first call came from Ilse Varga, a seismologist at the observatory.",
        "Tomas Renko, senior mine safety inspector at the pit, said the shaft held.",
        "Liam O'Dowd, who ran the canteen, said supplies were low.",
        "Orlen Quarry, whose owners were abroad, stayed shut.",
    ])
    for name in ("Pavel Oren", "Ilse Varga", "Tomas Renko", "Liam O'Dowd"):
        assert kind(key_to_topic, drafts, name) == "person", name
    assert kind(key_to_topic, drafts, "Orlen Quarry") != "person"  # "whose" is a body's too


def test_abbreviated_place_openers_and_ranks_of_several_words_make_no_fragments():
    key_to_topic, drafts = topics([
        "The ferry left St. Aldric and Ft. Morrow before the gale.",
        "The skipper, Master Chief Petty Officer Ines Dolan, 41, kept the log.",
        "Keel Beach was closed to swimmers.",
    ])
    assert "st aldric" in key_to_topic and "ft morrow" in key_to_topic
    assert "st" not in key_to_topic and "aldric" not in key_to_topic
    assert "ines dolan" in key_to_topic
    assert not any("petty" in key for key in key_to_topic)
    assert kind(key_to_topic, drafts, "Keel Beach") == "place"
