"""Plain data passed between the pipeline stages.

read ─▶ RawDocument ─clean─▶ CleanDocument ─write─▶ content/*.md ─load─▶ Article
[Article] ─analyze─▶ Digest ─render─▶ output/
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")

def fast_pickle(cls: type[T]) -> type[T]:
    """Pickle a frozen slotted dataclass as a plain constructor call.

    dataclasses' own pickling of such classes looks up fields() for every object;
    the memos and the process pool pickle millions of them (5% of a 10,000-article
    build in the profile).
    """
    get = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
    single = len(fields(cls)) == 1  # type: ignore[arg-type]

    def __reduce__(self: T) -> tuple:
        values = get(self)
        return cls, (values,) if single else values

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


# Metadata fields an article can carry; one list so readers, config and
# the content writer agree on names.
META_FIELDS = ("title", "outlet", "author", "published", "url")


@fast_pickle
@dataclass(slots=True, frozen=True)
class Block:
    """A candidate unit of text from a seed file, with the 1-based lines it came from."""

    text: str
    lines: tuple[int, ...]
    bullet: bool = False
    heading: bool = False
    markdown: bool = False  # already Markdown (from a .md seed): written as is
    # Set by a reader that already knows the block is not article text
    # (e.g. an HTML <nav>); the cleaner keeps the reason.
    debris: str | None = None


@dataclass
class RawDocument:
    """A decoded seed file split into blocks, plus metadata its markup declares."""

    source_file: str
    sha256: str
    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # decoding reports
    # Markdown seeds pass through the cleaner untouched.
    passthrough: bool = False
    # The reader already chose the article's blocks (HTML): the others carry `debris`.
    extracted: bool = False


@fast_pickle
@dataclass(slots=True, frozen=True)
class Removal:
    lines: tuple[int, ...]
    reason: str
    excerpt: str


@dataclass
class CleanDocument:
    """Article text separated from debris, with metadata found on the page."""

    source_file: str
    sha256: str
    body: list[Block]
    removed: list[Removal]
    meta: dict[str, str]
    inferred: list[str]  # metadata fields read from the page text rather than declared
    notes: list[str] = field(default_factory=list)


@fast_pickle
@dataclass(slots=True, frozen=True)
class Paragraph:
    """One body unit of an article page: the anchor target of every link."""

    id: str
    kind: str  # "p" | "li" | "h" | "pre"
    text: str  # plain text, for analysis and excerpts
    html: str  # rendered inline HTML (escaped)
    source_lines: tuple[int, ...] = ()


@dataclass
class Article:
    slug: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    source_file: str | None
    paragraphs: list[Paragraph]
    removed: list[Removal] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    content_path: str = ""

    @property
    def label(self) -> str:
        """A display name: the title, or the start of the lead when no title is known."""
        if self.title:
            return self.title
        lead = next((p.text for p in self.paragraphs if p.kind == "p"), self.slug)
        return shorten(lead, 80)


def shorten(text: str, width: int) -> str:
    """Cut text at a word boundary to at most `width` characters, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


@fast_pickle
@dataclass(slots=True, frozen=True, order=True)
class Ref:
    """A link to one paragraph of one article."""

    article: str
    paragraph: str


@dataclass
class Topic:
    slug: str
    name: str
    kind: str  # "person" | "organisation" | "place" | "system"
    aliases: list[str]
    mentions: list[Ref]
    sources: int = 0


@dataclass
class Fact:
    id: str
    statement: str
    statement_ref: Ref
    values: list[str]
    support: list[Ref]
    sources: int
    topics: list[str] = field(default_factory=list)  # topic slugs


@dataclass
class Claim:
    value: str
    support: list[Ref]
    statement: str = ""
    number: float | None = None  # a representative value (in the row's unit), for charts
    published: str | None = None  # the earliest publication date of its sources (ISO)


@dataclass
class Disagreement:
    about: str
    claims: list[Claim]
    kind: str = "differs"  # "contradicts" | "differs" | "update" (claims in time order)
    unit: str = ""  # the unit of the claims' numbers: currency, counted noun, "m", "h", "%"


@fast_pickle
@dataclass(slots=True, frozen=True)
class CrossRef:
    source: Ref
    target: Ref
    kind: str  # "duplicate" | "related"
    score: float


@dataclass
class TimelineEvent:
    date: str  # ISO date (with THH:MM when the text gives a time), or YYYY-MM / YYYY
    text: str
    support: list[Ref]


@dataclass
class Digest:
    articles: list[Article]
    topics: list[Topic]
    facts: list[Fact]
    disagreements: list[Disagreement]
    crossrefs: list[CrossRef]
    timeline: list[TimelineEvent]
    summary: str = ""
    # Single-source claims with no figure or date: shown apart from the key facts.
    other_claims: list[Fact] = field(default_factory=list)
    # The summary sentence by sentence, each with the paragraph it comes from.
    summary_sentences: list[tuple[str, Ref]] = field(default_factory=list)
