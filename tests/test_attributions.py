"""Non-numeric disagreements (who did it, who is blamed) on invented articles."""

from pathlib import Path

import pytest

from site_builder.analyze import analyze
from site_builder.config import Config
from site_builder.models import Article, Disagreement, Paragraph

# Filler so every article has a few ordinary sentences around the one under test.
_FILLER = ["Residents gathered outside the building on Saturday morning.",
           "Customers were told to wait for further notice from the company."]


def _article(n: int, text: str, published: str = "2031-04-12") -> Article:
    paragraphs = [Paragraph(f"p-{n}-{i}", "p", t, t) for i, t in enumerate([text, *_FILLER])]
    return Article(f"story-{n}", f"Story {n}", f"Outlet {n}", None, published, None,
                   f"{n}.txt", paragraphs)


def _rows(*texts: str) -> list[Disagreement]:
    digest = analyze([_article(n, t) for n, t in enumerate(texts)], Config(Path(".")))
    return [d for d in digest.disagreements
            if d.about.startswith(("who ", "when ", "whether ", "what ", "where "))]


def _sides(row: Disagreement) -> list[set[str]]:
    return [{ref.article for ref in c.support} for c in row.claims]


def test_one_closure_credited_to_regulators_of_two_jurisdictions_is_flagged():
    [row] = _rows(
        "Marlow Savings Bank was closed on Friday by Oregon banking regulators, who named "
        "a receiver.",
        "The Federal Deposit Insurance Corporation shut Marlow Savings Bank on Friday.",
        "Federal regulators seized Marlow Savings Bank on Friday after a run on deposits.")
    assert row.kind == "contradicts"
    assert "Marlow Savings Bank" in row.about
    values = {c.value for c in row.claims}
    assert {"Oregon banking regulators", "Federal Deposit Insurance Corporation"} <= values
    assert {"story-0"} in _sides(row) and {"story-1"} in _sides(row)


def test_a_deal_brokered_by_two_different_countries_is_flagged():
    [row] = _rows("Norway brokered the Teller Accord between the two rebel groups in March.",
                  "Brazil brokered the Teller Accord after weeks of talks in a hotel.")
    assert {c.value for c in row.claims} == {"Norway", "Brazil"}


@pytest.mark.parametrize("texts", [
    # Named together in one outlet: the two acted jointly.
    ("Norway brokered the Teller Accord in March.",
     "Brazil brokered the Teller Accord in March.",
     "Norway and Brazil brokered the Teller Accord after long talks."),
    # A general agent that fits the specific one.
    ("Federal regulators shut Marlow Savings Bank on Friday.",
     "The Federal Deposit Insurance Corporation shut Marlow Savings Bank on Friday."),
    ("Regulators shut Marlow Savings Bank on Friday.",
     "Oregon banking regulators shut Marlow Savings Bank on Friday."),
    # A person and an organisation: one may act for the other.
    ("Maria Lindqvist brokered the Teller Accord in March, officials said.",
     "Norway brokered the Teller Accord in March."),
    # Different things closed: no common object.
    ("Oregon regulators closed Marlow Savings Bank on Friday.",
     "Federal regulators closed Danton Trust on Friday."),
    # Acts many can do (announcing, confirming) are not one-off acts.
    ("The Federal Deposit Insurance Corporation announced the sale of Marlow Savings Bank.",
     "Oregon regulators announced the sale of Marlow Savings Bank."),
])
def test_compatible_agents_are_not_flagged(texts):
    assert _rows(*texts) == []


def test_mutual_blame_for_the_same_event_is_flagged_with_each_side():
    [row] = _rows(
        "The reservoir wall burst overnight, and Estonia accused Latvian saboteurs of "
        "blowing up the reservoir wall.",
        "Riga blamed Estonian shelling for the burst reservoir wall.",
        "Engineers inspected the reservoir wall on Tuesday.")
    assert "Estonia" in row.about and "Latvia" in row.about
    values = sorted(c.value for c in row.claims)
    assert values == ["Estonia is to blame (says Latvia)", "Latvia is to blame (says Estonia)"]
    assert _sides(row) == [{"story-0"}, {"story-1"}] or _sides(row) == [{"story-1"},
                                                                          {"story-0"}]


@pytest.mark.parametrize("texts", [
    # One side blamed by two outlets: they agree.
    ("Estonia accused Latvian saboteurs of blowing up the reservoir wall.",
     "Tallinn blamed Latvian sabotage for the burst reservoir wall."),
    # Each blames the other, but for unrelated things.
    ("Estonia accused Latvia of jamming ferry radios.",
     "Riga blamed Estonian farmers for poisoning fish stocks."),
])
def test_blame_that_is_not_mutual_or_not_about_one_event_is_not_flagged(texts):
    assert _rows(*texts) == []


