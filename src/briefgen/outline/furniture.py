"""Site furniture pasted with a compilation, found by its shape: breadcrumbs, page meta, page tools,
site names, file names, page and piece labels, a site-made contents list, related headlines, a line
cut off by a paywall. None of it is content: the parser removes it and reports each line. A trailing
editor's note or source line is kept, as the collection's closing note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from briefgen.marks import CLOSING, COMMAS, STOPS
from briefgen.outline import messages
from briefgen.outline.clean import SourceLine
from briefgen.outline.heads import is_title_like
from briefgen.outline.numbering import match_point_marker

FURNITURE_MAX_CHARS = 60  # furniture is short; a longer line is text
BREADCRUMB = re.compile(r"(?:^|[\s:：])(?:首页|首頁|主页|主頁)\s*[>＞›»/]|^\S{0,6}位置\s*[:：]"
                        r"|^[^>＞]{1,40}(?:\s*[>＞›»]\s*[^>＞]{1,40}){2,}$")
_DATED_KEYS = "发布时间|發佈時間|发布日期|發佈日期|发表时间|發表時間|更新时间|更新時間|上传时间|上傳時間|时间|時間|日期"
_SOURCE_KEYS = "来源|來源|文章来源|文章來源|信息来源|信息來源|稿件来源|稿件來源|稿源"
_META_KEYS = ("责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|校对|校對|作者|上传者|上傳者|发布者|發佈者|发布人|發佈人"
              "|浏览次数|瀏覽次數|浏览量|瀏覽量|浏览|瀏覽|阅读量|閱讀量|阅读数|閱讀數|点击量|點擊量|点击数|點擊數|访问量"
              "|訪問量|摄影|攝影|上一篇|下一篇")
_KEY_END = r"\s*[:：|｜丨]"  # 来源：…, and 来源 | … on pages that set the key apart with a bar
DATED = re.compile(rf"^[【\[]?\s*(?:{_DATED_KEYS}){_KEY_END}\s*\d{{2,4}}\s*[-./年]")
SOURCE_KEY = re.compile(rf"^[【\[（(]?\s*(?:{_SOURCE_KEYS}){_KEY_END}")
META = re.compile(rf"^[【\[]?\s*(?:{_META_KEYS}){_KEY_END}")
# A publication stamp: a date written with hyphens or slashes, or a clock time (no speech title holds one).
STAMP = re.compile(r"(?<!\d)\d{4}[-/]\d{1,2}[-/]\d{1,2}(?!\d)|(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
SOURCE_PRINT = re.compile(r"^《[^》]{1,20}》\s*[（(][^）)]{0,40}(?:\d{4}\s*年|\d{1,2}\s*月|版)[^）)]*[）)]$")
FONT_SIZE = re.compile(r"^[【\[]?\s*字[号號体體]\s*[:：]?\s*(?:[大中小]\s*)+[】\]]?$")
_TOOL_WORDS = ("打印本页|打印本頁|打印此页|打印|分享到|分享|收藏本页|加入收藏|收藏|关闭窗口|關閉窗口|关闭本页|关闭|關閉"
               "|返回顶部|返回頂部|返回列表|返回|免费试读|免費試讀|试读|試讀|正文复制|复制全文|复制|複製|点击下载|下载文档"
               "|下载|下載|举报|舉報|纠错|糾錯|评论|評論|点赞|扫一扫|掃一掃|打赏|在线阅读|阅读全文|查看全文|展开全文"
               # the tools of an article page on a social platform (WeChat's 公众号)
               "|阅读原文|閱讀原文|关注我们|關注我們|关注|在看|写留言|寫留言|留言|长按识别二维码|长按二维码|长按识别|扫码关注")
_STATS = (r"共计?\s*[0-9,，]+\s*个?字|预计阅读(?:时长|时间)?\s*[0-9]+\s*分钟|阅读(?:时长|时间|需要)\s*[0-9]+\s*分钟"
          r"|约\s*[0-9]+\s*分钟读完|[0-9]+\s*人(?:已)?(?:阅读|浏览|下载|收藏|觉得有用)")
_SEPARATORS = r"[\s【】\[\]｜|/·•,，、:：]"
TOOLS = re.compile(rf"^(?:{_SEPARATORS}*(?:{_TOOL_WORDS}|{_STATS}))+{_SEPARATORS}*$")
DOWNLOAD = re.compile(r"^(?:点击|點擊|戳)\S")  # 点击下载…, 点击蓝字关注…: an instruction to click is a page's
FILE_NAME = re.compile(r"(?i)^.{1,80}\.(?:docx?|wps|pdf|txt|rtf|pptx?|xlsx?)$")
SITE = re.compile(r"(?i)www\.|https?://|\.(?:com|cn|net|org)\b|^欢迎(?:访问|来到|光临|浏览)|^歡迎(?:訪問|來到|光臨)"
                  r"|记住我|記住我|收藏本站|设为首页|設為首頁|^\S{2,14}(?:网|網|站|文库|文庫)\s*[—–◆|｜·•-]+")
PAGE_LABEL = re.compile(r"^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
LONE_NUMBER = re.compile(r"^\d{1,7}$")
PIECE_LABEL = re.compile(r"^[^，。：:；;,]{0,24}第\s*[0-9０-９一二三四五六七八九十百]+\s*篇$")
CONTENTS = re.compile(r"^(?:目\s*[录錄]|提\s*[纲綱]|目\s*[录錄]\s*[/／]\s*提\s*[纲綱])\s*[:：]?\s*[…\.·。:：]*$")
RELATED = re.compile(r"^(?:相关|相關|推荐|推薦|延伸|热门|熱門|更多|猜你)(?:报道|報道|阅读|閱讀|文章|新闻|新聞|链接|鏈接|推荐"
                     r"|推薦|喜欢|喜歡|资讯|資訊)\s*[:：]?$")
EDITOR_NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$|^(?:编者按|编后|編者按|编者注|編者注)\s*[:：]")
LEADERS = re.compile(r"[\s…\.·]*[0-9]*$")
# Kinds that mark where one speech ends and the next begins.
BOUNDARY_KINDS = frozenset({"page label", "piece label"})
SHAPES = (("breadcrumb", BREADCRUMB), ("page meta", DATED), ("source line", SOURCE_KEY), ("page meta", META),
          ("page meta", STAMP),
          ("source line", SOURCE_PRINT), ("page tools", FONT_SIZE), ("page tools", TOOLS),
          ("link", DOWNLOAD), ("file name", FILE_NAME), ("site name", SITE), ("page label", PAGE_LABEL),
          ("a lone number", LONE_NUMBER), ("piece label", PIECE_LABEL), ("contents", CONTENTS),
          ("related headlines", RELATED))


@dataclass
class Furniture:
    """What of a text is not content: removed line numbers with their kind, and the closing note's lines."""

    removed: dict[int, str] = field(default_factory=dict)
    closing: list[int] = field(default_factory=list)
    doubts: dict[int, str] = field(default_factory=dict)  # line -> what was assumed about it (outline/messages.py)

    def is_boundary(self, number: int) -> bool:
        """Return True when the removed line ``number`` marks where a speech ends (a page or piece label)."""
        return self.removed.get(number) in BOUNDARY_KINDS


