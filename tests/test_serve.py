"""`sitebuild serve` over real HTTP: binds 127.0.0.1, rebuilds after an edit."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_server import free_port, get, wait_for

from site_builder.cache import fingerprint, unchanged
from site_builder.config import load_config
from site_builder.errors import Reporter


@pytest.fixture()
def server(sample_site: Path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--site", str(sample_site),
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: get(base) is not None or process.poll() is not None, 90,
                 "the preview server")
        assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
        yield base, sample_site
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_serves_on_loopback_only(server: tuple[str, Path]):
    base, _ = server
    port = int(base.rsplit(":", 1)[1].strip("/"))
    assert "<h1>" in (get(base) or "")
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    for address in addresses - {"127.0.0.1", "::1"}:
        with socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET) as s:
            s.settimeout(2)
            assert s.connect_ex((address, port)) != 0, f"reachable on {address}"


def test_rebuilds_after_a_seed_edit(server: tuple[str, Path]):
    base, site = server
    digest = json.loads(get(base + "digest.json") or "{}")
    article = next(a for a in digest["articles"] if a["source_file"].startswith("004"))
    seed = site / "seeds" / article["source_file"]
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1] + " Officials added that the transfer was checked by inspectors."
    seed.write_text("\n".join(lines), encoding="utf-8")
    page = base + article["url"]
    wait_for(lambda: "checked by inspectors" in (get(page) or ""), 90, "the rebuilt page")


def _indexed_text(output: Path) -> bytes:
    """Everything Pagefind stored of the pages (its fragments are gzipped JSON)."""
    return b"".join(gzip.decompress(f.read_bytes())
                    for f in sorted((output / "pagefind" / "fragment").iterdir()))


def test_search_index_follows_the_reload(server: tuple[str, Path]):
    base, site = server
    config = load_config(site, Reporter(quiet=True))
    seed = site / "seeds" / "004_3afadba021f4185c.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    lines[1] += " Inspectors from Quillanbury confirmed the delivery."
    seed.write_text("\n".join(lines), encoding="utf-8")
    wait_for(lambda: "Quillanbury" in (get(base + "digest.json") or ""), 90, "the rebuild")
    # The build is recorded as complete only once its search index is in place.
    wait_for(lambda: unchanged(config, site / "output",
                                fingerprint(config, site / "output")) is not None, 90,
              "the search index")
    assert b"Quillanbury" in _indexed_text(site / "output")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("path", [
    "../seeds/000_d15a8b927213b857.txt", "%2e%2e/seeds/000_d15a8b927213b857.txt",
    "static/..%2f..%2fseeds/000_d15a8b927213b857.txt", "%2e%2e%2f%2e%2e%2fetc/passwd",
    "linked/000_d15a8b927213b857.txt",
])
def test_nothing_outside_the_output_folder_is_served(server: tuple[str, Path], path: str):
    base, site = server
    (site / "output" / "linked").symlink_to(site / "seeds")
    status = _status(base + path)
    assert status in (400, 403, 404), (path, status)


def _status_json(base: str) -> dict:
    return json.loads(get(base + "__sitebuild__/status") or "{}")


def test_template_error_is_shown_and_the_last_good_site_stays(server: tuple[str, Path]):
    base, site = server
    good = get(base)
    assert good and "/__sitebuild__/preview.js" in good  # the overlay script is injected
    (site / "templates").mkdir(exist_ok=True)
    (site / "templates" / "index.html").write_text("{% extends 'base.html' %}\n{% block main %}"
                                                  "\n{{ digest.articles | nosuchfilter }}\n"
                                                  "{% endblock %}\n")
    wait_for(lambda: bool(_status_json(base).get("error")), 90, "the failed rebuild")
    error = _status_json(base)["error"]
    assert "index.html" in error and "nosuchfilter" in error
    assert get(base) == good  # still the last good build
    (site / "templates" / "index.html").unlink()
    (site / "seeds" / "000_d15a8b927213b857.txt").write_text(
        "The council approved the harbour plan on Monday after a long debate.\n" +
        (site / "seeds" / "000_d15a8b927213b857.txt").read_text())
    wait_for(lambda: _status_json(base).get("error") is None and
             "harbour plan" in (get(base + "digest.json") or ""), 90, "recovery")


def test_a_burst_of_edits_is_one_rebuild(server: tuple[str, Path]):
    base, site = server
    before = _status_json(base)["builds"]
    seed = site / "seeds" / "004_3afadba021f4185c.txt"
    text = seed.read_text()
    for i in range(8):  # eight saves 50 ms apart, as an editor's tool might do
        seed.write_text(text + f"\nUpdate {i}: officials said the talks would continue.\n")
        time.sleep(0.05)
    # The counter moves once a build has finished (after its swap): wait on it, not on
    # the pages, which change a moment earlier.
    wait_for(lambda: _status_json(base)["builds"] > before, 90, "the rebuild")
    assert "Update 7:" in (get(base + "digest.json") or "")
    seed.write_text(text + "\nA final note: the ministry confirmed the schedule today.\n")
    wait_for(lambda: _status_json(base)["builds"] > before + 1, 90, "the second rebuild")
    assert "confirmed the schedule" in (get(base + "digest.json") or "")
    assert _status_json(base)["builds"] == before + 2


def _raw_request(base: str, request: str) -> str:
    """The status line of the answer to a hand-written HTTP request."""
    host, port = base.split("//")[1].strip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(request.encode("latin-1"))
        return conn.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_only_requests_addressed_to_the_preview_are_answered(server: tuple[str, Path]):
    base, _ = server
    here = base.split("//")[1].strip("/")
    port = here.split(":")[1]
    get = "GET {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n"
    assert " 200 " in _raw_request(base, get.format("/", here))
    assert " 200 " in _raw_request(base, get.format("/", f"localhost:{port}"))
    # DNS rebinding: a stranger's name pointed at 127.0.0.1 must not read the drafts.
    assert " 421 " in _raw_request(base, get.format("/", f"evil.example:{port}"))
    assert " 421 " in _raw_request(base, get.format("/digest.json", "evil.example"))
    # Odd paths are a clean client error, never a traceback.
    for path in ("/%00", "/a%00b.html", "/" + "x" * 5000, "/%ff%fe", "/%2e%2e%00"):
        status = _raw_request(base, get.format(path, here))
        assert status.split()[1] in ("400", "403", "404"), (path, status)
    ws = ("GET /livereload HTTP/1.1\r\nHost: {}\r\nUpgrade: websocket\r\n"
          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\nOrigin: {}\r\n\r\n")
    assert " 101 " in _raw_request(base, ws.format(here, f"http://{here}"))
    for origin in ("http://evil.example", "null", f"http://evil.example:{port}"):
        assert " 403 " in _raw_request(base, ws.format(here, origin)), origin
    # No page can make the preview reload everyone's browser.
    assert " 200 " not in _raw_request(base, get.format("/forcereload", here))


def test_other_addresses_only_when_asked_and_with_a_warning(tmp_path: Path):
    (tmp_path / "seeds").mkdir()  # nothing to build: the command stops before binding
    result = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--site",
                             str(tmp_path), "--host", "0.0.0.0", "--port", str(free_port())],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "warning: serving on 0.0.0.0" in result.stderr
    assert "error:" in result.stderr and "no articles" in result.stderr


def test_a_busy_port_is_a_one_line_error(sample_site: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--site",
                                 str(sample_site), "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error:") and f"127.0.0.1:{port}" in last and "--port" in last


def test_the_rebuild_thread_survives_any_exception(tmp_path: Path, monkeypatch):
    from site_builder import serve

    site, out = tmp_path / "site", tmp_path / "site" / "output"
    (site / "seeds").mkdir(parents=True)
    seed = site / "seeds" / "a.txt"
    seed.write_text("The harbour authority said on Monday that the ferry terminal would open "
                    "in June.\nPassengers will be able to buy tickets online from May.\n")
    real_build = serve.build
    failures = ["a bug in a reader"]

    def flaky_build(*args, **kwargs):
        if failures:
            raise RuntimeError(failures.pop())
        return real_build(*args, **kwargs)
    monkeypatch.setattr(serve, "build", flaky_build)
    state = serve.PreviewState()
    changed, reloaded, stop = threading.Event(), threading.Event(), threading.Event()
    # The thread is stopped at the end: a live thread would make later tests' builds use a
    # fork server (parallel.py), whose workers do not see their monkeypatched settings.
    thread = threading.Thread(target=serve._rebuild_forever, daemon=True, args=(
        site, out, state, changed, reloaded.set, stop))
    thread.start()
    try:
        changed.set()
        wait_for(lambda: state.builds == 1, 60, "the failed build")
        assert state.error and "internal error" in state.error
        assert "a bug in a reader" in state.error
        seed.write_text(seed.read_text() + "The old terminal will close in July.\n")
        changed.set()
        assert reloaded.wait(120), "the preview stopped rebuilding after the exception"
        assert state.error is None and state.builds == 2
    finally:
        stop.set()
        changed.set()
        thread.join(120)
    assert not thread.is_alive()


def test_the_only_reload_is_the_one_after_an_edit_and_its_pages_are_live(
        server: tuple[str, Path]):
    """A browser that connects gets no reload of its own (livereload's polling never
    runs); after an edit, the reload comes once the edited page is served."""
    import asyncio

    from tornado.websocket import websocket_connect

    base, site = server
    digest = json.loads(get(base + "digest.json") or "{}")
    article = next(a for a in digest["articles"] if a["source_file"].startswith("004"))
    seed = site / "seeds" / article["source_file"]

    async def session() -> tuple[str | None, str]:
        socket_ = await websocket_connect(base.replace("http", "ws") + "livereload")
        await socket_.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        await socket_.read_message()
        await socket_.write_message(json.dumps({"command": "info", "url": base}))
        try:  # livereload's own poller would have sent one within 0.8 s
            early = await asyncio.wait_for(socket_.read_message(), 3)
        except TimeoutError:
            early = None
        lines = seed.read_text(encoding="utf-8").split("\n")
        lines[1] += " Officials added that the Quillanbury transfer was logged."
        seed.write_text("\n".join(lines), encoding="utf-8")
        message = await asyncio.wait_for(socket_.read_message(), 120)
        page = get(base + article["url"]) or ""
        socket_.close()
        return early, json.loads(message or "{}").get("command", "") + ("+edit" if (
            "Quillanbury transfer" in page) else "")

    early, reload = asyncio.run(session())
    assert early is None
    assert reload == "reload+edit"


def test_a_save_landing_while_the_preview_builds_is_built_next(tmp_path: Path, monkeypatch):
    from site_builder import serve

    site, out = tmp_path / "site", tmp_path / "site" / "output"
    (site / "seeds").mkdir(parents=True)
    (site / "seeds" / "a.txt").write_text(
        "The harbour authority said on Monday that the ferry terminal would open in June.\n"
        "Passengers will be able to buy tickets online from May.\n")
    real_build = serve.build
    saves: list[Path] = []

    def build_then_editor_saves(*args, **kwargs):
        result = real_build(*args, **kwargs)
        for path in saves:  # the editor's save lands after the build read content/
            path.write_text(path.read_text().replace("in June", "in late June"))
        saves.clear()
        return result
    monkeypatch.setattr(serve, "build", build_then_editor_saves)
    state = serve.PreviewState()
    serve.rebuild(site, out, state)
    [article] = (site / "content" / "articles").glob("*.md")
    saves.append(article)
    (site / "seeds" / "a.txt").write_text((site / "seeds" / "a.txt").read_text() +
                                          "The old terminal will close in July.\n")
    serve.rebuild(site, out, state)  # builds the seed edit; the editor saves meanwhile
    assert "in late June" in article.read_text()
    serve.rebuild(site, out, state)  # the watcher saw the save: it must be built
    assert state.builds == 3
    assert "in late June" in (out / "digest.json").read_text()


def test_the_edited_page_reloads_first_and_the_whole_site_follows(server: tuple[str, Path]):
    """A one-seed edit sends two reloads: the first once the edited article's page shows
    the new text (before the corpus-wide analysis), the second once every page is."""
    import asyncio

    from tornado.websocket import websocket_connect

    base, site = server
    digest = json.loads(get(base + "digest.json") or "{}")
    article = next(a for a in digest["articles"] if a["source_file"].startswith("004"))
    seed = site / "seeds" / article["source_file"]

    async def session() -> list[tuple[bool, bool]]:
        socket_ = await websocket_connect(base.replace("http", "ws") + "livereload")
        await socket_.write_message(json.dumps({"command": "hello", "protocols": [
            "http://livereload.com/protocols/official-7"]}))
        await socket_.read_message()
        await socket_.write_message(json.dumps({"command": "info", "url": base}))
        lines = seed.read_text(encoding="utf-8").split("\n")
        lines[1] += " Officials added that the Quillanbury ferry was inspected."
        seed.write_text("\n".join(lines), encoding="utf-8")
        seen = []
        for _ in range(2):
            message = await asyncio.wait_for(socket_.read_message(), 120)
            assert json.loads(message or "{}").get("command") == "reload"
            page, data = get(base + article["url"]) or "", get(base + "digest.json") or ""
            seen.append(("Quillanbury ferry" in page, "Quillanbury ferry" in data))
        socket_.close()
        return seen

    first, second = asyncio.run(session())
    assert first[0]  # the edited page is live (the rest may or may not be yet)
    assert second == (True, True)
