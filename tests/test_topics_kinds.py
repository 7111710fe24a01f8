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


def test_an_operators_name_before_a_model_is_two_names():
    # A ferry operator and its boat model; a coast guard and its helicopter.
    key_to_topic, drafts = topics([
        "The Lindqvist Air Corvan 620-300 left the quay at dawn.",
        "The Corvan 620-300 carries 90 people.",
        "Lindqvist Air said the crossing was calm.",
        "A Coast Guard Sea Marten helicopter lifted two people from the water.",
        "The Sea Marten crew found them at noon.",
    ])
    assert entity_key("Corvan 620-300") in key_to_topic
    assert entity_key("Lindqvist Air Corvan 620-300") not in key_to_topic
    assert not same(key_to_topic, "Lindqvist Air", "Corvan 620-300")
    assert entity_key("Coast Guard Sea Marten") not in key_to_topic
    assert entity_key("Sea Marten") in key_to_topic
    assert kind(key_to_topic, drafts, "Corvan 620-300") == "system"
    # A season's years are no model number.
    key_to_topic, _ = topics(["The Ferry League 2031-32 timetable was cut."])
    assert entity_key("Ferry League") in key_to_topic


def test_a_police_force_named_for_its_place_is_not_split_before_a_system_noun():
    key_to_topic, _ = topics(["A Police Scotland helicopter searched the loch at dawn."])
    assert entity_key("Police Scotland") in key_to_topic


def test_a_role_appositive_without_an_article_marks_a_person():
    # A mine rescue: the name is said once, then the head of a body describes it.
    key_to_topic, drafts = topics([
        "Ilse Varganova, head of the regional mine rescue service, said air was reaching them.",
        "Tomas Brecht, chief engineer at the colliery, said the shaft held.",
        "Rosmarin, capital of the district, sent buses.",
    ])
    assert kind(key_to_topic, drafts, "Ilse Varganova") == "person"
    assert kind(key_to_topic, drafts, "Tomas Brecht") == "person"
    assert entity_key("Rosmarin") not in key_to_topic or kind(
        key_to_topic, drafts, "Rosmarin") != "person"


def test_a_body_named_for_a_list_of_fields_is_one_name():
    # A school-exam scandal: a ministry named for three fields.
    key_to_topic, _ = topics([
        "The Ministry of Education, Science and Sport said the papers had leaked.",
        "Ostrel's Ministry of Education, Science and Sport ordered a resit.",
        "The Bank of Ostrel, Halvard and Kessin lend to schools.",
        "The Department of Justice, Acme and Zentrix met on Monday.",
        "Pupils who play sport sat the papers again.",
    ])
    assert entity_key("Ministry of Education, Science and Sport") in key_to_topic
    assert entity_key("Science") not in key_to_topic
    assert entity_key("Bank of Ostrel, Halvard and Kessin") not in key_to_topic
    assert entity_key("Department of Justice, Acme and Zentrix") not in key_to_topic


def test_a_call_sign_names_no_topic():
    key_to_topic, _ = topics([
        "The tower told the survey plane, call sign TORK41, to hold west of the field.",
    ])
    assert entity_key("TORK41") not in key_to_topic


def test_a_flight_number_with_and_without_the_airline_code_is_one_flight():
    key_to_topic, drafts = topics([
        "Flight 618 from Varno landed on its belly.",
        "Flight Q4618 had 70 passengers aboard.",
        "Flight 9K4618 was another service.",
        "Flight 702 and Flight 3702 left later.",
    ])
    assert same(key_to_topic, "Flight 618", "Flight Q4618")
    assert not same(key_to_topic, "Flight 618", "Flight 9K4618") or not same(
        key_to_topic, "Flight Q4618", "Flight 9K4618")
    assert not same(key_to_topic, "Flight 702", "Flight 3702")  # digits only: no code
    assert kind(key_to_topic, drafts, "Flight Q4618") == "event"


def test_one_flight_number_under_a_brand_and_its_mainline_is_one_flight():
    # A ferry-plane ditching (invented carriers): the brand opens with a nationality word.
    key_to_topic, _ = topics([
        "Norwegian Puffin Flight 4410 ditched off the coast.",
        "The plane, operated as Nordlys Airlines Flight 4410, carried 40 people.",
        "Nordlys Airlines Flight 4411 landed safely.",
    ])
    assert entity_key("Norwegian Puffin Flight 4410") in key_to_topic
    assert same(key_to_topic, "Norwegian Puffin Flight 4410", "Nordlys Airlines Flight 4410")
    assert not same(key_to_topic, "Nordlys Airlines Flight 4410", "Nordlys Airlines Flight 4411")


