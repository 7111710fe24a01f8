"""Incremental builds: after random edits, a rebuild that reuses the memos and the
previous output is byte-identical to a clean build, and rewrites only what changed."""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import pytest

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
SEED_FOLDERS = [REPO / "seeds", REPO / "tests/clusters/flood/seeds",
                REPO / "tests/clusters/outage/seeds"]


def _site(folder: Path) -> Path:
    for source in SEED_FOLDERS:
        for path in sorted(source.iterdir()):
            if path.is_file() and path.name != "sources.yml":
                # Named by the folder's role, not by where the checkout lives: the tests
                # pick seeds by their sorted position.
                role = "samples" if source.parent == REPO else source.parent.name
                target = folder / "seeds" / f"{role}-{path.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return folder


def _edit(seeds: Path, rng: random.Random, kind: str | None = None) -> str:
    """One random editor's change to one seed; returns what it did (for failure messages)."""
    paths = sorted(seeds.iterdir())
    path = rng.choice(paths)
    lines = path.read_text(encoding="utf-8").split("\n")
    filled = [i for i, line in enumerate(lines) if len(line.split()) > 6]
    i = rng.choice(filled)
    kind = kind or rng.choice(["number", "sentence", "delete", "copy", "lower-case name"])
    if kind == "number" and re.search(r"\d", lines[i]):
        lines[i] = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), lines[i], count=1)
    elif kind == "delete":
        del lines[i]
    elif kind == "copy":  # a paragraph of another source: a new near-duplicate
        other = rng.choice(paths).read_text(encoding="utf-8").split("\n")
        lines.insert(i, max(other, key=lambda line: (len(line.split()) > 12, rng.random())))
    elif kind == "lower-case name":
        # A capitalised word written in lower case changes the corpus vocabulary,
        # which decides what counts as a name in every other article.
        names = sorted(set(re.findall(r"(?<=[a-z] )([A-Z][a-z]{3,})\b",
                                      "\n".join(p.read_text(encoding="utf-8") for p in paths))))
        lines[i] += f" The {rng.choice(names).lower()} was mentioned again."
    else:
        lines[i] += " Officials said on Tuesday that 1,200 people had been moved."
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{kind} at {path.name}:{i + 1}"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _assert_equals_clean_build(site: Path, clean: Path, edits: object) -> None:
    """`site`'s output and content/ are byte for byte what a clean build of its inputs
    (seeds, and templates and sitebuild.yml when it has them) makes."""
    shutil.copytree(site / "seeds", clean / "seeds")
    if (site / "templates").is_dir():
        shutil.copytree(site / "templates", clean / "templates")
    if (site / "sitebuild.yml").is_file():
        shutil.copyfile(site / "sitebuild.yml", clean / "sitebuild.yml")
    build(clean, quiet=True)
    for folder in ("output", "content"):
        ours, theirs = _files(site / folder), _files(clean / folder)
        assert ours.keys() == theirs.keys(), (edits, sorted(ours.keys() ^ theirs.keys()))
        differing = [name for name in ours if ours[name] != theirs[name]]
        assert not differing, f"{edits}: {differing[:5]}"


