"""The cleaner on made-up plain-text pages in shapes of outlets it has not seen (issue 11).

Every page here is invented for the test; each names a kind of page furniture or
article structure, never a string from the sample data.
"""

import pytest

from site_builder.ingest.bylines import byline
from site_builder.ingest.clean import clean
from site_builder.ingest.readers import read_html, read_text

PARAS = [
    "The harbour authority said on Monday that the new ferry terminal would open in June, "
    "two years later than first promised.",
    "Inspectors found cracks in the main pier during a routine survey last winter, and the "
    "repairs took far longer than the builders had expected.",
    "The terminal will handle about 1.2 million passengers a year once both berths are in "
    "use, according to figures published by the authority.",
    "Local businesses have complained that the delay cost them a summer of visitors, and "
    "several have asked the authority for compensation.",
]
HEADLINE = "Ferry terminal to open two years late after pier repairs"
# More paragraphs of the same story, for pages that need a longer body.
MORE_PARAS = [
    "The new building has a glass roof, a waiting hall for three hundred people and a "
    "covered walkway that leads straight to the bus station across the road.",
    "Officials said the old quay would stay open for fishing boats and for the small "
    "ferry that serves the two northern islands during the winter months.",
]


def _clean(lines: list[str]):
    doc = read_text("\n".join(lines), "page.txt")
    return doc, clean(doc)


def _kept(result) -> list[str]:
    return [b.text for b in result.body]


def _reasons(result) -> dict[int, str]:
    return {n: r.reason for r in result.removed for n in r.lines}


# --- headline versus photo caption ------------------------------------------------

def test_scene_caption_under_the_headline_is_not_the_headline():
    caption = "Passengers wait on the old quay for a delayed crossing on Sunday"
    _, result = _clean(["Harbour News", HEADLINE, caption, *PARAS])
    assert result.meta["title"] == HEADLINE
    assert _kept(result) == PARAS
    assert "caption" in _reasons(result)[3]


def test_caption_between_byline_and_body_leaves_the_headline_above_the_byline():
    caption = "A crane lifts a section of the new pier into place, March 3, 2024"
    _, result = _clean([HEADLINE, "By Tomas Ruiz | March 4, 2024", caption, *PARAS])
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Tomas Ruiz"
    assert _kept(result) == PARAS
    assert "caption" in _reasons(result)[3]


def test_name_and_role_line_is_a_byline_not_the_headline():
    _, result = _clean([HEADLINE, "Tomas Ruiz, Transport correspondent", *PARAS])
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Tomas Ruiz"
    assert _kept(result) == PARAS


def test_bylines_without_by_give_author_and_date_and_leave_the_headline():
    shapes = [
        ("Tomas Ruiz | Tuesday, March 5, 2024 4:10 PM ET", "Tomas Ruiz", "2024-03-05T16:10"),
        ("Tomas Ruiz, Transport Editor, Lisbon | Tuesday 5 March 2024 09:30 GMT", "Tomas Ruiz",
         "2024-03-05T09:30+00:00"),
        ("Tomas Ruiz @truiz / 9:30 AM • March 5, 2024", "Tomas Ruiz", "2024-03-05T09:30"),
        ("Harbour Radio (with agencies) | 03/05/2024", "Harbour Radio", "2024-03-05"),
    ]
    for line, author, published in shapes:
        _, result = _clean(["Harbour News", "Transport | Islands | Weather", HEADLINE, line,
                            *PARAS])
        assert result.meta["title"] == HEADLINE, line
        assert result.meta["author"] == author, line
        assert result.meta["published"] == published, line
        assert _kept(result) == PARAS, line


def test_newsroom_credit_share_words_and_datelines_are_not_headline_or_body():
    lines = ["Harbour News", "News / Islands / Transport", HEADLINE, "Staff and wire reports",
             "Published 03/05/2024 2:40 p.m. CT", "Facebook Twitter Email Print",
             "NOTE: The video in the player above is from an earlier report.", *PARAS]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Staff and wire reports"
    assert result.meta["published"].startswith("2024-03-05")
    assert _kept(result) == PARAS


