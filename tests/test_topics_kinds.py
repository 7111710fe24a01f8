"""Topic rules for structures, designations, short forms and kinds, on invented sentences.

Each test names one kind of spelling or context; every name in it is made up.
"""

from __future__ import annotations

from topic_helpers import kind, same, topics

from site_builder.analyze.entities import entity_key


def test_a_name_and_a_lower_case_structure_noun_are_one_name():
    key_to_topic, drafts = topics([
        "Water poured through the breached Velmora dam on Tuesday.",
        "The Velmora hydroelectric dam was built in 1961.",
        "Troops held the Velmora Hydroelectric Power Plant for a year.",
        "Engineers said the Velmora HPP dam could not be repaired.",
        "The level of the Velmora reservoir fell by a metre.",
        "The Ostrava nuclear power plant is upstream; the Ostrava plant is safe.",
        "The Tarn bridge collapsed into the Kessel river.",
        "Boats crossed the Kessel in the afternoon.",
    ])
    assert same(key_to_topic, "Velmora dam", "Velmora hydroelectric dam",
                 "Velmora Hydroelectric Power Plant", "Velmora HPP dam")
    assert not same(key_to_topic, "Velmora dam", "Velmora reservoir")
    assert same(key_to_topic, "Ostrava nuclear power plant", "Ostrava plant")
    assert not same(key_to_topic, "Ostrava plant", "Velmora dam")
    assert same(key_to_topic, "Kessel river", "Kessel")  # "the Kessel": the river
    assert kind(key_to_topic, drafts, "Velmora dam") == "system"
    assert kind(key_to_topic, drafts, "Tarn bridge") == "place"
    assert kind(key_to_topic, drafts, "Velmora reservoir") == "place"


def test_an_owner_or_an_indefinite_article_keeps_the_structure_noun_apart():
    key_to_topic, _ = topics([
        "Workers at Zentrix's Harlow plant removed the panel.",
        "A Harlow bridge was closed.", "Harlow is a small town.",
    ])
    assert entity_key("Harlow plant") not in key_to_topic
    assert entity_key("Harlow bridge") not in key_to_topic
    key_to_topic, _ = topics([
        "Strikers closed the Zentrix plant on Monday.", "Zentrix said output would fall.",
    ])
    assert entity_key("Zentrix plant") not in key_to_topic  # the company's plant
    assert entity_key("Zentrix") in key_to_topic


def test_the_same_proper_name_with_nuclear_and_hydroelectric_plants_stays_apart():
    key_to_topic, _ = topics([
        "The Dorvik nuclear power plant lost power.",
        "The Dorvik hydroelectric plant kept running.",
        "The Dorvik plant was evacuated.",
    ])
    assert not same(key_to_topic, "Dorvik nuclear power plant", "Dorvik hydroelectric plant")
    assert not same(key_to_topic, "Dorvik plant", "Dorvik nuclear power plant")
    assert not same(key_to_topic, "Dorvik plant", "Dorvik hydroelectric plant")


def test_plural_count_led_and_mixed_case_designations_join_the_model():
    key_to_topic, drafts = topics([
        "Regulators grounded every Zephyr 848 Max 7 jet.",
        "Carriers flew 63 Max 7s last year.",
        "Inspectors checked 140 MAX 7 jets on Monday.",
        "Patrols flew two F-27s, and an F-27 crashed.",
        "Workers at Zephyr checked them again.",
    ])
    assert same(key_to_topic, "Zephyr 848 Max 7", "Max 7s", "MAX 7")
    assert not any(key.startswith("140") for key in key_to_topic)
    assert same(key_to_topic, "F-27s", "F-27")
    assert kind(key_to_topic, drafts, "Zephyr") == "organisation"  # the maker


def test_an_operator_is_split_from_the_model_it_flies():
    key_to_topic, _ = topics([
        "A panel blew off a Corvane Airlines Zephyr 848 Max 7 over the bay.",
        "Corvane Airlines Flight 2210 returned safely.", "Flight 2210 had 170 people aboard.",
    ])
    assert entity_key("Corvane Airlines") in key_to_topic
    assert entity_key("Zephyr 848 Max 7") in key_to_topic
    assert not same(key_to_topic, "Corvane Airlines", "Zephyr 848 Max 7")
    assert same(key_to_topic, "Corvane Airlines Flight 2210", "Flight 2210")
    key_to_topic, drafts = topics(["Interstate 88 was closed near the border.",
                                     "Crews reopened Interstate 88 on Friday."])
    assert kind(key_to_topic, drafts, "Interstate 88") == "place"