def test_two_clock_times_for_one_event_are_flagged():
    [row] = _rows("The magnitude 6.9 quake struck at 3:10 p.m. near the coastal town of Varna.",
                  "Seismologists said the quake hit Varna around 4:05 p.m. local time.")
    assert row.about == "when the quake struck"
    assert [c.value for c in row.claims] == ["at 3:10 p.m.", "around 4:05 p.m. local time"]


@pytest.mark.parametrize("texts", [
    # Within each other's hedge.
    ("The quake struck Varna at 3:10 p.m., seismologists said.",
     "The quake hit Varna around 3:25 p.m. local time, officials said."),
    # Two events of one kind, told apart by an ordinal.
    ("The quake struck Varna at 3:10 p.m., seismologists said.",
     "A second quake struck Varna at 9:40 p.m., officials said."),
    # The same moment in another time zone.
    ("The quake struck Varna at 3:10 p.m., seismologists said.",
     "The quake struck Varna at 9:10 a.m. ET, officials said."),
    # Two quakes: different days, or different places with nothing named in common.
    ("The quake struck Varna at 3:10 p.m. on March 4.",
     "The quake struck Varna at 9:40 p.m. on March 12."),
    ("The quake struck Varna at 3:10 p.m., seismologists said.",
     "The quake struck Burgas at 9:40 p.m., seismologists said."),
    # "Shortly before" gives no interval.
    ("The quake struck Varna at 3:10 p.m., seismologists said.",
     "The quake struck Varna shortly before 4 p.m., officials said."),
])
def test_clock_times_that_can_both_hold_are_not_flagged(texts):
    assert _rows(*texts) == []


def test_claim_text_reaches_the_page_escaped(tmp_path):
    """A row's words are article text: the rendered page must escape them."""
    from site_builder.build import build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Title: Bank closed\nPublished: 2031-04-12\n\n"
        "Marlow <b>Savings</b> Bank was closed on Friday by Oregon banking regulators.\n\n"
        + "\n\n".join(_FILLER) + "\n", encoding="utf-8")
    (seeds / "b.txt").write_text(
        "Title: Bank shut\nPublished: 2031-04-12\n\n"
        "The Federal Deposit Insurance Corporation shut Marlow <b>Savings</b> Bank on "
        "Friday.\n\n" + "\n\n".join(_FILLER) + "\n", encoding="utf-8")
    result = build(tmp_path, quiet=True)
    page = (result.output / "facts" / "index.html").read_text(encoding="utf-8")
    # Either source's sentence may state the fact; both carry the markup, escaped.
    assert "Marlow &lt;b&gt;Savings&lt;/b&gt; Bank" in page
    assert "<b>Savings</b>" not in page


def test_one_person_named_as_spokesperson_of_two_organisations_is_flagged():
    [row] = _rows(
        "Lena Okafor, a spokeswoman for the Varno Port Authority, said the ferry had 212 "
        "people aboard.",
        "The ferry sank in calm water, said Lena Okafor, a Maritime Safety Agency "
        "spokeswoman.")
    assert row.about == "who Lena Okafor speaks for"
    assert {c.value for c in row.claims} == {"Varno Port Authority", "Maritime Safety Agency"}
    assert {"story-0"} in _sides(row) and {"story-1"} in _sides(row)


@pytest.mark.parametrize("texts", [
    # a short form of the same body
    ("Lena Okafor, a spokeswoman for the Varno Port Authority (VPA), said the ferry sank.",
     "VPA spokeswoman Lena Okafor said divers were searching the hull."),
    # a former post is not a second one
    ("Lena Okafor, a spokeswoman for the Varno Port Authority, said the ferry sank.",
     "Lena Okafor, a former Maritime Safety Agency spokeswoman, said the hull was old."),
])
def test_a_spokesperson_of_one_body_is_not_flagged(texts):
    assert not [r for r in _rows(*texts) if "speaks for" in r.about]


def test_a_company_others_say_caused_a_blaze_and_that_denies_it_is_flagged():
    [row] = _rows(
        "Farmers say the Kessel blaze started beneath a Norvane Energy pylon on the ridge.",
        "Norvane Energy said its equipment did not start the blaze and that the line had "
        "been switched off.",
        "Crews from three towns fought the flames through the night.")
    assert row.about == "whether Norvane Energy caused it"
    assert row.kind == "contradicts"
    assert _sides(row) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("texts", [
    # the company denies another cause, not its own part
    ("Analysts say Norvane Energy caused the outage on Tuesday.",
     "Norvane Energy said the outage was not caused by a cyberattack."),
    # "not started" of something that is no event
    ("Analysts say Norvane Energy caused the outage on Tuesday.",
     "Norvane Energy said it had not started its own inquiry yet."),
    # not knowing the cause is no denial
    ("Analysts say Norvane Energy caused the outage on Tuesday.",
     "Norvane Energy said it did not know what caused the outage."),
])
def test_no_denial_of_its_own_part_is_not_flagged(texts):
    assert not [r for r in _rows(*texts) if r.about.startswith("whether ")]


