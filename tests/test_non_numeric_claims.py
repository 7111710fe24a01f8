"""Non-numeric disagreements of the kinds added in issue 10's eighth round, on invented
articles about stories unlike the clusters that motivated each rule."""

from pathlib import Path

import pytest

from site_builder.analyze import analyze
from site_builder.config import Config
from site_builder.models import Article, Disagreement, Paragraph

_FILLER = ["Residents gathered outside the town hall on Saturday morning.",
           "Shops along the main street stayed shut for most of the week."]


def _article(n: int, text: str, published: str | None = "2031-04-14") -> Article:
    paragraphs = [Paragraph(f"p-{n}-{i}", "p", t, t) for i, t in enumerate([text, *_FILLER])]
    return Article(f"story-{n}", f"Story {n}", f"Outlet {n}", None, published, None,
                   f"{n}.txt", paragraphs)


def _rows(*articles: Article) -> list[Disagreement]:
    digest = analyze(list(articles), Config(Path(".")))
    return [d for d in digest.disagreements if d.about.startswith(("who ", "when ", "whether "))]


def _sides(row: Disagreement) -> list[set[str]]:
    return [{ref.article for ref in c.support} for c in row.claims]


# --- the day a state was declared ---------------------------------------------------------
# 2031-04-14 is a Monday: "on Wednesday" is 9 April, "on Thursday" 10 April.


def test_a_curfew_declared_on_two_weekdays_is_flagged():
    [row] = _rows(
        _article(0, "The city council declared a curfew on Wednesday after a night of riots "
                    "over the price of bread."),
        _article(1, "The city council declared a curfew on Thursday as looting spread to the "
                    "harbour district."))
    assert row.kind == "contradicts"
    assert "curfew" in row.about
    assert {c.value for c in row.claims} == {"on Wednesday", "on Thursday"}
    assert _sides(row) == [{"story-0"}, {"story-1"}]


def test_a_weekday_is_read_back_from_each_outlets_own_date():
    # Monday's "on Thursday" and the next Sunday's "on Thursday" are two different days.
    [row] = _rows(
        _article(0, "The league declared a state of emergency on Thursday after the stadium "
                    "roof caved in.", published="2031-04-14"),
        _article(1, "The league declared a state of emergency on Thursday after the stadium "
                    "roof caved in.", published="2031-04-20"))
    assert len(row.claims) == 2


def test_a_wire_dateline_dates_an_undated_article():
    [row] = _rows(
        _article(0, "HARBOURTON, April 14 (Coastline Wire) - The port authority declared a "
                    "state of emergency on Friday when the tanker began to list.",
                 published=None),
        _article(1, "The port authority declared a state of emergency on Saturday after the "
                    "tanker began to list at its berth."))
    assert {c.value for c in row.claims} == {"on Friday", "on Saturday"}


@pytest.mark.parametrize("texts", [
    # The same day told as a weekday and as a date.
    ("The city council declared a curfew on Wednesday after a night of riots.",
     "The city council declared a curfew on April 9 after a night of riots."),
    # Two levels of government: two declarations.
    ("The provincial government declared an emergency on Wednesday as the river rose.",
     "The national government declared an emergency on Friday as the river rose."),
    # Two named places: two declarations.
    ("Tarnow declared a state of emergency on Wednesday as the river rose.",
     "Lisko declared a state of emergency on Friday as the river rose."),
    # A curfew declared, then lifted: two acts.
    ("The city council declared a curfew on Wednesday after the riots.",
     "The city council lifted the curfew on Saturday once the streets were calm."),
    # One that was not declared, or is only proposed.
    ("The city council declared a curfew on Wednesday after the riots.",
     "The city council did not declare a curfew on Friday, despite calls to do so.",
     "The city council could declare a curfew on Friday if the riots go on."),
])
def test_compatible_or_different_declarations_are_left_alone(texts):
    assert _rows(*(_article(n, t) for n, t in enumerate(texts))) == []


# --- who gave a figure ----------------------------------------------------------------------


