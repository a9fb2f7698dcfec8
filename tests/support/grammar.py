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
