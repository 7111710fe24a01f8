"""Figure frames and rows for kinds of statements the tuning clusters showed (an earthquake,
floods, an air crash): a later bound told of a rising count, tallies of recorded events,
a count at one of several sites, parts listed after a count, phrasal "away", "a million",
and injuries counted as people.
Invented sentences, from other kinds of stories than the clusters that showed the miss."""

from figure_helpers import analysed, one

from site_builder.analyze.frames import find_figures

# --- A later report's bound that still allows the rise keeps the count an update ---

def test_a_later_looser_bound_keeps_a_rising_count_an_update(tmp_path):
    # A stadium crush: "more than 150" told after 214 does not say the count fell.
    digest = analysed(tmp_path, [
        ("2024-05-01", ["The crush at the Varne stadium injured 35 people, medics said."]),
        ("2024-05-02", ["The crush at the Varne stadium injured 214 people, medics said."]),
        ("2024-05-04", ["The crush at the Varne stadium injured more than 150 people, "
                        "medics said."]),
    ])
    [row] = [d for d in digest.disagreements if "injured" in d.about]
    assert row.kind == "update"


def test_a_later_figure_below_an_earlier_one_is_no_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-05-01", ["The crush at the Varne stadium injured 214 people, medics said."]),
        ("2024-05-02", ["The crush at the Varne stadium injured 35 people, medics said."]),
    ])
    [row] = [d for d in digest.disagreements if "injured" in d.about]
    assert row.kind == "contradicts"


# --- A tally of recorded events runs over time ---

def test_verbs_of_recording_give_a_count_a_property():
    for sentence in ("More than 40 complaints had been logged by noon.",
                     "Regulators have counted 12 breaches at the refinery.",
                     "Sensors detected 300 tremors under the volcano."):
        assert find_figures(sentence)[0].prop == "recorded", sentence


def test_a_toll_recorded_is_still_a_toll():
    assert one("Officials said 58 deaths had been recorded at the mine.").prop == "killed"


def test_a_tally_of_recorded_events_that_grew_is_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-07-01", ["Sensors on Mount Orrel had logged more than 40 tremors by noon."]),
        ("2024-07-03", ["Sensors on Mount Orrel had logged more than 900 tremors by Wednesday."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "tremor"]
    assert row.kind == "update"


# --- A count at one of several sites is a part ---

def test_a_count_at_a_second_site_is_not_held_against_the_total(tmp_path):
    # A ferry strike: crew on two ferries, and the crew of a second one of them.
    digest = analysed(tmp_path, [
        ("2024-03-01", ["About 90 sailors were stuck on two ferries off Kessa, the port said."]),
        ("2024-03-01", ["About 40 sailors on a second ferry were stuck off Kessa, the port "
                        "said."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "sailor"]


def test_two_counts_at_the_same_sites_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-03-01", ["About 90 sailors were stuck on two ferries off Kessa, the port said."]),
        ("2024-03-01", ["About 40 sailors were stuck on two ferries off Kessa, the port said."]),
    ])
    assert [d for d in digest.disagreements if d.unit == "sailor"]


# --- Parts listed after a count share what is said of it ---

def test_a_part_after_including_takes_the_counts_property():
    # A bus crash: "including 12 pupils" counts the dead pupils, not pupils in general.
    toll, part = find_figures("The bus crash killed 31 people on Monday, including 12 pupils.")
    assert toll.prop == part.prop == "killed"


def test_a_breakdown_after_a_colon_takes_the_counts_property():
    figures = find_figures("Police said 20 fans were hurt at the final: 12 supporters, "
                           "five stewards and three officers.")
    assert {f.prop for f in figures} == {"injured"}


def test_a_count_after_a_comma_without_a_listing_word_keeps_its_own():
    figures = find_figures("The bus crash killed 31 people, and 40 pupils were sent home.")
    assert figures[1].prop != "killed"


# --- A phrasal verb's particle is no distance ---

def test_a_length_washed_away_is_no_distance():
    assert one("The storm surge left 40 km of railway washed away.").prop != "distance"


def test_a_length_away_from_a_place_is_still_a_distance():
    assert one("The camp lies 40 km away from the border.").prop == "distance"


# --- "a million" is a figure, told as loosely as "one million" ---

def test_a_written_out_scale_after_a_is_read():
    f = one("Organisers say more than a million visitors came to the fair.")
    assert (f.value, f.hedge) == (1e6, "lower")
    assert f.step == one("Organisers say one million visitors came to the fair.").step


def test_a_before_a_hyphenated_scale_is_no_figure():
    assert find_figures("The airline signed a billion-dollar deal.") == []


# --- Injuries count people ---

def test_injuries_are_counted_with_the_injured():
    a = one("The pile-up on the A9 caused 45 injuries, police said.")
    b = one("Police said 52 people were injured in the pile-up on the A9.")
    assert (a.unit, a.prop) == (b.unit, b.prop) == ("people", "injured")


# --- A weight told as a modifier or after "of" is the weight of that thing ---

def test_a_hyphenated_weight_is_the_weight_of_what_it_qualifies():
    f = one("The 3,000-tonne barge drifted onto the weir.")
    assert (f.prop, f.thing) == ("weight", "vessel")  # vessel words are one class


def test_a_weight_after_of_is_the_nouns_weight():
    f = one("Tugs pulled the barge, a hulk of some 3,000 tonnes, off the weir.")
    assert (f.prop, f.thing) == ("weight", "hulk")


def test_two_weights_of_one_vessel_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2024-08-01", ["The 3,000-tonne barge Orla drifted onto the Kessa weir."]),
        ("2024-08-01", ["The 5,200-tonne barge Orla drifted onto the Kessa weir."]),
    ])
    [row] = [d for d in digest.disagreements if d.unit == "kg"]
    assert row.kind == "contradicts"


