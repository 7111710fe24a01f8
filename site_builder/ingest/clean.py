"""Separate article text from web debris, block by block, and keep what was removed and why.

The approach generalises jusText and body-text extraction (BTE):

1. Each block gets a local class from generic signals: sentence shape, length,
   stop-word density, reader-directed calls to action, photo credits, shortcodes,
   repetition within the page and across sources, headline-list shape.
2. The article body is the contiguous run of blocks that maximises
   "words of good text inside minus debris inside" (BTE's objective); what lies
   before it is page header, what lies after it is page footer.
3. Inside the body, headline-shaped blocks and teaser pairs (a headline plus its
   standfirst at the end of the body) are removed; short sub-headings stay.
4. The headline and byline are taken from the page header as metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..dates import READING_TIME, find_dates, parse_datetime
from ..models import Block, CleanDocument, RawDocument, Removal, shorten
from ..text import content_stems, is_stopword, normalise, words

GOOD, NEAR, SHORT, BAD = "good", "near-good", "short", "bad"

# Generic calls to action and page furniture of news sites. None of these is
# specific to an outlet; each names a kind of widget that every outlet has.
_FURNITURE_PHRASES = [
    (r"\bsubscri(?:be|bed|ption|bing)\b|\bnewsletters?\b|\bsign(?:ed|ing)?[ -]?up\b|"
     r"\benter (?:your|a valid) e-?mail\b|\be-?mail address\b|\bindicates required\b",
     "newsletter or sign-up prompt"),
    (r"\bmembership\b|\bbecome a (?:member|subscriber|supporter|patron)\b|\bdonat(?:e|ion)\b|"
     r"\bfinancial contribution\b|\bsupport (?:us|our (?:work|journalism|mission|reporting))\b|"
     r"\bfund our\b|\bgift (?:a )?(?:membership|subscription)\b",
     "membership or donation appeal"),
    (r"\bcookies?\b.*\b(?:accept|consent|settings|policy|use)\b|\bprivacy (?:policy|settings)\b|"
     r"\bterms (?:of|and) (?:use|service|conditions)\b|\ball rights reserved\b|©",
     "cookie or legal notice"),
    (r"\b(?:this|the) (?:audio|article|podcast) (?:is|was) (?:created|generated|narrated)\b|"
     r"\blisten to (?:this|the) (?:article|story)\b|\b\d+\s*min(?:ute)?s? (?:read|listen)\b|"
     r"\bshare (?:this|on)\b|\b(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|"
     r"reddit|e-?mail)\s*(?:\||/|·)",
     "audio or share widget"),
    (r"pic\.twitter\.com/|\(@\w{1,15}\)\s+\w+ \d{1,2}, \d{4}$|^[—–-]\s?[\w .]+\(@\w{1,15}\)|"
     r"\bclick here\b|\bdownload (?:our|the) app\b|\bfollow us on\b",
     "social media embed or call to action"),
    (r"^(?:skip to (?:main )?content|edit (?:post|article|this)|log ?in|sign in|menu|search|"
     r"home|close|loading\.*|print|comments?|share|tweet|email|e-mail|reply)$",
     "navigation or site control"),
    (r"^(?:advertisement|advert|ad|sponsored|promoted|partner content|paid post)\b",
     "advertisement"),
    (r"^[\d.,]+\s?k?\s+(?:comments?|shares?|likes?|views?|reactions?|replies)$",
     "share or comment counter"),
    (r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was)\s(?:a|an|the)\s[\w\s,-]{0,40}?(?:reporter|"
     r"correspondent|editor|writer|columnist|journalist|producer)\b|\bfollow (?:him|her|them|"
     r"me|us) on\b",
     "author biography or follow prompt"),
    (r"^(?:read (?:also|more|next)|see also|related(?: (?:articles?|stories|news|posts|"
     r"coverage|content))?|more (?:news|stories|from [\w ]+)|most (?:popular|read|viewed)|"
     r"editors'? picks|recommended(?: for you)?|trending(?: now)?|latest(?: news)?|"
     r"top stories|you (?:may|might) also like|news feed|in other news|"
     r"[\w ]{0,30} latest)\b:?",
     "list of other articles"),
]
_FURNITURE = [(re.compile(p, re.I), reason) for p, reason in _FURNITURE_PHRASES]
_AGENCIES = r"Getty Images|Reuters|AFP|AP Photo|AP|EPA(?:-EFE)?|Shutterstock|Alamy|Bloomberg"
_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|video|credit|illustration|graphic)s?\b[^()]*|"
    rf"[^()]*\b(?:{_AGENCIES})\b[^()]*)\)\s*$|"
    r"^(?:photo|image|picture|credit|caption)\s*:|"
    # "... Photograph: Lena Holm/Reuters", "... Jane Doe/Getty Images", "... AFP via Getty"
    rf"\b(?:photograph|photo|image|picture)s?(?: by)?\s*:?\s[^.]{{0,60}}$|"
    rf"/\s?(?:{_AGENCIES})\.?\s*$|\b(?:{_AGENCIES}) via Getty Images\.?\s*$", re.I)
_SHORTCODE = re.compile(r"^\s*(?:\[/?[a-z][\w-]*(?:\s[^\]]*)?\]|\{\{.*\}\}|\{%.*%\}|<!--.*-->)\s*$",
                        re.I)
_TIMESTAMP = re.compile(r"^[\s\d:/.,\-–|]*(?:[ap]\.?m\.?|gmt|utc|[A-Z]{2,4})?[\s\d:/.,\-–|]*$",
                        re.I)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_DATED_ITEM = re.compile(r"\s[-–—|]\s*(?:[A-Z][a-z]+\.? \d{1,2},?|\d{1,2} [A-Z][a-z]+) \d{4}$")
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|author:?)\s+(?P<rest>.+)$", re.I)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_READER_WORDS = {"you", "your", "yours", "we", "our", "us", "we're", "we've", "ours", "you're"}

# Long headline-shaped lines inside the body are other articles' headlines;
# shorter ones are the article's own sub-headings.
_HEADLINE_MIN_WORDS = 8
_TEASER_MAX_PARAGRAPHS = 2


@dataclass
class _Judged:
    block: Block
    label: str
    reason: str | None
    n_words: int
    headline_shape: bool


def repeated_lines(documents: Iterable[RawDocument]) -> frozenset[str]:
    """Short lines that occur in more than one document: site furniture, not reporting."""
    seen: Counter[str] = Counter()
    for doc in documents:
        if doc.passthrough:
            continue
        seen.update({normalise(b.text) for b in doc.blocks if len(words(b.text)) <= 20})
    return frozenset(line for line, count in seen.items() if count > 1 and line)


def clean(doc: RawDocument, common_lines: Container[str] = frozenset()) -> CleanDocument:
    """Split a document into article body, removed debris (with reasons) and page metadata."""
    if doc.passthrough:
        return CleanDocument(doc.source_file, doc.sha256, list(doc.blocks), [], dict(doc.meta),
                             [], list(doc.notes))
    if doc.extracted:  # an HTML reader already chose the article: keep its decision
        judged = [_Judged(b, BAD if b.debris else GOOD, b.debris, len(words(b.text)), False)
                  for b in doc.blocks]
        start, end = 0, len(judged)
    else:
        counts = Counter(normalise(b.text) for b in doc.blocks)
        judged = [_judge(b, counts, common_lines) for b in doc.blocks]
        start, end = _body_span(judged)
    meta: dict[str, str] = {}
    inferred: list[str] = []
    reasons: dict[int, str] = {}
    _take_header_metadata(judged[:start], doc.meta, meta, inferred, reasons)
    for i, item in enumerate(judged):
        if i in reasons:
            continue
        if i < start:
            reasons[i] = item.reason or "page header before the article"
        elif i >= end:
            reasons[i] = item.reason or "page footer after the article"
        elif item.label == BAD:
            reasons[i] = item.reason or "debris"
    _mark_headlines_and_teasers(judged, start, end, reasons)
    _smooth(judged, start, end, reasons)

    body: list[Block] = []
    removed: list[Removal] = []
    for i, item in enumerate(judged):
        if i in reasons:
            removed.append(Removal(item.block.lines, reasons[i], shorten(item.block.text, 100)))
        elif item.headline_shape and not item.block.bullet:
            body.append(Block(item.block.text, item.block.lines, heading=True))
        else:
            body.append(item.block)
    kept = {n for block in body for n in block.lines}
    return CleanDocument(doc.source_file, doc.sha256, body, _merge(removed, kept), meta,
                         inferred, list(doc.notes))


def _judge(block: Block, counts: Counter[str], common: Container[str]) -> _Judged:
    text = block.text
    tokens = words(text)
    n = len(tokens)
    terminal = bool(_TERMINAL.search(text)) and not text.endswith("...")
    headline_shape = (not terminal or (text.endswith("?") and n <= 20)) and 1 <= n <= 30
    key = normalise(text)

    def bad(reason: str) -> _Judged:
        return _Judged(block, BAD, reason, n, headline_shape)

    if block.debris:
        return bad(block.debris)
    if not key or _SHORTCODE.match(text):
        return bad("CMS shortcode or markup")
    if _TIMESTAMP.match(text):
        return bad("timestamp or stray number")
    if _CREDIT.search(text):
        return bad("photo caption or credit")
    if counts[key] > 1 and n < 25:
        return bad("line repeated on the page")
    if key in common:
        return bad("line repeated across sources (site furniture)")
    reason = _furniture_reason(text, n)
    if reason:
        return bad(reason)
    if headline_shape and text.rstrip().endswith(":") and n <= 6:
        return bad("heading of a list of other articles")
    if block.bullet and (not terminal or _DATED_ITEM.search(text)):
        return bad("list of other articles' headlines")
    if _DATED_ITEM.search(text):
        return bad("headline of another article with its date")
    if n <= 25 and _reader_address(text) >= 0.1:
        return bad("appeal to the reader")
    if headline_shape:
        return _Judged(block, SHORT, None, n, True)
    stop_ratio = sum(1 for t in tokens if is_stopword(t)) / max(n, 1)
    if terminal and n >= 10 and stop_ratio >= 0.15:
        return _Judged(block, GOOD, None, n, False)
    if terminal and n >= 4:
        return _Judged(block, NEAR, None, n, False)
    return _Judged(block, SHORT, None, n, False)


def _reader_address(text: str) -> float:
    """Share of words outside quotes that speak to the reader ("you", "our", "us")."""
    tokens = [t.lower().replace("’", "'") for t in words(_QUOTED.sub(" ", text))]
    return sum(1 for t in tokens if t in _READER_WORDS) / max(len(tokens), 1)


def _furniture_reason(text: str, n: int) -> str | None:
    unquoted = _QUOTED.sub(" ", text)
    hits = [reason for pattern, reason in _FURNITURE if pattern.search(unquoted)]
    # A news paragraph may mention a newsletter or Facebook in passing; debris is
    # short, or talks to the reader about it.
    if hits and (n <= 25 or len(hits) > 1 or _reader_address(text) >= 0.04):
        return hits[0]
    return None


def _weight(item: _Judged) -> float:
    if item.label == GOOD:
        return item.n_words
    if item.label == NEAR:
        return item.n_words / 2
    if item.label == SHORT:
        return -3
    return -(5 + item.n_words / 2)


def _body_span(judged: list[_Judged]) -> tuple[int, int]:
    """The contiguous run of blocks with the most article text net of debris (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, item in enumerate(judged):
        if total <= 0:
            total, start = 0.0, i
        total += _weight(item)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _take_header_metadata(header: list[_Judged], declared: dict[str, str], meta: dict[str, str],
                          inferred: list[str], reasons: dict[int, str]) -> None:
    """Headline, byline and date shown above the body become metadata."""
    for i, item in enumerate(header):
        text = item.block.text
        byline = _BYLINE.match(text)
        if byline and item.n_words <= 25 and "author" not in meta:
            author, published = _parse_byline(byline.group("rest"))
            if author:
                meta["author"] = author
                inferred.append("author")
            if published and "published" not in meta:
                meta["published"] = published
                inferred.append("published")
            reasons[i] = "byline (kept as metadata)"
        elif _is_dateline(text) and "published" not in meta and (stamp := parse_datetime(text)):
            meta["published"] = stamp
            inferred.append("published")
            reasons[i] = "dateline (kept as metadata)"
    # The headline is the last headline-shaped line of the header that is not debris.
    for i in range(len(header) - 1, -1, -1):
        item = header[i]
        if i not in reasons and item.label == SHORT and item.headline_shape and \
                4 <= item.n_words <= 30:
            meta["title"] = item.block.text
            inferred.append("title")
            reasons[i] = "headline (kept as metadata)"
            break
    for key, value in declared.items():
        meta[key] = value
        if key in inferred:
            inferred.remove(key)


_DATELINE_WORDS = re.compile(r"\b(?:published|updated|posted|last|modified|on|at|am|pm)\b|"
                             r"[\d:|,./-]", re.I)
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")


def _is_dateline(text: str) -> bool:
    """A line that is a date and little else: "Published 9 Oct 2024, 08:15 GMT"."""
    text = re.sub(r"\b([ap])\.m\.", r"\1m", READING_TIME.sub(" ", text), flags=re.I)
    dates = find_dates(text)
    rest = _ZONE.sub(" ", _DATELINE_WORDS.sub(" ", "".join(
        text[i] for i in range(len(text)) if not any(d.start <= i < d.end for d in dates))))
    return bool(dates) and len(rest.split()) <= 1 and any(d.day or d.month for d in dates)


_NAME = re.compile(r"^(?P<name>(?:[A-Z][\w'’.-]*\s*){1,4}?(?:(?:and|&)\s+(?:[A-Z][\w'’.-]*\s*)"
                   r"{1,4})?)(?=\s*(?:$|[|,•·–—-]|\d|on\b|updated\b|published\b|"
                   r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))", re.I)


