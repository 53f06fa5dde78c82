"""Inputs built to make a backtracking regular expression go quadratic, for tests and benchmarks.

Each maker returns `size` characters shaped against a pattern family that sees outside text:
long runs a greedy repeat scans then gives back, separators that start a new attempt at every
position, a prefix that matches followed by a run that never completes.
"""

from __future__ import annotations

from collections.abc import Callable

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "letters": lambda n: "a" * n,
    "letters-and-dots": lambda n: ("a." * (n // 2 + 1))[:n],
    "scheme-then-user": lambda n: ("x://" + "u" * n)[:n],
    "scheme-user-then-password": lambda n: ("x://u:" + "p" * n)[:n],
    "schemes": lambda n: ("ab://" * (n // 5 + 1))[:n],
    "bearer-words": lambda n: ("bearer " * (n // 7 + 1))[:n],
    "password-keys": lambda n: ("password " * (n // 9 + 1))[:n],
    "spaces": lambda n: " " * n,
    "digits": lambda n: "9" * n,
    "colons": lambda n: ":" * n,
}
