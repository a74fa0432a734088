"""The query language, parsed leniently into a small tree.

    背街小巷 台账          both terms (space = AND; `AND` may be written too)
    背街小巷 OR 门前三包   either (`|` too)
    台账 NOT 图片, 台账 -图片   the first without the second
    "创建 工作 方案"       a quoted phrase (whitespace inside is ignored like everywhere)
    (背街 OR 小巷) 台账    parentheses group

Operators are upper case; `or` and `not` in lower case are ordinary words. A term matches by
substring on compact text (see `analysis`). Nothing here raises: unbalanced quotes and
parentheses and dangling operators are ignored, so whatever a user types gets a result.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.search.analysis import compact


@dataclass(frozen=True)
class Term:
    text: str  # as the user typed it
    key: str  # compact form used for matching


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | And | Or | Not

_OR, _AND, _NOT, _OPEN, _CLOSE = "OR", "AND", "NOT", "(", ")"


def _lex(text: str) -> list[tuple[str, str]]:
    """Tokens as (kind, value): kind is an operator name, "term" or "phrase"."""
    tokens: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            tokens.append(("phrase", text[i + 1:end]))
            i = end + 1
        elif char == "|":
            tokens.append((_OR, char))
            i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in '"|':
                j += 1
            tokens.extend(_word_tokens(text[i:j]))
            i = j
    return tokens


def _word_tokens(word: str) -> list[tuple[str, str]]:
    if word in (_OR, _AND, _NOT):
        return [(word, word)]
    opens = len(word) - len(word.lstrip("("))
    word = word[opens:]
    closes = len(word) - len(word.rstrip(")"))
    word = word[:len(word) - closes]
    middle: list[tuple[str, str]] = []
    if word.startswith("-") and len(word) > 1:
        middle = [(_NOT, "-"), ("term", word[1:])]
    elif word:
        middle = [("term", word)]
    return [(_OPEN, "(")] * opens + middle + [(_CLOSE, ")")] * closes


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node | None:
        nodes: list[Node] = []
        while self.peek() is not None:
            node = self.or_expr()
            if node is not None:
                nodes.append(node)
            if self.peek() == _CLOSE:  # a stray ")" at top level
                self.take()
        return _combine(And, nodes)

    def or_expr(self) -> Node | None:
        branches = [self.and_expr()]
        while self.peek() == _OR:
            self.take()
            branches.append(self.and_expr())
        return _combine(Or, [b for b in branches if b is not None])

    def and_expr(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() not in (None, _OR, _CLOSE):
            if self.peek() == _AND:
                self.take()
                continue
            node = self.unary()
            if node is not None:
                parts.append(node)
        return _combine(And, parts)

    def unary(self) -> Node | None:
        kind, value = self.take()
        if kind == _NOT:
            if self.peek() in (None, _OR, _CLOSE, _AND):
                return None
            child = self.unary()
            return Not(child) if child is not None else None
        if kind == _OPEN:
            node = self.or_expr()
            if self.peek() == _CLOSE:
                self.take()
            return node
        key = compact(value)
        return Term(value.strip(), key) if key else None


def _combine(kind: type[And] | type[Or], nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0]
    return kind(tuple(nodes))


def parse_query(text: str) -> Node | None:
    """The query tree, or None when the text holds no term at all."""
    return _Parser(_lex(text)).parse()


def evaluate(node: Node, contains: Callable[[str], bool]) -> bool:
    """Whether a document satisfies `node`, given a test for one compact term."""
    if isinstance(node, Term):
        return contains(node.key)
    if isinstance(node, And):
        return all(evaluate(child, contains) for child in node.children)
    if isinstance(node, Or):
        return any(evaluate(child, contains) for child in node.children)
    return not evaluate(node.child, contains)


def positive_terms(node: Node | None) -> list[Term]:
    """Terms that count towards a match (not under NOT), each once, in query order."""
    found: dict[str, Term] = {}

    def walk(n: Node) -> None:
        if isinstance(n, Term):
            found.setdefault(n.key, n)
        elif isinstance(n, And | Or):
            for child in n.children:
                walk(child)

    if node is not None:
        walk(node)
    return list(found.values())
