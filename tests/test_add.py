"""`sitebuild add` against a local server on 127.0.0.1: pages, feeds, robots.txt,
redirects, the address guard, time-outs, retries, limits, re-adding, interruption, and
web archives written here with warcio."""

from __future__ import annotations

import ipaddress
import json
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import yaml
from add_helpers import FakeClock, LocalSite, Route, article_html, atom, rss, serve

from site_builder.config import load_config
from site_builder.errors import Reporter
from site_builder.fetch.client import FetchSettings
from site_builder.fetch.guard import AddressGuard, is_public
from site_builder.fetch.policy import Pace
from site_builder.fetch.run import AddOptions, AddResult, add
from site_builder.fetch.urls import BadURL, check_url, seed_name

LOOPBACK_ONLY = AddressGuard(allowed=(ipaddress.ip_network("127.0.0.1/32"),))
TEXT = ["The river rose two metres overnight and the old bridge was closed to traffic.",
        "Engineers said the supports would be inspected before any reopening."]


@pytest.fixture()
def local() -> Iterator[LocalSite]:
    yield from serve(LocalSite())


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    (tmp_path / "site" / "seeds").mkdir(parents=True)
    return tmp_path / "site"


def run(site: Path, targets: list[str], clock: FakeClock | None = None, hook=None,
        refresh: bool = False, since: datetime | None = None, limit: int | None = None,
        **settings) -> AddResult:
    """`sitebuild add` through the API, reaching 127.0.0.1 only, without pauses."""
    settings = {"delay": 0.0, "timeout": 10.0, "guard": LOOPBACK_ONLY, **settings}
    options = AddOptions(refresh=refresh, since=since, limit=limit,
                         settings=FetchSettings(**settings))
    return add(site, targets, options, Reporter(quiet=True), clock=clock, hook=hook)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "site_builder", "add", *args],
                          capture_output=True, text=True, timeout=60)


def sources(site: Path) -> dict:
    return yaml.safe_load((site / "seeds" / "sources.yml").read_text()) or {}


def failures(result: AddResult) -> dict[str, str]:
    return dict(result.failed)


def test_pages_are_saved_as_served_with_url_outlet_and_fetch_time(local: LocalSite, site: Path):
    (site / "seeds" / "sources.yml").write_text(
        "# kept by the desk editor\nhand.txt:\n  outlet: Hand Saved  # checked by phone\n")
    (site / "seeds" / "hand.txt").write_text("An article saved by hand.\n")
    one = local.page("/news/2024/bridge-closed.html", article_html("Bridge", "River Post", TEXT))
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
          '"publisher": {"@type": "Organization", "name": "Valley Times"}}</script>')
    two = local.page("/story?id=7", article_html("Story", None, TEXT).replace("</head>", ld))
    three = local.page("/plain", article_html("Plain", None, TEXT))
    before = datetime.now(UTC).replace(microsecond=0)
    done = cli("--site", str(site), "--allow-private", "--delay", "0", one, two, three)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "added 3 articles to seeds/"
    assert "Traceback" not in done.stderr
    entries = sources(site)
    assert entries["hand.txt"] == {"outlet": "Hand Saved"}
    text = (site / "seeds" / "sources.yml").read_text()
    assert "# kept by the desk editor" in text and "# checked by phone" in text
    by_url = {e["url"]: (name, e) for name, e in entries.items() if "url" in e}
    assert {e["outlet"] for _, e in by_url.values()} == {"River Post", "Valley Times",
                                                        "127.0.0.1"}
    name, entry = by_url[one]
    assert name == "127-0-0-1-news-2024-bridge-closed.html"
    assert (site / "seeds" / name).read_bytes() == local.routes[
        "/news/2024/bridge-closed.html"].body  # the raw bytes as served
    assert datetime.fromisoformat(entry["fetched"]) >= before
    assert entry["fetched"].endswith("Z")
    agents = {h.get("User-Agent", "") for _, h in local.requests}
    assert all(a.startswith("sitebuild/") for a in agents), agents
    config = load_config(site, reporter := Reporter(quiet=True))
    assert reporter.warnings == []  # `fetched` is a known key, not an unknown one
    assert config.sources[name]["outlet"] == "River Post"