def _dated_rows(*dated: tuple[str, str]) -> list[Disagreement]:
    articles = [_article(n, text, published) for n, (text, published) in enumerate(dated)]
    digest = analyze(articles, Config(Path(".")))
    return [d for d in digest.disagreements if d.about.startswith("whereabouts ")]


def test_a_thing_missing_in_one_report_and_found_in_a_later_one_is_an_update():
    [row] = _dated_rows(
        ("The flight recorder itself had still not been found by Sunday night.", "2031-05-02"),
        ("The flight recorder, which divers searched for over two days, has been found "
         "near the breakwater.", "2031-05-04"))
    assert row.kind == "update"
    assert [c.value for c in row.claims] == ["the flight recorder still missing",
                                              "the flight recorder found"]
    assert _sides(row) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("dated", [
    # found in the earlier report: nothing was updated
    (("The flight recorder has been found near the breakwater.", "2031-05-02"),
     ("The flight recorder had still not been found by Sunday night.", "2031-05-04")),
    # many things: a count, not one thing's whereabouts
    (("The containers were still missing on Sunday.", "2031-05-02"),
     ("The containers were found on a beach.", "2031-05-04")),
])
def test_no_later_finding_of_one_thing_is_no_update(dated):
    assert not _dated_rows(*dated)


def test_all_of_a_group_against_some_of_it_holding_one_nationality_is_flagged():
    [row] = _rows(
        "The ferry's operator said all 14 crew members, all of them Chilean nationals, "
        "were rescued.",
        "The consulate said 12 of the 15 crew members are Chilean nationals.")
    assert row.about == "whether all the crew are from Chile"
    assert _sides(row) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("texts", [
    # a part of the group named after "all": the same share as the other outlet's
    ("All 14 crew members were rescued, and 12 of them are Chilean nationals.",
     "The consulate said 12 of the 14 crew members are Chilean nationals."),
    # every one of them, counted out
    ("The operator said all 14 crew members are Chilean nationals.",
     "The consulate said 14 of the 14 crew members are Chilean nationals."),
])
def test_compatible_shares_of_a_nationality_are_not_flagged(texts):
    assert not [r for r in _rows(*texts) if r.about.startswith("whether all")]


def test_a_denial_naming_the_event_with_a_capital_is_read():
    [row] = _rows("Lawyers for the families said KT&N is to blame for the Orrin Fire.",
                  "KT&N said its equipment did not start the Orrin Fire.")
    assert row.about == "whether KT&N caused it"


def test_a_thing_striking_one_named_structure_at_two_exact_times_is_flagged():
    [row] = _rows(
        "The Mira, a bulk carrier, struck a gate of the Orsa Lock at 4:17 a.m. on Friday.",
        "The 190-metre vessel hit a wall of the Orsa Lock at 4:25 a.m. on Friday.")
    assert row.about == "when the carrier struck"
    assert [c.value for c in row.claims] == ["at 4:17 a.m.", "at 4:25 a.m."]


@pytest.mark.parametrize("texts", [
    # a time on the quarter hour may be rounded: 4:15 fits 4:17
    ("The Mira, a bulk carrier, struck a gate of the Orsa Lock at 4:17 a.m. on Friday.",
     "The 190-metre vessel hit a wall of the Orsa Lock at 4:15 a.m. on Friday."),
    # two structures struck: two events
    ("The Mira, a bulk carrier, struck a gate of the Orsa Lock at 4:17 a.m. on Friday.",
     "The 190-metre vessel hit a pier near the Orsa Lock at 6:40 a.m. on Friday."),
])
def test_exact_times_within_their_rounding_or_of_other_strikes_are_not_flagged(texts):
    assert not [r for r in _rows(*texts) if r.about.startswith("when the ")]


# --- a body disowns a figure credited to it (invented: a stadium crush) ------------------


def test_a_body_that_denies_issuing_a_figure_is_flagged():
    [row] = _rows(
        "According to the Harbour Health Directorate, 212 people were injured at the gates.",
        "The Harbour Health Directorate denied issuing the toll on Sunday.")
    assert _sides(row) == [{"story-0"}, {"story-1"}]