@pytest.mark.parametrize("seed", range(1, 7))
def test_rebuild_after_random_edits_equals_clean_build(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    before = {p: p.stat().st_ino for p in (site / "output").rglob("*.html")}
    edits = [_edit(site / "seeds", rng, "lower-case name"),
             *(_edit(site / "seeds", rng) for _ in range(2))]
    build(site, quiet=True)
    assert (site / ".sitebuild" / "memo" / "sentences").is_dir()

    _assert_equals_clean_build(site, tmp_path / "clean", edits)
    # Pages the edits did not change were linked from the last build, not rewritten.
    kept = [p for p, inode in before.items() if p.exists() and p.stat().st_ino == inode]
    assert kept, edits
    assert len(kept) < len(before), edits  # and the edited ones were rewritten


def test_preview_builds_after_rounds_of_edits_equal_clean_builds(tmp_path: Path) -> None:
    """The preview keeps one runner (memos in memory) across builds; after each round
    of edits its output equals a clean build's, and it reloads before it re-indexes."""
    from site_builder.config import Config
    from site_builder.pipeline import site_runner
    from site_builder.preview_state import LiveSite

    rng = random.Random(11)
    site = _site(tmp_path / "edited")
    runner = site_runner(Config(site).cache_dir)
    phases: list[str] = []
    runner.on("publish", lambda state: phases.append("publish"))
    live = LiveSite()
    runner.on("search", lambda state: phases.append("search"))
    build(site, quiet=True, runner=runner, preview=True, live=live)
    for round_ in range(3):
        # The memos on disk are not what the preview reuses: it keeps its own in memory.
        shutil.rmtree(site / ".sitebuild" / "memo", ignore_errors=True)
        sentences = runner.memos["sentences"]
        kept = set(sentences._old or {})
        edits = [_edit(site / "seeds", rng) for _ in range(2)]
        build(site, quiet=True, runner=runner, preview=True, live=live)
        assert kept and len(set(sentences._old or {}) - kept) <= len(kept) // 2, edits
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")
    assert phases == ["publish", "search"] * 4


def _add_seed(seeds: Path, rng: random.Random) -> str:
    """A new seed: another seed's text with a sentence of its own (not a duplicate).

    Named to sort last: a clean build gives a shared headline's slug to the first seed
    in name order, while content/ keeps the slug an existing article already has.
    """
    source = rng.choice(sorted(seeds.iterdir()))
    name = f"zz-added-{len(list(seeds.iterdir()))}{source.suffix}"
    (seeds / name).write_text(source.read_text(encoding="utf-8") + "\nA spokesman said "
                              "on Wednesday that 40 more crews had been sent.\n", encoding="utf-8")
    return f"added {name} from {source.name}"


def _remove_seed(seeds: Path, rng: random.Random) -> str:
    path = rng.choice(sorted(seeds.iterdir()))
    path.unlink()
    return f"removed {path.name}"


def _edit_template(site: Path, rng: random.Random) -> str:
    from site_builder.theme import builtin_templates

    name = rng.choice(["article.html", "base.html", "topic.html"])
    target = site / "templates" / name
    text = (target if target.is_file() else builtin_templates() / name).read_text("utf-8")
    target.parent.mkdir(exist_ok=True)
    target.write_text(text.replace("</", f"<!-- edit {rng.random()} --></", 1), "utf-8")
    return f"template {name}"


def _edit_config(site: Path, rng: random.Random) -> str:
    (site / "sitebuild.yml").write_text(f"title: Digest number {rng.randrange(1000)}\n",
                                        encoding="utf-8")
    return "config title"


@pytest.mark.parametrize("seed", range(1, 4))
def test_preview_after_any_edits_equals_a_cold_build(tmp_path: Path, seed: int) -> None:
    """The preview updates its live site in place (first look, then changed files only):
    after each round of random edits of every kind (seed text, seeds added and removed,
    templates, config) its output and content/ equal a cold build's, byte for byte."""
    from site_builder.config import Config
    from site_builder.pipeline import site_runner
    from site_builder.preview_state import LiveSite

    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    runner = site_runner(Config(site).cache_dir)
    live = LiveSite()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    seeds = site / "seeds"
    kinds = [lambda: _edit(seeds, rng), lambda: _add_seed(seeds, rng),
             lambda: _remove_seed(seeds, rng), lambda: _edit_template(site, rng),
             lambda: _edit_config(site, rng)]
    for round_ in range(len(kinds)):  # every kind once, with random others
        edits = [kinds[round_](), *(rng.choice(kinds)() for _ in range(rng.randint(0, 2)))]
        build(site, quiet=True, runner=runner, preview=True, live=live)
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")


def test_first_look_shows_the_edited_text_before_the_analysis(tmp_path: Path) -> None:
    """After a one-seed edit the preview writes that article's page first (before the
    corpus-wide analysis), with the edited text; other pages wait for the full build,
    which leaves the site equal to a cold build."""
    from site_builder.config import Config
    from site_builder.pipeline import site_runner
    from site_builder.preview_state import LiveSite

    site = _site(tmp_path / "edited")
    runner = site_runner(Config(site).cache_dir)
    live = LiveSite()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    seed = sorted((site / "seeds").iterdir())[3]
    lines = seed.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if len(line.split()) > 12)
    lines[i] += " A ferry named Quillanbury & Sons was also damaged."
    seed.write_text("\n".join(lines), encoding="utf-8")
    seen: dict[str, object] = {}

    def look(state) -> None:
        [article] = [a for a in state.articles if a.source_file == seed.name]
        page = site / "output" / "articles" / article.slug / "index.html"
        seen.update(looked=state.looked, page=page.read_text("utf-8"), slug=article.slug,
                    analysed=state.digest is not None)
    runner.on("first look", look)
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert seen["looked"] == [f"articles/{seen['slug']}/index.html"]
    assert seen["analysed"] is False
    assert "Quillanbury &amp; Sons was also damaged." in str(seen["page"])
    _assert_equals_clean_build(site, tmp_path / "clean", "first look")


