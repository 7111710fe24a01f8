"""digest.json is exactly what `json.dumps` (compact, UTF-8) writes for the digest,
whichever encoder wrote it."""

from __future__ import annotations

import json
import math

import pytest

from site_builder.models import (
    Article,
    Claim,
    CrossRef,
    Digest,
    Disagreement,
    Fact,
    Paragraph,
    Ref,
    TimelineEvent,
    Topic,
)
from site_builder.render.digest_json import digest_json

# Text JSON writers disagree on: quotes, backslashes, control characters, line and
# paragraph separators, astral characters, HTML specials.
_AWKWARD_TEXT = 'a "quote" \\ back\x00\x1f\x7f \u2028\u2029 \U0001f600 <b>&amp;</b> ünï'


def _digest(score: float, number: float | None) -> Digest:
    ref = Ref("first-article", "p-1")
    other = Ref("second-article", "p-2")
    articles = [
        Article(slug, _AWKWARD_TEXT, "Outlet", None, "2024-03-01", "https://example.org/a",
                f"{slug}.txt", [Paragraph(pid, "p", _AWKWARD_TEXT, "<p>x</p>", (1, 2))])
        for slug, pid in (("first-article", "p-1"), ("second-article", "p-2"))]
    return Digest(
        articles=articles,
        topics=[Topic("a-topic", "A Topic", "place", ["Alias"], [ref, other], 2)],
        facts=[Fact("f1", _AWKWARD_TEXT, ref, ["12"], [ref, other], 2, ["a-topic"])],
        disagreements=[Disagreement("the toll", [Claim("12", [ref], "twelve", number),
                                                 Claim("14", [other], "fourteen", 14.0)])],
        crossrefs=[CrossRef(ref, other, "related", score)],
        timeline=[TimelineEvent("2024-03-01", _AWKWARD_TEXT, [ref])],
        summary=_AWKWARD_TEXT,
        other_claims=[Fact("c1", "claim", other, [], [other], 1)])


@pytest.mark.parametrize(("score", "number"), [
    (0.8125, 12.5), (0.1 + 0.2, None), (1e-4, 9_999_999_999_999_998.0),  # plain forms
    (1e-5, 12.0), (0.5, 1e16), (0.5, 2.5e-7), (0.5, float("nan")), (0.5, float("inf")),
])
def test_digest_json_is_json_dumps_byte_for_byte(score: float, number: float | None) -> None:
    data = b"".join(digest_json(_digest(score, number)))
    parsed = json.loads(data)
    # `json` writes the value it reads back the same way: these are json.dumps' bytes.
    expected = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert data == expected.encode()
    assert parsed["crossrefs"] == [{"from": {"article": "first-article", "paragraph": "p-1"},
                                    "to": {"article": "second-article", "paragraph": "p-2"},
                                    "kind": "related", "score": pytest.approx(score)}]
    assert parsed["summary"] == _AWKWARD_TEXT
    got = parsed["disagreements"][0]["claims"][0]["number"]  # NaN and infinity kept too
    assert got == number or (math.isnan(got) and math.isnan(number))  # type: ignore[arg-type]
