"""briefgen watch: rebuilds after a save, survives a broken seed, stops cleanly on Ctrl-C."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from briefgen.cli.watch import changed_paths, take_snapshot, watch

from support.cli import edit, hashes, out_dir
from support.paths import SEED


class Watcher:
    """A `briefgen watch` process whose stderr lines are collected as they come."""

    def __init__(self, folder: Path):
        # A shell without job control starts background jobs with SIGINT ignored, and Python then
        # leaves it ignored: the watcher gets Ctrl-C's default handling back, as a terminal gives it.
        self.proc = subprocess.Popen([sys.executable, "-m", "briefgen", "watch"], cwd=folder,
                                     stderr=subprocess.PIPE, text=True,
                                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, predicate, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out; watcher said: {self.lines[-10:]}")

    def said(self, text: str) -> bool:
        return any(text in line for line in self.lines)


def seed_hash(project: Path) -> str:
    return json.loads((out_dir(project) / "manifest.json").read_text(encoding="utf-8"))["inputs"]["seed"]


def test_watch_rebuilds_after_a_save_keeps_outputs_of_a_broken_seed_and_stops_on_ctrl_c(project):  # noqa: F811
    watcher = Watcher(project)
    try:
        watcher.wait_for(lambda: watcher.said("watching"))
        first = seed_hash(project)
        edit(project / "seeds" / SEED.name, "今年为县乡机关招录公务员3666人", "今年为县乡机关招录公务员3667人")
        watcher.wait_for(lambda: watcher.said("built: speech 4 changed"))
        assert seed_hash(project) != first
        good = hashes(out_dir(project))
        count = len(watcher.lines)
        (project / "seeds" / SEED.name).write_text("这是一段正文，没有标题。\n", encoding="utf-8")
        watcher.wait_for(lambda: any("error: the first line should be the collection title" in line
                                     for line in watcher.lines[count:]))
        assert watcher.proc.poll() is None
        assert hashes(out_dir(project)) == good
        (project / "seeds" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        watcher.wait_for(lambda: seed_hash(project) == first)
    finally:
        watcher.proc.send_signal(signal.SIGINT)
        code = watcher.proc.wait(timeout=30)
        watcher.reader.join(timeout=5)
        watcher.proc.stderr.close()
    assert code == 0
    assert watcher.said("stopped watching")
    assert not watcher.said("Traceback")


def test_a_save_in_several_steps_gives_one_rebuild(tmp_path):
    target = tmp_path / "seed.txt"
    target.write_text("a", encoding="utf-8")
    writes = iter(["ab", "abc", "abcd"])
    calls: list[set[str]] = []
    ticks = {"n": 0}

    def fake_sleep(seconds: float) -> None:
        ticks["n"] += 1
        step = next(writes, None)
        if step is not None and ticks["n"] > 1:
            target.write_text(step, encoding="utf-8")
            time.sleep(0.01)  # a new modification time

    watch(lambda: [target], calls.append, stop=lambda: bool(calls), sleep=fake_sleep)
    assert calls == [{str(target)}]
    assert target.read_text(encoding="utf-8") == "abcd"


def test_snapshots_see_added_removed_and_changed_files(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "a.j2").write_text("x", encoding="utf-8")
    before = take_snapshot([tmp_path / "templates", tmp_path / "missing.toml"])
    (tmp_path / "templates" / "b.j2").write_text("y", encoding="utf-8")
    (tmp_path / "missing.toml").write_text("z", encoding="utf-8")
    (tmp_path / "templates" / "a.j2").write_text("xx", encoding="utf-8")
    after = take_snapshot([tmp_path / "templates", tmp_path / "missing.toml"])
    assert changed_paths(before, after) == {str(tmp_path / "templates" / n) for n in ("a.j2", "b.j2")} | {
        str(tmp_path / "missing.toml")}