def test_a_body_that_disowns_a_figure_credited_to_it_is_flagged():
    [row] = _rows(
        "The Harbour Health Directorate says 212 people were injured in the crush at the "
        "stadium gates.",
        "At least 212 people were hurt, citing the Harbour Health Directorate, the league "
        "said in its statement.",
        "But the Harbour Health Directorate says the figure never came from it and that it "
        "has not published any count.")
    assert row.kind == "contradicts"
    assert "Harbour Health Directorate" in row.about
    assert _sides(row) == [{"story-0", "story-1"}, {"story-2"}]


@pytest.mark.parametrize("texts", [
    # The body stands by its figure.
    ("The Harbour Health Directorate says 212 people were injured in the crush.",
     "The Harbour Health Directorate said the figure was its own and would be updated."),
    # Not a figure it disowns: an order it never gave.
    ("The Harbour Health Directorate says 212 people were injured in the crush.",
     "The Harbour Health Directorate said it had never announced a curfew at the stadium."),
    # A count not yet published is no figure disowned.
    ("The Harbour Health Directorate says 212 people were injured in the crush.",
     "The Harbour Health Directorate said it had not yet published a final toll."),
    ("The Harbour Health Directorate says 212 people were injured in the crush.",
     "The Harbour Health Directorate said it has not published a final count."),
    # A disowned figure no one else credits to it.
    ("The league says 212 people were injured in the crush.",
     "The Harbour Health Directorate says the figure never came from it."),
])
def test_a_body_that_keeps_or_never_had_a_figure_is_not_flagged(texts):
    assert _rows(*texts) == []


# --- when one event happened, by part of a day (invented: a ferry sinking) ---------------


def test_the_early_hours_of_a_day_against_the_night_before_are_flagged():
    [row] = _rows(
        "The overloaded ferry sank in the early hours of Tuesday, a few miles off the cape.",
        "Survivors said the ferry capsized late on Monday night, soon after leaving port.")
    assert row.kind == "contradicts"
    assert row.about.startswith("when the ferry")
    assert {c.value for c in row.claims} == {"in the early hours of Tuesday",
                                             "late on Monday night"}


def test_a_date_and_a_weekday_are_compared_on_the_week():
    # 8 April 2031 is a Tuesday.
    [row] = _rows(
        "The overloaded ferry sank in the early hours of 8 April off the cape.",
        "The ferry sank that same Monday night, soon after leaving port.")
    assert {c.value for c in row.claims} == {"in the early hours of 8 April",
                                             "that same Monday night"}


@pytest.mark.parametrize("texts", [
    # Parts of one day that may both hold.
    ("The ferry sank on Monday night off the cape.",
     "The ferry sank late on Monday night off the cape."),
    ("The ferry sank in the early hours of Tuesday.",
     "The ferry sank on Tuesday morning."),
    # One of several: the second ferry is another event.
    ("The ferry sank in the early hours of Tuesday.",
     "The second ferry sank late on Monday night."),
    # The part of the day is another clause's: the pumps failed then, not the ferry.
    ("The pumps failed in the early hours of Tuesday, and the ferry sank soon after.",
     "The ferry sank late on Monday night."),
    # Two different things.
    ("The ferry sank in the early hours of Tuesday.",
     "The pier collapsed late on Monday night."),
    # Another year's sinking is history, not the story.
    ("The ferry sank in the early hours of Tuesday.",
     "The ferry sank on the night of 6 April 1994 near the cape."),
])
def test_parts_of_days_that_may_both_hold_are_not_flagged(texts):
    assert _rows(*texts) == []


# --- the clock time of one event, in other shapes (invented: a warehouse explosion) -------


def test_a_24_hour_time_and_a_noun_with_at_are_read_as_the_events_time():
    [row] = _rows(
        "The explosion at 14:05 local time destroyed the warehouse and two trucks.",
        "The explosion happened at 3:40 p.m., witnesses said.")
    assert row.about == "when the explosion happened"
    assert {c.value for c in row.claims} == {"at 14:05 local time", "at 3:40 p.m."}


def test_a_hedged_minute_is_narrow_and_a_crash_is_the_collision():
    # A tram collision (invented): "about 7:23" is a few minutes, not 20, either way.
    [row] = _rows(
        "The collision at 7:12 p.m. local time left 14 passengers hurt.",
        "The accident happened at about 7:23 p.m., the transit authority said.")
    assert {c.value for c in row.claims} == {"at 7:12 p.m. local time", "about 7:23 p.m."}