def test_a_weight_of_goods_moved_has_no_owner():
    assert one("Dredgers removed 30,000 tonnes of sand.").prop == ""


# --- Verbs of lifting people out say they were rescued ---

def test_people_lifted_out_are_rescued():
    for sentence in ("A coastguard helicopter winched 12 sailors off the trawler's deck.",
                     "Crews airlifted 40 residents from rooftops in the valley.",
                     "A lifeboat crew plucked six swimmers from the rip current."):
        assert one(sentence).prop == "rescued", sentence


def test_people_lifted_out_are_not_held_against_those_cut_off(tmp_path):
    # A mine flood: the few lifted out are not a rival count of all who were trapped.
    digest = analysed(tmp_path, [
        ("2024-10-01", ["A team winched six miners out of the flooded shaft at the Dunmore "
                        "Colliery."]),
        ("2024-10-01", ["About 70 miners were cut off by the flooded shaft at the Dunmore "
                        "Colliery."]),
    ])
    assert not [d for d in digest.disagreements if d.unit == "miner"]


# --- "injured across X": a preposition ending in "s" is no counted noun ---

def test_a_state_before_a_preposition_still_counts_people():
    figures = find_figures("The storm left three dead and 48 injured across the islands, "
                           "including 20 in Porto Vell.")
    assert [(f.value, f.unit, f.prop) for f in figures] == [
        (3, "people", "killed"), (48, "people", "injured"), (20, "people", "injured")]


def test_a_state_before_a_plural_noun_still_qualifies_it():
    assert one("The blast left 40 injured workers at the depot.").unit == "worker"


# --- A dateline whose date carries a zone offset in brackets ---

def test_a_dateline_with_a_bracketed_zone_offset_is_dated():
    from site_builder.ingest.bylines import dateline_stamp, is_dateline

    line = "2023-08-14 09:30 (UTC+2) | Updated 11:05"
    assert is_dateline(line)
    assert dateline_stamp(line)[0].startswith("2023-08-14")


def test_a_masthead_before_a_date_is_still_set_aside():
    from site_builder.ingest.bylines import dateline_stamp

    assert dateline_stamp("THE BRIEFING | June 21, 2023") == ("2023-06-21", False)
