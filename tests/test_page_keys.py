"""Page keys: a command-line rebuild renders only the pages whose key (what their template
reads) changed, links the others from the last output, and still equals a clean build."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from test_incremental import _assert_equals_clean_build, _site

from site_builder import render
from site_builder.build import build
from site_builder.config import Config
from site_builder.models import Digest, Ref
from site_builder.render import page_keys


def _linked_pair(digest: Digest) -> tuple[str, str, int]:
    """(citing article, cited article, seed line of the cited paragraph): a paragraph one
    article's page links to in another source."""
    articles = {a.slug: a for a in digest.articles}
    for c in digest.crossrefs:
        if c.source.article == c.target.article:
            continue
        cited = articles[c.target.article]
        paragraph = next(p for p in cited.paragraphs if p.id == c.target.paragraph)
        if paragraph.source_lines and cited.source_file:
            return c.source.article, c.target.article, paragraph.source_lines[0]
    raise AssertionError("the test corpus has no cross-reference")


def _insert_before(seed: Path, line: int) -> None:
    """A new paragraph before seed line `line` (1-based): later paragraphs move down."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines.insert(line - 1, "Officials said on Tuesday that a second review of the "
                           "repairs had been ordered by the regional council.")
    seed.write_text("\n".join(lines), encoding="utf-8")


def test_an_edit_renders_the_pages_that_show_it_and_links_the_rest(
        tmp_path: Path, rendered: list[str]) -> None:
    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    citing, cited, line = _linked_pair(digest)
    page = site / "output" / "articles" / citing / "index.html"
    before = page.read_bytes()
    seed = site / "seeds" / next(a.source_file for a in digest.articles if a.slug == cited)
    _insert_before(seed, line)
    rendered.clear()
    build(site, quiet=True)

    # The citing article's page names the cited paragraph by its number, which moved.
    assert f"articles/{citing}/index.html" in rendered
    assert f"articles/{cited}/index.html" in rendered
    assert page.read_bytes() != before
    keyed = [p for p in rendered if p.startswith(("articles/", "topics/")) and p.count("/") == 2]
    pages = len(digest.articles) + len(digest.topics)
    assert len(keyed) < pages // 2, keyed  # most pages were linked, not rendered
    _assert_equals_clean_build(site, tmp_path / "clean", "paragraph inserted")


def test_a_template_of_the_site_renders_every_page(tmp_path: Path,
                                                   rendered: list[str]) -> None:
    """A template the site overrides may read anything: no page is keyed then."""
    from site_builder.theme import builtin_templates

    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    (site / "templates").mkdir()
    text = (builtin_templates() / "base.html").read_text("utf-8")
    (site / "templates" / "base.html").write_text(
        text.replace("</footer>", "<p>Edited by the desk.</p></footer>"), "utf-8")
    rendered.clear()
    build(site, quiet=True)
    assert len(rendered) == len(render.page_jobs(digest))
    assert "Edited by the desk." in (site / "output" / "articles" / digest.articles[0].slug
                                     / "index.html").read_text("utf-8")
    _assert_equals_clean_build(site, tmp_path / "clean", "site template")


def test_a_new_theme_or_code_renders_every_page(tmp_path: Path, rendered: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in templates and sitebuild's code are part of every key."""
    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    (site / "seeds" / "unrelated.bin").write_bytes(b"")  # a change, so that it rebuilds
    monkeypatch.setattr(page_keys, "code_version", lambda: "another theme")
    rendered.clear()
    build(site, quiet=True)
    assert len(rendered) == len(render.page_jobs(digest))


def test_a_page_changed_in_the_output_is_rendered_again(tmp_path: Path,
                                                        rendered: list[str]) -> None:
    """A key counts only while the previous output's file is the one its build wrote."""
    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    path = f"articles/{digest.articles[0].slug}/index.html"
    page = site / "output" / path
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<!-- by hand --></body>"))
    (site / "seeds" / "unrelated.bin").write_bytes(b"")
    rendered.clear()
    build(site, quiet=True)
    assert path in rendered
    assert b"by hand" not in page.read_bytes()
    (site / "seeds" / "unrelated.bin").unlink()
    _assert_equals_clean_build(site, tmp_path / "clean", "output page edited")


def test_keys_of_another_output_folder_are_not_used(tmp_path: Path,
                                                    rendered: list[str]) -> None:
    site = _site(tmp_path / "edited")
    build(site, quiet=True)
    other = tmp_path / "elsewhere"
    rendered.clear()
    build(site, out=other, quiet=True)
    assert rendered and os.path.isfile(other / "digest.json")
    assert page_keys.load_keys(Config(site), site / "output") == {}
    assert page_keys.load_keys(Config(site), other)


