"""The one exception type the user sees as a one-line message."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; shown as `zhreader: error: <message>` or a dialog."""


class Cancelled(Exception):
    """Work stopped because nobody wants its result any more (a newer article was opened)."""
