"""Facts about the bundled seed that several tests check, with the reasons behind them."""

from __future__ import annotations

# Each seed title, where it breaks, and why a person would break it there.
SEED_TITLES = [
    # A verb phrase (抓实抓好…工程) then 着力 opening the aim: two even 13-character lines.
    ("抓实抓好公务员队伍源头工程着力提升考录工作科学化水平", ("抓实抓好公务员队伍源头工程", "着力提升考录工作科学化水平")),
    # 以 is a preposition opening the second clause (by means of high-quality assessment ...).
    ("聚焦落实国家重大战略以高质量考核推动高质量发展", ("聚焦落实国家重大战略", "以高质量考核推动高质量发展")),
    # Means (完善…强化…) then aim (激励…): breaking after 激励 would split the verb from its object.
    ("完善奖励机制强化典型示范激励广大公务员新时代新担当新作为", ("完善奖励机制强化典型示范", "激励广大公务员新时代新担当新作为")),
    # 努力 opens the aim; 努力|锻造 would split an adverb from its verb, 的|基层 an attribute from its noun.
    ("树牢基层导向优化选育管用努力锻造堪当重任的基层公务员队伍", ("树牢基层导向优化选育管用", "努力锻造堪当重任的基层公务员队伍")),
    # Two verb phrases: 贯彻落实…法律法规 and 提升…水平; the break falls between them.
    ("高质量贯彻落实公务员法律法规提升公务员管理工作科学化规范化水平", ("高质量贯彻落实公务员法律法规", "提升公务员管理工作科学化规范化水平")),
    # 为 opens the purpose clause; the earlier 用 break would leave a 4-character first line and a
    # 29-character second line that does not fit.
    ("坚持不懈用党的创新理论凝心铸魂为建设高素质专业化公务员队伍夯基固本", ("坚持不懈用党的创新理论凝心铸魂", "为建设高素质专业化公务员队伍夯基固本")),
]
