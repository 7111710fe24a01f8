"""`sitebuild eval`: score built digests against gold annotations (tests/clusters format).

Every figure is computed from `output/digest.json`, so any build can be scored. The
scorer matches statements and figures with its own small word and number readers, not
the analysis' synonym tables or figure parser: tuning those must not move the score
without better output.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from .errors import SiteError

# The bars issue #3 sets on the samples, printed next to each figure.
BARS = {"cleaning_precision": 0.98, "cleaning_recall": 0.98, "topics_one_page": 0.90,
        "facts_found": 13 / 16, "numeric_disagreements": 1.0, "claim_disagreements": 0.5,
        "near_duplicates": 1.0}
# The bars issue #10 sets on every cluster set (tuning and held-out alike).
CLAIM_BARS = {"conflict_recall": 0.6, "numeric_recall": 0.8, "conflict_precision": 0.8,
              "facts_found": 0.8, "topics_found": 0.9, "topics_one_page": 0.85,
              "cleaning_precision": 0.95, "cleaning_recall": 0.95}
# Gold conflict kinds that are about a figure.
NUMERIC_KINDS = ("numeric", "update")
# Share of a gold fact's content words a statement must contain to "state it".
STATES_IT = 0.4

# The scorer's own reading of words and numbers (deliberately independent of analyze/).
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STOP = frozenset("""a an the and or but of to in on at by for from with as is are was were be been
being has have had it its this that these those he she they them his her their there here which
who whom whose what when where why how not no so than then also into onto over under about after
before said says say will would could should may might can do does did up out more most some such
per via while if""".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ers", "er", "ed", "es",
             "ly", "s")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "bn": 1e9,
           "billion": 1e9, "b": 1e9, "trillion": 1e12}
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
                     r"(thousand|million|billion|trillion|bn|mn|[kmb])?\b", re.I)
_FIGURE_WORD = re.compile(r"\d|\b(?:" + "|".join(_SMALL) + r"|dozens?|hundreds?|thousands?|"
                          r"millions?|billions?|half|third|quarter)\b", re.I)


# A figure written in digits ("1,700", "6.8"), to tell a row's figures apart.
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'").split("'")[0]
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Stems of the words that carry meaning (no function words, no numbers)."""
    return {_stem(w) for w in _WORD.findall(text) if w.casefold() not in _STOP and len(w) > 1}


def numbers(text: str) -> set[float]:
    """Every figure a text states, scaled ("$3bn" -> 3e9, "nine" -> 9)."""
    found = set()
    for m in _AMOUNT.finditer(text):
        value = float(m.group(1).replace(",", ""))
        found.add(value * _SCALES.get((m.group(2) or "").casefold(), 1))
    found.update(float(_SMALL[w.casefold()]) for w in _WORD.findall(text)
                 if w.casefold() in _SMALL)
    return found


@dataclass
class Scores:
    """Every figure for one cluster; the counts let clusters be summed."""

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
    conflict_recall: float = 0.0
    numeric_recall: float = 0.0
    conflict_precision: float = 0.0
    nonconflicts_flagged: int = 0
    disagreements_missing: list[str] = field(default_factory=list)
    false_disagreements: list[str] = field(default_factory=list)
    nonconflicts_flagged_list: list[str] = field(default_factory=list)
    near_duplicates: float = 0.0
    near_duplicates_marked: float = 0.0
    near_duplicates_missing: list[str] = field(default_factory=list)
    # Numerators and denominators, for totals over several clusters.
    counts: dict[str, list[int]] = field(default_factory=dict)


def _key(name: str) -> str:
    name = re.sub(r"['’]s\b", "", name.replace(".", "")).casefold()
    return " ".join(re.sub(r"^the\s+", "", name).split())


class _Lookup:
    """Resolves gold "a:12" references to digest paragraphs."""

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


def _ratio(scores: Scores, name: str, hit: int, total: int, empty: float = 1.0) -> float:
    scores.counts[name] = [hit, total]
    return hit / total if total else empty


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
    scores.cleaning_precision = _ratio(scores, "cleaning_precision", tp, tp + fp, 0.0)
    scores.cleaning_recall = _ratio(scores, "cleaning_recall", tp, tp + fn, 0.0)


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
    scores.topics_found = _ratio(scores, "topics_found", found, len(wanted))
    scores.topics_one_page = _ratio(scores, "topics_one_page", one, len(wanted))
    scores.suspicious_topics = [t["name"] for t in topics if _NUMBER_OR_DATE.match(t["name"])
                                or t["name"].islower() or len(t["name"]) < 2]


