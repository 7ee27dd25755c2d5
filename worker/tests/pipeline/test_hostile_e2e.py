"""Hostile and broken files uploaded through the API reach the real worker and fail cleanly.

Each file carries valid magic bytes (the upload refuses anything else with 415), so it is
accepted, queued and parsed by the worker. Every job must end `failed` with a message that
says what is wrong with that file, with a `job_failed` event carrying the same message; the
worker's process tree (Celery pool, parser hosts, forked parser children) must stay under
its memory cap throughout; and a normal invoice uploaded afterwards must complete.
"""

from __future__ import annotations

import importlib.util
import pathlib
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

from docflow_worker.parsing import ParseLimits
from tests_support.api import job_events, upload, wait_for_job

_spec = importlib.util.spec_from_file_location(
    "hostile", pathlib.Path(__file__).parents[1] / "parsing" / "hostile.py"
)
assert _spec
assert _spec.loader
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

# One printable page (what the upload sniffs: the first 8 KiB) followed by binary data.
_TEXT_THEN_BINARY = b"Invoice notes, nothing to see here.\n" * 240 + bytes(range(256)) * 120

# (file name, builder, a phrase of its error message that no other file shares)
CORPUS: list[tuple[str, Callable[[], bytes], str]] = [
    ("encrypted.pdf", hostile.encrypted_pdf, r"encrypted"),
    ("truncated.pdf", lambda: hostile.text_pdf()[:400], r"truncated or corrupt"),
    ("header-only.pdf", lambda: b"%PDF-1.7\n", r"PDF is empty"),
    ("magic-then-garbage.pdf", hostile.garbage_pdf, r"corrupt"),
    ("decompression-bomb.pdf", hostile.bomb_pdf, r"memory|timed out|CPU"),
    ("501-pages.pdf", lambda: hostile.many_pages_pdf(501), r"Too many pages: 501 "),
    ("page-count-200000.pdf", hostile.repeated_page_pdf, r"Too many pages: 200000"),
    ("huge-mediabox.pdf", hostile.huge_mediabox_pdf, r"too large to OCR|invalid size"),
    ("deep-page-tree.pdf", hostile.deep_tree_pdf, r"page tree|no pages"),
    ("cyclic-page-tree.pdf", hostile.cyclic_tree_pdf, r"page tree|no pages"),
    ("png-50000x50000.png", hostile.png_huge_header, r"Image too large: 50000x50000 pixels"),
    ("png-garbage.png", hostile.png_garbage, r"cannot be read|corrupt"),
    ("tiff-bomb.tiff", hostile.tiff_bomb, r"Image too large: 100000x100000"),
    ("tiff-501-frames.tiff", lambda: hostile.multi_frame_tiff(501), r"Too many pages: 501 frames"),
    ("truncated.jpg", hostile.truncated_jpeg, r"truncated or corrupt"),
    ("binary-garbage.txt", lambda: _TEXT_THEN_BINARY, r"not readable text"),
    ("whitespace-only.txt", lambda: b" \n\t\n  \n", r"empty"),
]

GOOD_INVOICE = (
    b"Northwind Trading Ltd\n12 Dock Road, Leeds LS1 4AB\n\nINVOICE\n"
    b"Invoice No: NW-2207\nDate: 14/03/2026\n\nSubtotal  100.00\nVAT 20%  20.00\n"
    b"Total Due  GBP 120.00\n"
)

MEMORY_CAP_MB = ParseLimits().memory_mb  # each parser child's address-space limit