def test_seed_names_are_safe_and_never_overwrite_another_seed(local: LocalSite, site: Path):
    (site / "seeds" / "127-0-0-1-news-story.html").write_text("<p>saved by hand</p>")
    first = local.page("/news/story", article_html("A", "Post", TEXT))
    second = local.page("/news/Story", article_html("B", "Post", TEXT))
    result = run(site, [first, second])
    assert result.added == ["127-0-0-1-news-story-2.html", "127-0-0-1-news-story-3.html"]
    assert (site / "seeds" / "127-0-0-1-news-story.html").read_text() == "<p>saved by hand</p>"
    for url in ["https://example.org/../../etc/passwd", "https://example.org/%2e%2e/x",
                "https://example.org/" + "long-" * 100, "https://example.org/"]:
        name = seed_name(url, set())
        assert "/" not in name and not name.startswith(".") and len(name) <= 90, name
    for bad in ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x",
                "http://", "http://example.org:99999/", "https://user:secret@example.org/"]:
        with pytest.raises(BadURL):
            check_url(bad)


def test_rss_and_atom_feeds_add_their_entries(local: LocalSite, site: Path, tmp_path: Path):
    day = [datetime(2024, 3, d, 9, 30, tzinfo=UTC) for d in range(1, 7)]
    urls = [local.page(f"/p{n}", article_html(f"P{n}", "Post", TEXT)) for n in range(6)]
    local.routes["/rss"] = Route(body=rss(list(zip(urls[:3], day[:3], strict=True))),
                                 content_type="application/rss+xml")
    local.routes["/atom"] = Route(body=atom(list(zip(urls[3:], day[3:], strict=True))),
                                  content_type="application/atom+xml; charset=utf-8")
    result = run(site, [local.url("/rss"), local.url("/atom")],
                 since=datetime(2024, 3, 2, tzinfo=UTC), limit=2)
    assert result.failed == []
    added = {e["url"] for e in sources(site).values()}
    # RSS: since 2 March leaves p1, p2; Atom: the two newest of p3..p5.
    assert added == {urls[1], urls[2], urls[4], urls[5]}
    # The page shows no date but its feed does: the feed's date is recorded.
    entry = next(e for e in sources(site).values() if e["url"] == urls[2])
    assert entry["published"] == "2024-03-03T09:30+00:00"
    # A feed saved as a file works too; entries already added are skipped.
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([(urls[0], day[0]), (urls[1], day[1])]))
    again = run(site, [str(feed)])
    assert again.already == [urls[1]] and len(again.added) == 1


def test_a_feed_date_is_recorded_only_for_a_page_that_shows_none(local: LocalSite,
                                                                  site: Path):
    day = datetime(2024, 3, 9, 8, 0, tzinfo=UTC)
    marked = local.page("/marked", article_html("Marked", "Post", TEXT,
                                                published="2024-03-05T10:00:00Z"))
    # A date only in the visible byline: a build reads it there, so the page shows one.
    byline = local.page("/byline", article_html("Byline", "Post", TEXT).replace(
        "<h1>Byline</h1>", "<h1>Byline</h1>\n<p>By Jane Doe, 6 March 2024</p>"))
    bare = local.page("/bare", article_html("Bare", "Post", TEXT))
    local.routes["/rss"] = Route(body=rss([(marked, day), (byline, day), (bare, day)]),
                                 content_type="application/rss+xml")
    result = run(site, [local.url("/rss")])
    assert result.failed == [] and len(result.added) == 3
    published = {e["url"]: e.get("published") for e in sources(site).values()}
    assert published == {marked: None, byline: None, bare: "2024-03-09T08:00+00:00"}


def test_robots_txt_disallowing_a_path_is_honoured(local: LocalSite, site: Path):
    local.routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /members/\n", content_type="text/plain")
    private = local.page("/members/story", article_html("M", "Post", TEXT))
    public = local.page("/open/story", article_html("O", "Post", TEXT))
    result = run(site, [private, public])
    assert failures(result) == {private: "disallowed by robots.txt"}
    assert len(result.added) == 1
    assert "/members/story" not in local.paths()
    assert local.paths().count("/robots.txt") == 1


