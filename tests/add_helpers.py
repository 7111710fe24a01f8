"""A local web server for the `sitebuild add` tests: 127.0.0.1, a free port, routes set
by each test, every request recorded; and article pages and feeds to serve."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Route:
    """A canned answer: status, headers, body."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class LocalSite:
    """The server's routes and the requests it received, shared with its thread."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Handler] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.release = threading.Event()  # lets a deliberately slow answer finish
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str, **headers: str) -> str:
        self.routes[path] = Route(body=html.encode(), headers=headers)
        return self.url(path)

    def paths(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.requests]


def serve(site: LocalSite, tls: ssl.SSLContext | None = None) -> Iterator[LocalSite]:
    """Run `site` on 127.0.0.1 on a free port (over TLS with `tls`) until the generator
    is closed."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                route = Route(404, b"not found", "text/plain")
            if callable(route):
                route(self)
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def article_html(title: str, outlet: str | None, paragraphs: list[str],
                 published: str | None = None) -> str:
    """An article page as news sites write them: meta tags, <article>, a footer."""
    meta = [f'<meta property="og:title" content="{escape(title)}">']
    if outlet:
        meta.append(f'<meta property="og:site_name" content="{escape(outlet)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html>\n<html lang=en><head><meta charset=utf-8>\n"
            f"<title>{escape(title)}</title>\n" + "\n".join(meta) + "\n</head><body>\n"
            f"<nav><a href=/>Home</a></nav>\n<article><h1>{escape(title)}</h1>\n{body}\n"
            "</article>\n<footer>All rights reserved.</footer></body></html>\n")


def rss(items: list[tuple[str, datetime | None]]) -> bytes:
    """An RSS 2.0 feed whose items link to `items` (URL, publication time)."""
    parts = []
    for n, (link, when) in enumerate(items):
        date = f"<pubDate>{format_datetime(when)}</pubDate>" if when else ""
        parts.append(f"<item><title>Item {n}</title><link>{escape(link)}</link>{date}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>Feed</title><link>http://example.invalid/</link><description>d</description>"
            + "".join(parts) + "</channel></rss>\n").encode()


def atom(items: list[tuple[str, datetime]]) -> bytes:
    """An Atom 1.0 feed whose entries link to `items` (URL, publication time)."""
    parts = []
    for n, (link, when) in enumerate(items):
        stamp = when.isoformat().replace("+00:00", "Z")
        parts.append(f'<entry><title>Entry {n}</title><id>urn:entry:{n}</id>'
                     f'<link rel="alternate" href="{escape(link)}"/>'
                     f"<published>{stamp}</published><updated>{stamp}</updated></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><id>urn:feed</id>'
            "<updated>2024-01-01T00:00:00Z</updated>" + "".join(parts) + "</feed>\n").encode()


class FakeClock:
    """A clock whose sleeps are recorded and pass at once (policy.Clock's interface)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.t = 0.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.t

    def sleep(self, seconds: float) -> None:
        with self._lock:
            if seconds > 0:
                self.sleeps.append(seconds)
                self.t += seconds