def test_a_state_name_stands_for_the_company_named_after_it_only_when_it_acts():
    key_to_topic, _ = topics([
        "Nebraska Airlines grounded its jets.", "Nebraska said 40 flights were cancelled.",
        "Nebraska has 65 of the jets.",
    ])
    assert same(key_to_topic, "Nebraska", "Nebraska Airlines")
    key_to_topic, _ = topics([
        "Nebraska Airlines grounded its jets.", "Flights in Nebraska were cancelled.",
        "Nebraska said nothing.",
    ])
    assert not same(key_to_topic, "Nebraska", "Nebraska Airlines")
    key_to_topic, _ = topics([
        "The Montana Herald reported the closure.", "Montana said it would reopen roads.",
    ])
    assert not same(key_to_topic, "Montana", "Montana Herald")  # a newspaper, not a company


def test_seat_numbers_hedges_and_office_fields_are_not_topics():
    key_to_topic, _ = topics([
        "Seats 31C and 31D were empty.",
        "Roughly 600 square miles were flooded.",
        "The U.S. Embassy said it was helping.",
        "Aviation Secretary Lena Morrow visited, and the Aviation Secretary said so.",
        "Treasury Secretary Ada Quill spoke; the Treasury said it would act.",
    ])
    assert not {"31c", "31d", "roughly 600", "roughly", "aviation", "embassy"} & set(key_to_topic)
    assert entity_key("Lena Morrow") in key_to_topic
    assert entity_key("Treasury") in key_to_topic  # also named alone


def test_titles_with_a_complement_and_representatives():
    key_to_topic, drafts = topics([
        "Minister of Coastal Affairs Ivo Brannik said five people died.",
        "Brannik said more were missing.",
        "Representative Tilda Varga, the senior member of the panel, called it a failure.",
        "Ewan Holt, the CEO of Brindle Expeditions, was aboard.",
        "Brindle Expeditions sold the seats.", "Nobody said a word about it.",
        "The Secretary of Coastal Defence visited.",
    ])
    assert same(key_to_topic, "Ivo Brannik", "Brannik")
    assert not any(key.startswith(("of ", "coastal")) for key in key_to_topic)
    assert kind(key_to_topic, drafts, "Ivo Brannik") == "person"
    assert kind(key_to_topic, drafts, "Tilda Varga") == "person"
    assert not {"expeditions", "of brindle expeditions", "nobody", "defence"} & set(key_to_topic)
    assert entity_key("Brindle Expeditions") in key_to_topic


def test_bodies_that_report_and_people_of_an_organisation():
    key_to_topic, drafts = topics([
        "Volgrenergo reported that the water fell by two metres.",
        "The Blue Anchor warned that mines had moved.",
        "Kessler Freight's Oren Maddox had described the plan.",
        "Residents reported a smell.",
        "Ships left Dravnik and other cities were emptied, and Dravnik Oblast was flooded.",
    ])
    assert kind(key_to_topic, drafts, "Volgrenergo") == "organisation"
    assert kind(key_to_topic, drafts, "Blue Anchor") == "organisation"
    assert kind(key_to_topic, drafts, "Oren Maddox") == "person"
    assert kind(key_to_topic, drafts, "Dravnik") == "place"
    assert "residents" not in key_to_topic


def test_a_country_is_shown_under_the_name_the_sources_write():
    key_to_topic, drafts = topics([
        "Rescuers in Myanmar worked through the night.", "Myanmar asked for help.",
    ])
    assert drafts[key_to_topic["myanmar"]].name == "Myanmar"  # not the table's "Burma"
    key_to_topic, drafts = topics(["Flights to the U.S. resumed.", "The US said so."])
    assert drafts[key_to_topic["us"]].name == "United States"


def test_a_federal_body_is_an_organisation():
    key_to_topic, drafts = topics([
        "The Federal Harbour Board raised rates.", "Economists expect the Federal Mint to act.",
        "The Federal Mint met on Tuesday.",
    ])
    assert kind(key_to_topic, drafts, "Federal Mint") == "organisation"