def test_one_estimate_credited_to_two_bodies_is_flagged():
    [row] = _rows(
        _article(0, "Repairing the stadium roof will cost about $45 million, the Harlow "
                    "Builders Federation said on Tuesday."),
        _article(1, "Repairing the stadium roof will cost about $45 million, according to "
                    "analysts at Westmark Insurance Group."))
    assert row.kind == "contradicts"
    assert row.about == "who gave the figure of about $45 million"
    assert {c.value for c in row.claims} == {"Harlow Builders Federation",
                                             "Westmark Insurance Group"}
    assert sorted(map(sorted, _sides(row))) == [["story-0"], ["story-1"]]


def test_one_count_credited_to_two_people_is_flagged():
    [row] = _rows(
        _article(0, "The first rough count was that 140 miners were underground when the "
                    "shaft flooded, mine director Pavel Oberg told reporters."),
        _article(1, "Union leader Dana Whitcombe said 140 miners were underground when the "
                    "shaft flooded, and accused the owners of ignoring warnings."))
    assert {c.value for c in row.claims} == {"Pavel Oberg", "Dana Whitcombe"}


@pytest.mark.parametrize("texts", [
    # A person and a body: the person may be speaking for it.
    ("Repairing the stadium roof will cost about $45 million, Tomas Reyes said.",
     "Repairing the stadium roof will cost about $45 million, the Harlow Builders "
     "Federation said."),
    # Both sources named in one paragraph: one may be relaying the other.
    ("Repairing the stadium roof will cost about $45 million, the Harlow Builders Federation "
     "said. Westmark Insurance Group has seen the federation's report.",
     "Repairing the stadium roof will cost about $45 million, according to analysts at "
     "Westmark Insurance Group."),
    # Both credited in one outlet: both gave it.
    ("The roof will cost about $45 million, the Harlow Builders Federation said. The "
     "stadium roof will cost about $45 million, Westmark Insurance Group said.",
     "Repairing the stadium roof will cost about $45 million, according to analysts at "
     "Westmark Insurance Group."),
    # Both only say it: one may be repeating the other's figure.
    ("Mine director Pavel Oberg told reporters that 140 miners were underground when the "
     "shaft flooded.",
     "Union leader Dana Whitcombe said 140 miners were underground when the shaft flooded."),
    # A small count: many people give it.
    ("Mine director Pavel Oberg estimated that four miners were underground when the "
     "shaft flooded.",
     "Union leader Dana Whitcombe said four miners were underground when the shaft flooded."),
    # Nothing else in common: two stories that happen to share a figure.
    ("Ticket sales reached $45 million this season, the Harlow Builders Federation said.",
     "The ferry operator lost about $45 million in the storm, according to Westmark "
     "Insurance Group."),
])
def test_figures_whose_sources_can_both_hold_are_left_alone(texts):
    assert _rows(*(_article(n, t) for n, t in enumerate(texts))) == []


def test_a_newsroom_relaying_a_bodys_figure_is_no_second_source():
    assert _rows(
        _article(0, "Port engineers at Calder Docks had calculated that the crane can lift "
                    "about 1,200 tonnes, Harbour Radio reported on Friday."),
        _article(1, "The crane can lift about 1,200 tonnes, the Calder Docks board said "
                    "in its annual report on the harbour."),
        _article(2, "Port engineers had calculated that the crane can lift about 1,200 "
                    "tonnes, Harbour Radio said.")) == []


def test_a_body_and_its_initials_are_one_source():
    assert _rows(
        _article(0, "The Coastal Survey Office measured the swell at 14.5 metres, a record "
                    "for the harbour wall."),
        _article(1, "The swell reached 14.5 metres at the harbour wall, according to "
                    "scientists at the CSO.")) == []


def test_a_figure_in_a_clause_joined_on_is_not_the_estimate():
    # "adding that ... five years" is a second statement, not the worked-out figure.
    assert _rows(
        _article(0, "The first rough figure for the damage to the mine was $30 million, "
                    "Pavel Oberg told reporters, adding that repairs could take 12 years."),
        _article(1, "Dana Whitcombe said repairs to the flooded mine could take 12 years and "
                    "that the damage was not yet known.")) == []
