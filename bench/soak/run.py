"""Soak: nothing lost, nothing twice, nothing missed, while everything goes wrong at once.

Run with `npm run soak` (= `python3 scripts/devstack.py run bench/soak/run.py`; `--uploads`,
`--listeners`, … change the size). It starts its own private PostgreSQL, Redis, one uvicorn API
process and one Celery worker (2 children), loopback only, at the product's lease and sweep
defaults, and runs tests_support/soak.py at once:

- 2,000 small one-page PDF uploads from 20 clients (20 users of one workspace), spread over
  10 minutes, each with an Idempotency-Key (a 429/503 is retried with the same key);
- 100 WebSocket listeners subscribed to that workspace's events with `after`, each dropping its
  connection (no close handshake) after 10–40 s and resuming with `after` = the last seq it saw;
- 20 uploads trickling their body one byte a second (answered 408 by the body deadline, then
  started again);
- kill -9 of a random worker child every 30 s while there is work.

Then it counts from the database what was accepted, completed, lost and duplicated, runs the
invariant checker, compares every listener's events with the record, and writes
bench/soak/RESULTS.md. The whole run is bounded (`--max-minutes`, default 20). Exit 1 unless
everything held.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from tests_support.faults import PRODUCTION_RECOVERY  # noqa: E402
from tests_support.servers import (  # noqa: E402
    api_server,
    migrate_database,
    start_stack,
    start_worker,
    stop_stack,
    stop_worker,
)
from tests_support.soak import SoakPlan, make_principals, run_soak  # noqa: E402

RESULTS = Path(__file__).with_name("RESULTS.md")
KEPT_FROM = "## Memory: leak or high-water mark?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--listeners", type=int, default=100)
    parser.add_argument("--trickles", type=int, default=20)
    parser.add_argument("--kill-every", type=float, default=30.0)
    parser.add_argument("--upload-minutes", type=float, default=10.0)
    parser.add_argument("--max-minutes", type=float, default=20.0)
    parser.add_argument("--no-results", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args()
    if not (
        1 <= args.uploads <= 10_000
        and 1 <= args.clients <= 100
        and 0 <= args.listeners <= 500
        and 0 <= args.trickles <= 100
        and 0 < args.max_minutes <= 60
    ):
        parser.error("bounded runs only (see --help for the ranges)")
    plan = SoakPlan(
        uploads=args.uploads,
        clients=args.clients,
        listeners=args.listeners,
        trickles=args.trickles,
        kill_every=args.kill_every,
        upload_seconds=args.upload_minutes * 60,
        max_seconds=args.max_minutes * 60,
    )

    tmp = Path(tempfile.mkdtemp(prefix="docflow-soak-"))
    print(f"starting a private PostgreSQL + Redis + API + worker under {tmp} …", flush=True)
    stack = start_stack(tmp)
    worker = None
    try:
        from docflow.config import get_settings

        env = {**stack.env, **PRODUCTION_RECOVERY}
        os.environ.update(env)
        get_settings.cache_clear()
        migrate_database()
        principals = make_principals(plan.clients, max(1, (plan.trickles + 3) // 4))
        worker = start_worker(env, tmp / "worker.log")
        with api_server(env, tmp / "api.log") as base:
            print(f"API {base}; {plan}", flush=True)
            started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            report = asyncio.run(run_soak(base, principals, worker, plan))
    finally:
        stop_worker(worker)
        stop_stack(stack)
    lines = report.lines()
    print("\n".join(lines))
    for violation in report.invariant_violations[:20]:
        print(f"  invariant: {violation}")
    if not args.no_results:
        write_results(started, args, lines, report.rss_mb)
    return 0 if report.ok else 1


def write_results(
    started: str, args: argparse.Namespace, lines: list[str], rss: list[tuple[float, float]]
) -> None:
    load = os.getloadavg()
    every = max(1, len(rss) // 20)
    samples = ", ".join(f"{t / 60:.1f} min {mb:.0f}" for t, mb in rss[::every])
    command = "npm run soak" + (
        "" if args.uploads == 2000 and args.listeners == 100 else f" -- {' '.join(sys.argv[1:])}"
    )
    # Sections below the latest run's figures (e.g. the memory investigation) are kept.
    previous = RESULTS.read_text() if RESULTS.exists() else ""
    kept = previous[previous.index(KEPT_FROM) :] if KEPT_FROM in previous else ""
    RESULTS.write_text(
        "# Soak — latest run\n\n"
        f"`{command}` (bench/soak/run.py), {started}, on the shared 2-core machine "
        f"(load average at the end {load[0]:.1f}).\n\n"
        + "".join(f"- {line}\n" for line in lines)
        + f"\nAPI RSS samples (minutes into the run, MB): {samples}\n"
        + (f"\n{kept}" if kept else "")
    )
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
