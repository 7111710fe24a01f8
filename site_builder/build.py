"""The build: seeds/ -> content/ -> output/, swapped in only when everything succeeded.

A build is a declared list of phases (`BUILD`, or `PREVIEW` for `sitebuild serve`)
that a `pipeline.Runner` runs in order on one `BuildState`; the runner also keeps
per-item results between builds, runs per-item work in parallel and times each
phase. The preview updates its live site in place and hooks "first look" and "publish"
to reload the browser before "search" re-indexes. `build` (up_to_date.py) checks
whether anything changed and calls `run_phases` here when it did.
"""

from __future__ import annotations

import ctypes
import difflib
import hashlib
import os
import pickle
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cache import (
    Stamp,
    content_hash,
    content_lines,
    fingerprint,
    remember,
    save_stamps,
    settle_stamps,
    source_lines,
)
from .config import SOURCES_FILE, Config, load_config
from .content import Parsed, load_articles, write_content
from .errors import Reporter, SiteError
from .ingest.clean import clean, forget_lines, share_lines
from .ingest.diagnose import no_article_message
from .ingest.language import detect_language, language_name
from .ingest.readers import SEED_SUFFIXES, read_seed
from .linkcheck import broken_links
from .lock import site_lock
from .memo import stable_hash
from .models import Article, CleanDocument, Digest, RawDocument
from .pipeline import Runner, Stage, Step, site_runner
from .preview_state import LiveSite, edited_articles, first_look, remove_live, scan, write_live
from .quick_look import quick_articles, short_lines
from .render import Rendered, render_articles, render_changed, render_keyed
from .render.page_keys import Entry, keyed, load_keys, save_keys
from .render.spare import Note, claim_spare, folder_id, keep_spare, load_note, save_note, spare_path
from .search import (
    bundles,
    forget_record,
    html_files,
    index_site,
    load_record,
    reindex,
    save_record,
)
from .text import normalise
from .tidy import remove_later, remove_tree
from .up_to_date import BuildResult, Inputs, build  # noqa: F401 (build: the entry point)


def _counts(digest: Digest, pages: int) -> dict[str, int]:
    return {
        "articles": len(digest.articles),
        "paragraphs": sum(len(a.paragraphs) for a in digest.articles),
        "removed": sum(len(r.lines) for a in digest.articles for r in a.removed),
        "topics": len(digest.topics), "facts": len(digest.facts),
        "disagreements": len(digest.disagreements), "pages": pages,
    }


