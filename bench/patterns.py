"""How the patterns that see outside text scale: redaction on adversarial inputs up to 1 MB.

For each input shape in tenure.security.adversarial, prints the median time of `redact` at 250 KB
and 1 MB and their ratio (linear is about 4; quadratic about 16). tests/security/test_redact.py
asserts the same growth bound; this prints the figures.

    .venv/bin/python bench/patterns.py
    .venv/bin/python bench/patterns.py --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import time

from tenure.security.adversarial import ADVERSARIAL
from tenure.security.redact import redact


def median_seconds(text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        redact(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'shape':<28}{'250 KB ms':>11}{'1 MB ms':>10}{'ratio':>8}")
    for shape, make in sorted(ADVERSARIAL.items()):
        small = median_seconds(make(250_000), args.repeat)
        large = median_seconds(make(1_000_000), args.repeat)
        print(f"{shape:<28}{small * 1000:>11.1f}{large * 1000:>10.1f}{large / max(small, 1e-9):>8.1f}")


if __name__ == "__main__":
    main()
