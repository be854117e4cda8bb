"""A workspace: a folder of Parquet tables plus ``manifest.json``.

All table I/O of the toolkit goes through :class:`Workspace` (one catalog, kedro-style). Writes
are atomic (hidden temporary file ``.<name>.<random>.tmp`` in the same folder, flushed, then
renamed), for tables and the manifest alike, so a stage killed at any moment leaves every table
either in its old or its new complete version. Temporary files a killed run leaves behind are
never read as tables and are removed when the workspace is re-created (``overwrite=True``).

>>> ws = Workspace.open("work/mc2021")          # doctest: +SKIP
>>> ws["responses"].stakeholder_type.value_counts()  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import platform
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import schema as sch
from .errors import WorkspaceError, bounded_list, did_you_mean

__all__ = ["MANIFEST", "TableWriter", "Workspace", "file_sha256", "package_versions"]

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
_VERSIONED_PACKAGES = (
    "consultation-toolkit", "pandas", "numpy", "pyarrow", "openpyxl", "pypdf", "python-docx",
    "pycountry", "spacy", "scikit-learn", "bertopic", "lingua-language-detector",
    "presidio-analyzer", "rapidfuzz", "matplotlib", "scipy",
)


def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def package_versions() -> dict[str, str]:
    """Python's and the key packages' versions (looked up once per process)."""
    return dict(_package_versions())


@functools.cache
def _package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _VERSIONED_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


TMP_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a hidden temporary file in the same folder,
    flushed to disk, then renamed over ``path``. A reader (or a run killed at any moment)
    sees the old file or the new one, never a part. The file gets the permissions a plain
    ``open(path, "w")`` would give (mkstemp's are owner-only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class TableWriter:
    """Write a table chunk by chunk (one Parquet row group per chunk), so memory is bounded by
    a chunk, not by the table; the file appears at its place only on :meth:`commit`.

    Chunks of a known table are conformed to its schema; every chunk must have the first
    one's columns. Until :meth:`commit` the rows go to a hidden temporary file in ``folder``
    (removed by :meth:`abort`, or by the next ``Workspace.create(overwrite=True)`` if the run
    is killed). Used as a context manager, an exception aborts.

    >>> with TableWriter(ws.path, "answers") as w:           # doctest: +SKIP
    ...     for chunk in chunks:
    ...         w.write(chunk)
    ...     w.commit(ws.table_path("answers"))
    """

    def __init__(self, folder: str | os.PathLike, name: str) -> None:
        self.name = name
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.parquet.", suffix=TMP_SUFFIX)
        os.close(fd)
        self.path = Path(tmp)
        self.rows = 0
        self.columns: list[str] | None = None
        self._schema: pa.Schema | None = None
        self._writer: pq.ParquetWriter | None = None

    def write(self, df: pd.DataFrame) -> None:
        """Append ``df`` (validated against the schema when the table is a known one)."""
        if self.name in sch.SCHEMAS:
            df = sch.conform(df, self.name)
        try:
            if self._writer is None:
                table = pa.Table.from_pandas(df, preserve_index=False)
                self._schema, self.columns = table.schema, list(map(str, df.columns))
                self._writer = pq.ParquetWriter(self.path, self._schema, compression="zstd")
            else:
                table = pa.Table.from_pandas(df, schema=self._schema, preserve_index=False)
            self._writer.write_table(table)
        except Exception as exc:  # pyarrow raises many types
            raise WorkspaceError(f"Failed writing a chunk of table {self.name!r} to "
                                 f"{self.path}", found=str(exc)[:300]) from exc
        self.rows += len(df)

    def commit(self, path: str | os.PathLike) -> Path:
        """Close the file and move it to ``path`` atomically; returns ``path``."""
        if self._writer is None:  # no chunk: an empty table with the schema's columns
            self.write(sch.conform(pd.DataFrame({c: [] for c in sch.SCHEMAS[self.name].names}),
                                   self.name) if self.name in sch.SCHEMAS else pd.DataFrame())
        assert self._writer is not None
        self._writer.close()
        with open(self.path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(self.path, 0o666 & ~_umask())
        os.replace(self.path, path)
        return Path(path)

    def abort(self) -> None:
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if exc_type is not None or self.path.exists():
            self.abort()


class Workspace:
    """A folder of named tables with a manifest of inputs, parameters, versions and timings.

    Use :meth:`create` for a new workspace and :meth:`open` for an existing one. Tables are read
    with ``ws["answers"]`` or :meth:`read`, written with :meth:`write` (validated against the
    schema when the table is a known one).
    """

    def __init__(self, path: str | os.PathLike, manifest: dict[str, Any]) -> None:
        self.path = Path(path)
        self.manifest = manifest
        self.stale_inputs: list[dict[str, str]] = []

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, *, overwrite: bool = False,
               keep: Iterable[Path] = ()) -> Workspace:
        """Create an empty workspace at ``path`` (existing tables are removed if ``overwrite``,
        temporary files too, except those in ``keep``: a :class:`TableWriter`'s spool)."""
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise WorkspaceError(
                f"Cannot create a workspace at {str(p)!r}",
                expected="a folder (new or existing)",
                found="a file",
                fix="choose another path with -w",
            )
        if (p / MANIFEST).exists() and not overwrite:
            return cls.open(p)
        p.mkdir(parents=True, exist_ok=True)
        if overwrite:  # the old tables (and temporary files a killed run left) go
            kept = {Path(k).resolve() for k in keep}
            for f in [*p.glob("*.parquet"), *p.glob(f".*{TMP_SUFFIX}")]:
                if f.resolve() not in kept:
                    f.unlink()
        ws = cls(p, cls._new_manifest())
        ws.save_manifest()
        return ws

    @classmethod
    def open(cls, path: str | os.PathLike, *, verify: bool = True) -> Workspace:
        """Open an existing workspace; with ``verify`` the recorded inputs are re-hashed and a
        changed or missing input is added to :attr:`stale_inputs` (and logged)."""
        p = Path(path)
        mpath = p / MANIFEST
        if not mpath.is_file():
            raise WorkspaceError(
                f"No workspace at {str(p)!r}",
                expected=f"a folder holding {MANIFEST}",
                found="no such folder" if not p.exists() else "a folder without a manifest",
                fix="run `consult ingest SRC -w WS` first, or check the -w path",
            )
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise WorkspaceError(
                f"Failed loading the manifest {str(mpath)!r}",
                found=str(exc)[:200],
                fix="re-create the workspace with `consult ingest`",
            ) from exc
        ws = cls(p, manifest)
        ws.stale_inputs = ws.verify_inputs() if verify else []
        for item in ws.stale_inputs:
            log.warning("Input changed since ingest: %s (%s)", item["path"], item["status"])
        return ws

    @staticmethod
    def _new_manifest() -> dict[str, Any]:
        return {
            "manifest_version": MANIFEST_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "inputs": [],
            "stages": {},
            "tables": {},
            "accounting": {},
            "warnings": [],
            "versions": package_versions(),
        }

    def verify_inputs(self) -> list[dict[str, str]]:
        """Re-hash every recorded input file and attached document (manifest ``inputs`` and
        ``attachments``); return the ones that changed or vanished."""
        stale = []
        for item in [*self.manifest.get("inputs", []), *self.manifest.get("attachments", [])]:
            path = Path(item["path"])
            if not path.is_file():
                stale.append({"path": item["path"], "status": "missing"})
            elif file_sha256(path) != item["sha256"]:
                stale.append({"path": item["path"], "status": "changed"})
        return stale

    # -- tables ----------------------------------------------------------------------------
    def table_path(self, name: str) -> Path:
        return self.path / f"{name}.parquet"

    @property
    def tables(self) -> list[str]:
        """Names of the tables present (temporary files of an interrupted write excluded)."""
        return sorted(p.stem for p in self.path.glob("*.parquet")
                      if p.is_file() and not p.name.startswith("."))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.table_path(name).is_file()

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.read(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __repr__(self) -> str:
        return f"Workspace({str(self.path)!r}, tables={self.tables})"

    def read(self, name: str, *, columns: list[str] | None = None,
             filters: list[tuple[str, str, Any]] | None = None) -> pd.DataFrame:
        """Read a table as a DataFrame (list columns come back as Python lists).

        ``columns`` reads only those columns; ``filters`` only the rows matching every
        ``(column, op, value)`` test (pyarrow's, e.g. ``[("question_id", "in", ["q01"])]``),
        so a stage that needs a slice of a large table never holds the rest in memory.
        """
        path = self.table_path(name)
        if not path.is_file():
            raise WorkspaceError(
                f"Table {name!r} is not in workspace {str(self.path)!r}"
                f"{did_you_mean(name, self.tables)}",
                expected="a table written by an earlier stage",
                found=f"tables {bounded_list(self.tables, 20)}" if self.tables else "no tables",
                fix="run the stage that writes it (ingest → analyse → trace → report)",
            )
        try:
            if filters and any(op == "in" and not len(v) for _, op, v in filters):
                df = pq.read_schema(path).empty_table().to_pandas()  # "in" nothing: no row
                if columns is not None:
                    df = df[columns]
            else:
                df = pq.read_table(path, columns=columns, filters=filters or None).to_pandas()
        except Exception as exc:  # pyarrow raises many types
            raise WorkspaceError(f"Failed loading table {name!r} from {path}",
                                 found=str(exc)[:200]) from exc
        schema = sch.SCHEMAS.get(name)
        if schema is not None:
            for col in schema.columns:
                if col.dtype == "list" and col.name in df.columns:
                    df[col.name] = df[col.name].map(
                        lambda v: None if v is None else v.tolist()  # Arrow: str items
                    )
        return df

    def write(self, name: str, df: pd.DataFrame) -> Path:
        """Validate (for known tables) and atomically write a table; returns its path."""
        if name in sch.SCHEMAS:
            df = sch.conform(df, name)
        path = self.table_path(name)
        try:
            table = pa.Table.from_pandas(df, preserve_index=False)
            sink = pa.BufferOutputStream()
            pq.write_table(table, sink, compression="zstd")
            _atomic_write_bytes(path, sink.getvalue().to_pybytes())
        except Exception as exc:
            raise WorkspaceError(f"Failed writing table {name!r} to {path}",
                                 found=str(exc)[:300]) from exc
        self.manifest.setdefault("tables", {})[name] = {"rows": len(df),
                                                        "columns": list(map(str, df.columns))}
        return path

    def commit(self, writer: TableWriter) -> Path:
        """Put a :class:`TableWriter`'s table in place (atomically) and record it."""
        path = writer.commit(self.table_path(writer.name))
        self.manifest.setdefault("tables", {})[writer.name] = {"rows": writer.rows,
                                                               "columns": writer.columns}
        return path

    def write_many(self, tables: Mapping[str, pd.DataFrame]) -> None:
        for name, df in tables.items():
            self.write(name, df)
        self.save_manifest()

    # -- manifest --------------------------------------------------------------------------
    def record_stage(self, stage: str, **info: Any) -> None:
        """Record a stage's parameters, timings and outputs in the manifest (not yet saved)."""
        self.manifest.setdefault("stages", {})[stage] = info

    def add_warnings(self, warnings: list[str], *, stage: str) -> None:
        kept = [w for w in self.manifest.get("warnings", []) if w.get("stage") != stage]
        kept.extend({"stage": stage, "message": w} for w in warnings)
        self.manifest["warnings"] = kept

    def save_manifest(self) -> None:
        self.manifest["versions"] = package_versions()
        data = json.dumps(self.manifest, indent=2, ensure_ascii=False, sort_keys=True,
                          default=str)
        _atomic_write_bytes(self.path / MANIFEST, data.encode("utf-8"))
