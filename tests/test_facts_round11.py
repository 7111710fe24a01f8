"""Key facts and the story in brief, round 11: statements that lean on no earlier
sentence, no link lines as claims, a brief that opens with the first report (dated by its
dateline when the page gives no date) and links each sentence to its paragraph."""

from __future__ import annotations

import pytest
from figure_helpers import analysed

from site_builder.models import Ref


def test_an_undated_wire_report_is_dated_by_its_dateline_and_opens_the_brief(tmp_path):
    # A stadium roof collapse (invented): the wire report the page gives no date is the
    # first; the dated ones follow it by days.
    digest = analysed(tmp_path, [
        ("2024-08-14", ["The Velmora city council voted on Wednesday to close the Velmora "
                        "stadium until engineers finish their inquiry.",
                        "The concert promoter said it would refund every ticket."]),
        (None, ["VELMORA, Aug 10 (Coast Wire) - Part of the roof of the Velmora stadium fell "
                "onto the stands during a concert on Saturday night, injuring 31 people.",
                "Firefighters said the steel frame had buckled under heavy rain."]),
        ("2024-08-12", ["Engineers began examining the Velmora stadium roof on Monday, two "
                        "days after part of it fell onto the stands."]),
    ])
    assert digest.summary.startswith("Part of the roof of the Velmora stadium fell onto the "
                                     "stands during a concert on Saturday night")
    assert "Coast Wire" not in digest.summary


def test_an_agency_credit_alone_before_a_dash_is_left_out_of_the_brief(tmp_path):
    # A freight derailment (invented): the dateline gives the agency and no place.
    digest = analysed(tmp_path, [
        ("2024-03-02", ["(Delta Press) - A freight train carrying grain derailed outside "
                        "Harlow Junction on Friday, blocking the main line for a day.",
                        "Crews lifted the last wagon back onto the rails overnight."]),
        ("2024-03-03", ["The freight train that derailed outside Harlow Junction on Friday was "
                        "travelling below the speed limit, the operator said."]),
    ])
    assert digest.summary.startswith("A freight train carrying grain derailed outside Harlow "
                                     "Junction on Friday")


@pytest.mark.parametrize(("credit", "kept"), [("the hospital said", True),
                                              ("the statement said", False)])
def test_the_brief_leaves_out_a_sentence_crediting_a_document_it_never_showed(
        tmp_path, credit, kept):
    # A ferry fire (invented): "the statement" is one the brief never mentions; a named
    # source ("the hospital") needs no introduction.
    ages = f"Of the 14 people taken to Norrvik hospital, nine were children, {credit}."
    digest = analysed(tmp_path, [
        ("2024-06-02", ["A fire broke out on the Vesta ferry off Norrvik on Sunday, and 14 "
                        "passengers were taken to hospital.", ages]),
        ("2024-06-03", ["Fire crews in Norrvik put out the blaze on the Vesta ferry within an "
                        "hour on Sunday.", ages]),
    ])
    assert ("nine were children" in digest.summary) is kept


def test_the_brief_calls_no_one_by_a_surname_it_has_not_introduced(tmp_path):
    # A mine rescue (invented): a later sentence calls the mine's manager by her surname
    # only; the brief does not use it until her full name has been given.
    surname = "Okafor said the ventilation shafts at the Dunmore mine were still open."
    digest = analysed(tmp_path, [
        ("2024-02-05", ["A tunnel collapsed at the Dunmore mine in Kessa on Monday, trapping "
                        "22 miners underground.", surname,
                        "Mine manager Adaeze Okafor said food and water had been lowered to "
                        "the trapped miners on Tuesday."]),
        ("2024-02-06", ["A tunnel collapsed at the Dunmore mine in Kessa on Monday, and 22 "
                        "miners were trapped.", surname]),
    ])
    assert digest.summary.startswith("A tunnel collapsed at the Dunmore mine")
    assert "Okafor said the ventilation" not in digest.summary


def test_a_statement_opening_with_a_possessive_does_not_speak_for_its_paraphrases(tmp_path):
    # A quarry rescue (invented): "Her deputy" says whose only after the sentence before;
    # the other outlet's sentence says the same without leaning on one.
    digest = analysed(tmp_path, [
        ("2024-04-02", ["The Orla quarry flooded on Monday after a retaining wall gave way.",
                        "Her deputy, Tomas Reyes, took charge of the rescue at the Orla "
                        "quarry."]),
        ("2024-04-02", ["The deputy, Tomas Reyes, took charge of the rescue at the Orla "
                        "quarry."]),
    ])
    fact = next(f for f in digest.facts if "Tomas Reyes" in f.statement)
    assert fact.statement.startswith("The deputy")
    assert fact.sources == 2


def test_a_link_to_another_story_is_no_claim(tmp_path):
    # A wildfire (invented): both outlets carry a link line to another of their stories
    # inside a paragraph.
    link = "Also read: Floods in Varno kill 9 as the river bursts its banks."
    digest = analysed(tmp_path, [
        ("2024-07-09", [f"A wildfire burned 400 hectares of forest near Ostrava Ridge on "
                        f"Monday. {link}"]),
        ("2024-07-10", [f"Firefighters contained the wildfire near Ostrava Ridge on Tuesday "
                        f"after it burned 400 hectares. {link}"]),
    ])
    claims = [f.statement for f in digest.facts + digest.other_claims]
    assert claims and not any("Also read" in c or "Varno" in c for c in claims)


