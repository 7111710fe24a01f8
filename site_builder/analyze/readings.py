"""The finders' readings of each form of a sentence, kept between builds.

A corpus-wide finder (attributions.py and the modules it calls) reads each form of a
sentence once through `per_form` (its text and features, see sentences.py) and then
combines what all forms gave. Its reading of a form depends on the form and on the
topics it looks names up in, so it is kept in the memo "finder readings" under the
form's hash (and the topics its mentions were resolved to), with the answers those
lookups got (a name's topic: slug, name, kind, aliases); a later build reuses the
reading while every answer is the same. After an edit only the forms of the edited
text are read again; the combination is redone.

A reading is reused only for a finder whose function reads nothing corpus-wide but the
watched topic lookups and the form's `extra` value (checked on its closure); other
finders are read afresh, as before. Sentences and topics in a kept reading are stored
as references and resolved to this build's objects.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeVar

from ..memo import Memo
from ..models import Topic
from .sentences import Sentence

R = TypeVar("R")

# The memo of the readings: one entry per form, a pickled {(finder, extra): reading}.
READINGS = "finder readings"


class TopicLookups(Protocol):
    """What a finder looks topics up in: the table, and the surfaces asked (while set)."""

    of_surface: Mapping[str, Topic]
    of_slug: Mapping[str, Topic]
    asked: set[str] | None


class SentenceList(list[Sentence]):
    """The analysis' sentences, carrying the store of the finders' readings (`per_form`
    uses it once `Readings.watch` has been given the topic lookups)."""

    def __init__(self, sentences: Iterable[Sentence], readings: Readings | None) -> None:
        super().__init__(sentences)
        self.readings = readings


def _ident(topic: Topic) -> str:
    """All a finder may read of a topic it looked up (not its mentions, which any edit
    changes)."""
    return "\0".join([topic.slug, topic.name, topic.kind, *topic.aliases])


class _Answers:
    """The lookups' current answers, in the form `Memo.get` tests words against:
    "surface\\0ident" is in it when the surface names that very topic, "surface" when
    it names any."""

    def __init__(self, of_surface: Mapping[str, Topic]) -> None:
        self.of_surface = of_surface
        self._idents: dict[int, str] = {}

    def ident(self, topic: Topic) -> str:
        found = self._idents.get(id(topic))
        if found is None:
            found = self._idents[id(topic)] = _ident(topic)
        return found

    def __contains__(self, word: object) -> bool:
        surface, sep, ident = str(word).partition("\0")
        topic = self.of_surface.get(surface)
        if not sep:
            return topic is not None
        return topic is not None and self.ident(topic) == ident

    def recorded(self, surfaces: Iterable[str]) -> dict[str, bool]:
        """The answers the surfaces got now, as a memo entry keeps them."""
        answers = {}
        for surface in surfaces:
            topic = self.of_surface.get(surface)
            if topic is None:
                answers[surface] = False
            else:
                answers[f"{surface}\0{self.ident(topic)}"] = True
        return answers


class _Keeper(pickle.Pickler):
    """Pickles a reading with its sentence and topics as references."""

    def __init__(self, file: io.BytesIO, sentence: Sentence,
                 of_slug: Mapping[str, Topic]) -> None:
        super().__init__(file, protocol=5)
        self.sentence, self.of_slug = sentence, of_slug

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is Sentence:
            # A copy of the form (read for another `extra`): by `per_form`'s rule, the
            # reading of one copy holds for all.
            if obj.form != self.sentence.form:
                raise pickle.PicklingError("a reading holds another sentence")
            return "s"
        if type(obj) is Topic:
            if self.of_slug.get(obj.slug) is not obj:
                raise pickle.PicklingError("a reading holds a topic not looked up")
            return ("t", obj.slug)
        return None


class _Loader(pickle.Unpickler):
    """Loads a kept reading, resolving its references to this build's objects."""

    def __init__(self, file: io.BytesIO, sentence: Sentence,
                 of_slug: Mapping[str, Topic]) -> None:
        super().__init__(file)
        self.sentence, self.of_slug = sentence, of_slug

    def persistent_load(self, pid: Any) -> Any:
        if pid == "s":
            return self.sentence
        return self.of_slug[pid[1]]  # the answers checked it is there, and the same


