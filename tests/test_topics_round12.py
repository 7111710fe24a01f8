"""Topic rules of round 12, each on invented text from another kind of story than the
cluster that showed the miss (styles and patronymics came from a fire, initialisms from
a crash, transliterations from a club disaster)."""

from __future__ import annotations

from topic_helpers import kind, same, topics

from site_builder.analyze.entities import entity_key, find_mentions


def _surfaces(drafts, key_to_topic, name: str) -> set[str]:
    return set(drafts[key_to_topic[entity_key(name)]].surfaces)


def test_an_honorific_style_is_kept_as_a_spelling_of_the_name():
    # A stadium opening, not a fire.
    key_to_topic, drafts = topics([
        "Sheikh Salman Khalid Rashid Al-Nouri opened the new stadium on Friday.",
        "The ceremony was attended by Sir Alan Whitcombe, the league's patron.",
        "Whitcombe said the roof was the largest of its kind.",
    ])
    assert "Sheikh Salman Khalid Rashid Al-Nouri" in _surfaces(
        drafts, key_to_topic, "Salman Khalid Rashid Al-Nouri")
    assert "Sir Alan Whitcombe" in _surfaces(drafts, key_to_topic, "Alan Whitcombe")
    # The styled spelling names the page; the mention is counted once.
    draft = drafts[key_to_topic[entity_key("Salman Khalid Rashid Al-Nouri")]]
    assert draft.name == "Sheikh Salman Khalid Rashid Al-Nouri"
    assert sum(draft.surfaces.values()) == 1


def test_an_office_is_no_style():
    mentions = find_mentions("Former Prince Ivo Rastic and Prime Minister Mira Ostrova met.",
                             frozenset({"met"}))
    assert [(m.surface, m.style) for m in mentions] == [("Ivo Rastic", ""), ("Mira Ostrova", "")]


def test_a_short_arabic_name_with_a_forebears_name_joins_the_full_chain():
    # A port strike, not a fire: given name and "Al-" with the father's name, spelled
    # another way, and the given name alone after the style.
    key_to_topic, _ = topics([
        "Minister Sheikh Hamad Yusuf Nasser Al-Dosari toured the port on Monday.",
        "Sheikh Hamd Al-Yousef said the strike would end within days.",
        "Sheikh Hamd said dockers would be paid in full.",
        "Sheikh Khalid Al-Dosari, his cousin, runs the customs office.",
    ])
    assert same(key_to_topic, "Hamad Yusuf Nasser Al-Dosari", "Hamd Al-Yousef", "Hamd")
    assert not same(key_to_topic, "Hamad Yusuf Nasser Al-Dosari", "Khalid Al-Dosari")


def test_a_short_name_whose_al_name_is_no_forebear_stays_apart():
    key_to_topic, _ = topics([
        "Minister Sheikh Hamad Yusuf Nasser Al-Dosari toured the port on Monday.",
        "Sheikh Hamad Al-Mansour, a trader, said the strike had cost him dearly.",
    ])
    assert not same(key_to_topic, "Hamad Yusuf Nasser Al-Dosari", "Hamad Al-Mansour")


def test_a_three_part_name_after_an_office_and_its_field_is_whole():
    # A mine rescue, not a fire.
    key_to_topic, drafts = topics([
        "Minister of State for Home Affairs Ravi Kumar Menon said 12 miners were rescued.",
        "The Minister of State for Mines Lata Iyer said the shaft was sealed.",
    ])
    assert kind(key_to_topic, drafts, "Ravi Kumar Menon") == "person"
    assert kind(key_to_topic, drafts, "Lata Iyer") == "person"
    assert entity_key("Affairs Ravi Kumar Menon") not in key_to_topic
    assert entity_key("Mines Lata Iyer") not in key_to_topic


def test_a_body_named_with_general_and_force_is_no_titled_person():
    # A flood rescue, not a fire.
    key_to_topic, drafts = topics([
        "The General Rescue Force said 40 people were lifted from roofs.",
        "A Varnese Air Force helicopter flew six sorties.",
        "A Varnese Air Force Z-40K landed at the stadium with supplies.",
    ])
    assert kind(key_to_topic, drafts, "General Rescue Force") == "organisation"
    assert same(key_to_topic, "Varnese Air Force")
    assert kind(key_to_topic, drafts, "Varnese Air Force") == "organisation"
    assert kind(key_to_topic, drafts, "Z-40K") == "system"
    assert entity_key("Force Z-40K") not in key_to_topic
    assert entity_key("Force") not in key_to_topic


