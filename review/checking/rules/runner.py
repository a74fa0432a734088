"""Running the rules: pure functions from extraction results and facts to findings.

- `check_file` runs the file-level rules; call it for every scanned file, mapped or not;
  `check_cached_file` does it from the extraction cache (in the check engine's worker processes,
  which is why this module and what it imports stay clear of the database layer).
- `check_standard` runs the requirement-level rules for one 测评标准 and its materials.
- `find_duplicates` looks across all materials.
- `without_superseded` drops file-level findings that a file's requirements judge instead.

Nothing here touches the database or Qt; the caller stores findings and decides when to re-run
(`RuleConfig.config_fingerprint()` changes when rules or the settings they use change).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from index.cache import ExtractionCache
from index.document import Extraction
from review.checking.rules import (
    cities,
    dates,
    docno,
    image_quality,
    issue_date,
    ledger_rows,
    periods,
    personal_data,
    placeholders,
    quality,
    requirements,
    seal,
    summary_style,
)
from review.checking.rules.config import RuleConfig
from review.checking.rules.context import FileContext
from review.checking.rules.dates import DocumentDate
from review.checking.rules.duplicates import file_signature, find_duplicates
from review.checking.rules.finding import Finding
from review.checking.rules.kinds import KindMatch
from review.checking.rules.material import FileFacts
from review.checking.rules.misfiled import Vocabulary
from review.manual.model import Standard
from review.workspace.settings import WorkspaceSettings

__all__ = ["Vocabulary", "check_file", "check_standard", "document_date", "find_duplicates", "recognise_kinds",
           "sort_findings", "without_superseded"]

FILE_CHECKS: tuple[Callable[[FileContext], list[Finding]], ...] = (
    quality.check, placeholders.check, cities.check, cities.check_leftover_places, personal_data.check, docno.check,
    dates.check, summary_style.check, seal.check, periods.check, ledger_rows.check, issue_date.check,
    image_quality.check,
)
WORKSPACE_WINDOW_RULES = frozenset({"MR-DATE-001", "MR-DATE-004", "MR-DATE-005"})
# A file with hundreds of "XX" needs one fix, not hundreds of lines: list this many per rule.
MAX_PER_RULE = 30


def check_file(material: FileFacts, extraction: Extraction, settings: WorkspaceSettings,
               config: RuleConfig, cache: ExtractionCache | None = None) -> list[Finding]:
    """`cache` keeps what rules measure on the file's pages (seals), by the file's SHA-256."""
    ctx = FileContext(material, extraction, settings, config, cache)
    found: list[Finding] = []
    for family in FILE_CHECKS:
        found += family(ctx)
    return _capped(found)


# (findings, signatures for the duplicate checks as stored) of one file; None when its extraction
# is not in the cache.
FileResult = tuple[list[Finding], dict[str, Any] | None] | None


def check_cached_file(cache_dir: str, settings: WorkspaceSettings, config: RuleConfig, facts: FileFacts,
                      standards: tuple[Standard, ...]) -> FileResult:
    """`check_file` on the cached extraction of the file's bytes, plus its signatures for the
    duplicate checks (`duplicates.FileSignature.to_json`)."""
    cache = ExtractionCache(cache_dir)
    extraction = cache.get(facts.sha256)
    if extraction is None:
        return None
    # A file filed only under standards with their own date window is judged by those windows.
    findings = without_superseded(check_file(facts, extraction, settings, config, cache), list(standards))
    signature = file_signature(extraction, config)
    return findings, signature.to_json() if signature else None


def check_standard(standard: Standard, materials: Sequence[tuple[FileFacts, Extraction]],
                      settings: WorkspaceSettings, config: RuleConfig, vocabulary: Vocabulary | None = None) -> list[Finding]:
    """`vocabulary`: the words of the group's standards (`Vocabulary(standards)`), to tell a file that belongs
    to another standard (MR-KEY-002); without it that rule does not run."""
    contexts = [FileContext(facts, extraction, settings, config) for facts, extraction in materials]
    return _capped(requirements.check(standard, contexts, config, vocabulary))


def without_superseded(file_findings: Sequence[Finding], standards: Sequence[Standard]) -> list[Finding]:
    """A file's findings minus those its requirements judge instead.

    A file mapped only to standards that set their own date window is judged against those windows
    (MR-DATE-003 from `check_standard`), not against the workspace's: the workspace window's rules
    (the material's date, the period it covers, its 台账 rows) do not apply to it.
    """
    if standards and all(s.requirement is not None and s.requirement.window for s in standards):
        return [f for f in file_findings if f.rule_id not in WORKSPACE_WINDOW_RULES]
    return list(file_findings)


def recognise_kinds(material: FileFacts, extraction: Extraction, settings: WorkspaceSettings) -> list[KindMatch]:
    """The kinds a material is recognised as, each with its reason (for the material's detail view)."""
    return FileContext(material, extraction, settings, RuleConfig()).kinds


def document_date(material: FileFacts, extraction: Extraction, settings: WorkspaceSettings) -> DocumentDate | None:
    """The date the material is judged by and where it came from."""
    return FileContext(material, extraction, settings, RuleConfig()).document_date


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Most serious first, then by file, page and rule."""
    return sorted(findings, key=lambda f: (f.severity.rank, f.file, f.item_code, f.page or 0, f.rule_id, f.location))


def _capped(findings: list[Finding]) -> list[Finding]:
    per_key: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for finding in findings:
        per_key[(finding.rule_id, finding.file, finding.item_code)].append(finding)
    out: list[Finding] = []
    for group in per_key.values():
        if len(group) > MAX_PER_RULE:
            kept = group[:MAX_PER_RULE]
            kept[-1] = replace(kept[-1], message=f"{kept[-1].message}（同类问题另有 {len(group) - MAX_PER_RULE} 处未逐一列出。）")
            group = kept
        out += group
    return out

