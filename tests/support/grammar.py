"""Hypothesis strategies for seeds in the genre's grammar: titles, units, paragraphs, points, sub-point runs."""

from __future__ import annotations

from hypothesis import strategies as st

HANZI = st.sampled_from("公务员考录工作建设队伍高素质政治标准基层培训考核激励管理制度发展推进落实完善加强领导干部群众服务")
PUNCT = st.sampled_from("，。、；：！？“”（）《》—…·")


def phrase(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(HANZI, min_size=min_size, max_size=max_size)


def sentence() -> st.SearchStrategy[str]:
    return st.builds(lambda a, p, b: a + p + b + "。", phrase(2, 12), PUNCT, phrase(1, 12))


def paragraph() -> st.SearchStrategy[str]:
    return st.lists(sentence(), min_size=1, max_size=4).map("".join)


def subpoint_run() -> st.SearchStrategy[str]:
    return st.integers(2, 4).flatmap(lambda n: st.tuples(*[sentence() for _ in range(n)]).map(
        lambda parts: "".join("一二三四"[i] + "是" + part for i, part in enumerate(parts))))


MARKERS = [lambda n: "一二三四五六"[n] + "、", lambda n: "（" + "一二三四五六"[n] + "）",
           lambda n: str(n + 1) + ".", lambda n: "（" + str(n + 1) + "）", lambda n: "一二三四五六"[n] + "．"]


@st.composite
def point_lines(draw, count: int) -> list[str]:
    style = draw(st.sampled_from(MARKERS))
    lines = []
    for index in range(count):
        heading = draw(phrase(4, 16))
        if draw(st.booleans()):
            lines.append(style(index) + heading + "。" + draw(st.one_of(paragraph(), subpoint_run())))
        else:
            lines.append(style(index) + heading)
            lines += draw(st.lists(st.one_of(paragraph(), subpoint_run()), min_size=1, max_size=2))
    return lines


@st.composite
def seeds(draw) -> str:
    lines = [draw(phrase(4, 20)) + draw(st.sampled_from(["", "3篇", "发言汇编"]))]
    for _ in range(draw(st.integers(1, 4))):
        lines.append(draw(phrase(8, 40)))
        if draw(st.booleans()):
            lines.append("（" + draw(phrase(3, 10)) + "委组织部）")
        lines += draw(st.lists(paragraph(), min_size=1, max_size=2))
        lines += draw(st.integers(0, 4).flatmap(point_lines))
    noise = draw(st.lists(st.tuples(st.integers(0, len(lines)), st.sampled_from(
        ["##paidbegin##", "##paidend##", "\u200b", "\x07", "  ", "\u3000", "\ufeff"])), max_size=4))
    for where, junk in noise:
        if where < len(lines):
            lines[where] = junk + lines[where] if where % 2 else lines[where] + junk
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
    return separator.join(lines)


# The shapes of compilations users bring (../shared/reference/reading.md): speaker lines, titles the
# print broke, occasion lines, boundaries between speeches, site furniture at the top and the bottom.

NAMES = st.sampled_from(["陈振华", "刘 伟", "雷\u3000杰", "欧阳明", "何XX", "XXX", "李**", "孙涛"])
POSTS = st.sampled_from(["市委组织部部长", "县政协委员、县农业农村局副局长", "XX镇党委书记", "区人民法院副庭长",
                         "集团公司党委书记、董事长", "县委副书记"])
GAPS = st.sampled_from([" ", "  ", "\u3000", "\u00a0"])
TOP_FURNITURE = ["所在位置：首页 > 新闻中心 > 交流发言", "发布时间：2024-03-05 10:20:31", "来源：XX日报", "字号： 小 大",
                 "打印本页", "浏览次数:1286", "0", "欢迎访问公文范文网", "2024年度发言材料范文3篇.docx", "免费试读",
                 "加入收藏 共计6026个字,预计阅读时长21分钟"]
BOTTOM_FURNITURE = ["（本版内容以发言先后为序）", "责任编辑：王晓燕", "分享", "【打印本页】【关闭窗口】",
                    "《XX日报》（2024年03月05日 06 版）", "点击下载完整版"]
BOUNDARIES = ["", "\u3000", "- 2 -", "研讨发言材料范文第2篇"]


def speaker_line() -> st.SearchStrategy[str]:
    """A speaker line: an organisation and post, a gap, a name (padded, masked); or a post alone."""
    return st.one_of(st.builds(lambda post, gap, name: post + gap + name, POSTS, GAPS, NAMES), POSTS)


@st.composite
def speech_head(draw) -> list[str]:
    """The lines heading a speech: a title (maybe broken over two lines, maybe with its occasion before
    it, after it or on its line), maybe a speaker line."""
    occasion = "在" + draw(phrase(4, 12)) + "会议上的发言"
    title = [draw(phrase(8, 40))]
    if draw(st.integers(0, 3)) == 0:
        title = [draw(phrase(6, 14)), draw(phrase(6, 14))]
    where = draw(st.sampled_from(["none", "none", "above", "below", "on"]))
    lines = {"above": [occasion, *title], "below": [*title, "——" + occasion],
             "on": [*title[:-1], title[-1] + "——" + occasion]}.get(where, title)
    if draw(st.booleans()):
        lines.append(draw(speaker_line()))
    return lines


def furniture(lines: list[str]) -> st.SearchStrategy[list[str]]:
    """``lines`` with site furniture pasted above and below them."""
    return st.tuples(st.lists(st.sampled_from(TOP_FURNITURE), max_size=3),
                     st.lists(st.sampled_from(BOTTOM_FURNITURE), max_size=3)).map(
        lambda found: [*found[0], *lines, *found[1]])
