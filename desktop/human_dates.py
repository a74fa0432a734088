"""Dates and times as people write them: "2026年5月24日 15:50", never "2026-05-24T07:50:00+00:00" or
EXIF's "2026:05:24 15:50:00". Times stored with a zone are shown in the computer's local time."""
from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QCoreApplication

_EXIF = re.compile(r"^\s*(\d{4})[:\-/](\d{1,2})[:\-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def human_datetime(value: datetime | str | None) -> str:
    """A moment as "2026年5月24日 15:50" (local time); an ISO text is read first; "" for nothing.
    A text that is no date is returned unchanged rather than hidden."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return exif_date_text(value)
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{_day(value.year, value.month, value.day)} {value.hour:02d}:{value.minute:02d}"


def exif_date_text(value: str) -> str:
    """EXIF's "2026:05:24 15:50:00" (or a date alone) as "2026年5月24日 15:50"; other text unchanged."""
    match = _EXIF.match(value or "")
    if match is None:
        return value
    year, month, day, hour, minute, _second = match.groups()
    text = _day(int(year), int(month), int(day))
    return f"{text} {int(hour):02d}:{minute}" if hour is not None else text


def _day(year: int, month: int, day: int) -> str:
    return QCoreApplication.translate("dates", "{0}年{1}月{2}日").format(year, month, day)
