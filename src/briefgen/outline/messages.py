"""The parser's warnings and the names of what it removes, each written once, in English.

The outline holds them so (its JSON is the same under either language: ``ParseWarning.english``,
``Removed.reason``); ``ParseWarning.message`` and `check --explain` say them in the user's language
when they are shown. ``_`` here only marks a message for the catalog (tools/i18n.py update extracts
every ``_("…")``) and translates nothing: gettext's deferred translation. Placeholders are named.
"""

from __future__ import annotations


def _(message: str) -> str:
    """Return ``message`` untranslated: it is marked for the catalog and translated when it is said."""
    return message


INVISIBLE = _("removed invisible control or format characters {names}")
ARTEFACT = _("removed site artefact {artefacts}")
# TRANSLATORS: {kind} is one of the kinds of site furniture below (breadcrumb, page meta, ...), {text} the line.
FURNITURE = _("removed site furniture ({kind}): {text}")
CLOSING_NOTE = _("read as the collection's closing note (an editor's note after the last speech), not as the last "
                 "paragraph of that speech")
COUNT = _("the title declares {declared} pieces ({suffix}) but {found} speeches were found")
JOINED = _("lines {first} and {second} are read as one title the print broke over two lines; if line {first} ends "
           "the speech above, mark line {second} 【标题】")
SUBHEADING = _("read as a sub-heading of the speech above: the speeches here start at speaker, occasion or blank "
               "lines and this line has none; if a speech starts here, mark it 【标题】")
UNMARKED_SPEECH = _("read as the title of a new speech, though no speaker, occasion or blank line marks it as the "
                    "others are marked; if it is a heading inside the speech above, mark it 【小标题】")
PREFACE = _("read as the collection's title, with the text under it as a preface; if the text is one speech, mark "
            "this line 【标题】")
TOP_PAIR = _("read as the collection's title, and line {second} as the title of its one speech; if the two lines are "
             "one title broken over two lines, mark line {first} 【标题】")
BORROWED = _("the text opens with a speech (a speaker or occasion line stands under this title), so it has no "
             "collection title of its own: the collection is titled after its first speech; put the collection's "
             "title on the first line")

# Why a line was removed (Removed.reason): the kinds of site furniture, as a warning and `check --explain` name
# them. The outline's JSON keeps these English words; the catalog gives them in the user's language.
REASONS = (
    # TRANSLATORS: site furniture: a "you are here" line such as 所在位置：首页 > 新闻 > 正文
    _("breadcrumb"),
    # TRANSLATORS: site furniture: a page's date, editor, views (发布时间：…, 责任编辑：…)
    _("page meta"),
    # TRANSLATORS: site furniture: a 来源：… line, or 《人民日报》（2024年…版）
    _("source line"),
    # TRANSLATORS: site furniture: 打印本页 分享 收藏 关闭, 字号：大 中 小
    _("page tools"),
    # TRANSLATORS: site furniture: 点击下载…, 点击蓝字关注…
    _("link"),
    # TRANSLATORS: site furniture: a line that is a file's name (讲话稿.docx)
    _("file name"),
    # TRANSLATORS: site furniture: a site's name or address (www.…, 欢迎访问…)
    _("site name"),
    # TRANSLATORS: site furniture: - 2 -, 第2页 共5页, 2/5
    _("page label"),
    # TRANSLATORS: site furniture: a line holding a number alone
    _("a lone number"),
    # TRANSLATORS: site furniture: 第3篇, a piece's label
    _("piece label"),
    # TRANSLATORS: site furniture: the 目录 line of a contents list the site made
    _("contents"),
    # TRANSLATORS: site furniture: an entry of a contents list the site made
    _("contents entry"),
    # TRANSLATORS: site furniture: a 相关报道 / 推荐阅读 line
    _("related headlines"),
    # TRANSLATORS: site furniture: a headline listed under 相关报道
    _("related headline"),
    _("cut off mid-sentence, where the page stopped"),
)
