"""Everything file-level rules need about one material, computed once and shared."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from index.cache import ExtractionCache
from index.document import Extraction
from review.checking.rules import dates, docno
from review.checking.rules import kinds as kind_rules
from review.checking.rules.catalogue import make_finding
from review.checking.rules.config import RuleConfig
from review.checking.rules.finding import Finding, Severity
from review.checking.rules.material import FileFacts
from review.checking.rules.text import DocText
from review.workspace.settings import WorkspaceSettings


@dataclass
class FileContext:
    facts: FileFacts
    extraction: Extraction
    settings: WorkspaceSettings
    config: RuleConfig
    # Where measurements of the file's bytes are kept (the red seals on a page); None: not kept.
    cache: ExtractionCache | None = None

    @cached_property
    def doc(self) -> DocText:
        return DocText(self.extraction)

    @cached_property
    def docnos(self) -> list[docno.DocNo]:
        return docno.find_docnos(self.doc)

    @cached_property
    def kinds(self) -> list[kind_rules.KindMatch]:
        return kind_rules.recognise(self.facts, self.extraction, self.doc, self.docnos)

    @cached_property
    def document_date(self) -> dates.DocumentDate | None:
        return dates.document_date(self.doc, self.extraction, self.docnos, self.settings.start_date,
                                   self.facts.name)

    def enabled(self, *rule_ids: str) -> bool:
        """Whether any of the rules runs; lets a family skip its text pass when all are off."""
        return any(self.config.is_enabled(r) for r in rule_ids)

    def finding(self, rule_id: str, message: str, *, page: int | None = None, location: str = "",
                text: str = "", bbox: tuple[float, float, float, float] | None = None,
                hint: str | None = None, item_code: str = "", read_by_ocr: bool = False,
                confidence: float | None = None, severity: Severity | None = None) -> Finding:
        """A finding about this file; `item_code` is set by requirement-level rules, `severity` by a
        rule that weighs this case otherwise than its catalogue entry."""
        return make_finding(rule_id, message, file=self.facts.path, subject=self.facts.sha256, page=page,
                            location=location, text=text, bbox=bbox, hint=hint, item_code=item_code,
                            read_by_ocr=read_by_ocr, confidence=confidence, severity=severity)

    def finding_at(self, rule_id: str, message: str, start: int, end: int, *,
                   hint: str | None = None, shown: str | None = None, severity: Severity | None = None) -> Finding:
        """A finding about the text at [start, end) of `doc.text`, placed where that text is.

        `shown` replaces the offending text in the finding (e.g. a masked 身份证号, so reports
        do not spread the personal data they warn about).
        """
        segment = self.doc.at(start)
        return self.finding(
            rule_id, message, page=segment.page if segment else None,
            location=segment.location if segment else "",
            text=self.doc.text[start:end] if shown is None else shown,
            bbox=segment.bbox if segment else None, hint=hint,
            read_by_ocr=segment is not None and segment.source == "ocr",
            confidence=segment.confidence if segment else None, severity=severity,
        )
