"""`briefgen import` through the real command line: the shapes units send, imported and read back as outlines."""

from __future__ import annotations

from pathlib import Path

import pytest

INTRO_A = "近年来，我们坚持以党建引领基层治理，推动各项工作取得新进展。"
POINT_A1 = ("一、强化政治引领。", "坚持把政治建设摆在首位。一是抓学习，系统开展理论培训。二是抓阵地，建好用好党群服务中心。")
POINT_A11 = ("（一）健全组织体系。", "推动党的组织向新兴领域延伸，实现应建尽建。")
POINT_A111 = "1.抓好支部建设。每个支部明确一名联系领导。"
POINT_A2 = ("二、夯实基层基础。", "持续加大投入，基层保障水平明显提升。")
CLOSING_A = "下一步，我们将继续努力，推动基层治理再上新台阶。"
SPEAKER = "XX市委组织部副部长\u3000李明"

TITLE_B = "以数字化改革赋能组织工作"
AUTO_B = [(None, "今年以来，我们聚焦数字化改革，推动组织工作方式变革。"),
          (0, "搭建数字平台。整合各类干部信息，建成统一数据库。"),
          (1, "建好数据库。信息采集覆盖全部在职干部。"),
          (1, "用好数据。定期开展分析研判，服务科学决策。"),
          (0, "完善工作机制。建立健全数据更新、共享和安全管理制度。"),
          (1, "明确责任分工。各部门各司其职、协同配合。")]


def make_speech_a(make, folder: Path):
    """Return a document: a title over two paragraphs, a blank, the speaker, typed markers, a table, an image."""
    document = make.new_document()
    make.add_title(document, "坚持党建引领")
    make.add_title(document, "推动基层治理提质增效")
    make.add_para(document, "")
    make.add_centred(document, SPEAKER)
    make.add_body(document, INTRO_A)
    make.add_heading(document, *POINT_A1, level=1)
    make.add_heading(document, *POINT_A11, level=2)
    make.add_body(document, POINT_A111)
    make.add_table(document, [["指标", "数值"], ["支部", "120"]])
    make.add_heading(document, *POINT_A2, level=1)
    make.add_image(document, folder)
    make.add_body(document, CLOSING_A)
    return document


def make_speech_b(make, document=None):
    """Return a document (or add to one) whose points are numbered only automatically, at two levels."""
    document = document or make.new_document()
    make.add_title(document, TITLE_B, page_break=document is not None and len(document.paragraphs) > 1)
    make.add_centred(document, "（XX区委组织部）")
    num_id = make.add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    for level, text in AUTO_B:
        paragraph = make.add_body(document, text)
        if level is not None:
            make.number_para(paragraph, num_id, level)
    return document


def run_import(run_cli, *args: str):
    """Run `briefgen import ARGS` and return the process, asserting success."""
    proc = run_cli("import", *args)
    assert proc.returncode == 0, proc.stderr
    return proc


def test_typed_markers_title_over_two_paragraphs_speaker_table_and_image(make, tmp_path, run_cli, outline_of,
                                                                         outline_views):
    make_speech_a(make, tmp_path).save(tmp_path / "a.docx")
    proc = run_import(run_cli, "a.docx", "-o", "seeds/a.txt", "--title", "基层治理座谈会发言汇编")
    outline = outline_of(tmp_path / "seeds" / "a.txt")
    assert outline["title"] == "基层治理座谈会发言汇编"
    (speech,) = outline["speeches"]
    assert speech["title"] == "坚持党建引领推动基层治理提质增效"
    assert speech["unit"]["text"] == SPEAKER
    assert outline_views.levels(speech["points"]) == [(1, "一、强化政治引领。"), (2, "（一）健全组织体系。"),
                                                      (3, "1.抓好支部建设。"), (1, "二、夯实基层基础。")]
    assert [s["lead"] for p in speech["points"][0]["body"] for s in p["subpoints"]] == ["抓学习，系统开展理论培训。",
                                                                                       "抓阵地，建好用好党群服务中心。"]
    expected = ("坚持党建引领推动基层治理提质增效" + SPEAKER + INTRO_A + "".join(POINT_A1) + "".join(POINT_A11)
                + POINT_A111 + "".join(POINT_A2) + CLOSING_A)
    assert outline_views.text(speech) == "".join(expected.split())
    assert "指标" not in (tmp_path / "seeds" / "a.txt").read_text(encoding="utf-8")
    assert "left out: 1 table, 1 image" in proc.stdout
    assert "headings: 2 一、, 1 （一）, 1 1." in proc.stdout
    assert "unit or speaker: " + SPEAKER in proc.stdout


def test_automatic_numbering_at_two_levels_is_printed_into_the_seed(make, tmp_path, run_cli, outline_of,
                                                                    outline_views):
    document = make_speech_b(make)
    assert not any(p.text.startswith(("一、", "（一）")) for p in document.paragraphs)  # only numbering holds them
    document.save(tmp_path / "b.docx")
    proc = run_import(run_cli, "b.docx", "-o", "b.txt")
    lines = (tmp_path / "b.txt").read_text(encoding="utf-8").splitlines()
    assert "一、搭建数字平台。整合各类干部信息，建成统一数据库。" in lines
    assert "（二）用好数据。定期开展分析研判，服务科学决策。" in lines
    assert "（一）明确责任分工。各部门各司其职、协同配合。" in lines  # restarted under 二、
    (speech,) = outline_of(tmp_path / "b.txt")["speeches"]
    assert speech["unit"]["text"] == "（XX区委组织部）"
    assert outline_views.levels(speech["points"]) == [(1, "一、搭建数字平台。"), (2, "（一）建好数据库。"),
                                                      (2, "（二）用好数据。"), (1, "二、完善工作机制。"),
                                                      (2, "（一）明确责任分工。")]
    assert "5 markers from automatic numbering" in proc.stdout
    assert "no --title given" in proc.stderr and TITLE_B in proc.stderr


