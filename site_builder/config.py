"""The site configuration: `sitebuild.yml` (optional), validated once into a `Config`."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
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
# Keys of a sources entry that `sitebuild add` records for the editor, not article metadata.
RECORD_KEYS = ("fetched",)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _parse(path: Path) -> yaml.Node | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SiteError(f"cannot read: {exc.strerror or exc}", path) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        raise SiteError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                        path, data.count(b"\n", 0, exc.start) + 1,
                        exc.start - line_start + 1) from exc
    try:
        return safe_yaml.compose(text)
    except safe_yaml.YAMLProblem as exc:
        raise SiteError(f"invalid YAML: {exc.problem}", path, exc.line, exc.column) from exc


def _scalar(node: yaml.Node, path: Path, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise SiteError(f"{what} must be a text value", path, *_mark(node))
    # Keep values as written ("2023-12-21" stays text, not a date); null means empty.
    return "" if node.tag.endswith(":null") else str(node.value)


def _mapping(node: yaml.Node, path: Path, what: str,
             reporter: Reporter | None = None) -> list[tuple[str, yaml.Node]]:
    """The key/value pairs of a mapping; with a `reporter`, a key given twice is warned
    about (YAML forbids it, and PyYAML silently keeps the last one)."""
    if not isinstance(node, yaml.MappingNode):
        raise SiteError(f"{what} must be a mapping of keys to values", path, *_mark(node))
    items = [(_scalar(k, path, "a key"), v) for k, v in node.value]
    if reporter is not None:
        first: dict[str, int] = {}
        for (key, _), (key_node, _) in zip(items, node.value, strict=True):
            line = _mark(key_node)[0]
            if key in first:
                reporter.warn(f"'{key}' is given twice in {what} (first on line "
                              f"{first[key]}); the last one is used", path, line)
            first.setdefault(key, line)
    return items


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
    parts = urlsplit(url)
    # Every page's URL is this plus its path: a query or fragment would end up in the
    # middle of each, and a user name or password would be published on every page.
    if "?" in url or "#" in url or "@" in parts.netloc:
        raise SiteError(f"base_url must be the site's address alone, without a query (?), "
                        f"a fragment (#) or a user name, got {url!r}", path, *_mark(node))
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
    fields = {name: (str, "") for name in (*META_FIELDS, *RECORD_KEYS)}
    sources: dict[str, dict[str, str]] = {}
    for name, entry in _mapping(node, path, "sources", reporter):
        meta: dict[str, str] = {}
        for key, value in _mapping(entry, path, f"sources.{name}", reporter):
            if _check_key(key, fields, value, path, reporter, f"sources.{name}"):
                text = _scalar(value, path, f"sources.{name}.{key}")
                if key == "published" and text:
                    text = _published(text, value, path, f"sources.{name}.{key}")
                if key == "url" and text and urlsplit(text.strip()).scheme.lower() not in (
                        "http", "https"):
                    # Kept as written (digest.json carries it) but, as the pages link only
                    # http(s), never a link: an editor who typed it expects one.
                    reporter.warn(f"sources.{name}.url is not an http:// or https:// URL, so "
                                  f"pages do not link it: {text!r}", path, *_mark(value))
                if key not in RECORD_KEYS:
                    meta[key] = text
        sources[name] = meta
    return sources


def _published(text: str, node: yaml.Node, path: Path, what: str) -> str:
    """A publication date as ISO 8601: pages show it in `<time datetime>`, the feed and
    digest.json carry it and updates are ordered by it."""
    from .dates import normalise_published  # dateutil: only when a source gives a date

    iso, problem = normalise_published(text)
    if iso is None:
        raise SiteError(f"{what} must be a date such as 2024-03-05 ({problem}: {text!r})",
                        path, *_mark(node))
    return iso


# An option's parser: (node, file, reporter, dotted name) -> the value.
Parser = Callable[[yaml.Node, Path, Reporter, str], Any]


def _visible(node: yaml.Node, path: Path, _: Reporter, name: str) -> str:
    # Shown on every page: nothing invisible that could spoof the text around it.
    return visible_text(_scalar(node, path, name))


# A BCP 47 language tag's shape ("en", "pt-BR", "zh-Hant-TW"): it goes into <html lang>.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _language(node: yaml.Node, path: Path, _: Reporter, name: str) -> str:
    tag = _scalar(node, path, name).strip()
    if tag and not _LANGUAGE_TAG.fullmatch(tag):
        raise SiteError(f"{name} must be a language tag such as en or pt-BR, got {tag!r}",
                        path, *_mark(node))
    return tag


def _url(node: yaml.Node, path: Path, _: Reporter, name: str) -> str:
    return _base_url(node, path).rstrip("/")


def _aliases(node: yaml.Node, path: Path, _: Reporter, name: str) -> dict[str, list[str]]:
    return {key: _string_list(value, path, f"aliases of {key}")
            for key, value in _mapping(node, path, name)}


def _list(node: yaml.Node, path: Path, _: Reporter, name: str) -> list[str]:
    return _string_list(node, path, name)


def _sources(node: yaml.Node, path: Path, reporter: Reporter, _: str) -> dict:
    return read_sources(node, path, reporter)


@dataclass(frozen=True)
class Option:
    """One setting of sitebuild.yml: its type (as the reader sees it), default,
    description, and the parser that validates it (or the options of a section)."""

    kind: str
    default: Any
    description: str
    parse: Parser | None = None
    options: dict[str, Option] | None = None  # a section: a mapping of its own options


SCHEMA: dict[str, Option] = {
    "title": Option("text", "Story digest", "site title shown in the header and <title>",
                    _visible),
    "description": Option("text", "", "one-line description for the index and meta tags",
                          _visible),
    "base_url": Option("URL", "", "absolute http(s) URL the site is published at (for "
                       "canonical links, feeds and the sitemap)", _url),
    "language": Option("language tag", "en", "language of the articles (html lang), a BCP 47 "
                       "tag such as en or pt-BR", _language),
    "topics": Option("section", None, "topic settings", options={
        "aliases": Option("mapping of lists", {}, "canonical name -> list of other spellings",
                          _aliases),
        "exclude": Option("list", [], "names that never get a topic page", _list),
    }),
    "sources": Option("mapping", {}, "per seed file metadata: outlet, url, title, author, "
                      "published", _sources),
}
# Where each option's value goes in Config (dotted names of sections' options).
_FIELDS = {"title": "title", "description": "description", "base_url": "base_url",
           "language": "language", "topics.aliases": "topic_aliases",
           "topics.exclude": "topic_exclude", "sources": "sources"}


@dataclass
class Config:
    """Everything a build needs to know besides the articles themselves."""

    site_dir: Path
    title: str = SCHEMA["title"].default
    description: str = SCHEMA["description"].default
    base_url: str = SCHEMA["base_url"].default
    language: str = SCHEMA["language"].default
    # canonical topic name -> extra spellings that mean the same topic
    topic_aliases: dict[str, list[str]] = field(default_factory=dict)
    topic_exclude: list[str] = field(default_factory=list)
    # seed file name -> metadata overrides (outlet, url, title, author, published)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def seeds_dir(self) -> Path:
        """The scraped articles a build reads (and `sitebuild add` writes)."""
        return self.site_dir / "seeds"

    @property
    def content_dir(self) -> Path:
        """The editorial layer: generated Markdown that editors may change."""
        return self.site_dir / "content"

    @property
    def templates_dir(self) -> Path:
        """The site's own templates, overriding the built-in theme's."""
        return self.site_dir / "templates"

    @property
    def cache_dir(self) -> Path:
        """Memos, the last build's record and the build lock: safe to delete."""
        return self.site_dir / ".sitebuild"


