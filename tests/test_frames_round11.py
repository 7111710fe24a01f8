"""Figure frames, round 11: kinds of statement that the flood, cyclone and air-crash
clusters missed or misread. Every rule is tried on invented text from another kind of
story (wildfires, a marathon, a mine, a stadium, a tornado, a ferry)."""

from figure_helpers import analysed, one

from site_builder.analyze.frames import find_figures
from site_builder.ingest.clean import clean
from site_builder.ingest.readers import read_html


def test_a_territory_of_so_many_people_is_its_population_not_the_toll():
    f = one("The tornado cut power across a province of 4 million people as the toll rose.")
    assert (f.prop, f.value) == ("population", 4e6)
    assert one("The blizzard stranded the island of 9,000 residents.").prop == "population"
    # A territory's name after "state of" is no figure's cue: the verb's property stands.
    assert one("In the state of Ohio, 50 people died in the storms.").prop == "killed"


def test_people_put_out_of_their_homes_are_displaced(tmp_path):
    assert one("More than 3,000 residents were driven out of their homes by the "
               "wildfire.").prop == "displaced"
    assert one("About 800 families were forced from their houses.").prop == "displaced"
    digest = analysed(tmp_path, [
        ("2024-08-02", ["More than 3,000 people have been forced from their homes by the "
                        "wildfire."]),
        ("2024-08-05", ["More than 12,000 people are out of their homes as the wildfire "
                        "spreads."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update" and [c.number for c in row.claims] == [3000, 12000]


def test_half_a_million_is_half_of_the_scale_with_the_hedge_before_half():
    f = one("Nearly half a million spectators lined the marathon route.")
    assert (f.value, f.hedge, f.text) == (500_000, "nearly", "Nearly half a million spectators")
    money = one("The new stand cost more than half a billion dollars.")
    assert (money.dimension, money.value, money.hedge) == ("money", 5e8, "lower")
    assert money.low > 5e8
    plain = one("Half a million people watched.")
    assert plain.low >= 400_000 and plain.high <= 600_000
    # "an hour" keeps its own reading.
    assert one("The ferry was held for an hour.").value == 1


def test_a_count_a_verb_of_expecting_takes_is_the_expected_count():
    active = one("Organisers expect 9,000 fans to attend the final.")
    passive = one("About 9,500 fans are expected to attend the final.")
    assert active.prop == passive.prop != ""
    assert one("Organisers said 9,000 fans attended the final.").prop != active.prop


def test_a_region_named_with_a_relative_aside_owns_its_share_of_the_toll():
    f = one("Vessa district, which bore the brunt of the tornado, reported 40 deaths.")
    assert (f.prop, f.place) == ("killed", "vessa")
    g = one("Tarn province, where the storm came ashore on Sunday, accounted for 28 of the "
            "dead.")
    assert (g.prop, g.place, g.value) == ("killed", "tarn", 28)
    # Without a region's kind the aside's subject is no place.
    h = one("The operator, which owns the pit, reported 12 deaths.")
    assert (h.prop, h.place) == ("killed", "")


def test_an_update_is_dated_by_the_figure_of_the_report_that_dates_it(tmp_path):
    """An undated page's "21" joined with a dated "more than 20": the claim stands on its
    dated report's day as "more than 20", which a rising toll allows after 22."""
    digest = analysed(tmp_path, [
        ("2024-03-01", ["The collapse at the Lund colliery has killed 22 miners, the company "
                        "said."]),
        (None, ["The collapse at the Lund colliery has killed 21 miners, the company said."]),
        ("2024-03-02", ["The collapse at the Lund colliery has killed more than 20 miners, "
                        "the company said."]),
        ("2024-03-04", ["The collapse at the Lund colliery has killed 31 miners, the company "
                        "said."]),
    ])
    rows = [d for d in digest.disagreements if 31 in {c.number for c in d.claims}]
    assert rows and all(d.kind == "update" for d in rows)


def test_a_pointer_to_another_story_inside_an_html_paragraph_is_cut():
    paragraphs = [
        "The stadium roof gave way on Saturday evening, the club said in a statement.",
        "Engineers had inspected the roof in March. Also read: Ferry fares to rise 5% as "
        "fuel costs bite. The club said the inspection found no fault with the steel.",
        "Matches are moved to the city's second ground until repairs are done.",
    ]
    html = ("<!doctype html>\n<html lang='en'><head><title>Roof collapse</title></head>\n"
            "<body>\n<main><article>\n<h1>Stadium roof collapses</h1>\n" +
            "\n".join(f"<p>{p}</p>" for p in paragraphs) + "\n</article></main>\n</body></html>\n")
    doc = clean(read_html(html, "page.html"))
    texts = [b.text for b in doc.body]
    assert not any("Ferry fares" in t for t in texts)
    assert "Engineers had inspected the roof in March. The club said the inspection found no " \
        "fault with the steel." in texts
    assert any("inside a paragraph" in r.reason for r in doc.removed)
    assert not [f for t in texts for f in find_figures(t) if f.value == 5]


def test_the_height_a_named_water_reached_is_its_level(tmp_path):
    f = one("The river Severn reached 4.9 metres at the Lund weir on Monday.")
    assert (f.prop, f.thing) == ("level", "severn")
    assert one("The lake peaked at 3.2 metres above its usual level.").prop == "level"
    # Climbers reaching a height say nothing of water.
    assert one("The climbers reached 8,000 metres on Friday.").prop != "level"
    digest = analysed(tmp_path, [
        ("2025-02-01", ["The river Severn reached 4.2 metres at the Lund weir on Monday."]),
        ("2025-02-03", ["The river Severn reached 4.9 metres at the Lund weir, its highest "
                        "level this winter."]),
        ("2025-02-03", ["The river Avon crested at 2.1 metres at the Lund weir."]),
    ])
    [row] = digest.disagreements
    assert row.kind == "update" and [c.number for c in row.claims] == [4.2, 4.9]


def test_shares_of_one_named_whole_compare_and_of_two_wholes_do_not(tmp_path):
    digest = analysed(tmp_path, [
        ("2025-02-01", ["A third of the valley is under snow after the blizzard, the agency "
                        "said."]),
        ("2025-02-01", ["Nearly half of the valley is under snow after the blizzard, officials "
                        "said."]),
    ])
    [row] = digest.disagreements
    assert [c.value for c in row.claims] == ["A third", "Nearly half"]
    digest = analysed(tmp_path, [
        ("2025-02-01", ["A third of the valley is under snow after the blizzard."]),
        ("2025-02-01", ["Nearly half of the county is under snow after the blizzard."]),
    ])
    assert not digest.disagreements


def test_a_negated_comparative_of_height_states_the_highest_point(tmp_path):
    f = one("The drone never got higher than about 900 feet before it fell.")
    assert (f.prop, f.hedge) == ("height", "about")
    assert one("The crane rose no higher than 40 metres.").prop == "height"
    # How much higher one thing stands than another is no height.
    assert one("The river is 2 metres higher than last week.").prop == "shift"
    digest = analysed(tmp_path, [
        ("2025-03-01", ["Tracking data put the drone's highest point at about 600 feet before "
                        "it fell on the stadium."]),
        ("2025-03-02", ["Tracking data suggest the drone never got higher than about 900 feet "
                        "before it fell on the stadium."]),
    ])
    [row] = digest.disagreements
    assert row.kind in ("contradicts", "differs")


def test_a_familiar_given_name_is_the_same_person_for_an_age(tmp_path):
    assert one("Bill Moreno, 52, the ferry's captain, was rescued.").thing == \
        one("The captain, William Moreno, 55, was rescued.").thing == "william moreno"
    # Relatives share a surname, not a given name: two people.
    assert one("Ana Moreno, 19, was rescued.").thing != one("Bill Moreno, 52, was "
                                                           "rescued.").thing
    digest = analysed(tmp_path, [
        ("2025-04-01", ["The ferry's captain, Bill Moreno, 52, was rescued from the water."]),
        ("2025-04-02", ["Its captain, William Moreno, 55, was rescued after two hours."]),
    ])
    [row] = digest.disagreements
    assert {c.number for c in row.claims} == {52, 55}


def test_a_whole_told_by_its_parts_agrees_but_a_rival_whole_still_clashes(tmp_path):
    told = [("2025-05-01", ["The ferry carried 310 passengers and 12 crew, the operator said."]),
            ("2025-05-02", ["The ferry carried 310 passengers, two officers and 10 crew, the "
                            "operator said."])]
    assert not [d for d in analysed(tmp_path, told).disagreements
                if {c.number for c in d.claims} == {10, 12}]
    rival = ("2025-05-02", ["The coastguard said the ferry carried 310 passengers and 10 crew."])
    rows = [d for d in analysed(tmp_path, [*told, rival]).disagreements
            if {c.number for c in d.claims} == {10, 12}]
    assert rows and rows[0].kind in ("contradicts", "differs")