def test_a_general_before_a_persons_name_is_still_a_title():
    mentions = find_mentions("General Ana Maria Ruiz said the bridge was safe.", frozenset())
    assert [(m.surface, m.titled) for m in mentions] == [("Ana Maria Ruiz", True)]


def test_a_governorate_is_a_place_and_a_name_joins_its_prefecture():
    # A landslide, not a fire.
    key_to_topic, drafts = topics([
        "The landslide buried homes in Tarsk Governorate overnight.",
        "Rain warnings covered Velmora Prefecture on Sunday.",
        "Schools in Velmora stayed shut.",
    ])
    assert kind(key_to_topic, drafts, "Tarsk Governorate") == "place"
    assert same(key_to_topic, "Velmora", "Velmora Prefecture")


def test_a_company_and_its_initialism_with_group_are_one():
    # A factory collapse, not a fire.
    key_to_topic, _ = topics([
        "The factory was run by the KLT Group, a textile maker.",
        "KLT said it would pay the families of the dead.",
    ])
    assert same(key_to_topic, "KLT Group", "KLT")


def test_a_syllabic_short_form_of_a_company_joins_it():
    # A ferry sinking, not a plane crash.
    key_to_topic, _ = topics([
        "The ferry belonged to the Borvia Shipping Company.",
        "BOSCO said all crew had been accounted for.",
        "The Borvia Port Authority closed the harbour.",
    ])
    assert same(key_to_topic, "Borvia Shipping Company", "BOSCO")
    assert not same(key_to_topic, "Borvia Port Authority", "BOSCO")


def test_a_syllabic_short_form_that_fits_no_body_stays_apart():
    key_to_topic, _ = topics([
        "The ferry belonged to Borvia Shipping, an operator.",
        "BOSCO said all crew had been accounted for.",
    ])
    assert not same(key_to_topic, "Borvia Shipping", "BOSCO")


def test_a_model_written_with_its_makers_initial_and_the_maker_alone_are_the_model():
    # A train derailment, not a plane crash.
    key_to_topic, drafts = topics([
        "The Kestra 450 left the rails near Varno at speed.",
        "Inspectors said the K450 had passed its last check.",
        "The Kestra was carrying 210 passengers.",
        "The Kestra train had been in service for nine years.",
    ])
    assert same(key_to_topic, "Kestra 450", "K450", "Kestra")
    assert kind(key_to_topic, drafts, "Kestra 450") == "system"


def test_a_maker_that_reports_is_the_company_not_its_model():
    key_to_topic, _ = topics([
        "The Kestra 450 left the rails near Varno at speed.",
        "Kestra said it was sending engineers to the site.",
    ])
    assert not same(key_to_topic, "Kestra 450", "Kestra")


def test_a_name_written_with_carons_and_with_digraphs_is_one():
    # A mine flood, not a club fire.
    key_to_topic, _ = topics([
        "Water flooded the mine at Želino on Tuesday.",
        "Families gathered at the pit head in Zhelino.",
        "Rescuers from Šabac joined the search.",
        "Officials in Sabac said the team had left.",
    ])
    assert same(key_to_topic, "Želino", "Zhelino")
    assert same(key_to_topic, "Šabac", "Sabac")  # dropped carons: one key already


def test_a_native_name_and_the_english_name_given_in_apposition_are_one():
    # A dam release, not a plane crash.
    key_to_topic, _ = topics([
        "Vodnadzor, Ruritania's federal water transport agency, ordered the release.",
        "The head of the Federal Water Transport Agency said levels were falling.",
        "Gidrokon, the State Dam Inspectorate, said the spillway held.",
        "The State Dam Inspectorate sent two engineers.",
    ])
    assert same(key_to_topic, "Vodnadzor", "Federal Water Transport Agency")
    assert same(key_to_topic, "Gidrokon", "State Dam Inspectorate")


def test_a_body_in_a_list_after_a_comma_is_no_apposition():
    key_to_topic, _ = topics([
        "Talks included Vodnadzor, the State Dam Inspectorate and two towns.",
        "The State Dam Inspectorate sent two engineers.",
        "Vodnadzor declined to comment.",
    ])
    assert not same(key_to_topic, "Vodnadzor", "State Dam Inspectorate")


def test_a_name_with_series_letters_is_a_system():
    # A naval drill, not an air-defence strike.
    key_to_topic, drafts = topics([
        "A Kestrel-M anti-ship battery fired twice during the drill.",
        "Observers said the Kestrel-M had missed its target.",
    ])
    assert kind(key_to_topic, drafts, "Kestrel-M") == "system"


