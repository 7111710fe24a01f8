"""A deterministic corpus of scraped news articles for benchmarks (no network).

Writes N articles as scraped `.txt` (with web debris of several shapes) into
`DIR/seeds/`, and the same articles already cleaned, as Markdown with front matter,
for the peer generators: `DIR/peers/hugo`, `DIR/peers/pelican`, `DIR/peers/mkdocs`.

Articles belong to stories (about 40 articles each) that share people, organisations,
places, figures and dates, so topics, facts, disagreements and near-duplicates have
something to find. Everything derives from the seed: same arguments, same bytes.

    python benchmarks/corpus.py DIR --articles 1000 [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

_SYLLABLES = ("ka ri to me sa no lu vi de ra mo ne ta si go ba li ke do ha ru pe zo mi "
              "an el or un is ar en").split()
_FIRST = ("Anna Ben Carla David Elena Farid Grace Hugo Ines Jonas Kira Leo Maya Nils Olga "
          "Pavel Rosa Sami Tara Umar Vera Wim Yara Zoe").split()
_COUNTRIES = ("Japan Canada Brazil Kenya Norway Chile Poland Egypt Vietnam Mexico Ghana "
              "Portugal Finland Peru Morocco Ireland").split()
_ORG_KINDS = ("Ministry of Transport", "Port Authority", "Energy Agency", "Rail Company",
              "Water Board", "Industries", "Holdings", "Health Service", "Central Bank")
_THINGS = ("bridge", "rail line", "power plant", "water system", "port terminal", "hospital",
           "data centre", "wind farm", "tunnel", "airport runway")
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_FILLER = [
    "Residents said they had waited years for a decision and doubted the timetable.",
    "Opposition lawmakers called for an independent review of the costs before any contract "
    "is signed.",
    "The project has divided local opinion, with business groups in favour and environmental "
    "groups warning of damage to wetlands nearby.",
    "Analysts said the plan would test the government's ability to deliver large projects "
    "on time and within budget.",
    "Officials declined to say how many workers would be hired, but unions said they expected "
    "thousands of jobs over the coming years.",
    "Critics pointed out that a similar scheme had been abandoned a decade ago after costs "
    "doubled and the main contractor went bankrupt.",
    "The announcement came after weeks of talks between the regional government and the "
    "national treasury over who would pay for it.",
    "Engineers said the work would be carried out in stages to keep existing services running "
    "while the new structure is built.",
    "Local newspapers reported that several families would have to move to make way for the "
    "construction site, a claim officials did not deny.",
    "A spokesperson for the contractor said the company was confident it could meet the "
    "deadline despite the shortage of materials.",
]
_DEBRIS_TOP = [
    "Home | News | World | Business | Opinion | Sport | Culture",
    "We use cookies to personalise content and ads. By continuing you accept our cookie policy.",
    "Skip to main content",
    "Sign in | Subscribe",
    "Advertisement",
]
_DEBRIS_BOTTOM = [
    ["Read more:", "- {h1}", "- {h2}", "- {h3}"],
    ["Most popular", "{h1}", "{h2}", "{h3}"],
    ["Sign up for our morning newsletter and get the news in your inbox.",
     "Enter your email address", "Subscribe"],
    ["Share this article: Facebook | X | WhatsApp | Email", "34 comments"],
    ["© 2024 {outlet}. All rights reserved."],
]
_HEADLINES = [
    "Storm season starts early across the north", "Why insurance premiums keep rising",
    "Ten recipes for a rainy weekend", "The quiet village that became a film set",
    "Markets fall as energy prices climb", "Inside the race to build better batteries",
    "How one typo took down half the internet", "A long-awaited rail link finally opens",
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class Story:
    place: str
    country: str
    thing: str
    minister: str
    engineer: str
    org: str
    company: str
    cost: int
    jobs: int
    year: int
    month: int
    day: int

    def facts(self, rng: random.Random, disagree: bool) -> list[str]:
        cost = self.cost + (rng.choice((-2, 3)) * self.cost // 5 if disagree else 0)
        month = _MONTHS[self.month - 1]
        return [
            f"The government of {self.country} approved a new {self.thing} for {self.place} "
            f"on {month} {self.day}, {self.year}, ending months of debate.",
            f"Transport Minister {self.minister} said the {self.thing} would cost about "
            f"${cost} million and open to the public in {self.year + 2}.",
            f"The {self.org} will oversee the work, and {self.company} won the main contract "
            f"after a tender that drew {self.jobs // 100} bids.",
            f"Construction is expected to create {self.jobs} jobs in {self.place} and the "
            f"surrounding region, according to the {self.org}.",
            f"Chief engineer {self.engineer} told reporters that the site survey had found no "
            f"obstacles and that work could begin within weeks.",
            f"{self.place} has been waiting for the {self.thing} since a flood in "
            f"{self.year - 3} destroyed the old one.",
        ]


def _stories(rng: random.Random, count: int) -> list[Story]:
    stories = []
    for _ in range(count):
        stories.append(Story(
            place=_name(rng, 3), country=rng.choice(_COUNTRIES), thing=rng.choice(_THINGS),
            minister=f"{rng.choice(_FIRST)} {_name(rng, 3)}",
            engineer=f"{rng.choice(_FIRST)} {_name(rng, 2)}",
            org=f"{_name(rng, 2)} {rng.choice(_ORG_KINDS)}",
            company=f"{_name(rng, 2)} {rng.choice(('Construction', 'Engineering', 'Group'))}",
            cost=rng.randrange(40, 900), jobs=rng.randrange(3, 60) * 100,
            year=rng.randrange(2019, 2025), month=rng.randrange(1, 13), day=rng.randrange(1, 28),
        ))
    return stories


@dataclass
class Article:
    name: str
    title: str
    author: str
    date: str
    outlet: str
    paragraphs: list[str]
    raw: str


def _article(rng: random.Random, index: int, story: Story) -> Article:
    outlet = f"The {_name(rng, 2)} {rng.choice(('Times', 'Post', 'Herald', 'Gazette', 'News'))}"
    author = f"{rng.choice(_FIRST)} {_name(rng, 3)}"
    date = f"{story.year}-{story.month:02d}-{min(story.day + rng.randrange(0, 3), 28):02d}"
    facts = story.facts(rng, disagree=rng.random() < 0.15)
    chosen = rng.sample(facts, k=rng.randrange(3, len(facts) + 1))
    filler = rng.sample(_FILLER, k=len(_FILLER))
    paragraphs: list[str] = []
    for fact in chosen:
        extra = [filler.pop() for _ in range(rng.randrange(1, 3)) if filler]
        paragraphs.append(" ".join([fact, *extra]))
    while filler and sum(len(p.split()) for p in paragraphs) < 560:
        paragraphs.append(" ".join(filler.pop() for _ in range(min(2, len(filler)))))
    title = f"{story.place} to get new {story.thing} as {story.country} approves plan"
    top = rng.sample(_DEBRIS_TOP, k=rng.randrange(1, 4))
    bottom = [line.format(outlet=outlet, h1=rng.choice(_HEADLINES), h2=rng.choice(_HEADLINES),
                          h3=rng.choice(_HEADLINES))
              for block in rng.sample(_DEBRIS_BOTTOM, k=rng.randrange(1, 4)) for line in block]
    body: list[str] = []
    for i, paragraph in enumerate(paragraphs):
        body.append(paragraph)
        if i == 1 and rng.random() < 0.5:
            body.append(f"Workers at the {story.thing} site in {story.place}. "
                        f"(Photo: {_name(rng, 2)}/Reuters)")
    raw = "\n".join([*top, "", title, f"By {author} | {date}", "", *body, "", *bottom]) + "\n"
    return Article(f"{index:05d}.txt", title, author, date, outlet, paragraphs, raw)


def generate(folder: Path, articles: int, seed: int = 1) -> list[Article]:
    """Write the corpus into `folder` (replacing what is there) and return its articles."""
    rng = random.Random(seed)
    stories = _stories(rng, max(5, articles // 40))
    items = [_article(rng, i, stories[i % len(stories)]) for i in range(articles)]
    shutil.rmtree(folder, ignore_errors=True)
    seeds = folder / "seeds"
    seeds.mkdir(parents=True)
    for item in items:
        (seeds / item.name).write_text(item.raw, encoding="utf-8")
    _write_peers(folder / "peers", items)
    return items


def _front_matter(item: Article) -> str:
    title = item.title.replace('"', "'")
    return f'---\ntitle: "{title}"\ndate: {item.date}\nauthor: "{item.author}"\n---\n\n'


def _write_peers(folder: Path, items: list[Article]) -> None:
    hugo = folder / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "/"\ntitle = "Benchmark"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (hugo / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}"
        "</h1><p>{{ .Params.author }} {{ .Date.Format \"2006-01-02\" }}</p>{{ .Content }}"
        "</body></html>\n")
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
            f"Title: {item.title}\nSlug: {stem}\nDate: {item.date}\nAuthor: {item.author}\n\n"
            f"{body}")
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
