"""When two lines are one hard-wrapped paragraph rather than two blocks.

Joining is the risky direction (a title glued onto its first sentence), so it needs evidence:
the first line is long and stops mid-sentence, and the next line continues it.
"""

from __future__ import annotations

import re

# Wrapped lines of prose are long; titles and labels are short.
MIN_WRAPPED_LINE = 50
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]$")  # "...said on Tuesday."
_ENDS_LOWERCASE_WORD = re.compile(r"(?:^|\s)[a-z][a-z'-]*$")  # "...who joined the"


def should_join(previous: str, line: str) -> bool:
    previous = previous.rstrip()
    current = line.lstrip()
    if len(previous) < MIN_WRAPPED_LINE or not current or _SENTENCE_END.search(previous):
        return False
    first = current[0]
    if first.islower() or first.isdigit() or first in '($“"':
        return True
    return previous.endswith(",") or bool(_ENDS_LOWERCASE_WORD.search(previous))
