"""The full-text search index: Pagefind, run over the rendered pages."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

TIMEOUT_SECONDS = 600


def build_search_index(site: Path) -> str | None:
    """Index `site` with Pagefind into `site/pagefind/`; return a warning when it could not."""
    if importlib.util.find_spec("pagefind") is None:
        return "search index not built: the pagefind package is not installed"
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"],
                              capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"search index not built: {exc}"
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"search index not built: {detail[-1] if detail else 'pagefind failed'}"
    return None