def test_a_models_letter_code_alone_is_the_model():
    # A train collision: "the TX" for the TX220 railcar.
    key_to_topic, _ = topics([
        "The Halvik TX220 railcar was running late.",
        "Passengers said the TX shook before the crash.",
        "The TX220 has two cabs.",
    ])
    assert same(key_to_topic, "Halvik TX220", "TX220", "TX")


def test_a_models_letter_code_shared_by_two_models_stays_apart():
    key_to_topic, _ = topics([
        "The Halvik TX220 railcar and the Orm TX310 locomotive collided.",
        "The TX was running late.",
    ])
    assert not same(key_to_topic, "TX", "TX220")
    assert not same(key_to_topic, "TX", "TX310")


def test_a_models_name_after_different_designations_is_one_model():
    # A satellite launch: the launcher is written with two designations and alone.
    key_to_topic, drafts = topics([
        "The LV-3 Grey Heron rose from the pad at 6 a.m.",
        "Orbitra's OLV-3 Grey Heron carried two satellites.",
        "The Grey Heron's second stage shut down early.",
        "Apollo 11 Lunar Module and Apollo 13 Lunar Module were built by one firm.",
    ])
    assert same(key_to_topic, "LV-3 Grey Heron", "OLV-3 Grey Heron", "Grey Heron")
    assert kind(key_to_topic, drafts, "Grey Heron") == "system"
    # A bare number is a mission's: the two modules stay apart.
    assert not same(key_to_topic, "Apollo 11 Lunar Module", "Apollo 13 Lunar Module")


def test_a_structures_two_word_short_form_is_the_structure():
    # A station crush: the station is named for a person and its town.
    key_to_topic, _ = topics([
        "Crowds filled Ana Ruiz Kessel Central Station on Friday.",
        "Trains at Kessel Central were halted for an hour.",
        "Muir Central is another town's station.",
    ])
    assert same(key_to_topic, "Ana Ruiz Kessel Central Station", "Kessel Central")
    assert not same(key_to_topic, "Muir Central", "Ana Ruiz Kessel Central Station")


def test_an_airport_with_and_without_international_is_one_airport():
    key_to_topic, _ = topics([
        "The plane skidded at Orvik International Airport.",
        "Fire crews at Orvik airport reached it in two minutes.",
        "Orvik is a fishing town.",
    ])
    assert same(key_to_topic, "Orvik International Airport", "Orvik airport")
    assert not same(key_to_topic, "Orvik", "Orvik airport")


def test_transliterated_spellings_of_one_person_join_narrowly():
    # A ferry sinking: the port's governor in two transliterations; two other officials
    # whose names share their consonants but are different names.
    key_to_topic, drafts = topics([
        "Governor Abdulrahim al-Masoudi said 40 people were rescued.",
        "Governor Abdel-Raheem al-Masoudi visited the port.",
        "Minister Mohammed Saleh said the ferry was overloaded.",
        "Minister Mahmoud Saleh said the captain fled.",
        "Mayor Dina Karsh said the quay was closed.",
        "Mayor Dana Karsh said ferries would resume.",
    ])
    assert same(key_to_topic, "Abdulrahim al-Masoudi", "Abdel-Raheem al-Masoudi")
    assert kind(key_to_topic, drafts, "Abdulrahim al-Masoudi") == "person"
    assert not same(key_to_topic, "Mohammed Saleh", "Mahmoud Saleh")
    assert not same(key_to_topic, "Dina Karsh", "Dana Karsh")  # too short to tell


def test_a_country_before_ordinary_words_names_a_national_body():
    # A regatta capsize: the national rowing body, and a navy that is split from its country.
    key_to_topic, _ = topics([
        "US Rowing said the regatta would go ahead after the capsize.",
        "Members of the rowing club watched from the bank.",
        "The U.S. Navy sent a boat to the lake.",
        "A diver reached the hull.",
    ])
    assert entity_key("US Rowing") in key_to_topic
    assert entity_key("Rowing") not in key_to_topic
    assert not same(key_to_topic, "US Rowing", "United States")
    assert entity_key("Navy") in key_to_topic
    assert entity_key("U.S. Navy") not in key_to_topic
