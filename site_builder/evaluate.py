"""`sitebuild eval`: score a built digest against a gold annotation (seeds-gold.yml format).

Every figure is computed from `output/digest.json`, so any build can be scored.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from .analyze.sentences import synonym_stems
from .analyze.values import find_values
from .dates import find_dates
from .errors import SiteError

# The bars issue #3 sets, printed next to each figure.
BARS = {"cleaning_precision": 0.98, "cleaning_recall": 0.98, "topics_one_page": 0.90,
        "facts_found": 13 / 16, "numeric_disagreements": 1.0, "claim_disagreements": 0.5,
        "near_duplicates": 1.0}
# A claim whose value is a figure ("two batteries", "$3 billion"), not a who/when/whether.
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                     r"hundreds?|thousands?|millions?|billions?)\b", re.I)
# Share of a gold fact's content words a statement must contain to "state it".
STATES_IT = 0.4


@dataclass
class Scores:
    cleaning_precision: float = 0.0
    cleaning_recall: float = 0.0
    metadata: dict[str, dict[str, bool]] = field(default_factory=dict)
    topics_found: float = 0.0
    topics_one_page: float = 0.0
    topics_missing: list[str] = field(default_factory=list)
    topics_split: list[str] = field(default_factory=list)
    suspicious_topics: list[str] = field(default_factory=list)
    facts_found: float = 0.0
    facts_missing: list[str] = field(default_factory=list)
    facts_ordered: bool = False
    numeric_disagreements: float = 0.0
    claim_disagreements: float = 0.0
    disagreements_missing: list[str] = field(default_factory=list)
    near_duplicates: float = 0.0
    near_duplicates_marked: float = 0.0
    near_duplicates_missing: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.replace(".", "")).casefold()
    return " ".join(re.sub(r"^the\s+", "", name).split())


class _Lookup:
    """Resolves gold "NNN:line" references to digest paragraphs."""

    def __init__(self, gold: dict, digest: dict) -> None:
        self.files = list((gold.get("articles") or {}).keys())
        self.by_file = {a.get("source_file"): a for a in digest["articles"]}

    def file(self, prefix: str) -> str | None:
        for name in self.files:
            if name == prefix or name.startswith((f"{prefix}_", f"{prefix}.")):
                return name
        return None

    def paragraph(self, ref: str) -> tuple[str, str] | None:
        prefix, _, line = str(ref).rpartition(":")
        name = self.file(prefix)
        article = self.by_file.get(name)
        if article is None or not line.isdigit():
            return None
        for p in article["paragraphs"]:
            if int(line) in p["source_lines"]:
                return article["slug"], p["id"]
        return None

    def paragraphs(self, refs: list[str]) -> set[tuple[str, str]]:
        return {p for r in refs if (p := self.paragraph(r))}


def _support(items: list[dict]) -> set[tuple[str, str]]:
    return {(s["article"], s["paragraph"]) for s in items}


def score(gold: dict, digest: dict) -> Scores:
    """Compute every score; pure function of the two documents."""
    scores = Scores()
    look = _Lookup(gold, digest)
    _score_cleaning(gold, look, scores)
    _score_topics(gold, digest, scores)
    _score_facts(gold, digest, look, scores)
    _score_disagreements(gold, digest, look, scores)
    _score_duplicates(gold, digest, look, scores)
    return scores


def _ranges(spec: object) -> set[int]:
    lines: set[int] = set()
    for part in str(spec).split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            lines.update(range(int(a), int(b) + 1))
        elif part.isdigit():
            lines.add(int(part))
    return lines


def _score_cleaning(gold: dict, look: _Lookup, scores: Scores) -> None:
    tp = fp = fn = 0
    for name, spec in (gold.get("articles") or {}).items():
        expected = set(spec.get("body_lines") or [])
        article = look.by_file.get(name)
        kept = {n for p in article["paragraphs"] for n in p["source_lines"]} if article else set()
        tp += len(kept & expected)
        fp += len(kept - expected)
        fn += len(expected - kept)
        if article and any(k in spec for k in ("title_line", "byline_line")):
            scores.metadata[name] = {
                "title": bool(article.get("title")), "author": bool(article.get("author")),
                "published": bool(article.get("published")),
                "not_in_body": not kept & {spec.get("title_line"), spec.get("byline_line"),
                                           spec.get("caption_line")},
            }
    scores.cleaning_precision = tp / (tp + fp) if tp + fp else 0.0
    scores.cleaning_recall = tp / (tp + fn) if tp + fn else 0.0


_NUMBER_OR_DATE = re.compile(r"^[\d\s.,:/%$-]+$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                             r"dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$", re.I)


def _score_topics(gold: dict, digest: dict, scores: Scores) -> None:
    topics = digest["topics"]
    spellings = [{_key(t["name"]), *(_key(a) for a in t["aliases"])} for t in topics]
    wanted = gold.get("topics") or []
    found = one = 0
    for item in wanted:
        names = {_key(item["name"]), *(_key(a) for a in item.get("aliases") or [])}
        pages = [t for t, s in zip(topics, spellings, strict=True) if s & names]
        found += bool(pages)
        one += len(pages) == 1
        if not pages:
            scores.topics_missing.append(item["name"])
        elif len(pages) > 1:
            scores.topics_split.append(f"{item['name']} -> {[t['name'] for t in pages]}")
    scores.topics_found = found / len(wanted) if wanted else 1.0
    scores.topics_one_page = one / len(wanted) if wanted else 1.0
    scores.suspicious_topics = [t["name"] for t in topics if _NUMBER_OR_DATE.match(t["name"])
                                or t["name"].islower() or len(t["name"]) < 2]


def states(statement: str, fact: str, value: str | None) -> bool:
    """Does a statement say the gold fact: enough of its content words, or its figure."""
    wanted = synonym_stems(fact)
    said = synonym_stems(statement)
    overlap = len(wanted & said) / max(len(wanted), 1)
    if overlap >= STATES_IT:
        return True
    if value:
        gold_values = {v.key for v in find_values(value)} | _day_months(value)
        stated = {v.key for v in find_values(statement)} | _day_months(statement)
        if gold_values & stated or value.lower() in statement.lower():
            return overlap >= STATES_IT / 2
    return False


def _day_months(text: str) -> set[str]:
    # "22 December", "Dec. 22" and "2023-12-22" name the same day; the year may be implied.
    return {f"{d.month:02d}-{d.day:02d}" for d in find_dates(text) if d.month and d.day}


def _score_facts(gold: dict, digest: dict, look: _Lookup, scores: Scores) -> None:
    facts = digest["facts"]
    wanted = gold.get("key_facts") or []
    found = 0
    for item in wanted:
        gold_support = look.paragraphs(item.get("support") or [])
        hit = any(_support(f["support"]) & gold_support and
                  states(f["statement"], item["fact"], _text(item.get("value"))) for f in facts)
        found += hit
        if not hit:
            scores.facts_missing.append(item["fact"])
    scores.facts_found = found / len(wanted) if wanted else 1.0
    counts = [f["sources"] for f in facts]
    scores.facts_ordered = counts == sorted(counts, reverse=True)


def _score_disagreements(gold: dict, digest: dict, look: _Lookup, scores: Scores) -> None:
    numeric = numeric_found = claim = claim_found = 0
    used: set[int] = set()  # each digest disagreement can stand for one gold conflict only
    for item in gold.get("conflicts") or []:
        sides = [look.paragraphs(c.get("support") or []) for c in item.get("claims") or []]
        is_numeric = all(re.search(_FIGURE, str(c.get("value", "")))
                         for c in item.get("claims") or [])
        match = next((i for i, d in enumerate(digest["disagreements"])
                      if i not in used and _both_sides(sides, d)), None)
        hit = match is not None
        if hit:
            used.add(match)
        if is_numeric:
            numeric += 1
            numeric_found += hit
        else:
            claim += 1
            claim_found += hit
        if not hit:
            scores.disagreements_missing.append(item.get("about", "?"))
    scores.numeric_disagreements = numeric_found / numeric if numeric else 1.0
    scores.claim_disagreements = claim_found / claim if claim else 1.0


def _both_sides(sides: list[set[tuple[str, str]]], disagreement: dict) -> bool:
    """Every gold side matches a different claim, through that claim's own sources."""
    claims = [_support(c["support"]) for c in disagreement["claims"]]
    used: set[int] = set()
    for side in sides:
        match = next((i for i, c in enumerate(claims) if i not in used and c & side), None)
        if match is None:
            return False
        used.add(match)
    return True


