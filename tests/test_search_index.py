"""Search behaviour a user notices: numbers and Latin, pages and snippets, ranking, filters, updates."""
from __future__ import annotations

import datetime
import threading
from pathlib import Path

import pytest

from index.search import (
    ENGINES,
    SearchDoc,
    SearchQuery,
    TextStoreIndex,
    open_search_index,
    search_index_class,
)
from index.search.snippets import SNIPPET_CHARS


class Corpus:
    """Documents by id, standing in for the extraction cache the application passes as page_texts."""

    def __init__(self) -> None:
        self.docs: dict[str, SearchDoc] = {}

    def add(self, doc_id: str, pages: list[str], *, title: str | None = None, group: str = "城管组",
            items: list[str] | None = None, file_type: str = "pdf", date: datetime.date | None = None) -> SearchDoc:
        doc = SearchDoc(doc_id, title or f"{doc_id}.pdf", f"/材料/{doc_id}.pdf", group, items or [], file_type,
                        date, pages)
        self.docs[doc_id] = doc
        return doc

    def page_texts(self, doc_id: str) -> list[str] | None:
        doc = self.docs.get(doc_id)
        return doc.pages if doc else None


def ids(index: TextStoreIndex, text: str, **filters) -> list[str]:
    return [hit.doc_id for hit in index.search(SearchQuery(text, limit=0, **filters)).hits]


@pytest.fixture
def corpus() -> Corpus:
    return Corpus()


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def index(tmp_path: Path, corpus: Corpus, engine: str):
    ix = search_index_class(engine)(tmp_path / "search-index", corpus.page_texts)
    yield ix
    ix.close()


