"""Build the sample site end to end and check what a reader and a script would see."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.build import build
from site_builder.errors import SiteError
from site_builder.linkcheck import broken_links

REF_KEYS = {"article", "paragraph"}


def _tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_pages_exist_and_every_link_and_anchor_resolves(built_sample: Path):
    out = built_sample / "output"
    digest = json.loads((out / "digest.json").read_text())
    assert (out / "index.html").is_file() and (out / "facts" / "index.html").is_file()
    for article in digest["articles"]:
        assert (out / article["url"] / "index.html").is_file()
    for topic in digest["topics"]:
        assert (out / topic["url"] / "index.html").is_file()
    assert len(digest["articles"]) == 5
    assert len(list((out / "topics").glob("*/index.html"))) == len(digest["topics"]) > 10
    assert broken_links(out) == []


def test_digest_follows_the_schema(built_sample: Path):
    digest = json.loads((built_sample / "output" / "digest.json").read_text())
    assert digest["schema"] == "sitebuild.digest/1"
    paragraphs = {(a["slug"], p["id"]) for a in digest["articles"] for p in a["paragraphs"]}
    for a in digest["articles"]:
        assert {"slug", "url", "title", "outlet", "author", "published", "source_file",
                "paragraphs", "removed"} <= a.keys()
        for p in a["paragraphs"]:
            assert {"id", "text", "source_lines"} <= p.keys()
            assert all(isinstance(n, int) for n in p["source_lines"]) and p["source_lines"]
        for r in a["removed"]:
            assert r["reason"] and r["source_lines"]

    def refs(items):
        for ref in items:
            assert ref.keys() >= REF_KEYS
            assert (ref["article"], ref["paragraph"]) in paragraphs  # provenance resolves
    for t in digest["topics"]:
        assert {"slug", "url", "name", "kind", "aliases", "mentions"} <= t.keys()
        refs(t["mentions"])
    for f in digest["facts"]:
        assert {"id", "statement", "values", "support", "sources"} <= f.keys()
        assert f["sources"] == len({s["article"] for s in f["support"]})
        refs(f["support"])
    for d in digest["disagreements"]:
        assert len(d["claims"]) >= 2
        for c in d["claims"]:
            refs(c["support"])
    for c in digest["crossrefs"]:
        assert c["kind"] in ("duplicate", "related") and isinstance(c["score"], float)
        refs([c["from"], c["to"]])
    for e in digest["timeline"]:
        refs(e["support"])
    counts = [f["sources"] for f in digest["facts"]]
    assert counts == sorted(counts, reverse=True)


def test_article_pages_anchor_every_paragraph(built_sample: Path):
    digest = json.loads((built_sample / "output" / "digest.json").read_text())
    for a in digest["articles"]:
        html = (built_sample / "output" / a["url"] / "index.html").read_text()
        for p in a["paragraphs"]:
            assert f'id="{p["id"]}"' in html


def test_build_is_deterministic(sample_site: Path, tmp_path: Path):
    build(sample_site, tmp_path / "one", quiet=True)
    build(sample_site, tmp_path / "two", quiet=True)
    assert _tree_hash(tmp_path / "one") == _tree_hash(tmp_path / "two")


def test_failed_build_keeps_previous_output(sample_site: Path):
    build(sample_site, quiet=True)
    before = _tree_hash(sample_site / "output")
    (sample_site / "sitebuild.yml").write_text("title: [broken\n")
    with pytest.raises(SiteError):
        build(sample_site, quiet=True)
    assert _tree_hash(sample_site / "output") == before


def test_strict_fails_on_a_warning_and_leaves_output_alone(sample_site: Path):
    build(sample_site, quiet=True)
    before = _tree_hash(sample_site / "output")
    (sample_site / "seeds" / "empty.txt").write_text("   \n")
    with pytest.raises(SiteError, match="--strict"):
        build(sample_site, quiet=True, strict=True)
    assert _tree_hash(sample_site / "output") == before
    result = build(sample_site, quiet=True)  # without --strict: warned and built
    assert any("empty.txt" in w for w in result.warnings)


def test_refuses_to_replace_a_folder_it_did_not_build(sample_site: Path, tmp_path: Path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine")
    with pytest.raises(SiteError, match="not a sitebuild output"):
        build(sample_site, precious, quiet=True)
    assert (precious / "notes.txt").read_text() == "mine"


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "site_builder", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_cli_build_strict_and_one_line_errors(sample_site: Path):
    ok = _cli("build", "--strict", "--quiet", cwd=sample_site)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("built ")
    (sample_site / "sitebuild.yml").write_text("title: ok\nsources: [1, 2\n")
    bad = _cli("build", cwd=sample_site)
    assert bad.returncode == 1
    [line] = bad.stderr.strip().splitlines()
    assert line.startswith("error: sitebuild.yml:2:") and "Traceback" not in bad.stderr


def test_cli_help_documents_every_option(sample_site: Path):
    help_text = _cli("build", "--help", cwd=sample_site).stdout
    for option in ("--site", "--out", "--strict", "--force", "--quiet"):
        assert option in help_text
    assert "--port" in _cli("serve", "--help", cwd=sample_site).stdout


def test_unchanged_site_is_not_rebuilt_and_any_change_is_seen(sample_site: Path):
    first = build(sample_site, quiet=True)
    assert first.digest is not None
    before = _tree_hash(sample_site / "output")
    again = build(sample_site, quiet=True)
    assert again.digest is None and again.counts == first.counts
    assert again.summary().startswith("up to date")
    assert _tree_hash(sample_site / "output") == before
    seed = sample_site / "seeds" / "004_3afadba021f4185c.txt"
    seed.write_text("The ministry confirmed the plan on Friday, officials said.\n" +
                    seed.read_text())
    assert build(sample_site, quiet=True).digest is not None  # an edited seed
    assert build(sample_site, quiet=True).digest is None
    (sample_site / "output" / "digest.json").write_text("{}")
    assert build(sample_site, quiet=True).digest is not None  # a damaged output
    assert build(sample_site, quiet=True, force=True).digest is not None  # --force


def test_parallel_build_equals_single_process_build_across_hash_seeds(tmp_path: Path):
    import os

    from benchmarks.corpus import generate

    generate(tmp_path / "site", 120, seed=3)  # enough articles for the process pool
    outputs = []
    for workers, hash_seed in (("1", "1"), ("2", "2")):
        out = tmp_path / f"out-{workers}"
        shutil.rmtree(tmp_path / "site" / ".sitebuild", ignore_errors=True)  # no memos: cold
        env = {**os.environ, "SITEBUILD_WORKERS": workers, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site",
                               str(tmp_path / "site"), "--out", str(out), "--quiet", "--force"],
                              capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(_tree_hash(out))
    assert outputs[0] == outputs[1]


def test_a_cluster_builds_byte_identically_under_different_hash_seeds(tmp_path: Path):
    """Sets iterate in a hash-seeded order: nothing may reach the output through one."""
    import os

    cluster = Path(__file__).resolve().parent / "clusters" / "hurricane-otis" / "seeds"
    outputs = []
    for hash_seed in ("1", "2", "3"):
        site = tmp_path / f"site-{hash_seed}"
        shutil.copytree(cluster, site / "seeds")
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "SITEBUILD_WORKERS": "1"}
        done = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site",
                               str(site), "--quiet"], capture_output=True, text=True,
                              timeout=300, env=env)
        assert done.returncode == 0, done.stderr
        outputs.append(_tree_hash(site / "output"))
    assert outputs[0] == outputs[1] == outputs[2]
