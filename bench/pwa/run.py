"""PWA benchmark (issue 10): `npm run bench:pwa` (python3 bench/pwa/run.py [--uploads 20]).

Builds the PWA into pwa/.next-bench when its sources changed, starts a private stack (bench/pwa/
stack.py: PostgreSQL, Redis, a Celery worker, the API and `next start`, loopback only) and measures:

1. First-load JS of each route, gzipped (pwa/scripts/bundle-size.mjs): dashboard <= 180 kB.
2. Lighthouse 12.2.3 (npx, /usr/bin/chromium) on the dashboard and the review page, signed in
   (the session cookie sent as an extra header), mobile (Lighthouse's default: Moto G Power,
   simulated slow 4G, 4x CPU slowdown) and desktop presets: performance >= 90, accessibility >= 95.
3. Upload -> "Completed": N uploads, one after the other, straight to the API; for each, the time
   from sending the upload to (a) the row on a signed-in dashboard showing "Completed" (Playwright,
   the frame after the DOM change) and (b) the job_completed event reaching a separate WebSocket
   client of the API. Target: p50(a) - p50(b) <= 100 ms.
4. A 50-page PDF on the review page: navigation start -> first page visible (the server's preview
   image painted, or the canvas drawn if that comes first) <= 1 s, and -> drawn by PDF.js; then
   10,000 documents seeded with COPY into the demo workspace: the dashboard's DOM stays bounded
   after scrolling far, and a status-filter change updates the table <= 200 ms.

Prints a table of figures vs targets and writes bench/pwa/RESULTS.md (the raw figures go to
bench/results/pwa-<time>.json, ignored). Not part of `npm test`. Exit status 1 when a target is
missed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import importlib.util
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "eval")]

import stack as stack_mod  # noqa: E402

PWA = ROOT / "pwa"
SAMPLES = ROOT / "samples"
LIGHTHOUSE = "lighthouse@12.2.3"
TARGETS = {
    "dashboard_first_load_kb": 180.0,
    "lh_performance": 90,
    "lh_accessibility": 95,
    "upload_gap_ms": 100.0,
    "pdf_first_page_ms": 1000.0,
    "filter_ms": 200.0,
}


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


# --- helpers ------------------------------------------------------------------------------------
def node_browser(command: str, args: dict[str, Any], timeout: float = 900) -> dict[str, Any]:
    """Run one command of browser.mjs and return its RESULT object."""
    proc = subprocess.run(
        ["node", str(HERE / "browser.mjs"), command, json.dumps(args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return dict(json.loads(line[len("RESULT ") :]))
    raise RuntimeError(f"browser.mjs {command} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")


def http_json(
    method: str,
    url: str,
    token: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Any:
    import urllib.request

    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def upload(api: str, token: str, path: Path, name: str) -> dict[str, Any]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    answer = http_json(
        "POST",
        f"{api}/api/documents/upload",
        token,
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    item = answer["items"][0]
    if item["status"] != "accepted":
        raise RuntimeError(f"upload of {name} refused: {item}")
    return dict(item)


def wait_job(api: str, token: str, job_id: str, timeout: float = 300) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = http_json("GET", f"{api}/api/jobs/{job_id}", token)
        if job["status"] in ("completed", "failed", "cancelled"):
            return dict(job)
        time.sleep(0.25)
    raise RuntimeError(f"job {job_id} did not finish within {timeout:.0f} s")


def session_cookie(base: str) -> str:
    import urllib.request

    request = urllib.request.Request(
        f"{base}/api/auth/login",
        data=json.dumps(
            {"email": stack_mod.devstack.DEMO_EMAIL, "password": stack_mod.devstack.DEMO_PASSWORD}
        ).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("docflow_session="):
                return header.split(";", 1)[0]
    raise RuntimeError("no session cookie from /api/auth/login")


class EventClient:
    """A WebSocket client of the API (subscribed to all, bearer token) noting when each
    job_completed event arrives (wall clock, like the browser's)."""

    def __init__(self, api: str, token: str) -> None:
        self.url = api.replace("http://", "ws://") + "/api/ws"
        self.token = token
        self.completed: dict[str, float] = {}
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.error: BaseException | None = None

    def __enter__(self) -> EventClient:
        self._thread.start()
        if not self._ready.wait(15) or self.error is not None:
            raise RuntimeError(f"the WebSocket client did not connect: {self.error!r}")
        return self

    def __exit__(self, *_: object) -> None:
        if self._loop and self._stop:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as error:  # noqa: BLE001 — reported by __enter__ / the caller
            self.error = error
            self._ready.set()

    async def _main(self) -> None:
        from websockets.asyncio.client import connect

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        headers = {"Authorization": f"Bearer {self.token}"}
        async with connect(self.url, additional_headers=headers, max_size=None) as ws:
            await ws.send(json.dumps({"subscribe": "all"}))
            self._ready.set()
            stop = asyncio.ensure_future(self._stop.wait())
            while not self._stop.is_set():
                receive = asyncio.ensure_future(ws.recv())
                done, _ = await asyncio.wait({receive, stop}, return_when=asyncio.FIRST_COMPLETED)
                if receive not in done:
                    receive.cancel()
                    break
                at = time.time()
                event = json.loads(receive.result())
                if event.get("type") == "job_completed":
                    self.completed.setdefault(event["job_id"], at)


def make_50_page_pdf(path: Path) -> Path:
    """A 50-page invoice (text layer, 690 line items) made with the samples' invoice kit."""
    from invoice_kit import make_invoice, render

    rng = random.Random(50)
    invoice = make_invoice(rng, "bench-50-pages", country="GB", layout="classic")
    base = list(invoice.items)
    items = [base[i % len(base)] for i in range(690)]  # 14 per page -> 50 pages
    invoice.items = items
    invoice.multi_page = True
    path.write_bytes(render(invoice))
    return path


def seed_documents(database_url: str, count: int) -> int:
    """COPY `count` documents (+ jobs) into the demo admin's workspace (bench/list's approach)."""
    import psycopg

    spec = importlib.util.spec_from_file_location("bench_list_run", ROOT / "bench/list/run.py")
    assert spec is not None
    assert spec.loader is not None
    bench_list = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_list)
    rng = random.Random(10)
    vendors = bench_list._vendors(rng)
    statuses = bench_list.STATUSES
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT id, workspace_id FROM users WHERE email = %s", (stack_mod.devstack.DEMO_EMAIL,)
        ).fetchone()
        assert row, "the demo admin exists"
        user_id, workspace_id = row
        jobs: list[tuple[Any, ...]] = []
        with conn.cursor().copy(
            "COPY documents (id, workspace_id, uploaded_by, original_filename, stored_file_path, "
            "mime_type, file_size, sha256, uploaded_at, current_status, vendor_name, "
            "invoice_number, invoice_date, total_amount, currency) FROM STDIN"
        ) as copy:
            for i in range(count):
                document_id = uuid.uuid4()
                status = rng.choice(statuses)
                extracted = status in ("completed", "finalized")
                vendor = rng.choice(vendors) if extracted and rng.random() > 0.05 else None
                uploaded = start + timedelta(seconds=i * 600 + rng.randint(0, 599))
                copy.write_row(
                    (
                        document_id,
                        workspace_id,
                        user_id,
                        f"scan_{uploaded:%Y%m%d}_{i:06d}.pdf"
                        if rng.random() < 0.5
                        else f"{(vendor or 'invoice').split()[0].lower()}-{i}.pdf",
                        f"documents/{document_id}.pdf",
                        "application/pdf",
                        rng.randint(20_000, 2_000_000),
                        f"{rng.getrandbits(256):064x}",
                        uploaded,
                        status,
                        vendor,
                        f"INV-{rng.randint(2023, 2026)}-{rng.randint(1, 999_999):06d}"
                        if extracted
                        else None,
                        date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))
                        if extracted
                        else None,
                        f"{rng.randint(1, 5_000_000) / 100:.2f}" if extracted else None,
                        rng.choice(["EUR", "USD", "GBP", "CHF"]) if extracted else None,
                    )
                )
                job_status = "completed" if status == "finalized" else status
                jobs.append((uuid.uuid4(), document_id, workspace_id, job_status, uploaded))
        with conn.cursor().copy(
            "COPY jobs (id, document_id, workspace_id, status, progress_percentage, "
            "current_stage, retry_count, attempt, created_at) FROM STDIN"
        ) as copy:
            for job_id, document_id, ws, status, created in jobs:
                copy.write_row((job_id, document_id, ws, status, 100, status, 0, 1, created))
        conn.commit()
        conn.autocommit = True
        for table in ("documents", "jobs", "document_status_deltas"):
            conn.execute(f"VACUUM ANALYZE {table}")
        total = conn.execute(
            "SELECT count(*) FROM documents WHERE workspace_id = %s", (workspace_id,)
        ).fetchone()
    return int(total[0]) if total else count


