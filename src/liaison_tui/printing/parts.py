"""A long document laid out in parts on a pool of processes, and the parts' PDFs joined in order.

WeasyPrint is pure Python under the GIL and keeps a laid-out document's every
box in memory, so one process per core each lays out a part and hands back only
its PDF bytes; pypdf joins those. Badges and place cards use the same pool
with parts of another kind (lists of cards drawn with fpdf2). At most a few parts wait or run at a time, so
memory stays bounded by the parts' bytes however long the document is.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice
from typing import TypeVar

from liaison_tui.printing import pdf

Part = TypeVar("Part")  # HTML text, or anything else picklable that ``lay_out`` takes
Progress = Callable[[int], None]
# Parts handed out at a time per worker: one keeps few HTML texts in memory, and a progress bar
# that moves as parts are made (``documents.html_parts``) runs ahead only by the parts being laid out.
QUEUED_PER_WORKER = 1


def joined(parts: list[bytes]) -> bytes:
    """The pages of several PDFs as one, in the order given."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _weasyprint_ready() -> None:
    pdf.render("<p></p>")


def laid_out(
    parts: Iterable[Part],
    lay_out: Callable[[Part], bytes] = pdf.pdf_bytes,  # type: ignore[assignment]  # module-level: it is pickled
    progress: Progress | None = None,
    *,
    ready: Callable[[], None] = _weasyprint_ready,
) -> bytes:
    """The ``parts`` (HTML unless ``lay_out`` takes others) as one PDF, in order; ``progress`` is told
    of each part done; ``ready`` raises PrintingUnavailable when ``lay_out`` could not work.

    A single part is laid out here, without starting processes; ``parts`` is
    drawn from lazily, so a generator of parts is never all in memory.
    """
    texts = iter(parts)
    first = list(islice(texts, 2))
    assert first, "a document has at least one part"
    if len(first) == 1:
        data = lay_out(first[0])
        if progress is not None:
            progress(1)
        return data
    ready()  # PrintingUnavailable here, before any process starts
    done: dict[int, bytes] = {}
    pending: dict[Future[bytes], int] = {}
    upcoming = enumerate(chain(first, texts))
    workers = _workers()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for number, text in islice(upcoming, workers * QUEUED_PER_WORKER):
            pending[pool.submit(lay_out, text)] = number
        while pending:
            finished, _running = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done[pending.pop(future)] = future.result()
                if progress is not None:
                    progress(1)
            for number, text in islice(upcoming, len(finished)):
                pending[pool.submit(lay_out, text)] = number
    return joined([done[number] for number in range(len(done))])
