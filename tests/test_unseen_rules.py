"""Statement kinds met on real coverage of stories the clusters lack (invented text here)."""

from figure_helpers import analysed, one

from site_builder.analyze.frames import find_figures

# --- A cue word naming an activity after "and" is a new subject's, not the count's ---

def test_a_cue_heading_a_new_subject_is_not_the_counts_property():
    f = one("The ferry sinking killed at least 30 people and rescue efforts continued "
            "overnight, the coast guard said.")
    assert f.prop == "killed"


def test_a_state_after_and_still_speaks_for_the_count():
    assert one("Boats reached 30 people and rescued them from rooftops.").prop == "rescued"
    assert not one("Boats reached 30 people and rescue workers took them to shelters.").prop


def test_two_tolls_beside_rescue_work_make_an_update_not_a_rescue_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-03-01", ["The ferry sinking off Dorran killed 14 people, officials said."]),
        ("2026-03-02", ["The toll from the ferry sinking off Dorran rose to 31 people and "
                        "rescue operations went on, officials said."]),
    ])
    [row] = digest.disagreements
    assert [c.number for c in row.claims] == [14, 31] and row.kind == "update"
    assert "rescued" not in row.about


# --- Those trapped are a count of their own ---

def test_a_trapped_count_takes_its_property():
    assert one("At least 20 workers were trapped under the collapsed parking garage.").prop \
        == "trapped"
    assert one("Officials said 12 people remained trapped inside the cave.").prop == "trapped"


def test_two_counts_of_the_trapped_clash_and_the_toll_stays_apart(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-04-10", ["The garage collapse in Pellow killed 5 people, and 22 people were "
                        "trapped under the slabs, the mayor said."]),
        ("2026-04-10", ["A union leader said 14 people were still trapped under the slabs of "
                        "the Pellow garage."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [14, 22] and "trapped" in row.about


# --- The identities of the dead, and bodies told as people ---

def test_identities_confirmed_are_the_identified(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-07-02", ["Police said the identities of 18 victims of the flood in Sarno "
                        "were confirmed."]),
        ("2026-07-02", ["So far 27 bodies from the Sarno flood have been identified, police "
                        "said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [18, 27] and "identified" in row.about


def test_identities_of_the_dead_are_no_rival_of_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-07-02", ["The flood in Sarno killed 40 people, police said."]),
        ("2026-07-02", ["Police said the identities of 18 victims of the Sarno flood were "
                        "confirmed."]),
    ])
    assert not digest.disagreements


# --- A report that tells its own count's correction makes no internal clash ---

def test_a_report_of_a_corrected_toll_is_no_internal_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-02-03", ["The death toll from the Larsk bus crash was revised down to 12 on "
                        "Tuesday.",
                        "Rescue services had said 14 people died because some victims were "
                        "counted twice."]),
    ])
    assert not [d for d in digest.disagreements if "within one report" in d.about]


def test_a_reports_two_tolls_without_a_correction_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-02-03", ["The death toll from the Larsk bus crash stands at 12 people.",
                        "Rescue services said 14 people died in the Larsk bus crash."]),
    ])
    assert [d for d in digest.disagreements if "within one report" in d.about]


def test_bodies_handed_over_after_an_identified_count_are_not_identified(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-07-02", ["Thirty people have been identified and 12 bodies handed over to "
                        "relatives after the Sarno flood, police said."]),
        ("2026-07-03", ["Police said 45 people killed in the Sarno flood have been "
                        "identified."]),
    ])
    rows = [d for d in digest.disagreements if "identified" in d.about]
    assert [sorted(c.number for c in row.claims) for row in rows] == [[30, 45]]


# --- The ground a thing stands on ---

def test_a_size_before_its_noun_or_after_a_verb_of_extent_is_that_things_area():
    camp = one("Aid groups run the 40-hectare camp outside Tarvel.")
    assert (camp.dimension, camp.prop, camp.thing) == ("area", "area", "camp")
    park = one("The camp covers 25 hectares of farmland.")
    assert (park.dimension, park.prop, park.thing) == ("area", "area", "camp")