# --- the measurements ---------------------------------------------------------------------------
def bundle_sizes() -> list[dict[str, Any]]:
    proc = subprocess.run(
        ["node", "scripts/bundle-size.mjs", stack_mod.DIST_DIR, "--json"],
        cwd=PWA,
        capture_output=True,
        text=True,
    )
    if not proc.stdout.strip():
        raise RuntimeError(f"bundle-size.mjs failed: {proc.stderr}")
    return list(json.loads(proc.stdout))


def _module_group(source: str) -> str:
    """A readable owner for a module of the analyzer's graph: a package, a part of Next/React or a
    folder of src/."""
    path = source.replace("[project]/", "")
    if path.startswith("node_modules/next/"):
        rest = path[len("node_modules/next/dist/") :]
        if rest.startswith("compiled/react-dom/"):
            return "react-dom (bundled by next)"
        if rest.startswith("compiled/react-server-dom-turbopack/"):
            return "react-server-dom (RSC client, next)"
        if rest.startswith("compiled/react/") or rest.startswith("compiled/scheduler/"):
            return "react + scheduler (next)"
        return "next (App Router runtime)"
    if path.startswith("node_modules/"):
        parts = path.split("/")
        return "/".join(parts[1:3]) if parts[1].startswith("@") else parts[1]
    if path.startswith("[turbopack]"):
        return "turbopack runtime"
    if path.startswith("src/"):
        parts = path.split("/")
        return "/".join(parts[:3]) + "/" if len(parts) > 3 else path
    return path


