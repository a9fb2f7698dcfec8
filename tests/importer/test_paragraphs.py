"""The body in reading order: text as printed, markers, formatting from runs and styles, what is left out."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.shared import Pt

from briefgen.importer.paragraphs import read_body

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'


def append_runs(paragraph, xml: str) -> None:
    """Append runs (XML in the w namespace) to a python-docx paragraph."""
    for element in parse_xml(f"<w:wrap {NS}>{xml}</w:wrap>"):
        paragraph._p.append(element)


def read_texts(document) -> list[str]:
    body, _ = read_body(document)
    return [p.full_text for p in body.paras if not p.blank]


def test_markers_come_from_numbering_and_python_docx_lacks_them(make):
    document = make.new_document()
    num_id = make.add_numbering(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    for ilvl, text in ((0, "总体要求。"), (1, "指导思想。"), (1, "基本原则。"), (0, "主要任务。")):
        make.number_para(make.add_body(document, text), num_id, ilvl)
    assert [p.text for p in document.paragraphs] == ["总体要求。", "指导思想。", "基本原则。", "主要任务。"]
    body, auto = read_body(document)
    assert [p.full_text for p in body.paras] == ["一、总体要求。", "（一）指导思想。", "（二）基本原则。", "二、主要任务。"]
    assert auto == 4 and body.paras[1].marker == "（一）"


def test_numbered_paragraphs_in_a_table_still_count(make):
    document = make.new_document()
    num_id = make.add_numbering(document, [("decimal", "%1.")])
    make.number_para(make.add_body(document, "第一项。"), num_id, 0)
    table = make.add_table(document, [["表内"]])
    make.number_para(table.rows[0].cells[0].paragraphs[0], num_id, 0)
    make.number_para(make.add_body(document, "第三项。"), num_id, 0)
    assert read_texts(document) == ["1.第一项。", "3.第三项。"]


def test_formatting_direct_then_style_then_defaults(make):
    document = make.new_document(body_pt=16)
    style = document.styles.add_style("公文标题", 1)
    style.font.size = Pt(22)
    style.paragraph_format.alignment = 1  # centred
    make.add_para(document, "样式里的标题", style="公文标题")
    make.add_para(document, ("直接格式的标题", {"size": 18, "bold": True, "font": "黑体"}), align="center")
    make.add_body(document, "正文。")
    body, _ = read_body(document)
    styled, direct, plain = body.paras
    assert (styled.size, styled.align, styled.style) == (22, "center", "公文标题")
    assert (direct.size, direct.bold, direct.font, direct.align) == (18, True, "黑体", "center")
    assert (plain.size, plain.bold, plain.font) == (16, False, "仿宋_GB2312")


def test_outline_levels_from_heading_styles_and_direct_settings(make):
    document = make.new_document()
    document.add_paragraph("标题一", style="Heading 1")
    document.add_paragraph("标题二", style="Heading 2")
    direct = make.add_body(document, "直接大纲级别")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {NS} w:val="2"/>'))
    make.add_body(document, "正文")
    body, _ = read_body(document)
    assert [p.outline_level for p in body.paras] == [0, 1, 2, None]


def test_tables_images_text_boxes_comments_headers_and_footers_are_left_out_and_counted(make, tmp_path):
    document = make.new_document()
    first = make.add_body(document, "有批注的段落。")
    document.add_comment(first.runs, text="请核实数据", author="审稿人")
    make.add_table(document, [["表格里的字"]])
    make.add_image(document, tmp_path)
    boxed = make.add_body(document, "旁边有文本框。")
    make.add_text_box(boxed, "文本框里的字")
    document.sections[0].header.paragraphs[0].text = "页眉"
    document.sections[0].footer.paragraphs[0].text = "第1页"
    body, _ = read_body(document)
    assert [p.full_text for p in body.paras if not p.blank] == ["有批注的段落。", "旁边有文本框。"]
    counts = body.left_out
    assert (counts["comment"], counts["table"], counts["image"], counts["text box"], counts["header/footer"]) == (
        1, 1, 1, 1, 2)


def test_tracked_changes_keep_insertions_and_drop_deletions(make):
    document = make.new_document()
    paragraph = make.add_body(document, "原有文字，")
    make.add_tracked(paragraph, "新加的文字。", "删掉的文字。")
    gone = make.add_body(document, "前一段")  # its paragraph mark deleted: it runs on into the next
    gone._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {NS}><w:del w:id="7" w:author="a"/></w:rPr>'))
    make.add_body(document, "接着的一段。")
    body, _ = read_body(document)
    assert [p.full_text for p in body.paras] == ["原有文字，新加的文字。", "前一段接着的一段。"]
    assert (body.left_out["insertion"], body.left_out["deletion"]) == (1, 1)


def test_fields_show_their_results_and_a_table_of_contents_is_left_out(make):
    document = make.new_document()
    first = make.add_para(document, "目　录", align="center")
    toc = make.add_body(document, "")
    append_runs(toc, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-1" </w:instrText>'
                  '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第一篇</w:t></w:r>')
    entry = make.add_body(document, "")
    append_runs(entry, '<w:r><w:t>第二篇</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    dated = make.add_body(document, "印发日期：")
    append_runs(dated, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026年1月1日</w:t></w:r>'
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert first.text == "目　录"
    body, _ = read_body(document)
    assert [p.full_text for p in body.paras] == ["目　录", "印发日期：2026年1月1日"]
    assert body.left_out["contents"] == 2


def test_page_and_section_breaks_mark_the_next_paragraph(make):
    document = make.new_document()
    before = make.add_body(document, "第一页末尾。")
    append_runs(before, '<w:r><w:br w:type="page"/></w:r>')
    make.add_body(document, "第二页。")
    make.add_body(document, "page")  # a word, not a break
    ended = make.add_body(document, "一节的末尾。")
    ended._p.get_or_add_pPr().append(parse_xml(f'<w:sectPr {NS}><w:type w:val="nextPage"/></w:sectPr>'))
    make.add_para(document, "")
    make.add_body(document, "第三页。")
    make.add_body(document, "另起一页的段落。").paragraph_format.page_break_before = True
    body, _ = read_body(document)
    shown = [(p.full_text, p.new_page) for p in body.paras if not p.blank]
    assert shown == [("第一页末尾。", False), ("第二页。", True), ("page", False), ("一节的末尾。", False), ("第三页。", True),
                     ("另起一页的段落。", True)]


def test_hidden_text_symbols_notes_placeholders_and_line_breaks(make):
    document = make.new_document()
    paragraph = make.add_body(document, "可见")
    append_runs(paragraph, '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
                        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:sym w:font="SimSun" '
                        'w:char="2605"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                        '<w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>末</w:t></w:r>'
                        '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字'
                        '</w:t></w:r></w:sdtContent></w:sdt><w:sdt><w:sdtContent><w:r><w:t>控件内容</w:t></w:r>'
                        "</w:sdtContent></w:sdt>")
    body, _ = read_body(document)
    assert body.paras[0].text == "可见★\n第二行 末控件内容"
    counts = body.left_out
    assert (counts["hidden"], counts["symbol"], counts["footnote"], counts["placeholder"]) == (1, 1, 1, 1)
