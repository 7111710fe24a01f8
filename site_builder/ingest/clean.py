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

import itertools
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..dates import parse_datetime
from ..models import Block, CleanDocument, RawDocument, Removal, shorten
from ..text import content_stems, is_stopword, normalise, words
from .bylines import caption_signals, is_dateline, is_plain_byline
from .fields import metadata_prefix
from .header import take_header_metadata
from .judged import (
    BAD,
    DATED_ITEM,
    GOOD,
    HEADLINE_LIST,
    HEADLINE_MIN_WORDS,
    ITEM,
    LIST_HEADING,
    METADATA_FIELD,
    NEAR,
    SHORT,
    TABLE_RULE,
    Judged,
)
from .links import cut_inline_links, is_link_line
from .structure import judge_lists_and_tables

_UPDATE_NOTE = "note that the story is updated"
# Generic calls to action and page furniture of news sites. None of these is
# specific to an outlet; each names a kind of widget that every outlet has.
_FURNITURE_PHRASES = (
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
    (r"\b(?:this|the) (?:post|story|article|page|report) (?:will be|is being|has been|was) "
     r"updated\b|\bdeveloping story\b|\bcheck back\b|\bthis is a breaking news\b|"
     # a live page's status: "Live coverage of this story has ended", "... is paused"
     r"\blive (?:coverage|updates|blog|page|reporting)\b[^.]{0,40}\b(?:has|have|is|are) (?:now )?"
     r"(?:ended|closed|concluded|finished|paused|over)\b|\bno longer being updated\b",
     _UPDATE_NOTE),
    (r"\b(?:video|audio|media) player\b|\bplayer (?:above|below)\b|"
     r"\b(?:video|audio|clip) (?:above|below)\b",
     "note about a media player"),
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
    (r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:is|was)\s(?:a|an|the|(?:[A-Z][\w&.-]*\s){1,4}?"
     r"[A-Z][\w&.-]*['’]s)\s[\w\s,-]{0,40}?(?:reporter|correspondent|editor|writer|"
     r"columnist|journalist|producer)\b|\bfollow (?:him|her|them|me|us) on\b|"
     r"^about the (?:author|writer|reporter)s?\b|"
     # "Jane Doe covers ports for Example Review", "... writes on bridges from Lisbon."
     r"^(?-i:(?:[A-Z][\w.'’-]+\s){1,3})(?:(?:covers|reports on)\s[^.]{0,120}\b(?:for|from)\s"
     r"(?-i:[A-Z])[^.]*|(?:writes|has (?:reported|written)) (?:on|about)\s[^.]{0,120}|"
     r"edits (?:our|the)\s[^.]{0,60}\bcoverage\b[^.]*)\.?$|"
     r"^(?-i:(?:[A-Z][\w.'’-]+\s){1,3})contributed (?:reporting|to this (?:report|story))\b",
     "author biography or follow prompt"),
    (r"\b(?:got|have) a (?:story|tip|news tip)\b.*\?|\bsend (?:us )?(?:your )?(?:news )?tips\b|"
     r"\btips?@",
     "appeal for news tips"),
    (r"\bsupported by (?:its |our )?readers\b|\beditorial independence\b",
     "membership or donation appeal"),
    # How the story was put together, or who publishes it: "Parts of this report are
    # taken from agency copy", "About Example Review: independent analysis of ..."
    (r"^(?:(?:parts?|paragraphs?)(?: [\w ,]{1,20})? of )?(?:this|the) (?:report|article|story)\b"
     r"[^.]{0,30}\b(?:taken|drawn|compiled|adapted) from\b[^.,]{0,40}\.?$|"
     r"\b(?:includes|contains|uses) (?:material|reporting|information) from "
     r"(?:news |wire )?(?:agencies|wires|wire services)\b|"
     r"^about (?-i:[A-Z])[\w&'’ -]{0,40}:\s",
     "note on the story's sources or publisher"),
    (r"^copyright\b|ⓒ|\bunauthori[sz]ed (?:reproduction|redistribution)\b",
     "cookie or legal notice"),
    (r"^comments? (?:are|is) (?:now )?(?:closed|disabled|open)\b",
     "navigation or site control"),
    (r"^join\s[^.]{0,40}\bon (?:facebook|twitter|x|whatsapp|telegram|instagram|linkedin|"
     r"youtube|tiktok|threads|bluesky)\b|\bget (?:the|our) [\w’' ]{0,30}\b(?:e-?mail|alerts)\b",
     "social media embed or call to action"),
    (r"^(?:read (?:also|more|next)|see also|related(?: (?:articles?|stories|news|posts|"
     r"coverage|content))?|more (?:news|stories|from [\w ]+)|most (?:popular|read|viewed)|"
     r"editors'? picks|recommended(?: for you)?|trending(?: now)?|latest(?: news)?|"
     r"top stories|you (?:may|might) also like|news feed|in other news|"
     r"[\w ]{0,30} latest)\b:?",
     "list of other articles"),
)
_FURNITURE = tuple((re.compile(p, re.I), reason) for p, reason in _FURNITURE_PHRASES)
# A credit names whoever took or sells the picture: one to three capitalised words
# ("Lena Holm", "Getty Images", "REUTERS"), matched by shape, never by a list of agencies.
_CREDITOR = r"(?-i:[A-Z][\w&'’-]*)(?:\s(?-i:[A-Z][\w&'’-]*)){0,2}"
_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|image|picture|video|credit|illustration|graphic)s?\b[^()]*|"
    # "(AP/Jane Doe)", "(Example Expeditions via AP)", "(Company/Handout via AGENCY)"
    rf"{_CREDITOR}(?:\s?/\s?{_CREDITOR}|\svia\s{_CREDITOR})+)\)\s*$|"
    r"^\[?(?:photo|image|picture|credit|caption|chart|map|graphic)\s*:|"
    # "PHOTO/AGENCY - Rescuers ...": the credit opens the caption
    r"^(?:photo|image)\s?/\s?\w+|"
    # "... Photograph: Lena Holm/Agency", "... Jane Doe/Getty Images", "... AFP via Getty Images"
    r"\b(?:photograph|photo|image|picture)s?(?: by)?\s*:?\s[^.]{0,60}$|"
    rf"(?-i:[A-Z][\w.'’-]*)/{_CREDITOR}\.?\s*$|(?-i:[A-Z][\w-]*)\svia\s{_CREDITOR}\s*$|"
    # "... at the crash site on Tuesday. Getty Images": a name after the caption's last
    # sentence (not after an abbreviation such as "U.S." or "a.m.": "... 8:15 a.m. PT")
    rf"(?<=(?-i:[a-z\d]))(?<![ap]\.m)[.!?][\"”’]?\s+(?:(?-i:[A-Z][\w&'’-]*)\s{_CREDITOR}|"
    r"(?-i:[A-Z]{3,}))\s*$|"
    # "Company/Handout via Agency"
    rf"\b(?:handout|pool)\b.{{0,20}}\bvia\s{_CREDITOR}\.?\s*$", re.I)
