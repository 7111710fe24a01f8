"""Metadata from HTML markup: trustworthy names, ISO dates, outlets, JSON-LD of any shape."""

from __future__ import annotations

import json

import pytest

from site_builder.dates import normalise_timestamp
from site_builder.ingest.html_extract import parse_html
from site_builder.ingest.html_meta import clean_name, html_meta


def _meta(head: str, body: str = "<p>Text.</p>") -> tuple[dict[str, str], list[str]]:
    root = parse_html(f"<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    assert root is not None
    return html_meta(root)


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_author_from_structured_data_comes_before_the_publisher_in_meta_tags():
    meta, _ = _meta('<meta name="author" content="Daily Example">' + _ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Dam opens",
        "author": [{"@type": "Person", "name": "Lena Holm"},
                   {"@type": "Person", "name": "Omar Said"}],
        "publisher": {"@type": "Organization", "name": "Daily Example"}}))
    assert meta["author"] == "Lena Holm, Omar Said"
    assert meta["outlet"] == "Daily Example"
    assert meta["title"] == "Dam opens"


def test_an_organisation_as_author_gives_way_to_a_named_person():
    meta, _ = _meta('<meta name="author" content="Ana Ruiz">' + _ld({
        "@type": "Article", "author": {"@type": "Organization", "name": "Example News"}}))
    assert meta["author"] == "Ana Ruiz"


@pytest.mark.parametrize(("raw", "name"), [
    ("By Jane Doe Monday", "Jane Doe"),
    ("Jane Doe | Updated 3 March 2024, 10:15 GMT", "Jane Doe"),
    ("Tuesday, March 5 Jane Doe", "Jane Doe"),
    ("https://example.org/staff/jane", None),
    ("Monday", None),
])
def test_byline_names_lose_weekdays_dates_and_urls(raw: str, name: str | None):
    assert clean_name(raw) == name


@pytest.mark.parametrize(("raw", "iso"), [
    ("2024-03-05T09:30:00Z", "2024-03-05T09:30+00:00"),
    ("2024-03-05T09:30:00-05:00", "2024-03-05T09:30-05:00"),
    ("2024-03-05", "2024-03-05"),
    ("March 5, 2024 9:30 AM", "2024-03-05T09:30"),
    ("5 March 2024", "2024-03-05"),
])
def test_dates_are_normalised_to_iso_8601(raw: str, iso: str):
    assert normalise_timestamp(raw) == (iso, None)


@pytest.mark.parametrize("raw", ["0001-01-01T00:00:00Z", "9999-12-31", "2999-01-01T00:00:00Z",
                                 "0000-00-00", "not a date", "31/31/2024"])
def test_placeholder_and_impossible_dates_are_refused_with_a_reason(raw: str):
    iso, problem = normalise_timestamp(raw)
    assert iso is None and problem


def test_a_placeholder_date_is_skipped_for_the_next_source_with_a_warning():
    meta, notes = _meta('<meta property="article:published_time" content="2024-06-01T08:00:00Z">'
                        + _ld({"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}))
    assert meta["published"] == "2024-06-01T08:00+00:00"
    assert len(notes) == 1 and "0001-01-01" in notes[0] and "ignored" in notes[0]


@pytest.mark.parametrize("data", [None, 5, "just a string", {"@graph": 5}, [[[[[[[[1]]]]]]]],
                                  {"@graph": [None, 3, "x", {"@type": ["WebPage"]}]},
                                  {"@type": 7, "author": {"name": 3}}, [], {}, True])
def test_json_ld_of_any_shape_is_read_without_failing(data: object):
    meta, _ = _meta('<meta property="og:url" content="https://www.example.org/a/b">'
                    + _ld(data))
    assert meta["outlet"] == "example.org"  # from the URL's host when nothing names it


def test_deeply_nested_or_broken_json_ld_is_ignored():
    meta, _ = _meta('<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
                    + '</script><script type="application/ld+json">{"@type": </script>'
                    + '<meta property="og:site_name" content="The Example">')
    assert meta == {"outlet": "The Example"}


def test_json_ld_article_inside_a_graph_gives_headline_date_and_publisher():
    meta, _ = _meta(_ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Site"},
        {"@type": ["NewsArticle"], "headline": "Storm hits coast",
         "datePublished": "2024-10-09T07:05:00+02:00", "author": "Mia Berg",
         "publisher": {"@type": "Organization", "name": "Coast Times"}}]}))
    assert meta == {"title": "Storm hits coast", "published": "2024-10-09T07:05+02:00",
                    "author": "Mia Berg", "outlet": "Coast Times"}
