"""`sitebuild add`: fetch pages, feeds' entries and web archives' captures into `seeds/`.

Pages are fetched on a few threads (`FetchSettings.hosts`) and saved by the calling
thread in an order fixed by the input (the URLs as given, hosts taking turns), so names
and `sources.yml` do not depend on which answer came first. Each seed is written
atomically and then recorded in `sources.yml` (also atomically); if anything stops a
run between the two, the seeds not yet recorded are removed again, so the folder and
the file always agree.
"""

from __future__ import annotations

import queue
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import Reporter, SiteError
from ..ingest.decode import BinaryFileError, decode
from ..ingest.html_extract import parse_html
from ..ingest.html_meta import html_meta
from ..ingest.readers import read_html
from .client import HTML_TYPES, Fetcher, FetchError, FetchSettings, Response
from .feeds import FEED_TYPES, FeedEntry, NotAFeed, looks_like_feed, parse_feed, select
from .policy import Clock, Stopped
from .store import SeedBook, SeedHook
from .urls import BadURL, check_url, host_of, same_url_key
from .warc import ArchiveError, captures, is_archive

# Up to this many URLs each gets a line of its own; past it, a progress counter.
HANDFUL = 5
# Captures from an archive are recorded in sources.yml in batches of this many.
ARCHIVE_BATCH = 100
# Bidirectional embeddings, overrides and isolates: they can reorder a printed line.
_BIDI_CONTROLS = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})


@dataclass
class AddOptions:
    """What to add and how (the command line's options)."""

    refresh: bool = False
    since: datetime | None = None
    limit: int | None = None
    settings: FetchSettings = field(default_factory=FetchSettings)


@dataclass
class AddResult:
    """What a run did: seeds added or refreshed, URLs passed over, failures."""

    added: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    def summary(self) -> str:
        """One line: how many articles were added, refreshed, already there, failed."""
        parts = [f"added {_count(len(self.added), 'article')} to seeds/"]
        if self.refreshed:
            parts.append(f"refreshed {len(self.refreshed)}")
        if self.already:
            parts.append(f"{len(self.already)} already added")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        text = ", ".join(parts)
        return f"{text} (interrupted)" if self.interrupted else text

    @property
    def exit_code(self) -> int:
        """0 when something was added or refreshed, 130 when interrupted, else 1."""
        if self.interrupted:
            return 130
        return 0 if self.added or self.refreshed else 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass
class _Fetched:
    """What a worker thread hands back for one URL."""

    url: str
    response: Response | None = None
    entries: list[FeedEntry] | None = None
    error: str = ""
    fetched: str = ""


def add(site_dir: Path, targets: Iterable[str], options: AddOptions, reporter: Reporter, *,
        clock: Clock | None = None, hook: SeedHook | None = None) -> AddResult:
    """Add pages (http(s) URLs), feeds' entries (feed URLs or files) and web archives'
    HTML captures (`.warc`, `.warc.gz`, `.arc`, `.arc.gz` files) to `SITE/seeds/`."""
    seeds = site_dir / "seeds"
    new_site = not site_dir.exists()
    try:
        seeds.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SiteError(f"cannot create the folder: {exc.strerror or exc}", seeds) from exc
    if new_site:  # said even when quiet: a mistyped --site would otherwise go unnoticed
        reporter.notice("no such folder; started a new site there", site_dir)
    run = _Run(SeedBook(seeds, hook), options, reporter, clock or Clock())
    try:
        run.run(list(targets))
    except (KeyboardInterrupt, Stopped):
        run.stop()
        run.result.interrupted = True
    except BaseException:
        run.stop()
        raise
    return run.result