def test_document_numbers_years_and_latin_words_are_found(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many([
        corpus.add("right", ["焦文明〔2019〕12号 关于印发工作方案的通知，2019年3月起实施。ABC公司承办"]),
        corpus.add("wrong_brackets", ["焦文明[2019]12号 关于印发工作方案的通知"]),
        corpus.add("fullwidth", ["ＡＢＣ公司 ２０１９年度 总结"]),
    ])
    assert ids(index, "〔2019〕12号") == ["right"]
    assert ids(index, "[2019]12号") == ["wrong_brackets"]
    assert sorted(ids(index, "2019年")) == ["fullwidth", "right"]
    assert sorted(ids(index, "abc")) == ["fullwidth", "right"]
    assert sorted(ids(index, "ＡＢＣ公司")) == ["fullwidth", "right"]
    assert ids(index, "2020年") == []


def test_line_breaks_inside_a_phrase_do_not_hide_it_but_page_breaks_do(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many([
        corpus.add("wrapped", ["全面整治背街\n小巷环境"]),
        corpus.add("split", ["第一页末尾是背街", "小巷在第二页开头"]),
    ])
    assert ids(index, "背街小巷") == ["wrapped"]
    hit = index.search(SearchQuery("背街小巷")).hits[0]
    snippet = hit.pages[0]
    start, end = snippet.highlights[0]
    assert snippet.snippet[start:end] == "背街 小巷"  # the line break shown as a space, highlighted


def test_boolean_operators_and_phrases(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many([
        corpus.add("both", ["背街小巷整治台账"]),
        corpus.add("streets", ["背街小巷整治图片"]),
        corpus.add("ledger", ["志愿服务台账"]),
    ])
    assert ids(index, "背街小巷 台账") == ["both"]
    assert ids(index, "背街小巷 AND 台账") == ["both"]
    assert sorted(ids(index, "图片 OR 志愿服务")) == ["ledger", "streets"]
    assert sorted(ids(index, "图片 | 志愿服务")) == ["ledger", "streets"]
    assert ids(index, "背街小巷 -台账") == ["streets"]
    assert ids(index, "背街小巷 NOT 台账") == ["streets"]
    assert sorted(ids(index, "(图片 OR 台账) 整治")) == ["both", "streets"]
    assert ids(index, '"整治 台账"') == ["both"]
    assert ids(index, '"台账 整治"') == []
    assert ids(index, "背街小巷 (台账") == ["both"]  # an unbalanced parenthesis is forgiven


def test_hits_give_page_numbers_and_snippets_around_the_hit(index: TextStoreIndex, corpus: Corpus) -> None:
    filler = "按照创建工作要求，各单位认真组织开展各项活动并做好记录。" * 6
    pages = [filler, filler + "建立门前三包责任制台账" + filler, filler, "门前三包" + filler, "门前三包", "门前三包"]
    index.update(corpus.add("long", pages))
    hit = index.search(SearchQuery("门前三包")).hits[0]
    assert [p.page for p in hit.pages] == [2, 4, 5]  # at most three pages, in page order
    for page in hit.pages:
        assert len(page.snippet) <= SNIPPET_CHARS + 2
        assert [page.snippet[s:e] for s, e in page.highlights] == ["门前三包"]
    middle = hit.pages[0].snippet
    assert middle.startswith("…") and middle.endswith("…") and "责任制台账" in middle
    assert hit.matched_terms == ["门前三包"]


def test_snippets_fall_back_to_indexed_text_when_the_page_texts_are_gone(index: TextStoreIndex, corpus: Corpus) -> None:
    index.update(corpus.add("gone", ["第一页", "第二页有应急预案演练记录"]))
    del corpus.docs["gone"]
    hit = index.search(SearchQuery("应急预案")).hits[0]
    assert hit.pages[0].page == 2
    assert "应急预案" in hit.pages[0].snippet


def test_title_hits_rank_first_then_the_whole_phrase(index: TextStoreIndex, corpus: Corpus) -> None:
    body = "背街小巷，" * 8 + "台账，" * 8
    index.add_many([
        corpus.add("many", [body]),
        corpus.add("phrase", ["背街小巷台账一份"]),
        corpus.add("titled", ["只提到一次背街小巷，另有台账"], title="背街小巷整治台账.docx"),
    ])
    assert ids(index, "背街小巷 台账") == ["titled", "phrase", "many"]
    results = index.search(SearchQuery("背街小巷 台账", limit=2))
    assert [h.doc_id for h in results.hits] == ["titled", "phrase"] and results.total == 3


def test_filters_by_group_item_type_and_date(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many([
        corpus.add("a", ["志愿服务活动方案"], group="宣传组", items=["Ⅱ-1-1)-①"], file_type="docx",
                   date=datetime.date(2025, 9, 1)),
        corpus.add("b", ["志愿服务活动图片"], group="宣传组", items=["Ⅱ-1-2)"], file_type="jpeg",
                   date=datetime.date(2026, 3, 1)),
        corpus.add("c", ["志愿服务台账"], group="城管组", items=["Ⅱ-1-1)-①"], file_type="pdf"),
    ])
    assert sorted(ids(index, "志愿服务", group="宣传组")) == ["a", "b"]
    assert sorted(ids(index, "志愿服务", items=["Ⅱ-1-1)-①"])) == ["a", "c"]
    assert ids(index, "志愿服务", file_types=["jpeg", "png"]) == ["b"]
    assert ids(index, "志愿服务", date_from=datetime.date(2026, 1, 1)) == ["b"]
    assert ids(index, "志愿服务", date_to=datetime.date(2025, 12, 31)) == ["a"]
    assert sorted(ids(index, "", group="宣传组")) == ["a", "b"]  # no words: everything the filters keep
    hit = index.search(SearchQuery("方案")).hits[0]
    assert (hit.items, hit.file_type, hit.date, hit.group) == (["Ⅱ-1-1)-①"], "docx", datetime.date(2025, 9, 1), "宣传组")


def test_update_remove_and_mapping_changes_show_at_once(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many([corpus.add("x", ["旧版本的工作方案"]), corpus.add("y", ["另一份工作方案"])])
    index.update(corpus.add("x", ["新版本的实施意见"]))
    assert ids(index, "旧版本") == []
    assert ids(index, "新版本") == ["x"]
    assert ids(index, "工作方案") == ["y"]
    assert index.set_items("y", ["Ⅲ-1-1)"])
    assert ids(index, "", items=["Ⅲ-1-1)"]) == ["y"]
    assert index.set_items("y", [])
    assert ids(index, "", items=["Ⅲ-1-1)"]) == []
    assert not index.set_items("missing", ["Ⅲ-1-1)"])
    assert index.remove(["x", "missing"]) == 1
    assert ids(index, "新版本") == [] and index.doc_count() == 1


def test_another_instance_sees_committed_documents(tmp_path: Path, corpus: Corpus, engine: str) -> None:
    writer = search_index_class(engine)(tmp_path / "ix", corpus.page_texts)
    reader = search_index_class(engine)(tmp_path / "ix", corpus.page_texts)
    with writer.bulk_writer() as bulk:
        bulk.add(corpus.add("one", ["创建全国文明城市"]))
        bulk.commit()
        assert ids(reader, "文明城市") == ["one"]  # visible while the bulk writer is still open
        bulk.add(corpus.add("two", ["全国文明城市测评"]))
    assert sorted(ids(reader, "文明城市")) == ["one", "two"]
    writer.update(corpus.add("one", ["已改写"]))
    assert ids(reader, "文明城市") == ["two"]
    writer.close()
    reader.close()


def test_add_many_takes_a_generator_and_reports_progress(tmp_path: Path, corpus: Corpus, engine: str) -> None:
    seen: list[tuple[int, int | None]] = []
    index = open_search_index(tmp_path / "ix", corpus.page_texts, engine=engine)
    added = index.add_many((corpus.add(f"d{n}", [f"第{n}号文件 全民阅读"]) for n in range(250)),
                           lambda done, total: seen.append((done, total)))
    assert added == 250 and index.doc_count() == 250
    assert seen[-1] == (250, None) and seen[0][0] < 250
    assert index.search(SearchQuery("全民阅读", limit=5)).total == 250
    assert ids(index, "第17号") == ["d17"]
    index.close()


def test_searching_from_several_threads_while_writing(index: TextStoreIndex, corpus: Corpus) -> None:
    index.add_many(corpus.add(f"d{n}", ["网格化管理台账"]) for n in range(20))
    failures: list[BaseException] = []

    def search_repeatedly() -> None:
        try:
            for _ in range(20):
                assert index.search(SearchQuery("网格化", limit=0)).total >= 20
        except BaseException as error:  # reported to the main thread
            failures.append(error)

    threads = [threading.Thread(target=search_repeatedly) for _ in range(3)]
    for thread in threads:
        thread.start()
    for n in range(20, 30):
        index.update(corpus.add(f"d{n}", ["网格化管理"]))
    for thread in threads:
        thread.join()
    assert not failures
    assert index.search(SearchQuery("网格化")).total == 30
