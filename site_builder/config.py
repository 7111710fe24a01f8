"""The site configuration: `sitebuild.yml` (optional), validated once into a `Config`."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from . import safe_yaml
from .errors import Reporter, SiteError
from .models import META_FIELDS
from .text import visible_text

CONFIG_FILE = "sitebuild.yml"
SOURCES_FILE = "sources.yml"


@dataclass
class Config:
    """Everything a build needs to know besides the articles themselves."""

    site_dir: Path
    title: str = "Story digest"
    description: str = ""
    base_url: str = ""
    language: str = "en"
    # canonical topic name -> extra spellings that mean the same topic
    topic_aliases: dict[str, list[str]] = field(default_factory=dict)
    topic_exclude: list[str] = field(default_factory=list)
    # seed file name -> metadata overrides (outlet, url, title, author, published)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def seeds_dir(self) -> Path:
        return self.site_dir / "seeds"

    @property
    def content_dir(self) -> Path:
        return self.site_dir / "content"

    @property
    def templates_dir(self) -> Path:
        return self.site_dir / "templates"

    @property
    def cache_dir(self) -> Path:
        return self.site_dir / ".sitebuild"


# key -> (expected type, description); the description feeds `sitebuild --help` docs.
TOP_KEYS: dict[str, tuple[type, str]] = {
    "title": (str, "site title shown in the header and <title>"),
    "description": (str, "one-line description for the index and meta tags"),
    "base_url": (str, "absolute URL the site is published at (for canonical links)"),
    "language": (str, "language code of the articles (html lang)"),
    "topics": (dict, "topic settings: aliases and exclude"),
    "sources": (dict, "per seed file metadata: outlet, url, title, author, published"),
}
TOPIC_KEYS: dict[str, tuple[type, str]] = {
    "aliases": (dict, "canonical name -> list of other spellings"),
    "exclude": (list, "names that never get a topic page"),
}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _parse(path: Path) -> yaml.Node | None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteError(f"cannot read: {exc}", path) from exc
    try:
        return safe_yaml.compose(text)
    except safe_yaml.YAMLProblem as exc:
        raise SiteError(f"invalid YAML: {exc.problem}", path, exc.line, exc.column) from exc


def _scalar(node: yaml.Node, path: Path, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise SiteError(f"{what} must be a text value", path, *_mark(node))
    # Keep values as written ("2023-12-21" stays text, not a date); null means empty.
    return "" if node.tag.endswith(":null") else str(node.value)


def _mapping(node: yaml.Node, path: Path, what: str) -> list[tuple[str, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise SiteError(f"{what} must be a mapping of keys to values", path, *_mark(node))
    return [(_scalar(k, path, "a key"), v) for k, v in node.value]


def _is_web_url(url: str) -> bool:
    if any(ch.isspace() or unicodedata.category(ch)[0] == "C" or ch in "\"'<>\\`"
           for ch in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname) and (
            parts.port is None or parts.port > 0)
    except ValueError:  # a malformed IPv6 address or port
        return False


def _base_url(node: yaml.Node, path: Path) -> str:
    """An absolute http(s) URL, or empty: it ends up in links, feeds and robots.txt."""
    url = _scalar(node, path, "base_url")
    if url and not _is_web_url(url):
        raise SiteError(f"base_url must be an absolute http:// or https:// URL, got {url!r}",
                        path, *_mark(node))
    return url


def _check_key(key: str, known: dict[str, Any], node: yaml.Node, path: Path,
               reporter: Reporter, where: str) -> bool:
    if key in known:
        return True
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    reporter.warn(f"unknown key '{key}' in {where}{hint}; ignored", path, _mark(node)[0])
    return False


def _string_list(node: yaml.Node, path: Path, what: str) -> list[str]:
    if isinstance(node, yaml.ScalarNode):
        return [_scalar(node, path, what)]
    if not isinstance(node, yaml.SequenceNode):
        raise SiteError(f"{what} must be a list", path, *_mark(node))
    return [_scalar(item, path, what) for item in node.value]


def read_sources(node: yaml.Node, path: Path, reporter: Reporter) -> dict[str, dict[str, str]]:
    """Validate a `file name -> {outlet, url, title, author, published}` mapping."""
    fields = {name: (str, "") for name in META_FIELDS}
    sources: dict[str, dict[str, str]] = {}
    for name, entry in _mapping(node, path, "sources"):
        meta: dict[str, str] = {}
        for key, value in _mapping(entry, path, f"sources.{name}"):
            if _check_key(key, fields, value, path, reporter, f"sources.{name}"):
                meta[key] = _scalar(value, path, f"sources.{name}.{key}")
        sources[name] = meta
    return sources


def load_config(site_dir: Path, reporter: Reporter) -> Config:
    """Load and validate `sitebuild.yml` and `seeds/sources.yml`; both are optional."""
    config = Config(site_dir=site_dir)
    path = site_dir / CONFIG_FILE
    root = _parse(path) if path.exists() else None
    if root is not None:
        for key, value in _mapping(root, path, "the configuration"):
            if not _check_key(key, TOP_KEYS, value, path, reporter, CONFIG_FILE):
                continue
            if key == "topics":
                _load_topics(config, value, path, reporter)
            elif key == "sources":
                config.sources.update(read_sources(value, path, reporter))
            elif key == "base_url":
                config.base_url = _base_url(value, path)
            else:  # shown on every page: nothing invisible that could spoof the text around it
                setattr(config, key, visible_text(_scalar(value, path, key)))
    config.base_url = config.base_url.rstrip("/")
    sources_path = config.seeds_dir / SOURCES_FILE
    if sources_path.exists():
        node = _parse(sources_path)
        if node is not None:
            # seeds/sources.yml sits next to the files it describes: it wins.
            for name, meta in read_sources(node, sources_path, reporter).items():
                config.sources.setdefault(name, {}).update(meta)
    return config


def _load_topics(config: Config, node: yaml.Node, path: Path, reporter: Reporter) -> None:
    for key, value in _mapping(node, path, "topics"):
        if not _check_key(key, TOPIC_KEYS, value, path, reporter, "topics"):
            continue
        if key == "aliases":
            for name, spellings in _mapping(value, path, "topics.aliases"):
                config.topic_aliases[name] = _string_list(spellings, path, f"aliases of {name}")
        else:
            config.topic_exclude = _string_list(value, path, "topics.exclude")