@pytest.mark.parametrize("texts", [
    # "About" a round time reaches 20 minutes; one minute apart is rounding.
    ("The collision at 7:12 p.m. local time left 14 passengers hurt.",
     "The crash happened at about 7:15 p.m., the transit authority said."),
    ("The collision at 7:12 p.m. local time left 14 passengers hurt.",
     "The collision happened at 19:13 local time."),
    # The same minute in two clocks.
    ("The explosion at 14:05 local time destroyed the warehouse.",
     "The explosion occurred at 2:05 p.m., witnesses said."),
    # A meeting is no mishap: its time after "at" is not an event's.
    ("The meeting at 14:05 local time was cancelled.",
     "The meeting happened at 3:40 p.m., staff said."),
    # A score or a ratio is no clock: a 24-hour time needs its zone.
    ("The explosion at 14:05 destroyed the warehouse.",
     "The explosion happened at 3:40 p.m., witnesses said."),
])
def test_times_that_agree_or_are_no_events_are_not_flagged(texts):
    assert _rows(*texts) == []


def test_a_one_off_events_noun_with_the_is_the_storys_own_event():
    # "the quake" in both, each sentence naming another body: still the story's one quake.
    [row] = _rows("The quake struck in the early hours of Monday, Tarsk officials said.",
                  "The quake struck on Monday evening, the Ostra Relief Fund said.")
    assert {c.value for c in row.claims} == {"in the early hours of Monday", "on Monday evening"}


def test_a_named_structure_is_not_the_storys_unnamed_one():
    # Another dam named in the background is told apart by its name (a reservoir story).
    assert _rows(
        "The dams burst in the early hours of Tuesday, flooding the low town.",
        "The Orlen dam in the north burst on Saturday evening years ago, killing 40.") == []


# --- a clock time on a day against a part of a day (invented: a fuel depot blast) --------


def test_a_clock_time_on_a_weekday_against_the_early_hours_of_that_day_is_flagged():
    # The second outlet's blast is the antecedent of a relative clause ("that shook").
    [row] = _rows(
        "The 2.5-kiloton blast shook the port at 10:40 p.m. on Sunday, the harbour master said.",
        "Dockers were evacuated after the blast at the fuel depot that shook the port in the "
        "early hours of Sunday.")
    assert row.kind == "contradicts"
    assert {c.value for c in row.claims} == {"at 10:40 p.m. on Sunday",
                                             "in the early hours of Sunday"}


@pytest.mark.parametrize("texts", [
    # Late on one day and the early hours of the next: an hour's edge, not a clear gap.
    ("The blast shook the port at 11:40 p.m. on Saturday, the harbour master said.",
     "Dockers fled after the blast that shook the port in the early hours of Sunday."),
    # A time in a named zone is another clock: not compared.
    ("The blast shook the port at 10:40 p.m. GMT on Sunday, the harbour master said.",
     "Dockers fled after the blast that shook the port in the early hours of Sunday."),
    # Two dates: two blasts of one kind.
    ("The blast shook the port at 10:40 p.m. on 4 May, the harbour master said.",
     "Dockers fled after the blast that shook the port in the early hours of 12 May."),
    # The same evening told two ways.
    ("The blast shook the port at 10:40 p.m. on Sunday, the harbour master said.",
     "Dockers fled after the blast that shook the port late on Sunday night."),
])
def test_a_clock_time_and_a_part_of_a_day_that_may_both_hold_are_not_flagged(texts):
    assert _rows(*texts) == []


# --- who worked out a figure (invented: a drought appeal) ---------------------------------


def test_one_estimate_credited_to_two_bodies_is_flagged():
    [row] = _rows(
        "The Harlow Relief Fund estimates that about 40,000 families need food aid this winter.",
        "The Marlow Development Agency estimates that more than 40,000 families need food aid.")
    assert row.about == "who worked out the figure of 40000"
    assert {c.value for c in row.claims} == {"Harlow Relief Fund", "Marlow Development Agency"}
    assert sorted(map(sorted, _sides(row))) == [["story-0"], ["story-1"]]


def test_a_body_s_own_figure_and_another_s_calculation_are_flagged():
    [row] = _rows(
        "Kestrel Mining's own figure is that the shaft holds 48 to 72 hours of air.",
        "Rescue officials had calculated that the miners' 72-hour air supply would run out.")
    assert {c.value for c in row.claims} == {"Kestrel Mining", "Rescue officials"}


@pytest.mark.parametrize("texts", [
    # The same body under two spellings.
    ("The Harlow Relief Fund estimates that about 40,000 families need food aid.",
     "The Harlow Relief Fund estimated that 40,000 families need food aid."),
    # Another thing counted: families against cattle.
    ("The Harlow Relief Fund estimates that about 40,000 families need food aid.",
     "The Marlow Development Agency estimates that 40,000 cattle have died of thirst."),
    # A plain report repeats a figure; it works nothing out.
    ("The Harlow Relief Fund said that about 40,000 families need food aid.",
     "The Marlow Development Agency said 40,000 families need food aid."),
    # A person may speak for a body.
    ("Fund director Ana Ruiz estimates that about 40,000 families need food aid.",
     "The Marlow Development Agency estimates that 40,000 families need food aid."),
])
def test_estimates_that_may_both_hold_are_not_flagged(texts):
    assert _rows(*texts) == []