def test_newsroom_credit_with_a_date_and_a_masthead_date():
    _, result = _clean(["FERRY BULLETIN | Tuesday, March 5, 2024", HEADLINE,
                        "Compiled by Bulletin staff from wire reports | March 5, 2024 at 6:10 a.m.",
                        *PARAS])
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Compiled by Bulletin staff from wire reports"
    assert result.meta["published"] == "2024-03-05"
    assert _kept(result) == PARAS


def test_standfirst_and_timestamps_around_the_headline():
    standfirst = ("It was meant to open two summers ago, but cracks in the pier kept the "
                  "builders busy for much longer than anyone had planned")
    lines = ["Harbour News", HEADLINE, standfirst, "Tomas Ruiz | Tue 5 Mar 2024 // 09:30 UTC",
             "Updated: 4:08 pm", "Updated 5 hours ago", *PARAS]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["published"] == "2024-03-05T09:30+00:00"
    assert _kept(result) == PARAS


def test_an_update_time_is_used_only_when_no_publication_time_is_shown():
    lines = ["ISLANDS | Updated March 6, 2024 at 9:00 a.m.", HEADLINE,
             "PUBLISHED: March 5, 2024 at 7:30 a.m.", *PARAS]
    _, result = _clean(lines)
    assert result.meta["published"] == "2024-03-05T07:30"
    _, result = _clean(lines[:2] + PARAS)
    assert result.meta["published"] == "2024-03-06T09:00"


def test_a_sentence_starting_with_by_is_not_a_byline():
    lead = "By Friday, the harbour authority had already moved the first ferries to the new pier."
    _, result = _clean([HEADLINE, lead, *PARAS])
    assert "author" not in result.meta
    assert _kept(result) == [lead, *PARAS]


def test_byline_ending_in_a_time_is_not_the_first_paragraph():
    _, result = _clean([HEADLINE, "By Tomas Ruiz · March 5, 2024, 7:30 a.m.",
                        "PUBLISHED: March 5, 2024 at 7:30 a.m. | UPDATED: March 5, 2024 "
                        "at 9:02 a.m.",
                        *PARAS])
    assert result.meta["author"] == "Tomas Ruiz"
    assert _kept(result) == PARAS


def test_reference_markers_captions_and_update_notes():
    cited = [p[:-1] + f".[{n}]" for n, p in enumerate(PARAS, 1)]
    lines = [HEADLINE, cited[0], "This story will be updated as more information comes in.",
             cited[1], "Divers inspect the cracked pier on Tuesday. Getty Images",
             cited[2], "Harbour Authority/Handout via Reuters", cited[3]]
    _, result = _clean(lines)
    assert _kept(result) == cited


def test_photo_credits_are_known_by_shape_not_by_agency_name():
    # Invented picture desks: no list of agencies can know them, the credit's shape does.
    captions = ["Divers inspect the cracked pier on Tuesday. Kestrel Picture Desk",
                "Cranes lift the new gangway into place. NORDPIX",
                "The old quay at dawn. Mara Lind/Kestrel Pictures",
                "Workers on the pier in June. (Harbour Authority/Handout via NORDPIX)",
                "Ferries wait offshore. (NORDPIX/Mara Lind)"]
    lines = [HEADLINE, PARAS[0], captions[0], PARAS[1], captions[1], PARAS[2], captions[2],
             PARAS[3], captions[3], *MORE_PARAS, captions[4]]
    _, result = _clean(lines)
    assert _kept(result) == [*PARAS, *MORE_PARAS]
    # A sentence that ends on an abbreviation and a capitalised word is prose, not a credit.
    _, result = _clean([HEADLINE, *PARAS[:2], "Bonds it held, by issuer:",
                        "- About $21 billion of bonds, mostly U.S. Treasuries",
                        "- About $4 billion of city bonds", *PARAS[2:]])
    assert "photo caption or credit" not in _reasons(result).values()


