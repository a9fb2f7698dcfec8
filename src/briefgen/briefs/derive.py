"""Themes found in the text itself, for a seed nobody wrote a theme file for.

The compilers already summed up each speech: its title and its point headings and sub-point
leads say what it is about. A theme is a term those summaries use and several speeches share:
its strength adds up, per speech, 2 for the title, 1 for each heading or lead (up to 3) and a
little for the body's use of it. Terms are jieba's nouns (a verb only where the text uses it as
one: 考录工作, 激励机制), words the segmenter leaves in single characters but the text repeats
(思政), and two words the text nearly always writes together (协商议事, 人民法庭); never genre
filler (data/stopwords.txt), never the collection's own field (a word of its title that most
speeches use). A theme's keywords are its own terms: the terms that occur mostly where the
theme is the subject (the speeches, points and sub-points its name heads, the sentences holding
it), not merely beside it. Its headline is a phrase of the strongest heading holding its name
(headlines.py). Deterministic: the same outline gives the same themes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from math import log2
from typing import Sequence

from briefgen.briefs.filler import head_nouns, is_word, stopwords
from briefgen.briefs.headlines import Summary, best_headline
from briefgen.briefs.selection import Sentence, TokensOf, collection_sentences
from briefgen.outline.model import Collection
from briefgen.words.segment import Token

DEFAULT_COUNT = 6  # themes a build derives (and `themes suggest` proposes) unless told otherwise
NOUN_TAGS = frozenset({"n", "vn", "nz", "j", "new"})  # "new": a word the text makes of single characters
MODIFIER_TAGS = frozenset({"b"})  # 绩效, 专项: a keyword, never a name
VERB_TAGS = frozenset({"v"})  # a verb is a term only where the text uses it as a noun
PLACE_TAGS = frozenset({"nr", "ns", "nt", "nrt", "nrfg"})  # names of people, places, organisations
KEYWORDS_PER_THEME = 5
MIN_SPEECHES = 2  # a theme is something several speeches share
MERGE_SHARE = 0.2  # a kin name sharing this much of a stronger one's subject is one theme with it
MIN_OWN = 0.6  # share of a kin keyword's occurrences that lie where its theme is the subject
MIN_TOGETHER = 0.75  # share of another keyword's sentences that hold the theme's name too
FIELD_SHARE = 2 / 3  # a word of the collection's title used by this share of speeches is its field
PAIR_SHARE = 0.6  # two words written together this often (of the rarer one's uses) are one term
TITLE_WEIGHT, HEADING_WEIGHT, BODY_WEIGHT = 2.0, 1.0, 0.5
# Single characters that never join into a word of their own: particles, prepositions, measure words.
FUNCTION_CHARS = frozenset("的了和与及或在是为对把被将从以向于而并也又都就要等之其这那有个得地着过余多名人次"
                           "年月日万亿元项件家位户期场座所条批")


@dataclass(frozen=True)
class DerivedTheme:
    """A theme found in the text: its name, headline, keywords and the speeches that share it."""

    name: str
    headline: str
    keywords: tuple[str, ...]
    speeches: tuple[int, ...]
    strength: float


@dataclass
class Text:
    """One title, heading, lead or body sentence of a speech, with its terms."""

    speech: int
    kind: str  # "title", "heading", "lead", "body"
    text: str
    tokens: list[Token]
    scope: str  # where it stands: speech-2, speech-2.1, speech-2.1/3 (a sub-point)
    terms: list[str] = field(default_factory=list)


def _scope(sentence: Sentence) -> str:
    return sentence.group or sentence.point


def collect_texts(outline: Collection, tokens_of: TokensOf) -> list[Text]:
    """Return every speech's title and sentences with their words, in reading order."""
    sentences = collection_sentences(outline)
    titles = [" ".join(s.title.split()) for s in outline.speeches]
    tokens = tokens_of(titles + [s.text for s in sentences]) if sentences or titles else []
    texts = [Text(n, "title", t, list(tokens[n - 1]), f"speech-{n}") for n, t in enumerate(titles, 1)]
    for sentence, words in zip(sentences, tokens[len(titles):]):
        texts.append(Text(sentence.speech, sentence.role, sentence.text, list(words), _scope(sentence)))
    return texts


