import codecs

import pytest

from site_builder.ingest.decode import BinaryFileError, decode


def test_plain_utf8_passes_unchanged():
    assert decode("Kyiv – “quoted”\n".encode()) == ("Kyiv – “quoted”\n", [])


def test_utf8_bom_is_removed_and_reported():
    text, notes = decode(codecs.BOM_UTF8 + b"hello")
    assert text == "hello"
    assert any("UTF-8" in n for n in notes)


def test_utf16_with_bom_is_decoded():
    text, notes = decode("Zürich\r\nline two".encode("utf-16"))
    assert text == "Zürich\nline two"
    assert any("UTF-16" in n for n in notes)


def test_invalid_utf8_is_repaired_and_counted():
    text, notes = decode("café ".encode() + "naïve".encode("cp1252"))
    assert text == "café naïve"
    assert notes == ["1 byte(s) of invalid UTF-8 decoded as Windows-1252 or replaced"]


def test_crlf_and_lone_cr_become_newlines():
    text, notes = decode(b"one\r\ntwo\rthree")
    assert text.split("\n") == ["one", "two", "three"]
    assert any("carriage return" in n for n in notes)


def test_binary_is_refused():
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
