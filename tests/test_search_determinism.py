"""The search index is the same whatever order the file system lists the pages in."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

import pytest

from site_builder.search import build_search_index

# tmpfs lists a folder newest first: creating the same files in two orders gives two
# listing orders (ext4 lists by a name hash, the same for the same names).
TMPFS = Path("/dev/shm")


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not TMPFS.is_dir(), reason="needs a tmpfs at /dev/shm to vary listing order")
def test_search_bundle_does_not_depend_on_listing_order(built_sample: Path):
    output = built_sample / "output"
    pages = sorted(p for p in output.rglob("*.html") if not p.name.startswith("pagefind"))
    with tempfile.TemporaryDirectory(dir=TMPFS) as scratch:
        bundles = []
        for name, order in (("forward", pages), ("backward", pages[::-1])):
            site = Path(scratch) / name
            for page in order:
                target = site / page.relative_to(output)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, target)
            assert build_search_index(site) is None
            bundles.append(_tree(site / "pagefind"))
        assert bundles[0] == bundles[1]
