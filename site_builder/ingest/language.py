"""Which language an article is written in, roughly: by script, then by common words.

Dependency-free and deterministic. A script that one language owns (kana, hangul,
Thai) names it; a script shared by several names its most-used language; Latin
script is told apart by the share of each language's commonest function words.
Good enough to say "this article is not English"; not a general identifier.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Script (first word of the Unicode character name) -> language when the text uses it.
_SCRIPTS = {
    "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CJK": "zh", "CYRILLIC": "ru",
    "ARABIC": "ar", "HEBREW": "he", "GREEK": "el", "DEVANAGARI": "hi", "THAI": "th",
    "BENGALI": "bn", "TAMIL": "ta", "GEORGIAN": "ka", "ARMENIAN": "hy",
}
# The commonest function words of languages written in Latin script.
_COMMON_WORDS = {
    "en": "the of and to in is that for it was on with as by he said at from his are",
    "es": "de la que el en los del se las por un para con una su al es lo como",
    "pt": "de que do da em os no para com uma se na por as dos mais ao das foi",
    "fr": "de la le et les des en du un une que est pour dans qui par sur au pas",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein",
    "it": "di che il la e per un del della in una sono con non le si da dei al",
    "nl": "de van het een en in is dat op te zijn met voor niet aan er ook als",
    "pl": "w i na z się do nie to że jest o jak po przez od za co tym ale",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama en kadar",
    "sv": "och i att det som på är av för med den till en har inte om ett",
}
_WORD_SETS = {lang: frozenset(words.split()) for lang, words in _COMMON_WORDS.items()}
# Function word -> the languages it is common in ("de", "en", "in" are in several).
_LANGUAGES_OF = {word: tuple(lang for lang, common in _WORD_SETS.items() if word in common)
                 for word in sorted(set().union(*_WORD_SETS.values()))}
NAMES = {
    "en": "English", "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "ru": "Cyrillic script",
    "ar": "Arabic script", "he": "Hebrew", "el": "Greek", "hi": "Devanagari script",
    "th": "Thai", "bn": "Bengali", "ta": "Tamil", "ka": "Georgian", "hy": "Armenian",
    "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "id": "Indonesian", "tr": "Turkish", "sv": "Swedish",
}
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 5000  # characters looked at: enough to tell, cheap on long articles
_MIN_LETTERS = 20
_MIN_SHARE = 0.1  # of words that must be the language's function words


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code for the text's language, or None when it cannot tell."""
    sample = text[:_SAMPLE]
    scripts: Counter[str] = Counter()
    # Each distinct letter is named once (a text uses a few dozen, thousands of times).
    for char, count in Counter(sample).items():
        if char.isalpha():
            scripts[_script(char)] += count
    letters = sum(scripts.values())
    if letters < _MIN_LETTERS:
        return None
    kana = scripts["HIRAGANA"] + scripts["KATAKANA"]
    if kana >= 0.05 * letters:  # Japanese mixes kana into its kanji
        return "ja"
    script, count = max(scripts.items(), key=lambda item: (item[1], item[0]))
    if script != "LATIN" and count >= 0.5 * letters:
        return _SCRIPTS.get(script)
    counts = Counter(map(str.lower, _WORD.findall(sample)))
    total = sum(counts.values())
    if not total:
        return None
    # Only the function words the text holds are visited (a set intersection, in C).
    hits = dict.fromkeys(_WORD_SETS, 0)
    for word in counts.keys() & _LANGUAGES_OF.keys():
        count = counts[word]
        for lang in _LANGUAGES_OF[word]:
            hits[lang] += count
    shares = {lang: hits[lang] / total for lang in _WORD_SETS}
    best = max(sorted(shares), key=lambda lang: shares[lang])
    return best if shares[best] >= _MIN_SHARE else None


def _script(letter: str) -> str:
    """The script of a letter: the first word of its Unicode name ("LATIN", "CYRILLIC")."""
    if letter.isascii():
        return "LATIN"
    return unicodedata.name(letter, "?").split(" ", 1)[0]


def language_name(code: str | None) -> str:
    """A readable name for a code from `detect_language`."""
    return NAMES.get(code or "", "unknown language")


def not_english(bodies: dict[str, str]) -> list[str]:
    """`name (language)` for each text (by name) whose language is known and not English."""
    found = []
    for name, text in bodies.items():
        code = detect_language(text)
        if code is not None and code != "en":
            found.append(f"{name} ({language_name(code)})")
    return found
