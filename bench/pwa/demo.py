"""`npm run demo`: record the seed scenario into docs/demo.webm and the README's screenshots.

    python3 bench/pwa/demo.py [--out docs]

Builds the PWA into pwa/.next-bench when its sources changed, starts a private stack (bench/pwa/
stack.py: its own PostgreSQL, Redis, worker, API and `next start`; loopback only, nothing of
`npm start` is touched), and plays bench/pwa/demo.mjs in Chromium with Playwright's video capture
(1280x800): sign in, upload ten invoices and the broken file from samples/, watch them process live
on the dashboard, retry the failure, open one, correct a field, save, finalize, export JSON.

The raw capture is re-encoded with ffmpeg (VP9, no audio) into docs/demo.webm; the recording must
stay within 90 s and 5 MB (checked; exit 1 otherwise). Writes docs/dashboard-desktop.png,
docs/review-desktop.png and docs/review-tablet.png. ffmpeg is installed with apt-get when missing
and we are root.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import stack as stack_mod  # noqa: E402

ROOT = stack_mod.ROOT
MAX_SECONDS = 90.0
MAX_BYTES = 5 * 1024 * 1024
INVOICES = [f"invoice-{i:02d}" for i in range(1, 11)]  # ten of the thirteen


def log(message: str) -> None:
    print(f"[demo] {message}", flush=True)


def ensure_ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("[demo] ffmpeg is needed to encode the video: install it (apt-get install ffmpeg)")
    log("installing ffmpeg (apt-get) …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "ffmpeg"], check=True, env=env
    )
    return shutil.which("ffmpeg") or "ffmpeg"


def playwright_ffmpeg(ffmpeg: str, folder: Path) -> dict[str, str]:
    """Playwright records video through its own ffmpeg build, which it downloads — and nothing is
    downloaded here. Its recorder only pipes JPEG frames into a VP8 encoder, which Debian's ffmpeg
    does too: give Playwright a browsers folder where its ffmpeg is the system's (Chromium itself
    is always started from /usr/bin/chromium)."""
    for manifest in (stack_mod.ROOT / "pwa" / "node_modules").glob(
        "**/playwright-core/browsers.json"
    ):
        for browser in json.loads(manifest.read_text())["browsers"]:
            if browser["name"] == "ffmpeg":
                target = folder / f"ffmpeg-{browser['revision']}" / "ffmpeg-linux"
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    target.symlink_to(ffmpeg)
    return {"PLAYWRIGHT_BROWSERS_PATH": str(folder)}


def duration(path: Path) -> float:
    probe = shutil.which("ffprobe") or "ffprobe"
    out = subprocess.run(
        [probe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return float(out)


def encode(ffmpeg: str, raw: Path, target: Path, crf: int, speed: float) -> None:
    """VP9 at a constant quality (screen content compresses well), 25 fps, no audio; played
    `speed` times faster (1.0 unless a slow machine made the recording longer than allowed)."""
    subprocess.run(
        [
            ffmpeg,
            "-y",
            "-loglevel",
            "error",
            "-i",
            str(raw),
            "-vf",
            f"setpts=PTS/{speed:.4f}",
            "-an",
            "-r",
            "25",
            "-c:v",
            "libvpx-vp9",
            "-b:v",
            "0",
            "-crf",
            str(crf),
            "-row-mt",
            "1",
            "-deadline",
            "good",
            "-cpu-used",
            "4",
            "-pix_fmt",
            "yuv420p",
            str(target),
        ],
        check=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    python = stack_mod.python_env()
    ffmpeg = ensure_ffmpeg()
    samples = ROOT / "samples"
    invoices = [next(samples.glob(f"{stem}-*.pdf")).name for stem in INVOICES]

    port = stack_mod.api_port()
    stack_mod.build(f"http://127.0.0.1:{port}")
    work = Path(tempfile.mkdtemp(prefix="docflow-demo-"))
    try:
        # One worker process: the eleven files then take a few seconds to process, which the
        # dashboard shows live (with more they are done before the page is there).
        with stack_mod.private_stack(python, port, "demo", workers=1) as s:
            log("recording the seed scenario …")
            proc = subprocess.run(
                [
                    "node",
                    str(HERE / "demo.mjs"),
                    json.dumps(
                        {
                            "base": s.base_url,
                            "samples": str(samples),
                            "out": str(work),
                            "invoices": invoices,
                        }
                    ),
                ],
                cwd=ROOT,
                env={**os.environ, **playwright_ffmpeg(ffmpeg, work / "playwright")},
                capture_output=True,
                text=True,
                timeout=600,
            )
            result = next(
                (
                    json.loads(line[len("RESULT ") :])
                    for line in proc.stdout.splitlines()
                    if line.startswith("RESULT ")
                ),
                None,
            )
            if result is None:
                log(f"the recording failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
                log(f"service logs in {s.logs}/")
                return 1
        for mark in result["marks"]:
            log(f"  {mark['s']:6.1f} s  {mark['name']}")
        if result["console_errors"]:
            log(f"console errors during the recording: {result['console_errors']}")
        args.out.mkdir(parents=True, exist_ok=True)
        target = args.out / "demo.webm"
        raw = Path(result["video"])
        # A loaded machine stretches the waits (page loads, processing): fit it into the limit.
        speed = max(1.0, duration(raw) / (MAX_SECONDS - 2))
        if speed > 1.0:
            log(f"the recording is {duration(raw):.0f} s long: played {speed:.2f}x faster")
        for crf in (40, 46, 52):
            encode(ffmpeg, raw, target, crf, speed)
            if target.stat().st_size <= MAX_BYTES:
                break
        for name in ("dashboard-desktop.png", "review-desktop.png", "review-tablet.png"):
            shutil.copyfile(work / name, args.out / name)
        seconds, size = duration(target), target.stat().st_size
        log(
            f"{target}: {seconds:.1f} s, {size / 1024 / 1024:.2f} MB "
            f"(limits {MAX_SECONDS:.0f} s, {MAX_BYTES / 1024 / 1024:.0f} MB); screenshots in "
            f"{args.out}/"
        )
        if seconds > MAX_SECONDS or size > MAX_BYTES:
            log("the recording is over its limits")
            return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
