"""Round-ten topic rules, each on invented text of a kind of story other than the cluster
that showed the miss (mines, ferries, festivals, stadiums, strikes ...)."""

from __future__ import annotations

from figure_helpers import analysed

from site_builder.analyze.entities import find_mentions
from tests.topic_helpers import kind, same, topics


def _keys(sentence: str, vocab: frozenset[str] = frozenset()) -> list[str]:
    return [m.key for m in find_mentions(sentence, vocab)]


def test_a_month_short_form_inside_a_name_is_no_date():
    # "Jan" of a place's or a person's name; "Jan. 5" and "Jan 5" stay dates.
    assert "kafr jan" in _keys("The ferry sank off Kafr Jan district on Monday.")
    assert "omar abdul jan" in _keys("The mine's owner is Omar Abdul Jan, a local trader.")
    assert "mirela" in _keys("Mirela Jan. 5 was the day the strike began.")
    assert "hvb" in _keys("Shares of HVB Jan 5 fell.", frozenset({"shares"}))
    assert not any("jan" in k for k in _keys("The festival opened in Varno on Jan 5."))


def test_a_country_name_and_a_company_word_are_the_company():
    # "Kenya Airways" is the company, not Kenya and "Airways"; "U.S. Navy" still splits.
    assert "peru railways" in _keys("A Peru Railways train derailed at dawn.")
    assert "peru railways" in _keys("Crews of Peru Railways cleared the line.",
                                         frozenset({"crews"}))


def test_an_operator_and_a_single_model_code_are_two_names():
    keys = _keys("The stranded Ostland Airways B737 was towed away.")
    assert "ostland airways" in keys and "b737" in keys


def test_a_name_written_as_one_word_and_as_two_is_one_place():
    key_to_topic, _ = topics(["Miners were trapped near Kafrbatna on Tuesday.",
                              "Rescuers reached Kafr Batna by road."])
    assert same(key_to_topic, "Kafrbatna", "Kafr Batna")


def test_one_vowel_of_a_transliterated_place_name_is_one_place_not_a_persons():
    key_to_topic, _ = topics(["The ferry left Bandar Mahshar at noon.",
                              "Relatives gathered in Bandar Mahshir overnight."])
    assert same(key_to_topic, "Bandar Mahshar", "Bandar Mahshir")
    key_to_topic, _ = topics(["Striker Maria Gomez said the stadium was full.",
                              "Coach Mario Gomez said he was proud."])
    assert not same(key_to_topic, "Maria Gomez", "Mario Gomez")


def test_a_generational_suffix_is_the_same_person():
    key_to_topic, drafts = topics(["Fire Chief Luis Mora Jr. said the stands were empty.",
                                   "Chief Luis Mora said two stewards were hurt."])
    assert same(key_to_topic, "Luis Mora Jr.", "Luis Mora")
    assert kind(key_to_topic, drafts, "Luis Mora") == "person"


def test_a_quoted_nickname_joins_the_full_name():
    key_to_topic, drafts = topics([
        'Festival founder Margaret "Peggy" Olander, 66, said the gates opened late.',
        "Peggy Olander said the crowd had doubled.",
    ])
    assert same(key_to_topic, "Margaret Olander", "Peggy Olander")
    assert kind(key_to_topic, drafts, "Margaret Olander") == "person"


def test_an_airport_proper_name_goes_by_its_name_alone_unless_a_town_is_meant():
    key_to_topic, _ = topics(["The charter landed at Velkavik Airport at dawn.",
                              "Crews at Velkavik cleared the snow."])
    assert same(key_to_topic, "Velkavik", "Velkavik Airport")


def test_a_town_and_the_region_named_for_it_are_two_places():
    key_to_topic, drafts = topics([
        "Miners in Ostrava province walked out on Monday.",
        "The strike spread to Ostrava city by the evening.",
    ])
    assert not same(key_to_topic, "Ostrava province", "Ostrava")
    assert kind(key_to_topic, drafts, "Ostrava province") == "place"
    # Without a town named for it, the name and its region word are one place.
    key_to_topic, _ = topics(["Miners in Varnia province walked out.",
                              "The strike in Varnia spread."])
    assert "varnia" in key_to_topic and "varnia province" not in key_to_topic


