"""Time the board pack's HTML and PDF from saved quarterly reports, without a server.

    improvement-plan report --plan <id> --format json --output-dir var/packs
    .venv/bin/python -m bench.packs var/packs/*.json [--repeat 3] [--profile out.prof]

Each report is rendered `--repeat` times after one warm-up (WeasyPrint loads Pango and its
fonts on first use, which a serving worker does once); the median wall-clock and CPU
times are printed with the PDF's pages and size (CPU time is steadier on a busy machine).
`--profile` writes cProfile data of one rendering of each report.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import statistics
import time
from pathlib import Path

from app.reports.documents import to_html, to_pdf
from app.reports.pack import quarterly_pack
from app.reports.schemas import QuarterlyReport


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    packs = [
        (path.stem, quarterly_pack(QuarterlyReport.model_validate_json(path.read_bytes())))
        for path in args.reports
    ]
    to_pdf(packs[0][1])  # warm-up
    for name, pack in packs:
        html_times, pdf_times, cpu_times = [], [], []
        pdf = b""
        for _ in range(args.repeat):
            began = time.perf_counter()
            to_html(pack)
            html_times.append(time.perf_counter() - began)
            began, began_cpu = time.perf_counter(), time.process_time()
            pdf = to_pdf(pack)
            pdf_times.append(time.perf_counter() - began)
            cpu_times.append(time.process_time() - began_cpu)
        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"{name}: {len(pack.actions)} actions, PDF {pages} pages, {len(pdf) / 1e6:.2f} MB; "
            f"HTML {statistics.median(html_times) * 1000:.0f} ms, "
            f"PDF median {statistics.median(pdf_times):.2f} s "
            f"(min {min(pdf_times):.2f}, max {max(pdf_times):.2f}), "
            f"CPU median {statistics.median(cpu_times):.2f} s"
        )
        if args.profile:
            target = args.profile.with_name(f"{args.profile.stem}-{name}{args.profile.suffix}")
            cProfile.runctx("to_pdf(pack)", globals(), {"pack": pack}, str(target))
            print(f"  profile: {target}")


if __name__ == "__main__":
    main()
