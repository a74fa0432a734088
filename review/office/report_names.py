"""The printed reports by their command-line name; kept apart so that the CLI lists them without
loading python-docx and the office's data layer."""
from __future__ import annotations

REPORT_NAMES = {"list": "申报材料清单", "signoff": "审核签字表", "issues": "问题清单"}