def test_a_year_and_an_event_noun_name_a_past_event():
    key_to_topic, drafts = topics(["The stadium was rebuilt after the 1989 fire.",
                                   "Since the 1989 fire the club has met there."])
    assert kind(key_to_topic, drafts, "1989 fire") == "event"
    key_to_topic, _ = topics(["The stadium was rebuilt after the 1989 fire."])
    assert "1989 fire" not in key_to_topic  # told of once: background


def test_an_ordinary_word_opening_a_sentence_before_a_country_is_cut():
    assert "us geological survey" in _keys(
        "Preliminary U.S. Geological Survey readings put the tremor at 4.1.")


def test_a_division_of_a_state_is_a_body_not_a_person():
    key_to_topic, drafts = topics([
        "Ana Ruiz, head of the Ohio Division of Mine Safety, said the shaft was sealed."])
    assert kind(key_to_topic, drafts, "Ohio Division of Mine Safety") == "organisation"


def test_a_post_in_an_appositive_marks_a_person():
    key_to_topic, drafts = topics([
        "Tomas Brecker, the acting relief coordinator for the port, said boats were out."])
    assert kind(key_to_topic, drafts, "Tomas Brecker") == "person"


def test_a_sentence_told_of_another_day_is_no_support_and_stands_apart(tmp_path):
    # Two storms (invented) told in like words: the second one's report is its own fact.
    digest = analysed(tmp_path, [
        ("2024-03-10", ["A violent storm tore the roof off the Halden sports hall on "
                        "Saturday, the fire service said."]),
        ("2024-03-11", ["A violent storm tore the roof off the Halden sports hall on "
                        "Saturday, the fire service said."]),
        ("2024-03-12", ["A second violent storm tore the roof off the Halden sports hall on "
                        "Monday, the fire service said."]),
    ])
    facts = digest.facts + digest.other_claims
    first = next(f for f in facts if "Saturday" in f.statement)
    assert {r.article for r in first.support} == {"a0", "a1"}
    assert any("Monday" in f.statement and f.support[0].article == "a2" for f in facts)


def test_a_name_read_twice_as_a_place_is_one():
    key_to_topic, drafts = topics(["The tanker ran aground near Brevik on Friday.",
                                   "Oil reached beaches in Brevik by Sunday."])
    assert kind(key_to_topic, drafts, "Brevik") == "place"


def test_two_outlets_whose_local_and_gmt_times_put_one_place_in_two_zones(tmp_path):
    # A ferry fire (invented): 9:10 a.m. is 05:40 GMT at UTC+3:30, not 04:40 GMT.
    digest = analysed(tmp_path, [
        ("2024-05-02", ["The fire broke out aboard the ferry off Bandar Kerim at 9:10 a.m. "
                        "(05:40 GMT) on Thursday, the port authority said."]),
        ("2024-05-03", ["Smoke was first seen over Bandar Kerim just after 9am on Thursday "
                        "(04:40 GMT), witnesses said."]),
        ("2024-05-03", ["Tugs reached Bandar Kerim at 11:30 a.m. (08:00 GMT) on Thursday."]),
    ])
    rows = [d for d in digest.disagreements if "GMT" in d.about]
    assert len(rows) == 1 and rows[0].kind == "contradicts"
    assert {c.support[0].article for c in rows[0].claims} == {"a0", "a1"}
    assert len(rows[0].claims) == 2


def test_local_and_gmt_times_of_one_zone_are_no_conflict(tmp_path):
    # A stadium roof collapse (invented): two times, one offset (UTC-5), no row.
    digest = analysed(tmp_path, [
        ("2024-02-10", ["The roof of the Corvo Arena gave way at 4:15 p.m. (21:15 GMT) "
                        "on Saturday."]),
        ("2024-02-11", ["Crews evacuated the Corvo Arena by 6 p.m. (23:00 GMT), officials "
                        "said."]),
    ])
    assert not [d for d in digest.disagreements if "GMT" in d.about]


def test_leave_told_as_given_and_as_refused_is_a_row(tmp_path):
    # A crane collapse (invented): the operator says it had a permit's go-ahead, the
    # city's log shows none; a sentence telling both sides tells neither.
    digest = analysed(tmp_path, [
        ("2024-08-01", ["The crane operator said it had been given clearance to lift the "
                        "steel beams over Harbour Street."]),
        ("2024-08-02", ["The city's permit log shows no clearance for the crane to lift "
                        "steel beams over Harbour Street that morning."]),
        ("2024-08-02", ["The firm says it had permission, though the log has no such "
                        "clearance."]),
    ])
    rows = [d for d in digest.disagreements if d.about == "whether permission was given"]
    assert len(rows) == 1 and rows[0].kind == "contradicts"
    assert [c.support[0].article for c in rows[0].claims] == ["a0", "a1"]


