"""Command line: `sitebuild build | serve | eval | add`. Thin: parsing and error reporting only."""

from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .errors import SiteError, printable


def _version() -> str:
    try:
        return version("sitebuild")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _port(text: str) -> int:
    """A TCP port to listen on: the socket layer takes 70000 as 4464 without a word."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return port


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitebuild",
        description="Turn scraped news articles about one story (seeds/) into a "
                    "cross-referenced digest website (output/).")
    parser.add_argument("--version", action="version", version=f"sitebuild {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--site", type=Path, default=Path("."), metavar="DIR",
                       help="site folder holding seeds/, content/ and sitebuild.yml "
                            "(default: current folder)")
        p.add_argument("--out", type=Path, default=None, metavar="DIR",
                       help="output folder (default: SITE/output)")

    b = commands.add_parser("build", help="clean seeds, write content/, render output/",
                            description="Read seeds/, clean them into content/articles/, "
                                        "analyse and render the site into output/.")
    site_options(b)
    b.add_argument("--strict", action="store_true",
                   help="fail on any warning, including a broken link or anchor")
    b.add_argument("--force", action="store_true",
                   help="rebuild even if nothing changed, and overwrite hand-edited content "
                        "files (each is backed up first in content/backups/)")
    b.add_argument("--timings", action="store_true",
                   help="print the seconds each phase and stage of the build took")
    b.add_argument("--quiet", "-q", action="store_true",
                   help="no progress messages: only warnings, errors and the summary")

    s = commands.add_parser("serve", help="preview with live reload",
                            description="Build, serve output/ and rebuild on changes to seeds/, "
                                        "content/, templates/ and sitebuild.yml.")
    site_options(s)
    s.add_argument("--port", type=_port, default=8000,
                   help="port to listen on, 1-65535 (default: 8000)")
    s.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default: 127.0.0.1; anything else is reachable "
                        "from the network)")

    e = commands.add_parser("eval", help="score a built site against a gold annotation",
                            description="Score output/digest.json against a gold file "
                                        "(format: README, 'Gold annotations'), or build and "
                                        "score every cluster of a folder.")
    site_options(e)
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--gold", type=Path, metavar="FILE",
                       help="gold annotation (YAML) of the built site")
    which.add_argument("--clusters", type=Path, metavar="DIR",
                       help="folder of clusters (NAME/seeds/ + NAME/gold.yml): build each "
                            "in a temporary folder, print a table and tuning/held-out totals")
    e.add_argument("--details", action="store_true",
                   help="with --clusters: also the full score sheet of each tuning cluster")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")

    from .fetch.command import add_arguments

    add_arguments(commands.add_parser(
        "add", help="fetch articles into seeds/ from links, feeds and web archives"))
    return parser


# The last second of year 9999: dates past it cannot be written.
_LAST_EPOCH = 253402300799


def _check_environment() -> None:
    """The environment variables sitebuild reads, checked before any library reads them:
    numpy (imported by the analysis) fails on a SOURCE_DATE_EPOCH that is not a number,
    even an empty one, which CI systems set when the commit time is unknown."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not epoch.strip():
        del os.environ["SOURCE_DATE_EPOCH"]  # set but empty: not set (as other tools read it)
    elif epoch is not None and not (epoch.strip().isdigit() and int(epoch) <= _LAST_EPOCH):
        raise SiteError(f"must be a whole number of seconds since 1970-01-01, got {epoch!r}",
                        "SOURCE_DATE_EPOCH")
    count = os.environ.get("SITEBUILD_WORKERS", "").strip()
    if count and not count.isdigit():
        raise SiteError(f"must be a number of processes (1: no worker processes), got "
                        f"{count!r}", "SITEBUILD_WORKERS")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `sitebuild` console script."""
    args = _parser().parse_args(argv)
    try:
        _check_environment()
        if args.command == "build":
            # Not .build: an unchanged site is told without loading the build's phases.
            from .up_to_date import build

            result = build(args.site, args.out, strict=args.strict, quiet=args.quiet,
                           force=args.force, tidy_later=True)
            print("\n".join(map(printable, result.summary().split("\n"))))
            if args.timings and result.timings:
                print(result.timings)
        elif args.command == "serve":
            from .serve import serve

            serve(args.site, args.out, args.port, args.host)
        elif args.command == "eval":
            from .evaluate import run_eval, run_eval_clusters

            if args.clusters is not None:
                return run_eval_clusters(args.clusters, args.json, args.details)
            return run_eval(args.site, args.out, args.gold, as_json=args.json)
        elif args.command == "add":
            from .fetch.command import run_add

            return run_add(args)
    except SiteError as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(printable(f"error: {where}{exc.strerror or exc}"), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in sitebuild, not in the input
        if os.environ.get("SITEBUILD_DEBUG"):
            raise
        print(printable(f"internal error: {type(exc).__name__}: {exc} ")
              + "(set SITEBUILD_DEBUG=1 for a traceback)", file=sys.stderr)
        return 2
    return 0