class Readings:
    """The finders' readings of this build, and (through `memo`) of the last one."""

    def __init__(self, memo: Memo) -> None:
        self.memo = memo
        self.names: TopicLookups | None = None
        self._answers: _Answers | None = None
        # Per form: its readings so far, its first sentence, the surfaces its readings
        # asked (with the answers kept from the last build), and whether it gained any.
        self._entries: dict[str, dict[tuple[str, Hashable], Any]] = {}
        self._first: dict[str, Sentence] = {}
        self._asked: dict[str, set[str]] = {}
        self._kept: dict[str, dict[str, bool]] = {}
        self._changed: set[str] = set()
        self.read = 0  # forms read by a finder in this build (not taken from the memo)
        # The sentences' copies of each form (`found`), and which list they were made of.
        self._grouped: list[Sentence] | None = None
        self._grouped_size = 0
        self._groups: dict[str, list[int]] = {}

    def watch(self, names: TopicLookups) -> None:
        """Keep readings from now on; the finders look topics up in `names`."""
        self.names = names
        self._answers = _Answers(names.of_surface)

    def each(self, sentences: Iterable[Sentence], extract: Callable[[Sentence], R],
             extra: Callable[[Sentence], Hashable] | None) -> Iterator[tuple[Sentence, R]]:
        """`per_form` for a watched finder: each form's reading kept or made here; None
        when `extract` may read more than the watched lookups (read it afresh)."""
        finder = self._finder(extract, extra)
        assert finder is not None
        # This finder's reading per form (and `extra` value), looked up once per form.
        done: dict[Any, Any] = {}
        if extra is None:  # most finders: keyed by the form alone (no tuple per sentence)
            key = (finder, None)
            for s in sentences:
                reading = done.get(s.form, done)
                if reading is done:
                    reading = done[s.form] = self._reading(s, key, extract)
                yield s, reading
            return
        for s in sentences:
            form = (s.form, extra(s))
            reading = done.get(form, done)
            if reading is done:
                reading = done[form] = self._reading(s, (finder, form[1]), extract)
            yield s, reading

    def found(self, sentences: list[Sentence], extract: Callable[[Sentence], R]
              ) -> Iterator[tuple[Sentence, R]]:
        """`per_form_found` for a watched finder without `extra`: each form's reading
        (kept or made, in the order `each` makes them), and the sentences of the forms
        whose reading is not empty, in the sentences' order."""
        finder = self._finder(extract, None)
        assert finder is not None
        key = (finder, None)
        found: dict[int, R] = {}  # by position in `sentences`
        entries = self._entries
        for form, places in self._copies(sentences).items():
            entry = entries.get(form)
            if entry is not None and key in entry:  # the common case, inline
                reading = entry[key]
            else:
                reading = self._reading(sentences[places[0]], key, extract)
            if reading:
                found.update(dict.fromkeys(places, reading))
        for place in sorted(found):
            yield sentences[place], found[place]

    def _copies(self, sentences: list[Sentence]) -> dict[str, list[int]]:
        """The positions of each form's copies, forms in order of first appearance (made
        once per list of sentences)."""
        if self._grouped is not sentences or self._grouped_size != len(sentences):
            copies: dict[str, list[int]] = {}
            for place, s in enumerate(sentences):
                group = copies.get(s.form)
                if group is None:
                    copies[s.form] = [place]
                else:
                    group.append(place)
            self._grouped, self._grouped_size, self._groups = sentences, len(sentences), copies
        return self._groups

    def _reading(self, s: Sentence, key: tuple[str, Hashable],
                 extract: Callable[[Sentence], R]) -> R:
        """The reading `key` names of `s`'s form: kept, or made now."""
        entry = self._entries.get(s.form)
        if entry is None:
            entry = self._load(s)
        if key not in entry:
            names = self.names
            assert names is not None
            names.asked = self._asked.setdefault(s.form, set())
            try:
                entry[key] = extract(s)
            finally:
                names.asked = None
            self._changed.add(s.form)
            self.read += 1
        return entry[key]

    def keeps(self, extract: Callable[..., Any],
              extra: Callable[[Sentence], Hashable] | None) -> bool:
        """Whether `per_form` keeps `extract`'s readings (see `each`)."""
        return self.names is not None and self._finder(extract, extra) is not None

    def _finder(self, extract: Callable[..., Any],
                extra: Callable[[Sentence], Hashable] | None) -> str | None:
        """A short name of the finder, if all it reads besides the form is the watched
        lookups and `extra` (its closure holds nothing else): else None."""
        code = getattr(extract, "__code__", None)
        if code is None or getattr(extract, "__defaults__", None) or \
                getattr(extract, "__kwdefaults__", None):
            return None
        for cell in getattr(extract, "__closure__", None) or ():
            value = cell.cell_contents
            if value is not self.names and value is not extra and \
                    getattr(value, "__self__", None) is not self.names:
                return None
        name = f"{extract.__module__}:{extract.__qualname__}:{code.co_firstlineno}"
        # Short: every form's entry names each finder (the memo is keyed by the code too).
        return hashlib.blake2b(name.encode(), digest_size=6).hexdigest()

    def _load(self, s: Sentence) -> dict[tuple[str, Hashable], Any]:
        assert self._answers is not None and self.names is not None
        entry: dict[tuple[str, Hashable], Any] = {}
        found = self.memo.entry(_memo_key(s), self._answers)
        if found is not None:
            answers, blob = found
            try:
                entry = _Loader(io.BytesIO(blob), s, self.names.of_slug).load()
                self._kept[s.form] = answers
            except (pickle.UnpicklingError, KeyError, EOFError, AttributeError, TypeError):
                entry = {}  # a damaged entry is read again
        self._entries[s.form] = entry
        self._first[s.form] = s
        return entry

    def finish(self) -> None:
        """Store the readings of the forms read in this build (with the answers their
        lookups got); stop keeping readings."""
        assert self._answers is not None and self.names is not None
        for form in sorted(self._changed):
            entry, s = self._entries[form], self._first[form]
            answers = {**self._kept.get(form, {}),
                       **self._answers.recorded(self._asked.get(form, ()))}
            blob = _pickled(entry, s, self.names.of_slug)
            if blob is not None:
                self.memo.put(_memo_key(s), answers, blob)
        self.names = None
        self._entries, self._first, self._asked, self._kept = {}, {}, {}, {}
        self._changed = set()
        self._grouped, self._groups = None, {}


def _memo_key(s: Sentence) -> str:
    """A form's entry: its hash, and the topics its mentions were resolved to in this build
    (which `per_form` lets a finder read, and an edit elsewhere may change)."""
    if not s.topics:
        return s.form
    topics = "\0".join(sorted(s.topics)).encode()
    return f"{s.form}:{hashlib.blake2b(topics, digest_size=8).hexdigest()}"


def _pickled(entry: dict[tuple[str, Hashable], Any], s: Sentence,
             of_slug: Mapping[str, Topic]) -> bytes | None:
    """The entry pickled, without any reading that cannot be kept (read again next time)."""
    try:
        return _dump(entry, s, of_slug)
    except (pickle.PicklingError, TypeError, AttributeError):
        keep = {}
        for key, reading in entry.items():
            try:
                _dump(reading, s, of_slug)
            except (pickle.PicklingError, TypeError, AttributeError):
                continue
            keep[key] = reading
        return _dump(keep, s, of_slug) if keep else None


def _dump(value: object, s: Sentence, of_slug: Mapping[str, Topic]) -> bytes:
    buffer = io.BytesIO()
    _Keeper(buffer, s, of_slug).dump(value)
    return buffer.getvalue()
