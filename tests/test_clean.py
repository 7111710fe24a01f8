"""The cleaner on synthetic pages in shapes the samples do not have."""

from site_builder.ingest.clean import clean, repeated_lines
from site_builder.ingest.readers import read_text

BODY = [
    "The city council voted on Monday to approve a new flood barrier along the river, "
    "ending months of debate over its cost.",
    "Engineers say the barrier will protect about 4,000 homes from the kind of flooding "
    "that struck the town two winters ago.",
    "Construction is expected to begin in the spring and to last roughly eighteen months, "
    "according to the council's own planning documents.",
    "Opponents argued that the money should have gone to relocating the most exposed "
    "households instead, and they said they would appeal.",
]


def _page(lines: list[str]):
    doc = read_text("\n".join(lines), "page.txt")
    return doc, clean(doc)


def _kept(result) -> list[str]:
    return [b.text for b in result.body]


def test_keeps_article_and_drops_navigation_and_signup_forms():
    lines = ["Home | World | Politics | Sport", "Sign in", "Council approves flood barrier",
             "By Jane Miller | March 4, 2024", *BODY,
             "Sign up for our morning newsletter and get the news in your inbox.",
             "Enter your email address", "Subscribe", "© 2024 Example Media. All rights reserved."]
    _, result = _page(lines)
    assert _kept(result) == BODY
    assert result.meta["title"] == "Council approves flood barrier"
    assert result.meta["author"] == "Jane Miller"
    assert result.meta["published"] == "2024-03-04"
    assert set(result.inferred) == {"title", "author", "published"}


def test_removes_related_headline_list_and_caption():
    lines = [BODY[0], "Residents watch the water rise near the old bridge. (Photo: Reuters)",
             *BODY[1:], "Read more:", "- Storm closes schools across the region",
             "- Why insurance premiums are rising again"]
    _, result = _page(lines)
    assert _kept(result) == BODY
    reasons = {r.reason for r in result.removed}
    assert "photo caption or credit" in reasons
    assert "list of other articles' headlines" in reasons


def test_teaser_headline_with_standfirst_at_the_end_is_removed():
    teaser = ("A long-awaited rail link finally opens, but commuters are not impressed "
              "by the timetable")
    standfirst = ("Passengers on the first morning found trains running half empty and "
                  "stations still unfinished, with no shops open.")
    _, result = _page([*BODY, teaser, standfirst, "Most read", "Top stories"])
    assert _kept(result) == BODY
    assert any("teaser" in r.reason for r in result.removed)


def test_key_takeaway_bullets_stay_as_a_list():
    bullets = ["- The council approved the barrier by seven votes to two.",
               "- Work starts in the spring."]
    _, result = _page([*bullets, *BODY])
    assert [b.bullet for b in result.body[:2]] == [True, True]
    assert len(result.body) == len(BODY) + 2


def test_lines_repeated_across_sources_are_furniture():
    a = read_text("\n".join(["Listen to this article", *BODY]), "a.txt")
    b = read_text("\n".join(["Listen to this article", *reversed(BODY)]), "b.txt")
    common = repeated_lines([a, b])
    assert "listen to this article" in common
    assert "Listen to this article" not in _kept(clean(a, common))


def test_every_removed_line_has_a_reason_and_no_line_is_lost():
    lines = ["Menu", *BODY, "Share on Facebook | Twitter | Email", "Advertisement"]
    doc, result = _page(lines)
    kept = {n for b in result.body for n in b.lines}
    removed = {n for r in result.removed for n in r.lines}
    assert kept | removed == {n for b in doc.blocks for n in b.lines}
    assert not kept & removed
    assert all(r.reason for r in result.removed)


def test_credits_embeds_and_prompts_of_other_shapes():
    lines = [BODY[0],
             "Rescue workers search the rubble on Tuesday. Photograph: Lena Holm/Reuters",
             BODY[1],
             "The flooded main square, seen from above. Jane Doe/Getty Images",
             BODY[2],
             "— Maria Santos (@msantos) March 4, 2024",
             "Click here to get breaking news alerts on your phone.",
             BODY[3]]
    _, result = _page(lines)
    assert _kept(result) == BODY
    reasons = [r.reason for r in result.removed]
    assert reasons.count("photo caption or credit") == 2
    assert "social media embed or call to action" in reasons
