"""YAML from files an editor or a scraper wrote, loaded without hanging or crashing.

PyYAML alone turns hostile YAML into hangs and crashes: an alias bomb (a few lines
that expand to billions of items) hangs whatever walks the result, deep nesting
overflows the C loader's stack (a segfault, not an exception), `2024-02-30` or a
5,000-digit number raise plain ValueErrors without a line. Here every problem is a
`YAMLProblem` with the line and column it is at.
"""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's C loader when PyYAML has it (its wheels do): ~10x faster.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Far deeper than any configuration or front matter; far shallower than the C stack.
MAX_DEPTH = 64


class YAMLProblem(ValueError):
    """Why a YAML text was refused, with its 1-based line and column when known."""

    def __init__(self, problem: str, line: int | None = None,
                 column: int | None = None) -> None:
        self.problem, self.line, self.column = problem, line, column
        super().__init__(problem)


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, with scalars that cannot be built refused at their own position."""


def _checked(kind: str, construct: Any) -> Any:
    def build(loader: yaml.BaseLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid {kind} {str(node.value)[:40]!r} ({exc})",
                node.start_mark) from exc
    return build


for _tag, _kind in (("timestamp", "date"), ("int", "number"), ("float", "number")):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _checked(
        _kind, _Loader.yaml_constructors[f"tag:yaml.org,2002:{_tag}"]))


def _problem(exc: yaml.YAMLError, text: str) -> YAMLProblem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark, problem = exc.problem_mark or exc.context_mark, str(exc.problem or exc.context)
        opened = exc.context_mark
        if (mark and opened and exc.context and opened.line < mark.line
                and not text[mark.index:].strip()):
            # The text ended inside something left open (a quote, a bracket): the line to
            # fix is where it opened, not the end of the text.
            problem, mark = f"{problem} ({exc.context} that starts here)", opened
        return YAMLProblem(problem, mark.line + 1 if mark else None,
                           mark.column + 1 if mark else None)
    if isinstance(exc, yaml.reader.ReaderError):
        before = text[: exc.position]
        return YAMLProblem(f"character {exc.character!r} is not allowed in YAML",
                           before.count("\n") + 1, len(before) - before.rfind("\n"))
    return YAMLProblem(str(exc))


def _check_structure(text: str) -> None:
    """Refuse aliases and deep nesting, by reading the event stream (which never recurses)."""
    depth = 0
    for event in yaml.parse(text, Loader=_BASE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            raise YAMLProblem("aliases (*name) are not allowed here", mark.line + 1,
                              mark.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YAMLProblem(f"nested more than {MAX_DEPTH} levels deep", mark.line + 1,
                                  mark.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str) -> Any:
    """The data of one YAML document; raises YAMLProblem for anything unsafe or invalid."""
    try:
        _check_structure(text)
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise _problem(exc, text) from exc


def compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document (positions kept), checked like `load`."""
    try:
        _check_structure(text)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _problem(exc, text) from exc

