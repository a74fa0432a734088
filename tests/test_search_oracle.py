"""The correctness bar: search returns exactly the documents a plain substring scan finds.

The definition both sides share: a term matches when it occurs in the title or in one page, with
whitespace ignored (PDF extraction breaks lines inside sentences); never across a page break.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from index.search import ENGINES, SearchDoc, SearchQuery, TextStoreIndex, search_index_class

PHRASES = [
    "创建全国文明城市", "工作方案", "背街小巷", "环境卫生整治", "志愿服务", "社会主义核心价值观", "宣传教育",
    "未成年人思想道德建设", "公共场所秩序", "文明出行", "市场监管", "食品安全", "社区网格化管理", "台账",
    "会议纪要", "关于印发", "的通知", "实施意见", "领导小组办公室", "责任分工", "督查整改", "落实情况",
    "情况说明", "工作总结", "农贸市场", "公益广告", "诚信建设", "学雷锋活动", "好家风好家教", "道德模范",
    "新时代文明实践中心", "关爱帮扶", "无障碍设施", "垃圾分类", "门前三包", "占道经营", "噪声污染",
    "应急预案", "网络文明传播", "全民阅读", "校外培训", "政务公开", "便民服务热线", "群众满意度",
    "测评指标", "申报材料", "区县", "街道", "乡镇", "居委会", "〔2019〕12号", "2021年3月", "第一季度",
]
PUNCTUATION = ["，", "。", "、", "；", "：", "（一）", "“", "”"]


def make_page(rng: random.Random) -> str:
    parts: list[str] = []
    while sum(map(len, parts)) < rng.randint(60, 220):
        parts.append(rng.choice(PHRASES))
        roll = rng.random()
        if roll < 0.25:
            parts.append(rng.choice(PUNCTUATION))
        elif roll < 0.32:
            parts.append("\n")  # a line break inside running text
    return "".join(parts)


def visible(text: str) -> str:
    return "".join(text.split())


def title(doc_id: str) -> str:
    return f"{doc_id}.pdf"


def oracle(corpus: dict[str, list[str]], term: str) -> set[str]:
    return {doc_id for doc_id, pages in corpus.items()
            if term in title(doc_id) or any(term in visible(page) for page in pages)}


@pytest.fixture(scope="module", params=ENGINES)
def indexed(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> tuple[TextStoreIndex, dict[str, list[str]]]:
    rng = random.Random(20260801)
    corpus = {f"d{n:03d}": [make_page(rng) for _ in range(rng.randint(1, 4))] for n in range(240)}
    index = search_index_class(request.param)(Path(tmp_path_factory.mktemp("oracle")) / "ix", corpus.get)
    index.add_many(SearchDoc(doc_id, title(doc_id), f"/m/{doc_id}.pdf", "g", pages=pages)
                   for doc_id, pages in corpus.items())
    yield index, corpus
    index.close()


def random_queries(corpus: dict[str, list[str]], rng: random.Random) -> list[str]:
    pages = [visible(p) for pages in corpus.values() for p in pages]
    present = []
    while len(present) < 240:
        page = rng.choice(pages)
        size = rng.randint(2, 8)
        if len(page) > size:
            start = rng.randrange(len(page) - size)
            present.append(page[start:start + size])
    pool = "".join(PHRASES)
    absent = ["".join(rng.choice(pool) for _ in range(rng.randint(2, 6))) for _ in range(80)]
    singles = [rng.choice(pool) for _ in range(10)]
    return present + absent + singles + ["背街小巷工作方案", "文明城市街道", "模范台账"]


def test_every_query_returns_exactly_the_documents_that_contain_it(indexed) -> None:
    index, corpus = indexed
    queries = random_queries(corpus, random.Random(7))
    empty_expected = 0
    for term in queries:
        expected = oracle(corpus, term)
        empty_expected += not expected
        results = index.search(SearchQuery(f'"{term}"', limit=0))
        found = {hit.doc_id for hit in results.hits}
        assert found == expected, (term, sorted(found - expected), sorted(expected - found))
        assert results.total == len(expected)
    assert len(queries) >= 300 and empty_expected >= 20  # absent strings were really tried


def test_boolean_combinations_agree_with_the_scan(indexed) -> None:
    index, corpus = indexed
    rng = random.Random(11)
    docs = set(corpus)
    for _ in range(30):
        a, b = rng.sample(PHRASES[:50], 2)
        sa, sb = oracle(corpus, a), oracle(corpus, b)
        cases = {f"{a} {b}": sa & sb, f"{a} OR {b}": sa | sb, f"{a} -{b}": sa - sb,
                 f"NOT {a}": docs - sa, f"({a} | {b}) -{a}": sb - sa}
        for text, expected in cases.items():
            found = {hit.doc_id for hit in index.search(SearchQuery(text, limit=0)).hits}
            assert found == expected, text


def test_each_hit_names_exactly_the_pages_that_contain_the_term(indexed) -> None:
    index, corpus = indexed
    for term in ["背街小巷", "台账", "〔2019〕12号", "志愿服务"]:
        for hit in index.search(SearchQuery(term, limit=0)).hits:
            pages = [n for n, page in enumerate(corpus[hit.doc_id], 1) if term in visible(page)]
            assert [p.page for p in hit.pages] == pages[:3]
            for page in hit.pages:
                assert any(visible(page.snippet[s:e]) == term for s, e in page.highlights)