def test_a_name_alone_next_to_the_dateline_is_the_author():
    _, result = _clean(["Harbour News", HEADLINE, "Tomas Ruiz", "Tue 5 Mar 2024 09.30 GMT",
                        *PARAS])
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Tomas Ruiz"
    assert result.meta["published"] == "2024-03-05T09:30+00:00"
    assert _kept(result) == PARAS


def test_a_headline_naming_someone_and_their_role_is_still_the_headline():
    headline = "Anna Berg, harbour pilot and former editor, retires after forty years"
    _, result = _clean(["Harbour News", headline, "By Tomas Ruiz", *PARAS])
    assert result.meta["title"] == headline
    assert result.meta["author"] == "Tomas Ruiz"


# --- subheads are content ------------------------------------------------------------

def test_subheads_inside_the_article_stay_as_headings():
    subheads = ["What went wrong with the pier",
                "How many passengers the terminal will handle once both berths open",
                "Will local businesses be paid for the summer they lost?"]
    lines = [HEADLINE, PARAS[0], subheads[0], PARAS[1], subheads[1], PARAS[2],
             subheads[2], PARAS[3]]
    _, result = _clean(lines)
    assert _kept(result) == lines[1:]
    assert [b.text for b in result.body if b.heading] == subheads


def test_short_colon_subhead_before_a_paragraph_is_content():
    lines = [HEADLINE, PARAS[0], PARAS[1], "The cost:", PARAS[2], PARAS[3]]
    _, result = _clean(lines)
    assert _kept(result) == lines[1:]


# --- links to other stories inside the body ----------------------------------------

def test_read_more_and_also_read_lines_inside_the_body_are_removed():
    lines = [HEADLINE, PARAS[0], "Also read: Island bus routes cut as drivers strike",
             PARAS[1], "READ MORE | Why cruise ships are skipping smaller ports",
             PARAS[2], "Read more", PARAS[3]]
    _, result = _clean(lines)
    assert _kept(result) == PARAS
    reasons = _reasons(result)
    assert all("other article" in reasons[n] for n in (3, 5, 7))


def test_pointer_lines_behind_arrows_and_in_capitals_are_removed():
    lines = [HEADLINE, PARAS[0], "» Related: Island bus routes cut as drivers strike",
             PARAS[1], "MORE: Why cruise ships are skipping smaller ports", PARAS[2],
             "▶ WATCH Harbour master explains the delay", PARAS[3]]
    _, result = _clean(lines)
    assert _kept(result) == PARAS


def test_also_read_glued_inside_a_paragraph_is_cut_out_and_recorded():
    glued = ("Inspectors found cracks in the main pier during a routine survey last winter. "
             "Also read: Island bus routes cut as drivers strike The repairs took far longer "
             "than the builders had expected.")
    at_end = PARAS[2] + " Read more: Why cruise ships are skipping smaller ports"
    bracketed = ("Local businesses have complained about the delay (READ: Tourist numbers "
                 "fall for a third year) and several have asked for compensation.")
    _, result = _clean([HEADLINE, PARAS[0], glued, at_end, bracketed])
    assert _kept(result) == [
        PARAS[0],
        "Inspectors found cracks in the main pier during a routine survey last winter. "
        "The repairs took far longer than the builders had expected.",
        PARAS[2],
        "Local businesses have complained about the delay and several have asked for "
        "compensation.",
    ]
    cuts = [r for r in result.removed if "inside a paragraph" in r.reason]
    assert sorted(n for r in cuts for n in r.lines) == [3, 4, 5]
    assert any("Island bus routes" in r.excerpt for r in cuts)


def test_a_paragraph_that_mentions_reading_is_left_alone():
    text = ("Officials said they would read more of the inspection reports before deciding, "
            "and that the public could also read the summary online.")
    _, result = _clean([HEADLINE, *PARAS[:2], text, *PARAS[2:]])
    assert text in _kept(result)


# --- closing paragraph after page furniture ------------------------------------------

