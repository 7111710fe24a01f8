"""Where the built-in theme lives (a leaf module: the cache and the renderer both need it)."""

from __future__ import annotations

from pathlib import Path


def builtin_templates() -> Path:
    """The theme shipped with sitebuild (inside the wheel, or the checkout's templates/)."""
    packaged = Path(__file__).resolve().parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "templates"
