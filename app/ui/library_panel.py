"""The Library dock: every text you opened or imported, sortable by how much you know.

A table over `LibraryTableModel` (through a sort/search proxy), a search box that also
looks inside the texts, buttons to add files, folders, books or the clipboard, and a
progress bar with Cancel while the library is read in the background. The window owns
the store and the worker; this widget only asks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.analysis.library_import import IMPORT_SUFFIXES
from app.core.analysis.library_index import Location
from app.core.types import LibraryEntry
from app.ui.library_model import (
    COLUMNS,
    HSK,
    KNOWN,
    LAST_READ,
    LENGTH,
    NEW,
    PROGRESS,
    TITLE,
    LibraryProxy,
    LibraryTableModel,
)

SEARCH_DELAY_MS = 200
FILE_FILTER = ("Texts and books (" + " ".join(f"*{s}" for s in IMPORT_SUFFIXES) + ")"
               ";;All files (*)")
Searcher = Callable[[str], "set[Location] | None"]
_WIDEST = {LENGTH: "999,999", KNOWN: "100%", NEW: "9,999", HSK: "HSK 7–9",
           LAST_READ: "2025-12-31", PROGRESS: "100%"}
# A narrow dock shows what picks a text at your level; the header's menu shows the rest.
HIDDEN_AT_FIRST = (LENGTH, LAST_READ, PROGRESS)


class LibraryPanel(QWidget):
    """Asks the window to open, import, paste, remove, or stop the background reading."""

    open_requested = Signal(object)  # LibraryEntry
    import_requested = Signal(list)  # paths: files, folders, books
    paste_requested = Signal()
    remove_requested = Signal(list)  # [LibraryEntry]
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._searcher: Searcher | None = None
        self.model = LibraryTableModel(self)
        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText("Search titles and text (简/繁)…")
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(self._search_timer.start)

        self.view = QTableView()
        self.view.setObjectName("libraryTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the store's order at first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(24)
        metrics = self.fontMetrics()
        for column, label in enumerate(COLUMNS):
            if column != TITLE:  # fixed widths: never measured over thousands of rows
                sample = _WIDEST.get(column, "")
                self.view.setColumnWidth(column, max(metrics.horizontalAdvance(label),
                                                     metrics.horizontalAdvance(sample)) + 14)
        for column in HIDDEN_AT_FIRST:
            self.view.setColumnHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.add_button = QToolButton()
        self.add_button.setObjectName("libraryAdd")
        self.add_button.setText("Add")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_button)
        self.add_files_action = add_menu.addAction("Files or books…", self.choose_files)
        self.add_folder_action = add_menu.addAction("A folder…", self.choose_folder)
        self.paste_action = add_menu.addAction("Paste text as a new article",
                                               lambda: self.paste_requested.emit())
        self.add_button.setMenu(add_menu)
        self.remove_action = QAction("Remove from library", self)
        self.remove_action.setShortcut(Qt.Key.Key_Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._remove_selected)
        self.view.addAction(self.remove_action)
        self.remove_button = QToolButton()
        self.remove_button.setDefaultAction(self.remove_action)
        self.remove_button.setText("Remove")

        self.progress = QProgressBar()
        self.progress.setObjectName("libraryProgress")
        self.progress.setMaximumHeight(self.fontMetrics().height() + 4)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.count_label = QLabel("")
        self.count_label.setObjectName("libraryCount")
        self.set_busy(False)

        busy = QHBoxLayout()
        busy.setContentsMargins(0, 0, 0, 0)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view)
        layout.addLayout(busy)
        layout.addLayout(buttons)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)

    # -- the window's side ------------------------------------------------------------

    def set_searcher(self, searcher: Searcher) -> None:
        """Where full-text queries go (the library index); titles are always searched."""
        self._searcher = searcher

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if not busy:
            self.progress.reset()

    def set_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{what} %v / %m")

    def show_open(self, location: Location | None) -> None:
        """The open article's row is selected and bold, whichever way it was opened."""
        row = self.model.set_current(location)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.clearSelection()

    def first_entry(self) -> LibraryEntry | None:
        if not self.proxy.rowCount():
            return None
        return self.model.entry(self.proxy.mapToSource(self.proxy.index(0, 0)).row())

    def entry_at(self, view_row: int) -> LibraryEntry:
        """The entry shown in row `view_row` of the table (sorted and filtered)."""
        return self.model.entry(self.proxy.mapToSource(self.proxy.index(view_row, 0)).row())

    def selected_entries(self) -> list[LibraryEntry]:
        rows = {self.proxy.mapToSource(index).row()
                for index in self.view.selectionModel().selectedRows()}
        return [self.model.entry(row) for row in sorted(rows)]

    # -- actions ----------------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text()
        matches = self._searcher(text) if self._searcher is not None and text.strip() else None
        self.proxy.set_search(text, matches)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Add to the library", "", FILE_FILTER)
        if paths:
            self.import_requested.emit(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder to the library")
        if folder:
            self.import_requested.emit([folder])

    def _remove_selected(self) -> None:
        entries = self.selected_entries()
        if entries:
            self.remove_requested.emit(entries)

    def _on_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.entry(self.proxy.mapToSource(index).row()))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self._on_activated(index))
        menu.addAction(self.remove_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _header_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose the columns (the title always stays)."""
        menu = QMenu(self)
        for column, label in enumerate(COLUMNS):
            if column == TITLE:
                continue
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.view.setColumnHidden(c, not on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def header_state(self) -> QByteArray:
        """Column widths, order, visibility and sorting, for the settings."""
        return self.view.horizontalHeader().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        self.view.horizontalHeader().restoreState(state)

    def _update_count(self, *_args) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} text{'s' if count != 1 else ''}")