def first_load_modules(route: str = "/") -> list[dict[str, Any]]:
    """The largest contributors to a route's first-load JS, from Turbopack's analyzer
    (`next experimental-analyze -o`, no build) — modules gzipped one by one, so the shares are
    what counts; the figures overstate the chunk-level gzip a little."""
    dist = ".next-bench-analyze"
    next_bin = str(PWA / "node_modules" / "next" / "dist" / "bin" / "next")
    env = stack_mod.devstack.pwa_env("http://127.0.0.1:8000", dist)
    subprocess.run(
        ["node", next_bin, "experimental-analyze", "-o", "--experimental-app-only"],
        cwd=PWA,
        env=env,
        check=True,
        capture_output=True,
        timeout=900,
    )
    export = subprocess.run(
        ["node", next_bin, "experimental-analyze", "export", "--dist-dir", dist, "--route", route],
        cwd=PWA,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    records = [json.loads(line) for line in export.stdout.splitlines() if line.startswith("{")]
    first_load = {
        output
        for r in records
        if r["type"] == "group" and r["kind"] in ("bootstrap", "render_dependent")
        for output in r["outputs"]
        if "/static/chunks/" in output and output.endswith(".js")
    }
    groups: dict[str, list[int]] = {}
    for r in records:
        if r["type"] == "part" and r["filename"] in first_load:
            sizes = groups.setdefault(_module_group(r["source_path"]), [0, 0])
            sizes[0] += r["compressed_size"]
            sizes[1] += r["size"]
    total = sum(gz for gz, _ in groups.values()) or 1
    return [
        {"name": name, "gzip": gz, "raw": raw, "share": gz / total}
        for name, (gz, raw) in sorted(groups.items(), key=lambda item: -item[1][0])
    ]


def lighthouse(url: str, cookie: str, preset: str, out: Path) -> dict[str, Any]:
    flags = [
        "npx",
        "-y",
        LIGHTHOUSE,
        url,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--extra-headers={json.dumps({'Cookie': cookie})}",
    ]
    if preset == "desktop":
        flags.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": stack_mod.devstack.CHROMIUM}
    subprocess.run(flags, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if not out.is_file():
        raise RuntimeError(f"lighthouse wrote no report for {url}")
    report = json.loads(out.read_text())
    audits = report["audits"]
    categories = report["categories"]
    opportunities = sorted(
        (
            {
                "id": a["id"],
                "title": a["title"],
                "ms": a.get("metricSavings", {}).get("LCP")
                or a.get("details", {}).get("overallSavingsMs")
                or 0,
                "display": a.get("displayValue", ""),
            }
            for a in audits.values()
            if a.get("details", {}).get("type") == "opportunity" and (a.get("score") or 0) < 0.9
        ),
        key=lambda o: -float(o["ms"] or 0),
    )
    failed_a11y = [
        {"id": ref["id"], "title": audits[ref["id"]]["title"]}
        for ref in categories["accessibility"]["auditRefs"]
        if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
    ]
    metric = lambda name: audits.get(name, {}).get("numericValue")  # noqa: E731
    return {
        "url": report.get("finalDisplayedUrl") or report.get("finalUrl"),
        "requested": url,
        "preset": preset,
        "performance": round(100 * (categories["performance"]["score"] or 0)),
        "accessibility": round(100 * (categories["accessibility"]["score"] or 0)),
        "fcp_ms": metric("first-contentful-paint"),
        "lcp_ms": metric("largest-contentful-paint"),
        "tbt_ms": metric("total-blocking-time"),
        "cls": metric("cumulative-layout-shift"),
        "si_ms": metric("speed-index"),
        "long_tasks": [
            (round(t["duration"]), t["url"].rsplit("/", 1)[-1])
            for t in audits.get("long-tasks", {}).get("details", {}).get("items", [])[:3]
        ],
        "main_thread": {
            i["groupLabel"]: round(i["duration"])
            for i in audits.get("mainthread-work-breakdown", {}).get("details", {}).get("items", [])
        },
        "requests": len(audits.get("network-requests", {}).get("details", {}).get("items", [])),
        "opportunities": opportunities[:5],
        "a11y_failed": failed_a11y,
        "runtime_error": report.get("runtimeError"),
        "warnings": report.get("runWarnings", []),
    }


def upload_latency(s: stack_mod.Stack, count: int) -> dict[str, Any]:
    samples = sorted(str(p) for p in SAMPLES.glob("invoice-*.pdf"))
    run_id = f"bench{int(time.time()):x}"
    creds = {"email": stack_mod.devstack.DEMO_EMAIL, "password": stack_mod.devstack.DEMO_PASSWORD}
    with EventClient(s.api_url, s.token) as events:
        result = node_browser(
            "upload-latency",
            {
                "base": s.base_url,
                "api": s.api_url,
                "token": s.token,
                "creds": creds,
                "files": [samples[i % len(samples)] for i in range(count)],
                "runId": run_id,
            },
        )
        deadline = time.monotonic() + 10
        wanted = {u["job_id"] for u in result["uploads"]}
        while not wanted <= events.completed.keys() and time.monotonic() < deadline:
            time.sleep(0.1)
    rows = []
    for u in result["uploads"]:
        ws_at = events.completed.get(u["job_id"])
        job = http_json("GET", f"{s.api_url}/api/jobs/{u['job_id']}", s.token)
        rows.append(
            {
                **u,
                "ws_at": ws_at,
                "browser_ms": u["row_frame"] - u["sent"],
                "browser_dom_ms": u["row_dom"] - u["sent"],
                "api_ms": (ws_at * 1000 - u["sent"]) if ws_at else None,
                "api_from_202_ms": (ws_at * 1000 - u["accepted"]) if ws_at else None,
                "job_ms": (
                    datetime.fromisoformat(job["completed_at"])
                    - datetime.fromisoformat(job["created_at"])
                ).total_seconds()
                * 1000
                if job.get("completed_at") and job.get("created_at")
                else None,
            }
        )
    measured = [r for r in rows if not r["warmup"]]
    missing = [r["name"] for r in measured if r["api_ms"] is None]
    if missing:
        raise RuntimeError(
            f"no job_completed on the WebSocket client for {missing} (client error: "
            f"{events.error!r}; {len(events.completed)} seen)"
        )
    browser = [r["browser_ms"] for r in measured]
    api = [float(r["api_ms"]) for r in measured]
    gaps = [r["browser_ms"] - float(r["api_ms"]) for r in measured]
    return {
        "count": len(measured),
        "browser_p50": statistics.median(browser),
        "browser_p95": pct(browser, 95),
        "api_p50": statistics.median(api),
        "api_p95": pct(api, 95),
        "api_from_202_p50": statistics.median(float(r["api_from_202_ms"]) for r in measured),
        "job_p50": statistics.median(float(r["job_ms"]) for r in measured if r["job_ms"]),
        "gap_p50": statistics.median(browser) - statistics.median(api),
        "gap_each_p50": statistics.median(gaps),
        "gap_each_max": max(gaps),
        "dom_to_frame_p50": statistics.median(r["row_frame"] - r["row_dom"] for r in measured),
        "rows": rows,
        "console_errors": result["console_errors"],
    }


# --- report -------------------------------------------------------------------------------------
def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    chromium = subprocess.run(
        [stack_mod.devstack.CHROMIUM, "--version"], capture_output=True, text=True
    ).stdout.strip()
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Node {node}, {chromium}"
    )


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "**miss**")


