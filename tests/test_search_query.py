"""The query language and the text rules shared by both sides of matching."""
from __future__ import annotations

from index.search.analysis import compact, normalize
from index.search.query import And, Not, Or, Term, evaluate, parse_query, positive_terms
from index.search.snippets import page_hit


def keys(text: str) -> list[str]:
    return [t.key for t in positive_terms(parse_query(text))]


def matches(query: str, text: str) -> bool:
    tree = parse_query(query)
    return tree is not None and evaluate(tree, lambda key: key in compact(text))


def test_operators_and_precedence() -> None:
    assert parse_query("背街小巷 台账 OR 图片") == Or((And((Term("背街小巷", "背街小巷"), Term("台账", "台账"))),
                                                   Term("图片", "图片")))
    assert parse_query("台账 -图片") == And((Term("台账", "台账"), Not(Term("图片", "图片"))))
    assert matches("(背街 | 小巷) 台账", "小巷台账")
    assert not matches("(背街 | 小巷) 台账", "背街图片")
    assert matches("NOT 图片", "台账") and not matches("NOT 图片", "图片台账")
    assert matches("台账 AND 整治", "整治台账")


def test_lower_case_words_and_dashes_inside_terms_are_text() -> None:
    assert keys("or not and") == ["or", "not", "and"]
    assert keys("2019-12 〔2019〕12号") == ["2019-12", "〔2019〕12号"]
    assert positive_terms(parse_query("-图片")) == []


def test_odd_input_never_raises() -> None:
    for text in ['"', "((", ")", "OR", "NOT", "- -", "a OR OR b", '"未闭合的引号 台账', "AND AND", ""]:
        parse_query(text)
    assert parse_query("   ") is None and parse_query("NOT") is None
    assert keys('"未闭合的引号 台账') == ["未闭合的引号台账"]
    assert keys("a OR") == ["a"]


def test_normalisation_keeps_length_and_unifies_widths_and_case() -> None:
    text = "ＡＢＣ公司２０１９年，Word文档\u3000第Ⅱ部分"
    assert len(normalize(text)) == len(text)
    assert normalize("ＡＢＣ２０１９") == "abc2019"
    assert compact("背街\n小巷　台账") == "背街小巷台账"
    assert compact("〔2019〕") == "〔2019〕"  # brackets are kept apart from [2019]


def test_snippet_is_cut_around_the_first_hit_of_any_term() -> None:
    text = "甲" * 100 + "门前三包" + "乙" * 30 + "台账" + "丙" * 100
    hit = page_hit(3, text, ["台账", "门前三包"])
    assert hit is not None and hit.page == 3
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["门前三包", "台账"]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert page_hit(1, text, ["不存在"]) is None
