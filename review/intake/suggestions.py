"""Suggested mappings for unmapped files, ranked by how well their text matches each requirement.

For every 测评标准 a group owns, the words that describe it — the manual's required keywords and the
content words of the standard's title (segmented with jieba) — are looked up in the full-text index,
limited to the group. A file scores for a standard by the words it contains, rarer words counting
more (a word found in every file says nothing). Suggestions carry the matched words as their reason
and are only applied when a person accepts one (`review.intake.mapping.assign(..., source="suggestion")`).
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from index.search import SearchQuery
from review.intake.mapping import unmapped_files
from review.intake.search import SearchService
from review.manual.assignment import group_standard_codes
from review.manual.store import current_manual
from review.manual.terms import standard_terms
from review.workspace.folder import Workspace
from review.workspace.groups import get_group

MIN_SCORE = 1.5
PER_FILE = 3


@dataclass
class Suggestion:
    item_code: str
    title: str
    score: float
    matched: list[str]

    @property
    def reason(self) -> str:
        return f"文件中出现了“{'”“'.join(self.matched)}”"


@dataclass
class FileSuggestions:
    material_id: int
    path: str
    suggestions: list[Suggestion] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "suggestions": [
            {"item": s.item_code, "title": s.title, "score": round(s.score, 2), "matched": s.matched, "reason": s.reason}
            for s in self.suggestions]}


def suggest(workspace: Workspace, group_code: str) -> list[FileSuggestions]:
    """Up to three ranked suggestions for each unmapped file of the group."""
    with workspace.session() as session:
        group = get_group(session, group_code)
        manual = current_manual(session)
        codes = group_standard_codes(session, group, manual) if manual else []
        files = unmapped_files(session, group_code)
    if not files or manual is None:
        return []
    wanted = {str(f.material_id): f for f in files}
    standards = [s for s in (manual.standard(c) for c in codes) if s is not None]
    with SearchService.open(workspace) as service:
        total = max(1, service.index.doc_count())
        hits_of: dict[str, set[str]] = {}
        for term in {t for s in standards for t in standard_terms(s)}:
            results = service.search(SearchQuery(f'"{term}"', group=group_code, limit=0))
            hits_of[term] = {h.doc_id for h in results.hits}
    scores: dict[str, dict[str, tuple[float, list[str]]]] = defaultdict(dict)
    for standard in standards:
        for term, weight in standard_terms(standard).items():
            docs = hits_of.get(term, set())
            if not docs:
                continue
            rarity = math.log(1 + total / len(docs))
            for doc_id in docs & wanted.keys():
                score, matched = scores[doc_id].get(standard.code, (0.0, []))
                scores[doc_id][standard.code] = (score + weight * rarity, [*matched, term])
    out = []
    for doc_id, file in wanted.items():
        ranked = sorted(
            (Suggestion(code, manual.standard(code).title, score, matched)  # type: ignore[union-attr]
             for code, (score, matched) in scores.get(doc_id, {}).items() if score >= MIN_SCORE),
            key=lambda s: (-s.score, s.item_code))
        out.append(FileSuggestions(file.material_id, file.path, ranked[:PER_FILE]))
    return sorted(out, key=lambda f: f.path)