def states(statement: str, fact: str, value: str | None) -> bool:
    """Does a statement say the gold fact: enough of its content words, or its figure."""
    wanted = content_words(fact)
    overlap = len(wanted & content_words(statement)) / max(len(wanted), 1)
    if overlap >= STATES_IT:
        return True
    if value:
        said = numbers(statement) | _day_months(statement)
        if (numbers(value) | _day_months(value)) & said or value.lower() in statement.lower():
            return overlap >= STATES_IT / 2
    return False


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([a-z]{3})[a-z]*\.?|\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b"
                        r"|\b\d{4}-(\d\d)-(\d\d)\b", re.I)


def _day_months(text: str) -> set[str]:
    # "22 December", "Dec. 22" and "2023-12-22" name the same day; the year may be implied.
    found = set()
    for m in _DAY_MONTH.finditer(text):
        if m.group(5):
            found.add(f"{m.group(5)}-{m.group(6)}")
            continue
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        number = _MONTHS.get(month.casefold())
        if number and 1 <= int(day) <= 31:
            found.add(f"{number:02d}-{int(day):02d}")
    return found


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
    scores.facts_found = _ratio(scores, "facts_found", found, len(wanted))
    counts = [f["sources"] for f in facts]
    scores.facts_ordered = counts == sorted(counts, reverse=True)


def _is_numeric(item: dict) -> bool:
    kind = item.get("kind")
    if kind:
        return kind in NUMERIC_KINDS
    # Older gold files have no kind: a conflict whose every side is a figure is numeric.
    return all(_FIGURE_WORD.search(str(c.get("value", ""))) for c in item.get("claims") or [])


def _kind_fits(item: dict, row: dict) -> bool:
    """An update must be shown as one; a contradiction must not be shown as an update."""
    return (item.get("kind") == "update") == (row.get("kind") == "update")


def _match_rows(conflicts: list[dict], sides_of: list, rows: list[dict]) -> list[int | None]:
    """The row standing for each gold conflict (each row stands for one only). Two
    conflicts on the same paragraphs (a ship's length and its voyage's) are told apart
    first by the figures the row states; what is left is matched on paragraphs alone."""
    matches: list[int | None] = [None] * len(conflicts)
    used: set[int] = set()
    for by_figure in (True, False):
        for n, (item, sides) in enumerate(zip(conflicts, sides_of, strict=True)):
            figures = _figures(item)
            if matches[n] is not None or (by_figure and not figures):
                continue
            matches[n] = next((i for i, row in enumerate(rows) if i not in used
                               and _kind_fits(item, row) and _both_sides(sides, row)
                               and (not by_figure or _states_figure(row, figures))), None)
            if matches[n] is not None:
                used.add(matches[n])
    return matches


def _score_disagreements(gold: dict, digest: dict, look: _Lookup, scores: Scores) -> None:
    rows = digest["disagreements"]
    conflicts = gold.get("conflicts") or []
    sides_of = [[look.paragraphs(c.get("support") or []) for c in item.get("claims") or []]
                for item in conflicts]
    hits = {"all": [0, 0], "numeric": [0, 0], "claim": [0, 0]}
    matches = _match_rows(conflicts, sides_of, rows)
    for item, match in zip(conflicts, matches, strict=True):
        for group in ("all", "numeric" if _is_numeric(item) else "claim"):
            hits[group][0] += match is not None
            hits[group][1] += 1
        if match is None:
            scores.disagreements_missing.append(item.get("about", "?"))
    scores.conflict_recall = _ratio(scores, "conflict_recall", *hits["all"])
    scores.numeric_recall = _ratio(scores, "numeric_recall", *hits["numeric"])
    scores.numeric_disagreements = scores.numeric_recall
    scores.claim_disagreements = _ratio(scores, "claim_disagreements", *hits["claim"])
    # Precision: a flagged row is right when two of its claims hold two sides of one conflict.
    right = 0
    for row in rows:
        if any(_two_sides(sides, row) and _kind_fits(item, row)
               for item, sides in zip(conflicts, sides_of, strict=True)):
            right += 1
        else:
            scores.false_disagreements.append(_describe(row))
    scores.conflict_precision = _ratio(scores, "conflict_precision", right, len(rows))
    flagged = 0
    for item in gold.get("non_conflicts") or []:
        sides = [look.paragraphs(c.get("support") or []) for c in item.get("claims") or []]
        figures = _figures(item)
        if any(_two_sides(sides, row) and _states_figure(row, figures) for row in rows):
            flagged += 1
            scores.nonconflicts_flagged_list.append(item.get("about", "?"))
    scores.nonconflicts_flagged = flagged
    scores.counts["nonconflicts_flagged"] = [flagged, len(gold.get("non_conflicts") or [])]