_SHORTCODE = re.compile(r"^\s*(?:\[/?[a-z][\w-]*(?:\s[^\]]*)?\]|\{\{.*\}\}|\{%.*%\}|<!--.*-->)\s*$",
                        re.I)
_TIMESTAMP = re.compile(
    r"^(?:(?:last |first )?(?:updated|published|posted|modified)\b:?|as of\b)?"
    r"[\s\d:/.,\-–|]*(?:[ap]\.?m\.?|gmt|utc|[A-Z]{2,4})?[\s\d:/.,\-–|]*$|"
    r"^(?:(?:updated|published|posted)\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|"
    r"weeks?)\s+ago$", re.I)
_CITATIONS = re.compile(r"(?:\[(?:\d{1,3}|[a-z])\])+$")
# Sentence ends in the scripts news is written in (Latin, CJK, Devanagari, Arabic).
_TERMINAL = re.compile(r"[.!?…。！？｡।॥؟۔][\"'”’)\]」』]*$")
# Scripts written without spaces between words: a "word" token is a whole phrase.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0eff\u1000-\u109f"
                       r"\u1780-\u17ff]")
# Below this share of English function words a page is not English, and the
# stop-word signal says nothing about its paragraphs.
_ENGLISH_STOP_RATIO = 0.2
_PROSE_WORDS = 10
_CUT_PROSE_WORDS = 40
_SENTENCE_END = re.compile(r"[a-z\d][.!?][\"”’]?\s+[A-Z]")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# Markdown table rules ("|---|:--:|") carry no text.
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
# Debris that sits inside an article's text (a share bar, an advert, a caption): the
# article goes on after it.
_INLINE_DEBRIS = frozenset({
    "advertisement", "audio or share widget", "dateline or timestamp", "share or comment counter",
    "photo caption or credit", "photo caption (describes a scene)", "timestamp or stray number",
    "CMS shortcode or markup", "navigation or site control", "line repeated on the page",
    "social media embed or call to action"})