class _Run:
    """One `sitebuild add` run: its seeds, options, messages and result."""

    def __init__(self, book: SeedBook, options: AddOptions, reporter: Reporter,
                 clock: Clock) -> None:
        self.book = book
        self.options = options
        self.reporter = reporter
        self.clock = clock
        self.result = AddResult()
        self.verbose = True

    def stop(self) -> None:
        """Stop waiting threads, drop queued fetches, undo a half-recorded seed."""
        self.clock.stop.set()
        self.book.rollback()

    def run(self, targets: list[str]) -> None:
        """Import the archives, then fetch the pages and feeds, then the feeds' entries."""
        urls: list[str] = []
        entries: list[FeedEntry] = []
        archives: list[Path] = []
        for target in targets:
            self._classify(target, urls, entries, archives)
        self.verbose = len(urls) + len(entries) <= HANDFUL
        for archive in archives:
            self._import_archive(archive)
        with Fetcher(self.options.settings, self.clock) as fetcher:
            found = self._fetch_all(fetcher, self._new(urls), feeds=True, stage="fetching")
            entries += found
            pages = self._new([e.url for e in entries])
            dates = {e.url: e.published for e in entries}
            self.verbose = self.verbose and len(pages) <= HANDFUL
            self._fetch_all(fetcher, pages, feeds=False, stage="fetching feed entries",
                            dates=dates)

    def _classify(self, target: str, urls: list[str], entries: list[FeedEntry],
                  archives: list[Path]) -> None:
        target = target.strip()
        if "://" in target:
            try:
                urls.append(check_url(target))
            except BadURL as exc:
                self._fail(target, str(exc))
            return
        path = Path(target)
        if not path.is_file():
            self._fail(target, "no such file, and not an http(s) URL")
        elif is_archive(path):
            archives.append(path)
        else:
            try:
                found = parse_feed(path.read_bytes())
            except OSError as exc:
                self._fail(target, f"cannot read ({exc.strerror or exc})")
                return
            except NotAFeed:
                self._fail(target, "not an RSS/Atom feed or a WARC/ARC archive")
                return
            entries += self._select(target, found)

    def _select(self, feed: str, found: list[FeedEntry]) -> list[FeedEntry]:
        chosen, undated = select(found, self.options.since, self.options.limit)
        if undated:
            entries = "entry" if undated == 1 else "entries"
            self._info(f"{feed}: {undated} {entries} without a date left out (--since)")
        if not found:
            self._fail(feed, "the feed has no entries with a link")
        elif not chosen:
            since = self.options.since.date().isoformat() if self.options.since else ""
            self._info(f"{feed}: no entries published since {since}")
        return chosen

    def _new(self, urls: list[str]) -> list[str]:
        """The URLs not yet added (all of them with --refresh), each once."""
        fresh: list[str] = []
        seen: set[str] = set()
        for url in urls:
            key = same_url_key(url)
            if key in seen:
                continue
            seen.add(key)
            name = self.book.known(url)
            if name and not self.options.refresh:
                self._already(url, name)
            else:
                fresh.append(url)
        return fresh

    def _already(self, url: str, name: str) -> None:
        self.result.already.append(url)
        if self.verbose:
            self._info(f"{url}: already added as seeds/{name} "
                               "(--refresh fetches it again)")

    def _info(self, message: str) -> None:
        self.reporter.info(_shown(message))

    def _fail(self, url: str, why: str) -> None:
        self.result.failed.append((url, why))
        # Start a fresh line when a progress counter is being rewritten on this one.
        start = "\r\x1b[K" if self.reporter.live and not self.verbose else ""
        print(f"{start}{_shown(f'{url}: failed: {why}')}", file=sys.stderr)

    def _fetch_all(self, fetcher: Fetcher, urls: list[str], *, feeds: bool, stage: str,
                   dates: dict[str, datetime | None] | None = None) -> list[FeedEntry]:
        """Fetch `urls` on a few threads, save pages in order; feeds' entries returned."""
        entries: list[FeedEntry] = []
        if not urls:
            return entries
        futures = _start_workers(
            [lambda url=url: _fetch_one(fetcher, url, feeds) for url in _interleave_hosts(urls)],
            self.options.settings.hosts, self.clock.stop)
        for done, future in enumerate(futures, 1):
            outcome = future.result()
            if outcome.error:
                self._fail(outcome.url, outcome.error)
            elif outcome.entries is not None:
                entries += self._select(outcome.url, outcome.entries)
            elif outcome.response is not None:
                published = (dates or {}).get(outcome.url)
                self._save(outcome.response, outcome.fetched, published)
            self.reporter.progress(stage, done, len(futures), at_least=HANDFUL + 1)
        return entries

    def _save(self, response: Response, fetched: str, published: datetime | None) -> None:
        name = self.book.known(response.final_url)
        if name and not self.options.refresh and same_url_key(response.url) != same_url_key(
                response.final_url):
            self._already(response.url, name)  # a redirect to a page already added
            return
        meta = _page_meta(response.body)
        fields = {"url": response.final_url,
                  "outlet": meta.get("outlet") or host_of(response.final_url)}
        if published and not _shows_date(response.body, meta):
            # The page shows no date but its feed does: the feed speaks for the outlet.
            fields["published"] = published.isoformat(timespec="minutes")
        fields["fetched"] = fetched
        self._record(response.final_url, response.body, fields, asked=response.url)

    def _record(self, url: str, body: bytes, fields: dict[str, str],
                asked: str | None = None) -> None:
        name, new = self.book.put(url, body, fields, asked=asked)
        (self.result.added if new else self.result.refreshed).append(name)
        if self.verbose:
            verb = "added" if new else "refreshed"
            self._info(f"{verb} seeds/{name} ({fields.get('outlet')}: {url})")

    def _import_archive(self, path: Path) -> None:
        skipped: dict[str, int] = {}
        self.book.batch = ARCHIVE_BATCH
        verbose, self.verbose = self.verbose, False  # an archive may hold thousands of pages
        added = len(self.result.added) + len(self.result.refreshed)
        try:
            for capture in captures(path, self.options.settings.max_bytes):
                if capture.skipped:
                    reason = capture.skipped.split(" (")[0]
                    skipped[reason] = skipped.get(reason, 0) + 1
                    continue
                name = self.book.known(capture.url)
                if name and not self.options.refresh:
                    self._already(capture.url, name)
                    continue
                meta = _page_meta(capture.body)
                self._record(capture.url, capture.body, {
                    "url": capture.url,
                    "outlet": meta.get("outlet") or host_of(capture.url),
                    "fetched": capture.captured})
            self.book.flush()
        except ArchiveError as exc:
            self.book.flush()
            self._fail(str(path), str(exc))
        finally:
            self.book.batch = 1
            self.verbose = verbose
        count = len(self.result.added) + len(self.result.refreshed) - added
        self._info(f"{path}: {_count(count, 'page')} saved")
        if skipped:
            what = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
            self._info(f"{path}: passed over {_count(sum(skipped.values()), 'record')} "
                               f"that are not HTML pages ({what})")


