"""The local storage folder: what `put` (a worker's preview image) leaves where."""

from __future__ import annotations

from pathlib import Path

from docflow.storage.local import LocalStorage


def test_put_replaces_a_key_without_the_uploads_staging_folder(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    key = "previews/ab/abc-page-1.webp"

    assert storage.put(key, b"first") == key
    assert storage.put(key, b"second") == key

    with storage.open(key) as stored:
        assert stored.read() == b"second"
    assert list(storage.staging_dir.iterdir()) == []  # the uploads' folder never sees it
    assert list(storage.iter_keys()) == [key]


def test_a_put_cut_short_leaves_no_key(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    # What a write in progress (or one a crash cut off) looks like: a dot file beside the key.
    left = tmp_path / "previews" / "ab" / ".abc-page-1.webp.0123.tmp"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"half")
    assert list(storage.iter_keys()) == []
