"""Speaker and unit lines by their shape: `<organisation and post><gap><name>`, a bracketed unit, a post alone.

Posts are more than a list can hold (副庭长, 原教务长, 党组副书记), so the signal is the shape: one
organisation-and-post phrase, a gap (spaces or U+3000; U+00A0 is a space by now), and a name of two to
three characters, a two-character name often padded (`刘 伟`); names may be masked (`XXX`, `李**`, `何XX`).
The last characters of the phrase say it ends in a post (书记, 主任, …长, …员); an organisation's
characters (委, 局, 院, 县, 公司 …) are weaker evidence.
"""

from __future__ import annotations

import re

from briefgen.marks import CLAUSE_ENDS, COLONS, COMMAS

UNIT_MAX_CHARS = 40
NAME_MASKS = "XxＸｘ×*＊某○〇"
# Traditional forms of the characters the shapes below read, so 縣委副書記 reads as 县委副书记.
_SIMPLIFIED = str.maketrans("長書記員縣鎮處會館團隊經總顧問檢審廳區鄉黨務協銀醫學街辦廠",
                            "长书记员县镇处会馆团队经总顾问检审厅区乡党务协银医学街办厂")
_ORG_CHARS = "局县镇院校庭部处科所站社行厅省市区乡村队团会馆台组署司厂州盟"
# A phrase ending in one of these ends in a post (before a name, any …长: 庭长, 原教务长, 副检察长).
POST_END = re.compile("(?:书记|主任|委员|主席|常委|主委|经理|总监|干事|秘书|代表|董事|监事|专员|顾问|主编|总裁|助理"
                      "|院士|教授|[长员官师])$")
# A post alone on its line (县委副书记) ends in a post word of two characters or more.
POST_ALONE_END = re.compile(
    "(?:书记|主任|委员|主席|常委|主委|经理|总监|董事|专员|顾问|总裁"
    f"|(?:检察|审判|董事|理事|秘书|参谋|[{_ORG_CHARS}])长)$")
ORG_PART = re.compile("委|局|厅|院|部|办|署|府|司|处|科|所|站|队|馆|中心|公司|集团|学校|大学|学院|街道|社区|村|镇|乡"
                      "|县|市|省|区|州|党组|党委|支部|协会|商会|银行|医院|政协|人大|妇联|工会|团")
NOT_IN_SPEAKER = set(CLAUSE_ENDS + COMMAS + COLONS + "“”\"‘’「」《》")
GRAMMAR_ENDS = "的之地和与及"
ORG_END = re.compile(f"(?:{ORG_PART.pattern}|总支|分公司)$")
GENRE_END = re.compile("(?:发言|讲话|材料|汇报|体会|心得|交流|报告|致辞|党课|述职)$")
FOLDED = re.compile(r"^([^：:]{2,20})[：:]\s*\S{4,}")
FOLDED_OCCASION = re.compile(r"^(.{2,20}?)在.{2,40}(?:上|中)的.{0,6}(?:讲话|发言|致辞|报告|汇报|党课)$")
BRACKETED = re.compile(r"^[（(][^（）()]{2,40}[）)]$")
GAP = re.compile(r"[ \u3000]+")


def _is_name(text: str) -> bool:
    """Return True for a person's name as printed: two or three ideographs or masks (a mask alone: one).

    Four-character names (a compound surname) are left out: four characters after a gap are far more
    often the last phrase of a title (一体履职 综合履职)."""
    return 1 <= len(text) <= 3 and all(c in NAME_MASKS or "\u4e00" <= c <= "\u9fff" for c in text) and (
        len(text) >= 2 or text in NAME_MASKS)


def _split_name(text: str) -> tuple[list[str], str] | None:
    """Return the phrases before the name and the name (padding joined: 刘 伟), or None without a gap."""
    parts = GAP.split(text)
    if len(parts) < 2:
        return None
    if len(parts) >= 3 and len(parts[-1]) == 1 and len(parts[-2]) == 1:
        return parts[:-2], parts[-2] + parts[-1]
    return parts[:-1], parts[-1]


def named_strength(text: str) -> str | None:
    """Return "post" or "organisation" for `<organisation and post><gap><name>` (by what the phrase ends in), else None."""
    split = _split_name(text)
    if split is None:
        return None
    phrases, name = split
    if len(phrases) != 1 or not _is_name(name):
        return None
    phrase = phrases[0].translate(_SIMPLIFIED)
    if not 3 <= len(phrase) <= 36 or NOT_IN_SPEAKER & set(phrase) or phrase[-1] in GRAMMAR_ENDS:
        return None
    if POST_END.search(phrase):
        return "post"
    return "organisation" if ORG_PART.search(phrase) else None


def is_post_alone(text: str) -> bool:
    """Return True for a post written alone under a title: 县委副书记."""
    plain = text.translate(_SIMPLIFIED)
    if not 3 <= len(plain) <= 14 or GAP.search(plain) or NOT_IN_SPEAKER & set(plain):
        return False
    if any(c in plain for c in "的之地"):
        return False
    return POST_ALONE_END.search(plain) is not None and (ORG_PART.search(plain[:-2]) is not None or len(plain) <= 6)


def is_bracketed_unit(text: str) -> bool:
    """Return True for a unit in brackets: （XX市委组织部）."""
    return BRACKETED.match(text) is not None and not any(c in CLAUSE_ENDS for c in text)


def is_folded(text: str) -> bool:
    """Return True for a title with its unit, speaker or genre folded in: 建设分公司：以…, 主题教育研讨发言：抓好…,
    XX镇镇长在…会议上的讲话."""
    found = FOLDED.match(text)
    if found:
        left = found.group(1).translate(_SIMPLIFIED)
        if ORG_END.search(left) or POST_END.search(left) or GENRE_END.search(left):
            return True
    found = FOLDED_OCCASION.match(text)
    return found is not None and POST_END.search(found.group(1).translate(_SIMPLIFIED)) is not None


def speaker_kind(text: str) -> str | None:
    """Return how a line reads as a speaker or unit line ("bracketed", "post", "organisation", "post alone"), or None."""
    if len(text) > UNIT_MAX_CHARS:
        return None
    if is_bracketed_unit(text):
        return "bracketed"
    strength = named_strength(text)
    if strength:
        return strength
    return "post alone" if is_post_alone(text) else None


def is_unit_line(text: str) -> bool:
    """Return True for a unit or speaker line: in brackets, an organisation and a person, or a post alone."""
    return speaker_kind(text) is not None