def test_robots_txt_server_error_means_stay_away(local: LocalSite, site: Path):
    local.routes["/robots.txt"] = Route(500, b"oops", "text/plain")
    page = local.page("/story", article_html("S", "Post", TEXT))
    result = run(site, [page], retries=0)
    assert failures(result) == {page: "robots.txt unavailable (500 Internal Server Error)"}
    assert "/story" not in local.paths()


def test_redirects_are_followed_by_hand_and_limited(local: LocalSite, site: Path):
    final = local.page("/new", article_html("New", "Post", TEXT))
    local.routes["/old"] = Route(301, headers={"Location": "/moved"})
    local.routes["/moved"] = Route(302, headers={"Location": final})
    for n in range(8):
        local.routes[f"/loop{n}"] = Route(302, headers={"Location": f"/loop{n + 1}"})
    local.routes["/to-ftp"] = Route(302, headers={"Location": "ftp://127.0.0.1/x"})
    result = run(site, [local.url("/old"), local.url("/loop0"), local.url("/to-ftp")])
    assert [e["url"] for e in sources(site).values()] == [final]
    assert failures(result) == {local.url("/loop0"): "more than 5 redirects",
                                local.url("/to-ftp"): "redirect refused: not an http(s) URL"}
    assert "/loop6" not in local.paths()


def test_redirect_to_a_private_address_is_refused_before_connecting(
        local: LocalSite, site: Path, monkeypatch: pytest.MonkeyPatch):
    local.routes["/to-lan"] = Route(302, headers={"Location": "http://10.0.0.1/admin"})
    local.routes["/to-metadata"] = Route(
        307, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    local.routes["/to-v6"] = Route(302, headers={"Location": "http://[fe80::1]/"})
    connected: list[object] = []
    real = socket.create_connection

    def spy(address, *args, **kwargs):
        connected.append(address[0])
        assert address[0] == "127.0.0.1", f"connection attempted to {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", spy)
    result = run(site, [local.url("/to-lan"), local.url("/to-metadata"), local.url("/to-v6")])
    assert failures(result) == {local.url("/to-lan"): "private address (10.0.0.1)",
                                local.url("/to-metadata"): "private address (169.254.169.254)",
                                local.url("/to-v6"): "private address (fe80::1)"}
    assert set(connected) == {"127.0.0.1"}
    assert result.added == []


def test_private_addresses_are_refused_by_default_even_through_dns(local: LocalSite,
                                                                   site: Path):
    page = local.page("/story", article_html("S", "Post", TEXT))
    by_name = page.replace("127.0.0.1", "localhost")
    done = cli("--site", str(site), "--delay", "0", page, by_name)
    assert done.returncode == 1
    assert f"{page}: failed: private address (127.0.0.1)" in done.stderr
    assert f"{by_name}: failed: private address (" in done.stderr
    assert local.requests == []  # nothing was sent
    assert done.stdout.strip() == "added 0 articles to seeds/, 2 failed"


def test_address_guard_rules():
    for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1",
                    "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1",
                    "fc00::1", "ff02::1", "::ffff:10.0.0.1"]:
        assert not is_public(ipaddress.ip_address(address)), address
    for address in ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]:
        assert is_public(ipaddress.ip_address(address))
    guard = AddressGuard(resolver=lambda host, port: ["93.184.215.14", "10.0.0.5"])
    with pytest.raises(Exception, match=r"private address \(10.0.0.5\)"):
        guard.resolve("mixed.example", 80)  # one private answer among public ones
    assert LOOPBACK_ONLY.permits(ipaddress.ip_address("127.0.0.1"))
    assert not LOOPBACK_ONLY.permits(ipaddress.ip_address("127.0.0.2"))


def _slow(site_: LocalSite):
    def handler(request: BaseHTTPRequestHandler) -> None:
        site_.release.wait(10)  # released when the test's server stops
        request.send_response(200)
        request.end_headers()
    return handler


def test_a_slow_response_times_out(local: LocalSite, site: Path):
    local.routes["/slow"] = _slow(local)
    fine = local.page("/fine", article_html("F", "Post", TEXT))
    result = run(site, [local.url("/slow"), fine], timeout=1.0)
    assert failures(result) == {local.url("/slow"): "timed out"}
    assert len(result.added) == 1


