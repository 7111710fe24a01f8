"""Language helpers shared by cleaning and analysis: words, stop words, stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice

from snowballstemmer.english_stemmer import EnglishStemmer

# Function words of English news prose (jusText-style stop list, trimmed).
STOPWORDS = frozenset("""
a about above after again against all also although am an and any are aren't as at be because
been before being below between both but by can cannot could couldn't did didn't do does doesn't
doing don't down during each either else ever every few for from further had hadn't has hasn't
have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
i'd i'll i'm i've if in into is isn't it it's its itself just let's like may me might more most
much must mustn't my myself neither no nor not now of off on once one only or other ought our
ours ourselves out over own per same shall shan't she she'd she'll she's should shouldn't since
so some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those though through to too under until up upon us very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which
while who who's whom whose why why's will with within without won't would wouldn't yet you you'd
you'll you're you've your yours yourself yourselves said says say according also still already
""".split())

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’.-]\w+)*", re.UNICODE)
# The pure-Python algorithm itself: snowballstemmer.stemmer() switches to PyStemmer when
# that is installed, whose Snowball version may stem a word differently (output must not
# depend on the machine).
_stemmer = EnglishStemmer()


def words(text: str) -> list[str]:
    """Word tokens, keeping dotted acronyms (U.S.) and hyphenated words whole."""
    return _WORD.findall(text)


def has_words(text: str, count: int) -> bool:
    """Whether `text` has at least `count` word tokens (read no further than that)."""
    return next(islice(_WORD.finditer(text), count - 1, None), None) is not None


def word_spans(text: str) -> list[re.Match[str]]:
    """Word tokens with their positions in `text`."""
    return list(_WORD.finditer(text))


@lru_cache(maxsize=200_000)
def is_stopword(word: str) -> bool:
    """A function word (cached: called for every word of every paragraph)."""
    return word.lower().replace("’", "'") in STOPWORDS


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word (cached: the same words recur constantly)."""
    return _stemmer.stemWord(word.lower().replace("’", "'"))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (no stop words, no bare numbers)."""
    return [s for s in map(_content_stem, words(text)) if s is not None]


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str | None:
    """A word's stem, or None for a stop word or a bare number (cached per word)."""
    if is_stopword(word) or word.replace(",", "").replace(".", "").isdigit():
        return None
    return stem(word)


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a text, for comparing lines."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(words(text))


# Invisible characters that change how the text around them is shown: bidi embeddings,
# overrides and isolates (an unterminated override reverses everything after it on the
# page), zero-width spaces and joiners, directional marks.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")


def visible_text(text: str) -> str:
    """A one-line label (title, author, outlet) without the invisible characters that can
    spoof what is shown around it; control characters and runs of spaces become one space."""
    return " ".join(_CONTROL.sub(" ", _INVISIBLE.sub("", text)).split())


# Abbreviations that are always followed by more of the same sentence ("Dec. 22", "Mr. Kim").
_BOUND_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen sen rep gov lt col capt sgt st jan feb mar apr jun jul aug sep sept oct
nov dec no nos fig approx mt adm cmdr cdr maj brig supt det insp atty amb rev fr hon pres
""".split())
# Abbreviations that may also end a sentence ("Apple Inc. The company ...").
_OPEN_ABBREVIATIONS = frozenset("jr sr inc corp ltd co vs etc dept est".split())
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not breaking after abbreviations or initials."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0).startswith(".") and not _ends_sentence(
            text[start : match.start()], text[match.end() :]
        ):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _ends_sentence(before: str, after: str) -> bool:
    token = (before.split() or [""])[-1].lower().rstrip(".")
    following = after.split(" ", 1)[0].strip("\"“‘(")
    if token in _BOUND_ABBREVIATIONS:
        return False
    if token in _OPEN_ABBREVIATIONS or len(token) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        # "U.S." or an initial: only a capitalised function word starts a new sentence.
        return is_stopword(following)
    return True