_MAX_SKIPPED_DEBRIS = 3
# Labels of share and page-tool buttons: a line of nothing else is a widget.
_WIDGET_WORDS = frozenset({
    "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "email",
    "e-mail", "mail", "print", "share", "tweet", "copy", "link", "save", "bookmark", "flipboard",
    "messenger", "comment", "comments", "gift", "article", "listen", "threads", "bluesky",
    "mastodon", "sms"})
_READER_WORDS = frozenset({"you", "your", "yours", "we", "our", "us", "we're", "we've", "ours",
                           "you're"})

_TEASER_MAX_PARAGRAPHS = 2


def repeated_lines(documents: Iterable[RawDocument]) -> frozenset[str]:
    """Short lines that occur in more than one document: site furniture, not reporting."""
    seen: Counter[str] = Counter()
    for doc in documents:
        if doc.passthrough:
            continue
        seen.update({key for b in doc.blocks if (key := _short_key(b.text)) is not None})
    return frozenset(line for line, count in seen.items() if count > 1 and line)


@lru_cache(maxsize=65_536)
def _short_key(text: str) -> str | None:
    """A short line's normalised form (None for a longer one), once per distinct text."""
    return normalise(text) if len(words(text)) <= 20 else None


def clean(doc: RawDocument, common_lines: Container[str] = frozenset()) -> CleanDocument:
    """Split a document into article body, removed debris (with reasons) and page metadata."""
    if doc.passthrough:
        return CleanDocument(doc.source_file, doc.sha256, list(doc.blocks), [], dict(doc.meta),
                             [], list(doc.notes))
    if doc.extracted:  # an HTML reader already chose the article: keep its decision
        # (its paragraphs still hold the pointers to other stories glued into them)
        blocks, cuts = _cut_links(doc.blocks)
        judged = [_judge_extracted(b) for b in blocks]
        start, end = 0, len(judged)
        fields: dict[str, str] = {}
    else:
        blocks, cuts = _cut_links(doc.blocks)
        n_fields, fields = metadata_prefix(blocks)
        lines = [_line(b.text) for b in blocks]
        counts = Counter(line.key for line in lines[n_fields:])
        # Function words are counted in the blocks long enough to be paragraphs: they tell
        # the page's language and each paragraph's prose density.
        prose = [line for line in lines if line.n_tokens >= _PROSE_WORDS]
        english = sum(line.stops for line in prose) / max(sum(line.size for line in prose),
                                                           1) >= _ENGLISH_STOP_RATIO
        judged = [Judged(b, BAD, METADATA_FIELD, line.n_tokens, False)
                  for b, line in zip(blocks[:n_fields], lines, strict=False)]
        judged += [_judge(b, line, counts, common_lines, english)
                   for b, line in zip(blocks[n_fields:], lines[n_fields:], strict=True)]
        judge_lists_and_tables(judged)
        start, end = _body_span(judged)
        end = _closing_paragraphs(judged, end)
    meta: dict[str, str] = {}
    inferred: list[str] = []
    reasons: dict[int, str] = {}
    take_header_metadata(judged[:start], {**fields, **doc.meta}, meta, inferred, reasons)
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
            continue
        removed += [Removal(item.block.lines, _CUT_REASON, shorten(cut, 100))
                    for cut in cuts.get(i, ())]
        if item.headline_shape and not item.block.bullet and not item.table_row:
            body.append(Block(item.block.text, item.block.lines, heading=True))
        else:
            body.append(item.block)
    kept = {n for block in body for n in block.lines}
    return CleanDocument(doc.source_file, doc.sha256, body, _merge(removed, kept), meta,
                         inferred, list(doc.notes))


