"""A deterministic benchmark corpus built from real-shaped news text (no network).

The repository's annotated articles (the samples in `seeds/` and every cluster under
`tests/clusters/`, each written from real coverage, with its page debris) are the
templates. Each *story* of the corpus is one annotated cluster retold: its people,
organisations and places renamed consistently, its figures scaled, and, in some copies,
one figure changed so that outlets disagree. Each article of a story is one template
article with a few body paragraphs left out, so no two copies are identical.

Writes N articles as scraped `.txt` (debris and all) into `DIR/seeds/`, and the same
articles' body text, taken through the gold annotation's `body_lines` (what a person
marked as article text), as Markdown with front matter for the peer generators:
`DIR/peers/hugo`, `DIR/peers/pelican`, `DIR/peers/mkdocs`. Everything derives from the
seed: same arguments, same bytes.

    python benchmarks/corpus.py DIR --articles 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CLUSTERS = REPO / "tests" / "clusters"
# About as many articles per story as a busy story gets in a week of coverage.
STORY_SIZE = 40
_SYLLABLES = ("ka ri to me sa no lu vi de ra mo ne ta si go ba li ke do ha ru pe zo mi "
              "an el or un is ar en").split()
# A figure: digits with optional thousands separators and decimals, not part of a word or
# a designation ("F-16", "737-9"), and not a year.
_FIGURE = re.compile(r"(?<![\w.\-/])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w\-/]|\.\d)")


@dataclass(frozen=True)
class Template:
    """One annotated scraped article: its lines and which of them are article text."""

    story: str
    names: tuple[str, ...]  # the story's annotated names
    lines: tuple[str, ...]
    body: tuple[int, ...]  # 0-based indexes into lines
    title: str
    published: str


@dataclass
class Article:
    name: str
    title: str
    date: str
    paragraphs: list[str]
    raw: str


def templates() -> dict[str, list[Template]]:
    """The annotated `.txt` articles of the repository, by story, in a stable order."""
    sets = [(REPO / "seeds", CLUSTERS / "samples-gold.yml")]
    sets += [(folder / "seeds", folder / "gold.yml") for folder in sorted(CLUSTERS.iterdir())
             if (folder / "gold.yml").is_file()]
    stories: dict[str, list[Template]] = {}
    for seeds, gold_file in sets:
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        story = gold_file.parent.name if gold_file.name == "gold.yml" else "samples"
        names = tuple(_proper_nouns(gold))
        for name, note in sorted((gold.get("articles") or {}).items()):
            path = seeds / name
            if path.suffix != ".txt" or not path.is_file():
                continue
            lines = tuple(path.read_text(encoding="utf-8").split("\n"))
            body = tuple(n - 1 for n in note.get("body_lines") or () if 0 < n <= len(lines))
            if not body:
                continue
            title_line = note.get("title_line")
            title = lines[title_line - 1] if title_line else lines[body[0]][:90]
            stories.setdefault(story, []).append(Template(
                story, names, lines, body, title.strip(),
                str(note.get("published") or "2024-01-15")))
    return stories


def _proper_nouns(gold: dict) -> list[str]:
    """The words of the annotated topic names: what a retelling renames consistently."""
    words = set()
    for topic in gold.get("topics") or ():
        for alias in [topic.get("name", ""), *(topic.get("aliases") or ())]:
            words.update(re.findall(r"\b[A-Z][a-z]{3,}\b", str(alias)))
    return sorted(words)


def _new_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def _is_year(match: re.Match[str]) -> bool:
    return not match.group(2) and 1800 <= int(match.group(1).replace(",", "")) <= 2100


def _retell(text: str, names: dict[str, str], scale: float, changed: str | None,
            step: int = 1) -> str:
    if names:
        text = re.sub(r"\b(" + "|".join(map(re.escape, names)) + r")\b",
                      lambda m: names[m.group(1)], text)

    def figure(match: re.Match[str]) -> str:
        whole, decimals = match.group(1), match.group(2) or ""
        if _is_year(match):  # a year stays a year
            return match.group(0)
        value = int(whole.replace(",", ""))
        new = max(1, round(value * scale))
        if changed is not None and match.group(0) == changed:
            new = new + step * max(1, new // 5)
        out = f"{new:,}" if "," in whole else str(new)
        return out + decimals

    return _FIGURE.sub(figure, text)


def _article(rng: random.Random, index: int, template: Template, copy: int,
             names: dict[str, str], scale: float, date: str, step: int = 1) -> Article:
    """The `copy`-th retelling of `template` in a story: never the same text as another."""
    body = list(template.body)
    # Each later copy leaves out a different paragraph (never the lead) and changes a
    # different figure, so no two copies are the same article; some also lose one more.
    dropped = {body[1:][(copy - 1) % (len(body) - 1)]} if copy and len(body) > 1 else set()
    if len(body) > 2 and (step > 1 or (len(body) > 4 and rng.random() < 0.3)):
        dropped.add(rng.choice(body[1:]))
    figures = [m.group(0) for i in body for m in _FIGURE.finditer(template.lines[i])
               if not _is_year(m)]
    changed = figures[copy % len(figures)] if figures and copy else None
    raw_lines = [_retell(line, names, scale, changed, step)
                 for i, line in enumerate(template.lines) if i not in dropped]
    paragraphs = [_retell(template.lines[i], names, scale, changed, step).strip()
                  for i in body if i not in dropped]
    title = _retell(template.title, names, scale, None)
    return Article(f"{index:05d}.txt", title, date, [p for p in paragraphs if p],
                   "\n".join(raw_lines).rstrip("\n") + "\n")


def _unique(rng: random.Random, index: int, story: list[Template], slot: int,
            names: dict[str, str], scale: float, seen: set[str]) -> Article:
    """The story's `slot`-th article, changed further (or from the next template) until
    its text is new: a short template runs out of variations sooner."""
    for offset in range(len(story)):
        template = story[(slot + offset) % len(story)]
        for attempt in range(20):
            item = _article(rng, index, template, slot // len(story), names, scale,
                            template.published, step=1 + attempt)
            if "\n".join(item.paragraphs) not in seen:
                return item
    return item


def generate(folder: Path, articles: int, seed: int = 1) -> list[Article]:
    """Write the corpus into `folder` (replacing what is there) and return its articles."""
    rng = random.Random(seed)
    stories = templates()
    order = sorted(stories)
    items: list[Article] = []
    seen: set[str] = set()
    story_number = 0
    while len(items) < articles:
        story = stories[order[story_number % len(order)]]
        names = {word: _new_name(rng) for word in story[0].names} if story_number else {}
        scale = 1.0 if story_number == 0 else rng.choice((0.5, 0.8, 1.25, 2.0, 3.0))
        for i in range(min(STORY_SIZE, articles - len(items))):
            item = _unique(rng, len(items), story, i, names, scale, seen)
            seen.add("\n".join(item.paragraphs))
            items.append(item)
        story_number += 1
    shutil.rmtree(folder, ignore_errors=True)
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for item in items:
        (seeds / item.name).write_text(item.raw, encoding="utf-8")
    _write_peers(folder / "peers", items)
    return items


def _front_matter(item: Article) -> str:
    title = item.title.replace('"', "'").replace("\\", "")
    return f'---\ntitle: "{title}"\ndate: {item.date[:10]}\n---\n\n'


def _write_peers(folder: Path, items: list[Article]) -> None:
    hugo = folder / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "/"\ntitle = "Benchmark"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (hugo / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>"
        "<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>{{ .Content }}"
        "</main></body></html>\n")
    (hugo / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>"
        "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>"
        "{{ end }}</ul></body></html>\n")
    pelican = folder / "pelican"
    (pelican / "content").mkdir(parents=True)
    (pelican / "pelicanconf.py").write_text(
        'AUTHOR = "Benchmark"\nSITENAME = "Benchmark"\nSITEURL = ""\nPATH = "content"\n'
        'TIMEZONE = "UTC"\nDEFAULT_LANG = "en"\nFEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n'
        'TRANSLATION_FEED_ATOM = None\nAUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n'
        'DEFAULT_PAGINATION = 20\n')
    mkdocs = folder / "mkdocs"
    (mkdocs / "docs" / "articles").mkdir(parents=True)
    (mkdocs / "docs" / "index.md").write_text("# Benchmark\n")
    (mkdocs / "mkdocs.yml").write_text(
        "site_name: Benchmark\nnav:\n  - Home: index.md\n")
    for item in items:
        body = "\n\n".join(item.paragraphs) + "\n"
        stem = item.name.removesuffix(".txt")
        (hugo / "content" / "posts" / f"{stem}.md").write_text(_front_matter(item) + body)
        (pelican / "content" / f"{stem}.md").write_text(
            f"Title: {item.title}\nSlug: {stem}\nDate: {item.date[:10]}\n\n{body}")
        (mkdocs / "docs" / "articles" / f"{stem}.md").write_text(f"# {item.title}\n\n{body}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.folder, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.folder}")


if __name__ == "__main__":
    main()