def test_closing_paragraph_after_a_share_bar_is_not_a_footer():
    closing = "The authority will publish a new timetable next week."
    furniture = ["Related coverage:", "- Island bus routes cut as drivers strike",
                 "- Why cruise ships are skipping smaller ports", "© 2024 Harbour News"]
    lines = [HEADLINE, *PARAS, "Advertisement", "Share: Facebook | X | Email", "12 comments",
             closing, *furniture]
    _, result = _clean(lines)
    assert _kept(result) == [*PARAS, closing]


def test_closing_quote_after_a_caption_is_not_a_footer():
    quote = "“We just want the boats running again,” one shop owner said."
    lines = [HEADLINE, *PARAS, "The old quay at dawn. Photo: Harbour News", "Advertisement",
             quote, "Most read", "Island bus routes cut as drivers strike"]
    _, result = _clean(lines)
    assert _kept(result) == [*PARAS, quote]


def test_teaser_after_the_article_is_still_removed():
    teaser = "Island bus routes cut as drivers strike over pay and rotas"
    standfirst = ("Drivers walked out on Friday morning, leaving villages in the north of the "
                  "island without a service for the weekend.")
    _, result = _clean([HEADLINE, *PARAS, "Advertisement", teaser, standfirst])
    assert _kept(result) == PARAS


def test_headlines_with_standfirsts_after_a_more_stories_label_are_teasers():
    teasers = ["Island bus routes cut as drivers strike over pay and rotas",
               "Drivers walked out on Friday morning, leaving villages in the north of the "
               "island without a bus service for the weekend.",
               "Cruise lines drop smaller island ports from next summer timetable",
               "Three operators said the smaller harbours could not take the larger ships now "
               "in service, and dropped them from their routes."]
    _, result = _clean([HEADLINE, *PARAS, "More stories", *teasers])
    assert _kept(result) == PARAS


def test_a_stray_read_more_label_before_a_subhead_does_not_end_the_article():
    lines = [HEADLINE, PARAS[0], PARAS[1], "Read more", "What happens to the old quay",
             PARAS[2], PARAS[3]]
    _, result = _clean(lines)
    assert _kept(result) == [PARAS[0], PARAS[1], "What happens to the old quay", *PARAS[2:]]


# --- metadata prefix of a scraped file ---------------------------------------------

def test_metadata_prefix_is_metadata_not_headline():
    lines = ["title: " + HEADLINE, "date 2024-03-27", "source: Harbour News",
             "url: https://news.example/harbour/ferry-terminal-late", "", *PARAS]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["published"] == "2024-03-27"
    assert result.meta["url"] == "https://news.example/harbour/ferry-terminal-late"
    assert result.meta["outlet"] == "Harbour News"
    assert _kept(result) == PARAS
    assert all("metadata" in _reasons(result)[n] for n in (1, 2, 3, 4))


def test_metadata_prefix_of_a_hard_wrapped_file_stays_one_field_a_line():
    import textwrap

    body = [line for p in [*PARAS, *MORE_PARAS] for line in [*textwrap.wrap(p, 70), ""]]
    lines = ["title: " + HEADLINE, "date 2024-03-27", "source: Harbour News", "", *body]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["published"] == "2024-03-27"
    assert result.meta["outlet"] == "Harbour News"
    assert _kept(result) == [*PARAS, *MORE_PARAS]


def test_metadata_prefix_before_the_headline_leaves_the_headline_alone():
    lines = ["date 2024-03-27", "source: https://news.example/harbour/ferry", HEADLINE,
             *PARAS]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["published"] == "2024-03-27"
    assert result.meta["url"] == "https://news.example/harbour/ferry"
    assert _kept(result) == PARAS


def test_metadata_prefix_with_a_day_first_date_and_an_author():
    lines = ["Date: 27/03/2024", "Author: Tomas Ruiz", "-----", HEADLINE, *PARAS]
    _, result = _clean(lines)
    assert result.meta["published"] == "2024-03-27"
    assert result.meta["author"] == "Tomas Ruiz"
    assert result.meta["title"] == HEADLINE
    assert _kept(result) == PARAS


