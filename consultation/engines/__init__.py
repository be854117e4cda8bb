"""Execution engines for the analyse stages.

``local`` is :func:`consultation.pipeline.analyse` (one process). :mod:`consultation.engines.dask`
runs the same stages on a Dask cluster (``pip install .[scale]``) and writes the same tables.
"""

__all__: list[str] = []