def share_lines(docs: Sequence[RawDocument],
                pmap: Callable[[Callable[[str], _Line], list[str]], list[_Line]]) -> None:
    """Work out the signals of the lines more than one of `docs` has, spread over
    processes by `pmap`, and keep them in this process for cleaning `docs` here and in
    the processes it forks next (`forget_lines` drops them). What `clean` makes is the
    same: a line's signals depend on its text alone."""
    seen: Counter[str] = Counter()
    for doc in docs:
        if not doc.passthrough and not doc.extracted:
            seen.update({block.text for block in doc.blocks})
    shared = [text for text, count in seen.items() if count > 1 and text not in _SHARED]
    _SHARED.update(zip(shared, pmap(_line_signals, shared), strict=True))


def forget_lines() -> None:
    """Drop the per-text caches of this process once every seed is cleaned: the build
    holds on through analysis, and the processes it forks would inherit them."""
    _own_line.cache_clear()
    _SHARED.clear()
    _cut_inline.cache_clear()
    _short_key.cache_clear()
    parse_datetime.cache_clear()


_CUT_REASON = "link to another article inside a paragraph (cut out)"


def _cut_links(blocks: list[Block]) -> tuple[list[Block], dict[int, list[str]]]:
    """Blocks with pointers to other stories cut out of paragraphs, and the cuts by block."""
    out: list[Block] = []
    cuts: dict[int, list[str]] = {}
    for i, block in enumerate(blocks):
        if block.debris or block.markdown:
            out.append(block)
            continue
        text, found = _cut_inline(block.text)
        if found:
            cuts[i] = list(found)
            block = replace(block, text=text)
        out.append(block)
    return out, cuts


@lru_cache(maxsize=65_536)
def _cut_inline(text: str) -> tuple[str, tuple[str, ...]]:
    """`cut_inline_links`, once per distinct paragraph text in a process."""
    text, found = cut_inline_links(text)
    return text, tuple(found)


