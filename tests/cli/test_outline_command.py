"""The outline and check commands, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from briefgen.cli.commands import main
from briefgen.outline.model import from_dict


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_outline_json_round_trips(project_dir, seed_outline):
    result = run("outline", "--format", "json")
    assert result.exit_code == 0
    assert from_dict(json.loads(result.output)) == seed_outline


def test_outline_markdown_and_tree(project_dir):
    md = run("outline", "--format", "md").output
    assert md.startswith("# 公务员工作座谈会发言汇编\n")
    assert "## 聚焦落实国家重大战略以高质量考核推动高质量发展" in md
    assert "### 一、突出政治标准，严把公务员队伍入口关。" in md
    assert "**一是考试环节考准考实。**" in md
    tree = run("outline", "--format", "tree").output
    assert "2. 聚焦落实国家重大战略以高质量考核推动高质量发展  [line 8]" in tree


def test_outline_of_several_seeds_is_a_json_array(project_dir, seed_text):
    (project_dir / "seeds" / "second.txt").write_text(seed_text, encoding="utf-8")
    data = json.loads(run("outline").output)
    assert len(data) == 2 and all(len(d["speeches"]) == 6 for d in data)


def test_check_prints_findings_and_exits_0_without_errors(project_dir):
    result = run("check")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "seeds/000_d46ae736df1a2878.txt:7: warning: removed site artefact ##paidbegin##",
        "seeds/000_d46ae736df1a2878.txt:36: warning: removed site artefact ##paidend##",
    ]


def test_check_exits_1_on_errors(project_dir, seed_text):
    bad = project_dir / "seeds" / "bad.txt"
    bad.write_text(seed_text.replace("\n二、服务中心大局", "\n三、服务中心大局"), encoding="utf-8")
    result = run("check", "seeds/bad.txt")
    assert result.exit_code == 1
    assert "seeds/bad.txt:6: error: numbering gap: 一、 then 三、" in result.output


def test_bad_input_is_one_line_and_exit_2_without_traceback(project_dir):
    (project_dir / "seeds" / "empty.txt").write_bytes(b"")
    (project_dir / "seeds" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    for name, message in [("empty.txt", "seeds/empty.txt:1: error: the file is empty"),
                          ("binary.txt", "seeds/binary.txt:3: error: binary data")]:
        proc = subprocess.run([sys.executable, "-m", "briefgen", "outline", f"seeds/{name}"],
                              capture_output=True, text=True, cwd=project_dir)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr.startswith(message) and proc.stderr.count("\n") == 1
        assert "Traceback" not in proc.stderr


def test_missing_seed_is_an_error_line(project_dir):
    result = run("outline", "seeds/nope.txt")
    assert result.exit_code == 2
    assert "seeds/nope.txt:1: error: no such file" in result.output


def test_check_explain_prints_the_view_then_the_findings(project_dir, seed_text):
    result = run("check", "--explain")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "seeds/000_d46ae736df1a2878.txt: every line and what it was read as"
    assert lines[2].startswith("    2  collection title (count 6篇)")
    assert lines[3].startswith("    3  title of speech 1")
    assert lines[5].startswith("    5  heading 1 一、, run in, sub-points 一是 二是 三是")
    assert lines[-2:] == ["seeds/000_d46ae736df1a2878.txt:7: warning: removed site artefact ##paidbegin##",
                          "seeds/000_d46ae736df1a2878.txt:36: warning: removed site artefact ##paidend##"]
    assert len(lines) == 1 + seed_text.count("\n") + 2
