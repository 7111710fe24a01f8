"""Bytes to text without ever crashing: BOMs, UTF-16, invalid UTF-8, CR/CRLF."""

from __future__ import annotations

import codecs
import re

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
            text = data.decode("utf-8", errors="sitebuild-cp1252")
            invalid = _count_invalid_utf8(data)
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
