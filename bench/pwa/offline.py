"""Offline benchmark (issue 11): `npm run bench:offline` (python3 bench/pwa/offline.py).

Snapshots pwa/ into .data/bench-offline-pwa/ (so a concurrent `npm run bench:pwa` rebuilding
pwa/.next-bench cannot swap the build under it), builds it there when its sources changed
(devstack's build, into its .next-bench) and starts a private stack on it (bench/pwa/stack.py:
PostgreSQL, Redis, a Celery worker, the API and `next start`, loopback only), then drives
Chromium through the app's own screens (bench/pwa/offline.mjs, persistent profiles, the service
worker controlling) and measures:

1. The app shell offline: navigation start -> the frame after the screen shows its content,
   signed in as before (/: a row with a known file and its status; /upload: "Choose files" and
   "Upload"; /outbox: the outbox read), with no network. Cold = the browser started anew for each
   load (the worker starts too); warm = navigations in a running browser. Target: median <= 1 s.
2. 50 x 1 MiB uploads through /upload: online (click "Upload" -> the last 202) and queued offline
   then reconnected (setOffline(false) -> the last 202), in the same profile, rounds alternating
   which goes first. Target: offline drain <= 1.5 x online.
3. 200 MiB queued offline (20 x 10 MiB) on /upload, the browser closed and reopened with no
   network: every item listed on /outbox with its bytes intact (sha256 in the page); reopened
   online, it drains; the server's sha256 of each file is checked. Reports queue time, storage
   usage / quota and drain time.
4. One 12 MiB file online through /upload (the API takes up to 25 MiB; Next.js's proxy cut
   bodies at 10 MiB until pwa/next.config.ts raised its limit): accepted.

Every file is a unique PDF (an invoice page plus random bytes in an unused stream, so no two are
duplicates). Each phase checks in PostgreSQL that every file arrived exactly once, intact.

Writes bench/pwa/OFFLINE-RESULTS.md and the raw figures to bench/results/offline-<time>.json
(ignored). Not part of `npm test`. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as pwa_run  # noqa: E402  (the issue-10 benchmark: machine facts, API helpers)
import stack as stack_mod  # noqa: E402

ROOT = stack_mod.ROOT
SAMPLES = ROOT / "samples"
MIB = 1024 * 1024
TARGETS = {"shell_ms": 1000.0, "drain_ratio": 1.5}
CREDS = {"email": stack_mod.devstack.DEMO_EMAIL, "password": stack_mod.devstack.DEMO_PASSWORD}


def log(message: str) -> None:
    print(f"[bench:offline] {message}", flush=True)


def node(command: str, args: dict[str, Any], timeout: float = 1800) -> dict[str, Any]:
    """Run one command of offline.mjs and return its RESULT object."""
    started = time.monotonic()
    proc = subprocess.run(
        ["node", str(HERE / "offline.mjs"), command, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            log(f"  {command}: {time.monotonic() - started:.0f} s")
            return dict(json.loads(line[len("RESULT ") :]))
    raise RuntimeError(f"offline.mjs {command} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")


# --- the build ------------------------------------------------------------------------------------
def private_pwa() -> Path:
    """A snapshot of pwa/ (sources as they are now; node_modules as hard links) in .data/, which
    devstack then builds (its .next-bench) and serves. pwa/.next-bench is shared with `npm run
    bench:pwa`, and a rebuild by another run under a running `next start` breaks the pages it
    serves; a new dist folder inside pwa/ would make `next build` add it to pwa/tsconfig.json."""
    real = stack_mod.devstack.PWA
    copy = stack_mod.devstack.DATA / "bench-offline-pwa"
    copy.mkdir(parents=True, exist_ok=True)
    for child in copy.iterdir():
        if child.name in (stack_mod.DIST_DIR, "node_modules"):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    skip = {"node_modules", "test-results", "playwright-report", "tsconfig.tsbuildinfo"}
    for child in real.iterdir():
        if child.name in skip or child.name.startswith((".next", ".build-stamp")):
            continue
        if child.is_dir():
            shutil.copytree(child, copy / child.name, symlinks=True)
        else:
            shutil.copy2(child, copy / child.name)
    stamp = "node_modules/.docflow-install-stamp"
    if not (copy / stamp).is_file() or (copy / stamp).read_bytes() != (real / stamp).read_bytes():
        shutil.rmtree(copy / "node_modules", ignore_errors=True)
        # Hard links: no copy of 700 MB, and no symlink (Turbopack refuses one leaving its root).
        subprocess.run(["cp", "-al", str(real / "node_modules"), str(copy)], check=True)
    return copy


# --- files ----------------------------------------------------------------------------------------
def _pdf(lines: list[str], padding: bytes) -> bytes:
    """A one-page PDF showing `lines`, with `padding` in an unused stream object."""

    def text(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = (
        "BT /F1 12 Tf 72 770 Td 16 TL "
        + " ".join(f"({text(line)}) Tj T*" for line in lines)
        + " ET"
    ).encode("latin-1")

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(padding),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_files(folder: Path, prefix: str, count: int, size: int) -> list[dict[str, Any]]:
    """`count` unique invoice PDFs of exactly `size` bytes: [{path, name, size, sha256}]."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(1, count + 1):
        name = f"{prefix}-{i:02d}.pdf"
        lines = [
            "INVOICE",
            "Offline Bench Supplies GmbH, Hauptstrasse 1, 10115 Berlin",
            f"Invoice number: OB-{prefix}-{i}",
            "Invoice date: 2026-12-01",
            f"Net: {100 + i}.00 EUR   VAT 19%: {(100 + i) * 0.19:.2f} EUR",
            f"Total: {(100 + i) * 1.19:.2f} EUR",
        ]
        pad = max(0, size - len(_pdf(lines, b"")))
        data = _pdf(lines, os.urandom(pad))
        for _ in range(4):  # the digits of /Length and startxref grow with the padding
            if len(data) == size or pad == 0:
                break
            pad = max(0, pad - (len(data) - size))
            data = _pdf(lines, os.urandom(pad))
        path = folder / name
        path.write_bytes(data)
        files.append(
            {
                "path": str(path),
                "name": name,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    return files


# --- the server's side ----------------------------------------------------------------------------
def server_check(database_url: str, files: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    """What PostgreSQL holds for `prefix`: one document per file, its sha256 and size the file's."""
    import psycopg

    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT d.original_filename, d.sha256, d.file_size, "
            "(SELECT count(*) FROM jobs j WHERE j.document_id = d.id) "
            "FROM documents d WHERE d.original_filename LIKE %s",
            (f"{prefix}-%",),
        ).fetchall()
    by_name: dict[str, list[tuple[str, int, int]]] = {}
    for name, sha, size, jobs in rows:
        by_name.setdefault(name, []).append((sha, size, jobs))
    expected = {f["name"]: f for f in files}
    once = sum(1 for name in expected if len(by_name.get(name, [])) == 1)
    intact = sum(
        1
        for name, f in expected.items()
        if len(by_name.get(name, [])) == 1
        and by_name[name][0][0] == f["sha256"]
        and by_name[name][0][1] == f["size"]
    )
    return {
        "documents": len(rows),
        "files": len(files),
        "exactly_once": once,
        "intact": intact,
        "one_job_each": sum(1 for docs in by_name.values() if len(docs) == 1 and docs[0][2] == 1),
        "unexpected": sorted(set(by_name) - set(expected))[:5],
    }


def wait_jobs(database_url: str, prefix: str, timeout: float = 600) -> dict[str, int]:
    """Waits until every job of `prefix`'s documents has ended (the next phase starts on an idle
    worker); returns the jobs per status."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        with psycopg.connect(database_url) as conn:
            rows = conn.execute(
                "SELECT j.status, count(*) FROM jobs j JOIN documents d ON d.id = j.document_id "
                "WHERE d.original_filename LIKE %s GROUP BY j.status",
                (f"{prefix}-%",),
            ).fetchall()
        counts = {str(status): int(n) for status, n in rows}
        if not set(counts) - {"completed", "failed", "cancelled"}:
            return counts
        if time.monotonic() > deadline:
            log(f"jobs of {prefix} still running after {timeout:.0f} s: {counts}")
            return counts
        time.sleep(1)


# --- the measurements ----------------------------------------------------------------------------
def shell_loads(
    s: stack_mod.Stack, work: Path, run_id: str, cold: int, warm: int
) -> dict[str, Any]:
    samples = sorted(SAMPLES.glob("invoice-*.pdf"))[:8]
    names = []
    for i, sample in enumerate(samples, start=1):
        name = f"{run_id}-shell-{i:02d}.pdf"
        item = pwa_run.upload(s.api_url, s.token, sample, name)
        pwa_run.wait_job(s.api_url, s.token, item["job"]["id"])
        names.append(name)
    raw = node(
        "shell",
        {
            "base": s.base_url,
            "creds": CREDS,
            "profile": str(work / "profile-shell"),
            "names": names,
            "cold": cold,
            "warm": warm,
        },
    )
    out: dict[str, Any] = {"raw": raw, "paths": {}}
    for kind in ("cold", "warm"):
        for path in ("/", "/upload", "/outbox"):
            runs = [r for r in raw["runs"] if r["kind"] == kind and r["path"] == path]
            if not runs:
                continue
            frames = [r["frame"] for r in runs]
            out["paths"][f"{kind} {path}"] = {
                "n": len(frames),
                "median": statistics.median(frames),
                "max": max(frames),
                "min": min(frames),
                "controlled": all(r["controlled"] for r in runs),
                "offline": all(not r["online"] for r in runs),
                "api_answered": sum(r["api_answered"] for r in runs),
                "worker_start_median": statistics.median(r["worker_start"] or 0 for r in runs),
                "response_end_median": statistics.median(r["response_end"] or 0 for r in runs),
                "dcl_median": statistics.median(r["dcl"] or 0 for r in runs),
            }
    return out


def drains(
    s: stack_mod.Stack, work: Path, run_id: str, rounds: int, count: int, size: int, timeout: int
) -> dict[str, Any]:
    phases = []
    for r in range(1, rounds + 1):
        profile = work / f"profile-drain-{r}"
        order = ["online", "offline"] if r % 2 == 1 else ["offline", "online"]
        for position, mode in enumerate(order):
            prefix = f"{run_id}-r{r}-{mode}"
            files = make_files(work / prefix, prefix, count, size)
            log(f"round {r}: {count} x {size / MIB:.0f} MiB {mode} …")
            raw = node(
                "drain",
                {
                    "base": s.base_url,
                    "creds": CREDS,
                    "profile": str(profile),
                    "files": files,
                    "prefix": prefix,
                    "mode": mode,
                    "signInFirst": position == 0,
                    "timeoutMs": timeout * 1000,
                },
            )
            jobs = wait_jobs(s.database_url, prefix)
            check = server_check(s.database_url, files, prefix)
            log(
                f"  {mode}: {raw['drain_ms'] / 1000:.2f} s to the last 202"
                + (f" (queued in {raw['queue_ms'] / 1000:.2f} s)" if "queue_ms" in raw else "")
                + f"; server: {check['exactly_once']}/{count} once, {check['intact']} intact; "
                f"jobs {jobs}"
            )
            phases.append({"round": r, "position": position, **raw, "server": check, "jobs": jobs})
            for f in files:
                Path(f["path"]).unlink(missing_ok=True)
    online = [p["drain_ms"] for p in phases if p["mode"] == "online"]
    offline = [p["drain_ms"] for p in phases if p["mode"] == "offline"]
    ratios = [
        next(p["drain_ms"] for p in phases if p["round"] == r and p["mode"] == "offline")
        / next(p["drain_ms"] for p in phases if p["round"] == r and p["mode"] == "online")
        for r in range(1, rounds + 1)
    ]
    return {
        "count": count,
        "size": size,
        "online_median": statistics.median(online),
        "offline_median": statistics.median(offline),
        "ratio": statistics.median(offline) / statistics.median(online),
        "ratios": ratios,
        "queue_median": statistics.median(p["queue_ms"] for p in phases if "queue_ms" in p),
        "all_intact": all(
            p["server"]["intact"] == count and p["server"]["exactly_once"] == count for p in phases
        ),
        "phases": phases,
    }


def restart(
    s: stack_mod.Stack, work: Path, run_id: str, count: int, size: int, timeout: int
) -> dict[str, Any]:
    prefix = f"{run_id}-big"
    files = make_files(work / prefix, prefix, count, size)
    profile = str(work / "profile-restart")
    common = {"base": s.base_url, "profile": profile, "files": files, "prefix": prefix}
    log(f"queueing {count} x {fmt_size(size)} offline, then closing the browser …")
    queued = node("restart-queue", {**common, "creds": CREDS})
    for f in files:  # whatever the device kept, it is not a reference to these
        Path(f["path"]).unlink()
    log("reopening the profile with no network …")
    verified = node("restart-verify", common)
    before = server_check(s.database_url, files, prefix)
    log("reopening it online: the outbox drains …")
    try:
        drained = node("restart-drain", {**common, "timeoutMs": timeout * 1000})
    except RuntimeError as error:
        drained = {"error": str(error)[:3000]}
    jobs = wait_jobs(s.database_url, prefix)
    after = server_check(s.database_url, files, prefix)
    log(
        f"  queued in {queued['queue_ms'] / 1000:.1f} s; after the restart {verified['intact']}/"
        f"{count} intact on the device; drain: "
        + (f"{drained['drain_ms'] / 1000:.1f} s" if "drain_ms" in drained else drained["error"])
        + f"; server: {after['intact']}/{count} intact"
    )
    return {
        "count": count,
        "size": size,
        "bytes": sum(f["size"] for f in files),
        "queued": queued,
        "verified": verified,
        "server_before_drain": before,
        "drained": drained,
        "server": after,
        "jobs": jobs,
    }


def large_file(s: stack_mod.Stack, work: Path, run_id: str, size: int) -> dict[str, Any]:
    """One file over Next's 10 MiB request-body limit (the API accepts up to 25 MiB), sent online
    through /upload in a fresh profile: accepted within a minute, or why not."""
    prefix = f"{run_id}-large"
    files = make_files(work / prefix, prefix, 1, size)
    log(f"one {size / MIB:.0f} MiB file online via /upload …")
    try:
        raw = node(
            "drain",
            {
                "base": s.base_url,
                "creds": CREDS,
                "profile": str(work / "profile-large"),
                "files": files,
                "prefix": prefix,
                "mode": "online",
                "timeoutMs": 60_000,
            },
        )
        outcome: dict[str, Any] = {"accepted": True, "drain_ms": raw["drain_ms"]}
    except RuntimeError as error:
        lines = str(error).splitlines()
        statuses = next((x for x in lines if x.startswith("upload answers by status")), "")
        row = next((x for x in lines if x.startswith(prefix)), "")
        outcome = {"accepted": False, "statuses": statuses, "outbox": row}
    outcome |= {"size": size, "server": server_check(s.database_url, files, prefix)}
    proxy_log = s.logs / "pwa.log"
    if proxy_log.is_file():
        text = proxy_log.read_text(errors="replace")
        outcome["proxy_body_cut"] = text.count("Request body exceeded")
        outcome["proxy_hang_ups"] = text.count("Failed to proxy")
    log(f"  accepted: {outcome['accepted']} {outcome.get('statuses', '')}")
    return outcome


# --- report ---------------------------------------------------------------------------------------
def fmt_size(n: int) -> str:
    """A file or batch size as chosen: MiB when it is whole MiB, else MB."""
    return f"{n // MIB} MiB" if n % MIB == 0 else f"{n / 1e6:.0f} MB"


def fmt_bytes(n: float | None) -> str:
    if n is None:
        return "?"
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GiB"
    return f"{n / MIB:.0f} MiB"


def table_rows(results: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    t = TARGETS
    rows: list[tuple[str, str, str, bool | None]] = []
    shell = results.get("shell")
    if shell:
        for key, f in shell["paths"].items():
            kind, path = key.split(" ", 1)
            label = "browser started offline" if kind == "cold" else "browser running"
            rows.append(
                (
                    f"Offline load `{path}` ({label}), median of {f['n']}",
                    f"{f['median']:.0f} ms (max {f['max']:.0f})",
                    f"≤ {t['shell_ms']:.0f} ms",
                    f["median"] <= t["shell_ms"] and f["controlled"] and f["offline"],
                )
            )
    d = results.get("drain")
    if d:
        n, mib = d["count"], d["size"] / MIB
        rows.append(
            (
                f"{n} × {mib:.0f} MiB sent online via /upload (click → last 202), median of "
                f"{len(d['ratios'])}",
                f"{d['online_median'] / 1000:.2f} s",
                "—",
                None,
            )
        )
        rows.append(
            (
                f"{n} × {mib:.0f} MiB queued offline: click → all stored on the device",
                f"{d['queue_median'] / 1000:.2f} s",
                "—",
                None,
            )
        )
        rows.append(
            (
                f"… drained after reconnect (setOffline(false) → last 202), median of "
                f"{len(d['ratios'])}",
                f"{d['offline_median'] / 1000:.2f} s",
                "—",
                None,
            )
        )
        rows.append(
            (
                "Drain after reconnect ÷ online",
                f"{d['ratio']:.2f}× (rounds: {', '.join(f'{r:.2f}' for r in d['ratios'])})",
                f"≤ {t['drain_ratio']:.1f}×",
                d["ratio"] <= t["drain_ratio"] and d["all_intact"],
            )
        )
        rows.append(
            (
                "Each upload on the server once, sha256 intact",
                "yes" if d["all_intact"] else "**no**",
                "all",
                d["all_intact"],
            )
        )
    r = results.get("restart")
    if r:
        n = r["count"]
        q, v, dr = r["queued"], r["verified"], r["drained"]
        usage = q["storage_queued"]
        rows.append(
            (
                f"{fmt_size(r['bytes'])} ({n} × {fmt_size(r['size'])}) queued offline via /upload",
                f"{q['queue_ms'] / 1000:.1f} s",
                "—",
                None,
            )
        )
        rows.append(
            (
                "Storage used / quota with it queued",
                f"{fmt_bytes(usage['usage'])} / {fmt_bytes(usage['quota'])}",
                "—",
                None,
            )
        )
        survived = v["stored"] == n and v["intact"] == n and v["api_answered"] == 0
        rows.append(
            (
                "Browser closed, reopened with no network: items on /outbox, bytes intact",
                f"{v['intact']}/{n} (sha256 in the page)",
                f"{n}/{n}",
                survived,
            )
        )
        rows.append(
            (
                "Reopened online: navigation start → last 202",
                f"{dr['drain_ms'] / 1000:.1f} s" if "drain_ms" in dr else "did not drain",
                "—" if "drain_ms" in dr else "drains",
                None if "drain_ms" in dr else False,
            )
        )
        server_ok = r["server"]["intact"] == n and r["server"]["exactly_once"] == n
        rows.append(
            (
                "… on the server once each, sha256 intact",
                f"{r['server']['intact']}/{n}",
                f"{n}/{n}",
                server_ok and r["server_before_drain"]["documents"] == 0,
            )
        )
    large = results.get("large")
    if large:
        rows.append(
            (
                f"One {large['size'] / MIB:.0f} MiB file via /upload online (the API takes up to "
                "25 MiB)",
                f"accepted in {large['drain_ms'] / 1000:.1f} s"
                if large["accepted"]
                else "never accepted: " + (large.get("statuses") or "no answer").split(": ", 1)[-1],
                "accepted",
                bool(large["accepted"]),
            )
        )
    if results.get("build_replaced"):
        rows.append(("The PWA build unchanged during the run", "rebuilt meanwhile", "—", False))
    for key in ("shell", "drain", "restart", "large"):
        if results.get(f"{key}_error"):
            first = results[f"{key}_error"].strip().splitlines()[-1][:120]
            rows.append((f"{key}: the measurement failed", first, "—", False))
    return rows


def restart_gap(spans: list[list[float]]) -> float:
    """Median time from an upload's answer to the start of the upload that took its place."""
    ends = sorted(end for _, end in spans)
    gaps = []
    for start, _ in sorted(spans)[2:]:
        before = [end for end in ends if end <= start]
        if before:
            gaps.append(start - before[-1])
    return statistics.median(gaps) if gaps else float("nan")


def details(results: dict[str, Any]) -> list[str]:
    out: list[str] = []
    shell = results.get("shell")
    if shell:
        paths = shell["paths"]
        answered = sum(f["api_answered"] for f in paths.values())
        out += [
            "## The app shell offline",
            "",
            "A persistent profile loads `/`, `/upload` and `/outbox` online (the worker installs "
            "and controls the page; the query cache with the document list is persisted), then "
            "the browser is restarted with no network: `offline` emulation plus every request "
            "(loopback too) sent to a closed proxy port, so neither the page nor the worker can "
            "reach the server (a worker started in an offline context otherwise still can). "
            "Timed in the page: navigation start → the frame after the screen shows its content "
            "and the signed-in user's email in the header. Cold: a new browser per load (the "
            "worker starts with it); warm: navigations one after another in one browser.",
            "",
            "| load | median | min–max | navigation response from the worker (median) | "
            "DOMContentLoaded (median) |",
            "| --- | --- | --- | --- | --- |",
        ]
        for key, f in paths.items():
            out.append(
                f"| {key} | {f['median']:.0f} ms | {f['min']:.0f}–{f['max']:.0f} ms | "
                f"{f['response_end_median']:.0f} ms | {f['dcl_median']:.0f} ms |"
            )
        out += [
            "",
            f"Every load was controlled by the worker: "
            f"{'yes' if all(f['controlled'] for f in paths.values()) else 'no'}; "
            f"API requests answered during the offline loads: {answered}.",
            "",
        ]
    d = results.get("drain")
    if d:
        out += [
            "## 50 uploads: online vs drained after reconnect",
            "",
            f"{d['count']} unique PDFs of {d['size'] / MIB:.0f} MiB each picked with "
            "“Choose files” on /upload and sent with “Upload” (the outbox is the only write path: "
            "the files are stored on the device, then the sync engine sends them, two at a time). "
            "Online: from the click to the 202 of the last upload. Offline: the same screen with "
            "the context offline (after the worker runs); once every file is stored, "
            "`setOffline(false)`; from then to the last 202. Each round uses one profile; rounds "
            "alternate which phase goes first; the next phase starts when the worker has processed "
            "the previous batch.",
            "",
            "| round | phase | queued on the device | to the last 202 | first upload after | "
            "mean uploads in flight | median upload | median answer → next start | "
            "other API requests meanwhile |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for p in d["phases"]:
            others = ", ".join(f"{k} {v}" for k, v in sorted(p["other_requests"].items())) or "—"
            queued = f"{p['queue_ms'] / 1000:.2f} s" if "queue_ms" in p else "(while sending)"
            out.append(
                f"| {p['round']} | {p['mode']} | {queued} | {p['drain_ms'] / 1000:.2f} s | "
                f"{p['first_upload_after_ms']:.0f} ms | {p['mean_in_flight']:.2f} | "
                f"{statistics.median(p['upload_ms']):.0f} ms | "
                f"{restart_gap(p.get('upload_spans', [])):.0f} ms | {others} |"
            )
        out += [
            "",
            "The engine may have two uploads on the way but averages fewer: after each answer it "
            "marks the row sent, reads the whole outbox again to pick the next item and marks "
            "that one sending (a full rewrite of the row, file included) before the request "
            "starts, while the screen re-reads the outbox for its list after every change — the "
            "gap column. Online and offline pay it alike.",
            "",
        ]
    r = results.get("restart")
    if r:
        q, v, dr = r["queued"], r["verified"], r["drained"]
        details_queued = q["storage_queued"].get("details") or {}
        out += [
            f"## {fmt_size(r['bytes'])} in the outbox through a restart",
            "",
            f"{r['count']} unique PDFs of {fmt_size(r['size'])} ({fmt_size(r['bytes'])}) "
            f"queued offline on /upload in {q['queue_ms'] / 1000:.1f} s "
            f"({r['bytes'] / 1e6 / (q['queue_ms'] / 1000):.0f} MB/s into IndexedDB). Storage "
            f"estimate before: {fmt_bytes(q['storage_before']['usage'])}; with them queued: "
            f"{fmt_bytes(q['storage_queued']['usage'])} of "
            f"{fmt_bytes(q['storage_queued']['quota'])}"
            + (
                " (" + ", ".join(f"{k} {fmt_bytes(b)}" for k, b in details_queued.items()) + ")"
                if details_queued
                else ""
            )
            + f"; persistent storage granted: {q['storage_queued']['persisted']}.",
            "",
            f"The browser was closed and reopened on the same profile with no network: /outbox "
            f"listed all {v['stored']} after {v['listed_ms']:.0f} ms, each stored Blob read back "
            f"and hashed in the page ({v['hash_ms'] / 1000:.1f} s): {v['intact']}/{r['count']} "
            f"with their size and sha256; the server held {r['server_before_drain']['documents']} "
            "of them.",
            "",
            (
                f"Reopened online on /outbox, the engine drained them: first upload "
                f"{dr['first_upload_after_ms']:.0f} ms after navigation start, the last 202 after "
                f"{dr['drain_ms'] / 1000:.1f} s ({r['bytes'] / 1e6 / (dr['sending_ms'] / 1000):.0f}"
                f" MB/s while sending, {dr['mean_in_flight']:.2f} uploads in flight on average, "
                f"median upload {statistics.median(dr['upload_ms']):.0f} ms). Storage after: "
                f"{fmt_bytes(dr['storage_after']['usage'])}, IndexedDB "
                f"{fmt_bytes((dr['storage_after'].get('details') or {}).get('indexedDB'))} with "
                "every file sent (each upload's bytes are in their own table, freed when it "
                "is sent; Chromium deletes the freed Blob files lazily, so usage stays until "
                "it does — never more than the files themselves: before the bytes moved out of "
                "the rows, status changes stored them again and this read 401 MiB)."
                if "drain_ms" in dr
                else "Reopened online on /outbox, the outbox did not drain: "
                + dr["error"].strip().replace("\n", " / ")[:600]
            )
            + f" On the server: {r['server']['exactly_once']}/{r['count']} exactly once, "
            f"{r['server']['intact']} with the file's sha256 and size.",
            "",
        ]
    large = results.get("large")
    if large:
        out += [
            "## A file over 10 MiB",
            "",
            f"One {large['size'] / MIB:.0f} MiB PDF picked on /upload online (fresh profile). "
            + (
                f"Accepted after {large['drain_ms'] / 1000:.1f} s."
                if large["accepted"]
                else f"Not accepted within 60 s ({large.get('statuses', '')}; outbox row: "
                f"{large.get('outbox', '')}). `next start` logged “Request body exceeded” "
                f"{large.get('proxy_body_cut', '?')} times and “Failed to proxy” "
                f"{large.get('proxy_hang_ups', '?')} times during the run (Next.js cuts proxied "
                "bodies at `experimental.proxyClientMaxBodySize`, 10 MiB unless "
                "pwa/next.config.ts raises it)."
            ),
            "",
        ]
    errors = sorted(
        {
            e
            for part in (
                (results.get("shell") or {}).get("raw", {}).get("console_errors", []),
                *[
                    p.get("console_errors", [])
                    for p in (results.get("drain") or {}).get("phases", [])
                ],
                *[
                    (results.get("restart") or {}).get(k, {}).get("console_errors", [])
                    for k in ("queued", "verified", "drained")
                ],
            )
            for e in part
        }
    )
    if errors:
        out += [
            f"Console errors seen ({len(errors)} distinct; failed requests while offline are "
            "expected): " + "; ".join(e[:160] for e in errors[:8]),
            "",
        ]
    return out


def write_results(results: dict[str, Any], path: Path) -> list[tuple[str, str, str, bool | None]]:
    table = table_rows(results)
    lines = [
        "# Offline benchmark results",
        "",
        f"`npm run bench:offline` (bench/pwa/offline.py + offline.mjs), {results['date']}, "
        f"commit {results.get('commit', '?')}.",
        "",
        f"Machine: {results['machine']}. Load average (1, 5, 15 min) before the run: "
        f"{results['load_before']}"
        + (f"; after: {results['load_after']}." if results.get("load_after") else ".")
        + " The machine is shared with other jobs: expect noise.",
        "A private stack on loopback: PostgreSQL, Redis, one Celery worker (2 processes), the API",
        "(uvicorn) and `next start` of a production build (service worker included) of a snapshot",
        "of pwa/ taken at the start (.data/bench-offline-pwa/); Chromium "
        + results.get("chromium", "")
        + " with persistent profiles, driven by Playwright.",
        "",
        "| figure | result | target | |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {name} | {value} | {target} | {pwa_run.verdict(ok)} |"
        for name, value, target, ok in table
    ]
    lines += ["", *details(results)]
    path.write_text("\n".join(lines).rstrip() + "\n")
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cold", type=int, default=5, help="browser starts per URL (shell)")
    parser.add_argument("--warm", type=int, default=7, help="navigations per URL (shell)")
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--upload-mib", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2, help="online/offline pairs")
    parser.add_argument("--big-files", type=int, default=20)
    parser.add_argument(
        "--big-bytes",
        type=int,
        default=10 * MIB,
        help="bytes per file of the restart check (10 MiB)",
    )
    parser.add_argument("--large-mib", type=int, default=12, help="the one file over 10 MiB")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per drain")
    parser.add_argument("--skip", default="", help="comma list of: shell,drain,restart,large")
    parser.add_argument("--output", type=Path, default=HERE / "OFFLINE-RESULTS.md")
    parser.add_argument("--from-json", type=Path, help="only rewrite --output from a raw file")
    args = parser.parse_args()
    if args.from_json:
        write_results(json.loads(args.from_json.read_text()), args.output)
        return 0
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    python = stack_mod.python_env()
    stack_mod.reexec_in_venv(python)
    chromium = subprocess.run(
        [stack_mod.devstack.CHROMIUM, "--version"], capture_output=True, text=True
    ).stdout.strip()
    results: dict[str, Any] = {
        "date": dt.datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        + (
            " (with uncommitted changes in pwa/)"
            if subprocess.run(
                ["git", "status", "--porcelain", "--", "pwa"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            ).stdout.strip()
            else ""
        ),
        "machine": pwa_run.machine(),
        "chromium": chromium.split(" built")[0].replace("Chromium ", ""),
        "load_before": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        "args": vars(args) | {"output": str(args.output), "from_json": None},
    }
    stack_mod.devstack.ensure_pwa_packages()
    stack_mod.devstack.PWA = private_pwa()  # devstack builds and serves the snapshot
    log(f"building from a snapshot of pwa/ in {stack_mod.devstack.PWA.relative_to(ROOT)}/")
    port = stack_mod.api_port()
    stack_mod.build(f"http://127.0.0.1:{port}")
    run_id = f"off{int(time.time()):x}"
    work = Path(tempfile.mkdtemp(prefix="docflow-offline-bench-"))
    sections = {
        "shell": lambda s: shell_loads(s, work, run_id, args.cold, args.warm),
        "drain": lambda s: drains(
            s, work, run_id, args.rounds, args.uploads, args.upload_mib * MIB, args.timeout
        ),
        "restart": lambda s: restart(s, work, run_id, args.big_files, args.big_bytes, args.timeout),
        "large": lambda s: large_file(s, work, run_id, args.large_mib * MIB),
    }
    build_id_file = stack_mod.devstack.PWA / stack_mod.DIST_DIR / "BUILD_ID"
    build_id = build_id_file.read_text().strip()
    try:
        with stack_mod.private_stack(python, port, "bench-offline") as s:
            for name, measure in sections.items():
                if name in skip:
                    continue
                log(f"--- {name} ---")
                try:
                    results[name] = measure(s)
                except (RuntimeError, subprocess.SubprocessError, OSError, ValueError) as error:
                    # One part failing still leaves the others' figures (and says why).
                    log(f"{name} failed: {error}")
                    results[f"{name}_error"] = str(error)[:3000]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    results["load_after"] = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    if build_id_file.read_text().strip() != build_id:  # the snapshot is ours alone, but check
        results["build_replaced"] = True
        log("the PWA build was replaced during the run: the figures are suspect")
    raw_dir = ROOT / "bench" / "results"
    raw_dir.mkdir(parents=True, exist_ok=True)
    raw_path = raw_dir / f"offline-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    raw_path.write_text(json.dumps(results, indent=2, default=str))
    table = write_results(results, args.output)
    width = max(len(name) for name, *_ in table)
    print()
    for name, value, target, ok in table:
        print(f"{name:<{width}}  {value:<34} {target:<10} {pwa_run.verdict(ok).strip('*')}")
    print(f"\nwritten: {args.output} (raw figures: {raw_path.relative_to(ROOT)})")
    return 0 if all(ok is not False for *_, ok in table) else 1


if __name__ == "__main__":
    raise SystemExit(main())