def furniture_kind(text: str) -> str | None:
    """Return what kind of site furniture a line is by its shape alone, or None for text."""
    if len(text) > FURNITURE_MAX_CHARS or any(c in "。！？" for c in text[:-1]):
        return None
    for kind, shape in SHAPES:
        if shape.search(text):
            return kind
    return None


def _entry_of(text: str) -> str:
    """Return a contents entry without its dot leaders and page number."""
    return LEADERS.sub("", text)


def _mark_contents(lines: Sequence[SourceLine], found: Furniture, start: int) -> None:
    """Remove the entries of a site-made contents list: lines repeated (as lines or line openings) below it."""
    for index in range(start + 1, len(lines)):
        entry = _entry_of(lines[index].text)
        if not entry or not any(later.text.startswith(entry) for later in lines[index + 1:]):
            return
        found.removed[lines[index].number] = "contents entry"


def _mark_related(lines: Sequence[SourceLine], found: Furniture, start: int) -> None:
    """Remove the headlines listed under a 相关报道 line, up to text or a source line."""
    for line in lines[start + 1:]:
        if not is_title_like(line.text) or furniture_kind(line.text) == "source line":
            return
        found.removed.setdefault(line.number, "related headline")


def _mark_tail(lines: Sequence[SourceLine], found: Furniture, fixed: dict[int, str]) -> None:
    """Keep a trailing editor's note or source line as the closing note; what follows the text is not a speech's."""
    closing = []
    for line in reversed(lines):
        kind = found.removed.get(line.number)
        if line.number in fixed:
            break
        if kind == "source line" or (kind is None and EDITOR_NOTE.match(line.text)):
            closing.append(line.number)
            found.removed.pop(line.number, None)
            if kind is None:
                found.doubts[line.number] = messages.CLOSING_NOTE
        elif kind is None:
            break
    found.closing = sorted(closing)


def _mark_cut(lines: Sequence[SourceLine], found: Furniture, fixed: dict[int, str]) -> None:
    """Remove the last line of a pasted page when it stops mid-sentence: the page was cut off (a paywall)."""
    if not found.removed:
        return  # a text with no site furniture was not pasted from a page: its last line is the author's
    rest = [line for line in lines if line.number not in found.removed and line.number not in found.closing]
    if not rest or rest[-1].number in fixed:
        return
    last = rest[-1].text
    sentence = any(c in COMMAS for c in last) and match_point_marker(last) is None  # text, not a heading
    if len(last) >= 20 and sentence and last[-1] not in STOPS + CLOSING + "…—":
        found.removed[rest[-1].number] = "cut off mid-sentence, where the page stopped"


def find_furniture(lines: Sequence[SourceLine], fixed: dict[int, str]) -> Furniture:
    """Return the site furniture of a text's lines; lines the user marked (``fixed``) are content."""
    found = Furniture()
    for index, line in enumerate(lines):
        if line.number in fixed or line.number in found.removed:
            continue
        kind = furniture_kind(line.text)
        if kind is None:
            continue
        found.removed[line.number] = kind
        if kind == "contents":
            _mark_contents(lines, found, index)
        elif kind == "related headlines":
            _mark_related(lines, found, index)
    _mark_tail(lines, found, fixed)
    _mark_cut(lines, found, fixed)
    return found