def test_a_first_line_that_only_starts_with_a_field_word_is_not_metadata():
    lines = ["Source of the delay: cracks found in the main pier", *PARAS]
    _, result = _clean(lines)
    assert result.meta.get("title") == lines[0]
    assert "outlet" not in result.meta


# --- lists and tables of an explainer --------------------------------------------------

def test_list_items_and_table_rows_of_an_explainer_are_content():
    items = ["- Length of the new pier: 240 metres",
             "- Berths: two, one for each ferry line",
             "- Passengers a year: about 1.2 million",
             "- Opening: June, after two years of delay"]
    table = ["Year | Passengers | Sailings", "2021 | 640,000 | 5,100",
             "2022 | 910,000 | 6,300", "2023 | 1,050,000 | 7,000"]
    lines = [HEADLINE, PARAS[0], "What the new terminal will have, according to the plans:",
             *items, PARAS[1],
             "Passenger numbers at the old quay:", *table, PARAS[2], PARAS[3]]
    _, result = _clean(lines)
    kept = _kept(result)
    assert kept[0] == PARAS[0] and kept[-2:] == PARAS[2:]
    assert len(kept) == len(lines) - 1
    assert [b.bullet for b in result.body].count(True) == len(items)
    assert "2022 | 910,000 | 6,300" in kept


def test_tab_separated_table_and_plain_list_between_paragraphs_are_content():
    table = ["Berth\tLength\tOpens", "North\t120 m\tJune", "South\t95 m\tSeptember"]
    items = ["- a new waiting hall for foot passengers", "- covered walkways to the bus station",
             "- a second ticket office"]
    lines = [HEADLINE, PARAS[0], *table, PARAS[1], *items, PARAS[2], PARAS[3]]
    _, result = _clean(lines)
    kept = _kept(result)
    assert len(kept) == len(lines) - 1
    assert "North | 120 m | June" in kept
    assert "a second ticket office" in kept


def test_html_table_cells_of_an_article_are_kept():
    from site_builder.ingest.readers import read_html

    rows = "".join(f"<tr><td>{y}</td><td>{n}</td></tr>" for y, n in
                   [("2021", "640,000"), ("2022", "910,000"), ("2023", "1,050,000")])
    page = (f"<html><body><article><h1>{HEADLINE}</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS[:2])
            + f"<table><tr><th>Year</th><th>Passengers</th></tr>{rows}</table>"
            + "".join(f"<p>{p}</p>" for p in PARAS[2:]) + "</article></body></html>")
    kept = " ".join(_kept(clean(read_html(page, "page.html"))))
    for text in [*PARAS, "Year", "Passengers", "2021", "640,000", "2023", "1,050,000"]:
        assert text in kept


def test_steps_under_a_question_subhead_are_content_and_reader_comments_are_not():
    article = ["The harbour authority has opened a compensation scheme for businesses hit by "
               "the two-year delay.",
               "Who can claim?",
               "Any business within two kilometres of the old quay that can show a fall in "
               "takings since 2022 can apply, officials said.",
               "How do I apply?",
               "1. Download the form from the authority website",
               "2. Attach your accounts for the last two years",
               "3. Send both to the harbour office before the end of June",
               "What happens next?",
               "The authority says it will answer every claim within eight weeks, and pay "
               "out before the end of the year."]
    lines = ["How to claim compensation for the ferry delay", "Updated 2 hours ago", *article,
             "Share this article", "3 comments",
             "Maria: About time, we lost half our customers.",
             "Joe: Will cafes on the seafront count as well?"]
    _, result = _clean(lines)
    assert _kept(result) == [line.split(". ", 1)[1] if line[0].isdigit() else line
                             for line in article]


# --- any language ------------------------------------------------------------------------