def write_results(results: dict[str, Any], path: Path) -> list[tuple[str, str, str, bool | None]]:
    t = TARGETS
    table: list[tuple[str, str, str, bool | None]] = []
    for row in results.get("bundles", []):
        budget = row["budget"]
        table.append(
            (
                f"First-load JS `{row['route']}` (gzip)",
                f"{row['gzip'] / 1024:.1f} kB",
                f"≤ {budget / 1024:.0f} kB" if budget else "—",
                (row["gzip"] <= budget) if budget else None,
            )
        )
    for lh in results.get("lighthouse", []):
        page = lh["page"]
        table.append(
            (
                f"Lighthouse {page}, {lh['preset']}: performance (median of "
                f"{len(lh.get('performance_all', [0]))})",
                str(lh["performance"]),
                f"≥ {t['lh_performance']}",
                lh["performance"] >= t["lh_performance"],
            )
        )
        table.append(
            (
                f"Lighthouse {page}, {lh['preset']}: accessibility",
                str(lh["accessibility"]),
                f"≥ {t['lh_accessibility']}",
                lh["accessibility"] >= t["lh_accessibility"],
            )
        )
    up = results.get("upload")
    if up:
        table.append(
            (
                f"Upload → row shows Completed, p50 ({up['count']} uploads)",
                f"{up['browser_p50']:.0f} ms",
                "—",
                None,
            )
        )
        table.append(
            ("Upload → job_completed on a WS client, p50", f"{up['api_p50']:.0f} ms", "—", None)
        )
        table.append(
            (
                "Browser p50 − API p50",
                f"{up['gap_p50']:+.0f} ms",
                f"≤ {t['upload_gap_ms']:.0f} ms",
                up["gap_p50"] <= t["upload_gap_ms"],
            )
        )
    pdf = results.get("pdf")
    if pdf:
        table.append(
            (
                f"50-page PDF: first page visible, cold p50 ({pdf['cold_n']} loads)",
                f"{pdf['cold_p50']:.0f} ms (max {pdf['cold_max']:.0f})",
                f"≤ {t['pdf_first_page_ms']:.0f} ms",
                pdf["cold_p50"] <= t["pdf_first_page_ms"],
            )
        )
        if "drawn_cold_p50" in pdf:
            table.append(
                (
                    "50-page PDF: first page drawn by PDF.js, cold p50",
                    f"{pdf['drawn_cold_p50']:.0f} ms (max {pdf['drawn_cold_max']:.0f})",
                    "(for reference)",
                    None,
                )
            )
        table.append(
            (
                f"50-page PDF: first page visible, warm p50 ({pdf['warm_n']} reloads)",
                f"{pdf['warm_p50']:.0f} ms",
                f"≤ {t['pdf_first_page_ms']:.0f} ms",
                pdf["warm_p50"] <= t["pdf_first_page_ms"],
            )
        )
    dash = results.get("dashboard")
    if dash:
        table.append(
            (
                f"Dashboard, {dash['documents']:,} documents: rows in DOM after "
                f"{dash['loaded']:,} loaded",
                f"{dash['dom_rows']} rows ({dash['dom_elements']:,} elements)",
                "bounded (≤ 100 rows)",
                dash["dom_rows"] <= 100,
            )
        )
        table.append(
            (
                "Dashboard: status filter → table updated, p50 / max",
                f"{dash['filter_p50']:.0f} / {dash['filter_max']:.0f} ms",
                f"≤ {t['filter_ms']:.0f} ms",
                dash["filter_max"] <= t["filter_ms"],
            )
        )
        if dash.get("search_ms") is not None:
            table.append(
                (
                    "Dashboard: search (Enter) → table updated",
                    f"{dash['search_ms']:.0f} ms",
                    f"≤ {t['filter_ms']:.0f} ms",
                    dash["search_ms"] <= t["filter_ms"],
                )
            )

    lines = [
        "# PWA benchmark results",
        "",
        f"`npm run bench:pwa` (bench/pwa/run.py), {results['date']}.",
        "",
        f"Machine: {results['machine']}. Load average (1, 5, 15 min) before the run: "
        f"{results['load_before']}"
        + (f"; after: {results['load_after']}." if results.get("load_after") else "."),
        "A private stack on loopback: PostgreSQL, Redis, one Celery worker (2 processes), the API",
        "(uvicorn) and `next start` of the production build in pwa/.next-bench.",
        "",
        "| figure | result | target | |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {name} | {value} | {target} | {verdict(ok)} |" for name, value, target, ok in table
    ]
    lines += ["", *details(results)]
    kept = ""
    if path.is_file() and KEEP_MARK in path.read_text():
        kept = path.read_text().split(KEEP_MARK, 1)[1]
    path.write_text("\n".join(lines).rstrip() + "\n\n" + KEEP_MARK + kept.rstrip() + "\n")
    return table


