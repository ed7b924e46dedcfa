"""An event's interpreters as typed in its form: ``zh-en: Li Wei; ja-en: #42``.

Each item is a language pair and who interprets: an officer by name or
``#id``, or any other name (an agency's interpreter not in the file). Parsing
says which item is wrong and why.
"""

from __future__ import annotations

from liaison_tui.domain.dataset import Dataset
from liaison_tui.domain.languages import is_known, language_code
from liaison_tui.domain.model import InterpreterAssignment
from liaison_tui.domain.values import fold
from liaison_tui.i18n import _

PLACEHOLDER_EXAMPLE = "zh-en: Li Wei; ja-en: #42"


def interpreters_text(data: Dataset, assignments: tuple[InterpreterAssignment, ...]) -> str:
    """The form's text for ``assignments`` (an officer whose name others share as ``#id``)."""
    names: dict[str, int] = {}
    for each in data.officers.values():
        key = fold(each.name)
        names[key] = names.get(key, 0) + 1
    parts = []
    for assignment in assignments:
        officer = data.officers.get(assignment.interpreter_id) if assignment.interpreter_id is not None else None
        if officer is not None and names.get(fold(officer.name)) == 1:
            who = officer.name
        elif assignment.interpreter_id is not None:
            who = f"#{assignment.interpreter_id}"
        else:
            who = assignment.interpreter
        parts.append(f"{'-'.join(assignment.languages)}: {who}")
    return "; ".join(parts)


def _pair(item: str, text: str) -> tuple[str, str]:
    for separator in ("-", "/", "–"):
        if separator in text:
            first, second = (part.strip() for part in text.split(separator, 1))
            break
    else:
        raise ValueError(_("interpreters {item!r}: give two languages such as zh-en").format(item=item))
    for language in (first, second):
        if not is_known(language):
            raise ValueError(
                _("interpreters {item!r}: unknown language {language!r} (use a code such as en, or a name)").format(
                    item=item, language=language
                )
            )
    codes = (language_code(first), language_code(second))
    if codes[0] == codes[1]:
        raise ValueError(_("interpreters {item!r}: the two languages are the same").format(item=item))
    return codes


def _interpreter(data: Dataset, item: str, who: str) -> InterpreterAssignment:
    if who.startswith("#"):
        number = who[1:].strip()
        if not number.isdigit() or int(number) not in data.officers:
            raise ValueError(_("interpreters {item!r}: no officer {who}").format(item=item, who=who))
        return InterpreterAssignment(languages=("", ""), interpreter_id=int(number))
    found = [o.id for o in data.officers.values() if fold(o.name) == fold(who)]
    if len(found) > 1:
        raise ValueError(
            _("interpreters {item!r}: {n} officers are called {name!r}: write #id instead").format(
                item=item, n=len(found), name=who
            )
        )
    if found:
        return InterpreterAssignment(languages=("", ""), interpreter_id=found[0])
    return InterpreterAssignment(languages=("", ""), interpreter=who)


def parse_interpreters(data: Dataset, text: str) -> tuple[InterpreterAssignment, ...]:
    """The assignments ``text`` gives (see ``interpreters_text``); ValueError names the wrong item."""
    assignments: list[InterpreterAssignment] = []
    for item in (part.strip() for part in text.replace("\n", ";").split(";")):
        if not item:
            continue
        pair_text, colon, who = item.partition(":")
        if not colon or not who.strip():
            raise ValueError(
                _("interpreters {item!r}: write languages: interpreter, e.g. zh-en: Li Wei").format(item=item)
            )
        languages = _pair(item, pair_text.strip())
        found = _interpreter(data, item, who.strip())
        assignments.append(
            InterpreterAssignment(
                languages=languages, interpreter_id=found.interpreter_id, interpreter=found.interpreter
            )
        )
    return tuple(assignments)