def _start_workers(jobs: list[Callable[[], _Fetched]], threads: int,
                   stop: threading.Event) -> list[Future[_Fetched]]:
    """Run `jobs` on `threads` daemon threads; a future per job, in order. Daemon threads,
    unlike a ThreadPoolExecutor's, do not keep an interrupted run from exiting while a
    request is still waiting for its time-out; after `stop` they take no new job."""
    futures: list[Future[_Fetched]] = [Future() for _ in jobs]
    pending: queue.SimpleQueue[tuple[Callable[[], _Fetched], Future[_Fetched]]] = (
        queue.SimpleQueue())
    for pair in zip(jobs, futures, strict=True):
        pending.put(pair)

    def work() -> None:
        while not stop.is_set():
            try:
                job, future = pending.get_nowait()
            except queue.Empty:
                return
            try:
                future.set_result(job())
            except BaseException as exc:  # handed to the waiting thread, which reports it
                future.set_exception(exc)

    for n in range(max(1, min(threads, len(jobs)))):
        threading.Thread(target=work, name=f"sitebuild-add-{n}", daemon=True).start()
    return futures


def _fetch_one(fetcher: Fetcher, url: str, feeds: bool) -> _Fetched:
    """Worker thread: fetch `url`; a feed comes back as its entries."""
    accept = HTML_TYPES + ((*FEED_TYPES, "text/plain") if feeds else ())
    try:
        response = fetcher.get(url, accept, what="HTML or a feed" if feeds else "HTML")
    except FetchError as exc:
        return _Fetched(url, error=str(exc))
    fetched = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    kind = response.media_type
    if feeds and (kind in FEED_TYPES or (kind in ("", "text/plain")
                                         and looks_like_feed(response.body))):
        try:
            return _Fetched(url, entries=parse_feed(response.body, response.final_url))
        except NotAFeed:
            return _Fetched(url, error=f"not HTML or a feed ({kind or 'no type'})")
    if kind and kind not in HTML_TYPES:
        return _Fetched(url, error=f"not HTML ({kind})")
    if not kind and b"<html" not in response.body[:4096].lower():
        return _Fetched(url, error="not HTML (no content type, and no <html>)")
    return _Fetched(url, response=response, fetched=fetched)


def _page_text(body: bytes) -> str | None:
    """The page decoded as a build decodes a seed; None for a binary body."""
    try:
        text, _ = decode(body)
    except BinaryFileError:
        return None
    return text


def _page_meta(body: bytes) -> dict[str, str]:
    """What the page's markup says about itself (outlet, published …), read as a build
    reads it, without the cost of finding the article."""
    text = _page_text(body)
    root = parse_html(text) if text is not None else None
    return html_meta(root)[0] if root is not None else {}


def _shows_date(body: bytes, meta: dict[str, str]) -> bool:
    """Whether the page gives its publication date: in its markup (`meta`) or, failing
    that, in the visible byline a build reads from the extracted article."""
    if meta.get("published"):
        return True
    text = _page_text(body)
    return text is not None and "published" in read_html(text, "page.html").meta


def _shown(text: str) -> str:
    """`text` safe to print on a terminal: control characters (escape sequences) and
    bidirectional overrides, which servers, pages and archives may put in a header, a
    name or a URL, are written as `\\xNN` / `\\uNNNN`."""
    return "".join(
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        if unicodedata.category(c) == "Cc" or unicodedata.bidirectional(c) in _BIDI_CONTROLS
        else c for c in text)


def _interleave_hosts(urls: list[str]) -> list[str]:
    """The URLs with hosts taking turns, so a few hosts are fetched from at once
    instead of every thread waiting on the same host's pace."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host_of(url), []).append(url)
    waiting = list(by_host.values())
    order: list[str] = []
    while waiting:
        order += [host_urls.pop(0) for host_urls in waiting]
        waiting = [host_urls for host_urls in waiting if host_urls]
    return order
