"""Published reports of a consultation workspace: HTML, PDF, DOCX, XLSX and CSV.

:func:`build_reports` is the entry point (``consult report -w WS -o DIR``); :func:`collect_report`
returns the format-neutral report that every renderer walks.
"""

from .build import FORMATS, build_reports
from .collect import collect_report, is_synthetic

__all__ = ["FORMATS", "build_reports", "collect_report", "is_synthetic"]
