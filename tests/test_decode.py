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


def test_a_charset_named_by_the_http_header_is_read_as_served():
    from site_builder.ingest.decode import as_served

    page = "<p>Мост закрыт после паводка</p>".encode("cp1251")
    saved = as_served(page, "text/html; charset=windows-1251")
    assert saved.decode("utf-8") == "<p>Мост закрыт после паводка</p>"
    assert as_served(page, 'text/html;Charset="WINDOWS-1251"') == saved
    # ISO-8859-1 is read as browsers read it: Windows-1252, whose 0x93/0x94 are quotes.
    latin = b"\x93Caf\xe9\x94"
    assert as_served(latin, "text/html; charset=iso-8859-1").decode() == "“Café”"


def test_a_header_charset_is_not_trusted_over_valid_utf8_a_bom_or_an_unknown_name():
    from site_builder.ingest.decode import as_served

    utf8 = "Zürich".encode()
    assert as_served(utf8, "text/html; charset=iso-8859-1") == utf8
    bom = codecs.BOM_UTF8 + "Zürich".encode()
    assert as_served(bom, "text/html; charset=windows-1251") == bom
    legacy = "Zürich".encode("cp1252")
    assert as_served(legacy, "text/html; charset=no-such-code") == legacy
    assert as_served(legacy, "text/html") == legacy