def _score_duplicates(gold: dict, digest: dict, look: _Lookup, scores: Scores) -> None:
    links: dict[frozenset, str] = {}
    for c in digest["crossrefs"]:
        pair = frozenset({(c["from"]["article"], c["from"]["paragraph"]),
                          (c["to"]["article"], c["to"]["paragraph"])})
        if links.get(pair) != "duplicate":
            links[pair] = c["kind"]
    pairs = gold.get("near_duplicates") or []
    linked = marked = 0
    for a, b in pairs:
        pa, pb = look.paragraph(a), look.paragraph(b)
        kind = links.get(frozenset({pa, pb})) if pa and pb else None
        linked += kind is not None
        marked += kind == "duplicate"
        if kind is None:
            scores.near_duplicates_missing.append(f"{a} ~ {b}")
    scores.near_duplicates = linked / len(pairs) if pairs else 1.0
    scores.near_duplicates_marked = marked / len(pairs) if pairs else 1.0


def report(scores: Scores) -> str:
    """Human-readable score sheet, each figure beside its bar."""
    def line(label: str, value: float, bar: float | None = None) -> str:
        mark = "" if bar is None else ("  ok" if value >= bar - 1e-9 else f"  BELOW {bar:.2f}")
        return f"{label:<44} {value:6.3f}{mark}"

    out = [
        line("cleaning precision (lines)", scores.cleaning_precision, BARS["cleaning_precision"]),
        line("cleaning recall (lines)", scores.cleaning_recall, BARS["cleaning_recall"]),
    ]
    for name, checks in scores.metadata.items():
        out.append(f"{'metadata ' + name:<44} " + ", ".join(
            f"{k}={'yes' if v else 'NO'}" for k, v in checks.items()))
    out += [
        line("topics found", scores.topics_found),
        line("topics with exactly one page", scores.topics_one_page, BARS["topics_one_page"]),
        line("key facts found", scores.facts_found, BARS["facts_found"]),
        f"{'facts ordered by sources':<44} {'yes' if scores.facts_ordered else 'NO'}",
        line("numeric disagreements found (both sides)", scores.numeric_disagreements,
             BARS["numeric_disagreements"]),
        line("claim disagreements found (both sides)", scores.claim_disagreements,
             BARS["claim_disagreements"]),
        line("near-duplicate pairs cross-linked", scores.near_duplicates,
             BARS["near_duplicates"]),
        line("near-duplicate pairs marked duplicate", scores.near_duplicates_marked),
    ]
    unmet = [name for name, bar in BARS.items() if getattr(scores, name) < bar - 1e-9]
    out.append("all bars met" if not unmet else f"bars not met: {', '.join(unmet)}")
    for label, items in (("missing topics", scores.topics_missing),
                         ("topics split over pages", scores.topics_split),
                         ("suspicious topic pages", scores.suspicious_topics),
                         ("missing facts", scores.facts_missing),
                         ("missing disagreements", scores.disagreements_missing),
                         ("missing near-duplicates", scores.near_duplicates_missing)):
        for item in items:
            out.append(f"  {label}: {item}")
    return "\n".join(out)


def run_eval(site: Path, out: Path | None, gold_path: Path, as_json: bool = False) -> int:
    """Load the gold file and the built digest, print the scores."""
    digest_path = (out or site / "output") / "digest.json"
    if not digest_path.exists():
        raise SiteError("no digest.json: run `sitebuild build` first", digest_path)
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror}", gold_path) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SiteError(f"invalid YAML: {exc.problem}", gold_path,
                        mark.line + 1 if mark else None) from exc
    if not isinstance(gold, dict):
        raise SiteError("gold file must be a mapping", gold_path)
    digest = json.loads(digest_path.read_text(encoding="utf-8"))
    scores = score(gold, digest)
    print(json.dumps(asdict(scores), indent=1) if as_json else report(scores))
    return 0


def _text(value: object) -> str | None:
    # YAML reads `value: 2023-12-22` as a date; the scorer compares text.
    return None if value is None else str(value)
