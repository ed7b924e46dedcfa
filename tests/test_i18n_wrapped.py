"""Every user-facing string goes through the catalogue: a scan of the places words reach people.

Parses the package and looks at the calls that put words in front of users
(key hints, notices, widgets' text, table headings, command-line help and
output, errors raised for users): a string literal, or an f-string with words
in it, passed there directly is a string nobody can translate. Wrapped in
``_()``, ``N_()``, ``ngettext()`` or ``pgettext()`` it is in the catalogue
(``test_i18n`` checks the catalogue has it translated).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "liaison_tui"
WRAPPERS = {"_", "N_", "ngettext", "pgettext"}
WORDS = re.compile(r"[A-Za-z]{2,}")
PROGRAM = "liaison-tui"

# (call name, positional arguments, keyword arguments) that people read.
USER_FACING: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Binding": ((2,), ("description", "tooltip")),
    "notify": ((0,), ("title", "message")),
    "Static": ((0,), ()),
    "Label": ((0,), ()),
    "Button": ((0,), ()),
    "TabPane": ((0,), ()),
    "Text": ((0,), ()),
    "update": ((0,), ()),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description", "epilog")),
    "ArgumentParser": ((), ("description", "epilog")),
    "add_column": ((0,), ()),
    "table": ((0, 1, 2, 3, 4, 5, 6, 7), ("caption",)),
    "_table": ((0, 1, 2, 3, 4, 5, 6, 7), ("caption",)),
    "print": ((0,), ()),
    "_say": ((0,), ()),
    "add_task": ((0,), ()),
    "Input": ((), ("placeholder",)),
    "RollFind": ((), ("placeholder",)),
    "FieldInput": ((), ("placeholder",)),
    "fail": ((1,), ()),  # a form field's problem
    "Problem": ((2,), ()),
    "Outcome": ((3,), ()),  # an import row's reason
}
# Errors whose message reaches the user (a form's field, the CLI's one line, a notice).
USER_ERRORS = re.compile(r"(CommandError|ValidationError|StorageError|ValueError|LookupError|CsvImportError|\w+Error)$")
# Exceptions that are programming errors, never shown: their text stays English.
INTERNAL_ERRORS = {"TypeError", "NotImplementedError", "AssertionError", "KeyError", "RuntimeError"}


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _words(text: str) -> bool:
    return bool(WORDS.search(text.replace(PROGRAM, "")))  # "liaison-tui: …" names the program, in any language


def _bare(node: ast.expr) -> bool:
    """A literal with words in it, not passed through a wrapper."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and _words(str(v.value)) for v in node.values)
    if isinstance(node, ast.BinOp):  # "a" + "b", "x" % y
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, ast.IfExp):
        return _bare(node.body) or _bare(node.orelse)
    if isinstance(node, ast.Tuple):  # Text.assemble's (text, style) pairs: the text
        return bool(node.elts) and _bare(node.elts[0])
    return False


def _offences(path: Path, root: Path = PACKAGE) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(root))
    found: list[str] = []

    def offend(node: ast.expr, what: str) -> None:
        if _bare(node):
            found.append(f"{where}:{node.lineno} {what}: {ast.unparse(node)[:70]}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node)
            if name in USER_FACING:
                positions, keywords = USER_FACING[name]
                for position, argument in enumerate(node.args):
                    if position in positions:
                        offend(argument, name)
                for keyword in node.keywords:
                    if keyword.arg in keywords:
                        offend(keyword.value, f"{name}({keyword.arg}=)")
            if name == "assemble":
                for argument in node.args:
                    offend(argument, name)
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            error = _name(node.exc)
            if USER_ERRORS.search(error) and error not in INTERNAL_ERRORS and node.exc.args:
                offend(node.exc.args[0], f"raise {error}")
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr in ("border_title", "caption", "title"):
                    offend(node.value, target.attr)
    return found


NOT_SCANNED = {"i18n"}  # the catalogue machinery itself


def offences() -> list[str]:
    return [
        offence
        for path in sorted(PACKAGE.rglob("*.py"))
        if not NOT_SCANNED & set(path.relative_to(PACKAGE).parts)
        for offence in _offences(path)
    ]


def test_every_user_facing_string_is_in_the_catalogue() -> None:
    assert offences() == []


def test_the_scan_finds_an_unwrapped_string(tmp_path: Path) -> None:
    """It can fail: a key hint, a notice and an error written without ``_()`` are each caught."""
    module = tmp_path / "careless.py"
    module.write_text(
        "from textual.binding import Binding\n"
        "B = [Binding('x', 'go', 'Go there'), Binding('y', 'ok', N_('Fine'))]\n"
        "def f(self, n):\n"
        "    self.notify(f'Saved {n} officers')\n"
        "    self.notify(_('Saved {n}').format(n=n))\n"
        "    print(f'liaison-tui: {n}')\n"
        "    raise CommandError('no such officer')\n",
        encoding="utf-8",
    )
    found = _offences(module, root=tmp_path)
    assert sorted(line.split(" ", 1)[1].split(":")[0] for line in found) == ["Binding", "notify", "raise CommandError"]