class Vocabulary:
    """The collection's terms: which tokens may name or describe a theme, with new words and pairs joined."""

    def __init__(self, texts: Sequence[Text], field_title: str, speech_count: int):
        self.stop = stopwords()
        self.tags: dict[str, str] = {}
        self.repeated = self._repeated_characters(texts)
        streams = [self._join_characters(t.tokens) for t in texts]
        nominal = self._nominal_uses(streams)
        self.allowed = {w for w, tag in self.tags.items() if self._may_be_term(w, tag, nominal)}
        streams = self._join_pairs(streams)
        for text, stream in zip(texts, streams):
            text.terms = [w for w in stream if w in self.allowed]
        used: dict[str, set[int]] = defaultdict(set)
        for text in texts:
            for term in text.terms:
                used[term].add(text.speech)
        self.field = {w for w, speeches in used.items() if w in field_title and len(speeches) >= FIELD_SHARE * speech_count}
        self.allowed -= self.field
        for text in texts:
            text.terms = [w for w in text.terms if w in self.allowed]

    def _repeated_characters(self, texts: Sequence[Text]) -> set[str]:
        """Return the pairs of single characters (no particles) the collection writes three times or more."""
        pairs: Counter = Counter()
        for text in texts:
            for a, b in zip(text.tokens, text.tokens[1:]):
                if self._loose(a) and self._loose(b):
                    pairs[a.word + b.word] += 1
        return {pair for pair, count in pairs.items() if count >= 3}

    def _join_characters(self, tokens: Sequence[Token]) -> list[str]:
        """Return a text's words, with pairs of single characters the collection repeats joined (思+政)."""
        words: list[str] = []
        for token in tokens:
            self.tags.setdefault(token.word, token.tag)
            if words and self._loose(token) and len(words[-1]) == 1 and words[-1] + token.word in self.repeated:
                words[-1] += token.word
                self.tags[words[-1]] = "new"
            else:
                words.append(token.word)
        return words

    @staticmethod
    def _loose(token: Token) -> bool:
        return len(token.word) == 1 and "\u4e00" <= token.word <= "\u9fff" and token.word not in FUNCTION_CHARS

    @staticmethod
    def _nominal_uses(streams: Sequence[Sequence[str]]) -> set[str]:
        """Return the words the text writes before a general noun (data/heads.txt: 考录工作, 激励机制)."""
        heads = head_nouns()
        return {a for words in streams for a, b in zip(words, words[1:]) if b in heads}

    def _may_be_term(self, word: str, tag: str, nominal: set[str]) -> bool:
        if not is_word(word) or word in self.stop or len(word) > 4 or tag in PLACE_TAGS:
            return False
        if any(word[:cut] in self.stop and word[cut:] in self.stop for cut in range(1, len(word))):
            return False  # 服务体系, 创新能力: filler and filler
        return tag in NOUN_TAGS or tag in MODIFIER_TAGS or (tag in VERB_TAGS and word in nominal)

    def _may_open_pair(self, word: str) -> bool:
        """Return True for a word that may stand in front of a term in one: a term, or a verb that is no
        filler (提案 in 提案办理, the dictionary's verb)."""
        return word in self.allowed or (is_word(word) and word not in self.stop
                                        and self.tags.get(word, "x") in VERB_TAGS | NOUN_TAGS | MODIFIER_TAGS)

    def _join_pairs(self, streams: list[list[str]]) -> list[list[str]]:
        """Return the streams with a term joined to the word before it where the text nearly always writes them
        together (协商+议事, 提案+办理)."""
        single: Counter = Counter(w for words in streams for w in words)
        pairs: Counter = Counter()
        for words in streams:
            for a, b in zip(words, words[1:]):
                if b in self.allowed and self._may_open_pair(a) and len(a + b) <= 4:
                    pairs[(a, b)] += 1
        joined = {pair for pair, count in pairs.items()
                  if count >= 2 and count >= PAIR_SHARE * min(single[pair[0]], single[pair[1]])}
        result = []
        for words in streams:
            out: list[str] = []
            for word in words:
                if out and (out[-1], word) in joined:
                    out[-1] += word
                    self.allowed.add(out[-1])
                    self.tags[out[-1]] = "pair"
                else:
                    out.append(word)
            result.append(out)
        return result


def _ancestors(scope: str) -> list[str]:
    """Return a scope and every scope it stands in: speech-2.1.3/2 -> itself, speech-2.1.3, speech-2.1, speech-2."""
    found = [scope]
    point = scope.split("/")[0]
    if point != scope:
        found.append(point)
    while "." in point:
        point = point.rsplit(".", 1)[0]
        found.append(point)
    return found


