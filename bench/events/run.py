"""Live-event latency and fan-out benchmark.

Run with `uv run python bench/events/run.py [--events 2000] [--clients 200] [--rate 100]
[--seconds 10]`. It starts its own private PostgreSQL, Redis and one uvicorn API process
(tests_support.servers, loopback only) and prints:

1. raw hop: `PUBLISH` on Redis → a plain redis.asyncio subscriber has the message;
2. product hop: an event recorded the way the worker records it (record_event in a unit of work:
   row in job_events, Redis publish after commit) → a WebSocket client of the API has the frame.
   Timed from the start of the after-commit publish, like the raw hop (the commit itself is shown
   on its own line); one event in flight at a time, `--events` of each;
3. fan-out: `--clients` WebSocket clients subscribed to "all" while `--rate` events/s are recorded
   for `--seconds`: latency per delivered (client, event) pair, events lost, order violations.

Targets: product p99 <= 3 x raw p99 + 2 ms; fan-out p99 <= 50 ms with zero lost.
All timestamps are time.perf_counter() (CLOCK_MONOTONIC, one clock for every process here).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import psutil  # noqa: E402
import redis  # noqa: E402
import redis.asyncio as aioredis  # noqa: E402
import uvloop  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402

from tests_support.measure import api_process, pct, seq_of  # noqa: E402
from tests_support.servers import (  # noqa: E402
    api_server,
    migrate_database,
    start_stack,
    stop_stack,
)


# --- figures -----------------------------------------------------------------------------------
def line(name: str, values_s: list[float]) -> str:
    ms = [v * 1000 for v in values_s]
    return (
        f"{name:<34} n={len(ms):>6}  p50={pct(ms, 50):7.3f} ms  p99={pct(ms, 99):7.3f} ms  "
        f"max={max(ms) if ms else float('nan'):8.3f} ms"
    )


class Load:
    """How busy the (shared) machine was around a phase."""

    def __init__(self) -> None:
        psutil.cpu_percent(None)
        self.load_before = os.getloadavg()

    def report(self) -> str:
        cpu = psutil.cpu_percent(None)
        load = os.getloadavg()
        return (
            f"machine: {psutil.cpu_count()} cores, CPU busy {cpu:.0f}% during the phase, "
            f"load average {self.load_before[0]:.2f} → {load[0]:.2f} (1 min)"
        )


# --- the event source ----------------------------------------------------------------------------
class Recorder:
    """Records events exactly as the worker does and notes when each publish starts."""

    def __init__(self, job_id: uuid.UUID) -> None:
        self.job_id = job_id
        self.published: dict[int, float] = {}  # seq → perf_counter at the start of the publish
        self.committing: dict[int, float] = {}  # seq → perf_counter before the commit

    def record(self, n: int) -> int:
        from docflow.db import after_commit, unit_of_work
        from docflow.events.publisher import record_event
        from docflow.models import Job

        holder: list[int] = []
        with unit_of_work() as session:
            job = session.get(Job, self.job_id)
            assert job is not None
            # Registered before record_event's own hook, so it runs just before the publish.
            after_commit(
                session, lambda: self.published.__setitem__(holder[0], time.perf_counter())
            )
            event = record_event(session, job, "document_parsing_progress", data={"n": n})
            holder.append(event.seq)
            self.committing[event.seq] = time.perf_counter()
        return holder[0]


# --- 1. raw hop ----------------------------------------------------------------------------------
async def raw_hop(redis_url: str, count: int, size: int) -> list[float]:
    channel = f"bench-raw-{uuid.uuid4().hex}"
    sub_client = aioredis.Redis.from_url(redis_url)
    pubsub = sub_client.pubsub()
    await pubsub.subscribe(channel)
    while (await pubsub.get_message(timeout=1.0) or {}).get("type") != "subscribe":
        pass
    publisher = redis.Redis.from_url(redis_url)
    sent: dict[int, float] = {}
    got: dict[int, float] = {}
    filler = "x" * max(0, size - 40)

    def publish(i: int) -> None:
        message = f'{{"seq":{i},"type":"bench","pad":"{filler}"}}'
        sent[i] = time.perf_counter()
        publisher.publish(channel, message)

    async def receive(i: int) -> None:
        deadline = time.perf_counter() + 2
        while True:
            message = await pubsub.get_message(timeout=0.5)
            if message is None:
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"raw hop: message {i} lost")
                continue
            if message["type"] == "message":
                got[seq_of(message["data"]) or -1] = time.perf_counter()
                return

    for i in range(count + 50):  # the first 50 warm up
        receiving = asyncio.create_task(receive(i))
        await asyncio.to_thread(publish, i)
        await receiving
    await pubsub.aclose()  # type: ignore[no-untyped-call]
    await sub_client.aclose()
    publisher.close()
    return [got[i] - sent[i] for i in range(50, count + 50)]


# --- 2. product hop ------------------------------------------------------------------------------
def ws_url(base: str) -> str:
    return base.replace("http://", "ws://", 1) + "/api/ws"


async def open_client(base: str, token: str) -> ClientConnection:
    ws = await connect(
        ws_url(base),
        additional_headers={"Authorization": f"Bearer {token}"},
        max_queue=None,
        compression=None,
    )
    await ws.send(json.dumps({"subscribe": "all"}))
    while json.loads(await ws.recv()).get("type") != "subscribed":
        pass
    return ws


async def product_hop(
    base: str, token: str, recorder: Recorder, count: int
) -> tuple[list[float], list[float]]:
    ws = await open_client(base, token)
    got: dict[int, float] = {}

    async def receive() -> None:
        while True:
            frame = await asyncio.wait_for(ws.recv(), 5)
            seq = seq_of(frame)
            if seq is not None:
                got[seq] = time.perf_counter()
                return

    seqs = []
    for i in range(count + 50):
        receiving = asyncio.create_task(receive())
        seqs.append(await asyncio.to_thread(recorder.record, i))
        await receiving
    await ws.close()
    measured = seqs[50:]
    hop = [got[s] - recorder.published[s] for s in measured]
    with_commit = [got[s] - recorder.committing[s] for s in measured]
    return hop, with_commit


# --- 3. fan-out ---------------------------------------------------------------------------------
async def fan_out(
    base: str, token: str, recorder: Recorder, clients: int, rate: float, seconds: float
) -> dict[str, Any]:
    sockets: list[ClientConnection] = []
    for start in range(0, clients, 20):  # connect in small batches
        sockets += await asyncio.gather(
            *(open_client(base, token) for _ in range(min(20, clients - start)))
        )
    received: list[list[tuple[int, float]]] = [[] for _ in sockets]
    stop = asyncio.Event()

    async def reader(index: int, ws: ClientConnection) -> None:
        out = received[index]
        with contextlib.suppress(Exception):
            while not stop.is_set():
                frame = await ws.recv()
                seq = seq_of(frame)
                if seq is not None:
                    out.append((seq, time.perf_counter()))

    readers = [asyncio.create_task(reader(i, ws)) for i, ws in enumerate(sockets)]
    total = int(rate * seconds)
    produced: list[int] = []

    def produce() -> None:
        start = time.perf_counter()
        for i in range(total):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            produced.append(recorder.record(i))

    load = Load()
    api_cpu = api_process(base).cpu_times()
    own_cpu = psutil.Process().cpu_times()
    # The harness holds 200k samples: its own garbage collector must not pause the clients
    # (the API process keeps its collector; that is part of what is measured).
    gc.collect()
    gc.disable()
    began = time.perf_counter()
    await asyncio.to_thread(produce)
    produce_s = time.perf_counter() - began
    deadline = time.perf_counter() + 10
    last = produced[-1]
    while time.perf_counter() < deadline:
        if all(r and r[-1][0] >= last for r in received):
            break
        await asyncio.sleep(0.05)
    machine = load.report()
    gc.enable()
    wall = time.perf_counter() - began
    api_now = api_process(base).cpu_times()
    api_busy = (api_now.user + api_now.system - api_cpu.user - api_cpu.system) / wall
    own_now = psutil.Process().cpu_times()
    own_busy = (own_now.user + own_now.system - own_cpu.user - own_cpu.system) / wall
    machine += (
        f"; CPU of one core used by the API process {api_busy * 100:.0f}%, "
        f"by this harness (publisher + {len(sockets)} clients) {own_busy * 100:.0f}%"
    )
    stop.set()
    for task in readers:
        task.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)

    wanted = set(produced)
    latencies: list[float] = []
    lost = disorder = duplicates = 0
    for per_client in received:
        seqs = [s for s, _ in per_client if s in wanted]
        lost += len(wanted - set(seqs))
        duplicates += len(seqs) - len(set(seqs))
        disorder += sum(1 for a, b in zip(seqs, seqs[1:], strict=False) if b <= a)
        latencies += [t - recorder.published[s] for s, t in per_client if s in wanted]
    return {
        "latencies": latencies,
        "lost": lost,
        "duplicates": duplicates,
        "disorder": disorder,
        "events": total,
        "clients": len(sockets),
        "rate": total / produce_s,
        "machine": machine,
    }


# --- set-up --------------------------------------------------------------------------------------
def prepare(stack_env: dict[str, str]) -> None:
    from docflow.config import get_settings

    os.environ.update(stack_env)
    get_settings.cache_clear()
    migrate_database()


def demo_user() -> str:
    from docflow.auth.service import AuthService
    from docflow.db import unit_of_work

    with unit_of_work() as session:
        auth = AuthService(session)
        user = auth.create_workspace_with_admin("Bench", "bench@example.test", None, "admin")
        return str(auth.issue_token(user.id, "bench").secret)


def a_job(base: str, token: str) -> uuid.UUID:
    import httpx

    from tests_support.api import minimal_pdf

    response = httpx.post(
        f"{base}/api/documents/upload",
        headers={"Authorization": f"Bearer {token}"},
        files=[("files", ("bench.pdf", minimal_pdf(), "application/pdf"))],
        timeout=30,
    )
    response.raise_for_status()
    return uuid.UUID(response.json()["items"][0]["job"]["id"])


def api_rss(base: str) -> float:
    return float(api_process(base).memory_info().rss) / 2**20


async def run(args: argparse.Namespace, base: str, redis_url: str, token: str) -> bool:
    recorder = Recorder(a_job(base, token))
    envelope_size = 330  # about the size of a published progress envelope

    print(f"\n1) raw hop: PUBLISH → redis.asyncio subscriber ({args.events} events, one in flight)")
    load = Load()
    raw = await raw_hop(redis_url, args.events, envelope_size)
    print(line("raw hop", raw))
    print(load.report())

    print(f"\n2) product hop: record_event + publish after commit → WS client ({args.events})")
    load = Load()
    hop, with_commit = await product_hop(base, token, recorder, args.events)
    print(line("product hop (publish → WS frame)", hop))
    print(line("  incl. the commit (for info)", with_commit))
    print(load.report())

    print(
        f"\n3) fan-out: {args.clients} WS clients on 'all', {args.rate:g} events/s "
        f"for {args.seconds:g} s"
    )
    fan = await fan_out(base, token, recorder, args.clients, args.rate, args.seconds)
    print(line("fan-out (publish → each client)", fan["latencies"]))
    print(
        f"clients={fan['clients']} events={fan['events']} (produced at {fan['rate']:.1f}/s) "
        f"lost={fan['lost']} duplicates={fan['duplicates']} out-of-order={fan['disorder']}  "
        f"API RSS after: {api_rss(base):.0f} MB"
    )
    print(fan["machine"])

    raw_p99, hop_p99 = pct(raw, 99) * 1000, pct(hop, 99) * 1000
    fan_p99 = pct(fan["latencies"], 99) * 1000
    target_hop = 3 * raw_p99 + 2
    ok_hop = hop_p99 <= target_hop
    ok_fan = fan_p99 <= 50 and fan["lost"] == 0 and fan["duplicates"] == 0 and not fan["disorder"]
    print("\ntargets")
    print(
        f"  product p99 {hop_p99:.3f} ms <= 3 x raw p99 + 2 ms = {target_hop:.3f} ms: "
        f"{'MET' if ok_hop else 'MISSED'}"
    )
    print(f"  fan-out p99 {fan_p99:.3f} ms <= 50 ms, 0 lost: {'MET' if ok_fan else 'MISSED'}")
    return ok_hop and ok_fan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    if not (1 <= args.clients <= 1000 and 0 < args.rate <= 2000 and 0 < args.seconds <= 60):
        parser.error("bounded runs only: clients <= 1000, rate <= 2000/s, seconds <= 60")
    if not 100 <= args.events <= 20000:
        parser.error("events must be within 100..20000")

    tmp = Path(tempfile.mkdtemp(prefix="docflow-bench-events-"))
    print(f"starting a private PostgreSQL + Redis + API under {tmp} …")
    stack = start_stack(tmp)
    try:
        env = {**stack.env, "DOCFLOW_EVENT_CHANNEL_PREFIX": "docflow-bench"}
        prepare(env)
        token = demo_user()
        with api_server(env, tmp / "api.log") as base:
            print(f"API {base} (uvicorn, 1 process); Redis {stack.redis_url}")
            # uvloop in the harness too (uvicorn runs the API on it), so that 200 clients in one
            # Python process measure the server rather than the harness's own event loop.
            ok = uvloop.run(run(args, base, stack.redis_url, token))
    finally:
        stop_stack(stack)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
