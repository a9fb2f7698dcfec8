"""`briefgen build` without click: a plain command line is built straight away, and says what the click
command would say; anything else goes through click."""

from __future__ import annotations

import re
import subprocess
import sys

from support.cli import run

CLICK = "import sys; from briefgen.cli.commands import main; main(sys.argv[1:])"


def without_times(text: str) -> str:
    return re.sub(r"in \d+\.\d+ s", "in T s", text)


def modules_of_a_build(project, *args: str) -> set[str]:
    driver = ("import sys\nsys.argv = ['briefgen', 'build', *sys.argv[1:]]\nfrom briefgen.cli import main as m\n"
              "import os\nos._exit = lambda code: (print(' '.join(sorted(sys.modules))), sys.exit(code))\nm.main()\n")
    proc = subprocess.run([sys.executable, "-c", driver, *args], cwd=project, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.split())


def test_a_plain_build_loads_no_click(project):
    (project / "seeds" / "000_d46ae736df1a2878.txt").touch()
    modules = modules_of_a_build(project, "--force", "-q")
    assert "briefgen.writers.pdf.writer" in modules  # it did build
    assert not [m for m in modules if m == "click" or m.startswith("click.")]


def test_the_plain_path_says_what_the_click_command_says(project):
    plain = run(project, "build", "--force", "-v")
    clicked = subprocess.run([sys.executable, "-c", CLICK, "build", "--force", "-v"], cwd=project,
                             capture_output=True, text=True)
    assert clicked.returncode == plain.returncode == 0
    assert without_times(clicked.stderr) == without_times(plain.stderr)
    assert "built 19, up to date 0, failed 0" in plain.stderr


def test_options_the_plain_reader_does_not_know_go_to_click(project):
    proc = run(project, "build", "--jobs", "0", check=False)
    assert proc.returncode == 2 and "Invalid value for '-j' / '--jobs'" in proc.stderr
    assert "Usage: briefgen build" in run(project, "build", "--help").stdout
