"""The library as a sortable table: a Qt model over the library store's entries.

Rows are the store's entries; statistics arrive later from the library worker and are
merged in by location. Sorting and the search filter are a proxy on top (the table
never re-reads the store to sort), sorting on raw values, not on the shown text.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.core.analysis.library_index import Location
from app.core.analysis.stats import ArticleStats
from app.core.language.hsk import TOP_BAND, LevelProfile, band_label
from app.core.types import LibraryEntry
from app.ui.models import plain_tooltip

COLUMNS = ("Title", "Length", "Known", "New", "HSK", "Last read", "Read")
TITLE, LENGTH, KNOWN, NEW, HSK, LAST_READ, PROGRESS = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 10
HSK_COVERAGE = 0.8  # the HSK column: the band by which this share of the words is covered
MISSING_COLOUR = QColor("#9a9a9a")
_Index = QModelIndex | QPersistentModelIndex


def percent(share: float) -> str:
    """A share as a learner reads it: one known word among thousands is "<1%", not "0%"."""
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def coverage_band(profile: LevelProfile, target: float = HSK_COVERAGE) -> int | None:
    """The HSK 3.0 band by which `target` of the words are covered; None: not even by 7–9."""
    covered = 0.0
    for band in range(1, TOP_BAND + 1):
        covered += profile.share(band)
        if covered >= target:
            return band
    return None


def _hsk_text(profile: LevelProfile) -> str:
    band = coverage_band(profile)
    return f"HSK {band_label(band)}" if band is not None else "beyond"


def _hsk_tooltip(profile: LevelProfile) -> str:
    band = coverage_band(profile)
    head = (f"{HSK_COVERAGE:.0%} of the words are in HSK 1–{band_label(band)}" if band else
            f"Fewer than {HSK_COVERAGE:.0%} of the words are in HSK at all")
    lines = [head, *(f"HSK {band_label(b)}: {percent(profile.share(b))}"
                     for b in range(1, TOP_BAND + 1))]
    lines.append(f"not in HSK: {percent(profile.share(0))}")
    return "\n".join(lines)


def _date(when: float | None) -> str:
    if not when:
        return ""
    days = int(time.time() // 86400) - int(when // 86400)
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return time.strftime("%Y-%m-%d", time.localtime(when))


@dataclass(slots=True)
class _Row:
    entry: LibraryEntry
    stats: ArticleStats | None = None
    missing: bool = False


class LibraryTableModel(QAbstractTableModel):
    """One row per library entry; the open article's row is bold, missing files grey."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._rows_by_location: dict[Location, int] = {}
        self._current: Location | None = None

    # -- content ----------------------------------------------------------------------

    def set_entries(self, entries: list[LibraryEntry]) -> None:
        self.beginResetModel()
        self._rows = [_Row(entry) for entry in entries]
        self._reindex()
        self.endResetModel()

    def add_entries(self, entries: list[LibraryEntry]) -> None:
        """New entries are appended (in one insertion); listed ones are updated."""
        new: list[LibraryEntry] = []
        for entry in entries:
            row = self._rows_by_location.get(entry.location)
            if row is None:
                new.append(entry)
            else:
                self._rows[row].entry = entry
                self._row_changed(row)
        new = list({entry.location: entry for entry in new}.values())
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(_Row(entry) for entry in new)
            self._reindex()
            self.endInsertRows()

    def remove(self, locations: set[Location]) -> None:
        self.beginResetModel()
        self._rows = [row for row in self._rows if row.entry.location not in locations]
        self._reindex()
        self.endResetModel()

    def set_stats(self, stats: dict[Location, ArticleStats]) -> None:
        """A batch from the worker: one dataChanged over the rows it touched."""
        touched = []
        for location, value in stats.items():
            row = self._rows_by_location.get(location)
            if row is not None:
                self._rows[row].stats = value
                touched.append(row)
        if touched:
            self.dataChanged.emit(self.index(min(touched), KNOWN),
                                  self.index(max(touched), HSK))

    def set_missing(self, missing: set[Location], present: set[Location]) -> None:
        for location in missing | present:
            row = self._rows_by_location.get(location)
            if row is not None and self._rows[row].missing != (location in missing):
                self._rows[row].missing = location in missing
                self._row_changed(row)

    def record_reading(self, location: Location, position: int, progress: float) -> None:
        """Show where the reader is now, as the store has just recorded it."""
        row = self._rows_by_location.get(location)
        if row is not None:
            entry = self._rows[row].entry
            self._rows[row].entry = replace(entry, last_read=time.time(), position=position,
                                            progress=max(entry.progress, progress))
            self._row_changed(row)

    def set_current(self, location: Location | None) -> int:
        """Mark the open article's row (bold); returns that row, or -1 if it is not listed."""
        old = self._rows_by_location.get(self._current, -1) if self._current else -1
        self._current = location
        row = self._rows_by_location.get(location, -1) if location else -1
        for changed in {old, row} - {-1}:
            self._row_changed(changed)
        return row

    def _reindex(self) -> None:
        self._rows_by_location = {row.entry.location: n for n, row in enumerate(self._rows)}

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- reading ----------------------------------------------------------------------

    def entry(self, row: int) -> LibraryEntry:
        return self._rows[row].entry

    def stats(self, row: int) -> ArticleStats | None:
        return self._rows[row].stats

    def is_missing(self, row: int) -> bool:
        return self._rows[row].missing

    def row_of(self, location: Location) -> int:
        return self._rows_by_location.get(location, -1)

    def entries(self) -> list[LibraryEntry]:
        return [row.entry for row in self._rows]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(row, column)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TITLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.missing:
            return MISSING_COLOUR
        if role == Qt.ItemDataRole.FontRole and (row.missing
                                                 or row.entry.location == self._current):
            font = QFont()
            font.setBold(row.entry.location == self._current)
            font.setItalic(row.missing)
            return font
        return None


