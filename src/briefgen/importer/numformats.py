"""Word's number formats (w:numFmt): a list counter's value as the characters Word prints."""

from __future__ import annotations

CHINESE_DIGITS = "零一二三四五六七八九"
CHINESE_UNITS = ("", "十", "百", "千")
LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
LEGAL_SIMPLIFIED_UNITS = ("", "拾", "佰", "仟")
LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def spell_chinese(value: int, digits: str = CHINESE_DIGITS, units: tuple[str, ...] = CHINESE_UNITS,
                   myriad: str = "万", short_ten: bool = True) -> str:
    """Return ``value`` in Chinese counting: 一 十 十一 二十一 一百零一 (short_ten: 十一, not 一十一)."""
    if value <= 0:
        return str(value)
    if value >= 10000:
        high, low = divmod(value, 10000)
        head = spell_chinese(high, digits, units, myriad, short_ten) + myriad
        if not low:
            return head
        return head + (digits[0] if low < 1000 else "") + spell_chinese(low, digits, units, myriad, False)
    parts: list[str] = []
    text = str(value)
    zero = False
    for position, char in enumerate(text):
        digit = int(char)
        if digit == 0:
            zero = True
            continue
        if zero and parts:
            parts.append(digits[0])
        zero = False
        parts.append(digits[digit] + units[len(text) - 1 - position])
    found = "".join(parts)
    if short_ten and 10 <= value < 20:
        found = found[1:]
    return found


def pick_cyclic(value: int, names: str) -> str:
    """Return the ``value``-th of a fixed series (甲乙丙…), or the decimal number past its end."""
    return names[value - 1] if 1 <= value <= len(names) else str(value)


def enclose(value: int, ranges: tuple[tuple[int, int, int], ...]) -> str:
    """Return ``value`` as an enclosed character from (first value, last value, code point) ranges."""
    for first, last, code in ranges:
        if first <= value <= last:
            return chr(code + value - first)
    return str(value)


def spell_letters(value: int) -> str:
    """Return Word's letter numbering: a … z, aa … zz, aaa …"""
    if value < 1:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def spell_roman(value: int) -> str:
    """Return ``value`` in lower-case Roman numerals."""
    if not 0 < value < 4000:
        return str(value)
    found = ""
    for amount, symbol in ROMAN:
        while value >= amount:
            found += symbol
            value -= amount
    return found


CIRCLED = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))
FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda v: f"{v:02d}",
    "decimalFullWidth": lambda v: "".join(chr(0xFF10 + int(d)) for d in str(v)),
    "decimalFullWidth2": lambda v: "".join(chr(0xFF10 + int(d)) for d in str(v)),
    "decimalEnclosedCircle": lambda v: enclose(v, CIRCLED),
    "decimalEnclosedCircleChinese": lambda v: enclose(v, CIRCLED),
    "decimalEnclosedFullstop": lambda v: enclose(v, ((1, 20, 0x2488),)),
    "decimalEnclosedParen": lambda v: enclose(v, ((1, 20, 0x2474),)),
    "ideographEnclosedCircle": lambda v: enclose(v, ((1, 10, 0x3220),)),
    "chineseCounting": spell_chinese,
    "chineseCountingThousand": spell_chinese,
    "taiwaneseCounting": spell_chinese,
    "taiwaneseCountingThousand": spell_chinese,
    "japaneseCounting": spell_chinese,
    "chineseLegalSimplified": lambda v: spell_chinese(v, LEGAL_SIMPLIFIED, LEGAL_SIMPLIFIED_UNITS, short_ten=False),
    "ideographLegalTraditional": lambda v: spell_chinese(v, LEGAL_TRADITIONAL, LEGAL_SIMPLIFIED_UNITS, "萬",
                                                          short_ten=False),
    "ideographDigital": lambda v: "".join(IDEOGRAPH_DIGITS[int(d)] for d in str(v)),
    "taiwaneseDigital": lambda v: "".join(IDEOGRAPH_DIGITS[int(d)] for d in str(v)),
    "ideographTraditional": lambda v: pick_cyclic(v, HEAVENLY_STEMS),
    "ideographZodiac": lambda v: pick_cyclic(v, EARTHLY_BRANCHES),
    "lowerLetter": spell_letters,
    "upperLetter": lambda v: spell_letters(v).upper(),
    "lowerRoman": spell_roman,
    "upperRoman": lambda v: spell_roman(v).upper(),
    "none": lambda v: "",
}


def format_number(value: int, fmt: str) -> str:
    """Return a counter's value in the number format ``fmt``; formats briefgen does not know print as decimals."""
    return FORMATS.get(fmt, str)(value)