KEEP_MARK = "<!-- analysis: written by hand, kept by run.py -->"


def details(results: dict[str, Any]) -> list[str]:
    """The figures behind the table, for reading a miss."""
    out: list[str] = []
    dashboard = next((b for b in results.get("bundles", []) if b["route"] == "/"), None)
    if dashboard:
        out += [
            "## First-load JS",
            "",
            "Each route's first-load chunks (route-bundle-stats.json of the build), gzip -9 each; "
            f"the dashboard's is {dashboard['gzip']:,} bytes in {len(dashboard['chunks'])} chunks "
            f"({dashboard['raw'] / 1024:.0f} kB before compression).",
            "",
        ]
    modules = results.get("modules")
    if modules and dashboard:
        out += [
            "Its largest parts (Turbopack's analyzer, `next experimental-analyze`; modules gzipped "
            "one by one, shown as a share of the route's gzip total):",
            "",
            "| part | share | ≈ kB gzip | kB raw |",
            "| --- | --- | --- | --- |",
        ]
        for m in modules[:14]:
            out.append(
                f"| {m['name']} | {100 * m['share']:.1f} % | "
                f"{m['share'] * dashboard['gzip'] / 1024:.1f} | {m['raw'] / 1024:.1f} |"
            )
        out.append("")
    for lh in results.get("lighthouse", []):
        if not out or not out[-1].startswith("## Lighthouse") and "## Lighthouse" not in out:
            out += ["## Lighthouse", ""]
        metrics = (
            f"FCP {lh['fcp_ms'] / 1000:.1f} s, LCP {lh['lcp_ms'] / 1000:.1f} s, "
            f"TBT {lh['tbt_ms']:.0f} ms, CLS {lh['cls']:.3f}, "
            f"Speed Index {lh['si_ms'] / 1000:.1f} s"
            if lh.get("lcp_ms") is not None
            else "no metrics"
        )
        runs = lh.get("performance_all", [lh["performance"]])
        out.append(
            f"- {lh['page']} ({lh['preset']}): performance {lh['performance']} (runs: "
            f"{', '.join(map(str, runs))}), accessibility {lh['accessibility']} — median run: "
            f"{metrics}."
        )
        if lh.get("long_tasks"):
            tasks = ", ".join(f"{ms} ms ({url})" for ms, url in lh["long_tasks"])
            work = ", ".join(f"{k} {v} ms" for k, v in list(lh["main_thread"].items())[:3])
            out.append(
                f"  - longest tasks: {tasks}; main thread: {work}; {lh['requests']} requests"
            )
        for o in lh["opportunities"][:3]:
            saving = o["display"] or f"{o['ms']:.0f} ms"
            out.append(f"  - opportunity: {o['title']} ({saving})")
        for a in lh["a11y_failed"]:
            out.append(f"  - accessibility audit failed: {a['title']} (`{a['id']}`)")
        if lh.get("runtime_error"):
            out.append(f"  - runtime error: {lh['runtime_error']}")
    if results.get("lighthouse"):
        out += [
            "",
            "Mobile is Lighthouse's default (Moto G Power emulation, simulated slow 4G, 4x CPU); "
            "signed in by sending the session cookie as an extra header. Reports: "
            "bench/results/lighthouse/ (ignored).",
            "",
        ]
    up = results.get("upload")
    if up:
        out += [
            "## Upload → Completed",
            "",
            f"{up['count']} uploads one after the other (after 2 warm-ups), each timed from "
            "sending the upload request (Node, straight to the API):",
            "",
            f"- browser: the dashboard row (Playwright, filtered to the run) shows Completed — "
            f"p50 {up['browser_p50']:.0f} ms, p95 {up['browser_p95']:.0f} ms;",
            "- API: job_completed reaches a separate WebSocket client — "
            f"p50 {up['api_p50']:.0f} ms, p95 {up['api_p95']:.0f} ms "
            f"(from the 202: p50 {up['api_from_202_p50']:.0f} ms; the "
            f"job's own created → completed: p50 {up['job_p50']:.0f} ms);",
            f"- per upload, browser − API: p50 {up['gap_each_p50']:.0f} ms, max "
            f"{up['gap_each_max']:.0f} ms.",
            "",
        ]
    pdf = results.get("pdf")
    if pdf:
        visible_key = "visible" if "drawn_cold_p50" in pdf else "frame"
        cold = ", ".join(f"{r[visible_key]:.0f}" for r in pdf["runs"] if r["kind"] == "cold")
        warm = ", ".join(f"{r[visible_key]:.0f}" for r in pdf["runs"] if r["kind"] == "warm")
        drawn = ", ".join(f"{r['frame']:.0f}" for r in pdf["runs"] if r["kind"] == "cold")
        out += [
            "## 50-page PDF",
            "",
            f"A 50-page invoice ({pdf['file_bytes'] / 1024:.0f} kB, text layer; job "
            f"{pdf['job_status']}) opened at /documents/<id>, 1440x900: navigation start → page 1 "
            "visible: the server's preview image painted (its largest-contentful-paint entry) or "
            "the canvas drawn, whichever first "
            f"({', '.join(pdf.get('visible_how', ['canvas']))}). Cold = a fresh browser context "
            f"each time (no HTTP cache): {cold} ms; warm = reloads: {warm} ms. Page 1 drawn by "
            f"PDF.js (the frame after PdfPage sets data-rendered), cold: {drawn} ms.",
            "",
        ]
        names = {
            "me": "GET /api/auth/me",
            "document": "GET /api/documents/<id>",
            "file": "GET …/file (the PDF)",
            "pdfjs": "PDF.js chunk",
            "worker": "PDF.js worker",
        }
        cold_runs = [r for r in pdf["runs"] if r["kind"] == "cold" and r.get("milestones")]
        if cold_runs:
            out += [
                "Where a cold load's time goes (median over the cold loads, ms after navigation "
                "start; request start → response end):",
                "",
                f"- DOMContentLoaded: {statistics.median(r['dcl'] for r in cold_runs):.0f}",
            ]
            for key, name in names.items():
                spans = [r["milestones"][key] for r in cold_runs if r["milestones"].get(key)]
                if spans:
                    start = statistics.median(sp[0] for sp in spans)
                    end = statistics.median(sp[1] for sp in spans)
                    out.append(f"- {name}: {start:.0f} → {end:.0f}")
            out += [
                f"- page 1 drawn: {statistics.median(r['frame'] for r in cold_runs):.0f}",
                "",
            ]
    dash = results.get("dashboard")
    if dash:

        def timing(f: dict[str, Any]) -> str:
            api = f.get("api")
            served = f" (API {api['start']:.0f} → {api['end']:.0f})" if api else " (from the cache)"
            return f"{f['ms']:.0f}{served}"

        per = ", ".join(
            f"{f['label']} {'on' if f['kind'] == 'status-on' else 'off'} {timing(f)}"
            for f in dash["raw"]["filters"]
            if f["kind"].startswith("status")
        )
        search_raw = [f for f in dash["raw"]["filters"] if f["kind"] == "search"]
        out += [
            "## Dashboard over 10,000 documents",
            "",
            f"{dash['documents']:,} documents in the workspace (seeded with COPY). Rows in the "
            f"DOM: {dash['dom_rows_first_page']} with the first page, {dash['dom_rows']} after "
            f"scrolling down for {dash['raw']['scroll_seconds']:.0f} s "
            f"({dash['loaded']:,} rows loaded by cursor paging). A status filter clicked "
            "on / off → the frame after the table shows the new rows (ms): "
            f"{per}."
            + (f" Search (Enter, no debounce): {timing(search_raw[0])} ms." if search_raw else ""),
            "",
        ]
    errors = [
        e for key in ("upload", "pdf") for e in (results.get(key) or {}).get("console_errors", [])
    ] + list((results.get("dashboard") or {}).get("raw", {}).get("console_errors", []))
    if errors:
        out += ["Console errors seen: " + "; ".join(sorted(set(errors))[:10]), ""]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--pdf-loads", type=int, default=5)
    # Five runs per page and form factor, the median reported: Lighthouse's own advice for a score
    # that moves a few points from run to run (simulated throttling multiplies this machine's noise).
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument(
        "--skip", default="", help="comma list of: bundle,lighthouse,upload,pdf,dashboard"
    )
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--from-json", type=Path, help="only rewrite --output from a raw figures file of a run"
    )
    args = parser.parse_args()
    if args.from_json:
        write_results(json.loads(args.from_json.read_text()), args.output)
        return 0
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    python = stack_mod.python_env()
    stack_mod.reexec_in_venv(python)
    results: dict[str, Any] = {
        "date": dt.datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": ", ".join(f"{x:.1f}" for x in os.getloadavg()),
        "notes": [],
    }
    port = stack_mod.api_port()
    api_url = f"http://127.0.0.1:{port}"
    stack_mod.build(api_url)

    if "bundle" not in skip:
        log("first-load JS per route …")
        results["bundles"] = bundle_sizes()
        log("largest modules of the dashboard's first-load JS (next experimental-analyze) …")
        try:
            results["modules"] = first_load_modules("/")
        except (subprocess.SubprocessError, OSError, ValueError, KeyError) as error:
            log(f"the analyzer failed ({error}); no module breakdown")

    with stack_mod.private_stack(python, port, "bench-pwa") as s:
        if "upload" not in skip:
            log(f"upload → Completed: {args.uploads} uploads (+2 warm-up) …")
            results["upload"] = upload_latency(s, args.uploads)
        sample = SAMPLES / "invoice-01-us.pdf"
        invoice = upload(s.api_url, s.token, sample, "lighthouse-invoice.pdf")
        wait_job(s.api_url, s.token, invoice["job"]["id"])
        if "pdf" not in skip:
            log("50-page PDF on the review page …")
            pdf_path = make_50_page_pdf(s.tmp / "bench-50-pages.pdf")
            item = upload(s.api_url, s.token, pdf_path, "bench-50-pages.pdf")
            job = wait_job(s.api_url, s.token, item["job"]["id"])
            creds = {
                "email": stack_mod.devstack.DEMO_EMAIL,
                "password": stack_mod.devstack.DEMO_PASSWORD,
            }
            raw = node_browser(
                "pdf-first-page",
                {
                    "base": s.base_url,
                    "creds": creds,
                    "documentId": item["document"]["id"],
                    "cold": args.pdf_loads,
                },
            )
            cold = [r["visible"] for r in raw["runs"] if r["kind"] == "cold"]
            warm = [r["visible"] for r in raw["runs"] if r["kind"] == "warm"]
            drawn = [r["frame"] for r in raw["runs"] if r["kind"] == "cold"]
            results["pdf"] = {
                "job_status": job["status"],
                "file_bytes": pdf_path.stat().st_size,
                "visible_how": sorted({str(r["visible_how"]) for r in raw["runs"]}),
                "cold_n": len(cold),
                "cold_p50": statistics.median(cold),
                "cold_max": max(cold),
                "warm_n": len(warm),
                "warm_p50": statistics.median(warm) if warm else float("nan"),
                "drawn_cold_p50": statistics.median(drawn),
                "drawn_cold_max": max(drawn),
                "runs": raw["runs"],
                "console_errors": raw["console_errors"],
            }
        if "lighthouse" not in skip:
            cookie = session_cookie(s.base_url)
            out_dir = ROOT / "bench" / "results" / "lighthouse"
            out_dir.mkdir(parents=True, exist_ok=True)
            results["lighthouse"] = []
            pages = [("dashboard", "/"), ("review", f"/documents/{invoice['document']['id']}")]
            for page, path in pages:
                for preset in ("mobile", "desktop"):
                    log(f"Lighthouse {page} ({preset}) × {args.lighthouse_runs} …")
                    reports = [
                        lighthouse(
                            s.base_url + path,
                            cookie,
                            preset,
                            out_dir / f"{page}-{preset}-{i + 1}.json",
                        )
                        for i in range(args.lighthouse_runs)
                    ]
                    # The run with the median performance score (Lighthouse's own advice).
                    reports.sort(key=lambda r: r["performance"])
                    median = reports[len(reports) // 2]
                    results["lighthouse"].append(
                        {
                            "page": page,
                            **median,
                            "performance_all": [r["performance"] for r in reports],
                            "accessibility_all": [r["accessibility"] for r in reports],
                        }
                    )
        if "dashboard" not in skip:
            log(f"seeding {args.documents:,} documents with COPY …")
            t0 = time.perf_counter()
            total = seed_documents(s.database_url, args.documents)
            log(f"seeded in {time.perf_counter() - t0:.1f} s ({total:,} in the workspace)")
            creds = {
                "email": stack_mod.devstack.DEMO_EMAIL,
                "password": stack_mod.devstack.DEMO_PASSWORD,
            }
            raw = node_browser(
                "dashboard-scale", {"base": s.base_url, "creds": creds, "search": "Orion"}
            )
            on = [f["ms"] for f in raw["filters"] if f["kind"] == "status-on"]
            off = [f["ms"] for f in raw["filters"] if f["kind"] == "status-off"]
            search = [f["ms"] for f in raw["filters"] if f["kind"] == "search"]
            results["dashboard"] = {
                "documents": total,
                "loaded": raw["scrolled"]["loaded"],
                "dom_rows_first_page": raw["before"]["rows"],
                "dom_rows": raw["scrolled"]["rows"],
                "dom_elements": raw["scrolled"]["elements"],
                "filter_p50": statistics.median(on + off),
                "filter_max": max(on + off),
                "filter_on_p50": statistics.median(on),
                "filter_off_p50": statistics.median(off),
                "search_ms": search[0] if search else None,
                "raw": raw,
            }

    results["load_after"] = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    raw_dir = ROOT / "bench" / "results"
    raw_dir.mkdir(parents=True, exist_ok=True)
    raw_path = raw_dir / f"pwa-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    raw_path.write_text(json.dumps(results, indent=2, default=str))
    table = write_results(results, args.output)
    width = max(len(name) for name, *_ in table)
    print()
    print(f"{'figure':<{width}}  {'result':<28} {'target':<22} verdict")
    for name, value, target, ok in table:
        print(f"{name:<{width}}  {value:<28} {target:<22} {verdict(ok).strip('*')}")
    print(f"\nwritten: {args.output} (raw figures: {raw_path.relative_to(ROOT)})")
    return 0 if all(ok is not False for *_, ok in table) else 1


if __name__ == "__main__":
    raise SystemExit(main())
