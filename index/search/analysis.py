"""How text becomes comparable, and how it becomes index tokens.

Matching is defined on *compact* text: NFKC-normalised one character at a time (full-width
letters and digits become half-width, Latin is lower-cased) with all whitespace removed. A query
term matches a page when its compact form is a substring of the page's compact form. Removing
whitespace makes a phrase that PDF extraction broke over two lines still match, the way Ctrl+F
in a viewer does; pages are never joined, so a term never matches across a page break.

Normalisation is per character and keeps the length, so positions found in normalised text are
positions in the original text (snippets highlight the original).

Index tokens are the overlapping UTF-16 code-unit pairs of the compact text, written as 8 hex
digits (plus the last unit of every page alone as 4 digits, so that a one-character query can be a
prefix query). Hex keeps the tokens away from any tokenizer's idea of letters and punctuation, and
the whole conversion runs in C (`bytes.hex`), which is what makes bulk indexing fast. Tokens only
select candidates; every candidate is verified against the compact text, so the result is exact.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Page separator inside stored compact text; removed from page text, so a term never spans it.
PAGE_BREAK = "\x00"


@functools.cache
def _char_map() -> tuple[dict[str, str], re.Pattern[str]]:
    table: dict[str, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        mapped = unicodedata.normalize("NFKC", char).lower()
        if len(mapped) == 1 and mapped != char:
            table[char] = mapped
    pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]")
    return table, pattern


def normalize(text: str) -> str:
    """Per-character NFKC + lower case; the result has the same length as `text`."""
    table, pattern = _char_map()
    return pattern.sub(lambda m: table[m.group()], text)


def compact(text: str) -> str:
    """Normalised text without whitespace (and without NUL, the page separator)."""
    return "".join(normalize(text).replace(PAGE_BREAK, " ").split())


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def gram_tokens(compact_pages: list[str]) -> str:
    """Space-separated index tokens of a document's compact pages (title counts as a page)."""
    parts: list[str] = []
    for page in compact_pages:
        data = _utf16(page)
        if not data:
            continue
        even = len(data) // 4 * 4
        odd = (len(data) - 2) // 4 * 4
        if even:
            parts.append(data[:even].hex(" ", 4))
        if odd:
            parts.append(data[2:2 + odd].hex(" ", 4))
        parts.append(data[-2:].hex())
    return " ".join(parts)


def term_tokens(compact_term: str) -> tuple[list[str], bool]:
    """The tokens a document containing `compact_term` must have.

    Returns (tokens, is_prefix): a one-unit term is a single prefix token (any pair starting with
    it, or a page's last unit); longer terms need every pair they contain.
    """
    data = _utf16(compact_term)
    if len(data) == 2:
        return [data.hex()], True
    tokens = dict.fromkeys(data[i:i + 4].hex() for i in range(0, len(data) - 2, 2))
    return list(tokens), False


@functools.lru_cache(maxsize=256)
def whitespace_tolerant(compact_term: str) -> re.Pattern[str]:
    """A pattern that finds `compact_term` in normalised (not compacted) text."""
    return re.compile(r"\s*".join(re.escape(c) for c in compact_term))
