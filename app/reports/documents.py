"""A board pack as HTML (Jinja2, autoescaped) and as a tagged PDF (WeasyPrint, from the
same HTML)."""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
from collections.abc import Iterator
from importlib import resources
from typing import Any

import jinja2

from app.reports.pack import (
    RATING_WORDS,
    BoardPack,
    horizontal_chart,
    uk_date,
    vertical_chart,
)
from app.reports.service import RATING_KEYS

HTML_TYPE = "text/html"
PDF_TYPE = "application/pdf"
TEMPLATES = resources.files("app.reports") / "templates"


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        # Every value is escaped: a title or narrative a user wrote is shown as text.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def _css() -> str:
    return (TEMPLATES / "pack.css").read_text(encoding="utf-8")


def to_html(pack: BoardPack) -> str:
    """The pack as one self-contained page: no scripts, no requests, charts as inline SVG."""
    return (
        _environment()
        .get_template("pack.html.j2")
        .render(
            pack=pack,
            css=_css(),
            words=RATING_WORDS,
            rating_keys=RATING_KEYS,
            uk_date=uk_date,
            area_chart=horizontal_chart(pack.areas),
            trend_chart=vertical_chart(pack.trend),
        )
    )


def html_bytes(pack: BoardPack) -> bytes:
    return to_html(pack).encode("utf-8")


@functools.cache
def _weasyprint() -> Any:
    """WeasyPrint, imported when first needed (it loads Pango, which takes a moment), with
    pydyf's list of page references kept between uses.

    A tagged PDF's structure tree names its page on every element, and pydyf rebuilds the
    list of every page's reference each time it is asked: work that grows with elements
    times pages. The list only changes when a page is added, so it is built once per page
    count."""
    import pydyf
    import weasyprint

    rebuild = pydyf.PDF.page_references.fget

    def page_references(pdf: Any) -> tuple[bytes, ...]:
        count = len(pdf.pages["Kids"])
        kept = pdf.__dict__.get("_kept_page_references")
        if kept is None or kept[0] != count:
            kept = (count, rebuild(pdf))
            pdf.__dict__["_kept_page_references"] = kept
        references: tuple[bytes, ...] = kept[1]
        return references

    pydyf.PDF.page_references = property(page_references)
    return weasyprint


class _CollectorPause:
    """Python's cycle collector held off while any thread renders a PDF.

    WeasyPrint builds hundreds of thousands of boxes, and each time their number crosses
    the collector's thresholds it walks every object the process holds, finding nothing to
    free: a third of a pack's time. The boxes go when the rendering ends, and the collector
    runs again once the last rendering in the process is done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._renderings = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._renderings == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._renderings += 1
        try:
            yield
        finally:
            with self._lock:
                self._renderings -= 1
                if self._renderings == 0 and self._was_enabled:
                    gc.enable()


collector_paused = _CollectorPause()


def to_pdf(pack: BoardPack) -> bytes:
    """The same HTML as a PDF/UA (tagged) document, its text extractable."""
    weasyprint = _weasyprint()
    # The pack is self-contained: no protocol is allowed, so nothing a user wrote can make
    # the renderer fetch anything.
    fetcher = weasyprint.URLFetcher(allowed_protocols=frozenset())
    with collector_paused():
        document = weasyprint.HTML(string=to_html(pack), url_fetcher=fetcher)
        pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    return pdf
