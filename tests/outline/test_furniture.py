"""Site furniture by its shape: removed and reported, never taken for the title, a trailing note kept."""

from __future__ import annotations

import pytest

from briefgen.outline.furniture import furniture_kind
from briefgen.outline.model import iter_texts
from briefgen.outline.parse import parse_text

SPEECH = "以法治化营商环境稳预期强信心\n市政协委员、市律师协会会长  陈振华\n法治是最好的营商环境。我们要抓好落实。\n"


@pytest.mark.parametrize("line, kind", [
    ("所在位置： 首页 > 法院资讯 > 审判动态", "breadcrumb"),
    ("当前位置:首页 > 党建工作 > 经验交流", "breadcrumb"),
    ("位置:首頁 > 新聞中心 > 基層動態", "breadcrumb"),
    ("滨海日报数字报 > 2024年03月05日 > 第06版：协商议政", "breadcrumb"),
    ("发布时间：2023-03-06 21:23:35", "page meta"),
    ("时间:2023-03-06 21:23:35", "page meta"),
    ("浏览次数:1286", "page meta"),
    ("责任编辑：王晓燕", "page meta"),
    ("责任编辑 | 王伟", "page meta"),
    ("上传者：老笔头", "page meta"),
    ("XX能源集团 2024-03-12 08:30 发表于江苏", "page meta"),
    ("来源：省高级人民法院", "source line"),
    ("《滨海日报》（2024年03月05日 06 版）", "source line"),
    ("字号： 小 大", "page tools"),
    ("【字體：大 中 小】", "page tools"),
    ("打印本页", "page tools"),
    ("分享", "page tools"),
    ("【打印本頁】【關閉窗口】", "page tools"),
    ("加入收藏 共计6026个字,预计阅读时长21分钟", "page tools"),
    ("免费试读", "page tools"),
    ("正文复制", "page tools"),
    ("阅读原文", "page tools"),
    ("点击下载完整版，查看全部20篇", "link"),
    ("点击蓝字 关注我们", "link"),
    ("2024年度组织生活会对照检查发言材料范文3篇.docx", "file name"),
    ("笔耕文库◆记住我", "site name"),
    ("公文范文网 —— 专注机关单位公文写作范文", "site name"),
    ("WWW.GWFANWEN.COM —— 专注公文写作范文", "site name"),
    ("欢迎访问公文范文网，海量公文范文免费参考", "site name"),
    ("- 2 -", "page label"),
    ("第3页", "page label"),
    ("研讨发言材料范文第1篇", "piece label"),
    ("0", "a lone number"),
    ("目录/提纲:……", "contents"),
    ("目 录", "contents"),
    ("相关报道", "related headlines"),
])
def test_furniture_lines_by_their_shape(line, kind):
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    "2024年3月5日",  # a speech's date line is the author's
    "为此建议：",
    "（XX市委组织部）",
    "主动走访问需。由院领导带队走访科技企业83家。",
    "以法治化营商环境稳预期强信心",
    "“作风建设大家谈”发言摘编【求真务实篇】（6篇）",
    "一、存在的问题",
    "县委副书记",
    "今年以来，我们在全市推广“一站式”服务，访问www.example.gov.cn即可办理，群众满意度明显提升，办事时间平均缩短了三个工作日。",
])
def test_text_is_not_furniture(line):
    assert furniture_kind(line) is None


def test_furniture_at_the_top_never_takes_the_title_and_each_line_is_reported():
    text = "所在位置：首页 > 新闻 > 正文\n全市座谈会发言摘编\n发布时间：2024-03-05 10:20\n打印本页\n" + SPEECH
    outline = parse_text(text)
    assert outline.title == "全市座谈会发言摘编" and outline.line == 2
    assert [(r.line, r.reason) for r in outline.removed] == [(1, "breadcrumb"), (3, "page meta"), (4, "page tools")]
    assert [w.line for w in outline.warnings] == [1, 3, 4]
    assert "打印本页" not in "".join(iter_texts(outline)) and outline.preface == ()


def test_a_trailing_note_and_source_line_close_the_collection_and_related_headlines_go():
    text = ("全市座谈会发言摘编\n" + SPEECH + "（本版内容以发言先后为序）\n责任编辑：王晓燕\n相关报道\n"
            "市政协召开常委会议\n聚焦“一老一小” 委员建言民生实事\n《滨海日报》（2024年03月05日 06 版）\n")
    outline = parse_text(text)
    assert [p.text for p in outline.closing] == ["（本版内容以发言先后为序）", "《滨海日报》（2024年03月05日 06 版）"]
    assert [r.line for r in outline.removed] == [6, 7, 8, 9]
    assert outline.speeches[-1].intro[-1].text == "法治是最好的营商环境。我们要抓好落实。"


def test_a_site_made_contents_list_goes_with_its_entries_only():
    text = ("全市座谈会发言摘编\n目录/提纲:……\n一、存在的问题\n二、整改措施\n机关支部书记发言材料\n正文开头。\n"
            "一、存在的问题\n问题很多。\n二、整改措施\n马上整改。\n")
    outline = parse_text(text)
    assert [(r.line, r.reason) for r in outline.removed] == [(2, "contents"), (3, "contents entry"),
                                                               (4, "contents entry")]
    assert [p.marker for p in outline.speeches[0].points] == ["一、", "二、"]


def test_a_line_cut_mid_sentence_goes_only_from_a_pasted_page():
    cut = "对照党章党规，我深刻反思，问题产生的根源主要在于理论学习抓得不够紧，有时存在"
    pasted = parse_text("免费试读\n全市座谈会发言摘编\n" + SPEECH + cut + "\n")
    assert pasted.removed[-1].line == 6 and pasted.removed[-1].reason.startswith("cut off mid-sentence")
    own = parse_text("全市座谈会发言摘编\n" + SPEECH + cut + "\n")
    assert own.removed == () and own.speeches[0].intro[-1].text == cut


def test_a_line_the_user_marked_is_never_furniture():
    outline = parse_text("全市座谈会发言摘编\n" + SPEECH + "【正文】分享\n")
    assert outline.speeches[0].intro[-1].text == "分享"
    assert [r.reason for r in outline.removed] == ["line mark"]