# --- what one speaker's figure counted (invented: a chemical plant fire) -----------------


def test_one_speakers_figure_told_as_two_things_is_flagged():
    [row] = _rows(
        "Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
        "Tomas Brenner, the fire chief, warned that the death toll could reach 120.")
    assert row.about == "what Tomas Brenner's figure of 120 counted"
    assert sorted(map(sorted, _sides(row))) == [["story-0"], ["story-1"]]


@pytest.mark.parametrize("texts", [
    # Told as the same thing by both outlets.
    ("Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
     "Tomas Brenner, the fire chief, said 120 workers were still missing."),
    # A sentence that names both things counts them apart.
    ("Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
     "Tomas Brenner said 120 were missing and warned that 120 could be dead."),
    # Two people in the sentence: whose figure it is is not plain.
    ("Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
     "Mayor Ana Ruiz told Tomas Brenner that the death toll could reach 120."),
    # Another figure of the same speaker.
    ("Fire chief Tomas Brenner said on Monday that about 120 workers were unaccounted for.",
     "Tomas Brenner, the fire chief, warned that the death toll could reach 40."),
])
def test_figures_of_one_speaker_that_may_both_hold_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("what ")] == []


# --- an account another party rebuts (invented: a port strike) ----------------------------


_ACCOUNT = ("At a rally on Monday, union leader Ana Ruiz said port director Tomas Brenner had "
            "refused to meet Minister Dana Wu.")


def test_an_account_that_another_party_contradicts_is_flagged():
    [row] = _rows(
        _ACCOUNT,
        "On Monday Ana Ruiz said the director had snubbed Dana Wu; Tomas Brenner, a former "
        "pilot, contradicted her, saying the two had met on Sunday.")
    assert row.about == "whether Ana Ruiz's account holds"
    assert [c.value for c in row.claims] == ["Ana Ruiz's account", "Tomas Brenner contradicts it"]
    assert _sides(row) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("texts", [
    # Two tellers before the rebuttal: whom "her" stands for is not plain.
    (_ACCOUNT,
     "Ana Ruiz said the director had snubbed Dana Wu and Lena Ortiz said the same; Tomas "
     "Brenner, a former pilot, contradicted her."),
    # No other outlet reports the account.
    ("The strike entered its third day at the port.",
     "On Monday Ana Ruiz said the director had snubbed Dana Wu; Tomas Brenner, a former "
     "pilot, contradicted her, saying the two had met on Sunday."),
    # The teller's account elsewhere is about something else (one name in common).
    ("Union leader Ana Ruiz said wages at the port had not risen in six years.",
     "On Monday Ana Ruiz said the director had snubbed Dana Wu; Tomas Brenner, a former "
     "pilot, contradicted her, saying the two had met on Sunday."),
])
def test_rebuttals_without_a_plain_account_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("whether ")] == []


def test_the_teller_is_not_one_of_the_two_named_things_in_common():
    # The account elsewhere names the teller and one other party only.
    assert [r for r in _rows(
        "Union leader Ana Ruiz said Tomas Brenner had lied about the cranes.",
        "On Monday Ana Ruiz said the director had snubbed Dana Wu; Tomas Brenner, a former "
        "pilot, contradicted her, saying the two had met on Sunday.")
        if r.about.startswith("whether ")] == []


# --- whose words a quotation is, and on which day a one-off thing happened --------------


def test_one_quotation_given_to_two_people_is_flagged():
    [row] = _rows(
        'Mayor Lina Osei said the stadium fire was "the darkest night this city has known".',
        'Fire chief Tomas Berg described the blaze as "the darkest night this city has '
        'known" as crews damped down the stands.')
    assert row.kind == "contradicts"
    assert row.about.startswith("who said")
    assert {c.value for c in row.claims} == {"Lina Osei", "Tomas Berg"}
    assert sorted(_sides(row), key=sorted) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("texts", [
    # One speaker by full name and by surname.
    ('Mayor Lina Osei said the fire was "the darkest night this city has known".',
     'Osei called it "the darkest night this city has known" on Monday.'),
    # The second speaker says the words are another's: an echo, both said them.
    ('Mayor Lina Osei said the fire was "the darkest night this city has known".',
     'Fire chief Tomas Berg, echoing the mayor, called it "the darkest night this city '
     'has known".'),
    # A stock phrase of three words two speakers may both use.
    ('Mayor Lina Osei declared "a local emergency" after the stadium fire.',
     'Fire chief Tomas Berg said it was "a local emergency" after the stadium fire.'),
    # A title in quotation marks is no one's words.
    ('Lina Osei, who leads the "Save Our Harbour Front Now" campaign, said the pier must stay.',
     'Tomas Berg said he founded "Save Our Harbour Front Now" in 2019.'),
    # Two people in one sentence: who spoke is not plain.
    ('Mayor Lina Osei said the fire was "the darkest night this city has known".',
     'Tomas Berg stood beside Ana Ruiz, who said it was "the darkest night this city has '
     'known".'),
])
def test_a_quotation_whose_speaker_may_be_the_same_is_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("who said")] == []


