"""The one print stylesheet of the documents: paper, margins, breaks, running header and footer."""

from __future__ import annotations

from enum import StrEnum


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: anything but letters, digits and spaces as a hex escape."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text) + '"'


def stylesheet(paper: Paper, page_words: str, *, landscape: bool = False) -> str:
    """``page_words`` is the footer's "Page {page} of {pages}" split as CSS content (see ``page_counter``)."""
    size = ("A4" if paper is Paper.A4 else "letter") + (" landscape" if landscape else "")
    return f"""
@page {{
  size: {size};
  margin: 18mm 15mm 20mm 15mm;
  @top-center {{ content: element(confidential); }}
  @bottom-left {{ content: string(visit); font-size: 8pt; color: #444; }}
  @bottom-right {{ content: {page_words}; font-size: 8pt; color: #444; }}
}}
html {{ font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic", sans-serif;
  font-size: 10pt; line-height: 1.3; }}
body {{ margin: 0; }}
.running-visit {{ string-set: visit content(); font-size: 8pt; color: #444; margin: 0; }}
h1.running-visit {{ font-size: 18pt; color: inherit; margin: 0 0 4pt 0; }}
.confidential {{ position: running(confidential); font-weight: bold; color: #a00; font-size: 9pt;
  border: 1px solid #a00; padding: 1px 6px; }}
h1 {{ font-size: 18pt; margin: 0 0 4pt 0; }}
h2 {{ font-size: 13pt; margin: 10pt 0 4pt 0; border-bottom: 1px solid #888; }}
h3 {{ font-size: 11pt; margin: 8pt 0 2pt 0; }}
section.day, section.person, section.roster {{ break-before: page; }}
section.day.first, section.person.first {{ break-before: auto; }}
section.person.compact section.day {{ break-before: auto; }}
table {{ width: 100%; border-collapse: collapse; margin: 4pt 0; table-layout: fixed; }}
th.time {{ width: 6.5em; }} th.event {{ width: 40%; }} th.venue {{ width: 22%; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
th, td {{ text-align: start; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.5pt solid #bbb;
  overflow-wrap: break-word; }}
th {{ background: #eee; font-size: 9pt; }}
td.time {{ white-space: nowrap; }}
ol.speakers {{ margin: 2pt 0 2pt 1.2em; padding: 0; }}
.notes {{ color: #333; font-style: italic; white-space: pre-wrap; margin: 2pt 0; }}
.muted {{ color: #555; }}
dl.facts {{ display: grid; grid-template-columns: max-content auto; gap: 2pt 10pt; margin: 4pt 0; }}
dl.facts dt {{ font-weight: bold; }}
dl.facts dd {{ margin: 0; }}
.staff table {{ font-size: 8pt; }}
@media screen {{ body {{ max-width: 60em; margin: 1em auto; }} .confidential {{ display: inline-block; }} }}
"""


def page_counter(template: str) -> str:
    """A translated "Page {page} of {pages}" as CSS content: literal parts quoted, counters between."""
    parts: list[str] = []
    rest = template
    while rest:
        head, brace, tail = rest.partition("{")
        if head:
            parts.append(css_string(head))
        if not brace:
            break
        field, _, rest = tail.partition("}")
        parts.append("counter(pages)" if field == "pages" else "counter(page)")
    return " ".join(parts) or "counter(page)"
