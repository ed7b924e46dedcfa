"""One measured figure of the benchmark report."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Figure:
    size: int
    name: str
    ours: list[float]
    unit: str = "ms"
    plain: list[float] = field(default_factory=list)
    target: str = ""
    met: bool | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.ours)


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
