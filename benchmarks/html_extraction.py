"""Score article-body extraction from HTML against trafilatura, in one run.

    pip install -e .    # trafilatura, the comparison, is a dependency of sitebuild
    python benchmarks/html_extraction.py [../shared/html-bench] [--runs 3] [--show-worst 10]

The pages and the article bodies a person marked on them come from the Zyte
(Scrapinghub) article-extraction benchmark: `html/<id>.html.gz` and
`ground-truth.json` under the folder given (read in place, never copied). Each page
is extracted by sitebuild (the HTML reader, then the cleaner: the paragraphs an
article page would show) and by trafilatura, and both are scored the way that
benchmark scores them:

- a text is split into `\\w+` tokens and compared as a multiset of 4-token shingles;
  a page's true positives, false positives and false negatives are divided by their
  sum, so a long page weighs no more than a short one;
- precision is the mean over pages with a prediction, recall the mean over pages
  with a ground truth (an empty prediction scores recall 0), F1 is taken from the
  two means.

It prints P, R and F1 for both, the pages each left empty, and the wall time each
spent on all pages (the best of `--runs` passes, run alternately: the least disturbed
by other load on the machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from site_builder.ingest.clean import clean
from site_builder.ingest.readers import read_html

_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
Score = tuple[float, float, float]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """4-token shingles of a text; a text shorter than that is one shingle."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + _SHINGLE])
                   for i in range(max(1, len(tokens) - _SHINGLE + 1)) if tokens[i:i + _SHINGLE])


def page_score(true: str, pred: str) -> Score:
    """True positives, false positives, false negatives of one page, as shares of their sum."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(scores: list[Score]) -> tuple[float, float, float]:
    """Precision, recall and F1 from per-page scores, averaged over pages."""
    precision = statistics.mean([_precision(*s) for s in scores if s[0] + s[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*s) for s in scores if s[0] + s[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def sitebuild_body(html: str) -> str:
    """The article text sitebuild keeps from a page: its cleaned body paragraphs."""
    return "\n".join(block.text for block in clean(read_html(html, "page.html")).body)


def trafilatura_body(html: str) -> str:
    """trafilatura's article text with its defaults, as the benchmark runs it."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def _run(extractors: dict[str, Callable[[str], str]], pages: dict[str, str], runs: int
         ) -> dict[str, tuple[dict[str, str], float]]:
    """Each extractor's output and best time; passes alternate so load hits both alike."""
    times: dict[str, list[float]] = {name: [] for name in extractors}
    out: dict[str, dict[str, str]] = {}
    for _ in range(runs):
        for name, extract in extractors.items():
            started = time.perf_counter()
            out[name] = {key: extract(html) for key, html in pages.items()}
            times[name].append(time.perf_counter() - started)
    return {name: (out[name], min(times[name])) for name in extractors}


def main(argv: list[str] | None = None) -> int:
    """Run both extractors on every page and print the comparison."""
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "html-bench"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=default,
                        help="benchmark folder with html/ and ground-truth.json")
    parser.add_argument("--runs", type=int, default=1, help="passes to time (best of)")
    parser.add_argument("--show-worst", type=int, default=0, metavar="N",
                        help="list sitebuild's N lowest-scoring pages")
    args = parser.parse_args(argv)
    truth_file = args.folder / "ground-truth.json"
    if not truth_file.is_file():
        print(f"error: {truth_file}: not found", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = {}
    for key in sorted(truth):
        path = args.folder / "html" / f"{key}.html.gz"
        if path.is_file():
            pages[key] = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    print(f"{len(pages)} pages from {args.folder}")
    import trafilatura  # imported before timing, so neither side pays for it

    trafilatura.extract("<html><body><p>warm up</p></body></html>")
    results = {}
    ran = _run({"sitebuild": sitebuild_body, "trafilatura": trafilatura_body}, pages, args.runs)
    for name, (out, seconds) in ran.items():
        scores = {key: page_score(truth[key].get("articleBody", ""), text)
                  for key, text in out.items()}
        empty = [key for key, text in out.items()
                 if not text.strip() and truth[key].get("articleBody", "").strip()]
        precision, recall, f1 = summarise(list(scores.values()))
        results[name] = scores
        print(f"{name:<12} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
              f"empty {len(empty)}  time {seconds:.2f}s")
        for key in empty:
            print(f"  empty: {key}")
    ratio = ran["sitebuild"][1] / ran["trafilatura"][1]
    print(f"time sitebuild / trafilatura: {ratio:.2f}")
    if args.show_worst:
        ours = results["sitebuild"]
        theirs = results["trafilatura"]
        for key in sorted(ours, key=lambda k: summarise([ours[k]])[2])[:args.show_worst]:
            p, r, f = summarise([ours[key]])
            tf = summarise([theirs[key]])[2]
            print(f"  {key[:12]} P {p:.2f} R {r:.2f} F1 {f:.2f} (trafilatura {tf:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
