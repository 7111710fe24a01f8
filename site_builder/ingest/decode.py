"""Bytes to text without ever crashing: BOMs, UTF-16, legacy encodings, invalid UTF-8,
CR/CRLF."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class BinaryFileError(ValueError):
    """The bytes are not text in any encoding we should guess at."""


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # Mixed files are usually UTF-8 with stray Windows-1252 bytes: recover
    # those as cp1252 where it has a character for them, else U+FFFD.
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("sitebuild-cp1252", _cp1252_fallback)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode seed bytes to text with "\\n" line ends; return the text and notes on repairs."""
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            notes.append(f"decoded as {encoding.upper()} (byte-order mark)")
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data[:8192]:
            raise BinaryFileError("binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            invalid = _count_invalid_utf8(data)
            legacy = _legacy_text(data, invalid)
            if legacy is not None:
                text, note = legacy
                notes.append(note)
            else:
                text = data.decode("utf-8", errors="sitebuild-cp1252")
                notes.append(
                    f"{invalid} byte(s) of invalid UTF-8 decoded as Windows-1252 or replaced"
                )
    if "\r" in text:
        lone = len(re.findall(r"\r(?!\n)", text))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if lone:
            notes.append(f"{lone} lone carriage return(s) treated as line breaks")
    if "\ufffd" in text and not any("replaced" in n for n in notes):
        notes.append("text contains replacement characters (U+FFFD)")
    return text, notes


# A page's own charset declaration, read as bytes (an ASCII-compatible encoding is assumed,
# as browsers do when sniffing the first bytes).
_DECLARED = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})",
                       re.IGNORECASE)
# What browsers read for these labels (WHATWG Encoding): the Windows superset.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252", "shift_jis": "cp932",
                "euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030"}
# The detector reads a sample this big; the whole file is then decoded with its answer.
_SAMPLE_BYTES = 1 << 20


def _legacy_text(data: bytes, invalid: int) -> tuple[str, str] | None:
    """The text of a file written wholly in one legacy encoding (Shift-JIS, GBK, EUC-KR,
    Windows-1251 …) and a note saying which; None for UTF-8 with a few stray bytes, or
    text in a Latin script, both of which the Windows-1252 fallback reads."""
    high = sum(1 for byte in data if byte >= 0x80)
    mostly_utf8 = invalid * 2 < high
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            # A UTF-8 page labelled with a one-byte code page is common; its label is
            # wrong. A multi-byte encoding that reads the whole file is not mistaken so.
            if not (mostly_utf8 and len(text) == len(data)):
                return text, f"decoded as {declared.upper()} (declared by the page)"
    if mostly_utf8:
        return None  # a mixed file: the fallback recovers its stray bytes
    best = from_bytes(data[:_SAMPLE_BYTES]).best()
    if best is None:
        return None
    encoding = codecs.lookup(best.encoding).name
    text = data.decode(encoding, errors="replace")
    if _non_latin_letters(text) <= _non_latin_letters(data.decode("cp1252", errors="replace")):
        return None  # a Latin-script guess: Windows-1252 reads it as well and predictably
    replaced = text.count("\ufffd")
    note = f"not UTF-8; decoded as {encoding.upper()} (guessed: no charset declared)"
    return text, note + (f", {replaced} character(s) replaced" if replaced > 0 else "")


# The charset parameter of an HTTP Content-Type header.
_HEADER_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)


def as_served(body: bytes, content_type: str) -> bytes:
    """A fetched page's bytes re-encoded as UTF-8 when its Content-Type header names
    another charset the bytes are in, so the saved seed reads as the server meant it (the
    header outranks the page's own `<meta charset>`, as in browsers). Bytes with a BOM or
    that are valid UTF-8 already, and unknown charsets, are kept as they are."""
    match = _HEADER_CHARSET.search(content_type)
    if match is None or any(body.startswith(bom) for bom, _ in _BOMS):
        return body
    try:
        name = codecs.lookup(match.group(1)).name
    except LookupError:
        return body
    name = _WEB_ALIASES.get(name, name)
    if name.startswith("utf-8"):
        return body
    if not name.startswith("utf"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return body  # valid UTF-8 under a one-byte label: the label is the mistake
    return body.decode(name, errors="replace").encode("utf-8")


def _declared_encoding(data: bytes) -> str | None:
    """The encoding a `<meta charset>` in the first 4 KB names, when Python knows it."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    name = _WEB_ALIASES.get(name, name)
    return None if name.startswith("utf") else name


def _non_latin_letters(text: str) -> int:
    return sum(1 for char in text if ord(char) > 0x24F and char.isalpha()
               and not unicodedata.name(char, "").startswith("LATIN"))


def _count_invalid_utf8(data: bytes) -> int:
    count = 0
    position = 0
    while position < len(data):
        try:
            data[position:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            count += error.end - error.start
            position += error.end
    return count
