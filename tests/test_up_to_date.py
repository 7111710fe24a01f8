"""`sitebuild build` on an unchanged site tells so without loading the build's phases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from site_builder.build import build

REPO = Path(__file__).resolve().parent.parent
# What the command line loaded, as JSON on the last line of its output.
_PROBE = ("import json, sys\n"
          "from site_builder.cli import main\n"
          "code = main(['build', '--site', sys.argv[1], '--quiet'])\n"
          "print(json.dumps([code, sorted(m for m in sys.modules "
          "if m.startswith('site_builder'))]))\n")


def _command_line(site: Path) -> tuple[int, list[str], str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _PROBE, str(site)], capture_output=True,
                          text=True, check=True, env=env)
    lines = done.stdout.strip().split("\n")
    code, modules = json.loads(lines[-1])
    return code, modules, "\n".join(lines[:-1])


def test_an_unchanged_site_is_told_without_loading_the_build(sample_site: Path) -> None:
    build(sample_site, quiet=True)
    code, modules, said = _command_line(sample_site)
    assert code == 0 and said.startswith("up to date (nothing changed)"), said
    loaded = {"site_builder.build", "site_builder.content", "site_builder.render",
              "site_builder.analyze", "site_builder.pipeline", "site_builder.search"}
    assert not loaded & set(modules), sorted(loaded & set(modules))


def test_a_changed_site_is_built_by_the_same_command(sample_site: Path) -> None:
    build(sample_site, quiet=True)
    seed = sorted((sample_site / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA correction was added on Friday.\n",
                    encoding="utf-8")
    code, modules, said = _command_line(sample_site)
    assert code == 0 and said.startswith("built "), said
    assert "site_builder.build" in modules
    assert "A correction was added on Friday." in \
        (sample_site / "output" / "digest.json").read_text(encoding="utf-8")
    assert _command_line(sample_site)[2].startswith("up to date (nothing changed)")
