"""Build hook: compile the message catalogues (``.po`` → ``.mo``) into the package.

The ``.mo`` files are generated, so they are not in git; this runs for the
wheel, the editable install and ``pip install .`` alike, with Babel's compiler.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path(self.root) / "src" / "liaison_tui" / "locale"
        for source in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            with source.open("rb") as stream:
                catalogue = read_po(stream, locale=source.parents[1].name)
            compiled = source.with_suffix(".mo")
            with compiled.open("wb") as stream:
                write_mo(stream, catalogue)
            if version == "standard":
                # Generated, hence ignored by git, hence left out by hatchling unless forced in.
                # (An editable install reads them where they were written, in the source tree.)
                build_data["force_include"][str(compiled)] = str(compiled.relative_to(Path(self.root) / "src"))