JAPANESE = [
    "港湾局は月曜日、新しいフェリーターミナルの開業が当初の予定より二年遅れ、六月になると発表した。",
    "昨年の冬の定期点検で主桟橋にひびが見つかり、修理には建設会社の想定を大きく上回る時間がかかった。",
    "両方の桟橋が使えるようになれば、ターミナルは年間およそ百二十万人の旅客を扱う見通しだという。",
    "地元の商店は、遅れのために夏の観光客を失ったと訴え、いくつかの店は補償を求めている。",
]
RUSSIAN = [
    "Портовое управление в понедельник сообщило, что новый паромный терминал откроется в "
    "июне, на два года позже обещанного срока.",
    "Во время планового осмотра прошлой зимой инспекторы обнаружили трещины в главном причале, "
    "и ремонт занял гораздо больше времени.",
    "Когда оба причала заработают, терминал будет принимать около 1,2 миллиона пассажиров в год.",
    "Местные предприниматели жалуются, что задержка лишила их летнего сезона, и некоторые "
    "требуют компенсации.",
]
PORTUGUESE = [
    "A autoridade portuária anunciou na segunda-feira que o novo terminal de balsas será "
    "inaugurado em junho, dois anos depois do prometido.",
    "Inspetores encontraram rachaduras no cais principal durante uma vistoria de rotina no "
    "inverno passado, e os reparos demoraram muito mais.",
    "O terminal deverá receber cerca de 1,2 milhão de passageiros por ano quando os dois "
    "atracadouros estiverem em uso.",
    "Comerciantes locais reclamam que o atraso custou um verão inteiro de turistas, e vários "
    "pedem indenização.",
]


CHINESE = [
    "港务局周一表示，新的渡轮码头将于六月启用，比最初承诺的时间晚了两年。",
    "去年冬天的例行检查中，检查人员在主码头发现了裂缝，维修所需时间远超建筑商的预期。",
    "两个泊位全部投入使用后，码头每年将接待约一百二十万名旅客。",
]
ARABIC = [
    "قالت هيئة الميناء يوم الاثنين إن محطة العبارات الجديدة ستفتتح في يونيو، بعد عامين من "
    "الموعد الذي وعدت به.",
    "وجد المفتشون تشققات في الرصيف الرئيسي خلال مسح روتيني في الشتاء الماضي، واستغرقت "
    "الإصلاحات وقتا أطول بكثير مما توقعه البناؤون.",
    "ستستقبل المحطة نحو مليون ومئتي ألف مسافر سنويا عندما يعمل الرصيفان.",
]


def test_paragraphs_in_other_languages_are_kept():
    pages = [("フェリーターミナル、二年遅れて六月に開業", JAPANESE),
             ("渡轮码头推迟两年于六月启用", CHINESE),
             ("افتتاح محطة العبارات بعد تأخير عامين", ARABIC),
             ("Паромный терминал откроется с опозданием на два года", RUSSIAN),
             ("Terminal de balsas abre com dois anos de atraso", PORTUGUESE)]
    for headline, paragraphs in pages:
        _, result = _clean(["Menu", headline, *paragraphs])
        assert _kept(result) == paragraphs, headline
        assert result.meta["title"] == headline


# --- through the whole build ---------------------------------------------------------------

def test_build_uses_the_prefix_fields_and_reports_the_cut(tmp_path):
    import json

    from site_builder.build import build

    seeds = tmp_path / "site" / "seeds"
    seeds.mkdir(parents=True)
    glued = PARAS[1] + " Also read: Island bus routes cut as drivers strike"
    (seeds / "ferry.txt").write_text("\n".join(
        ["date 2024-03-27", "url: https://news.example/harbour/ferry-late", "", HEADLINE,
         PARAS[0], glued, *PARAS[2:]]), encoding="utf-8")
    (seeds / "japanese.txt").write_text(
        "\n".join(["フェリーターミナル、二年遅れて六月に開業", *JAPANESE]), encoding="utf-8")
    result = build(tmp_path / "site", quiet=True)
    digest = json.loads((result.output / "digest.json").read_text())
    by_file = {a["source_file"]: a for a in digest["articles"]}
    ferry = by_file["ferry.txt"]
    assert ferry["slug"].startswith("ferry-terminal-to-open")
    assert ferry["published"] == "2024-03-27"
    assert [p["text"] for p in ferry["paragraphs"]] == PARAS
    assert any(r["source_lines"] == [6] and "inside a paragraph" in r["reason"]
               for r in ferry["removed"])
    assert [p["text"] for p in by_file["japanese.txt"]["paragraphs"]] == JAPANESE