def test_files_are_read_in_the_order_given_and_a_file_may_hold_several_speeches(make, tmp_path, run_cli,
                                                                                outline_of):
    make_speech_a(make, tmp_path).save(tmp_path / "a.docx")
    several = make.new_document()
    make.add_title(several, "第一篇发言的标题")
    make.add_body(several, "第一篇的正文。")
    make.add_title(several, "第二篇紧接正文的标题")  # a centred large paragraph after body text
    make.add_centred(several, "（县委办公室）")
    make.add_body(several, "第二篇的正文。")
    make.add_para(several, ("第三篇另起一页", {"bold": True}), align="center", page_break=True)  # bold, body size
    make.add_body(several, "第三篇的正文。")
    make_speech_b(make, several)
    several.save(tmp_path / "several.docx")
    run_import(run_cli, "several.docx", "a.docx", "-o", "all.txt", "--title", "发言汇编")
    titles = [s["title"] for s in outline_of(tmp_path / "all.txt")["speeches"]]
    assert titles == ["第一篇发言的标题", "第二篇紧接正文的标题", "第三篇另起一页", TITLE_B,
                      "坚持党建引领推动基层治理提质增效"]


def test_an_existing_seed_is_replaced_only_with_force(make, tmp_path, run_cli):
    make_speech_b(make).save(tmp_path / "b.docx")
    (tmp_path / "b.txt").write_text("old\n", encoding="utf-8")
    proc = run_cli("import", "b.docx", "-o", "b.txt")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "b.txt: error: already exists: give --force to replace it, or name another file"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == "old\n"
    run_import(run_cli, "b.docx", "-o", "b.txt", "--force")
    assert (tmp_path / "b.txt").read_text(encoding="utf-8").startswith(TITLE_B)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".briefgen-tmp-")]


@pytest.mark.parametrize("name", ["incoming.docx", "incoming.doc", "incoming.wps", "renamed.txt"])
def test_build_given_a_word_file_says_to_run_import(make, tmp_path, run_cli, name):
    if name == "renamed.txt":
        make_speech_b(make).save(tmp_path / name)  # a DOCX by its content
    else:
        (tmp_path / name).write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    proc = run_cli("build", name, "-o", "out")
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"{name}: error: a Word document, not a seed") and "briefgen import" in line
    assert not (tmp_path / "out").exists()


def test_the_seed_builds(make, tmp_path, run_cli):
    make_speech_a(make, tmp_path).save(tmp_path / "a.docx")
    make_speech_b(make).save(tmp_path / "b.docx")
    run_import(run_cli, "a.docx", "b.docx", "-o", "seeds/meeting.txt", "--title", "座谈会发言汇编")
    proc = run_cli("build", "seeds/meeting.txt", "-o", "out", env={"SOURCE_DATE_EPOCH": "1795824000"})
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "座谈会发言汇编.docx").is_file()


def test_the_report_says_what_was_left_out(make, tmp_path, run_cli):
    document = make_speech_a(make, tmp_path)
    revised = make.add_body(document, "这是有修订的段落，")
    make.add_tracked(revised, "插入的文字。", "删除的文字。")
    make.add_text_box(revised, "文本框里的字")
    document.add_comment(revised.runs, text="请核实", author="审稿人")
    document.sections[0].header.paragraphs[0].text = "页眉"
    document.sections[0].footer.paragraphs[0].text = "页脚"
    document.save(tmp_path / "a.docx")
    proc = run_import(run_cli, "a.docx", "-o", "a.txt", "--title", "发言汇编")
    assert ("  left out: 1 table, 1 image, 1 text box, 1 comment, 2 headers and footers; tracked changes: "
            "1 insertion kept, 1 deletion dropped") in proc.stdout.splitlines()
    seed = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert "这是有修订的段落，插入的文字。" in seed
    assert not any(gone in seed for gone in ("删除的文字", "文本框里的字", "请核实", "页眉", "页脚"))


def test_an_unnumbered_heading_that_the_seed_reads_as_a_title_is_warned_about(make, tmp_path, run_cli):
    document = make.new_document()
    make.add_title(document, "一篇发言")
    make.add_body(document, "开头的一段正文。")
    make.add_para(document, ("加强组织领导", {"font": "黑体"}))  # a heading without a number
    make.add_body(document, "结尾的一段正文。")
    make.add_para(document, "健全工作机制", style="Heading 2")  # a heading by its style, no number either
    make.add_body(document, "最后一段正文。")
    document.save(tmp_path / "h.docx")
    proc = run_import(run_cli, "h.docx", "-o", "h.txt", "--title", "发言汇编")
    warnings = [line for line in proc.stderr.splitlines() if "加强组织领导" in line]
    assert len(warnings) == 1 and warnings[0].startswith("h.txt:5: warning: “加强组织领导” reads as a speech title")
    assert "headings: 1 without a number (heading style or outline level; kept as paragraphs)" in proc.stdout


def test_a_bad_title_and_a_word_named_output_are_refused_before_reading(make, tmp_path, run_cli):
    make_speech_b(make).save(tmp_path / "b.docx")
    proc = run_cli("import", "b.docx", "-o", "b.txt", "--title", "这不是标题。它是一句话。")
    assert proc.returncode == 2 and proc.stderr.startswith("--title: error: the collection title must be")
    proc = run_cli("import", "b.docx", "-o", "b.docx")
    assert proc.returncode == 2 and proc.stderr.startswith("b.docx: error: a seed is plain text")
    assert not (tmp_path / "b.txt").exists()