def test_each_sentence_of_the_brief_comes_with_the_paragraph_that_states_it(tmp_path):
    # A bridge closure (invented).
    digest = analysed(tmp_path, [
        ("2024-09-01", ["Engineers closed the Halden river bridge on Sunday after finding a "
                        "crack in one of its piers.",
                        "The Halden river bridge carries 30,000 vehicles a day."]),
        ("2024-09-02", ["The Halden river bridge was closed on Sunday when engineers found a "
                        "crack in a pier.",
                        "The Halden river bridge carries 30,000 vehicles a day, the city "
                        "said."]),
    ])
    parts = digest.summary_sentences
    assert parts and " ".join(text for text, _ in parts) == digest.summary
    paragraphs = {Ref(a.slug, p.id): p.text for a in digest.articles for p in a.paragraphs}
    for text, ref in parts:
        assert text in paragraphs[ref]


def test_two_outlets_quoting_the_same_words_report_one_remark(tmp_path):
    # A chip plant fire (invented): each outlet frames the chief executive's words its own
    # way; the words quoted are the same.
    background = ["Fire crews from three towns fought the blaze at the Tessin plant overnight.",
                  "The plant makes sensors for car makers across Europe.",
                  "No one was hurt, the county fire service said on Tuesday.",
                  "Production will move to a sister plant in Ostrava for now."]
    digest = analysed(tmp_path, [
        ("2024-10-02", ["Mara Lindqvist, the chief executive, called the Tessin fire "
                        "\u201ca perfect storm of bad luck\u201d on Tuesday.", *background[:2]]),
        ("2024-10-02", ["Speaking to analysts by video, Mara Lindqvist said the group had "
                        "suffered \u201ca perfect storm of bad luck\u201d in its worst week "
                        "since listing.", *background[2:]]),
        ("2024-10-03", background[1:3]),
    ])
    fact = next(f for f in digest.facts if "perfect storm" in f.statement)
    assert fact.sources == 2


def test_a_quotation_of_three_words_or_more_is_a_feature_of_its_sentence():
    from site_builder.analyze.sentences import quoted_words

    text = ('The coach called the loss \u201can accident waiting to happen\u201d and the '
            'pitch "a bog", adding: "we move on."')
    assert quoted_words(text) == {"an accident waiting to happen", "we move on"}


def test_a_paragraph_whose_next_sentence_gives_another_age_does_not_support(tmp_path):
    # A museum theft (invented): the third outlet's paragraph restates the naming, and
    # its next sentence gives the guard another age.
    named = "Police named the night guard as Lena Brandt, 45, of Varno, and said she was unhurt."
    digest = analysed(tmp_path, [
        ("2024-05-06", [named, "Two paintings were taken from the Varno city museum."]),
        ("2024-05-06", [named, "The Varno city museum will stay closed until Friday."]),
        ("2024-05-07", ["Police named the night guard from Varno and said she was unhurt. "
                        "Lena Brandt, 54, had worked at the museum for ten years."]),
    ])
    fact = next(f for f in digest.facts if f.statement == named)
    assert Ref("a2", "p0") not in fact.support
    assert {r.article for r in fact.support} == {"a0", "a1"}


def test_one_sources_quotation_is_colour_unless_the_quoted_words_give_a_figure(tmp_path):
    # A teachers' strike (invented): the day and the names in a quotation's attribution
    # make it no claim; a figure inside the quoted words does.
    colour = ('"We will not back down," union leader Ines Moreau told a rally outside the '
              'Opera House on Monday.')
    figure = ('"Some 4,000 classrooms stood empty today," union leader Ines Moreau told '
              'reporters in Lyria.')
    digest = analysed(tmp_path, [
        ("2024-03-04", ["Teachers in Lyria walked out on Monday over pay.", colour, figure]),
        ("2024-03-05", ["The strike by teachers in Lyria entered its second day on Tuesday."]),
    ])
    facts = [f.statement for f in digest.facts]
    others = [f.statement for f in digest.other_claims]
    assert colour in others and colour not in facts
    assert figure in facts


def test_a_paragraph_telling_both_sides_still_supports_its_sources_figure(tmp_path):
    # A volcano (invented): one agency's figure, and a paragraph that gives it and the
    # other agency's; the paragraph still states the first.
    told = "The Nordic Seismic Office put the eruption's ash column at 9 km high."
    digest = analysed(tmp_path, [
        ("2024-11-02", [told, "Flights from Vesthavn were cancelled on Saturday."]),
        ("2024-11-02", [f"{told} The Kessa Volcano Observatory put the ash column at 14 km "
                        "high."]),
    ])
    fact = next(f for f in digest.facts if f.statement == told)
    assert {r.article for r in fact.support} == {"a0", "a1"}
