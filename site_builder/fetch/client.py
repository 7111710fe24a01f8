"""Fetch one URL politely and safely: robots.txt, pace per host, address guard on every
hop, redirects followed by hand (each one checked), retries of 429/503, time-outs and a
size limit enforced while the body streams in."""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import httpx

from ..ingest.decode import as_served
from .guard import AddressGuard, BlockedAddress, ResolveError
from .policy import Clock, Pace, Robots, RobotsUnavailable, retry_wait
from .urls import BadURL, check_url

_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY = (429, 503)
MiB = 1024 * 1024
# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt.
_ROBOTS_MAX_BYTES = 512 * 1024


def user_agent() -> str:
    """`sitebuild/VERSION (+what it is)`: names the tool and its version to servers."""
    try:
        version = metadata.version("sitebuild")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"sitebuild/{version} (news digest builder; fetches pages an editor listed)"


@dataclass(frozen=True)
class FetchSettings:
    """How `sitebuild add` fetches; the defaults are the polite ones."""

    delay: float = 1.0            # seconds between two requests to one host
    hosts: int = 4                # hosts fetched from at once
    timeout: float = 20.0         # seconds to connect, and of silence while reading
    max_time: float = 120.0       # seconds for a whole response, however it trickles
    max_bytes: int = 10 * MiB     # body size limit
    max_redirects: int = 5
    retries: int = 3              # for 429 and 503
    max_retry_wait: float = 120.0  # longer Retry-After: give up instead
    guard: AddressGuard = field(default_factory=AddressGuard)
    user_agent: str = field(default_factory=user_agent)
    ca_file: str | None = None    # trust these certificates instead of the system's


class FetchError(Exception):
    """Why a URL could not be fetched, in a few words (`404 Not Found`, `timed out`)."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Response:
    """A successful fetch: the URL asked for, where it ended up, and the body."""

    url: str
    final_url: str
    media_type: str   # lower case, without parameters; "" when the server sent none
    body: bytes


class Fetcher:
    """One HTTP client shared by the threads of a run (httpx.Client is thread-safe)."""

    def __init__(self, settings: FetchSettings, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock = clock or Clock()
        self.pace = Pace(settings.delay, self.clock)
        self.robots = Robots(self._fetch_robots, self.pace)
        # trust_env=False: a proxy from the environment would make the address checks moot.
        # No keep-alive: connections are pooled by address, and a TLS connection checked
        # for one host name must not carry a request for another host at the same address.
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.timeout), follow_redirects=False, trust_env=False,
            headers={"User-Agent": settings.user_agent},
            limits=httpx.Limits(max_keepalive_connections=0),
            verify=ssl.create_default_context(cafile=settings.ca_file))

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, accept: tuple[str, ...] = (), what: str = "HTML") -> Response:
        """Fetch `url` following up to `max_redirects` redirects; FetchError says why not.
        `accept` lists the media types wanted (a response without one is accepted too);
        anything else is refused as `not {what}` before its body is read."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._address(_parse(current))  # a refused address is the reason, not robots
            refusal = self.robots.refusal(current)
            if refusal:
                raise FetchError(refusal)
            status, location, media_type, body = self._request(
                current, accept, what, self.settings.max_bytes)
            if status in _REDIRECTS:
                try:
                    current = check_url(urljoin(current, location))
                except BadURL as exc:
                    raise FetchError(f"redirect refused: {exc}", status) from exc
                continue
            return Response(url, current, media_type, body)
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    def _fetch_robots(self, url: str) -> tuple[int, bytes]:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            try:
                status, location, _, body = self._request(current, (), "", _ROBOTS_MAX_BYTES)
            except FetchError as exc:
                # A 4xx means there is no robots.txt, except 429: busy counts as unreachable.
                if exc.status is not None and exc.status < 500 and exc.status != 429:
                    return exc.status, b""
                raise RobotsUnavailable(str(exc)) from exc
            if status not in _REDIRECTS:
                return status, body
            try:
                current = check_url(urljoin(current, location))
            except BadURL:
                return 404, b""
        raise RobotsUnavailable("too many redirects")

    def _request(self, url: str, accept: tuple[str, ...], what: str,
                 max_bytes: int) -> tuple[int, str, str, bytes]:
        """One URL, retried on 429/503: (status, Location, media type, body)."""
        target = _parse(url)
        host = target.raw_host.decode("ascii")
        attempt = 0
        while True:
            address = self._address(target)
            self.pace.wait(urlsplit(url).hostname or host)
            # Connect to the address just checked, naming the host in the Host header
            # and TLS SNI (certificates are checked against the host name).
            pinned = target.copy_with(host=address)
            headers = {"Host": target.netloc.decode("ascii"),
                       "Accept": ", ".join((*accept, "*/*;q=0.1")) if accept else "*/*"}
            extensions = {"sni_hostname": host} if target.scheme == "https" else {}
            try:
                with self._client.stream("GET", pinned, headers=headers,
                                         extensions=extensions) as response:
                    status = response.status_code
                    if status in _RETRY and attempt < self.settings.retries:
                        wait = retry_wait(response.headers.get("Retry-After"), attempt)
                        if wait > self.settings.max_retry_wait:
                            raise FetchError(f"{_status_text(response)} (asks to retry "
                                             f"after {wait:.0f} s)", status)
                    else:
                        return self._read(response, accept, what, max_bytes)
            except httpx.TimeoutException as exc:
                raise FetchError("timed out") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"connection failed ({_short(exc)})") from exc
            attempt += 1
            self.clock.sleep(wait)

    def _address(self, target: httpx.URL) -> str:
        """The checked address to connect to for the URL's host, or FetchError."""
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            return self.settings.guard.resolve(target.raw_host.decode("ascii"), port)
        except (BlockedAddress, ResolveError) as exc:
            raise FetchError(str(exc)) from exc

    def _read(self, response: httpx.Response, accept: tuple[str, ...], what: str,
              max_bytes: int) -> tuple[int, str, str, bytes]:
        status = response.status_code
        location = response.headers.get("Location", "")
        if status in _REDIRECTS:
            if not location:
                raise FetchError(f"{_status_text(response)} without a Location", status)
            return status, location, "", b""
        if status >= 400 or status < 200:
            raise FetchError(_status_text(response), status)
        content_type = response.headers.get("Content-Type", "")
        media_type = content_type.split(";")[0].strip().lower()
        if accept and media_type and media_type not in accept:
            raise FetchError(f"not {what} ({media_type})", status)
        limit = f"{max_bytes / MiB:g} MB" if max_bytes >= MiB else f"{max_bytes // 1024} KB"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"too large ({int(declared):,} bytes; the limit is {limit})", status)
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.settings.max_time
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"too large (over {limit})", status)
            if time.monotonic() > deadline:
                raise FetchError(f"timed out (still sending after "
                                 f"{self.settings.max_time:g} s)", status)
            chunks.append(chunk)
        body = b"".join(chunks)
        if media_type in HTML_TYPES:
            body = as_served(body, content_type)
        return status, location, media_type, body


def _parse(url: str) -> httpx.URL:
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL ({exc})") from exc


def _status_text(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".strip()


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 100 else text[:97] + "..."
