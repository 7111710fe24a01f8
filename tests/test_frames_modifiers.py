"""Figure frames for a count written as a modifier ("the 7,500-seat hall", "a 40-bed
clinic"): how many of the unit a thing has. Motivated by a concert hall's capacity; the
invented sentences are about hospitals, ferries and hotels; and a rival estimate closing
its clause ("the union put the number at 55"), motivated by people aboard a wrecked boat."""

from figure_helpers import analysed, one

from site_builder.analyze.frames import find_figures


def test_a_count_modifier_is_a_count_the_thing_has():
    f = one("Medics opened the 250-bed field hospital on the edge of the camp.")
    assert (f.dimension, f.unit, f.value) == ("count", "bed", 250)
    assert f.prop.endswith("hospit")


def test_two_modifier_counts_of_one_thing_contradict(tmp_path):
    # A ferry's berths: one outlet says 900, another 1,100.
    digest = analysed(tmp_path, [
        ("2024-03-01", ["The 900-berth ferry Norrland ran aground off Skarvik."]),
        ("2024-03-01", ["The 1,100-berth ferry Norrland ran aground off Skarvik on Friday."]),
    ])
    [row] = [d for d in digest.disagreements if "berth" in d.about]
    assert row.kind == "contradicts"
    assert "vessel" in row.about  # a ferry is a vessel


def test_modifier_counts_of_two_things_are_not_compared(tmp_path):
    # A hotel and its annex: rooms of two buildings, no disagreement.
    digest = analysed(tmp_path, [
        ("2024-03-01", ["Guests of the 300-room hotel were moved out before dawn."]),
        ("2024-03-01", ["Staff cleared the 40-room annex as the fire spread."]),
    ])
    assert not [d for d in digest.disagreements if "room" in d.about]


def test_adjectives_and_participles_after_a_hyphen_are_no_counted_unit():
    assert not find_figures("A 62-strong team flew in to help.")
    assert not find_figures("The No. 3-ranked side lost at home.")
    assert not find_figures("Output saw a 10-fold rise over the decade.")


def test_a_designation_with_a_hyphen_stays_no_count():
    assert not [f for f in find_figures("Two F-16 jets escorted the airliner.")
                if f.value == 16]


# --- A rival estimate closing its clause counts what the figure before it counts ---

def test_a_rival_estimate_counts_what_the_figure_before_it_counts():
    # Motivated by a shipwreck's people aboard; told of a flooded colliery.
    first, rival = find_figures("The company said 40 miners were underground; the union "
                                "put the number at 55.")
    assert (rival.unit, rival.value, rival.prop) == (first.unit, 55, first.prop)
    *_, upper = find_figures("Police said 2,000 fans were inside; the organisers' own "
                             "count pointed to up to 3,500.")
    assert (upper.unit, upper.hedge, upper.high) == ("fan", "upper", 3500)


def test_a_bare_figure_without_a_verb_of_estimating_stays_unread():
    figures = find_figures("Some 300 fans were hurt, and 20 were driven to a clinic from "
                           "the 250 waiting.")
    assert 250 not in [f.value for f in figures]


def test_a_rival_estimate_in_one_sentence_is_held_against_the_other_reports(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-02-01", ["The Hallam Colliery company said 40 miners were underground when "
                        "the shaft flooded; the union put the number at 55."]),
        ("2024-02-01", ["Rescuers at Hallam Colliery said 40 miners were underground when "
                        "water burst into the shaft."]),
    ])
    [row] = [d for d in digest.disagreements if "miner" in d.about]
    assert row.kind == "contradicts"
    assert sorted(c.number for c in row.claims) == [40, 55]


# --- Verbs of going past a figure are a lower bound in every form ---

def test_every_form_of_topping_or_surpassing_is_a_lower_bound():
    # Motivated by insured losses that "could top" a sum; told of repair bills and claims.
    for sentence in ("Insurers said the repair bill could top $40 million.",
                     "The repair bill now tops $40 million, the council said.",
                     "Insurers expect to surpass 4,000 claims by Friday.",
                     "Losses surpassing $2 billion were reported by Friday."):
        [f] = find_figures(sentence)
        assert f.hedge == "lower", sentence


def test_top_as_a_rank_is_no_bound():
    assert [f.hedge for f in find_figures("The top 10 donors gave $5 million.")] == ["exact"]


# --- A hyphenated pair whose second number is the smaller is no range ---

def test_a_designation_or_score_with_a_hyphen_is_no_range():
    # Motivated by "737-9" read as a range of aircraft; told of trains, a match, a season.
    assert not find_figures("The operator withdrew its 390-4 trains after the fault.")
    assert not find_figures("City won the match 2-1 at home.")
    [f] = find_figures("Between 40-45 people were hurt in the crush.")
    assert (f.hedge, f.low, f.high) == ("range", 40, 45)
