"""PDF of the HTML report via weasyprint, with a fetcher that cannot reach the network.

The print variant of the HTML references its charts as ``chart:<folder>/<file>`` URLs (stable
from run to run, unlike absolute ``file:`` paths); the fetcher serves ``data:`` URLs and files
inside the allowed chart folders only, so nothing in the page can make weasyprint read another
file or open a connection. :func:`start_pdf` renders in a separate
Python process (the PDF is the slowest output: it runs while DOCX and XLSX are written); run
``python -m standards_draft.reports.pdf HTML PDF ROOT…`` to do the same by hand.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, unquote

__all__ = ["chart_url", "finish_pdf", "render_pdf", "start_pdf"]

log = logging.getLogger(__name__)


CHART_SCHEME = "chart:"


def chart_url(path: Path, roots: Sequence[str | os.PathLike]) -> str | None:
    """``chart:<root index>/<relative path>`` for a file inside one of ``roots`` (the URL, and
    so the PDF, does not depend on where the folders are), else None."""
    p = Path(path).resolve()
    for i, r in enumerate(roots):
        try:
            rel = p.relative_to(Path(r).resolve())
        except ValueError:
            continue
        return f"{CHART_SCHEME}{i}/{quote(rel.as_posix())}"
    return None


def _fetcher(roots: Sequence[str | os.PathLike]):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = [Path(r).resolve() for r in roots]

    class _ChartFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(CHART_SCHEME):
                idx, _, rel = url[len(CHART_SCHEME):].partition("/")
                if not idx.isdigit() or int(idx) >= len(allowed):
                    raise ValueError(f"unknown chart folder: {url[:120]}")
                root = allowed[int(idx)]
                path = (root / unquote(rel)).resolve()
                if not path.is_file() or not path.is_relative_to(root):
                    raise ValueError(f"file outside the chart folders: {url[:120]}")
                mime = "image/svg+xml" if path.suffix == ".svg" else "image/png"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
            if not url.startswith("data:"):
                raise ValueError(f"network and file fetches are disabled in reports: "
                                 f"{url[:120]}")
            return super().fetch(url, headers)

    return _ChartFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def render_pdf(html: str, path: str | os.PathLike, roots: Sequence[str | os.PathLike] = ()
               ) -> Path:
    """Print ``html`` to ``path`` (files may only come from the ``roots`` folders)."""
    import weasyprint

    for name in ("weasyprint", "fontTools", "weasyprint.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)
    doc = weasyprint.HTML(string=html, url_fetcher=_fetcher(roots), media_type="print")
    doc.write_pdf(str(path))
    return Path(path)


def start_pdf(html_path: Path, pdf_path: Path, roots: Sequence[Path]
              ) -> subprocess.Popen | None:
    """Start rendering in another process; None when that is not possible (render in-process)."""
    if (os.cpu_count() or 1) < 2:
        return None
    env = dict(os.environ)
    pkg_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_root, env.get("PYTHONPATH")) if p)
    cmd = [sys.executable, "-m", "standards_draft.reports.pdf", str(html_path), str(pdf_path),
           *map(str, roots)]
    try:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
    except OSError as exc:
        log.warning("report: could not start the PDF process (%s); rendering in-process", exc)
        return None


def finish_pdf(proc: subprocess.Popen | None, html: str, html_path: Path, pdf_path: Path,
               roots: Sequence[Path]) -> Path:
    """Wait for :func:`start_pdf` (or render now); falls back to in-process on failure."""
    if proc is not None:
        _, err = proc.communicate()
        if proc.returncode == 0 and pdf_path.is_file():
            return pdf_path
        log.warning("report: the PDF process failed (%s); rendering in-process",
                    err.decode("utf-8", "replace").strip().splitlines()[-1:] or proc.returncode)
    return render_pdf(html, pdf_path, roots)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print("usage: python -m standards_draft.reports.pdf HTML PDF [ROOT…]", file=sys.stderr)
        return 2
    html = Path(args[0]).read_text(encoding="utf-8")
    render_pdf(html, args[1], args[2:])
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through start_pdf
    sys.exit(main())
