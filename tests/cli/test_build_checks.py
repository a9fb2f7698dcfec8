"""`briefgen build` says what `briefgen check` finds: its errors as warnings with their lines, and with
--strict it fails on them (exit 2, nothing written)."""

from __future__ import annotations

from support.cli import run_briefgen

GAP = ("\n二、服务中心大局", "\n三、服务中心大局")  # 一、 then 三、 in the first speech, a repeat after it


def write_gap_seed(project, seed_text):
    (project / "seeds" / "gap.txt").write_text(seed_text.replace(*GAP), encoding="utf-8")


def test_build_prints_checks_errors_as_warnings_and_builds(project_dir, seed_text):
    write_gap_seed(project_dir, seed_text)
    proc = run_briefgen(["build", "-o", "out", "seeds/gap.txt"], project_dir)
    assert "seeds/gap.txt:6: warning: numbering gap: 一、 then 三、" in proc.stderr.splitlines()
    assert "seeds/gap.txt:7: warning: numbering repeats: 三、 then 三、" in proc.stderr.splitlines()
    assert proc.returncode == 0 and list((project_dir / "out").glob("*.pdf"))


def test_strict_fails_on_them_naming_the_first(project_dir, seed_text):
    write_gap_seed(project_dir, seed_text)
    proc = run_briefgen(["build", "--strict", "-o", "out", "seeds/gap.txt"], project_dir, check=False)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith("seeds/gap.txt:6: error: numbering gap: 一、 then 三、 (and 1 more")
    assert not (project_dir / "out").exists() or not list((project_dir / "out").glob("*.pdf"))


def test_strict_checks_a_seed_even_when_its_outputs_are_up_to_date(project_dir, seed_text):
    write_gap_seed(project_dir, seed_text)
    run_briefgen(["build", "-o", "out", "seeds/gap.txt"], project_dir)
    proc = run_briefgen(["build", "--strict", "-o", "out", "seeds/gap.txt"], project_dir, check=False)
    assert proc.returncode == 2 and "numbering gap" in proc.stderr


def test_a_seed_without_errors_builds_strict_and_says_nothing_new(project_dir):
    proc = run_briefgen(["build", "--strict", "-o", "out"], project_dir)
    assert [line for line in proc.stderr.splitlines() if "warning" in line] == [
        "seeds/000_d46ae736df1a2878.txt:7: warning: removed site artefact ##paidbegin##",
        "seeds/000_d46ae736df1a2878.txt:36: warning: removed site artefact ##paidend##"]