def _parse_byline(rest: str) -> tuple[str | None, str | None]:
    match = _NAME.match(rest.strip())
    author = None
    if match:
        candidate = match.group("name").strip(" ,|")
        if all(w[:1].isupper() or w in ("and", "&") for w in candidate.split()):
            author = candidate
    date_text = rest[match.end():] if match else rest
    published = parse_datetime(date_text) if find_dates(date_text) or re.search(
        r"\d{4}-\d\d-\d\d", date_text) else None
    return author, published


def _mark_headlines_and_teasers(judged: list[_Judged], start: int, end: int,
                                reasons: dict[int, str]) -> None:
    for i in range(start, end):
        item = judged[i]
        if not (item.headline_shape and item.n_words >= _HEADLINE_MIN_WORDS):
            continue
        if item.label == BAD and item.reason not in _HEADLINE_REASONS:
            continue  # a caption or a prompt, not another article's headline
        reasons.setdefault(i, "headline of another article")
        if _LINK_LABEL.match(item.block.text):
            continue  # "Read more: <headline>" is a link on one line, no standfirst follows
        after = [j for j in range(i + 1, end) if j not in reasons]
        body = [j for j in range(start, i) if j not in reasons]
        if len(after) <= _TEASER_MAX_PARAGRAPHS and all(
                _on_topic(judged[j].block.text, [judged[k].block.text for k in body]) < 0.5
                for j in after):
            # A headline with a standfirst closing the body: a teaser for another story.
            reasons[i] = "teaser for another article (headline)"
            for j in after:
                reasons[j] = "teaser for another article (standfirst)"
            return


