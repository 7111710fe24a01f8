"""Web archives (WARC and ARC, through warcio): the HTML pages a crawl captured."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..ingest.decode import as_served
from .client import HTML_TYPES
from .urls import BadURL, check_url

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


class ArchiveError(Exception):
    """The file is not a readable WARC/ARC archive."""


@dataclass(frozen=True)
class Capture:
    """One HTML page from an archive, or why it was passed over (`skipped`)."""

    url: str
    captured: str           # WARC-Date as written (ISO 8601 UTC)
    body: bytes
    skipped: str = ""       # e.g. "not HTML (image/png)", "404", "too large"


def is_archive(path: Path) -> bool:
    """True for a file named like a WARC/ARC archive."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def captures(path: Path, max_bytes: int) -> Iterator[Capture]:
    """Every `response` record of the archive with an http(s) URL, in archive order.
    Those that are not a 200 HTML page within `max_bytes` come with `skipped` set."""
    # warcio reads any text as a lenient ARC record: the name must say which format it is.
    expected = "arc" if path.name.lower().endswith((".arc", ".arc.gz")) else "warc"
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != expected:
                    raise ArchiveError(f"not a readable {expected.upper()} file (found a "
                                       f"record that is not {expected.upper()})")
                if record.rec_type != "response":
                    continue  # requests, metadata, revisits: no page of their own
                url, captured = _where_and_when(record)
                try:
                    url = check_url(url)
                except BadURL:
                    continue
                yield _capture(record, url, captured, max_bytes)
    except ArchiveLoadFailed as exc:
        raise ArchiveError(f"not a readable WARC/ARC file ({exc.msg})") from exc
    except (OSError, EOFError, ValueError) as exc:
        raise ArchiveError(f"cannot read the archive ({exc})") from exc


def _where_and_when(record: ArcWarcRecord) -> tuple[str, str]:
    """The URL and the capture time (ISO 8601 UTC) of a WARC or ARC record."""
    headers = record.rec_headers
    if record.format == "warc":
        return headers.get_header("WARC-Target-URI") or "", headers.get_header("WARC-Date") or ""
    stamp = headers.get_header("archive-date") or ""  # ARC: YYYYMMDDhhmmss
    if len(stamp) >= 14 and stamp[:14].isdigit():
        stamp = (f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T"
                 f"{stamp[8:10]}:{stamp[10:12]}:{stamp[12:14]}Z")
    return headers.get_header("uri") or "", stamp


def _capture(record: ArcWarcRecord, url: str, captured: str, max_bytes: int) -> Capture:
    http = record.http_headers
    status = http.get_statuscode() if http else ""
    if status != "200":
        return Capture(url, captured, b"", skipped=f"status {status or 'unknown'}")
    content_type = http.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in HTML_TYPES:
        return Capture(url, captured, b"", skipped=f"not HTML ({media_type or 'no type'})")
    # content_stream() undoes chunked transfer and gzip/deflate content encoding.
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Capture(url, captured, b"", skipped="too large")
    return Capture(url, captured, as_served(body, content_type))
