"""Benchmark sitebuild against Hugo (+ Pagefind), Pelican and MkDocs on the same articles.

    pip install -e '.[bench]'
    python benchmarks/run.py --sizes 1000 10000 --runs 3

For each size it generates the corpus (benchmarks/corpus.py: real-shaped scraped news
text with its debris, names and figures varied per story and per copy), then times, in
one run on this machine: sitebuild's full pipeline from raw seeds (read, clean, write
content/, analyse, render, search index) with a cold cache, a rebuild with nothing
changed, a rebuild after editing one article; at the `--serve` sizes, the time from
saving a one-article edit to `sitebuild serve` sending the browser its first reload (the
edited page live) and its last (every page live; each edit waits until the preview has
been quiet for 10 s), and the same for `hugo server`; and Hugo (alone, and followed by
Pagefind: a Hugo site with search), Pelican and MkDocs rendering the same articles' body
text. Each figure is the
median wall time of `--runs` runs and the peak memory of the whole process tree (sampled
every 50 ms), twice: summed resident memory (RSS), which counts a page a forked worker
shares with its parent once per process, and summed proportional memory (PSS), which
splits each shared page between the processes that share it. Run it from a checkout that
is not being edited: sitebuild's memos are keyed by its own code, so a change mid-run
makes every build cold.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # a sibling script, not a package
from tornado.websocket import websocket_connect  # tornado comes with livereload


@dataclass
class Timing:
    tool: str
    articles: int
    seconds: float
    peak_mib: float
    peak_pss_mib: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def _pss(pid: int) -> int:
    """Proportional bytes of one process (0 when it is gone or cannot be read)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree_memory(root: int) -> tuple[int, int]:
    """Resident and proportional bytes of `root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * _PAGE
    total, proportional, stack = 0, 0, [root]
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        proportional += _pss(pid)
        stack.extend(children.get(pid, ()))
    return total, proportional


_PAGE = os.sysconf("SC_PAGE_SIZE")


class _TreeMemory(threading.Thread):
    """Samples the process tree's total RSS and PSS every 50 ms until stopped."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak, self.peak_pss, self.done = root, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            rss, pss = _tree_memory(self.root)
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)


