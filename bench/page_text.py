"""Main-text extraction on saved article pages: trafilatura against tenure's selectolax cleaner.

Each page in tests/fixtures/sources/pages/ comes with the sentences its article holds and the
boilerplate around it (expected.json). For each extractor this prints the share of article
sentences kept (recall), the share of boilerplate snippets let through (leak) and the median time
per page; tenure.sources.pages uses trafilatura with the cleaner as its fallback.

    python bench/page_text.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tenure.ingest.fetch import main_text
from tenure.sources.pages import read_page, trafilatura_text

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sources" / "pages"

EXTRACTORS: dict[str, Callable[[str], str]] = {
    "selectolax (tenure cleaner)": main_text,
    "trafilatura": trafilatura_text,
    "trafilatura + fallback (used)": lambda html: read_page(html, "https://news.example/a").text,
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def measure(name: str, extract: Callable[[str], str], repeat: int) -> tuple[float, float, float]:
    expected = json.loads((PAGES / "expected.json").read_text())
    kept = leaked = musts = must_nots = 0
    times = []
    for page, wants in expected.items():
        html = (PAGES / page).read_text()
        for _ in range(repeat):
            started = time.perf_counter()
            text = _flat(extract(html))
            times.append(time.perf_counter() - started)
        kept += sum(_flat(s) in text for s in wants["must"])
        leaked += sum(_flat(s) in text for s in wants["must_not"])
        musts += len(wants["must"])
        must_nots += len(wants["must_not"])
    return kept / musts, leaked / must_nots, statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per page")
    args = parser.parse_args()
    print(f"{'extractor':<32} {'recall':>7} {'leak':>7} {'ms/page':>8}")
    for name, extract in EXTRACTORS.items():
        recall, leak, ms = measure(name, extract, args.repeat)
        print(f"{name:<32} {recall:>7.0%} {leak:>7.0%} {ms:>8.2f}")


if __name__ == "__main__":
    main()
