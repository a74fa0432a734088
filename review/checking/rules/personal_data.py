"""Personal data published unmasked: 18-digit 身份证号 and mainland mobile numbers.

A 身份证号 counts only if its region code starts with 1-6 or 8, its birth date is a real past date
and its ISO 7064 MOD 11-2 check character is right, so order numbers and bank references do not
trip it. Masked forms (4101**********1234, 138****1234) never match: the masks break the digit run.
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from review.checking.rules.finding import Finding

if TYPE_CHECKING:
    from review.checking.rules.context import FileContext

PERSONAL_PATTERN = re.compile(
    r"(?=[1-8])(?<![0-9A-Za-z])(?:"
    r"(?P<id>[1-68]\d{5}(?P<birth>(?:18|19|20)\d{6})\d{3}[0-9Xx])"
    r"|(?P<mobile>1[3-9]\d[- ]?\d{4}[- ]?\d{4})"
    r")(?![0-9A-Za-z])"
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11] == number[17].upper()


def birth_date_ok(digits: str, today: date | None = None) -> bool:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return _EARLIEST_BIRTH <= born <= (today or date.today())


def is_id_number(number: str, birth: str) -> bool:
    return birth_date_ok(birth) and id_checksum_ok(number)


def mask_id(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:]


def mask_mobile(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return digits[:3] + "****" + digits[-4:]


def check(ctx: FileContext) -> list[Finding]:
    want_ids = ctx.config.is_enabled("MR-PII-001")
    want_mobiles = ctx.config.is_enabled("MR-PII-002")
    if not (want_ids or want_mobiles):
        return []
    out: list[Finding] = []
    name = ctx.facts.display_name
    for m in PERSONAL_PATTERN.finditer(ctx.doc.text):
        if m["id"]:
            if want_ids and is_id_number(m["id"], m["birth"]):
                masked = mask_id(m["id"])
                out.append(ctx.finding_at("MR-PII-001", f"{name}：有未打码的身份证号“{masked}”（此处显示已打码）。",
                                          m.start(), m.end(), hint=f"改为“{masked}”这样的打码形式后重新导出。",
                                          shown=masked))
        elif want_mobiles:
            masked = mask_mobile(m["mobile"])
            out.append(ctx.finding_at("MR-PII-002", f"{name}：有未打码的手机号“{masked}”（此处显示已打码）。",
                                      m.start(), m.end(), hint=f"改为“{masked}”这样的打码形式后重新导出。",
                                      shown=masked))
    return out