def _run(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Run a command; return wall seconds and the peak RSS and PSS of its whole process
    tree (MiB)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    sampler = _TreeMemory(child.pid)
    sampler.start()
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    # Sampling can miss a short peak; the largest single process is a floor.
    return (elapsed, max(sampler.peak, usage.ru_maxrss * 1024) / 2**20,
            sampler.peak_pss / 2**20)


def _median(samples: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (statistics.median(s for s, _, _ in samples), max(m for _, m, _ in samples),
            max(p for _, _, p in samples))


def _sitebuild(site: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    command = [sys.executable, "-m", "site_builder", "build", "--site", str(site), "--quiet"]
    cold = []
    for _ in range(runs):
        for leftover in ("content", "output", ".sitebuild"):
            shutil.rmtree(site / leftover, ignore_errors=True)
        cold.append(_run(command, site))
    warm = [_run(command, site) for _ in range(runs)]
    edited = []
    seed = sorted((site / "seeds").glob("*.txt"))[0]
    original = seed.read_text()
    for i in range(runs):
        _edit(seed, original, i)
        edited.append(_run(command, site))
    seed.write_text(original)
    return {"sitebuild (full, cold)": _median(cold),
            "sitebuild (no change)": _median(warm),
            "sitebuild (one edit)": _median(edited)}


def _edit(seed: Path, original: str, number: int) -> None:
    lines = original.split("\n")
    lines.insert(7, f"An editor's correction number {number} was added to this report on Friday.")
    seed.write_text("\n".join(lines))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _reload_latency(command: list[str], port: int, edited: Path, runs: int
                    ) -> tuple[float, float]:
    """Medians of seconds from saving `edited` to the preview server's first livereload
    message and to its last one (the preview reloads once when the edited page is live
    and again when every page is)."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        return asyncio.run(_reloads(port, edited, runs))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _serve_latency(site: Path, runs: int) -> tuple[float, float]:
    port = _free_port()
    command = [sys.executable, "-m", "site_builder", "serve", "--site", str(site),
               "--port", str(port)]
    return _reload_latency(command, port, sorted((site / "seeds").glob("*.txt"))[0], runs)


def _hugo_server_latency(peers: Path, runs: int) -> tuple[float, float] | None:
    if shutil.which("hugo") is None:
        return None
    port = _free_port()
    command = ["hugo", "server", "--source", str(peers / "hugo"), "--bind", "127.0.0.1",
               "--port", str(port), "--quiet"]
    return _reload_latency(command, port,
                           sorted((peers / "hugo" / "content" / "posts").glob("*.md"))[0], runs)


# A preview is taken to have settled when no reload follows for this long.
SETTLED_SECONDS = 10.0


async def _reloads(port: int, seed: Path, runs: int) -> tuple[float, float]:
    deadline = time.monotonic() + 600  # the first build of a big site comes before serving
    while True:
        try:
            socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
            break
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("the preview server did not start") from None
            await asyncio.sleep(0.2)
    # The livereload handshake: hello, then info makes this client a reload waiter.
    # Compact JSON: Hugo's server recognises the hello only without spaces.
    await socket_.write_message(json.dumps(
        {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]},
        separators=(",", ":")))
    await socket_.read_message()
    await socket_.write_message(json.dumps(
        {"command": "info", "url": f"http://127.0.0.1:{port}/"}, separators=(",", ":")))
    original = seed.read_text()
    first, last = [], []
    try:
        for number in range(runs):
            _edit(seed, original, number)
            started = time.perf_counter()
            reloads = []
            # Every reload this edit brings, until the preview has been quiet for a while
            # (so that the next edit does not meet this one's later work or reloads).
            while True:
                wait = 600 if not reloads else SETTLED_SECONDS
                try:
                    message = await asyncio.wait_for(socket_.read_message(), wait)
                except TimeoutError:
                    if not reloads:
                        raise SystemExit("no reload came within 600 s") from None
                    break
                if message is None:
                    raise SystemExit("the preview server closed the connection")
                if json.loads(message).get("command") == "reload":
                    reloads.append(time.perf_counter() - started)
            first.append(reloads[0])
            last.append(reloads[-1])
    finally:
        seed.write_text(original)
        socket_.close()
    return statistics.median(first), statistics.median(last)


def _peers(peers: Path, runs: int) -> dict[str, tuple[float, float, float]]:
    def hugo(out: str) -> list[str]:
        return ["hugo", "--quiet", "--source", str(peers / "hugo"), "--destination",
                str(peers / out)]

    commands = {
        "hugo (render only)": ("hugo-out", hugo("hugo-out")),
        # A Hugo site with search: the same render, then Pagefind over its output.
        "hugo + pagefind": ("hugo-search-out", ["sh", "-c", shlex.join(hugo("hugo-search-out"))
                            + " && " + shlex.join([sys.executable, "-m", "pagefind", "--site",
                                                   str(peers / "hugo-search-out"), "--silent"])]),
        "pelican (render only)": ("pelican-out", [
            "pelican", str(peers / "pelican" / "content"), "-o", str(peers / "pelican-out"),
            "-s", str(peers / "pelican" / "pelicanconf.py"), "-q"]),
        "mkdocs (render only)": ("mkdocs-out", [
            "mkdocs", "build", "-q", "-f", str(peers / "mkdocs" / "mkdocs.yml"), "-d",
            str(peers / "mkdocs-out")]),
    }
    results = {}
    for name, (out, command) in commands.items():
        tool = name.split()[0]
        if shutil.which(tool) is None:
            print(f"  {name}: {tool} not installed (pip install -e '.[bench]'); skipped",
                  file=sys.stderr)
            continue
        samples = []
        for _ in range(runs):
            shutil.rmtree(peers / out, ignore_errors=True)
            samples.append(_run(command, peers))
        results[name] = _median(samples)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitebuild-bench"))
    parser.add_argument("--no-peers", action="store_true", help="time sitebuild only")
    parser.add_argument("--serve", type=int, nargs="*", default=[1000], metavar="N",
                        help="sizes at which to time serve's reload after an edit")
    args = parser.parse_args()
    rows: list[Timing] = []
    latencies: list[tuple[int, tuple[float, float], tuple[float, float] | None]] = []
    for size in args.sizes:
        folder = args.work / str(size)
        print(f"generating {size} articles in {folder} …", file=sys.stderr)
        generate(folder, size)
        print(f"timing sitebuild on {size} …", file=sys.stderr)
        found = _sitebuild(folder, args.runs)
        if size in args.serve:
            print(f"timing serve's reload on {size} …", file=sys.stderr)
            reload = _serve_latency(folder, args.runs)
            print(f"  serve: edit saved -> first reload {reload[0]:.2f}s, last {reload[1]:.2f}s "
                  "(medians)", file=sys.stderr)
            peer = None if args.no_peers else _hugo_server_latency(folder / "peers", args.runs)
            latencies.append((size, reload, peer))
        if not args.no_peers:
            print(f"timing peers on {size} …", file=sys.stderr)
            found.update(_peers(folder / "peers", args.runs))
        rows.extend(Timing(tool, size, s, m, p) for tool, (s, m, p) in found.items())
    print(f"\n{'tool':<26} {'articles':>8} {'median s':>9} {'peak MiB':>9} {'PSS MiB':>8} "
          f"{'art/s':>8} {'sitebuild / tool':>17}")
    for row in rows:
        ours = next(r for r in rows if r.articles == row.articles
                    and r.tool == "sitebuild (full, cold)")
        ratio = ours.seconds / row.seconds if row.seconds else float("nan")
        print(f"{row.tool:<26} {row.articles:>8} {row.seconds:>9.2f} {row.peak_mib:>9.0f} "
              f"{row.peak_pss_mib:>8.0f} {row.rate:>8.0f} {ratio:>17.2f}")
    for size, (first, last), peer in latencies:
        versus = (f"; hugo server {peer[0]:.2f}s, ratio {first / peer[0]:.1f}" if peer else "")
        print(f"serve on {size} articles: one-article edit saved -> first browser reload "
              f"(the edited page live), median {first:.2f}s{versus}; last reload (every page "
              f"live), median {last:.2f}s")


if __name__ == "__main__":
    main()
