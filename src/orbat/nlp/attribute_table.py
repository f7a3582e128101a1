"""spaCy's attribute ruler, applied as table look-ups: the same annotations, a fraction of the time.

The English pipeline's ``attribute_ruler`` maps each token's fine tag to its coarse part of
speech and morphology, with ~120 exceptions keyed on the lower-case form and the dependency
label. spaCy runs it as a token Matcher over every token of every document: about a tenth of the
whole model's time on news text. The rules only look at four attributes of a token (TAG, LOWER,
DEP, IS_SPACE) and at most two tokens at a time, so the same decision can be made once per
distinct (tag, lower, dep, is-space) and remembered.

:func:`use_attribute_table` puts :class:`AttributeTable` in the ruler's place (the ruler stays in
the pipeline, disabled) when every rule is of a shape it reads; otherwise it leaves the ruler
alone. It reads the model's own rules, so a new model version brings its own table. Semantics are
the ruler's: every rule is matched against the annotations as they were before any is applied;
rules apply in the order they were added, a later rule overriding an earlier one on the same
attribute. ``tests/nlp/test_attribute_table.py`` checks the outputs are identical on real text.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["AttributeTable", "use_attribute_table", "TABLE_NAME"]

TABLE_NAME = "orbat_attribute_table"
_READ = (TAG, LOWER, DEP, IS_SPACE)  # the token attributes the rules may test
_READ_NAMES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = (POS, MORPH, LEMMA)  # the attributes set through Doc.from_array; TAG and DEP are set per token
_MEMO_MAX = 200_000  # distinct keys remembered (~30k per 800 news articles)
Key = tuple[int, int, int, int]  # a token's (tag, lower, dep, is_space) as spaCy's ints
Test = Callable[[Key], bool]


class UnsupportedRule(ValueError):
    """A rule of a shape the table does not read: the spaCy ruler keeps the job."""


@dataclass(frozen=True, slots=True)
class _Rule:
    tokens: tuple[tuple[Test, ...], ...]  # one sequence of tests per token of the pattern
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value) as the ruler normalised them
    index: int  # which token of the match receives the attributes
    gate: tuple[int, frozenset[int]] | None  # the (column, values) its first token must have, if any


_Hit = tuple[int, tuple[tuple[int, int], ...]]  # (rule number, the attributes it sets)


@dataclass(frozen=True, slots=True)
class _Looked:
    """What the single-token rules do to a token of one key, and which longer rules may start on it."""

    hits: tuple[_Hit, ...]
    merged: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]


class AttributeTable:
    """``Doc -> Doc``: sets POS, MORPH, LEMMA (and TAG, DEP where a rule says) as the ruler would."""

    def __init__(self, rules: Sequence[tuple[Sequence[Sequence[dict[str, Any]]], dict[int, int], int]],
                 strings: Any) -> None:  # fmt: skip
        self._singles: list[tuple[int, _Rule]] = []
        self._multi: list[tuple[int, _Rule]] = []
        for number, (patterns, attrs, index) in enumerate(rules):
            for pattern in patterns:
                tests = tuple(_token_tests(t, strings) for t in pattern)
                rule = _Rule(tests, tuple(attrs.items()), index, _gate(pattern[0], strings))
                if not -len(rule.tokens) <= index < len(rule.tokens):
                    raise UnsupportedRule(f"rule {number}: index {index} outside its pattern")
                (self._singles if len(rule.tokens) == 1 else self._multi).append((number, rule))
        # rules by the tag or lower-case form their first token requires, so a new key tries its own only
        self._index_singles, self._index_multi = _RuleIndex(self._singles), _RuleIndex(self._multi)
        self._memo: dict[Key, _Looked] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = [tuple(row) for row in doc.to_array(list(_READ)).tolist()]
        looked = [self._memo.get(k) or self._look(k) for k in keys]
        effects = [found.merged for found in looked]
        for target, hits in self._multi_matches(keys, looked).items():  # rare: merge again in rule order
            effects[target] = _merge([*looked[target].hits, *hits])
        values = doc.to_array(list(_ARRAY))
        changed = False
        for i, effect in enumerate(effects):
            for attr, value in effect:
                if attr in _ARRAY_COLUMN:
                    values[i, _ARRAY_COLUMN[attr]] = value
                    changed = True
                else:  # TAG or DEP: on whitespace tokens only, in the English model
                    setattr(doc[i], "tag" if attr == TAG else "dep", value)
        if changed:
            doc.from_array(list(_ARRAY), values)
        return doc

    def _look(self, key: Key) -> _Looked:
        singles = [self._singles[i] for i in self._index_singles.tried(key)]
        hits = tuple((n, rule.attrs) for n, rule in singles if _passes(rule.tokens[0], key))
        starts = tuple(i for i in self._index_multi.tried(key) if _passes(self._multi[i][1].tokens[0], key))
        if len(self._memo) >= _MEMO_MAX:  # a bound on memory over a long run: start again
            self._memo.clear()
        found = self._memo[key] = _Looked(hits, _merge(hits), starts)
        return found

    def _multi_matches(self, keys: list[Key], looked: list[_Looked]) -> dict[int, list[_Hit]]:
        """Targets of the rules over several tokens, tried only where a first token passed."""
        out: dict[int, list[_Hit]] = {}
        for start, found in enumerate(looked):
            for i in found.starts:
                number, rule = self._multi[i]
                width = len(rule.tokens)
                if start + width <= len(keys) and all(_passes(rule.tokens[j], keys[start + j]) for j in range(1, width)):
                    out.setdefault(start + rule.index % width, []).append((number, rule.attrs))
        return out


class _RuleIndex:
    """Positions of rules in a list, by the (column, value) their first token requires."""

    def __init__(self, rules: Sequence[tuple[int, _Rule]]) -> None:
        self._gated: dict[tuple[int, int], list[int]] = {}
        self._open: list[int] = []  # rules that require neither a tag nor a form
        for position, (_, rule) in enumerate(rules):
            if rule.gate is None:
                self._open.append(position)
            for value in rule.gate[1] if rule.gate else ():
                self._gated.setdefault((rule.gate[0], value), []).append(position)

    def tried(self, key: Key) -> list[int]:
        """The rules that may pass a token of this key, in their order."""
        return sorted({*self._open, *self._gated.get((0, key[0]), ()), *self._gated.get((1, key[1]), ())})


def _passes(tests: tuple[Test, ...], key: Key) -> bool:
    return all(t(key) for t in tests)


_ARRAY_COLUMN = {attr: column for column, attr in enumerate(_ARRAY)}


def _merge(hits: Sequence[_Hit]) -> tuple[tuple[int, int], ...]:
    """The attributes a token ends with when rules apply in number order (the last writer wins)."""
    final: dict[int, int] = {}
    for _, attrs in sorted(hits, key=lambda h: h[0]):
        final.update(attrs)
    return tuple(final.items())


def _gate(spec: dict[str, Any], strings: Any) -> tuple[int, frozenset[int]] | None:
    """The (column, values) a token must have for the rule to pass it: its TAG, else its LOWER."""
    for name in ("TAG", "LOWER"):
        want = spec.get(name)
        if isinstance(want, str):
            return _READ_NAMES[name], frozenset((int(strings[want]),))
        if isinstance(want, dict) and list(want) == ["IN"]:
            return _READ_NAMES[name], frozenset(int(strings[v]) for v in want["IN"])
    return None


def _token_tests(spec: dict[str, Any], strings: Any) -> tuple[Test, ...]:
    tests = []
    for name, want in spec.items():
        if name not in _READ_NAMES:
            raise UnsupportedRule(f"attribute {name!r} in a pattern")
        tests.append(_test(_READ_NAMES[name], want, strings))
    return tuple(tests)


def _test(column: int, want: Any, strings: Any) -> Test:
    def as_int(value: Any) -> int:
        if column == 3:  # IS_SPACE: a flag, stored as 0 or 1
            return int(bool(value))
        return int(strings[value]) if isinstance(value, str) else int(value)

    if not isinstance(want, dict):
        value = as_int(want)
        return lambda key: key[column] == value
    if len(want) != 1:
        raise UnsupportedRule(f"predicate {want!r}")
    (op, arg), = want.items()  # fmt: skip
    if op in ("IN", "NOT_IN"):
        values = frozenset(as_int(v) for v in arg)
        return (lambda key: key[column] in values) if op == "IN" else (lambda key: key[column] not in values)
    if op == "REGEX" and column in (0, 1, 2):
        pattern = re.compile(arg)
        return lambda key: pattern.search(strings[key[column]]) is not None
    raise UnsupportedRule(f"predicate {op!r}")


def use_attribute_table(nlp: Language) -> bool:
    """Run ``nlp``'s attribute ruler as an :class:`AttributeTable` (True), or leave it be (False)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        _table_of(nlp)
    except UnsupportedRule:
        return False
    nlp.add_pipe(TABLE_NAME, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True


def _table_of(nlp: Language) -> AttributeTable:
    ruler = nlp.get_pipe("attribute_ruler")
    rules = [(ruler.matcher.get(str(i))[1], attrs, ruler.indices[i]) for i, attrs in enumerate(ruler.attrs)]
    return AttributeTable(rules, nlp.vocab.strings)


@Language.factory(TABLE_NAME, requires=["token.tag", "token.dep"], assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """spaCy's factory: the table of the pipeline's own ``attribute_ruler``."""
    del name
    return _table_of(nlp)