def test_pointers_to_other_stories_in_other_languages_are_debris():
    glued = RUSSIAN[1] + " Читайте также: Паромы встали из-за шторма"
    _, result = _clean(["Паромный терминал откроется с опозданием на два года", RUSSIAN[0],
                        glued, "Читайте также: Забастовка водителей автобусов", *RUSSIAN[2:]])
    assert _kept(result) == RUSSIAN
    _, result = _clean(["フェリーターミナル、二年遅れて六月に開業", *JAPANESE[:2],
                        "関連記事：離島のバス路線、運転手のストで運休", *JAPANESE[2:]])
    assert _kept(result) == JAPANESE


# --- header lines in other shapes: a masthead with its edition, a zone note, a desk credit

def test_masthead_with_its_edition_is_not_the_headline():
    lines = ["THE COASTAL GAZETTE | Weekend Edition", "Home > Region > Ports", HEADLINE,
             "Posted: 3 June 2024, 10:40 (local time)", "Newsdesk / Coastal Gazette", *PARAS]
    _, result = _clean(lines)
    assert result.meta["title"] == HEADLINE
    assert result.meta["published"] == "2024-06-03T10:40"
    assert result.meta["author"] == "Newsdesk / Coastal Gazette"
    assert _kept(result) == PARAS
    assert _reasons(result)[1] == "menu or masthead"


def test_weekday_and_middle_dot_in_a_dateline():
    _, result = _clean([HEADLINE, *PARAS[:2], "Tuesday, June 4, 2024 · 9:05 a.m.", *PARAS[2:]])
    assert _kept(result) == PARAS


# --- the end of an article: bios, tip lines, credits that are no part of the story ----

@pytest.mark.parametrize("closing", [
    "About the author: Pia Sandoval has written on shipping and harbours for ten years.",
    "Pia Sandoval covers ports and ferries for the Coastal Gazette from Valletta.",
    "Pia Sandoval writes on maritime law and the economics of island transport.",
    "Pia Sandoval edits our coverage of transport and infrastructure.",
    "Pia Sandoval is the Coastal Gazette's transport editor and a former harbour pilot.",
    "Tomas Reyes contributed reporting from the northern islands.",
    "Seen something on the water? Have a story for us? Message the newsdesk.",
    "Send us your tips at the address on our contact page.",
    "The Gazette is supported by readers. Read our editorial independence policy.",
    "Copyright ⓒ Coastal Gazette. Unauthorised reproduction prohibited.",
    "Comments are closed on this article.",
    "Join the Coastal Gazette on WhatsApp for breaking news alerts.",
    "Get our morning harbour email, free every weekday.",
])
def test_closing_credits_and_prompts_are_not_body(closing: str):
    _, result = _clean([HEADLINE, *PARAS, closing])
    assert _kept(result) == PARAS


@pytest.mark.parametrize("caption", [
    "[Photo: A crane lifts a section of the new pier on Monday. Port Authority]",
    "[Chart: passengers per year at the old and new terminals. Source: port authority]",
    "Map: Datawrapper / Harbour Authority",
    "PHOTO/HARBOURPRESS - Workers inspect the damaged pier on Monday morning",
])
def test_bracketed_and_labelled_captions_are_not_body(caption: str):
    _, result = _clean([HEADLINE, PARAS[0], PARAS[1], caption, PARAS[2], PARAS[3]])
    assert _kept(result) == PARAS