class Themes:
    """The strength of each term as a theme, its region, its own keywords."""

    def __init__(self, outline: Collection, texts: Sequence[Text], vocabulary: Vocabulary):
        self.texts = texts
        self.vocabulary = vocabulary
        self.speech_count = len(outline.speeches)
        self.title_terms: dict[str, set[int]] = defaultdict(set)
        self.heading_counts: dict[str, Counter] = defaultdict(Counter)
        self.body_counts: dict[str, Counter] = defaultdict(Counter)
        self.holders: dict[str, set[int]] = defaultdict(set)  # texts holding a term
        self.headed: dict[str, set[str]] = defaultdict(set)  # scopes a heading or lead holding a term heads
        self.under: dict[str, list[int]] = defaultdict(list)  # texts standing in a scope
        self.totals: Counter = Counter()  # texts holding each term
        for index, text in enumerate(texts):
            for scope in _ancestors(text.scope):
                self.under[scope].append(index)
            for term in set(text.terms):
                self.holders[term].add(index)
                self.totals[term] += 1
                if text.kind == "title":
                    self.title_terms[term].add(text.speech)
                elif text.kind in ("heading", "lead"):
                    self.heading_counts[term][text.speech] += 1
                    self.headed[term].add(text.scope)
            if text.kind == "body":
                for term in text.terms:
                    self.body_counts[term][text.speech] += 1

    def speeches(self, term: str) -> set[int]:
        """Return the speeches using a term anywhere."""
        return self.title_terms[term] | set(self.heading_counts[term]) | set(self.body_counts[term])

    def strength(self, term: str) -> float:
        """Return how strongly the compilers' summaries and the speeches make a term a theme."""
        total = 0.0
        for speech in self.speeches(term):
            total += TITLE_WEIGHT * (speech in self.title_terms[term])
            total += HEADING_WEIGHT * min(3, self.heading_counts[term][speech])
            total += BODY_WEIGHT * log2(1 + self.body_counts[term][speech])
        return total

    def candidates(self) -> list[tuple[float, str]]:
        """Return the terms that may be themes, strongest first: named in a summary, used by several speeches,
        and in two sentences at least (a term only a title holds leaves a brief nothing to quote)."""
        found = []
        for term in set(self.title_terms) | set(self.heading_counts):
            if self.vocabulary.tags.get(term) in MODIFIER_TAGS:
                continue
            if sum(self.texts[i].kind != "title" for i in self.holders[term]) < 2:
                continue
            if len(self.speeches(term)) >= min(MIN_SPEECHES, self.speech_count):
                found.append((self.strength(term), term))
        return sorted(found, key=lambda item: (-item[0], item[1]))

    def region(self, term: str) -> set[int]:
        """Return the texts the term is the subject of: those holding it, and those standing under a heading
        or lead that holds it."""
        found = set(self.holders[term])
        for scope in self.headed[term]:
            found.update(self.under[scope])
        return found

    def keywords(self, name: str, excluded: set[str]) -> tuple[str, ...]:
        """Return a theme's own terms: its name, then terms of its kin (sharing a character with it: 招录
        and 录用 for 考录) found mostly where it is the subject, then terms that several speeches write
        beside it and that seldom stand without it. A term holding the name (绩效考核 for 考核) adds
        nothing: the name finds it."""
        inside: Counter = Counter()
        together: Counter = Counter()
        shared: dict[str, set[int]] = defaultdict(set)  # speeches writing the term beside the name
        holders = self.holders[name]
        for index in self.region(name):
            text = self.texts[index]
            for term in set(text.terms):
                inside[term] += 1
                if index in holders:
                    together[term] += 1
                    shared[term].add(text.speech)
        ranked = []
        for term, count in inside.items():
            if term == name or name in term or term in excluded:
                continue
            total = self.totals[term]
            if set(term) & set(name):
                if count >= 2 and count >= MIN_OWN * total:
                    ranked.append((2.0 * count, term))
            elif len(shared[term]) >= 2 and together[term] >= MIN_TOGETHER * total:
                ranked.append((together[term] * together[term] / total, term))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return (name, *(term for _, term in ranked[: KEYWORDS_PER_THEME - 1]))


def group_candidates(themes: Themes) -> list[list[str]]:
    """Return the candidate names in groups, strongest first: a name joins a stronger name holding it or
    held by it (课程, 课程思政), or of its kin (sharing a character) whose subject it shares (招录, 考录)."""
    groups: list[list[str]] = []
    regions: dict[str, set[int]] = {}
    for _, name in themes.candidates():
        region = themes.region(name)
        for group in groups:
            head = group[0]
            common = len(region & regions[head])
            nested = head in name or name in head  # 课程 and 课程思政
            if nested or (set(head) & set(name) and common >= MERGE_SHARE * min(len(region), len(regions[head]))):
                group.append(name)
                break
        else:
            groups.append([name])
            regions[name] = region
    return groups


def _group_name(themes: Themes, group: Sequence[str]) -> str:
    """Return the name of a group: the member the most speech titles use (the compilers' word), else the strongest."""
    return max(group, key=lambda name: (len(themes.title_terms[name]), -group.index(name)))


def derive_themes(outline: Collection, tokens_of: TokensOf, count: int = DEFAULT_COUNT) -> list[DerivedTheme]:
    """Return up to ``count`` themes of a collection, strongest first."""
    texts = collect_texts(outline, tokens_of)
    themes = Themes(outline, texts, Vocabulary(texts, outline.title, len(outline.speeches)))
    summaries = [Summary(t.speech, t.kind, t.text, t.tokens, tuple(t.terms)) for t in texts if t.kind != "body"]
    chosen: list[DerivedTheme] = []
    taken: set[str] = set()
    for group in group_candidates(themes):
        if len(chosen) >= count:
            break
        name = _group_name(themes, group)
        if taken & set(group):
            continue
        kin = [member for member in group if member not in name]  # 课程 would widen 课程思政
        found = themes.keywords(name, {t.name for t in chosen} | set(kin))
        keywords = (name, *dict.fromkeys(kin + list(found[1:])))[:KEYWORDS_PER_THEME]
        headline = best_headline(name, keywords, summaries, {t.headline for t in chosen})
        if headline is None:
            continue
        speeches = set().union(*(themes.speeches(member) for member in group))
        chosen.append(DerivedTheme(name, headline, keywords, tuple(sorted(speeches)), themes.strength(group[0])))
        taken.update(keywords)
    return chosen
