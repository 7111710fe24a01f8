"""The render hands each page's search entry to the indexing: a build indexes its pages
without reading back those it rendered, and its record is what reading them gives."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest

from site_builder import search
from site_builder.build import build


def test_page_entry_is_what_reading_the_page_gives(tmp_path: Path) -> None:
    pages = {"a/index.html": b"<main data-pagefind-body>\xc3\xa9t\xc3\xa9</main>",
             "b.html": b"<p>no body marked</p>"}
    for name, data in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    written = {name: search.page_entry(tmp_path / name, data) for name, data in pages.items()}
    assert written == search.page_hashes(tmp_path)
    assert [entry[4] for entry in written.values()] == [True, False]


def test_a_page_changed_after_its_entry_was_made_is_read_again(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_bytes(b"<p>first</p>")
    written = {"index.html": search.page_entry(page, b"<p>first</p>")}
    page.write_bytes(b"<p>second, longer</p>")
    assert search.page_hashes(tmp_path, written) == search.page_hashes(tmp_path)
    assert search.page_hashes(tmp_path, written)["index.html"] != written["index.html"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_cold_build_indexes_its_pages_without_reading_them_back(
        sample_site: Path, monkeypatch: pytest.MonkeyPatch, workers: str) -> None:
    if search.importlib.util.find_spec("pagefind") is None:
        pytest.skip("the pagefind package is not installed")
    monkeypatch.setenv("SITEBUILD_WORKERS", workers)
    read: list[str] = []

    def counting_open(file: object, *args: object, **kwargs: object) -> object:
        read.append(os.fspath(file))  # type: ignore[arg-type]
        return builtins.open(file, *args, **kwargs)  # type: ignore[call-overload]

    # Module globals come before builtins: only the search module's opens are counted.
    monkeypatch.setattr(search, "open", counting_open, raising=False)
    build(sample_site, quiet=True)
    monkeypatch.delattr(search, "open")
    out = sample_site / "output"
    record = json.loads((sample_site / ".sitebuild" / search.RECORD_FILE)
                        .read_text(encoding="utf-8"))
    assert record["pages"] == search.page_hashes(out)
    assert len(record["pages"]) > 10
    rendered = [path for path in read if path.endswith(".html")]
    assert all("/static/" in path for path in rendered), rendered
    assert search.bundles(out)
