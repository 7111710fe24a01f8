"""`output/digest.json`: the machine-readable digest (schema sitebuild.digest/1)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from itertools import islice

import orjson

from ..models import Digest, Ref
from .paths import article_path, pretty_url, topic_path

SCHEMA = "sitebuild.digest/1"
# Items encoded per call: large enough to pay for the call, small enough to stream.
_CHUNK = 256


def _ref(ref: Ref) -> dict[str, str]:
    return {"article": ref.article, "paragraph": ref.paragraph}


def _positional(number: float | None) -> bool:
    """Whether Python writes this float without an exponent (orjson writes such floats
    the same way; outside this range, and for NaN and infinity, the two differ)."""
    return number is None or number == 0 or (math.isfinite(number) and
                                             1e-4 <= abs(number) < 1e16)


def digest_json(digest: Digest) -> Iterator[bytes]:
    """The UTF-8 bytes of digest.json, in pieces: the same as one `json.dumps` of the
    whole digest (`ensure_ascii=False`, compact), which for 10,000 articles would hold
    ~140 MB of text in memory at once. URLs are relative to the site root.

    Encoded by orjson (several times faster than `json`), unless a float of the digest is one that
    orjson writes otherwise than `json` does.
    """
    exact = all(_positional(c.score) for c in digest.crossrefs) and all(
        _positional(c.number) for d in digest.disagreements for c in d.claims)
    dumps = _orjson if exact else _json
    sections = {
        "schema": SCHEMA,
        "summary": digest.summary,
        "articles": ({
            "slug": a.slug, "url": pretty_url(article_path(a.slug)), "title": a.title,
            "outlet": a.outlet, "author": a.author, "published": a.published,
            "source_file": a.source_file, "content_file": a.content_path,
            "inferred": a.inferred,
            "paragraphs": [{"id": p.id, "kind": p.kind, "text": p.text,
                            "source_lines": list(p.source_lines)} for p in a.paragraphs],
            "removed": [{"source_lines": list(r.lines), "reason": r.reason, "text": r.excerpt}
                        for r in a.removed],
        } for a in digest.articles),
        "topics": ({
            "slug": t.slug, "url": pretty_url(topic_path(t.slug)), "name": t.name,
            "kind": t.kind, "aliases": t.aliases, "sources": t.sources,
            "mentions": [_ref(r) for r in t.mentions],
        } for t in digest.topics),
        "facts": ({
            "id": f.id, "statement": f.statement, "statement_from": _ref(f.statement_ref),
            "values": f.values,
            "support": [_ref(r) for r in f.support], "sources": f.sources, "topics": f.topics,
        } for f in digest.facts),
        "other_claims": ({
            "id": f.id, "statement": f.statement, "statement_from": _ref(f.statement_ref),
            "support": [_ref(r) for r in f.support], "sources": f.sources,
        } for f in digest.other_claims),
        "disagreements": ({
            "about": d.about, "kind": d.kind, "unit": d.unit,
            "claims": [{"value": c.value, "statement": c.statement, "number": c.number,
                        "published": c.published,
                        "support": [_ref(r) for r in c.support]} for c in d.claims],
        } for d in digest.disagreements),
        "crossrefs": ({"from": _ref(c.source), "to": _ref(c.target), "kind": c.kind,
                       "score": c.score} for c in digest.crossrefs),
        "timeline": ({"date": e.date, "text": e.text, "support": [_ref(r) for r in e.support]}
                     for e in digest.timeline),
    }
    for n, (key, value) in enumerate(sections.items()):
        yield (b"{" if n == 0 else b",") + dumps(key) + b":"
        if isinstance(value, str):
            yield dumps(value)
            continue
        yield b"["
        # A few hundred items per call: one call per item cost more than the encoding
        # (the JSON of a list, brackets aside, is its items' JSON joined by commas).
        for i, chunk in enumerate(_chunks(value, _CHUNK)):
            yield (b"," if i else b"") + dumps(chunk)[1:-1]
        yield b"]"
    yield b"}\n"


def _chunks(items: Iterable[object], size: int) -> Iterator[list[object]]:
    """`items` in lists of `size` (the last may be shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _json(value: object) -> bytes:
    # Compact: the C encoder only runs without indentation, one value at a time.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _orjson(value: object) -> bytes:
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate
        return _json(value)
