"""zhreader: a reading assistant for Chinese news articles."""

from __future__ import annotations

__version__ = "0.1.0"