def test_a_sentence_about_covering_or_writing_stays_in_the_body():
    # News sentences with the same verbs: not about the article's writer.
    paras = [*PARAS, "The insurance covers the cost of the repairs for the first two years, "
             "the authority said.", "Maria Lopez, the mayor, writes to the minister every "
             "month about the delays, she said."]
    _, result = _clean([HEADLINE, *paras])
    assert _kept(result) == paras


def test_a_long_paragraph_cut_off_mid_sentence_is_still_the_article():
    # A saved teaser or truncated page: the one paragraph ends without its full stop.
    cut = " ".join(PARAS + MORE_PARAS)[:-12]
    _, result = _clean(["Harbour News", HEADLINE, cut])
    assert _kept(result) == [cut]


def test_a_short_unfinished_line_is_still_no_paragraph():
    _, result = _clean([HEADLINE, *PARAS, "Read more about the ferry terminal and the new"])
    assert _kept(result) == PARAS


def test_a_live_pages_status_notice_is_neither_headline_nor_body():
    notice = "Live coverage of this story has ended"
    _, result = _clean(["HARBOUR NEWS | Ports", HEADLINE, "Published on 04/03/2024 - 09:15",
                        notice, *PARAS])
    assert result.meta["title"] == HEADLINE
    assert _kept(result) == PARAS


def test_a_newsroom_credited_with_its_correspondents_is_the_byline():
    credit = "Harbour News 24, with correspondents in Portsmouth and Cherbourg"
    _, result = _clean([HEADLINE, "Published on 04/03/2024 - 09:15", credit, *PARAS])
    assert result.meta["title"] == HEADLINE
    assert result.meta["author"] == "Harbour News 24"
    assert _kept(result) == PARAS
    # The same words inside a sentence are prose, not a credit.
    assert byline("The mayor met with reporters in Portsmouth") is None


def test_notes_on_the_storys_sources_and_publisher_are_not_body():
    notes = ["Parts of this report are taken from agency copy.",
             "About Harbour Weekly: independent reporting on ports and shipping since 1998."]
    _, result = _clean([HEADLINE, "By Tomas Ruiz | March 4, 2024", *PARAS, *notes])
    assert _kept(result) == PARAS
    # Prose that says where something came from is still prose.
    quoted = "Part of the plan was drawn from a 1990s survey, the harbour master said."
    _, result = _clean([HEADLINE, "By Tomas Ruiz | March 4, 2024", *PARAS[:2], quoted,
                        *PARAS[2:]])
    assert quoted in _kept(result)


def test_an_update_note_kept_by_the_html_extractor_is_dropped():
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"{body}<p><em>This post will be updated as new information is available.</em></p>"
            "</article></body></html>")
    result = clean(read_html(page, "page.html"))
    assert _kept(result) == PARAS


@pytest.mark.parametrize(("stamp", "published"), [
    ("March 4, 2024 9:41 AM GMT · Updated 2 hours ago", "2024-03-04T09:41+00:00"),
    ("2024.03.04 09:41 | Modified 2024.03.04 11:05", "2024-03-04T09:41"),
    ("March 4, 2024 — 9.41am", "2024-03-04T09:41"),
    ("Publicado: 16/03/2024 09:41 · Atualizado: 16/03/2024 11:05", "2024-03-16T09:41"),
])
def test_stamp_lines_in_other_shapes_give_the_publication_date(stamp, published):
    _, result = _clean(["Harbour News", HEADLINE, stamp, "By Tomas Ruiz", *PARAS])
    assert result.meta["published"] == published
    assert _kept(result) == PARAS


@pytest.mark.parametrize(("credit", "author"), [
    ("16.03.2024 | 09:41 | Author: Harbour Desk / T. Ruiz", "Harbour Desk"),
    ("16.03.2024 · 9:41 am · By Tomas Ruiz", "Tomas Ruiz"),
])
def test_a_date_its_time_and_a_credit_on_one_line_give_date_and_author(credit, author):
    _, result = _clean(["Harbour News", HEADLINE, credit, *PARAS])
    assert result.meta["published"] == "2024-03-16T09:41"
    assert result.meta["author"] == author
    assert _kept(result) == PARAS