_HEADER_TIPS = (
    "The article, or a book's chapter",
    "Characters",
    "Share of the words you know (names, numbers and ignored words left out)",
    "Distinct words you have never marked",
    f"The HSK 3.0 band by which {HSK_COVERAGE:.0%} of the words are covered",
    "When you last read it",
    "How far you have read",
)


def _shown(row: _Row, column: int) -> str:
    entry, stats = row.entry, row.stats
    if column == TITLE:
        return entry.title
    if column == LENGTH:
        return "missing" if row.missing else (f"{entry.chars:,}" if entry.chars else "")
    if column == LAST_READ:
        return _date(entry.last_read)
    if column == PROGRESS:
        return percent(entry.progress) if entry.progress else ""
    if stats is None:
        return ""
    if column == KNOWN:
        return percent(stats.known_share)
    if column == NEW:
        return f"{stats.new_words:,}"
    return _hsk_text(stats.hsk_profile)


def _sort_key(row: _Row, column: int):
    entry, stats = row.entry, row.stats
    if column == TITLE:
        return entry.title.casefold()
    if column == LENGTH:
        return -1 if row.missing else entry.chars
    if column == LAST_READ:
        return entry.last_read or 0.0
    if column == PROGRESS:
        return entry.progress
    if stats is None:
        return -1.0
    if column == KNOWN:
        return stats.known_share
    if column == NEW:
        return stats.new_words
    band = coverage_band(stats.hsk_profile)
    return (band or TOP_BAND + 1) - stats.hsk_profile.share(0)  # within a band: fewer unknown


def _tooltip(row: _Row, column: int) -> str | None:
    """Tooltips are shown as written: a title or file name is never rendered as markup."""
    entry, stats = row.entry, row.stats
    if column == TITLE:
        place = f"{entry.path} — {entry.part}" if entry.part else entry.path
        return plain_tooltip(f"{entry.title}\n{place}" + (
            "\nThe file is not there any more." if row.missing else ""))
    if stats is None:
        return None
    if column == KNOWN:
        return plain_tooltip(
            f"{percent(stats.known_share)} of {stats.words:,} words, "
            f"{percent(stats.known_distinct_share)} of {stats.distinct_words:,} distinct words")
    if column == HSK:
        return plain_tooltip(_hsk_tooltip(stats.hsk_profile))
    return None


class LibraryProxy(QSortFilterProxyModel):
    """Sorting on raw values; the search box keeps rows whose title or text matches."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._needle = ""
        self._matches: set[Location] | None = None

    def set_search(self, text: str, matches: set[Location] | None) -> None:
        """Filter by `text` in titles, or by the texts the full-text index found."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 on; invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle, self._matches = text.strip().casefold(), matches
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle, self._matches = text.strip().casefold(), matches
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, LibraryTableModel)
        entry = model.entry(source_row)
        return self._needle in entry.title.casefold() or (
            self._matches is not None and entry.location in self._matches)
