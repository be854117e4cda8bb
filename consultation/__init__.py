"""consultation: ingest public-consultation exports, enrich, code and topic-model them.

The package never prints or exits; the ``consult`` CLI and the notebooks sit on top of it.
"""

import os as _os

# Offline everywhere: set before any hub-aware library (transformers, BERTopic) is imported.
_os.environ.setdefault("HF_HUB_OFFLINE", "1")
_os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
_os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

__version__ = "0.1.0"

from .errors import ConsultationError
from .workspace import Workspace

__all__ = ["ConsultationError", "Workspace", "__version__"]