def _size(tokens: list[str]) -> int:
    """Length in words; a run of an unspaced script (Japanese, Chinese, Thai) counts
    one word per two characters, about the length of a word in those languages."""
    if not _UNSPACED.search(" ".join(tokens)):
        return len(tokens)
    return sum(max(1, len(t) // 2) if _UNSPACED.search(t) else 1 for t in tokens)


def _prose_shape(tokens: list[str]) -> bool:
    """Running text in any language: most words after the first are not capitalised
    (scripts without case count as running text)."""
    # Counted over first letters with C-level maps: this runs for every distinct line.
    firsts = [t[0] for t in tokens[1:]]  # tokens are never empty
    lower = sum(map(str.islower, firsts))
    cased = lower + sum(map(str.isupper, firsts))  # no single character is both
    if not cased:
        return True
    return lower / cased >= 0.5


@dataclass(frozen=True, slots=True)
class _Line:
    """What the cleaner reads from a block's text alone (the page and corpus aside)."""

    key: str  # normalised: equal keys are the same line
    n_tokens: int
    size: int  # length in words (`_size`)
    stops: int  # function words, counted in prose-length blocks only
    terminal: bool
    headline_shape: bool
    prose_shape: bool
    early: str | None  # a reason the text alone gives, checked before repetition
    late: str | None  # the next reason the text alone gives, checked before list items
    dated: bool  # ends like another article's headline with its date
    after: str | None  # a reason the text alone gives after the list-item check


# Pages of one site repeat their furniture and wire copy repeats paragraphs: a line's
# own signals are worked out once per distinct text in a process, not once per page.
# The lines several seeds share are worked out before the seeds are spread over worker
# processes (`share_lines`), which inherit them: otherwise each process works out again
# most of what the others do (at 3,000 seeds each half of the seeds held 7,000 of the
# 8,150 distinct lines).
_SHARED: dict[str, _Line] = {}


def _line(text: str) -> _Line:
    shared = _SHARED.get(text)
    return shared if shared is not None else _own_line(text)


@lru_cache(maxsize=65_536)
def _own_line(text: str) -> _Line:
    return _line_signals(text)


def _line_signals(text: str) -> _Line:
    tokens = words(text)
    n = _size(tokens)
    # Reference markers after a sentence ("... the EPA says.[5]") do not end it.
    bare = _CITATIONS.sub("", text)
    terminal = bool(_TERMINAL.search(bare)) and not bare.endswith("...")
    headline_shape = (not terminal or (text.endswith("?") and n <= 20)) and 1 <= n <= 30
    key = normalise(text)
    dated = bool(DATED_ITEM.search(text))
    return _Line(
        key=key, n_tokens=len(tokens), size=n,
        stops=sum(map(is_stopword, tokens)) if len(tokens) >= _PROSE_WORDS else 0,
        terminal=terminal, headline_shape=headline_shape, prose_shape=_prose_shape(tokens),
        early=_own(_early_reason(text, key)),
        late=_own(_late_reason(text, tokens, n, headline_shape)),
        dated=dated, after=_own(_after_reason(text, n, headline_shape, dated)))


def _own(reason: str | None) -> str | None:
    """A line's own copy of a reason: a pickled result then shares a reason between
    two of its blocks only when they are the same line, whichever process worked the
    line out (a reason a worker sent back is a copy of the code's, which would make
    the pickled result differ by worker count, though equal)."""
    return None if reason is None else reason.encode().decode()


def _early_reason(text: str, key: str) -> str | None:
    if not key or _SHORTCODE.match(text):
        return "CMS shortcode or markup"
    if _TABLE_RULE.match(text):
        return TABLE_RULE
    if _TIMESTAMP.match(text):
        return "timestamp or stray number"
    if _CREDIT.search(text):
        return "photo caption or credit"
    return None


def _late_reason(text: str, tokens: list[str], n: int, headline_shape: bool) -> str | None:
    if is_link_line(text):
        return "link to another article"
    if n <= 25 and is_plain_byline(text):
        return "byline"
    if n <= 25 and any(map(str.isdigit, text)) and is_dateline(text):
        return "dateline or timestamp"
    if all(t.lower() in _WIDGET_WORDS for t in tokens):
        return "audio or share widget"
    reason = _furniture_reason(text, n)
    if reason:
        return reason
    if headline_shape and text.rstrip().endswith(":") and n <= 6:
        return LIST_HEADING
    return None


def _after_reason(text: str, n: int, headline_shape: bool, dated: bool) -> str | None:
    if dated:
        return "headline of another article with its date"
    if n <= 25 and _reader_address(text) >= 0.1:
        return "appeal to the reader"
    if headline_shape and caption_signals(text) >= 2:
        return "photo caption (describes a scene)"
    return None


def _judge(block: Block, line: _Line, counts: Counter[str], common: Container[str],
           english: bool = True) -> Judged:
    n = line.size

    def bad(reason: str) -> Judged:
        return Judged(block, BAD, reason, n, line.headline_shape)

    if block.debris:
        return bad(block.debris)
    if line.early:
        return bad(line.early)
    if counts[line.key] > 1 and n < 25:
        return bad("line repeated on the page")
    if line.key in common:
        return bad("line repeated across sources (site furniture)")
    if line.late:
        return bad(line.late)
    if block.bullet and (not line.terminal or line.dated):
        return bad(HEADLINE_LIST)
    if line.after:
        return bad(line.after)
    if line.headline_shape:
        return Judged(block, SHORT, None, n, True)
    stop_ratio = line.stops / max(n, 1)
    # Function words are one signal of prose; on a page in another language the
    # shape of the text (sentence end, length, running lower-case words) decides.
    # A long run of prose cut off mid-sentence (a truncated page or teaser) is still text.
    cut_prose = not line.terminal and n >= _CUT_PROSE_WORDS and \
        len(_SENTENCE_END.findall(block.text)) >= 2
    if (line.terminal or cut_prose) and n >= _PROSE_WORDS and (
            stop_ratio >= 0.15 or (not english and line.prose_shape)):
        return Judged(block, GOOD, None, n, False)
    if line.terminal and n >= 4:
        return Judged(block, NEAR, None, n, False)
    return Judged(block, SHORT, None, n, False)


def _closing_paragraphs(judged: list[Judged], end: int) -> int:
    """Extend the body over paragraphs that follow a share bar, an advert or a caption.

    Position alone does not make a paragraph a footer: a sentence-shaped paragraph
    after a few blocks of in-article debris still belongs to the article, until a
    heading, a list or a block of another kind starts the page footer.
    """
    last, skipped = end, 0
    for j in range(end, len(judged)):
        item = judged[j]
        if item.label == BAD and item.reason in _INLINE_DEBRIS:
            skipped += 1
            if skipped > _MAX_SKIPPED_DEBRIS:
                break
        elif item.label in (GOOD, NEAR) and not item.block.bullet and not item.table_row:
            last = j + 1
        else:
            break
    return last


def _reader_address(text: str) -> float:
    """Share of words outside quotes that speak to the reader ("you", "our", "us")."""
    tokens = [t.lower().replace("’", "'") for t in words(_QUOTED.sub(" ", text))]
    return sum(1 for t in tokens if t in _READER_WORDS) / max(len(tokens), 1)


def _judge_extracted(block: Block) -> Judged:
    """A block an HTML reader chose: article text, unless it is a note that the page will
    be updated (an extractor keeps it as a paragraph). Other furniture words are left to
    the reader: on real pages they are as often the article's (a quoted post, a sign-up
    the story is about)."""
    reason = block.debris
    if not reason and _furniture_reason(block.text, _line(block.text).size) == _UPDATE_NOTE:
        reason = _UPDATE_NOTE
    return Judged(block, BAD if reason else GOOD, reason, len(words(block.text)), False)


def _furniture_reason(text: str, n: int) -> str | None:
    unquoted = _QUOTED.sub(" ", text)
    hits = [reason for pattern, reason in _FURNITURE if pattern.search(unquoted)]
    # A news paragraph may mention a newsletter or Facebook in passing; debris is
    # short, or talks to the reader about it.
    if hits and (n <= 25 or len(hits) > 1 or _reader_address(text) >= 0.04):
        return hits[0]
    return None


def _weight(item: Judged) -> float:
    if item.label == GOOD:
        return item.n_words
    if item.label == NEAR:
        return item.n_words / 2
    if item.label == SHORT:
        return -3
    if item.label == ITEM:
        return item.n_words / 4
    return -(5 + item.n_words / 2)


def _body_span(judged: list[Judged]) -> tuple[int, int]:
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


def _mark_headlines_and_teasers(judged: list[Judged], start: int, end: int,
                                reasons: dict[int, str]) -> None:
    _mark_teaser_runs(judged, start, end, reasons)
    subheads = _subheads(judged, start, end, reasons)
    for i in range(start, end):
        item = judged[i]
        if i in subheads or item.block.heading or not (
                item.headline_shape and item.n_words >= HEADLINE_MIN_WORDS):
            continue  # the markup's own headings (h2-h6) are the article's subheads
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


def _mark_teaser_runs(judged: list[Judged], start: int, end: int,
                      reasons: dict[int, str]) -> None:
    """After a "More stories" label, headlines each with a standfirst are teasers.

    A pointer label followed by a paragraph ("Read more" left inside the text) is not a
    teaser run; one followed by several headlines that run to the end of the article
    starts a box of other stories (a single one is judged as a teaser below).
    """
    for i in range(start, end):
        if judged[i].reason not in _POINTER_REASONS or judged[i].n_words > 5:
            continue
        run: dict[int, str] = {}
        j = i + 1
        while j < end and judged[j].label == SHORT and judged[j].headline_shape:
            run[j] = "teaser for another article (headline)"
            j += 1
            standfirsts = 0
            while j < end and judged[j].label in (GOOD, NEAR) and \
                    standfirsts < _TEASER_MAX_PARAGRAPHS:
                run[j] = "teaser for another article (standfirst)"
                j += 1
                standfirsts += 1
        # Only a box that closes the article: a subhead after a stray "Read more"
        # opens more of the article.
        headlines = sum(1 for reason in run.values() if reason.endswith("(headline)"))
        if headlines >= 2 and all(k in reasons or judged[k].label == BAD for k in range(j, end)):
            reasons.update(run)


def _subheads(judged: list[Judged], start: int, end: int, reasons: dict[int, str]) -> set[int]:
    """Headline-shaped lines that divide the article into sections.

    One long headline-shaped line inside the text is usually a link to another story;
    when several such lines each open a run of paragraphs, they are the article's
    own subheads, long or short, statements or questions.
    """
    kept = [i for i in range(start, end) if i not in reasons]
    found = {i for i, nxt in itertools.pairwise(kept)
             if judged[i].label == SHORT and judged[i].headline_shape
             and not judged[i].block.bullet and judged[nxt].label in (GOOD, NEAR)
             and not judged[nxt].block.bullet and not judged[nxt].table_row
             and (judged[i].n_words < HEADLINE_MIN_WORDS
                  or _shares_words(judged[i].block.text, judged[nxt].block.text))}
    return found if len(found) >= 2 else set()


# Debris that is another article's headline, and may come with its standfirst.
_HEADLINE_REASONS = frozenset({"list of other articles",
                               "headline of another article with its date"})
# Labels that point to other stories ("More stories", "Read more").
_POINTER_REASONS = frozenset({"list of other articles", "link to another article"})
_LINK_LABEL = re.compile(r"^(?:read|see|watch|listen)(?: (?:more|also|next|this))?\s*:|"
                         r"^(?:related|more on this(?: story)?)\s*:", re.I)


def _shares_words(heading: str, paragraph: str) -> bool:
    """A long subhead names what its section is about; a link to another story need not."""
    return bool(set(content_stems(heading)) & set(content_stems(paragraph)))


def _on_topic(text: str, body: list[str]) -> float:
    """Share of a paragraph's content words that the rest of the body also uses."""
    own = set(content_stems(text))
    rest = {s for paragraph in body for s in content_stems(paragraph)}
    return len(own & rest) / max(len(own), 1)


def _smooth(judged: list[Judged], start: int, end: int, reasons: dict[int, str]) -> None:
    # jusText context: a short or borderline block between two removed ones goes too,
    # unless it is a sentence next to debris that interrupts articles (a share bar,
    # an advert): an article's short closing line sits just there.
    for i in range(start, end):
        if i in reasons or judged[i].label == GOOD:
            continue
        if (i - 1) in reasons and (i + 1) in reasons and not (
                judged[i].label == NEAR and judged[i - 1].reason in _INLINE_DEBRIS):
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
