"""`output/digest.json`: the machine-readable digest (schema sitebuild.digest/1)."""

from __future__ import annotations

from ..models import Digest, Ref
from .paths import article_path, pretty_url, topic_path

SCHEMA = "sitebuild.digest/1"


def _ref(ref: Ref) -> dict[str, str]:
    return {"article": ref.article, "paragraph": ref.paragraph}


def digest_to_dict(digest: Digest) -> dict:
    """The digest as plain JSON data; URLs are relative to the site root."""
    return {
        "schema": SCHEMA,
        "summary": digest.summary,
        "articles": [{
            "slug": a.slug, "url": pretty_url(article_path(a.slug)), "title": a.title,
            "outlet": a.outlet, "author": a.author, "published": a.published,
            "source_file": a.source_file, "content_file": a.content_path,
            "inferred": a.inferred,
            "paragraphs": [{"id": p.id, "kind": p.kind, "text": p.text,
                            "source_lines": list(p.source_lines)} for p in a.paragraphs],
            "removed": [{"source_lines": list(r.lines), "reason": r.reason, "text": r.excerpt}
                        for r in a.removed],
        } for a in digest.articles],
        "topics": [{
            "slug": t.slug, "url": pretty_url(topic_path(t.slug)), "name": t.name,
            "kind": t.kind, "aliases": t.aliases, "sources": t.sources,
            "mentions": [_ref(r) for r in t.mentions],
        } for t in digest.topics],
        "facts": [{
            "id": f.id, "statement": f.statement, "statement_from": _ref(f.statement_ref),
            "values": f.values,
            "support": [_ref(r) for r in f.support], "sources": f.sources, "topics": f.topics,
        } for f in digest.facts],
        "disagreements": [{
            "about": d.about,
            "claims": [{"value": c.value, "statement": c.statement,
                        "support": [_ref(r) for r in c.support]} for c in d.claims],
        } for d in digest.disagreements],
        "crossrefs": [{"from": _ref(c.source), "to": _ref(c.target), "kind": c.kind,
                       "score": c.score} for c in digest.crossrefs],
        "timeline": [{"date": e.date, "text": e.text, "support": [_ref(r) for r in e.support]}
                     for e in digest.timeline],
    }