@dataclass
class MemoryWatch:
    """Samples the RSS of a process and all its descendants until stopped."""

    root_pid: int
    peak_total_mb: float = 0.0
    peak_process_mb: float = 0.0
    samples: int = 0
    processes_seen: set[int] = field(default_factory=set)
    _stop: threading.Event = field(default_factory=threading.Event)

    def tree_rss_mb(self) -> tuple[float, float]:
        root = psutil.Process(self.root_pid)
        total = largest = 0.0
        for proc in [root, *root.children(recursive=True)]:
            try:
                rss = proc.memory_info().rss / (1024 * 1024)
            except psutil.NoSuchProcess:
                continue
            self.processes_seen.add(proc.pid)
            total += rss
            largest = max(largest, rss)
        return total, largest

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                total, largest = self.tree_rss_mb()
            except psutil.NoSuchProcess:
                return
            self.peak_total_mb = max(self.peak_total_mb, total)
            self.peak_process_mb = max(self.peak_process_mb, largest)
            self.samples += 1
            self._stop.wait(0.05)

    def stop(self) -> None:
        self._stop.set()


def test_hostile_corpus_fails_each_job_with_a_specific_message(
    client, worker, tmp_path: pathlib.Path
) -> None:
    assert len(CORPUS) >= 15
    files = []
    for name, build, _ in CORPUS:
        path = tmp_path / name
        path.write_bytes(build())
        files.append(path)

    watch = MemoryWatch(worker.pid)
    baseline_mb, _ = watch.tree_rss_mb()
    sampler = threading.Thread(target=watch.run, daemon=True)
    sampler.start()
    try:
        response = upload(client, *files)
        assert response.status_code == 202, response.text
        items = response.json()["items"]
        assert [i["status"] for i in items] == ["accepted"] * len(files), items

        deadline = time.monotonic() + 240
        for item, (name, _, phrase) in zip(items, CORPUS, strict=True):
            assert item["filename"] == name
            remaining = max(deadline - time.monotonic(), 5)
            job = wait_for_job(client, item["job"]["id"], timeout=remaining)
            assert job["status"] == "failed", (name, job)
            message = job["error_message"]
            assert message, name
            assert re.search(phrase, message, re.IGNORECASE), (name, message)
            events = job_events(client, item["job"]["id"])
            assert events[-1]["type"] == "job_failed", (name, [e["type"] for e in events])
            assert events[-1]["data"]["error"] == message
            assert "job_completed" not in {e["type"] for e in events}
            doc = client.get(f"/api/documents/{item['document']['id']}").json()
            assert doc["current_status"] == "failed", (name, doc["current_status"])

        # the worker survived all of it: same main process, and the next job runs normally
        assert psutil.pid_exists(worker.pid)
        assert worker.proc.poll() is None
        response = upload(client, ("after-the-storm.txt", GOOD_INVOICE))
        assert response.status_code == 202, response.text
        item = response.json()["items"][0]
        job = wait_for_job(client, item["job"]["id"], timeout=60)
        assert job["status"] == "completed", job
        assert job_events(client, item["job"]["id"])[-1]["type"] == "job_completed"
        fields = client.get(f"/api/documents/{item['document']['id']}").json()["extraction"][
            "structured_output_json"
        ]["fields"]
        assert fields["invoice_number"]["value"] == "NW-2207"
        assert fields["total_amount"]["value"] == "120.00"
    finally:
        watch.stop()
        sampler.join(timeout=5)

    # Memory: no process of the tree went past a parser child's cap, and the whole tree grew
    # by less than one cap per pool process (two), however hostile the files were.
    assert watch.samples > 10
    assert watch.peak_process_mb < MEMORY_CAP_MB, watch
    assert watch.peak_total_mb - baseline_mb < 2 * MEMORY_CAP_MB, watch
    print(  # noqa: T201 - the figures the issue asks for, shown with -s
        f"\nworker tree RSS: baseline {baseline_mb:.0f} MB, peak {watch.peak_total_mb:.0f} MB, "
        f"largest process {watch.peak_process_mb:.0f} MB, {len(watch.processes_seen)} processes "
        f"seen, {watch.samples} samples"
    )


def test_files_without_accepted_magic_never_reach_the_worker(client) -> None:
    response = upload(client, ("not-a-document.pdf", b"\x7fELF\x02\x01\x01" + bytes(200)))
    assert response.status_code == 415, response.text
