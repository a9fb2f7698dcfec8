"""Atomic writes: one file, and several replaced as one change that a failure undoes entirely."""

from __future__ import annotations

import errno
import os

import pytest

from briefgen.atomic import (
    TEMP_PREFIX,
    Replacement,
    remove_stale_temps,
    write_bytes_atomic,
)


def files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_write_bytes_atomic_replaces_a_file_and_leaves_no_temporary_file(tmp_path):
    write_bytes_atomic(tmp_path / "a" / "b.txt", b"one")
    write_bytes_atomic(tmp_path / "a" / "b.txt", b"two")
    assert files(tmp_path) == {"a/b.txt": b"two"}


def test_a_finished_replacement_holds_the_new_files_and_no_old_ones(tmp_path):
    (tmp_path / "old.txt").write_bytes(b"old")
    (tmp_path / "gone.txt").write_bytes(b"gone")
    change = Replacement()
    change.stage(tmp_path / "old.txt", b"new")
    change.stage(tmp_path / "sub" / "added.txt", b"added")
    change.replace(tmp_path / "old.txt")
    change.replace(tmp_path / "sub" / "added.txt")
    change.remove(tmp_path / "gone.txt")
    change.finish()
    assert files(tmp_path) == {"old.txt": b"new", "sub/added.txt": b"added"}


def test_a_failed_rename_puts_every_file_back_and_removes_what_the_change_made(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"a")
    (tmp_path / "b.txt").write_bytes(b"b")
    (tmp_path / "gone.txt").write_bytes(b"gone")
    before = files(tmp_path)
    change = Replacement()
    for name in ("a.txt", "new/c.txt", "b.txt"):
        change.stage(tmp_path / name, b"changed")
    change.replace(tmp_path / "a.txt")
    change.replace(tmp_path / "new" / "c.txt")
    change.remove(tmp_path / "gone.txt")
    real = os.replace

    def locked(src, dst):
        if str(dst).endswith("b.txt"):
            raise PermissionError(errno.EACCES, "in use", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PermissionError):
        change.replace(tmp_path / "b.txt")
    monkeypatch.setattr(os, "replace", real)
    change.undo()
    assert files(tmp_path) == before
    assert not (tmp_path / "new").exists()


def test_a_second_staged_version_of_a_file_is_undone_to_the_first_state(tmp_path):
    (tmp_path / "manifest.json").write_bytes(b"before")
    change = Replacement()
    change.stage(tmp_path / "manifest.json", b"complete")
    change.stage(tmp_path / "manifest.json", b"updating", key="updating")
    change.replace(tmp_path / "manifest.json", key="updating")
    assert (tmp_path / "manifest.json").read_bytes() == b"updating"
    change.replace(tmp_path / "manifest.json")
    change.undo()
    assert files(tmp_path) == {"manifest.json": b"before"}


def test_stale_temporary_files_are_removed(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / f"{TEMP_PREFIX}abc").write_bytes(b"left by a killed build")
    (tmp_path / "keep.txt").write_bytes(b"keep")
    remove_stale_temps(tmp_path)
    assert files(tmp_path) == {"keep.txt": b"keep"}
