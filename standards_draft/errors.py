"""One exception tree for the ``standards_draft`` package (same style as ``consultation.errors``).

Every error says what went wrong, what was expected, what arrived and how to fix it; each class
carries a stable ``code``. All of them are :class:`consultation.errors.ConsultationError`, so the
``consult`` command line reports them like every other toolkit error.

    DraftError (D000)
    ├── CatalogueError          D100  an element catalogue cannot be read or is invalid
    │   └── CueSyntaxError      D101  a search cue cannot be parsed
    ├── LexiconError            D102  a stance lexicon cannot be read or is invalid
    ├── EvidenceError           D200  input tables are inconsistent (e.g. unknown element ids)
    ├── DraftingError           D300  the draft cannot be written (e.g. DOCX output)
    └── DraftParameterError     D400  a parameter is outside its declared constraint
                                      (also a ``consultation.errors.ParameterError``)
"""

from __future__ import annotations

from consultation.errors import ConsultationError, ParameterError

__all__ = [
    "CatalogueError",
    "CueSyntaxError",
    "DraftError",
    "DraftParameterError",
    "DraftingError",
    "EvidenceError",
    "LexiconError",
    "check_number",
]


class DraftError(ConsultationError):
    """Base class of every error ``standards_draft`` raises on purpose."""

    code = "D000"


class CatalogueError(DraftError):
    code = "D100"


class CueSyntaxError(CatalogueError):
    code = "D101"


class LexiconError(DraftError):
    code = "D102"


class EvidenceError(DraftError):
    code = "D200"


class DraftingError(DraftError):
    code = "D300"


class DraftParameterError(DraftError, ParameterError):
    code = "D400"


def check_number(name: str, value: object, *, kind: type = float, low: float | None = None,
                 high: float | None = None, low_open: bool = False) -> None:
    """Raise :class:`DraftParameterError` unless ``value`` is a ``kind`` in the given range.

    The message follows scikit-learn: "The 'top_k' parameter must be an int in [1, inf).
    Got 0 instead."
    """
    ok_type = isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        ok_type = isinstance(value, int) and not isinstance(value, bool)
    lo = "-inf" if low is None else f"{low:g}"
    hi = "inf" if high is None else f"{high:g}"
    left = "(" if (low is None or low_open) else "["
    right = ")" if high is None else "]"
    noun = "an int" if kind is int else "a float"
    ok = ok_type
    if ok:
        v = float(value)  # type: ignore[arg-type]
        if low is not None and (v < low or (low_open and v == low)):
            ok = False
        if high is not None and v > high:
            ok = False
    if not ok:
        raise DraftParameterError(
            f"The {name!r} parameter must be {noun} in {left}{lo}, {hi}{right}. "
            f"Got {value!r} instead",
        )
