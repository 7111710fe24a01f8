"""The place tables are stored once in the user's cache folder and read back the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.analyze import gazetteer as places


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places.gazetteer.cache_clear()
    yield tmp_path
    places.gazetteer.cache_clear()  # later tests load the tables as they find them


def _same(a: places.Gazetteer, b: places.Gazetteer) -> bool:
    """Equal, and the dictionaries in the same order (rules read the first match)."""
    return a == b and list(a.country_of.items()) == list(b.country_of.items()) and \
        list(a.demonym_of.items()) == list(b.demonym_of.items())


def test_the_stored_tables_are_the_packages_tables(cache_home: Path) -> None:
    made = places.gazetteer()
    [stored] = (cache_home / "sitebuild").glob("gazetteer-*.json")
    places.gazetteer.cache_clear()
    read = places.gazetteer()
    assert _same(made, places._from_packages())
    assert _same(read, made)
    assert stored.read_bytes()  # read from the file, which the second call left as it was


def test_a_damaged_stored_copy_is_made_again(cache_home: Path) -> None:
    places.gazetteer()
    [stored] = (cache_home / "sitebuild").glob("gazetteer-*.json")
    stored.write_text('{"countries": [')
    places.gazetteer.cache_clear()
    assert _same(places.gazetteer(), places._from_packages())
    assert stored.read_bytes().startswith(b"{")
    places.gazetteer.cache_clear()
    assert _same(places.gazetteer(), places._from_packages())


def test_without_a_home_folder_nothing_is_stored(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "relative-home")
    monkeypatch.chdir(tmp_path)
    places.gazetteer.cache_clear()
    try:
        assert places._stored_path() is None
        assert _same(places.gazetteer(), places._from_packages())
        assert list(tmp_path.iterdir()) == []
    finally:
        places.gazetteer.cache_clear()