def _read_section(node: yaml.Node, schema: dict[str, Option], path: Path, reporter: Reporter,
                  prefix: str, values: dict[str, Any], errors: list[SiteError]) -> None:
    """Parse every option of one mapping into `values`, collecting errors (not stopping)."""
    try:
        items = _mapping(node, path, prefix.rstrip(".") or "the configuration", reporter)
    except SiteError as exc:
        errors.append(exc)
        return
    for key, value in items:
        where = prefix.rstrip(".") or CONFIG_FILE
        if not _check_key(key, schema, value, path, reporter, where):
            continue
        option, name = schema[key], prefix + key
        try:
            if option.options is not None:
                _read_section(value, option.options, path, reporter, f"{name}.", values,
                              errors)
            elif option.parse is not None:
                parsed = option.parse(value, path, reporter, name)
                # `title:` left empty means "not set": an empty <title> is no title.
                values[name] = parsed if parsed != "" else option.default
        except SiteError as exc:
            errors.append(exc)


def _one_error(errors: list[SiteError]) -> SiteError:
    """All problems in one message, located at the first."""
    first = errors[0]
    more = [f"line {e.line}: {e.message}" if e.line else e.message for e in errors[1:]]
    message = "; also ".join([first.message, *more])
    return SiteError(message, first.path, first.line, first.column)


def check_layout(config: Config) -> None:
    """Refuse a site whose folders are files, or that has nothing to build, before a build
    writes anything (a build run in the wrong folder leaves no content/ or .sitebuild/)."""
    folders = (config.seeds_dir, config.content_dir, config.content_dir / "articles",
               config.templates_dir, config.cache_dir)
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            raise SiteError("is a file, where the site needs a folder", folder)
    if not config.seeds_dir.exists() and not (config.content_dir / "articles").exists():
        raise SiteError("no seeds/ folder: put the articles to build in it, or name the "
                        "site folder with --site DIR", config.seeds_dir)


def load_config(site_dir: Path, reporter: Reporter) -> Config:
    """Load and validate `sitebuild.yml` and `seeds/sources.yml`; both are optional.

    Every option is checked against SCHEMA; all the problems found are reported
    together, in one error.
    """
    config = Config(site_dir=site_dir)
    path = site_dir / CONFIG_FILE
    root = _parse(path) if path.exists() else None
    if root is not None:
        values: dict[str, Any] = {}
        errors: list[SiteError] = []
        _read_section(root, SCHEMA, path, reporter, "", values, errors)
        if errors:
            raise _one_error(errors)
        for name, value in values.items():
            setattr(config, _FIELDS[name], value)
    sources_path = config.seeds_dir / SOURCES_FILE
    if sources_path.exists():
        node = _parse(sources_path)
        if node is not None:
            # seeds/sources.yml sits next to the files it describes: it wins.
            for name, meta in read_sources(node, sources_path, reporter).items():
                config.sources.setdefault(name, {}).update(meta)
    return config