def test_search_index_waits_for_the_next_build_while_an_edit_is_pending(tmp_path: Path
                                                                        ) -> None:
    """A save that lands while the preview builds puts the search index off (the next
    build comes first); the next build then indexes, also when it changes no page."""
    from site_builder.config import Config
    from site_builder.pipeline import site_runner
    from site_builder.preview_state import LiveSite

    site = _site(tmp_path / "edited")
    runner = site_runner(Config(site).cache_dir)
    live = LiveSite()
    build(site, quiet=True, runner=runner, preview=True, live=live)
    index = {name: data for name, data in _files(site / "output").items()
             if name.startswith("pagefind")}
    _edit(site / "seeds", random.Random(3), "sentence")
    live.newer = lambda seen: True
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert live.search_stale
    assert index == {name: data for name, data in _files(site / "output").items()
                     if name.startswith("pagefind")}
    live.newer = lambda seen: False
    (site / "seeds" / "unrelated.bin").write_bytes(b"")  # a change that alters no page
    build(site, quiet=True, runner=runner, preview=True, live=live)
    assert not live.search_stale
    (site / "seeds" / "unrelated.bin").unlink()
    _assert_equals_clean_build(site, tmp_path / "clean", "search put off once")


def _session(site: Path) -> tuple[object, list[str]]:
    """A preview session's state after its first build, and the reloads it sends."""
    from site_builder.serve import PreviewState, rebuild

    state = PreviewState()
    rebuild(site, site / "output", state)
    return state, []


def _page_of(site: Path, seed: Path) -> Path:
    import json

    digest = json.loads((site / "output" / "digest.json").read_text("utf-8"))
    [article] = [a for a in digest["articles"] if a["source_file"] == seed.name]
    return site / "output" / article["url"] / "index.html"


def _added(text: str, words: str) -> str:
    """`text` with `words` added to its first paragraph-long line."""
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if len(line.split()) > 12)
    lines[i] += words
    return "\n".join(lines)


def test_quick_look_shows_a_saved_seed_from_that_file_alone(tmp_path: Path) -> None:
    """After a save the preview shows the saved article's page from the seed alone (no
    analysis yet), exactly as the build then makes it; the build adds one reload."""
    from site_builder.serve import glance, rebuild

    site = _site(tmp_path / "edited")
    state, reloads = _session(site)
    seed = sorted((site / "seeds").iterdir())[3]
    page = _page_of(site, seed)
    digest = (site / "output" / "digest.json").read_bytes()
    seed.write_text(_added(seed.read_text(encoding="utf-8"),
                           " A ferry named Quillanbury & Sons was also damaged."),
                    encoding="utf-8")
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert reloads == ["glance"]
    assert "Quillanbury &amp; Sons was also damaged." in page.read_text("utf-8")
    assert (site / "output" / "digest.json").read_bytes() == digest  # not analysed yet
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    # One reload more, after publishing: the build's own first look found the page as
    # the quick look wrote it (it reloads only when it writes a page).
    assert reloads == ["glance", "build"]
    assert "Quillanbury" in (site / "output" / "digest.json").read_text("utf-8")
    _assert_equals_clean_build(site, tmp_path / "clean", "quick look")


def test_a_save_that_only_touches_the_mtime_builds_nothing(tmp_path: Path) -> None:
    import os

    from site_builder.serve import glance, rebuild

    site = _site(tmp_path / "edited")
    state, reloads = _session(site)
    builds = state.builds
    seed = sorted((site / "seeds").iterdir())[2]
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 5_000_000_000))
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    assert reloads == [] and state.builds == builds


