"""Errors and warnings that name the file (and line) they are about."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# What a terminal would act on rather than show: C0 and C1 controls (escape sequences,
# bells, the single-byte CSI U+009B) and the bidi embeddings, overrides and isolates that
# reorder the rest of the line. File names, config keys and request paths are not ours.
_UNSHOWABLE = re.compile("[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f"
                         "\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` safe to print on a terminal: control and bidi characters written as
    `\\xNN` / `\\uNNNN`, so a hostile name shows as what it is."""
    return _UNSHOWABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                           else f"\\u{ord(m[0]):04x}", text)


def location(path: str | Path | None, line: int | None = None, column: int | None = None) -> str:
    """Format `file:line:column`, leaving out the parts that are unknown."""
    where = str(path) if path else "<input>"
    if line:
        where += f":{line}"
        if column:
            where += f":{column}"
    return where


class SiteError(Exception):
    """A problem with the user's input or environment: reported as one line, exit code 1."""

    def __init__(
        self, message: str, path: str | Path | None = None,
        line: int | None = None, column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{location(self.path, self.line, self.column)}: {self.message}"

    def __reduce__(self) -> tuple:
        # Errors raised in worker processes cross back by pickling: keep every field.
        return (SiteError, (self.message, self.path, self.line, self.column))


@dataclass
class Reporter:
    """Collects warnings for a build and prints them as they come; `quiet` hides progress
    (never warnings or notices about the user's own files)."""

    quiet: bool = False
    warnings: list[str] = field(default_factory=list)
    # A counter that rewrites its line only makes sense on a terminal, never in CI logs.
    live: bool = field(default_factory=lambda: sys.stderr.isatty() and not os.environ.get("CI"))

    def warn(self, message: str, path: str | Path | None = None, line: int | None = None,
             column: int | None = None) -> None:
        """Print a warning about `path` (if given) now and keep it for the build's record."""
        where = location(path, line, column)
        text = printable(f"{where}: warning: {message}" if path else f"warning: {message}")
        self.warnings.append(text)
        print(text, file=sys.stderr)

    def notice(self, message: str, path: str | Path | None = None) -> None:
        """A message about the user's own files (a hand edit kept): shown even when quiet."""
        print(printable(f"{location(path)}: {message}" if path else message), file=sys.stderr)

    def info(self, message: str) -> None:
        """A progress message ("rendering …"): hidden when quiet."""
        if not self.quiet:
            print(printable(message), file=sys.stderr)

    def progress(self, stage: str, done: int, total: int, at_least: int = 200) -> None:
        """`stage 120/10000` on one rewritten terminal line, for stages of `at_least` items."""
        if self.quiet or not self.live or total < at_least:
            return
        if done == total or done % max(total // 100, 1) == 0:
            end = "\n" if done == total else ""
            print(f"\r{stage} {done}/{total}", end=end, file=sys.stderr, flush=True)