def test_two_days_for_one_departure_from_a_named_place_are_flagged():
    [row] = _rows("The freight train left Winnipeg on 3 May with 80 tank cars.",
                  "The train had departed from Winnipeg on 4 May, railway records show.")
    assert row.about == "when it left Winnipeg"
    assert [c.value for c in row.claims] == ["3 May", "4 May"]


def test_two_days_for_a_named_storm_coming_ashore_at_one_place_are_flagged():
    [row] = _rows(
        "Typhoon Mirae made landfall near Tacloban on Thursday, October 14, with 150 mph "
        "winds.",
        "Mirae came ashore on 15 October just south of Tacloban as a category 4 storm.")
    assert [c.value for c in row.claims] == ["October 14", "15 October"]


@pytest.mark.parametrize("texts", [
    # One day written two ways.
    ("The freight train left Winnipeg on 3 May.", "The train left Winnipeg on May 3."),
    # A weekday only: which date it is, is not stated.
    ("The freight train left Winnipeg on 3 May.", "The train left Winnipeg on Friday."),
    # Two landfalls of one storm at two places.
    ("Typhoon Mirae made landfall near Tacloban on 14 October.",
     "Typhoon Mirae made landfall near Da Nang on 17 October."),
    # A pronoun's departure: who left is not plain.
    ("The freight train left Winnipeg on 3 May.",
     "The drivers said they left Winnipeg on 4 May."),
    # A person may leave one place twice (two visits).
    ("Foreign minister Ana Ruiz left Winnipeg on 3 May after talks.",
     "Foreign minister Ana Ruiz left Winnipeg on 5 May after talks."),
    # A nationality word is no place left.
    ("The freighter left the Danish port of Esbjerg on 3 May.",
     "The freighter left the Danish port of Aarhus on 5 May."),
])
def test_days_that_can_both_hold_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("when it left")
            or "landfall" in r.about or "ashore" in r.about] == []


def test_an_attempt_told_by_one_outlet_and_denied_in_another_is_flagged():
    [row] = _rows(
        "Miners said the rescue crew began to pump the flooded shaft within an hour.",
        "The owner spoke at the gate on Monday. Nobody tried to pump it, she said, and the "
        "flooded shaft filled to the top by dawn.")
    assert row.about == "whether anyone tried to pump"
    assert [c.value for c in row.claims] == ["someone tried to pump", "nobody tried to pump"]
    assert _sides(row) == [{"story-0"}, {"story-1"}]


@pytest.mark.parametrize("texts", [
    # Two scenes that share the verb only.
    ("Miners said the rescue crew began to pump the flooded shaft within an hour.",
     "Nobody tried to pump the village wells dry, farmers said."),
    # Both deny it: one says that no one tried, the other denies the attempt.
    ("Officials denied that guards tried to stop the crowd at the north gate.",
     "Nobody tried to stop the crowd at the north gate, a witness said."),
])
def test_attempts_that_are_not_gainsaid_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("whether anyone tried")] == []


def test_one_thing_done_to_at_two_clock_times_is_flagged():
    [row] = _rows(
        "The Marisol Queen was freed at 6:40 a.m. local time, the harbour master said.",
        "The Marisol Queen ran aground off Carrow Point on Sunday. Tug crews said the ferry "
        "had been freed at 2:15 p.m. local time.")
    assert row.about == "when it was freed"
    assert [c.value for c in row.claims] == ["at 6:40 a.m. local time", "at 2:15 p.m. local time"]


@pytest.mark.parametrize("texts", [
    # "The ferry" in a report that never names the Marisol Queen may be another ferry.
    ("The Marisol Queen was freed at 6:40 a.m. local time, the harbour master said.",
     "Tug crews said the ferry had been freed at 2:15 p.m. local time."),
    # Two named things.
    ("The Marisol Queen was freed at 6:40 a.m., the harbour master said.",
     "The Ostra Star was freed at 2:15 p.m., tug crews said."),
    # Two days stated.
    ("The Marisol Queen was freed at 6:40 a.m. on 3 May, the harbour master said.",
     "The Marisol Queen was freed at 2:15 p.m. on 4 May, tug crews said."),
    # Within the rounding of the later time.
    ("The Marisol Queen was freed at 6:40 a.m., the harbour master said.",
     "The Marisol Queen was freed at about 6:30 a.m., tug crews said."),
    # One of several: an ordinal before the noun.
    ("The Marisol Queen ran aground. The first barge was freed at 6:40 a.m.",
     "The Marisol Queen ran aground. The second barge was freed at 2:15 p.m."),
])
def test_times_that_can_both_hold_for_a_thing_done_to_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if r.about.startswith("when it was")] == []