def test_404_and_nothing_added_exit_non_zero(local: LocalSite, site: Path):
    done = cli("--site", str(site), "--allow-private", "--delay", "0", local.url("/gone"))
    assert done.returncode == 1
    assert done.stderr.strip() == f"{local.url('/gone')}: failed: 404 Not Found"
    assert done.stdout.strip() == "added 0 articles to seeds/, 1 failed"
    assert not (site / "seeds" / "sources.yml").exists()


def _busy_then_ok(local: LocalSite, status: int, retry_after: str | None, busy: int):
    calls = {"n": 0}

    def handler(request: BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        if calls["n"] <= busy:
            request.send_response(status)
            if retry_after is not None:
                request.send_header("Retry-After", retry_after)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        body = article_html("Later", "Post", TEXT).encode()
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)
    return handler


def test_429_is_retried_after_the_time_retry_after_asks(local: LocalSite, site: Path):
    local.routes["/busy"] = _busy_then_ok(local, 429, "2", busy=2)
    local.routes["/down"] = _busy_then_ok(local, 503, None, busy=99)
    local.routes["/later"] = _busy_then_ok(local, 429, "7200", busy=1)
    clock = FakeClock()
    result = run(site, [local.url("/busy")], clock=clock)
    assert len(result.added) == 1 and clock.sleeps == [2.0, 2.0]
    clock = FakeClock()
    result = run(site, [local.url("/down")], clock=clock)
    assert failures(result) == {local.url("/down"): "503 Service Unavailable"}
    assert clock.sleeps == [1.0, 2.0, 4.0]  # back-off without Retry-After, 3 retries
    clock = FakeClock()
    result = run(site, [local.url("/later")], clock=clock)
    assert failures(result) == {
        local.url("/later"): "429 Too Many Requests (asks to retry after 7200 s)"}
    assert clock.sleeps == []


def test_one_request_per_second_per_host():
    clock = FakeClock()
    pace = Pace(1.0, clock)
    for host in ["a", "a", "b", "a"]:
        pace.wait(host)
    assert clock.sleeps == [1.0, 1.0]  # b went at once; a waited its turn each time
    pace.slow_down("b", 5.0)  # robots.txt Crawl-delay
    pace.wait("b")
    pace.wait("b")
    assert clock.sleeps[-1] == 5.0


def test_the_pace_holds_across_a_run(local: LocalSite, site: Path):
    pages = [local.page(f"/p{n}", article_html(f"P{n}", "Post", TEXT)) for n in range(3)]
    clock = FakeClock()
    result = run(site, pages, clock=clock, delay=1.0, hosts=1)  # one thread: one fake time line
    assert len(result.added) == 3
    assert sum(clock.sleeps) == pytest.approx(3.0)  # robots.txt and 3 pages, 1 s apart