def test_moving_against_standing_still_in_one_scene_is_a_row_but_not_elsewhere(tmp_path):
    # A level-crossing crash (invented): was the lorry moving when the train hit it?
    digest = analysed(tmp_path, [
        ("2024-04-03", ["Witnesses said the lorry was moving across the Dunmore level "
                        "crossing when the express train struck it."]),
        ("2024-04-04", ["Camera footage shows the lorry stationary on the Dunmore level "
                        "crossing for a minute before the express train struck it."]),
        ("2024-04-04", ["A glacier above the valley was still moving, geologists said, and "
                        "a second one was motionless."]),
    ])
    rows = [d for d in digest.disagreements if d.about == "whether it was moving"]
    assert len(rows) == 1
    assert {c.support[0].article for c in rows[0].claims} == {"a0", "a1"}
    digest = analysed(tmp_path / "apart", [
        ("2024-04-03", ["The storm was moving north over open sea on Tuesday."]),
        ("2024-04-04", ["Traffic on the Dunmore bridge stood motionless for hours."]),
    ])
    assert not [d for d in digest.disagreements if d.about == "whether it was moving"]


def test_one_vowel_apart_joins_no_names_that_are_not_read_as_places():
    key_to_topic, _ = topics(["Salim Haddad ran the ticket office at the stadium.",
                              "Selim Haddad ran the kiosk at the stadium."])
    assert not same(key_to_topic, "Salim Haddad", "Selim Haddad")
    key_to_topic, _ = topics(["The ferry left Kafr Salim at noon.",
                              "Boats from Kafr Selim joined the search."])
    assert same(key_to_topic, "Kafr Salim", "Kafr Selim")


def test_a_verb_the_noun_name_is_one_body_but_not_after_speech_or_a_place():
    vocab = frozenset("children army river navy".split())
    assert _keys("And Feed the Children sent trucks to the camp.", vocab) == ["feed the children"]
    assert _keys("A spokesman told Reuters the Navy had sent ships.", vocab) == ["reuters"]
    assert _keys("In Hunt the River rose fast.", vocab) == ["hunt"]
    assert "coast guard" in _keys("Reuters the Coast Guard said.", vocab)
    key_to_topic, drafts = topics(["Stadium staff and Feed the Children sent food parcels.",
                                   "The parcels went to children at the stadium."])
    assert kind(key_to_topic, drafts, "Feed the Children") == "organisation"


def test_a_local_time_labelled_gmt_by_another_outlet_is_a_row(tmp_path):
    # A mine blast (invented): 6:40 a.m. local is 22:40 GMT the day before; another
    # outlet gives "about 6:40 a.m. GMT". A GMT time of another event is left alone.
    digest = analysed(tmp_path, [
        ("2024-10-02", ["The blast tore through the Karvola mine at 6:40 a.m. on Wednesday "
                        "(2240 GMT Tuesday), the operator said."]),
        ("2024-10-02", ["The blast hit the Karvola mine at about 6:40 a.m. GMT on Wednesday, "
                        "trapping 40 miners."]),
        ("2024-10-03", ["Rescue teams entered the Karvola mine at 10:15 GMT after the blast "
                        "site was made safe."]),
    ])
    rows = [d for d in digest.disagreements if d.about == "the local time against GMT"]
    assert len(rows) == 1
    assert [c.support[0].article for c in rows[0].claims] == ["a0", "a1"]


def test_a_models_variant_is_the_model_the_text_names_without_its_series():
    key_to_topic, _ = topics(["The Velto V400-200 coach overturned on the pass.",
                              "The Velto V400 had passed its inspection in May."])
    assert same(key_to_topic, "Velto V400-200", "Velto V400")
    # Two models with that code and no maker named: the variant is left alone.
    key_to_topic, _ = topics(["The V400-200 coach overturned on the pass.",
                              "A Velto V400 and a Marna V400 were parked nearby."])
    assert not same(key_to_topic, "V400-200", "Velto V400")
    assert not same(key_to_topic, "V400-200", "Marna V400")
