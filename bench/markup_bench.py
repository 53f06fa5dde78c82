"""Print how long `clean` takes on ~200 KB inputs of each format (median of 5 runs, in ms).

Run: .venv/bin/python bench/markup_bench.py
The inputs are built here from our own sentences, including adversarial markup (unterminated
links and comments, runs of markers) and lossy mojibake, to show the cleaner stays linear.
"""

from __future__ import annotations

import statistics
import time

from tenure.extractors.text.markup import clean

SIZE = 200_000


def lossy(text: str) -> str:
    decoded = text.encode("utf-8").decode("iso-8859-2")
    return "".join(char for char in decoded if not 0x80 <= ord(char) <= 0x9F)


INPUTS = {
    "markdown-news": "## Moves\n- **Kim Sato** joined [Northwind](https://n.example.com) as CFO on Tuesday.\n",
    "markdown-lossy": lossy("# 🚨 Northwind’s “quiet” exit — Dana Whitfield’s plan\n> She isn’t leaving.\n"),
    "markdown-adversarial": "[[[[ ____ **** <<<< &&&& ![x]( `` \\\\ ~~ " * 3 + "\n",
    "markdown-open-links": "[a](b![c",
    "text-accented": "Müller, Zoë and Renée O’Hara met in Zürich — “quietly”. 王小明 Северсталь.\n",
    "html-news": "<div><p>Kim Sato &amp; Omar Haddad left <b>Kestrel</b>.</p><script>a<b</script></div>",
    "html-adversarial": "<!-- <p <<<< &amp &#99999999; <div><span>x",
}


def measure(raw: str, fmt: str) -> float:
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        clean(raw, fmt)  # type: ignore[arg-type]
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    for name, chunk in INPUTS.items():
        raw = chunk * (SIZE // len(chunk) + 1)
        fmt = name.split("-")[0]
        print(f"{name:24} {len(raw) / 1000:6.0f} KB  {fmt:8} median {measure(raw, fmt):7.1f} ms")


if __name__ == "__main__":
    main()
