"""Quick lookup over officers, cities, events and follow-ups.

Built once per dataset (``entries``: an entry per record and the text it is
found by), its haystacks joined into one text. A query is answered by substring and word-prefix matches first (the
fast, usual case), then by one-letter typos through a deletion index (so
"kahnen" and "kahomen" find Kahonen), and only then by a fuzzy in-order
match of the letters, run over what is left. Officers are also found by what
staff ask during an event: a flight ("MH376", "MH 376"), a need ("halal"),
a badge code. Names in other scripts are also found by their romanisation
(``romanise``: 王小明 by "wang xiaoming"), below every match of what was typed.
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.edits import Edit, applied_in
from liaison_tui.domain.kinds import Kind, kind_of
from liaison_tui.domain.model import City, Record
from liaison_tui.domain.values import fold
from liaison_tui.lookup.entries import VACANT, Entry, Searched, entries_for, entry_of
from liaison_tui.lookup.romanise import compact
from liaison_tui.store.gc_pause import collector_paused

_WORD = re.compile(r"\w+")

# Typos are matched only between words of letters this long or longer: one letter
# off a shorter word is too much of it ("halal" must not find "Hall"), and digits
# (flights, phones, rooms) are exact or nothing.
TYPO_MIN = 5


def _deletions(word: str) -> set[str]:
    """The word with each one of its letters left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _typo_words(haystack: str) -> set[str]:
    """The words typos are matched against (``TYPO_MIN`` letters or more): only these are kept."""
    return {word for word in _WORD.findall(haystack) if len(word) >= TYPO_MIN and word.isalpha()}


def _holders(blob: str, starts: list[int], needle: str) -> Iterator[int]:
    """Positions of the entries whose part of ``blob`` (they start at ``starts``) contains ``needle``, each once."""
    at = blob.find(needle)
    while at >= 0:
        position = bisect_right(starts, at) - 1
        yield position
        following = starts[position + 1] if position + 1 < len(starts) else len(blob)
        at = blob.find(needle, following)


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float  # 0..1, higher is better