# Debris that is another article's headline, and may come with its standfirst.
_HEADLINE_REASONS = {"list of other articles", "headline of another article with its date"}
_LINK_LABEL = re.compile(r"^(?:read|see|watch|listen)(?: (?:more|also|next|this))?\s*:|"
                         r"^(?:related|more on this(?: story)?)\s*:", re.I)


def _on_topic(text: str, body: list[str]) -> float:
    """Share of a paragraph's content words that the rest of the body also uses."""
    own = set(content_stems(text))
    rest = {s for paragraph in body for s in content_stems(paragraph)}
    return len(own & rest) / max(len(own), 1)


def _smooth(judged: list[_Judged], start: int, end: int, reasons: dict[int, str]) -> None:
    # jusText context: a short or borderline block between two removed ones goes too.
    for i in range(start, end):
        if i in reasons or judged[i].label == GOOD:
            continue
        if (i - 1) in reasons and (i + 1) in reasons:
            reasons[i] = "short text among debris"


def _merge(removed: list[Removal], kept: set[int]) -> list[Removal]:
    """Join consecutive removals with the same reason, for a readable audit.

    Only blank lines may lie between them, never article text.
    """
    merged: list[Removal] = []
    for item in removed:
        if merged and merged[-1].reason == item.reason and \
                item.lines[0] - merged[-1].lines[-1] <= 2 and \
                not kept & set(range(merged[-1].lines[-1] + 1, item.lines[0])):
            last = merged[-1]
            lines = tuple(sorted(set(last.lines + item.lines)))
            merged[-1] = Removal(lines, last.reason, last.excerpt)
        else:
            merged.append(item)
    return merged