def test_an_edit_renders_only_the_page_of_sources_that_lists_it(
        tmp_path: Path, rendered: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of sources/ are keyed by the articles they list: an article's edit renders
    its own page of sources/ again and links the others."""
    monkeypatch.setattr(render, "SOURCES_PER_PAGE", 2)
    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    pages = [path for _, path, refs in render.page_jobs(digest) if "sources_page" in refs]
    assert len(pages) > 3
    last = digest.articles[-1]
    assert last.source_file
    seed = site / "seeds" / last.source_file
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOfficials said on Tuesday that a "
                    "second review of the repairs had been ordered.\n", encoding="utf-8")
    rendered.clear()
    build(site, quiet=True)
    again = [path for path in rendered if path in pages]
    assert again == [render.sources_path(len(pages))], again
    _assert_equals_clean_build(site, tmp_path / "clean", "last article edited")


@pytest.mark.parametrize("path", ["../x.html", "a/../../x", "/etc/passwd", "", "a//b",
                                  "./a", "a\\..\\..\\b"])
def test_a_page_path_cannot_leave_the_output(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="escapes the output folder"):
        render.safe_join(tmp_path, path)
    assert render.safe_join(tmp_path, "topics/a-b/index.html") == \
        tmp_path / "topics" / "a-b" / "index.html"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_any_worker_count_builds_the_same_site_cold_and_after_an_edit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages and digest.json (one of the render's jobs, on whichever process takes it)
    are the same from one process and from several, cold and linked after an edit."""
    sites = {}
    for workers in ("1", "3"):
        monkeypatch.setenv("SITEBUILD_WORKERS", workers)
        site = _site(tmp_path / f"workers-{workers}")
        digest = build(site, quiet=True).digest
        assert digest is not None
        assert len(render.page_jobs(digest)) >= 3 * 24  # enough for three processes
        sites[workers] = site
    assert _tree(sites["1"] / "output") == _tree(sites["3"] / "output")
    for workers, site in sites.items():
        monkeypatch.setenv("SITEBUILD_WORKERS", workers)
        seed = sorted((site / "seeds").iterdir())[3]
        _insert_before(seed, 4)
        build(site, quiet=True)
    assert _tree(sites["1"] / "output") == _tree(sites["3"] / "output")
    assert _tree(sites["1"] / "content") == _tree(sites["3"] / "content")


def _with_text(digest: Digest, slug: str, paragraph: str, text: str) -> Digest:
    """`digest` with one paragraph's text replaced (the rest shared)."""
    articles = [replace(a, paragraphs=[replace(p, text=text) if p.id == paragraph else p
                                       for p in a.paragraphs]) if a.slug == slug else a
                for a in digest.articles]
    return replace(digest, articles=articles)


def _topic_key(digest: Digest, slug: str) -> str | None:
    job = ("topic.html", render.topic_path(slug), {"topic": slug})
    return page_keys.page_key(render.SiteIndex(digest), "site", job, {})


def test_a_topic_key_follows_the_text_it_cites_and_no_other(tmp_path: Path) -> None:
    """A topic page shows the paragraphs its mentions and facts cite (their excerpts):
    its key changes with a cited paragraph's text, with a fact of the topic, and not
    with a paragraph of a cited article that the page does not show."""
    digest = build(_site(tmp_path / "site"), quiet=True).digest
    assert digest is not None
    facts: dict[str, list] = {}
    for f in digest.facts:
        for slug in f.topics:
            facts.setdefault(slug, []).append(f)
    for topic in digest.topics:
        refs = {*topic.mentions, *(r for f in facts.get(topic.slug, [])
                                   for r in [f.statement_ref, *f.support])}
        cited = topic.mentions[0]
        article = next(a for a in digest.articles if a.slug == cited.article)
        other = next((p for p in article.paragraphs if Ref(article.slug, p.id) not in refs),
                     None)
        if other is not None and topic.slug in facts:
            break
    else:
        raise AssertionError("no topic with facts cites only part of an article")
    key = _topic_key(digest, topic.slug)
    assert key is not None and key == _topic_key(digest, topic.slug)
    assert _topic_key(_with_text(digest, cited.article, cited.paragraph, "Changed."),
                      topic.slug) != key
    assert _topic_key(_with_text(digest, article.slug, other.id, "Changed."),
                      topic.slug) == key
    fact = facts[topic.slug][0]
    changed = replace(digest, facts=[replace(f, statement=f.statement + " Changed.")
                                     if f is fact else f for f in digest.facts])
    assert _topic_key(changed, topic.slug) != key


def test_the_feed_is_rendered_again_only_when_what_it_lists_changed(
        tmp_path: Path, rendered: list[str]) -> None:
    """feed.xml shows each article's title, dates, author and first paragraph; sitemap.xml
    the site's pages: a new paragraph later in an article changes neither (both are
    linked), a changed first paragraph changes the feed's summary."""
    site = _site(tmp_path / "edited")
    digest = build(site, quiet=True).digest
    assert digest is not None
    article = next(a for a in digest.articles if a.source_file and len(a.paragraphs) > 2
                   and a.paragraphs[0].source_lines and a.paragraphs[-1].source_lines)
    assert article.source_file
    seed = site / "seeds" / article.source_file
    _insert_before(seed, article.paragraphs[-1].source_lines[0])
    rendered.clear()
    build(site, quiet=True)
    assert f"articles/{article.slug}/index.html" in rendered
    assert "feed.xml" not in rendered and "sitemap.xml" not in rendered, rendered
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines[article.paragraphs[0].source_lines[-1] - 1] += " Officials added on Tuesday."
    seed.write_text("\n".join(lines), encoding="utf-8")
    rendered.clear()
    build(site, quiet=True)
    assert "feed.xml" in rendered
    assert "Officials added on Tuesday." in (site / "output" / "feed.xml").read_text("utf-8")
    _assert_equals_clean_build(site, tmp_path / "clean", "paragraphs added and changed")


# The pages of which a site has one, by path (each keyed by what its template reads).
_WHOLE_SITE_PAGES = ["index.html", "topics/index.html", "timeline/index.html",
                     "search/index.html", "404.html", "robots.txt"]


def _changes(digest: Digest) -> dict[str, Digest]:
    """Edits of a digest, each to one thing a page may show (the rest shared)."""
    first, last = digest.articles[0], digest.articles[-1]
    deep = last.paragraphs[-1]
    fact = next(f for f in digest.facts if f.sources > 1)
    event = digest.timeline[0]
    claim = digest.disagreements[0].claims[0]
    return {
        "a late paragraph of the last source": _with_text(digest, last.slug, deep.id,
                                                          deep.text + " Changed."),
        "the first source's title": replace(digest, articles=[
            replace(first, title="Changed title"), *digest.articles[1:]]),
        "the last source's outlet": replace(digest, articles=[
            *digest.articles[:-1], replace(last, outlet="Changed Outlet")]),
        "a topic's name": replace(digest, topics=[
            replace(digest.topics[0], name="Changed name"), *digest.topics[1:]]),
        "the last topic's count of sources": replace(digest, topics=[
            *digest.topics[:-1], replace(digest.topics[-1],
                                         sources=digest.topics[-1].sources + 1)]),
        "a corroborated fact": replace(digest, facts=[
            replace(f, statement=f.statement + " Changed.") if f is fact else f
            for f in digest.facts]),
        "a timeline event": replace(digest, timeline=[
            replace(event, text=event.text + " Changed."), *digest.timeline[1:]]),
        "a disputed value": replace(digest, disagreements=[
            replace(digest.disagreements[0], claims=[replace(claim, value="99 changed"),
                                                      *digest.disagreements[0].claims[1:]]),
            *digest.disagreements[1:]]),
        "the summary": replace(digest, summary=digest.summary + " Changed."),
    }


def _keyed_page(digest: Digest, config: Config, path: str) -> tuple[str | None, bytes]:
    renderer = render._Renderer(digest, config, Path(), None, known={})
    job = next(job for job in render.page_jobs(digest) if job[1] == path)
    return page_keys.page_key(renderer.index, renderer.base, job, {}), renderer.page(job)


def test_each_page_a_site_has_one_of_is_keyed_by_what_it_shows(tmp_path: Path) -> None:
    """The front page, topics/, the timeline, search, 404 and robots.txt are keyed: the
    same key always means the same page, each page's key follows what it shows, and
    an edit none of them shows (a late paragraph of a source) leaves every key as it was."""
    site = _site(tmp_path / "site")
    digest = build(site, quiet=True).digest
    assert digest is not None and digest.timeline and digest.disagreements
    config = Config(site_dir=site)
    before = {path: _keyed_page(digest, config, path) for path in _WHOLE_SITE_PAGES}
    assert all(key is not None for key, _ in before.values())
    moved: dict[str, list[str]] = {path: [] for path in _WHOLE_SITE_PAGES}
    for change, changed in _changes(digest).items():
        for path in _WHOLE_SITE_PAGES:
            key, page = _keyed_page(changed, config, path)
            if key == before[path][0]:
                assert page == before[path][1], (change, path)  # the key missed a change
            else:
                moved[path].append(change)
    assert not any("a late paragraph of the last source" in changes
                   for changes in moved.values()), moved
    # Every page but the two that show the site as a whole only follows a change of its own.
    assert moved["index.html"] and "a topic's name" in moved["topics/index.html"]
    assert "a timeline event" in moved["timeline/index.html"]
    assert "the last source's outlet" in moved["search/index.html"]
    assert all(moved[path] == ["the summary"] for path in ("404.html", "robots.txt")), moved