def test_a_venue_noun_between_a_name_and_an_event_is_part_of_the_events_name():
    # A crowd crush at a stadium, not a nightclub fire.
    mentions = find_mentions(
        "Every detail of the Tarsk stadium collapse was known to the engineers.", frozenset())
    assert [m.surface for m in mentions] == ["Tarsk stadium collapse"]
    key_to_topic, drafts = topics([
        "Every detail of the Tarsk stadium collapse was known to the engineers.",
        "Fans had filled the Tarsk stadium for the final.",
    ])
    assert kind(key_to_topic, drafts, "Tarsk stadium collapse") == "event"


def test_a_prosecutor_is_a_title_and_a_provider_a_body():
    # A dam breach and a telecoms outage, not a club fire or a crash.
    key_to_topic, drafts = topics([
        "Chief Prosecutor Dana Okafor charged four engineers over the breach.",
        "Mobile provider Telvox restored service after six hours.",
    ])
    assert kind(key_to_topic, drafts, "Dana Okafor") == "person"
    assert kind(key_to_topic, drafts, "Telvox") == "organisation"


def test_a_ministry_named_by_its_field_first_is_the_ministry_of_that_field():
    # A disease outbreak, not a cyclone or a plane crash.
    key_to_topic, _ = topics([
        "The Health Ministry said 40 new cases were confirmed on Monday.",
        "The Ministry of Public Health and Sanitation opened three clinics.",
        "The Transport Ministry closed two roads.",
        "The Ministry of Defence sent tents.",
    ])
    assert same(key_to_topic, "Health Ministry", "Ministry of Public Health and Sanitation")
    assert not same(key_to_topic, "Transport Ministry", "Ministry of Defence")


def test_a_days_name_with_de_opens_a_structures_name():
    # A bridge closure, not a dam failure.
    key_to_topic, _ = topics([
        "Traffic on the 25 de Abril bridge was halted for two hours.",
        "Engineers inspected the 25 de Abril bridge overnight.",
    ])
    assert entity_key("25 de Abril bridge") in key_to_topic
    assert entity_key("de Abril bridge") not in key_to_topic


def test_a_nations_body_after_the_keeps_its_nationality():
    # An avalanche, not a cyclone.
    key_to_topic, drafts = topics([
        "The Norwegian Red Cross sent two teams to the valley.",
        "Red Cross volunteers searched the slope.",
        "A Norwegian climber was among the missing.",
    ])
    assert same(key_to_topic, "Norwegian Red Cross", "Red Cross")
    assert kind(key_to_topic, drafts, "Norwegian Red Cross") == "organisation"


def test_a_name_after_a_place_on_the_political_spectrum_is_a_party():
    # A budget vote, not a cyclone.
    key_to_topic, drafts = topics([
        "The budget passed with the votes of the far-right Homeland Front.",
    ])
    assert kind(key_to_topic, drafts, "Homeland Front") == "organisation"


def test_a_shelter_named_for_a_place_is_a_place_of_its_own():
    # A flood's evacuees (invented), not an earthquake's.
    key_to_topic, drafts = topics([
        "Hundreds of families slept at the Orla evacuation centre on Monday.",
        "Buses left Orla for the coast.",
        "Aid reached the Varno centre by noon.",
    ])
    assert kind(key_to_topic, drafts, "Orla evacuation centre") == "place"
    assert not same(key_to_topic, "Orla", "Orla evacuation centre")
    assert entity_key("Varno centre") not in key_to_topic


def test_a_national_body_after_its_country_code_is_also_listed_without_it():
    # A storm forecast (invented), not a crash inquiry.
    key_to_topic, drafts = topics([
        "The U.S. National Weather Service warned of gusts above 90 mph.",
        "Forecasters at the US National Weather Service expect landfall on Friday.",
        "US Senator Ana Ruiz asked for federal help.",
    ])
    assert "National Weather Service" in _surfaces(
        drafts, key_to_topic, "US National Weather Service")
    assert "Senator Ana Ruiz" not in {s for d in drafts.values() for s in d.surfaces}


def test_a_name_before_an_appositive_with_a_possessive_place_is_a_persons():
    # A mine collapse (invented), not an earthquake.
    key_to_topic, drafts = topics([
        "Dana Okoro Wells, Tarsk's regional mines inspector, counted nine trapped men.",
    ])
    assert kind(key_to_topic, drafts, "Dana Okoro Wells") == "person"


def test_a_caron_spelling_joins_wherever_it_is_first_written():
    key_to_topic, _ = topics([
        "Rescuers reached Zelino before dawn.",
        "The mine at Želino flooded on Tuesday.",
        "Families waited at the pit head in Zhelino.",
    ])
    assert same(key_to_topic, "Zelino", "Želino", "Zhelino")
