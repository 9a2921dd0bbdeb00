"""Text from files, made harmless for a terminal and for the manifest.

A JD line or a spreadsheet cell can hold ESC sequences (set the terminal title, write the clipboard on some
terminals, hide text) or a BEL. Everything we echo to stdout/stderr or write to the manifest passes through
:func:`visible`, which shows such characters as escapes (ESC → ``\\u001b``) instead of sending them. The
``\\uXXXX`` form is also a valid JSON escape, so JSON text stays valid JSON after it.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; plus the bidirectional overrides, which reorder
# what a terminal shows without being "control characters" to Unicode, and the zero-width and format
# characters (soft hyphen, U+200B–U+200F, U+2060–U+2064, BOM), which hide what a line really holds.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def visible(text: str) -> str:
    """``text`` with every control character (C0 but tab and newline, DEL, C1, bidi overrides) shown as a
    ``\\uXXXX`` escape. Cheap when there is nothing to escape."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible_line(text: str) -> str:
    """Like :func:`visible`, and a newline or tab is escaped too: for one-line fields such as a manifest
    cell or a file name in a message."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")
