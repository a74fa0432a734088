"""Duplicates: identical files filed in several places, near-identical text, and speed at 2,000."""
from __future__ import annotations

import random

from index.fingerprint import pieces, signature
from review.checking.rules import RuleConfig, find_duplicates
from review.checking.rules.duplicates import similarity, text_signature
from tests.checks_support import extraction, facts_for, of_rule, settings

_CHARS = "的一是在了和有不人为与中对以及等年月日志愿服务文明城市创建工作开展活动群众社区街道环境整治宣传教育" \
         "组织建设推进落实制度管理检查考核交通秩序市场卫生公共场所未成年人思想道德诚信法治生态绿化垃圾分类"


def _text(rng: random.Random, length: int = 3000) -> str:
    return "".join(rng.choices(_CHARS, k=length))


def _edit(rng: random.Random, text: str, share: float) -> str:
    chars = list(text)
    for i in rng.sample(range(len(chars)), int(len(chars) * share)):
        chars[i] = "改"
    return "".join(chars)


def test_identical_files_under_several_items_and_groups() -> None:
    ex = extraction("志愿服务工作方案" * 50)
    a = facts_for(ex, "方案.docx", items=("Ⅲ-1-1)",), group="XC", path="/宣传组/方案.docx")
    b = facts_for(ex, "方案副本.docx", items=("Ⅲ-3-1)",), group="CG", path="/城管组/方案副本.docx")
    found = of_rule(find_duplicates([(a, ex), (b, ex)]), "MR-DUP-001")
    assert {f.file for f in found} == {a.path, b.path}
    message = next(f.message for f in found if f.file == a.path)
    assert "方案副本.docx（Ⅲ-3-1)，工作组 CG）" in message


def test_one_file_seen_once_is_not_a_duplicate() -> None:
    ex = extraction("志愿服务工作方案" * 50)
    a = facts_for(ex, "方案.docx")
    assert find_duplicates([(a, ex), (a, ex)]) == []


def test_near_identical_text_is_found_and_different_text_is_not() -> None:
    rng = random.Random(7)
    base = _text(rng)
    near = _edit(rng, base, 0.003)
    other = _text(rng)
    docs = [extraction(t) for t in (base, near, other)]
    materials = [(facts_for(ex, f"{i}.docx", path=f"/m/{i}.docx"), ex) for i, ex in enumerate(docs)]
    found = of_rule(find_duplicates(materials), "MR-DUP-002")
    assert {f.file for f in found} == {"/m/0.docx", "/m/1.docx"}
    assert "相同" in found[0].message


def _sig(text: str):
    return signature(pieces(text))


def test_similarity_tracks_the_edit_share() -> None:
    rng = random.Random(11)
    text = _text(rng, 6000)
    assert similarity(_sig(text), _sig(text)) == 1.0
    assert similarity(_sig(text), _sig(_edit(rng, text, 0.003))) >= 0.9
    assert similarity(_sig(text), _sig(_edit(rng, text, 0.05))) < 0.9
    assert similarity(_sig(text), _sig(_text(rng, 6000))) < 0.3


def test_signatures_can_be_stored_and_compared_later() -> None:
    from review.checking.rules import find_duplicates_by_signature
    rng = random.Random(13)
    base = _text(rng)
    stored = [list(text_signature(t)) for t in (base, _edit(rng, base, 0.003), _text(rng))]
    assert stored[0] == list(text_signature(base))  # the same integers in every process
    assert text_signature("太短") is None
    files = [(facts_for(extraction(str(i)), f"{i}.docx", path=f"/m/{i}.docx"), tuple(s)) for i, s in enumerate(stored)]
    found = find_duplicates_by_signature([*files, (files[2][0], None)])
    assert {f.file for f in found if f.rule_id == "MR-DUP-002"} == {"/m/0.docx", "/m/1.docx"}


def test_threshold_and_short_texts() -> None:
    rng = random.Random(3)
    base = _text(rng)
    docs = [extraction(base), extraction(_edit(rng, base, 0.05))]
    materials = [(facts_for(ex, f"{i}.docx", path=f"/m/{i}.docx"), ex) for i, ex in enumerate(docs)]
    strict = RuleConfig.from_settings(settings(rules={"MR-DUP-002": {"similarity": 0.99}}))
    assert of_rule(find_duplicates(materials, strict), "MR-DUP-002") == []
    short = [(facts_for(ex, f"{i}.docx", path=f"/s/{i}.docx"), ex)
             for i, ex in enumerate([extraction("已阅。"), extraction("已阅！")])]
    assert find_duplicates(short) == []


def test_among_two_thousand_documents_only_the_edited_twin_is_found() -> None:
    """Correctness at scale; the time it takes is measured by bench/ingest_bench.py (checks from scratch)."""
    rng = random.Random(5)
    sentences = [_text(rng, 50) for _ in range(3000)]
    materials = []
    for i in range(2000):
        ex = extraction("".join(rng.choices(sentences, k=40)), seed=str(i))
        materials.append((facts_for(ex, f"{i}.docx", path=f"/m/{i}.docx"), ex))
    twin = extraction(_edit(rng, materials[0][1].text, 0.003), seed="twin")
    materials.append((facts_for(twin, "twin.docx", path="/m/twin.docx"), twin))
    found = find_duplicates(materials)
    assert {f.file for f in found} == {"/m/0.docx", "/m/twin.docx"}
