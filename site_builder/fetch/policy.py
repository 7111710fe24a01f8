"""Politeness: the pace of requests per host, robots.txt, and how long to wait before a
retry. Waiting goes through a `Clock`, so an interrupted run stops waiting at once (and
tests can count the waits without spending them)."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# robots.txt names this token; the full User-Agent carries the version.
ROBOTS_TOKEN = "sitebuild"
# A Crawl-delay above this is treated as this, so one host cannot stall a run for hours.
MAX_CRAWL_DELAY = 30.0


class Stopped(Exception):
    """The run was interrupted while waiting."""


class Clock:
    """Real time; `sleep` returns early (raising Stopped) once `stop` is set."""

    def __init__(self, stop: threading.Event | None = None) -> None:
        self.stop = stop or threading.Event()

    def now(self) -> float:
        """Seconds on a monotonic clock."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`; Stopped if the run is stopped meanwhile (or already was)."""
        if seconds > 0 and self.stop.wait(seconds):
            raise Stopped
        if self.stop.is_set():
            raise Stopped


class Pace:
    """At most one request per `delay` seconds to each host. A request reserves the next
    free slot of its host under a lock and then waits for it, so threads share a host's
    slots in turn while other hosts go ahead."""

    def __init__(self, delay: float, clock: Clock) -> None:
        self._delay = delay
        self._clock = clock
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}

    def slow_down(self, host: str, delay: float) -> None:
        """Space requests to `host` at least `delay` seconds apart (robots.txt Crawl-delay)."""
        with self._lock:
            self._host_delay[host] = max(self._delay, min(delay, MAX_CRAWL_DELAY))

    def wait(self, host: str) -> None:
        """Block until `host` may be sent the next request."""
        with self._lock:
            now = self._clock.now()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self._host_delay.get(host, self._delay)
        self._clock.sleep(slot - now)


def retry_wait(retry_after: str | None, attempt: int, now: datetime | None = None) -> float:
    """Seconds to wait before retry number `attempt + 1`: what Retry-After says (seconds
    or an HTTP date), else an exponential back-off of 1, 2, 4 … seconds."""
    if retry_after:
        value = retry_after.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    return float(2 ** attempt)


class RobotsUnavailable(Exception):
    """robots.txt could not be read for a reason that means "stay away" (RFC 9309: a
    server error or no answer)."""


# Fetches robots.txt: returns (status, body) or raises RobotsUnavailable.
RobotsFetch = Callable[[str], tuple[int, bytes]]


class Robots:
    """robots.txt rules per origin, fetched once each (RFC 9309): a missing file (4xx)
    allows everything; a server error or no answer disallows everything."""

    def __init__(self, fetch: RobotsFetch, pace: Pace) -> None:
        self._fetch = fetch
        self._pace = pace
        self._lock = threading.Lock()
        self._origin_locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, RobotFileParser | str] = {}

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None when robots.txt allows it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._origin_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            if origin not in self._rules:
                self._rules[origin] = self._load(origin, parts.hostname or "")
        rules = self._rules[origin]
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(ROBOTS_TOKEN, url) else "disallowed by robots.txt"

    def _load(self, origin: str, host: str) -> RobotFileParser | str:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            status, body = self._fetch(f"{origin}/robots.txt")
        except RobotsUnavailable as exc:
            return f"robots.txt unavailable ({exc})"
        if status >= 400:
            parser.parse([])  # no robots.txt: everything is allowed
            return parser
        parser.parse(body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self._pace.slow_down(host, float(delay))
        return parser
