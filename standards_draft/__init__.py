"""Evidence-linked standards drafting: element catalogue, evidence tracing, draft text.

>>> from standards_draft import load_catalogue, trace_evidence, draft_standard
>>> cat = load_catalogue()                                            # doctest: +SKIP
>>> out = trace_evidence(cat, answers, questions, responses)          # doctest: +SKIP
>>> draft = draft_standard(cat, out["evidence"], out["element_summary"])  # doctest: +SKIP
>>> draft.to_markdown()[:40]                                          # doctest: +SKIP
"""

from . import schema  # noqa: F401  (registers the evidence / element_summary schemas)
from .catalogue import Catalogue, Element, load_catalogue
from .drafting import Amendment, Clause, Draft, Note, draft_standard
from .errors import (
    CatalogueError,
    CueSyntaxError,
    DraftError,
    DraftingError,
    DraftParameterError,
    EvidenceError,
    LexiconError,
)
from .evidence import Linker, link_passages, summarise_evidence, trace_evidence
from .stance import classify_stance

__all__ = [
    "Amendment",
    "Catalogue",
    "CatalogueError",
    "Clause",
    "CueSyntaxError",
    "Draft",
    "DraftError",
    "DraftParameterError",
    "DraftingError",
    "Element",
    "EvidenceError",
    "LexiconError",
    "Linker",
    "Note",
    "classify_stance",
    "draft_standard",
    "link_passages",
    "load_catalogue",
    "summarise_evidence",
    "trace_evidence",
]