def test_two_areas_of_one_camp_clash_and_another_things_stays_apart(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-06-01", ["Aid groups run the 40-hectare camp outside Tarvel."]),
        ("2026-06-01", ["The camp outside Tarvel covers 25 hectares, aid groups said."]),
        ("2026-06-01", ["A 30-hectare farm next to Tarvel was flooded."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [250_000, 400_000]  # square metres
    assert row.about.endswith("area of the camp")


def test_an_area_burned_without_a_verb_of_extent_is_not_compared(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-08-01", ["The grass fire near Tarvel has burned 2,000 hectares."]),
        ("2026-08-01", ["The grass fire near Tarvel has burned 3,500 hectares, crews said."]),
    ])
    assert not digest.disagreements


# --- Who was there when it happened ---

def test_those_there_at_the_time_are_a_count_of_their_own():
    assert one("There were 60 workers inside the factory at the time of the fire.").prop \
        == "present"
    assert one("Some 60 people were working on the ferry deck when the fire broke out.").prop \
        == "present"
    # The clause goes on to say what befell them: that is the property.
    assert one("Twelve people in the factory at the time were killed.").prop == "killed"


def test_two_counts_of_those_there_clash_apart_from_the_toll(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-10-03", ["The factory fire in Oskel killed 9 people.",
                        "There were 60 people inside the factory at the time of the fire, "
                        "the owner said."]),
        ("2026-10-03", ["The mayor said 85 people were inside the Oskel factory at the time "
                        "of the fire."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [60, 85] and "there at the time" in row.about


# --- "Several" and "a few" count nothing to hold against another loose word ---

def test_several_hurt_is_no_rival_of_hundreds_hurt(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-10", ["A few residents were injured when the Ormby bridge railing gave "
                        "way, the council said."]),
        ("2026-05-11", ["A residents' group said hundreds of residents were injured at the "
                        "Ormby bridge."]),
    ])
    assert not digest.disagreements


def test_dozens_against_hundreds_still_differ(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-05-10", ["The tornado in Ormby destroyed dozens of homes, the council said."]),
        ("2026-05-10", ["The tornado in Ormby destroyed hundreds of homes, firefighters "
                        "said."]),
    ])
    assert len(digest.disagreements) == 1


# --- A speaker's earlier word, told again, is superseded ---

def test_what_a_speaker_had_said_earlier_is_no_rival_of_the_later_count(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-11-02", ["Earlier the fire chief had said that about 20 climbers were trapped "
                        "on the ridge above Kessa."]),
        ("2026-11-02", ["The fire chief said 64 climbers were trapped on the ridge above "
                        "Kessa."]),
    ])
    assert not digest.disagreements


def test_two_speakers_counts_of_the_trapped_still_clash(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-11-02", ["The fire chief said about 20 climbers were trapped on the ridge "
                        "above Kessa."]),
        ("2026-11-02", ["The mayor said 64 climbers were trapped on the ridge above Kessa."]),
    ])
    assert len(digest.disagreements) == 1


# --- When a blast happened: a relative clause's verb, and striking as happening ---

def test_a_blast_that_struck_and_an_explosion_that_occurred_tell_one_time(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-12-05", ["Nine residents remain in hospital after the blast, which struck the "
                        "Varlo apartment block around 9.10 p.m. local time."]),
        ("2026-12-05", ["The explosion occurred 9:40 pm on Friday at the Varlo apartment "
                        "block, the fire service said."]),
    ])
    [row] = [d for d in digest.disagreements if d.about.startswith("when ")]
    assert sorted(c.value for c in row.claims) == ["9:40 pm", "around 9.10 p.m. local time"]


def test_a_blast_and_an_explosion_at_one_time_make_no_row(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-12-05", ["Nine residents remain in hospital after the blast, which struck the "
                        "Varlo apartment block around 9.10 p.m. local time."]),
        ("2026-12-05", ["The explosion occurred at 9:12 pm on Friday at the Varlo apartment "
                        "block, the fire service said."]),
    ])
    assert not [d for d in digest.disagreements if d.about.startswith("when ")]


# --- A count set against the official one is a rival's, not an update ---

def test_a_count_disputing_the_official_one_is_a_rival_not_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-14", ["The capsizing of the ferry off Maro killed 40 people, officials "
                        "said."]),
        ("2026-09-15", ["A fishermen's union disputed the official toll of 40 for the ferry "
                        "off Maro.", "The union said 90 people died when the ferry off Maro "
                        "capsized."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [40, 90] and row.kind == "contradicts"


def test_a_toll_that_rose_the_next_day_is_still_an_update(tmp_path):
    digest = analysed(tmp_path, [
        ("2026-09-14", ["The capsizing of the ferry off Maro killed 40 people, officials "
                        "said."]),
        ("2026-09-15", ["The toll from the capsizing of the ferry off Maro rose to 90 people, "
                        "officials said."]),
    ])
    [row] = digest.disagreements
    assert sorted(c.number for c in row.claims) == [40, 90] and row.kind == "update"


# --- An age after a role is an appositive, closed by punctuation ---

def test_a_count_opening_a_clause_after_the_time_is_no_age():
    figures = find_figures("Of the 30 people in the warehouse at the time, 8 were killed.")
    assert [(f.dimension, f.prop) for f in figures] == [("count", "present"), ("count", "killed")]


def test_an_age_set_after_a_role_is_still_an_age():
    f = one("The pilot, 51, survived the crash landing.")
    assert (f.dimension, f.thing) == ("age", "pilot")