def test_a_huge_body_is_refused_while_it_streams(local: LocalSite, site: Path):
    huge = b"<html><body>" + b"<p>filler text</p>" * 200_000

    def undeclared(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        try:
            for start in range(0, len(huge), 65536):
                request.wfile.write(huge[start:start + 65536])
        except OSError:
            pass  # the client hung up once it had enough
    local.routes["/declared"] = Route(body=huge)
    local.routes["/undeclared"] = undeclared
    result = run(site, [local.url("/declared"), local.url("/undeclared")],
                 max_bytes=256 * 1024)
    assert failures(result) == {
        local.url("/declared"): f"too large ({len(huge):,} bytes; the limit is 256 KB)",
        local.url("/undeclared"): "too large (over 256 KB)"}
    assert [p.name for p in (site / "seeds").iterdir()] == []


def test_a_type_that_is_not_html_is_refused(local: LocalSite, site: Path):
    local.routes["/report.pdf"] = Route(body=b"%PDF-1.7", content_type="application/pdf")
    local.routes["/data"] = Route(body=b'{"a": 1}', content_type="application/json")
    result = run(site, [local.url("/report.pdf"), local.url("/data")])
    assert failures(result) == {local.url("/report.pdf"): "not HTML or a feed (application/pdf)",
                                local.url("/data"): "not HTML or a feed (application/json)"}


def test_hostile_text_is_printed_without_its_control_characters(local: LocalSite,
                                                                 site: Path):
    # A C1 control (CSI) in a header and a bidirectional override in the page's name.
    local.routes["/odd"] = Route(body=b"x", content_type="application/\x9b2Jx")
    page = local.page("/story", article_html("S", "Post\u202egnp.exe", TEXT))
    done = cli("--site", str(site), "--allow-private", "--delay", "0", local.url("/odd"), page,
               "http://example.org/a\x1b[2J")
    assert done.returncode == 0, done.stderr
    assert "\x9b" not in done.stderr and "\u202e" not in done.stderr
    assert "\x1b" not in done.stderr
    assert "not HTML or a feed (application/\\x9b2jx)" in done.stderr
    assert "Post\\u202egnp.exe" in done.stderr
    assert "http://example.org/a\\x1b[2J: failed: not a valid URL (a control character in it)" \
        in done.stderr


def test_a_url_already_added_is_skipped_unless_refreshed(local: LocalSite, site: Path):
    page = local.page("/story", article_html("S", "River Post", TEXT))
    first = run(site, [page])
    name = first.added[0]
    text = (site / "seeds" / "sources.yml").read_text()
    (site / "seeds" / "sources.yml").write_text(
        text.replace("outlet: River Post", "outlet: The River Post  # corrected"))
    requests = len(local.requests)
    done = cli("--site", str(site), "--allow-private", "--delay", "0", page + "#comments")
    assert done.returncode == 1
    assert f"already added as seeds/{name} (--refresh fetches it again)" in done.stderr
    assert done.stdout.strip() == "added 0 articles to seeds/, 1 already added"
    assert len(local.requests) == requests
    local.page("/story", article_html("S", "River Post", [*TEXT, "An update."]))
    again = run(site, [page], refresh=True)
    assert again.refreshed == [name] and again.added == []
    assert b"An update." in (site / "seeds" / name).read_bytes()
    assert "outlet: The River Post  # corrected" in (site / "seeds" / "sources.yml").read_text()


def test_an_interrupted_run_leaves_seeds_and_sources_in_step(local: LocalSite, site: Path):
    (site / "seeds" / "sources.yml").write_text("# editor\nhand.txt: {outlet: Desk}\n")
    (site / "seeds" / "hand.txt").write_text("saved by hand\n")
    pages = [local.page(f"/p{n}", article_html(f"P{n}", "Post", TEXT)) for n in range(5)]
    written: list[str] = []

    def hook(name: str) -> None:
        written.append(name)
        if len(written) == 3:  # the third seed is on disk, sources.yml not yet updated
            raise KeyboardInterrupt

    result = run(site, pages, hook=hook)
    assert result.interrupted and result.exit_code == 130
    assert len(result.added) == 2

    def consistent() -> set[str]:
        on_disk = {p.name for p in (site / "seeds").iterdir()}
        entries = sources(site)
        assert not [n for n in on_disk if n.startswith(".")]  # no temporary files left
        assert on_disk - {"sources.yml"} == set(entries)
        assert entries["hand.txt"] == {"outlet": "Desk"}
        return set(entries)

    assert consistent() == {"hand.txt", *result.added}
    again = run(site, pages)
    assert len(again.added) == 3 and len(again.already) == 2
    assert len(consistent()) == 6


def test_urls_from_a_file(local: LocalSite, site: Path, tmp_path: Path):
    pages = [local.page(f"/p{n}", article_html(f"P{n}", "Post", TEXT)) for n in range(2)]
    listing = tmp_path / "links.txt"
    listing.write_text(f"# links for Monday\n\n{pages[0]}\n   \n# {pages[1]}\n{pages[1]}\n")
    done = cli("--site", str(site), "--allow-private", "--delay", "0", "--from", str(listing))
    assert done.returncode == 0, done.stderr
    assert {e["url"] for e in sources(site).values()} == set(pages)


def test_bad_input_is_one_line_never_a_traceback(site: Path, tmp_path: Path):
    (site / "seeds" / "sources.yml").write_text("a.txt:\n  outlet: [unclosed\n")
    done = cli("--site", str(site), "https://example.org/x")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ") and "sources.yml:" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    (site / "seeds" / "sources.yml").unlink()
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n")
    done = cli("--site", str(site), str(notes), str(tmp_path / "missing.warc"), "mailto:x@y")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{notes}: failed: not an RSS/Atom feed or a WARC/ARC archive" in done.stderr
    assert f"{tmp_path / 'missing.warc'}: failed: no such file" in done.stderr
    assert done.stdout.strip() == "added 0 articles to seeds/, 3 failed"
    assert cli("--site", str(site), "--since", "last week", "x").returncode == 2
    assert cli("--site", str(site)).returncode == 1


def _warc(path: Path, records: list[tuple[str, int, str, bytes, str]]) -> None:
    """Write a WARC file: (URL, status, content type, body, capture date) per response,
    each preceded by its request record, as crawlers write them."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for url, status, kind, body, date in records:
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b""), warc_headers_dict={"WARC-Date": date},
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                              is_http_request=True))
            writer.write_record(request)
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", kind)],
                                       protocol="HTTP/1.1")
            response = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": date})
            writer.write_record(response)


def test_a_page_in_the_charset_its_header_names_is_saved_as_utf8(local: LocalSite,
                                                                 site: Path):
    # A short page in a legacy code page is beyond guessing (this one reads as
    # Windows-1252 mojibake); only the server's Content-Type says what it is.
    html = article_html("Most zamknięty", "Gazeta Żuławska", ["Most zamknięty po powodzi."])
    local.routes["/most"] = Route(body=html.encode("iso8859_2"),
                                  content_type="text/html; charset=ISO-8859-2")
    result = run(site, [local.url("/most")])
    assert failures(result) == {} and len(result.added) == 1
    saved = (site / "seeds" / result.added[0]).read_bytes().decode("utf-8")
    assert "Most zamknięty po powodzi." in saved
    assert sources(site)[result.added[0]]["outlet"] == "Gazeta Żuławska"


def test_a_web_archive_brings_in_its_html_pages(site: Path, tmp_path: Path):
    crawl = tmp_path / "crawl.warc.gz"
    first = article_html("Flood", "River Post", TEXT).encode()
    second = article_html("Bridge", None, TEXT).encode()
    _warc(crawl, [
        ("https://news.example.org/2024/flood", 200, "text/html; charset=utf-8", first,
         "2024-03-04T10:00:00Z"),
        ("https://www.valley.example/bridge", 200, "text/html", second,
         "2024-03-05T11:30:00Z"),
        ("https://news.example.org/logo.png", 200, "image/png", b"\x89PNG", "2024-03-04T10:00:01Z"),
        ("https://news.example.org/gone", 404, "text/html", b"nope", "2024-03-04T10:00:02Z"),
    ])
    done = cli("--site", str(site), str(crawl))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "added 2 articles to seeds/"
    assert "passed over 2 records that are not HTML pages" in done.stderr
    entries = sources(site)
    assert entries == {
        "news-example-org-2024-flood.html": {"url": "https://news.example.org/2024/flood",
                                             "outlet": "River Post",
                                             "fetched": "2024-03-04T10:00:00Z"},
        "valley-example-bridge.html": {"url": "https://www.valley.example/bridge",
                                       "outlet": "valley.example",
                                       "fetched": "2024-03-05T11:30:00Z"}}
    assert (site / "seeds" / "news-example-org-2024-flood.html").read_bytes() == first
    again = cli("--site", str(site), str(crawl))
    assert again.returncode == 1 and "2 already added" in again.stdout
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not an archive\n")
    done = cli("--site", str(site), str(broken))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{broken}: failed: not a readable WARC file" in done.stderr


def test_the_summary_counts_correctly(site: Path):
    result = AddResult(added=["a.html"], already=["u"], failed=[("x", "y"), ("z", "w")])
    assert result.summary() == "added 1 article to seeds/, 1 already added, 2 failed"
    assert result.exit_code == 0
    assert json.dumps(AddResult().summary()) == '"added 0 articles to seeds/"'


def test_an_arc_file_is_read_too(site: Path, tmp_path: Path):
    body = article_html("Old crawl", "Archive Post", TEXT).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    about = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = tmp_path / "old.arc"
    arc.write_bytes(
        b"filedesc://old.arc 0.0.0.0 20110304100000 text/plain %d\n" % len(about) + about
        + b"\nhttp://example.org/2011/story 192.0.2.1 20110304100000 text/html %d\n" % len(http)
        + http + b"\n")
    result = run(site, [str(arc)])
    assert result.added == ["example-org-2011-story.html"]
    assert sources(site)["example-org-2011-story.html"] == {
        "url": "http://example.org/2011/story", "outlet": "Archive Post",
        "fetched": "2011-03-04T10:00:00Z"}


def test_ctrl_c_stops_at_once_and_keeps_what_was_added(local: LocalSite, site: Path):
    fast = local.page("/fast", article_html("F", "Post", TEXT))
    local.routes["/slow"] = _slow(local)
    later = local.page("/later", article_html("L", "Post", TEXT))
    process = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "add", "--site", str(site), "--allow-private",
         "--delay", "0", "--hosts", "1", fast, local.url("/slow"), later],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        listed = site / "seeds" / "sources.yml"

        def waiting_on_slow() -> bool:  # /fast recorded, /slow in flight
            return "/slow" in local.paths() and listed.exists() and "/fast" in listed.read_text()

        deadline = time.monotonic() + 30
        while not waiting_on_slow() and time.monotonic() < deadline:
            time.sleep(0.05)  # polling interval; the deadline bounds the wait
        assert waiting_on_slow()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)  # not the 20 s read time-out
    finally:
        process.kill()
    assert process.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    assert out.strip() == "added 1 article to seeds/ (interrupted)"
    assert [e["url"] for e in sources(site).values()] == [fast]
    assert sorted(p.name for p in (site / "seeds").iterdir()) == [
        "127-0-0-1-fast.html", "sources.yml"]


def test_many_urls_show_a_progress_counter(local: LocalSite, site: Path,
                                           capsys: pytest.CaptureFixture[str]):
    pages = [local.page(f"/p{n}", article_html(f"P{n}", "Post", TEXT)) for n in range(7)]
    options = AddOptions(settings=FetchSettings(delay=0, guard=LOOPBACK_ONLY))
    result = add(site, pages, options, Reporter(live=True))
    assert len(result.added) == 7
    err = capsys.readouterr().err
    assert "\rfetching 7/7\n" in err
    assert "added seeds/" not in err  # no line per page past a handful


def test_https_connects_to_the_checked_address_and_checks_the_host_name(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The guard's own DNS answer is the address connected to (`news.test` resolves
    nowhere else), while TLS checks the certificate against the host name."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    local = LocalSite()
    local.page("/story", article_html("S", "Secure Post", TEXT))
    running = serve(local, tls=server_tls)
    next(running)
    connected: list[str] = []
    real = socket.create_connection
    monkeypatch.setattr(socket, "create_connection",
                        lambda address, *a, **k: connected.append(address[0])
                        or real(address, *a, **k))
    guard = AddressGuard(allowed=LOOPBACK_ONLY.allowed,
                         resolver=lambda host, port: ["127.0.0.1"])
    try:
        url = f"https://news.test:{local.port}/story"
        result = run(site, [url], guard=guard, ca_file=str(cert))
        assert result.failed == [] and len(result.added) == 1
        assert sources(site)[result.added[0]]["outlet"] == "Secure Post"
        assert set(connected) == {"127.0.0.1"}
        assert {h["Host"] for _, h in local.requests} == {f"news.test:{local.port}"}
        other = f"https://other.test:{local.port}/story"  # same address, wrong name
        result = run(site, [other], guard=guard, ca_file=str(cert))
        assert "certificate verify failed" in failures(result)[other]
    finally:
        running.close()


def test_a_refresh_never_writes_outside_seeds(local: LocalSite, site: Path):
    page = local.page("/story", article_html("S", "Post", TEXT))
    outside = site / "outside.html"
    outside.write_text("not a seed")
    (site / "seeds" / "sources.yml").write_text(f"../outside.html:\n  url: {page}\n")
    result = run(site, [page], refresh=True)
    assert result.added == ["127-0-0-1-story.html"]
    assert outside.read_text() == "not a seed"
