"""Small measuring helpers the benchmarks and the soak share."""

from __future__ import annotations

import psutil


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank); NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def seq_of(frame: str | bytes) -> int | None:
    """The seq of an event frame without a full JSON parse (frames start with {"seq":N,)."""
    text = frame.decode() if isinstance(frame, bytes) else frame
    if not text.startswith('{"seq":'):
        return None
    return int(text[7 : text.index(",", 7)])


def api_process(base: str) -> psutil.Process:
    """The uvicorn process (a child of this one, see tests_support.servers.api_server) that
    serves `base`."""
    port = base.rsplit(":", 1)[1]
    for child in psutil.Process().children(recursive=True):
        cmdline = child.cmdline()
        if "uvicorn" in cmdline and port in cmdline:
            return child
    raise RuntimeError("the API process is gone")
