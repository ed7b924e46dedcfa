"""Quick lookup over officers, cities, events and follow-ups.

Built once per dataset: every entry keeps a case-folded haystack and its
words. A query is answered by substring and word-prefix matches first (the
fast, usual case), then by one-letter typos through a deletion index (so
"kahnen" and "kahomen" find Kahonen), and only then by a fuzzy in-order
match of the letters, run over what is left.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from liaison_tui import schedule
from liaison_tui.memory import collector_paused
from liaison_tui.model import City, Dataset, Event, FollowUp, Officer, Record

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Sandéman' and 'SANDEMAN' meet."""
    if text.isascii():  # most text: no accents to strip, and ten times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _deletions(word: str) -> set[str]:
    """The word with each one of its letters left out."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # "officer", "city", "event", "follow-up"
    record_id: int
    label: str  # what a person reads: the name or title
    context: str  # city, venue or date: enough to tell two entries apart
    label_folded: str
    haystack: str  # every searchable field, folded, one per line
    label_words: str = ""  # " " + label_folded: a word of the name starts after a space
    word_starts: str = ""  # haystack with every word on a line of its own, after a "\n"


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    score: float  # 0..1, higher is better


def _entry(kind: str, record: Record, label: str, context: str, fields: list[str]) -> Entry:
    folded = fold(label)
    haystack = fold("\n".join(f for f in fields if f))
    return Entry(kind, record.id, label, context, folded, haystack, " " + folded, "\n" + haystack.replace(" ", "\n"))


def entries_for(data: Dataset) -> list[Entry]:
    entries: list[Entry] = []
    for officer in data.officers.values():
        city = schedule.city_of(data, officer)
        city_name = city.name if city else "host staff"
        fields = [officer.name, officer.native_name, city_name, officer.title, officer.organisation]
        entries.append(_entry("officer", officer, officer.name, city_name, [*fields, officer.phone, officer.email]))
    for city in data.cities.values():
        entries.append(_entry("city", city, city.name, city.country, [city.name, city.native_name, city.country]))
    for event in data.events.values():
        context = f"{event.day:%a %d %b} {event.start:%H:%M}"
        entries.append(_entry("event", event, event.title, context, [event.title, event.venue]))
    for followup in data.followups.values():
        owner = data.cities.get(followup.city_id)
        entries.append(
            _entry("follow-up", followup, followup.text, owner.name if owner else "", [followup.text, followup.area])
        )
    return entries


class LookupIndex:
    """Answers queries over one dataset; rebuilt (cheaply) when the data changes.

    All haystacks are joined into one string, so a substring query is a few
    C-speed ``str.find`` calls rather than a Python loop over every entry.
    Typos go through a deletion index over the vocabulary (each distinct
    word once), not over every entry.
    """

    def __init__(self, data: Dataset) -> None:
        with collector_paused():
            self._build(data)

    def _build(self, data: Dataset) -> None:
        self.entries = entries_for(data)
        self._starts: list[int] = []
        parts: list[str] = []
        offset = 0
        words: dict[str, list[int]] = {}
        for position, entry in enumerate(self.entries):
            self._starts.append(offset)
            parts.append(entry.haystack)
            offset += len(entry.haystack) + 1
            for word in set(_WORD.findall(entry.haystack)):
                words.setdefault(word, []).append(position)
        self._blob = "\x00".join(parts)
        self._words = words
        self._by_deletion: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 4:
                for variant in _deletions(word):
                    self._by_deletion.setdefault(variant, []).append(word)

    def _substring_hits(self, needle: str) -> Iterator[int]:
        """Positions of the entries whose haystack contains ``needle``."""
        blob, starts, find = self._blob, self._starts, self._blob.find
        at = find(needle)
        while at >= 0:
            position = bisect_right(starts, at) - 1
            yield position
            following = starts[position + 1] if position + 1 < len(starts) else len(blob)
            at = find(needle, following)

    def _typo_hits(self, needle: str) -> set[int]:
        """Entries with a word one letter away from ``needle`` (missing, extra or wrong)."""
        similar = set(self._by_deletion.get(needle, ()))  # needle has one letter too few
        for variant in _deletions(needle):
            if variant in self._words:
                similar.add(variant)  # needle has one letter too many
            similar.update(self._by_deletion.get(variant, ()))  # one letter different
        return {position for word in similar for position in self._words[word]}

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        needle = fold(query).strip()
        if not needle or "\x00" in needle:
            return []
        scores: dict[int, float] = {}
        entries, score = self.entries, self._substring_score
        spaced, lined = " " + needle, "\n" + needle
        for position in self._substring_hits(needle):
            scores[position] = score(entries[position], needle, spaced, lined)
        if len(needle) >= 4 and " " not in needle:
            for position in self._typo_hits(needle):
                scores.setdefault(position, 0.45)
        if len(scores) < 5 and len(needle) >= 3:  # letters in order: only when little else matched
            pattern = re.compile(".*?".join(map(re.escape, needle)))
            for position, entry in enumerate(self.entries):
                found = pattern.search(entry.label_folded) if position not in scores else None
                if found and found.end() - found.start() <= 2 * len(needle):  # letters close together
                    scores[position] = 0.2 + 0.1 * len(needle) / (found.end() - found.start())
        # Scores take few values: fill the result from the best group down, sorting only what is kept.
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
    def _substring_score(entry: Entry, needle: str, spaced: str, lined: str) -> float:
        label = entry.label_folded
        if label.startswith(needle):
            return 1.0 if label == needle else 0.95
        if spaced in entry.label_words:  # a word of the name starts with it: a surname
            return 0.9
        if needle in label:
            return 0.8
        if lined in entry.word_starts:  # a word of another field (city, title, ...) starts with it
            return 0.7
        return 0.6


KINDS: dict[str, type[Record]] = {"officer": Officer, "city": City, "event": Event, "follow-up": FollowUp}


def find_officer(data: Dataset, name: str) -> Officer:
    """The one officer ``name`` means (exact, else a unique part); LookupError says why not."""
    wanted = fold(name).strip()
    exact = [o for o in data.officers.values() if fold(o.name) == wanted or fold(o.native_name) == wanted]
    partial = exact or [o for o in data.officers.values() if wanted and wanted in fold(o.name)]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise LookupError(f"no officer called {name!r}")
    names = ", ".join(sorted(o.name for o in partial)[:8])
    raise LookupError(f"{len(partial)} officers match {name!r} ({names}): be more precise")