def test_the_name_and_a_lower_case_event_noun_name_the_event_not_the_place():
    key_to_topic, drafts = topics([
        "Firefighters in Dunmore said the Harrowgate blaze had crossed the ridge.",
        "The Harrowgate blaze destroyed 40 homes near Kestrel Lake.",
        "Residents of Harrowgate returned on Monday.",
        "Officers arrested 12 people after the Tolvik riot.",
        "Mayor Ada Brenn said the Tolvik and Harrowgate blazes were unrelated.",
        "The Chile quake was felt in Dunmore.",
    ])
    assert kind(key_to_topic, drafts, "Harrowgate blaze") == "event"
    assert kind(key_to_topic, drafts, "Tolvik riot") == "event"
    assert not same(key_to_topic, "Harrowgate blaze", "Harrowgate")  # the town stays a town
    assert same(key_to_topic, "Harrowgate blaze", "Harrowgate blazes")
    assert entity_key("Chile quake") not in key_to_topic  # told of the country


def test_a_road_designation_with_its_road_noun_is_one_place():
    key_to_topic, drafts = topics([
        "Lorries were stuck on the B17 motorway for six hours.",
        "Police closed the B17 highway near the border.",
    ])
    assert same(key_to_topic, "B17 motorway", "B17 highway")
    assert kind(key_to_topic, drafts, "B17 motorway") == "place"


def test_a_one_word_name_is_its_group_and_a_title_s_last_word_is_not_a_name():
    key_to_topic, drafts = topics([
        "The Ostrander Group bought the mine in 2019.",
        "Ostrander said profits fell.",
        "Head of the Joint Staff Mirela Dragan visited the port.",
        "Chief of the General Staff Tomas Halvor approved the plan.",
    ])
    assert same(key_to_topic, "Ostrander Group", "Ostrander")
    assert entity_key("Staff Mirela Dragan") not in key_to_topic
    assert kind(key_to_topic, drafts, "Tomas Halvor") == "person"
    assert entity_key("Chief of") not in key_to_topic


def test_hyphenated_and_middle_names_of_one_person_join():
    key_to_topic, _ = topics([
        "The climber was named as Ilse Marta Ruiz-Brandt, 29, of Varno.",
        "A vigil was held for Ilse Ruiz Brandt, 29, on Sunday.",
        "Ruiz-Brandt had climbed the peak twice.",
        "Ilse Brandt, 61, a neighbour, said the road was icy.",
    ])
    assert same(key_to_topic, "Ilse Marta Ruiz-Brandt", "Ilse Ruiz Brandt", "Ruiz-Brandt")
    assert not same(key_to_topic, "Ilse Marta Ruiz-Brandt", "Ilse Brandt")  # two dropped


def test_a_name_used_for_a_region_joins_the_region_but_a_county_stays_apart():
    key_to_topic, _ = topics([
        "Shelling hit villages in the Zarechny region overnight.",
        "The governor of Zarechny Oblast declared an emergency.",
        "A depot burned in Zarechny on Sunday.",
        "Flooding closed schools in Holt County.",
        "The mayor of Holt said the river was falling.",
    ])
    assert same(key_to_topic, "Zarechny", "Zarechny Oblast")
    assert not same(key_to_topic, "Holt", "Holt County")


def test_a_short_name_that_clips_a_long_name_joins_it():
    key_to_topic, _ = topics([
        "The Ruritania Department of Rail Transport suspended services.",
        "Ruri Rail said trains would resume on Friday.",
        "Rurik said the line was safe.",
    ])
    assert same(key_to_topic, "Ruri Rail", "Ruritania Department of Rail Transport")
    assert not same(key_to_topic, "Rurik", "Ruritania Department of Rail Transport")


def test_capitals_joined_by_an_ampersand_are_one_name():
    key_to_topic, _ = topics([
        "KT&N said the outage ended at noon.", "Shares of KT&N fell 4%.",
        "Analysts at R&V Ratings cut the outlook.",
    ])
    assert entity_key("KT&N") in key_to_topic and entity_key("KT") not in key_to_topic
    assert entity_key("R&V Ratings") in key_to_topic