def _figures(item: dict) -> set[str]:
    """The digit strings a gold item's values name (none for an alias or a wording)."""
    return {d.replace(",", "") for c in item.get("claims") or []
            for d in _DIGITS.findall(str(c.get("value", "")))}


def _states_figure(row: dict, figures: set[str]) -> bool:
    """Paragraphs alone cannot tell two figures of one paragraph pair apart (a magnitude
    and a delay in the same sentences): where the non-conflict names figures, the row
    flags it only if one of its claims states one of them. Where it names none (two
    spellings of a name), a row whose every claim is a figure is about something else
    those paragraphs say (an age), not about the wording."""
    stated = [{d.replace(",", "") for d in _DIGITS.findall(str(c.get("value", "")))}
              for c in row["claims"]]
    if not figures:
        return not all(stated)
    return any(digits & figures for digits in stated)


def _describe(row: dict) -> str:
    values = " | ".join(str(c.get("value")) for c in row["claims"])
    return f"{row.get('about', '?')} [{row.get('kind', '?')}]: {values}"


def _both_sides(sides: list[set[tuple[str, str]]], row: dict) -> bool:
    """Gold sides match different claims of the row, through each claim's own sources:
    both sides of a two-sided conflict; of a longer one (a toll reported five times), at
    least half its sides and never fewer than two."""
    claims = [_support(c["support"]) for c in row["claims"]]
    used: set[int] = set()
    matched = 0
    for side in sides:
        match = next((i for i, c in enumerate(claims) if i not in used and c & side), None)
        if match is not None:
            used.add(match)
            matched += 1
    return matched >= max(2, (len(sides) + 1) // 2)


def _two_sides(sides: list[set[tuple[str, str]]], row: dict) -> bool:
    """Two different claims of the row hold two different gold sides."""
    claims = [_support(c["support"]) for c in row["claims"]]
    for a, side_a in enumerate(sides):
        for side_b in sides[a + 1:]:
            for i, ci in enumerate(claims):
                if ci & side_a and any(cj & side_b for j, cj in enumerate(claims) if j != i):
                    return True
    return False


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
    scores.near_duplicates = _ratio(scores, "near_duplicates", linked, len(pairs))
    scores.near_duplicates_marked = _ratio(scores, "near_duplicates_marked", marked, len(pairs))


def _line(label: str, value: float, bar: float | None = None) -> str:
    mark = "" if bar is None else ("  ok" if value >= bar - 1e-9 else f"  BELOW {bar:.2f}")
    return f"{label:<44} {value:6.3f}{mark}"


def report(scores: Scores) -> str:
    """Human-readable score sheet, each figure beside its bar."""
    out = [
        _line("cleaning precision (lines)", scores.cleaning_precision,
              BARS["cleaning_precision"]),
        _line("cleaning recall (lines)", scores.cleaning_recall, BARS["cleaning_recall"]),
    ]
    for name, checks in scores.metadata.items():
        out.append(f"{'metadata ' + name:<44} " + ", ".join(
            f"{k}={'yes' if v else 'NO'}" for k, v in checks.items()))
    out += [
        _line("topics found", scores.topics_found),
        _line("topics with exactly one page", scores.topics_one_page, BARS["topics_one_page"]),
        _line("key facts found", scores.facts_found, BARS["facts_found"]),
        f"{'facts ordered by sources':<44} {'yes' if scores.facts_ordered else 'NO'}",
        _line("numeric disagreements found (both sides)", scores.numeric_disagreements,
              BARS["numeric_disagreements"]),
        _line("claim disagreements found (both sides)", scores.claim_disagreements,
              BARS["claim_disagreements"]),
        _line("conflict recall (all kinds)", scores.conflict_recall),
        _line("conflict precision (flagged rows)", scores.conflict_precision),
        f"{'non-conflicts wrongly flagged':<44} {scores.nonconflicts_flagged:6d}",
        _line("near-duplicate pairs cross-linked", scores.near_duplicates,
              BARS["near_duplicates"]),
        _line("near-duplicate pairs marked duplicate", scores.near_duplicates_marked),
    ]
    unmet = [name for name, bar in BARS.items() if getattr(scores, name) < bar - 1e-9]
    out.append("all bars met" if not unmet else f"bars not met: {', '.join(unmet)}")
    for label, items in (("missing topics", scores.topics_missing),
                         ("topics split over pages", scores.topics_split),
                         ("suspicious topic pages", scores.suspicious_topics),
                         ("missing facts", scores.facts_missing),
                         ("missing disagreements", scores.disagreements_missing),
                         ("flagged, not a gold conflict", scores.false_disagreements),
                         ("non-conflict flagged", scores.nonconflicts_flagged_list),
                         ("missing near-duplicates", scores.near_duplicates_missing)):
        for item in items:
            out.append(f"  {label}: {item}")
    return "\n".join(out)


# The gold format (README, "Gold annotations"), as the scorer reads it: a dict is a
# mapping with those keys ("*": any key; a key ending "!" must be there; others are
# ignored), a list a sequence of that shape, "text" any single value, "int" a whole number.
_REFS = ["text"]
_CLAIMS = [{"value": "text", "support": _REFS}]
_GOLD_SHAPE: dict = {
    "story": "text", "held_out": "text",
    "articles": {"*": {"outlet": "text", "published": "text", "title_line": "int",
                       "byline_line": "int", "caption_line": "int", "body_lines": ["int"],
                       "summary_bullets": ["int"], "not_body": {"*": "text"}}},
    "key_facts": [{"fact!": "text", "value": "text", "support": _REFS}],
    "conflicts": [{"about": "text", "kind": "text", "claims": _CLAIMS}],
    "non_conflicts": [{"about": "text", "why": "text", "claims": _CLAIMS}],
    "near_duplicates": [_REFS],
    "topics": [{"name!": "text", "kind": "text", "aliases": ["text"]}],
}


def _check_shape(node: yaml.Node, shape: object, path: Path, where: str) -> None:
    """Raise SiteError at the first value whose shape is not the format's (null is
    always allowed: the scorer reads it as absent)."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return
    if isinstance(shape, dict):
        if not isinstance(node, yaml.MappingNode):
            raise SiteError(f"{where} must be a mapping of keys to values", path, line, column)
        given = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise SiteError(f"a key of {where} must be a single value", path,
                                key.start_mark.line + 1, key.start_mark.column + 1)
            given[key.value] = value
            inner = shape.get("*", shape.get(key.value, shape.get(f"{key.value}!")))
            if inner is not None:
                _check_shape(value, inner, path, f"{where}.{key.value}")
        for required in (k[:-1] for k in shape if k.endswith("!")):
            if required not in given:
                raise SiteError(f"{where} needs a '{required}'", path, line, column)
    elif isinstance(shape, list):
        if not isinstance(node, yaml.SequenceNode):
            raise SiteError(f"{where} must be a list", path, line, column)
        for item in node.value:
            _check_shape(item, shape[0], path, f"{where}[]")
    elif not isinstance(node, yaml.ScalarNode):
        raise SiteError(f"{where} must be a single value, not a list or mapping", path, line,
                        column)
    elif shape == "int" and not node.tag.endswith(":int"):
        raise SiteError(f"{where} must be a line number, got {node.value!r}", path, line,
                        column)


def load_gold(gold_path: Path) -> dict:
    """Read a gold file; a clear error naming the file (and line) when it is not valid."""
    try:
        text = gold_path.read_text(encoding="utf-8")
        gold = yaml.safe_load(text)
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror}", gold_path) from exc
    except UnicodeDecodeError as exc:
        raise SiteError(f"not UTF-8 text ({exc.reason})", gold_path) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise SiteError(f"invalid YAML: {exc.problem}", gold_path,
                        mark.line + 1 if mark else None) from exc
    if not isinstance(gold, dict):
        raise SiteError("gold file must be a mapping", gold_path)
    _check_shape(yaml.compose(text, Loader=yaml.SafeLoader), _GOLD_SHAPE, gold_path, "gold")
    return gold


def run_eval(site: Path, out: Path | None, gold_path: Path, as_json: bool = False) -> int:
    """Load the gold file and the built digest, print the scores."""
    digest_path = (out or site / "output") / "digest.json"
    if not digest_path.exists():
        raise SiteError("no digest.json: run `sitebuild build` first", digest_path)
    gold = load_gold(gold_path)
    digest = json.loads(digest_path.read_text(encoding="utf-8"))
    scores = score(gold, digest)
    print(json.dumps(asdict(scores), indent=1) if as_json else report(scores))
    return 0


# Columns of the several-clusters table: (heading, score name).
TABLE = (("clean P", "cleaning_precision"), ("clean R", "cleaning_recall"),
         ("topics", "topics_found"), ("merged", "topics_one_page"),
         ("facts", "facts_found"), ("confl R", "conflict_recall"),
         ("numeric R", "numeric_recall"), ("confl P", "conflict_precision"))


def score_clusters(folder: Path) -> dict[str, tuple[bool, Scores]]:
    """Build every cluster under `folder` (NAME/seeds + NAME/gold.yml) in a temporary
    site and score it; returns name -> (held out?, scores)."""
    clusters = sorted(p for p in folder.iterdir() if (p / "gold.yml").is_file()
                      and (p / "seeds").is_dir()) if folder.is_dir() else []
    if not clusters:
        raise SiteError("no clusters (NAME/seeds/ and NAME/gold.yml) found", folder)
    from .build import build  # late: the scorer alone must not need the whole pipeline

    results = {}
    with tempfile.TemporaryDirectory(prefix="sitebuild-eval-") as tmp:
        for cluster in clusters:
            gold = load_gold(cluster / "gold.yml")
            site = Path(tmp) / cluster.name
            shutil.copytree(cluster / "seeds", site / "seeds")
            if (cluster / "sitebuild.yml").is_file():
                shutil.copy(cluster / "sitebuild.yml", site / "sitebuild.yml")
            result = build(site, quiet=True)
            digest = json.loads((result.output / "digest.json").read_text(encoding="utf-8"))
            results[cluster.name] = (bool(gold.get("held_out")), score(gold, digest))
    return results


def total(group: list[Scores]) -> dict[str, float]:
    """Scores summed over clusters (each ratio from the summed counts)."""
    sums: dict[str, list[int]] = {}
    for scores in group:
        for name, (hit, of) in scores.counts.items():
            sums.setdefault(name, [0, 0])
            sums[name][0] += hit
            sums[name][1] += of
    result = {name: hit / of if of else 1.0 for name, (hit, of) in sums.items()
              if name != "nonconflicts_flagged"}
    result["nonconflicts_flagged"] = sum(s.nonconflicts_flagged for s in group)
    return result


def cluster_table(results: dict[str, tuple[bool, Scores]]) -> str:
    """Per-cluster figures, then totals for the tuning and the held-out clusters."""
    head = f"{'cluster':<22}" + "".join(f"{h:>10}" for h, _ in TABLE) + f"{'nc flag':>9}"
    out = [head]
    for label, held in (("tuning", False), ("held-out", True)):
        group = {n: s for n, (h, s) in results.items() if h == held}
        if not group:
            continue
        for name, s in group.items():
            out.append(f"{name:<22}" + "".join(f"{getattr(s, key):>10.3f}" for _, key in TABLE)
                       + f"{s.nonconflicts_flagged:>9d}")
        sums = total(list(group.values()))
        out.append(f"{'TOTAL ' + label:<22}" + "".join(f"{sums.get(key, 1.0):>10.3f}"
                                                      for _, key in TABLE)
                   + f"{int(sums['nonconflicts_flagged']):>9d}")
        unmet = [k for k, bar in CLAIM_BARS.items() if sums.get(k, 1.0) < bar - 1e-9]
        unmet += ["nonconflicts_flagged"] if sums["nonconflicts_flagged"] else []
        out.append(f"  {label} bars (issue 10): " + ("all met" if not unmet
                                                    else "not met: " + ", ".join(unmet)))
    return "\n".join(out)


def run_eval_clusters(folder: Path, as_json: bool = False, verbose: bool = False) -> int:
    """`sitebuild eval --clusters DIR`: build and score every cluster, print a table."""
    results = score_clusters(folder)
    if as_json:
        print(json.dumps({n: {"held_out": h, **asdict(s)} for n, (h, s) in results.items()},
                         indent=1))
        return 0
    print(cluster_table(results))
    if verbose:
        # Held-out clusters' details would show their gold: only their figures are printed.
        for name, (held, s) in results.items():
            if not held:
                print(f"\n== {name}\n{report(s)}")
    return 0


def _text(value: object) -> str | None:
    # YAML reads `value: 2023-12-22` as a date; the scorer compares text.
    return None if value is None else str(value)
