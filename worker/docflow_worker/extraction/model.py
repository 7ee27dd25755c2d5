"""The scorer's model as data: per field, a logistic regression and an isotonic map.

Read by scorer.py at import; written by bench/extraction/train.py (scorer_model.json).
Evaluated in plain Python: the worker needs no numerical library for it.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("scorer_model.json")


@dataclass(frozen=True)
class FieldModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    iso_x: tuple[float, ...]  # isotonic map: raw probability -> calibrated probability
    iso_y: tuple[float, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FieldModel:
        return cls(
            tuple(data["features"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["coef"]),
            float(data["intercept"]),
            tuple(data["iso_x"]),
            tuple(data["iso_y"]),
        )

    def raw(self, vector: dict[str, float]) -> float:
        z = self.intercept
        for name, mean, scale, coef in zip(
            self.names, self.mean, self.scale, self.coef, strict=True
        ):
            z += coef * (vector.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probability(self, vector: dict[str, float]) -> float:
        return interpolate(self.raw(vector), self.iso_x, self.iso_y)


def interpolate(x: float, xs: tuple[float, ...], ys: tuple[float, ...]) -> float:
    """Piecewise-linear through (xs, ys), flat beyond the ends (numpy.interp's rule)."""
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, x)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def load_model(path: Path = MODEL_PATH) -> dict[str, FieldModel]:
    data = json.loads(path.read_text())
    return {name: FieldModel.from_json(spec) for name, spec in data["fields"].items()}