def seed_files(config: Config, reporter: Reporter) -> list[Path]:
    """Seed files in name order; links that leave seeds/ are refused."""
    folder = config.seeds_dir
    if not folder.is_dir():
        return []
    base = folder.resolve()
    found = []
    # Listed with each entry's type (no stat of each file: 10,000 seeds are 20,000 calls).
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith(".") or entry.name == SOURCES_FILE:
            continue
        path = folder / entry.name
        if path.suffix.lower() not in SEED_SUFFIXES:
            if entry.is_file():
                reporter.warn(f"not a seed format ({', '.join(SEED_SUFFIXES)}); ignored", path)
            continue
        try:
            outside = entry.is_symlink() and base not in path.resolve().parents
            regular = entry.is_file()
        except (OSError, RuntimeError):  # a link in a loop (RuntimeError before 3.13)
            reporter.warn("symbolic link that leads round in a loop; ignored", path)
            continue
        if outside:
            reporter.warn("symbolic link pointing outside seeds/; ignored", path)
            continue
        if regular:
            found.append(path)
        else:  # a folder, a named pipe (reading one waits for a writer forever), a device
            reporter.warn("not a regular file; ignored", path)
    present = {p.name for p in folder.iterdir()}
    names = [p.name for p in found]
    for name in sorted(set(config.sources) - present):  # a typo, or a seed deleted
        close = difflib.get_close_matches(name, names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        reporter.warn(f"named in sources, but there is no such seed{hint}; its metadata is "
                      "not used", folder / name)
    return found


def _read(path: Path) -> RawDocument | SiteError:
    try:
        return read_seed(path, path.name)
    except SiteError as exc:
        return exc


def _clean_key(doc: RawDocument) -> tuple:
    return doc.source_file, doc.sha256, doc.meta, doc.passthrough


# Cleaning looks lines up in the set of lines repeated across seeds (page furniture).
CLEAN = Stage("clean", clean, version=2, key=_clean_key, lookups="lines repeated across seeds",
              prepare=share_lines)


def _furniture_key(doc: RawDocument) -> tuple:
    return doc.source_file, doc.sha256, doc.passthrough


# A seed's candidate furniture lines (short lines, normalised): the corpus-wide set is
# then a count over memoised per-seed sets, not a pass over every seed's text.
SHORT_LINES = Stage("short lines", short_lines, version=1, key=_furniture_key)


def _screen(body: str) -> tuple[str, str | None]:
    return normalise(body), detect_language(body)


# An article body's duplicate-check form and language, kept per body text.
SCREEN = Stage("screen", _screen, version=1, key=lambda body: body)


def short_line_counts(runner: Runner, docs: list[RawDocument]) -> Counter[str]:
    """How many seeds have each short line, from each seed's memoised short lines
    (`repeated_lines(docs)` is the lines counted more than once)."""
    seen: Counter[str] = Counter()
    for lines in runner.map(SHORT_LINES, docs):
        seen.update(lines)
    return seen


# The first look is for an editor's save: a change to more articles waits for the full build.
FIRST_LOOK_PAGES = 8


@dataclass
class BuildState:
    """What the phases of one build hand each other."""

    config: Config
    out: Path
    reporter: Reporter
    runner: Runner
    strict: bool = False
    force: bool = False
    keep_memos: bool = False  # the preview keeps them in memory for its next build
    # The command line's input stamps (cache.load_stamps); the preview's are its LiveSite's.
    stamps: dict[str, tuple[Stamp, str]] | None = None
    tidy_later: bool = False  # the old site is deleted by a process the build leaves running
    sources: list[str] = field(default_factory=list)
    docs: list[RawDocument] = field(default_factory=list)
    cleaned: list[CleanDocument] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # the inputs as this build read them
    parsed: Parsed = field(default_factory=dict)  # content/ as the writer found it
    inputs: str = ""
    articles: list[Article] = field(default_factory=list)
    digest: Digest | None = None
    staging: Path | None = None
    retired: Path | None = None  # the previous site, once swapped out
    pages: list[str] = field(default_factory=list)
    page_keys: dict[str, Entry] | None = None  # the rendered pages' keys, for the next build
    # What the render noted of the staging folder (its id, the note), see render/spare.py.
    note: tuple[str, Note] | None = None
    # The rendered pages' search entries (see search.page_entry): not read back to index.
    searched: dict[str, list] = field(default_factory=dict)
    search: dict | None = None  # what the search index phase indexed, for the next build
    # The preview: its live site, and the files this build changes in it.
    live: LiveSite | None = None
    rendered: Rendered | None = None
    looked: list[str] = field(default_factory=list)  # pages the last look phase wrote
    removed: list[str] = field(default_factory=list)  # files the site no longer has
    foreign: list[str] = field(default_factory=list)  # seeds not in English: "seed (language)"


def read_seeds(state: BuildState) -> None:
    """Read every seed; unreadable and duplicate seeds are reported and skipped."""
    config, reporter = state.config, state.reporter
    # The inputs as this build sees them (an edit made while it runs is then a change
    # for the next build).
    listed = state.live.listed if state.live is not None else None
    if listed is not None:
        state.sources = listed[0]
    elif not state.sources:  # the command line lists them before it takes the lock
        state.sources = source_lines(config, state.stamps)
    reporter.info("reading and cleaning seeds …")
    seen: dict[str, str] = {}
    paths = seed_files(config, reporter)
    for path, doc in zip(paths, _read_all(state, paths), strict=True):
        name = path.name
        if isinstance(doc, SiteError):
            reporter.warn(doc.message + "; skipped", config.seeds_dir / name, doc.line,
                          doc.column)
            continue
        if doc.sha256 in seen:
            reporter.warn(f"same bytes as {seen[doc.sha256]}; skipped as a duplicate",
                          config.seeds_dir / name)
            continue
        seen[doc.sha256] = name
        for note in doc.notes:
            reporter.warn(note, config.seeds_dir / name)
        doc.meta.update(config.sources.get(name, {}))
        state.docs.append(doc)


def _read_all(state: BuildState, paths: list[Path]) -> list[RawDocument | SiteError]:
    """Every seed read; the preview reuses the seeds it read before, whose bytes the
    input listing of this build says are the same."""
    live = state.live
    listed = dict(line.split("\0", 1) for line in state.sources)
    if live is None:
        return _read_kept(state, paths, listed)
    names = [_site_path(path, state.config) for path in paths]
    todo = [path for path, name in zip(paths, names, strict=True)
            if name is None or name not in live.seeds or live.seeds[name][0] != listed.get(name)]
    fresh = dict(zip(todo, state.runner.pmap(_read_marked, todo, label="reading"), strict=True))
    kept: dict[str, tuple[str, RawDocument]] = {}
    docs: list[RawDocument | SiteError] = []
    for path, name in zip(paths, names, strict=True):
        if path in fresh:
            mark, doc = fresh[path]
            if mark is not None and name is not None and isinstance(doc, RawDocument):
                kept[name] = (mark, _copy_doc(doc))
        else:
            assert name is not None
            kept[name] = live.seeds[name]
            doc = _copy_doc(kept[name][1])
        docs.append(doc)
    live.seeds = kept
    return docs


# Seeds as read (RawDocument), kept by name and content hash: an unchanged seed is not
# decoded and split into blocks again.
READ = "read"


def _read_kept(state: BuildState, paths: list[Path], listed: dict[str, str]
               ) -> list[RawDocument | SiteError]:
    """Every seed read, the command line's way: from the memo of seeds read before, under
    the content hash this build's input listing gave the file."""
    memo = state.runner.memos[READ]
    names = [_site_path(path, state.config) for path in paths]
    keys = [None if name is None or name not in listed else stable_hash(READ, name, listed[name])
            for name in names]
    blobs = [None if key is None else memo.get(key) for key in keys]
    todo = [path for path, blob in zip(paths, blobs, strict=True) if blob is None]
    fresh = iter(state.runner.pmap(_read_marked, todo, label="reading"))
    docs: list[RawDocument | SiteError] = []
    for key, name, blob in zip(keys, names, blobs, strict=True):
        if blob is not None:
            docs.append(pickle.loads(blob))
            continue
        mark, doc = next(fresh)
        # Kept only when read from the bytes the listing hashed (not a save since then).
        if key is not None and name is not None and mark == listed[name] and \
                isinstance(doc, RawDocument):
            memo.put(key, {}, pickle.dumps(doc, protocol=5))
        docs.append(doc)
    return docs


def _site_path(path: Path, config: Config) -> str | None:
    try:
        return path.relative_to(config.site_dir).as_posix()
    except ValueError:
        return None


def _copy_doc(doc: RawDocument) -> RawDocument:
    # A build adds sources.yml's fields to `meta`: the kept copy stays as read.
    return replace(doc, meta=dict(doc.meta), notes=list(doc.notes))


def _read_marked(path: Path) -> tuple[str | None, RawDocument | SiteError]:
    """A seed read, and the listing hash of the bytes it was read from (None when the
    file changed while it was read, or could not be read)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None, _read(path)
    doc = _read(path)
    if isinstance(doc, SiteError) or doc.sha256 != hashlib.sha256(data).hexdigest():
        return None, doc
    return content_hash(data), doc


def clean_seeds(state: BuildState) -> None:
    """Clean every seed; seeds with no article text, or the same text, are skipped."""
    docs = state.docs
    counts = short_line_counts(state.runner, docs)
    if state.live is not None:  # the next quick look cleans a saved seed against them
        state.live.short_counts = counts
    common = frozenset(line for line, count in counts.items() if count > 1)
    results = state.runner.map(CLEAN, docs, lookups=common)
    kept = [(doc, result) for doc, result in zip(docs, results, strict=True) if result.body]
    screened = iter(state.runner.map(SCREEN, [" ".join(b.text for b in result.body)
                                              for _, result in kept]))
    bodies: dict[str, str] = {}
    for doc, result in zip(docs, results, strict=True):
        path = state.config.seeds_dir / doc.source_file
        if not result.body:
            state.reporter.warn(no_article_message(doc, result, path) + "; skipped", path)
            continue
        text, language = next(screened)
        if text in bodies:
            state.reporter.warn(f"same article text as {bodies[text]}; skipped as a duplicate",
                                path)
            continue
        bodies[text] = doc.source_file
        state.cleaned.append(result)
        if language is not None and language != "en":
            state.foreign.append(f"{doc.source_file} ({language_name(language)})")
    state.docs = []
    forget_lines()


def write(state: BuildState) -> None:
    """Write content/ (hand edits kept); fingerprint the inputs as this build saw them."""
    stamps = state.live.stamps if state.live is not None else state.stamps
    state.parsed = write_content(state.cleaned, state.config, state.reporter, state.runner,
                                 force=state.force, stamps=stamps)
    state.cleaned = []
    state.seen = state.sources + content_lines(state.config, stamps)
    state.inputs = fingerprint(state.config, state.out, state.seen)


def load(state: BuildState) -> None:
    """Load content/ into Articles."""
    state.articles = load_articles(state.config, state.reporter, state.runner, state.parsed)
    state.parsed = {}
    state.runner.memos.save(release=not state.keep_memos)
    if not state.articles:
        raise SiteError("no articles to build: add .txt, .html or .md files to seeds/",
                        state.config.seeds_dir)


def analyse(state: BuildState) -> None:
    """All articles together -> the Digest."""
    state.reporter.info(f"analysing {len(state.articles)} articles …")
    # Imported here: an up-to-date check must not pay for loading the analysis.
    from .analyze import analyze

    if state.live is None:
        state.digest = analyze(state.articles, state.config, state.runner)
    else:
        # The preview: the last digest while the articles and configuration are as they
        # were (an edit of a template, say, or one that cleaning leaves out).
        state.digest = state.runner.whole(
            "analysis", (state.articles, repr(state.config)),
            lambda: analyze(state.articles, state.config, state.runner))
    state.runner.memos.save(release=not state.keep_memos)


def render(state: BuildState) -> None:
    """Render every page into a staging folder beside the output."""
    state.reporter.info("rendering …")
    out = state.out
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out, state.reporter)
    state.staging = out.with_name(f".{out.name}.staging-{os.getpid()}")
    shutil.rmtree(state.staging, ignore_errors=True)
    previous = out if (out / "digest.json").is_file() else None
    assert state.digest is not None
    # The last build's page keys: a page whose key is the same is linked, not rendered
    # (--force renders every page, and keeps the new keys).
    known = None
    if keyed(state.config):
        known = {} if state.force or previous is None else load_keys(state.config, out)
    # While pages are linked from the output, the spare copy of the site is the staging
    # folder: only what changed since it was live is linked or written again.
    spare = bool(known) and claim_spare(out, state.staging)
    if not spare:
        state.staging.mkdir()
    try:
        state.pages, keys, note = render_keyed(
            state.digest, state.config, state.staging, previous, state.runner, known, spare,
            load_note(state.config.cache_dir, state.staging) if spare else None,
            searched=state.searched)
    except OSError:
        if not spare:
            raise
        # A spare that cannot be brought up to date (made read-only, say): start afresh.
        _remove_tree(state.staging, state.reporter)
        state.staging.mkdir()
        state.searched.clear()
        state.pages, keys, note = render_keyed(state.digest, state.config, state.staging,
                                               previous, state.runner, known,
                                               searched=state.searched)
    state.page_keys = keys if known is not None else None
    ident = folder_id(state.staging)
    state.note = (ident, note) if note is not None and ident is not None else None
    state.runner.release()  # no reserved work after the render: not held beside Pagefind


def quick_look(site_dir: Path, out: Path, live: LiveSite, changed: list[str]) -> list[str]:
    """The preview, before its build: the pages of the articles whose seed or content file
    (`changed`, site paths) was saved, from those files alone. Returns the files it
    wrote (none when the save is more than an article's own edit: the build shows it)."""
    if not changed or live.rendered is None or live.hashes is None or \
            len(changed) > FIRST_LOOK_PAGES:
        return []
    reporter = Reporter(quiet=True)  # the build that follows says what there is to say
    config = load_config(site_dir, reporter)
    with site_lock(config.cache_dir, reporter):
        edited = quick_articles(config, live, changed)
        if not edited:
            return []
        state = BuildState(config, out, reporter, Runner.in_memory(), live=live)
        _show(state, edited)
    return state.looked


def look_first(state: BuildState) -> None:
    """The preview: the pages of the edited articles at once, from their new text and
    the last analysis (the full analysis and every other page follow)."""
    live = state.live
    assert live is not None
    state.looked = []  # what this phase shows (the quick look may have shown it already)
    if live.rendered is None or live.hashes is None:
        return
    assert live.rendered.renderer.digest is not None
    edited = edited_articles(live.rendered.renderer.digest, state.articles)
    if edited and len(edited) <= FIRST_LOOK_PAGES:
        _show(state, edited)


def _show(state: BuildState, edited: list[Article]) -> None:
    """Write the pages of `edited` (the last digest with these articles in place) live;
    `state.looked` lists the files this changed."""
    live = state.live
    assert live is not None and live.rendered is not None and live.hashes is not None
    before = live.rendered.renderer.digest
    assert before is not None
    rendered = render_articles(live.rendered, first_look(before, edited),
                               {a.slug for a in edited}, live.hashes)
    hashes, live.hashes = live.hashes, None  # unknown until every write has succeeded
    for path in rendered.hashes:  # no longer what their key says: the full render redoes them
        live.keys.pop(path, None)
    write_live(state.out, rendered.changed)
    live.hashes = hashes | rendered.hashes
    # The search index is stale once a page changed, even if the full pass then finds
    # the page as the first look left it.
    live.search_stale |= any(path.endswith(".html") for path in rendered.changed)
    state.looked = sorted(rendered.changed)


def render_preview(state: BuildState) -> None:
    """The preview: render every page in memory, keeping the bytes of those that changed."""
    state.reporter.info("rendering …")
    live = state.live
    assert live is not None and state.digest is not None
    if live.hashes is None:  # the session's first build: what is on disk now
        live.hashes, live.keys = scan(state.out), {}
    # The kept renderer's compiled templates, while the templates are as they were.
    templates = _templates(state)
    env = live.rendered.renderer.env if (
        live.rendered is not None and templates is not None and live.templates == templates
    ) else None
    # Pages whose key is the live page's are not rendered, while the site's templates
    # are the built-in ones (a template of its own may read anything).
    keys = live.keys if keyed(state.config) else None
    state.rendered = render_changed(state.digest, state.config, live.hashes, state.runner,
                                    env, keys)
    state.pages = state.rendered.pages


def _templates(state: BuildState) -> tuple[str, list[str]] | None:
    """The site's templates folder and its files' listing lines as this build saw them
    (None when the folder is outside the site, where the listing does not name it)."""
    folder = _site_path(state.config.templates_dir, state.config)
    if folder is None:
        return None
    return folder, [line for line in state.sources if line.startswith(f"{folder}/")]


def publish(state: BuildState) -> None:
    """The preview: write the changed files into the live site, delete the vanished ones."""
    live, rendered = state.live, state.rendered
    assert live is not None and live.hashes is not None and rendered is not None
    state.out.mkdir(parents=True, exist_ok=True)
    _remove_stale(state.out, state.reporter)
    # Unknown until every write has succeeded.
    known, live.hashes, live.keys = live.hashes, None, {}
    write_live(state.out, rendered.changed)
    state.removed = sorted(set(known) - set(rendered.hashes))
    remove_live(state.out, set(state.removed))
    # Kept without the bytes: they are written.
    live.hashes, live.rendered = rendered.hashes, replace(rendered, changed={})
    live.keys = rendered.keys
    live.templates = _templates(state)


def index_staging(state: BuildState) -> None:
    """Index the new pages for search before they go live."""
    state.reporter.info("indexing for search …")
    staging = state.staging
    assert staging is not None

    # The shards whose pages are as the last build left them are linked from it.
    previous = state.out if (state.out / "digest.json").is_file() and not state.force else None
    record = load_record(state.config.cache_dir, state.out) if previous is not None else {}
    # The pages rendered, and any the theme's static files hold.
    pages = [page for page in state.pages if page.endswith(".html")]
    pages += [f"static/{page}" for page in html_files(staging / "static")]
    # Pagefind runs beside this process, one shard per worker at a time: at SHARD_PAGES
    # pages, about 50 MiB each.
    indexed = index_site(staging, previous, record, pages, state.searched)
    if indexed.problem:
        state.reporter.warn(indexed.problem)
    else:
        state.search = indexed.record


def check(state: BuildState) -> None:
    """With --strict: check links, and fail on any warning."""
    if not state.strict:
        return
    state.reporter.info("checking links …")  # it reads every page back: only when asked
    assert state.staging is not None
    for problem in broken_links(state.staging):
        state.reporter.warn(problem)
    if state.reporter.warnings:
        raise SiteError(f"{len(state.reporter.warnings)} warning(s) and --strict is set; "
                        "output left unchanged", state.out)


def swap(state: BuildState) -> None:
    """Put the new site in place of the old one, in one step."""
    assert state.staging is not None
    forget_record(state.config.cache_dir)  # it describes the site being replaced
    state.retired = _swap(state.staging, state.out)
    state.staging = None


def tidy(state: BuildState) -> None:
    """Keep the previous site as the spare copy the next build stages in (see
    render/spare.py), and delete the older spare, if any; with `tidy_later`, in a
    process of its own that the build does not wait for (tens of thousands of files
    take seconds)."""
    if state.retired is None:
        return
    old = keep_spare(state.retired, state.out)
    state.retired = None
    if old is not None and not (state.tidy_later and
                                remove_later(old, f".{state.out.name}.retired")):
        _remove_tree(old, state.reporter)


def reindex_live(state: BuildState) -> None:
    """The preview: index the live site for search (after the browser has reloaded),
    unless no page was written or removed and the index is there. Put off while the
    editor has saved again: the next build comes first, then indexes."""
    assert state.rendered is not None and state.live is not None
    live = state.live
    written = [*state.rendered.changed, *state.removed]  # and the looks' pages: _show
    live.search_stale |= any(path.endswith(".html") for path in written)
    if bundles(state.out) and not live.search_stale:
        return
    if live.newer is not None and live.newer(state.seen):
        return
    if problem := reindex(state.out, state.config.cache_dir):
        state.reporter.warn(problem)
    else:
        live.search_stale = False


def record(state: BuildState) -> None:
    """Remember what this build saw and made, so that an unchanged site is not rebuilt."""
    assert state.digest is not None
    remember(state.config, state.out, _record(state), state.inputs)
    if state.page_keys is not None:
        save_keys(state.config, state.out, state.page_keys)
    if state.note is not None:
        save_note(state.config.cache_dir, *state.note, spare_path(state.out))
    if state.stamps is not None:
        settle_stamps(state.config, state.stamps, state.seen)
        save_stamps(state.config, state.stamps, state.seen)
    if state.search is not None:
        save_record(state.config.cache_dir, state.out, state.search)
    state.runner.memos.rotate()
    if state.live is not None and state.live.rendered is not None:
        state.live.rendered.renderer.warm()


def _record(state: BuildState) -> dict:
    assert state.digest is not None
    return {"counts": _counts(state.digest, len(state.pages)),
            "warnings": state.reporter.warnings, "strict": state.strict,
            "not_english": state.foreign}


_FRONT = [Step("read", read_seeds), Step("clean seeds", clean_seeds), Step("write content", write),
          Step("load", load), Step("analyse", analyse), Step("render", render)]
# `sitebuild build`: the search index is built before the site goes live.
BUILD = [*_FRONT, Step("search", index_staging), Step("check", check), Step("swap", swap),
         Step("tidy", tidy), Step("record", record)]
# `sitebuild serve` (after its `quick_look`): the edited articles' pages first (hook
# "first look" to show them),
# then every changed page is written into the live site (hook "publish" to reload), then
# it is indexed.
PREVIEW = [*_FRONT[:-2], Step("first look", look_first), Step("analyse", analyse),
           Step("render", render_preview), Step("publish", publish),
           Step("search", reindex_live), Step("record", record)]


def run_phases(inputs: Inputs, strict: bool, force: bool, runner: Runner | None,
               preview: bool, live: LiveSite | None, tidy_later: bool) -> BuildResult:
    """The phases of a build whose inputs changed (see `up_to_date.build`, which holds
    the site's lock meanwhile)."""
    config, out, reporter = inputs.config, inputs.out, inputs.reporter
    runner = runner or site_runner(config.cache_dir)
    runner.progress = reporter.progress
    runner.timings.clear()
    runner.computed.clear()
    # The preview's process lives on between builds (and freezes what it keeps).
    runner.freeze = not preview
    state = BuildState(config, out, reporter, runner, strict, force, keep_memos=preview,
                       stamps=inputs.stamps, tidy_later=tidy_later,
                       live=(live or LiveSite()) if preview else None)
    if not preview:
        state.sources = inputs.sources
        # The workers of the sentence features and the render, forked before the
        # analysis makes this process large.
        runner.reserve()
    try:
        runner.run(PREVIEW if preview else BUILD, state)
    finally:
        runner.release()
        for leftover in (state.staging, state.retired):
            if leftover is not None:
                _remove_tree(leftover, reporter)
    assert state.digest is not None
    return BuildResult(out, _record(state)["counts"], reporter.warnings,
                       time.perf_counter() - inputs.started, state.digest,
                       runner.timings_table(), state.foreign, state.seen)


# Folders a build (or the preview's search indexing) works in beside the output.
_LEFTOVERS = (".staging", ".retired", ".search")


def _remove_stale(out: Path, reporter: Reporter) -> None:
    """Remove staging and retired folders left by builds that were killed."""
    for leftover in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = leftover.name.rpartition("-")
        if kind.endswith(_LEFTOVERS) and pid.isdigit() and not _alive(int(pid)):
            _remove_tree(leftover, reporter)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, and belongs to another user
        return True
    return True


def _remove_tree(path: Path, reporter: Reporter) -> None:
    """Delete a folder a build made, also when it was made read-only (say, by a deploy
    step); say so if it cannot be done, rather than leave a whole copy of a site behind."""
    if path.exists() and (exc := remove_tree(path)) is not None:
        reporter.warn(f"could not remove this old copy of the site ({exc.strerror or exc}); "
                      "delete it by hand", path)


# Linux's renameat2(2): swap two paths in one step (glibc 2.28+, most file systems).
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap folders `a` and `b`; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b),
                     _RENAME_EXCHANGE) == 0


def _swap(staging: Path, out: Path) -> Path | None:
    """Replace `out` with `staging` so that readers always find a whole site: one atomic
    exchange where the system has it, else two renames (with a moment without `out`).
    Returns the folder now holding the previous site, for the caller to remove."""
    if out.exists() and _exchange(staging, out):
        return staging  # now the previous site
    retired = out.with_name(f".{out.name}.retired-{os.getpid()}")
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    return retired if retired.exists() else None