def test_one_letter_dated_to_two_days_is_flagged():
    [row] = _rows(
        "In a letter to the transport minister dated Tuesday, the Harbour Pilots Union warned "
        "that night crossings were unsafe.",
        "Ana Ruiz, head of the Harbour Pilots Union, wrote to the transport minister on "
        "Thursday that night crossings should stop.")
    assert row.about == "when the letter to the transport minister was written"
    assert [c.value for c in row.claims] == ["Tuesday", "on Thursday"]


@pytest.mark.parametrize("texts", [
    # Two senders: two letters.
    ("The Harbour Pilots Union wrote to the transport minister on Tuesday.",
     "The Dockers Guild wrote to the transport minister on Thursday."),
    # A date and its own weekday (4 March 2031 is a Tuesday).
    ("The Harbour Pilots Union wrote to the transport minister on Tuesday.",
     "In a letter to the transport minister dated 4 March 2031, the Harbour Pilots Union "
     "warned that night crossings were unsafe."),
])
def test_letters_whose_days_can_both_hold_are_not_flagged(texts):
    assert [r for r in _rows(*texts) if "letter" in r.about] == []


def test_one_announcement_dated_apart_by_many_sources_is_one_row():
    # 2031-04-15 is a Tuesday: two sources agree with the weekday, two give Thursday's date.
    texts = ["The Harbour Trust announced on Tuesday that the ferry pier will close.",
             "The Harbour Trust announced the pier closure on April 15.",
             "The Harbour Trust announced on April 17 that the ferry pier will close.",
             "The Harbour Trust announced the closure of the ferry pier on April 17."]
    digest = analyze([_article(n, t) for n, t in enumerate(texts)], Config(Path(".")))
    [row] = [d for d in digest.disagreements if d.about == "when it was announced"]
    assert row.kind == "contradicts"
    values = [c.value for c in row.claims]
    assert values[0] == "on Tuesday"
    assert values[1].startswith("April 17 (2031-04-17, a Thursday)")
    assert _sides(row) == [{"story-0"}, {"story-2", "story-3"}]


def test_a_weekday_the_dates_agree_with_is_no_row():
    texts = ["The Harbour Trust announced on Tuesday that the ferry pier will close.",
             "The Harbour Trust announced the pier closure on April 15."]
    digest = analyze([_article(n, t) for n, t in enumerate(texts)], Config(Path(".")))
    assert not [d for d in digest.disagreements if d.about.startswith("when it was")]


def test_a_quotation_told_at_second_hand_is_not_flagged():
    texts = ('Mayor Lina Osei said the fire was "the darkest night this city has known".',
             'Fire chief Tomas Berg said the mayor had called it "the darkest night this city '
             'has known".')
    assert [r for r in _rows(*texts) if r.about.startswith("who said")] == []


_MERGER = ("Chief executive Maren Holt announced the merger to shareholders at {venue}. "
           "The board had voted for the merger that morning, she said.")


def test_one_announcement_put_at_two_venues_is_flagged():
    [row] = _rows(_MERGER.format(venue="the Grand Orion Hotel"),
                  _MERGER.format(venue="a press conference at the Nordby Exchange"))
    assert row.about == "where Maren Holt made the announcement"
    assert [c.value for c in row.claims] == ["Grand Orion Hotel", "Nordby Exchange"]


def test_announcements_that_can_both_hold_are_not_flagged():
    # One venue's name part of the other's.
    assert not [r for r in _rows(_MERGER.format(venue="the Grand Orion Hotel"),
                                 _MERGER.format(venue="the Grand Orion"))
                if r.about.startswith("where")]
    # Two scenes: nothing in common but the name and the verb.
    assert not [r for r in _rows(_MERGER.format(venue="the Grand Orion Hotel"),
                                 "Maren Holt announced a new ferry timetable at the Nordby "
                                 "Exchange.")
                if r.about.startswith("where")]
    # Reports a week apart: two announcements.
    articles = [_article(0, _MERGER.format(venue="the Grand Orion Hotel"), "2031-04-12"),
                _article(1, _MERGER.format(venue="the Nordby Exchange"), "2031-04-19")]
    digest = analyze(articles, Config(Path(".")))
    assert not [r for r in digest.disagreements if r.about.startswith("where")]
