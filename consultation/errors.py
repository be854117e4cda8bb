"""One exception tree for the ``consultation`` package.

Every error says what went wrong, what was expected, what arrived and how to fix it, in one
paragraph. Each class carries a stable ``code`` so that users can search for it and tests can
assert on it without matching prose.

    ConsultationError
    ├── InputError            a source file cannot be read as a consultation export
    │   ├── FormatError       unknown / undetectable format, or a file of the wrong kind
    │   ├── EmptyInputError   nothing to read
    │   └── MappingError      a generic-reader mapping file is invalid
    ├── SchemaError           a table misses required columns or has wrong types
    ├── DuplicateIdError      the same response_id arrives from two sources
    ├── ParameterError        a parameter is outside its declared constraint
    └── WorkspaceError        a workspace cannot be opened, read or written
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "ConsultationError",
    "DuplicateIdError",
    "EmptyInputError",
    "FormatError",
    "InputError",
    "MappingError",
    "ParameterError",
    "SchemaError",
    "WorkspaceError",
    "bounded_list",
    "check_choice",
    "check_float",
    "check_int",
    "did_you_mean",
]


class ConsultationError(Exception):
    """Base class of every error the toolkit raises on purpose."""

    code = "C000"

    def __init__(
        self,
        what: str,
        *,
        expected: str | None = None,
        found: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.what = what
        self.expected = expected
        self.found = found
        self.fix = fix
        super().__init__(self._compose())

    def _compose(self) -> str:
        parts = [f"[{self.code}] {self.what.rstrip('.')}."]
        if self.expected:
            parts.append(f"Expected {self.expected.rstrip('.')}.")
        if self.found:
            parts.append(f"Found {self.found.rstrip('.')}.")
        if self.fix:
            parts.append(f"Fix: {self.fix.rstrip('.')}.")
        return " ".join(parts)


class InputError(ConsultationError):
    code = "C100"


class FormatError(InputError):
    code = "C101"


class EmptyInputError(InputError):
    code = "C102"


class MappingError(InputError):
    code = "C103"


class SchemaError(ConsultationError):
    code = "C200"


class DuplicateIdError(ConsultationError):
    code = "C300"


class ParameterError(ConsultationError):
    code = "C400"


class WorkspaceError(ConsultationError):
    code = "C500"


def bounded_list(items: Iterable[object], limit: int = 5) -> str:
    """Render the first ``limit`` items and the count of the rest (kedro-style bounded output)."""
    items = [repr(i) for i in items]
    head = ", ".join(items[:limit])
    rest = len(items) - limit
    return f"{head} and {rest} more" if rest > 0 else head


def did_you_mean(name: str, candidates: Sequence[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the closest candidate, or an empty string."""
    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    if not close:
        lowered = {c.casefold(): c for c in candidates}
        hit = lowered.get(name.casefold())
        close = [hit] if hit else []
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_choice(name: str, value: object, options: Sequence[str]) -> str:
    """``value`` if it is one of ``options``; else :class:`ParameterError` naming the parameter,
    the options and the closest one (scikit-learn-style message)."""
    if not isinstance(value, str) or value not in options:
        hint = did_you_mean(value, list(options)) if isinstance(value, str) else ""
        raise ParameterError(f"The {name!r} parameter must be a str among "
                             f"{{{', '.join(map(repr, options))}}}. Got {value!r} instead{hint}")
    return value


def check_int(name: str, value: object, low: int, high: float = math.inf) -> int:
    """``value`` as an int if it is one in [``low``, ``high``]; else :class:`ParameterError`."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not (
            low <= value <= high):
        hi = "inf)" if high == math.inf else f"{int(high)}]"
        raise ParameterError(f"The {name!r} parameter must be an int in [{low}, {hi}. "
                             f"Got {value!r} instead")
    return int(value)


def check_float(name: str, value: object, low: float, high: float) -> float:
    """``value`` as a float if it is a number in [``low``, ``high``]; else
    :class:`ParameterError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not (low <= float(value) <= high):
        raise ParameterError(f"The {name!r} parameter must be a float in [{low:g}, {high:g}]. "
                             f"Got {value!r} instead")
    return float(value)