def test_two_quick_saves_show_the_last_and_build_it(tmp_path: Path) -> None:
    """A second save of the same size right after the first (same mtime, as a coarse
    clock gives) is seen: the page and the build show the second."""
    import os

    from site_builder.serve import glance, rebuild

    site = _site(tmp_path / "edited")
    state, reloads = _session(site)
    seed = sorted((site / "seeds").iterdir())[5]
    page = _page_of(site, seed)
    text = seed.read_text(encoding="utf-8")
    seed.write_text(_added(text, " Quillanbury said AAAA."), encoding="utf-8")
    stamp = seed.stat()
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert "Quillanbury said AAAA." in page.read_text("utf-8")
    seed.write_text(_added(text, " Quillanbury said BBBB."), encoding="utf-8")
    os.utime(seed, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert seed.stat().st_size == stamp.st_size
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert "Quillanbury said BBBB." in page.read_text("utf-8")
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    assert "BBBB" in (site / "output" / "digest.json").read_text("utf-8")
    _assert_equals_clean_build(site, tmp_path / "clean", "two quick saves")


def test_a_deleted_seed_gets_no_quick_look_and_its_page_goes(tmp_path: Path) -> None:
    from site_builder.serve import glance, rebuild

    site = _site(tmp_path / "edited")
    state, reloads = _session(site)
    seed = sorted((site / "seeds").iterdir())[4]
    page = _page_of(site, seed)
    seed.unlink()
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert reloads == [] and page.exists()
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    assert reloads == ["build"] and not page.exists()
    _assert_equals_clean_build(site, tmp_path / "clean", "seed deleted")


def test_a_content_edit_during_the_preview_is_shown_and_kept(tmp_path: Path) -> None:
    """An editor's edit of content/ is shown at once and never overwritten; a later
    save of its seed does not show over it (the hand edit wins)."""
    from site_builder.serve import glance, rebuild

    site = _site(tmp_path / "edited")
    state, reloads = _session(site)
    seed = sorted((site / "seeds").iterdir())[3]
    page = _page_of(site, seed)
    [content] = [p for p in (site / "content" / "articles").glob("*.md")
                 if f"source_file: {seed.name}" in p.read_text("utf-8")]
    edited = content.read_text("utf-8").rstrip("\n") + \
        "\n\nAn editor's note: the figures were checked <again>.\n"
    content.write_text(edited, encoding="utf-8")
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert reloads == ["glance"]
    assert "the figures were checked &lt;again&gt;." in page.read_text("utf-8")
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    assert content.read_text("utf-8") == edited
    seed.write_text(seed.read_text("utf-8") + "\nQuillanbury seed line added later.\n",
                    encoding="utf-8")
    glance(site, site / "output", state, lambda: reloads.append("glance"))
    assert reloads == ["glance", "build"]  # the seed's save shows nothing over the edit
    rebuild(site, site / "output", state, lambda: reloads.append("build"))
    assert content.read_text("utf-8") == edited
    assert content.with_suffix(".md.new").is_file()
    assert "checked &lt;again&gt;." in page.read_text("utf-8")
    assert "Quillanbury seed line" not in page.read_text("utf-8")


@pytest.mark.parametrize("seed", range(1, 3))
def test_quick_looks_then_builds_after_any_edits_equal_a_cold_build(tmp_path: Path,
                                                                    seed: int) -> None:
    """The preview's cycle (quick look, then build) after random edits of every kind
    leaves output and content/ equal to a cold build's."""
    from site_builder.serve import glance, rebuild

    rng = random.Random(seed)
    site = _site(tmp_path / "edited")
    state, _ = _session(site)
    seeds = site / "seeds"
    kinds = [lambda: _edit(seeds, rng), lambda: _edit(seeds, rng),
             lambda: _add_seed(seeds, rng), lambda: _remove_seed(seeds, rng),
             lambda: _edit_template(site, rng)]
    for round_ in range(len(kinds)):
        edits = [kinds[round_](), *(rng.choice(kinds)() for _ in range(rng.randint(0, 1)))]
        glance(site, site / "output", state)
        rebuild(site, site / "output", state)
        _assert_equals_clean_build(site, tmp_path / f"clean-{round_}", f"round {round_}, {edits}")


def test_command_line_rebuild_reads_again_only_the_seeds_whose_stamp_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line keeps its inputs' stamps and hashes (.sitebuild/stamps.json) and
    the seeds as read: a rebuild hashes and reads again only the seed that changed, even
    when the save kept its size and restored its mtime, and equals a clean build."""
    import os

    from site_builder import build as build_module
    from site_builder import cache

    monkeypatch.setenv("SITEBUILD_WORKERS", "1")
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # every file counts as settled
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    hashed: list[str] = []
    read: list[str] = []
    hash_file, read_seed = cache._read_hash, build_module.read_seed
    monkeypatch.setattr(cache, "_read_hash", lambda path: hashed.append(path) or hash_file(path))
    monkeypatch.setattr(build_module, "read_seed",
                        lambda path, name: read.append(name) or read_seed(path, name))
    seed = sorted((site / "seeds").iterdir())[4]
    before = seed.stat()
    text = seed.read_text(encoding="utf-8")
    changed = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text, count=1)
    assert changed != text
    seed.write_text(changed, encoding="utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert seed.stat().st_size == before.st_size
    assert build(site, quiet=True).digest is not None
    assert read == [seed.name]
    assert [path for path in hashed if "/seeds/" in path] == [str(seed)]
    _assert_equals_clean_build(site, tmp_path / "clean", "same size and mtime")
    assert build(site, quiet=True).digest is None  # and now it is up to date


def test_a_build_run_inside_its_site_keeps_its_stamps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sitebuild build` run inside the site (site folder ".") names its inputs by their
    site paths, as a build given the folder does: the next build reads no input again,
    and a build given the folder finds the site up to date."""
    from site_builder import cache

    monkeypatch.setenv("SITEBUILD_WORKERS", "1")
    monkeypatch.setattr(cache, "_SETTLED_NS", -1)  # every file counts as settled
    site = _site(tmp_path / "site")
    monkeypatch.chdir(site)
    build(Path("."), quiet=True)
    hashed: list[str] = []
    hash_file = cache._read_hash
    monkeypatch.setattr(cache, "_read_hash", lambda path: hashed.append(path) or hash_file(path))
    assert build(Path("."), quiet=True).digest is None
    assert [path for path in hashed if "seeds" in path] == []
    assert build(site, quiet=True).digest is None  # the same inputs, named the same


def test_content_written_by_a_build_is_not_read_again_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """content/ files a build writes are too new for their stamp to stand for their
    content when the build lists them; the build hashes them again once they have
    settled (at its end), so an unchanged rebuild reads none of them."""
    from site_builder import cache

    monkeypatch.setenv("SITEBUILD_WORKERS", "1")
    listed_once: set[str] = set()

    def settled_on_second_look(info: os.stat_result) -> bool:
        # Each file is "just changed" the first time it is looked at, settled after.
        key = (info.st_ino, info.st_mtime_ns)
        if key in listed_once:
            return True
        listed_once.add(key)
        return False

    monkeypatch.setattr(cache, "settled", settled_on_second_look)
    site = _site(tmp_path / "site")
    build(site, quiet=True)
    hashed: list[str] = []
    hash_file = cache._read_hash
    monkeypatch.setattr(cache, "_read_hash", lambda path: hashed.append(path) or hash_file(path))
    assert build(site, quiet=True).digest is None
    assert [path for path in hashed if f"{os.sep}content{os.sep}" in path] == []
    # A file changed after the build listed it is still read again.
    article = sorted((site / "content").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nAn editor's line.\n",
                       encoding="utf-8")
    hashed.clear()
    assert build(site, quiet=True).digest is not None
    assert str(article) in hashed


def test_a_damaged_stamps_record_only_costs_a_reading(tmp_path: Path) -> None:
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    (site / ".sitebuild" / "stamps.json").write_text('{"x": [1, 2]}', encoding="utf-8")
    _edit(site / "seeds", random.Random(5), "number")
    assert build(site, quiet=True).digest is not None
    _assert_equals_clean_build(site, tmp_path / "clean", "damaged stamps")
