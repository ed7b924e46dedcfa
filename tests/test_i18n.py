"""The interface's language: choosing it, the catalogues, and dates and numbers through Babel."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from liaison_tui.i18n import _, catalogues, choose_language, current_language, ngettext, set_language
from liaison_tui.i18n.formats import DAY, DAY_TIME, DAY_YEAR_TIME, WEEKDAY_DATE, number, when

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("zh", {"LANG": "en_GB.UTF-8"}, "zh"),
        ("en", {"LIAISON_TUI_LANG": "zh"}, "en"),
        (None, {"LIAISON_TUI_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LIAISON_TUI_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "zh_TW.Big5", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "zh-Hans"}, "zh"),
        (None, {"LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # the first set decides
        (None, {"LANG": "C"}, "en"),
        (None, {}, "en"),
    ],
)
def test_language_follows_option_then_variable_then_locale(
    option: str | None, environ: dict[str, str], expected: str
) -> None:
    assert choose_language(option, environ) == expected


def test_chinese_translates_and_english_is_the_source() -> None:
    set_language("zh")
    assert current_language() == "zh"
    assert _("Reason") == "原因"
    assert ngettext("{n} problem", "{n} problems", 3).format(n=3) == "3 个问题"
    set_language("en")
    assert _("Reason") == "Reason"
    assert ngettext("{n} problem", "{n} problems", 1).format(n=1) == "1 problem"
    assert ngettext("{n} problem", "{n} problems", 2).format(n=2) == "2 problems"
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")


def test_dates_weekdays_and_numbers_follow_the_language() -> None:
    friday, moment = date(2026, 12, 4), datetime(2026, 12, 4, 9, 30)
    assert (when(friday, DAY), when(moment, DAY_YEAR_TIME), when(friday, WEEKDAY_DATE)) == (
        "Fri 04 Dec",
        "Fri 04 Dec 2026 09:30",
        "Fri 04",
    )
    assert number(10_000) == "10,000"
    # The wall-clock time as given, whatever its zone (one instant in two zones is two texts).
    in_shenzhen = datetime(2026, 12, 4, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert (when(in_shenzhen, DAY_TIME), when(in_shenzhen.astimezone(UTC), DAY_TIME)) == (
        "Fri 04 Dec 09:30",
        "Fri 04 Dec 01:30",
    )
    set_language("zh")
    assert (when(friday, DAY), when(moment, DAY_YEAR_TIME), when(friday, WEEKDAY_DATE)) == (
        "12月4日 周五",
        "2026年12月4日 周五 09:30",
        "周五",
    )
    assert number(10_000) == "10,000"


def test_a_source_tree_without_compiled_catalogues_reads_the_po(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running from a checkout that was never built: Chinese still, not English silently."""
    po = catalogues.catalogue_path("zh", ".po")
    copy = tmp_path / "locale" / "zh" / "LC_MESSAGES" / po.name
    copy.parent.mkdir(parents=True)
    shutil.copyfile(po, copy)
    monkeypatch.setattr(catalogues, "LOCALE_FOLDER", tmp_path / "locale")
    catalogues.translations.cache_clear()
    try:
        assert not catalogues.catalogue_path("zh", ".mo").exists()
        set_language("zh")
        assert _("Reason") == "原因"
    finally:
        catalogues.translations.cache_clear()


def _source_messages() -> set[tuple[str | None, str]]:
    """Every msgid marked in the package, extracted with Babel as ``pybabel extract`` does."""
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        ROOT / "src" / "liaison_tui", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]", text))


def test_the_chinese_catalogue_is_complete_and_sound() -> None:
    with catalogues.catalogue_path("zh", ".po").open("rb") as stream:
        catalogue = read_po(stream)
    entries = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalogue if m.id}
    source = _source_messages()
    assert sorted(source - entries.keys()) == []  # marked in the code, missing from the catalogue
    untranslated = [
        key for key, m in entries.items() if not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    assert untranslated == []
    assert [key for key, m in entries.items() if m.fuzzy] == []
    assert sorted(entries.keys() - source) == []  # left over from strings the code no longer has
    broken = []
    for key, m in entries.items():
        for translated in m.string if isinstance(m.string, tuple) else [m.string]:
            if _placeholders(translated) != _placeholders(key[1]):
                broken.append(key)
    assert broken == []  # every {name} of the English, no more: .format would fail or lose data