class LookupIndex:
    """Answers queries over one dataset; built once, then updated edit by edit.

    All haystacks are joined into one string, so a substring query is a few
    C-speed ``str.find`` calls rather than a Python loop over every entry.
    Typos go through a deletion index over the vocabulary (each distinct
    word once), not over every entry. Sound forms (romanised names) are joined
    apart; ``romanised=False`` leaves them out (the benchmark weighs their cost).
    """

    def __init__(self, data: Dataset, *, romanised: bool = True) -> None:
        self._romanised = romanised
        with collector_paused():
            self.entries: list[Entry] = []
            self._position: dict[tuple[Kind, int], int] = {}
            # Each word's holders as an array of positions: a set took 30 bytes a holder, and a
            # word common to 50,000 officers 2 MB (words are added and removed only on saves).
            self._words: dict[str, array[int]] = {}
            self._by_deletion: dict[str, list[str]] = {}
            self._blob, self._starts = "", list[int]()
            self._changed: dict[int, str] = {}  # haystacks put since the last join, by position
            for searched in entries_for(data, romanised):
                self._put(searched)
            self._rejoin()

    def haystack(self, position: int) -> str:
        """The searchable text of the entry at ``position`` (kept only in the joined text, not twice)."""
        changed = self._changed.get(position)
        if changed is not None:
            return changed
        following = self._starts[position + 1] if position + 1 < len(self._starts) else len(self._blob) + 1
        return self._blob[self._starts[position] : following - 1]

    def haystack_of(self, entry: Entry) -> str:
        return self.haystack(self._position[(entry.kind, entry.record_id)])

    def _put(self, searched: Searched) -> None:
        """Add the entry, or replace the entry for the same record in its place."""
        entry, haystack = searched
        key = (entry.kind, entry.record_id)
        position = self._position.get(key)
        if position is None:
            position = self._position[key] = len(self.entries)
            self.entries.append(entry)
        else:
            self._forget_words(position)
            self.entries[position] = entry
        self._changed[position] = haystack
        for word in _typo_words(haystack):
            holders = self._words.get(word)
            if holders is None:
                holders = self._words[word] = array("i")
                for variant in _deletions(word):
                    self._by_deletion.setdefault(variant, []).append(word)
            holders.append(position)  # once: an entry's words are a set, and its old ones were forgotten

    def _forget_words(self, position: int) -> None:
        for word in _typo_words(self.haystack(position)):
            self._words[word].remove(position)  # ``_put`` entered every word of it, once

    def _drop(self, kind: Kind, record_id: int) -> None:
        """A removed record: its place stays, empty, so the other positions hold."""
        position = self._position.pop((kind, record_id), None)
        if position is not None:
            self._forget_words(position)
            self.entries[position] = VACANT
            self._changed[position] = ""

    def _rejoin(self) -> None:
        haystacks = self._blob.split("\x00") if self._starts else []  # no haystack holds a NUL
        for position in sorted(self._changed):  # new positions come after every old one, in order
            if position < len(haystacks):
                haystacks[position] = self._changed[position]
            else:
                haystacks.append(self._changed[position])
        self._changed = {}
        self._blob = "\x00".join(haystacks)
        self._starts = [0, *accumulate(len(haystack) + 1 for haystack in haystacks)][:-1]
        # The names alone, each as " name": where a name or a word of it starts with the query.
        self._label_blob = "\x00".join(" " + entry.label_folded for entry in self.entries)
        self._label_starts = [0, *accumulate(len(entry.label_folded) + 2 for entry in self.entries)][:-1]
        self._sound_blob = "\x00".join(entry.sounds for entry in self.entries)
        self._sound_starts = [0, *accumulate(len(entry.sounds) + 1 for entry in self.entries)][:-1]

    def _name_hits(self, needle: str) -> dict[int, float]:
        """Entries whose name, or a word of it, starts with ``needle``, with their scores."""
        blob, starts, entries = self._label_blob, self._label_starts, self.entries
        scores: dict[int, float] = {}
        at = blob.find(" " + needle)
        while at >= 0:
            position = bisect_right(starts, at) - 1
            if at == starts[position]:  # the name itself starts with it
                scores[position] = 1.0 if entries[position].label_folded == needle else 0.95
            else:
                scores.setdefault(position, 0.9)
            at = blob.find(" " + needle, at + 1)
        return scores

    def update(self, data: Dataset, edits: Sequence[Edit]) -> None:
        """Bring the index up to ``data``: the data AFTER ``edits`` (a save or an undo) were applied."""
        if not applied_in(data, edits):  # a renamed city's officers would keep the old name: they are built from it
            raise RuntimeError("lookup update: the data given is not the data after the edits")
        officers, followups = set[int](), set[int]()
        for edit in edits:
            record = edit.record
            if edit.after is None:
                self._drop(kind_of(record), record.id)
                continue
            searched = entry_of(data, edit.after, self._romanised)
            if searched is None:
                continue
            self._put(searched)
            if isinstance(record, City):  # its name is part of its officers' and follow-ups' entries
                officers |= {o.id for o in data.officers.values() if o.city_id == record.id}
                followups |= {f.id for f in data.followups.values() if f.city_id == record.id}
        dependants: list[Record] = [*(data.officers[i] for i in officers), *(data.followups[i] for i in followups)]
        for searched in filter(None, (entry_of(data, dependant, self._romanised) for dependant in dependants)):
            self._put(searched)
        self._rejoin()

    def _sound_hits(self, needle: str) -> dict[int, float]:
        """Where a sound form of the names (0.55) or city (0.52) starts with ``needle``, or one holds it (0.5)."""
        scores: dict[int, float] = {}
        for pattern, score in ((" " + needle, 0.55), ("\t" + needle, 0.52), (needle, 0.5)):
            for position in _holders(self._sound_blob, self._sound_starts, pattern):
                scores.setdefault(position, score)
        return scores

    def _typo_hits(self, needle: str) -> set[int]:
        """Entries with a word one letter away from ``needle`` (missing, extra or wrong).

        Both words have at least ``TYPO_MIN`` letters: the deletion index holds
        only such words, and a shorter word is never taken for a longer needle.
        """
        similar = set(self._by_deletion.get(needle, ()))  # needle has one letter too few
        for variant in _deletions(needle):
            if len(variant) >= TYPO_MIN and variant in self._words:
                similar.add(variant)  # needle has one letter too many
            similar.update(self._by_deletion.get(variant, ()))  # one letter different
        return {position for word in similar for position in self._words[word]}  # words stay in the vocabulary

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        needle = fold(query).strip()
        if not needle or "\x00" in needle:
            return []
        entries, score = self.entries, self._substring_score
        scores = self._name_hits(needle)
        if len(scores) >= limit:  # enough names start with it: nothing else can rank above them
            return self._best(scores, limit)
        lined = "\n" + needle
        for position in _holders(self._blob, self._starts, needle):  # every field
            if position not in scores:
                scores[position] = score(entries[position], self.haystack(position), needle, lined)
        if sound := compact(needle):  # letters and digits only: a query in another script has no sound
            for position, value in self._sound_hits(sound).items():
                scores.setdefault(position, value)  # what was typed ranks first: a romanised hit never above it
        if len(needle) >= TYPO_MIN and needle.isalpha():
            for position in self._typo_hits(needle):
                scores.setdefault(position, 0.45)  # below every exact or prefix match (0.6 and up)
        if len(scores) < limit and " " in needle:  # "kahonen henri": a name's words, in another order
            for position in self._each_word_hits(needle.split()):
                scores.setdefault(position, 0.85)  # below a name that starts so (0.9), above one holding it
        if len(scores) < 5 and len(needle) >= 3:  # letters in order: only when little else matched
            self._in_order_hits(needle, scores)
        return self._best(scores, limit)

    def _each_word_hits(self, words: list[str]) -> set[int]:
        """Entries with a word of the name starting with each of ``words``, in any order (surname first)."""
        longest, *others = sorted(words, key=len, reverse=True)  # the fewest names to look through
        entries, starts = self.entries, [" " + word for word in others]
        return {p for p in self._name_hits(longest) if all(s in " " + entries[p].label_folded for s in starts)}

    def _in_order_hits(self, needle: str, scores: dict[int, float]) -> None:
        """Names not in ``scores`` yet holding the needle's letters in order, close together.

        One scan of the joined names, not a call per entry: it runs often on a mixed-script roster.
        """
        pattern = re.compile("[^\x00\n]*?".join(map(re.escape, needle)))  # never past a name's end
        starts, tried = self._label_starts, set(scores)
        for found in pattern.finditer(self._label_blob):
            position = bisect_right(starts, found.start()) - 1
            if position in tried:
                continue
            tried.add(position)  # a name's first (leftmost) match decides, as a search of that name alone would
            if found.end() - found.start() <= 2 * len(needle):  # letters close together
                scores[position] = 0.2 + 0.1 * len(needle) / (found.end() - found.start())

    def _best(self, scores: dict[int, float], limit: int) -> list[Hit]:
        """The ``limit`` best hits, ties by name (scores take few values: best group first, sort only what is kept)."""
        entries = self.entries
        groups: dict[float, list[int]] = {}
        for position, value in scores.items():
            groups.setdefault(value, []).append(position)
        best: list[Hit] = []
        for value in sorted(groups, reverse=True):
            chosen = heapq.nsmallest(limit - len(best), groups[value], key=lambda p: entries[p].label_folded)
            best += [Hit(entries[p], value) for p in chosen]
            if len(best) >= limit:
                break
        return best

    @staticmethod
    def _substring_score(entry: Entry, haystack: str, needle: str, lined: str) -> float:
        """An entry whose name neither starts with ``needle`` nor has a word starting with it: ``_name_hits``
        scored those (1.0, 0.95, 0.9) and every entry it found is skipped."""
        if needle in entry.label_folded:
            return 0.8
        if lined in "\n" + haystack.replace(" ", "\n"):  # a word of another field (city, ...) starts with it
            return 0.7
        return 0.6
