"""The `sitebuild add` command line: its options, and running it."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from ..errors import Reporter, SiteError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `sitebuild add` on its subparser."""
    parser.description = (
        "Fetch pages (http(s) URLs), the entries of RSS/Atom feeds (URLs or files) and the "
        "HTML pages of web archives (.warc, .warc.gz, .arc, .arc.gz) into seeds/, recording "
        "url, outlet and fetch time in seeds/sources.yml.")
    parser.add_argument("targets", nargs="*", metavar="URL|FILE",
                        help="page or feed URL, feed file, or WARC/ARC file")
    parser.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                        help="site folder holding seeds/ (default: current folder)")
    parser.add_argument("--from", dest="from_file", type=Path, metavar="FILE",
                        help="read URLs from FILE, one per line (# comments and blank lines "
                             "ignored)")
    parser.add_argument("--refresh", action="store_true",
                        help="fetch URLs that were already added again")
    parser.add_argument("--since", type=_date, metavar="DATE",
                        help="feeds: only entries published on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--limit", type=_positive_int, metavar="N",
                        help="feeds: only the N newest entries of each feed")
    parser.add_argument("--delay", type=_seconds, default=1.0, metavar="SECONDS",
                        help="at least this long between two requests to one host (default: 1)")
    parser.add_argument("--hosts", type=_positive_int, default=4, metavar="N",
                        help="fetch from this many hosts at once (default: 4)")
    parser.add_argument("--timeout", type=_seconds, default=20.0, metavar="SECONDS",
                        help="give up on a server silent this long (default: 20)")
    parser.add_argument("--max-size", type=_positive_int, default=10, metavar="MB",
                        help="largest page accepted, in MB (default: 10)")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow loopback, private and link-local addresses "
                             "(refused by default)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress messages: only failures and the summary")


def run_add(args: argparse.Namespace) -> int:
    """Run `sitebuild add` with parsed arguments; returns the exit code."""
    # Imported here: every other command parses these options without needing httpx.
    from .client import FetchSettings, MiB
    from .guard import AddressGuard
    from .run import AddOptions, add

    targets = list(args.targets)
    if args.from_file:
        targets += read_url_list(args.from_file)
    if not targets:
        raise SiteError("nothing to add: give URLs, feed or archive files, or --from FILE")
    settings = FetchSettings(delay=args.delay, hosts=args.hosts, timeout=args.timeout,
                             max_bytes=args.max_size * MiB,
                             guard=AddressGuard(allow_all=args.allow_private))
    options = AddOptions(refresh=args.refresh, since=args.since, limit=args.limit,
                         settings=settings)
    result = add(args.site, targets, options, Reporter(quiet=args.quiet))
    if result.interrupted:
        print("interrupted: the articles added so far are kept, and seeds/ and "
              "seeds/sources.yml agree", file=sys.stderr)
    print(result.summary())
    return result.exit_code


def read_url_list(path: Path) -> list[str]:
    """The lines of a URL list, without blank lines and `#` comment lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path) from exc
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _date(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 86400:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value
