"""Whether a site is up to date, told without loading the build.

`build` lists the inputs (config, seeds, templates, content/) under the site's lock and
compares them with the last build's record; only when something changed does it load
the build's phases (build.py: the cleaner, the analysis, the renderer and what they
import), so that `sitebuild build` on an unchanged site costs little more than the
listing.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import (
    Stamp,
    content_lines,
    fingerprint,
    load_stamps,
    save_stamps,
    source_lines,
    unchanged,
)
from .config import Config, check_layout, load_config
from .errors import Reporter, SiteError
from .lock import site_lock

if TYPE_CHECKING:
    from .models import Digest
    from .pipeline import Runner
    from .preview_state import LiveSite


@dataclass
class BuildResult:
    """What one `build` call produced (or found up to date), for the command line and preview."""

    output: Path
    counts: dict[str, int]
    warnings: list[str]
    seconds: float
    digest: Digest | None = None  # None when nothing had changed and nothing was rebuilt
    timings: str = ""  # the runner's table of seconds per phase
    not_english: list[str] = field(default_factory=list)  # "seed (language)"
    # The inputs as this build read them (cache.source_lines + content_lines); None when
    # nothing was rebuilt. An edit that differs from these is news to the preview.
    seen: list[str] | None = None

    def summary(self) -> str:
        """The line `sitebuild build` prints last (plus one naming seeds not in English)."""
        c = self.counts
        verb = "built" if self.digest is not None else "up to date (nothing changed):"
        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        return (f"{verb} {self.output}: {n(c['articles'], 'article')}, "
                f"{n(c['paragraphs'], 'paragraph')} kept, {n(c['removed'], 'line')} removed, "
                f"{n(c['topics'], 'topic')}, {n(c['facts'], 'fact')}, "
                f"{n(c['disagreements'], 'disagreement')}, {n(c['pages'], 'page')}, "
                f"{n(len(self.warnings), 'warning')}, {self.seconds:.2f}s"
                + (f"\nnot in English: {', '.join(self.not_english)}" if self.not_english else ""))


@dataclass
class Inputs:
    """A build's inputs as listed under the site's lock, for the phases that follow."""

    config: Config
    out: Path
    reporter: Reporter
    started: float  # perf_counter() when the build was asked for
    # The command line's input stamps (cache.load_stamps); None for the preview.
    stamps: dict[str, tuple[Stamp, str]] | None
    sources: list[str]  # cache.source_lines as listed


def check_output_folder(out: Path, config: Config) -> None:
    """Refuse an output folder that would replace the site, its sources or a folder that
    is not a built site."""
    resolved = out.resolve()
    site = config.site_dir.resolve()
    sources = [config.seeds_dir.resolve(), config.content_dir.resolve(),
               config.templates_dir.resolve(), config.cache_dir.resolve()]
    if any(resolved == p or resolved in p.parents for p in [site, *sources]):
        raise SiteError("output folder would replace the site or its sources; choose another",
                        out)
    # Inside them, the site would be read back as seeds, articles or theme files.
    if any(p in resolved.parents for p in sources):
        raise SiteError("output folder is inside the site's sources (seeds/, content/, "
                        "templates/ or .sitebuild/); choose another", out)
    if resolved.exists() and (not resolved.is_dir() or (
            any(resolved.iterdir()) and not (resolved / "digest.json").exists())):
        raise SiteError("exists and is not a sitebuild output folder; refusing to replace it",
                        out)


def build(site_dir: Path, out: Path | None = None, strict: bool = False, quiet: bool = False,
          force: bool = False, runner: Runner | None = None, preview: bool = False,
          live: LiveSite | None = None, tidy_later: bool = False) -> BuildResult:
    """Run the whole pipeline (unless nothing changed); on any error the previous output/
    is left as it was.

    `runner` (the preview's) keeps its memos in memory between builds and carries
    the hooks of its phases; `preview` runs the PREVIEW phases, which update the
    live site in place (`live`, kept between the preview's builds, is what they know
    of it; without it, they read it from disk). `tidy_later`: the previous site is
    deleted by a detached process (see tidy.py), not before this call returns.
    """
    started = time.perf_counter()
    reporter = Reporter(quiet=quiet)
    if not site_dir.is_dir():
        raise SiteError("site folder not found" if not site_dir.exists() else
                        "is a file, not a site folder", site_dir)
    config = load_config(site_dir, reporter)
    check_layout(config)
    out = out or site_dir / "output"
    check_output_folder(out, config)
    with site_lock(config.cache_dir, reporter):  # a second build of the site waits
        listed = live.listed if preview and live is not None else None
        # The command line's inputs, listed once (files whose stamp is the last build's
        # are not read again; --force reads every one).
        stamps = None if preview else {} if force else load_stamps(config)
        sources = listed[0] if listed is not None else source_lines(config, stamps)
        lines = sources + (listed[1] if listed is not None else content_lines(config, stamps))
        last = None if force else unchanged(config, out, fingerprint(config, out, lines))
        # --strict also checks links, which a plain build skips: its record must say it did.
        if last is not None and not (strict and (last["warnings"] or not last.get("strict"))):
            if stamps is not None:
                save_stamps(config, stamps, lines)
            for warning in last["warnings"]:
                print(warning, file=sys.stderr)
            return BuildResult(out, last["counts"], last["warnings"],
                               time.perf_counter() - started,
                               not_english=last.get("not_english", []))
        # Imported here: an unchanged site never loads the build's phases.
        from .build import run_phases

        return run_phases(Inputs(config, out, reporter, started, stamps, sources), strict,
                          force, runner, preview, live, tidy_later)
