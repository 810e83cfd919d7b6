"""The reading window: library, article, popup, entity and vocabulary panels.

The window wires thin widgets to models and to the analysis runner; it never
analyses anything itself, so it stays responsive while a long article is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.analysis.analyzer import Analyzer, default_analyzer
from app.core.analysis.pipeline import sentence_at
from app.core.analysis.stats import ArticleStats, reading_stats
from app.core.errors import UserError
from app.core.language.hsk import TOP_BAND, LevelProfile, describe_level_profile
from app.core.language.lookup import WordLookup, look_up, vocab_item
from app.core.language.sandhi import spoken
from app.core.language.speech import EspeakNgEngine, SpeechEngine
from app.core.text.script import to_simplified
from app.core.types import (
    ENTITY_TYPE_NAMES,
    ENTITY_TYPES,
    Analysis,
    Article,
    Entity,
    EntityType,
    LibraryEntry,
    VocabItem,
    WordLevel,
    WordState,
    WordStatus,
)
from app.core.user.corrections import Corrections
from app.core.user.library import path_key
from app.core.user.vocab_import import ImportPlan, ParsedList
from app.ui import vocab_access
from app.ui.about_dialog import AboutDialog
from app.ui.article_view import SAVE_KEYS, WORD_KEYS, ArticleView
from app.ui.corrections_dialog import CorrectionsDialog
from app.ui.file_jobs import FileJobs
from app.ui.find_bar import FindBar
from app.ui.import_dialog import ImportDialog
from app.ui.library_model import percent
from app.ui.library_panel import LibraryPanel
from app.ui.library_session import LibrarySession
from app.ui.models import menu_text
from app.ui.names_panel import NamesPanel
from app.ui.popup import WordInfo, WordPopup
from app.ui.reading_aids import ReadingAids
from app.ui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, ViewSettings
from app.ui.text_lookup import span_info
from app.ui.vocab_panel import VocabPanel
from app.ui.word_actions import Change, add_fix_actions, boundary_fixes
from app.ui.word_states import Rows, StateChange
from app.ui.worker import (
    AnalysisRunner,
    ViewIndex,
    build_view_index,
    entity_at,
)

if TYPE_CHECKING:
    from app.core.user.export import Format
    from app.ui.search_dialog import SearchDialog  # imported on first Ctrl+D

T = TypeVar("T")

OPENABLE_SUFFIXES = (".txt", ".html", ".htm", ".text", ".md", ".epub")
FILE_FILTER = "Articles and books (*.txt *.html *.htm *.md *.epub);;All files (*)"
PROGRESS_DELAY_MS = 3000  # scrolling settles before the reading position is written
# Each choice of the Export dialog: the format and its options (Pleco's categories).
EXPORT_FILTERS: dict[str, tuple[Format, dict[str, object]]] = {
    "Anki deck (*.apkg)": ("apkg", {}),
    "Pleco flashcards (*.txt)": ("pleco", {}),
    "Pleco flashcards, a category per article (*.txt)": ("pleco", {"group": True}),
    "Zhongwen word list (*.tsv)": ("zhongwen", {}),
    "CSV spreadsheet (*.csv)": ("csv", {}),
}
IMPORT_FILTER = "Word lists (*.txt *.tsv *.csv);;All files (*)"


def export_choice(path: str, chosen: str) -> tuple[str, str, dict[str, object]]:
    """(path, format, options) from the Export dialog's answer.

    The chosen filter decides, unless the typed name ends in another format's suffix
    ("words.csv" under the Anki filter is a CSV; "words.docx" is refused by name).
    """
    from app.core.user.export import SUFFIXES

    suffix = Path(path).suffix.lower().lstrip(".")
    fmt, options = EXPORT_FILTERS.get(chosen, (None, {}))
    if suffix and (fmt is None or suffix != SUFFIXES[fmt]):
        return path, suffix, {}
    fmt = fmt or "apkg"
    if not suffix:
        path += "." + SUFFIXES[fmt]
    return path, fmt, options


class MainWindow(QMainWindow):
    """One article at a time; everything else is a dock the learner can move or hide.

    Every language tool comes from `analyzer` (default: the process's), which the window
    hands to its analysis runner, library and exports.
    """

    analysis_shown = Signal(object)  # Analysis, after the view and panels show it
    # How many words "I know HSK 1–N" marked known, once they are stored and shown.
    hsk_marked = Signal(int)

    def __init__(self, persist: bool = True, speech_engine: SpeechEngine | None = None,
                 analyzer: Analyzer | None = None) -> None:
        super().__init__()
        self.analyzer = analyzer if analyzer is not None else default_analyzer()
        self.setWindowTitle("zhreader")
        self.setAcceptDrops(True)
        self._persist = persist
        self.settings = ViewSettings()
        self.analysis: Analysis | None = None
        self.article_path: str | None = None
        self.article: Article | None = None  # the open article, re-analysed after a correction
        self._rereading = False
        self._correction_message = ""  # shown when the re-analysis after a correction lands
        self.last_error: str | None = None
        self._index_notice_shown = False
        self._restore_position = 0
        self._view_index: ViewIndex | None = None
        self.vocab = vocab_access.open_vocab_store()
        self._saved_words: set[str] = set()
        self._states: dict[str, WordState] = {}  # every marked word, both scripts
        self.stats: ArticleStats | None = None  # the open article's, for the status bar
        self.undo_stack = QUndoStack(self)

        self.view = ArticleView(self)
        self.view.set_word_boundaries(self.settings.word_boundaries)
        self.view.set_tint_unknown(self.settings.tint_unknown)
        self.view.set_font_size(self.settings.font_size)
        self.find_bar = FindBar(self.view, self)
        self.setCentralWidget(self._central(self.view, self.find_bar))
        self.popup = WordPopup(self)
        self.search_dialog: SearchDialog | None = None  # made on first Ctrl+D
        self.aids = ReadingAids(
            self, self.view, self.settings, level_of=self.hsk_level,
            analysis=lambda: self.analysis,
            starts=lambda: self._view_index.starts if self._view_index else None,
            engine=speech_engine or EspeakNgEngine(self.analyzer.spoken_reading),
            persist=persist)
        self.aids.theme_changed.connect(lambda _theme: self._reshow_popup())

        self.runner = AnalysisRunner(self.analyzer, self)
        self.runner.article_loaded.connect(self._on_article_loaded)
        self.runner.analysis_ready.connect(self._on_analysis_ready)
        self.runner.failed.connect(self._on_failed)
        self.runner.busy_changed.connect(self._on_busy)
        self.view.text_complete.connect(self.runner.text_shown)
        self.jobs = FileJobs(self)
        self.jobs.failed.connect(self._on_job_failed)
        self.jobs.busy_changed.connect(self._on_busy)
        self.import_dialog: ImportDialog | None = None

        self._build_docks()
        self._build_status_bar()
        self._build_menus()

        self.view.word_activated.connect(self._on_word_activated)
        self.view.word_deactivated.connect(self.popup.hide_popup)
        self.view.save_requested.connect(self.save_token)
        self.view.state_requested.connect(self.set_word_state)
        self.view.context_menu_requested.connect(self.add_name_actions)
        self.view.context_menu_requested.connect(self.add_boundary_actions)
        self.view.span_lookup_requested.connect(self._on_span_lookup)
        self._build_word_shortcuts()

        self._refresh_vocab()
        self.library.load(self._states)
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._record_progress)
        self.view.verticalScrollBar().valueChanged.connect(self._progress_timer.start)
        notices = [self.vocab.notice, self.library.notice, Corrections.load().notice]
        if any(notices):
            self.statusBar().showMessage("; ".join(n for n in notices if n), 15_000)
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)

    def hsk_level(self, word: str) -> WordLevel | None:
        """The word's HSK bands and frequency rank; None also when the list cannot be read."""
        try:
            return self.analyzer.hsk.level(word)
        except (OSError, ValueError):
            return None

    # ---- layout --------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState needs it
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    @staticmethod
    def _central(view: QWidget, bar: QWidget) -> QWidget:
        """The article with the find bar under it."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(view, 1)
        layout.addWidget(bar)
        return central

    def _build_docks(self) -> None:
        self.library_panel = LibraryPanel()
        if (header := self.settings.library_header()) is not None:
            self.library_panel.restore_header_state(header)
        self.library = LibrarySession(self.library_panel, self.analyzer, self,
                                      reader_idle=self.runner.idle,
                                      records_reading=self._persist)
        self.library.open_requested.connect(self.open_entry)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.library.failed.connect(lambda text: self._on_failed(text, title="Library"))
        self.library_dock = self._dock("Library", "libraryDock", self.library_panel,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.names_panel = NamesPanel()
        self.names_panel.entity_chosen.connect(self.highlight_entity)
        self.names_panel.mention_chosen.connect(self.show_mention)
        self.names_panel.ignore_requested.connect(self.ignore_name)
        self.entity_dock = self._dock("Names", "entityDock", self.names_panel,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.vocab_panel = VocabPanel(level_of=self.hsk_level)
        self.vocab_panel.remove_requested.connect(self.remove_selected_vocab)
        self.vocab_panel.toggle_known_requested.connect(self.toggle_selected_known)
        self.vocab_panel.export_requested.connect(self.export_vocab)
        self.vocab_panel.word_chosen.connect(self.find_vocab_word)
        self.vocab_dock = self._dock("Vocabulary", "vocabDock", self.vocab_panel,
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.library_dock], [280], Qt.Orientation.Horizontal)
        self.resizeDocks([self.entity_dock, self.vocab_dock], [330, 330],
                         Qt.Orientation.Horizontal)

    def _build_word_shortcuts(self) -> None:
        """S/A, arrows, J/K and Esc act on the hovered word wherever the keyboard focus is.

        A learner who clicked the library and then hovers a word expects S to save it.
        The keys are live only while a word is shown and focus is not in a text input
        (typing "s" into the names filter stays typing), so lists keep their arrows otherwise.
        """
        self._word_shortcuts: list[QShortcut] = []
        # Shift+S saves too (caps lock, or a habit from other readers).
        shifted = [(QKeySequence(Qt.Modifier.SHIFT | key), key) for key in SAVE_KEYS]
        for sequence, key in [(QKeySequence(key), key) for key in WORD_KEYS] + shifted:
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(True)
            shortcut.activated.connect(lambda k=key: self.view.word_key(k))
            shortcut.setEnabled(False)
            self._word_shortcuts.append(shortcut)
        self.view.word_activated.connect(self._update_word_shortcuts)
        self.view.word_deactivated.connect(self._update_word_shortcuts)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._update_word_shortcuts)

    def _update_word_shortcuts(self, *_args) -> None:
        focus = QApplication.focusWidget()
        typing = isinstance(focus, (QLineEdit, QAbstractSpinBox)) or (
            isinstance(focus, (QTextEdit, QPlainTextEdit)) and not focus.isReadOnly())
        live = self.view.current_index >= 0 and not typing
        for shortcut in self._word_shortcuts:
            shortcut.setEnabled(live)

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: analysis has no step count
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.known_label = QLabel("")
        self.level_label = QLabel("")
        self.level_label.setObjectName("levelLabel")
        self.statusBar().addPermanentWidget(self.level_label)
        self.known_label.setObjectName("knownLabel")
        self.page_known_button = QToolButton()
        self.page_known_button.setObjectName("pageKnownButton")
        self.page_known_button.setText("✓ Page known")
        self.page_known_button.setAutoRaise(True)
        self.statusBar().addPermanentWidget(self.known_label)
        self.statusBar().addPermanentWidget(self.page_known_button)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        file_menu.addAction(open_action)
        add_action = QAction("&Add to library…", self)
        add_action.triggered.connect(self.library_panel.choose_files)
        file_menu.addAction(add_action)
        folder_action = QAction("Add a &folder to library…", self)
        folder_action.triggered.connect(self.library_panel.choose_folder)
        file_menu.addAction(folder_action)
        paste_action = QAction("&Paste text as a new article", self)
        paste_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        paste_action.triggered.connect(self.paste_article)
        file_menu.addAction(paste_action)
        self.library_panel.paste_requested.connect(self.paste_article)
        file_menu.addSeparator()
        import_action = QAction("&Import vocabulary…", self)
        import_action.triggered.connect(self.import_vocab)
        file_menu.addAction(import_action)
        export_action = QAction("&Export vocabulary…", self)
        export_action.triggered.connect(self.export_vocab)
        file_menu.addAction(export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self._build_edit_menu()
        self._build_words_menu()

        view_menu = self.menuBar().addMenu("&View")
        bigger = QAction("&Larger text", self)
        bigger.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        bigger.triggered.connect(lambda: self.change_font_size(+2))
        smaller = QAction("&Smaller text", self)
        smaller.setShortcut(QKeySequence.StandardKey.ZoomOut)
        smaller.triggered.connect(lambda: self.change_font_size(-2))
        view_menu.addAction(bigger)
        view_menu.addAction(smaller)
        view_menu.addSeparator()
        self.tone_action = self._toggle(view_menu, "&Tone colours in pinyin",
                                        self.aids.tone_colors,
                                        self._set_tone_colors)
        self.pinyin_action = self._toggle(view_menu, "Show &pinyin in popup",
                                          self.settings.show_pinyin, self._set_show_pinyin)
        self.sandhi_action = self._toggle(view_menu, "Spoken &tones for 一 and 不",
                                          self.settings.spoken_tones, self._set_spoken_tones)
        self.boundary_action = self._toggle(view_menu, "&Word boundaries",
                                            self.settings.word_boundaries, self._set_boundaries)
        self.aids.add_to_menu(view_menu)
        self.tint_action = self._toggle(view_menu, "Tint &new words", self.settings.tint_unknown,
                                        self._set_tint_unknown)
        view_menu.addSeparator()
        corrections_action = QAction("Entity &corrections…", self)
        corrections_action.triggered.connect(self.show_corrections)
        view_menu.addAction(corrections_action)
        word_corrections_action = QAction("W&ord corrections…", self)
        word_corrections_action.triggered.connect(self.show_word_corrections)
        view_menu.addAction(word_corrections_action)
        view_menu.addSeparator()
        for dock in (self.library_dock, self.entity_dock, self.vocab_dock):
            view_menu.addAction(dock.toggleViewAction())

        about_action = QAction("&About zhreader", self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        self.menuBar().addMenu("&Help").addAction(about_action)

    def _build_edit_menu(self) -> None:
        """Edit: undo word states; find in the article (Ctrl+F, F3, Shift+F3) and search
        the dictionary (Ctrl+D)."""
        menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                           QKeySequence("Ctrl+Shift+Z")])
        menu.addAction(undo)
        menu.addAction(redo)
        menu.addSeparator()
        entries: list[tuple[str, list[QKeySequence], Callable[[], object]]] = [
            ("&Find in article…", [QKeySequence(QKeySequence.StandardKey.Find)], self.open_find),
            ("Find &next", [QKeySequence("F3")], self.find_bar.find_next),
            ("Find &previous", [QKeySequence("Shift+F3")], self.find_bar.find_previous),
            ("&Search the dictionary…", [QKeySequence("Ctrl+D")], self.show_search),
        ]
        for label, keys, slot in entries:
            action = QAction(label, self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _build_words_menu(self) -> None:
        """LingQ's page turn and "I know HSK 1–N": many words known at once, undoable."""
        words_menu = self.menuBar().addMenu("&Words")
        self.page_known_action = QAction("Mark the rest of the &page known", self)
        self.page_known_action.setShortcut(QKeySequence("Ctrl+K"))
        self.page_known_action.setToolTip(
            "Every word on screen you have not marked becomes known (Ctrl+Z undoes it)")
        self.page_known_action.triggered.connect(lambda: self.mark_rest_known(whole=False))
        self.page_known_button.setDefaultAction(self.page_known_action)
        self.page_known_button.setText("✓ Page known")
        article_known = QAction("Mark the rest of the &article known", self)
        article_known.setShortcut(QKeySequence("Ctrl+Shift+K"))
        article_known.triggered.connect(lambda: self.mark_rest_known(whole=True))
        hsk = QAction("I know &HSK 1–N…", self)
        hsk.triggered.connect(self.choose_known_hsk)
        words_menu.addAction(self.page_known_action)
        words_menu.addAction(article_known)
        words_menu.addSeparator()
        words_menu.addAction(hsk)

    def _toggle(self, menu: QMenu, label: str, on: bool, slot: Callable[[bool], None]) -> QAction:
        action = QAction(label, self)
        action.setCheckable(True)
        action.setChecked(on)
        action.toggled.connect(slot)
        menu.addAction(action)
        return action

    # ---- opening articles ------------------------------------------------------------------

    def open_path(self, path: str, position: int = 0, part: str = "") -> None:
        """Load and analyse `path` (or chapter `part` of a book) in the background; the
        text shows as soon as it is read. A whole book goes into the library first."""
        self.popup.hide_popup()
        if not part and path.lower().endswith(".epub"):
            self.library.import_paths([path], open_first=True)
            return
        self._record_progress()  # where the reader leaves the article they were in
        self.article_path = str(path)
        self._rereading = False
        self._restore_position = position
        self.statusBar().showMessage(f"Opening {Path(path).name}…")
        self.runner.start(path=str(path), part=part)

    def open_entry(self, entry: LibraryEntry) -> None:
        """A text from the library, where the reader left it."""
        if self.article is not None and self.article_path is not None \
                and (path_key(self.article_path), self.article.part) == entry.location:
            return
        self.open_path(entry.path, entry.position, entry.part)

    def open_initial(self, paths: list[str]) -> None:
        """Command-line files first, else where the learner left off, else the first article."""
        if paths[1:]:
            self.library.import_paths([str(Path(p).resolve()) for p in paths[1:]])
        if paths:
            self.open_path(str(Path(paths[0]).resolve()))
            return
        last = self.library.last_read()
        if last is not None:
            self.open_entry(last)
        elif (first := self.library_panel.first_entry()) is not None:
            self.open_entry(first)

    def paste_article(self) -> None:
        """The clipboard's text becomes an article of the library, opened at once."""
        path = self.library.paste(QApplication.clipboard().text())
        if path is not None:
            self.open_path(path)

    def _record_progress(self) -> None:
        self._progress_timer.stop()
        if self.article is None or not self.view.text:
            return
        last = self.view.last_visible_offset()
        self.library.record_progress(self.view.first_visible_offset(),
                                     (last + 1) / len(self.view.text))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", str(Path.home()), FILE_FILTER)
        if path:
            self.open_path(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            if files[1:]:
                self.library.import_paths(files[1:])
            self.open_path(files[0])

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [u.toLocalFile() for u in urls
                if u.isLocalFile() and u.toLocalFile().lower().endswith(OPENABLE_SUFFIXES)]

    def _on_article_loaded(self, article: Article) -> None:
        rereading = self._rereading and article.text == self.view.text
        self._rereading = False
        self.article = article
        if rereading and self.analysis is not None:
            # A re-analysis (after a correction): keep the text, scroll and panels until
            # the new analysis replaces them.
            if self.view.text_is_complete:
                self.runner.text_shown()
            return
        self.analysis = None
        self.names_panel.set_entities([])
        self.view.set_article_text(article.text, article.script)
        self.setWindowTitle(f"{article.title} — zhreader")
        if article.path:
            self.article_path = article.path
        self.library.opened(article, self._restore_position)
        if self.find_bar.isVisible():
            self.find_bar.refresh()
        if self._restore_position:
            self.view.scroll_to_offset(self._restore_position, center=False)
        self.statusBar().showMessage(f"Analysing “{article.title}”…")

    def _on_analysis_ready(self, analysis: Analysis, index: ViewIndex | None = None) -> None:
        """Show a finished analysis; the O(n) tables came ready-made from the worker."""
        self.analysis = analysis
        self._view_index = index if index is not None else build_view_index(self.analyzer, analysis)
        self.view.set_analysis(analysis, self._view_index.starts, self._view_index.entity_spans)
        self.names_panel.set_entities(analysis.entities)
        if self._restore_position:
            self.view.scroll_to_offset(self._restore_position, center=False)
            self._restore_position = 0
        self._update_known()
        self._show_level_profile(self._view_index.level_profile)
        self.library.analysed(analysis.text, self._view_index.word_counts)
        words = self._view_index.words
        self.statusBar().showMessage(
            f"{analysis.title} · {len(analysis.text):,} characters · {words:,} words · "
            f"{len(analysis.entities)} names", 10_000)
        dictionary = self.analyzer.dictionary_if_open()
        if dictionary and (notice := dictionary.notice) and not self._index_notice_shown:
            self._index_notice_shown = True  # once: it holds for the whole session
            self.statusBar().showMessage(notice, 15_000)
        if self._correction_message:
            self.statusBar().showMessage(self._correction_message, 10_000)
            self._correction_message = ""
        self.analysis_shown.emit(analysis)

    def _on_failed(self, message: str, title: str = "Cannot open article") -> None:
        self.last_error = message
        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message,
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name may look like markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): the window keeps running

    def _on_busy(self, _busy: bool) -> None:
        self.progress.setVisible(self.runner.busy or self.jobs.busy)

    # ---- popup -------------------------------------------------------------------------------

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention contains [start, end)."""
        return entity_at(self._view_index, start, end) if self._view_index else None

    def look_up(self, index: int) -> WordLookup:
        """Token `index` looked up by the one lookup policy (app.core.language.lookup)."""
        assert self.analysis is not None
        token = self.analysis.tokens[index]
        return look_up(self.analyzer.dictionary_or_none(), token.text, token.pinyin,
                       self.analysis.script)

    def word_info(self, index: int) -> WordInfo:
        """What the popup says about token `index`, looked up on demand."""
        assert self.analysis is not None
        token = self.analysis.tokens[index]
        found = self.look_up(index)
        shown = found.reading
        if self.settings.spoken_tones and any(ch in "一不" for ch in token.text):
            shown = tuple(spoken(token.text, found.reading))
        stored = self.vocab.get(found.simplified) if found.simplified in self._saved_words else None
        state = self._states.get(token.text) or self._states.get(found.simplified)
        return WordInfo(
            word=found.word,
            simplified=found.simplified,
            traditional=found.traditional,
            pinyin=shown,
            entries=found.entries,
            parts=found.parts,
            entity=self.entity_at(token.start, token.end),
            saved=stored is not None,
            gloss=token.gloss,
            state=state,
            spoken_tones=self.settings.spoken_tones,
            citation=found.reading if shown != found.reading else (),
            level=self.hsk_level(found.word) or self.hsk_level(found.simplified),
        )

    def _on_word_activated(self, index: int, anchor: QRect) -> None:
        if self.analysis is None:
            return
        self.popup.show_word(self.word_info(index), anchor, self.aids.tone_colors,
                             self.settings.show_pinyin, self.aids.theme.dark)

    def _on_span_lookup(self, start: int, end: int, anchor: QRect, mode: str) -> None:
        """Alt+hover or a selection: explain the text itself, not the segmenter's word.

        Before the analysis is shown this is how every hover is answered, from the
        dictionary alone, once the worker has it open (the GUI thread never waits for
        it to be built)."""
        if self.analysis is not None and self._view_index is not None:
            analysis, starts = self.analysis, self._view_index.starts
            dictionary = self.analyzer.dictionary_or_none()
        elif self.article is not None and self.article.text == self.view.text:
            analysis = Analysis(self.article.title, self.article.script, self.article.text, ())
            starts, dictionary = [], self.analyzer.dictionary_if_open()
            if dictionary is None:
                self.statusBar().showMessage("Opening the dictionary…", 2000)
                return
        else:
            return
        info, start, end = span_info(analysis, starts, dictionary, start, end, mode)
        if not analysis.tokens:
            info = replace(info, note="Dictionary matches from this character (analysing…)")
        if info.level is None:
            info = replace(info,
                           level=self.hsk_level(info.word) or self.hsk_level(info.simplified))
        self.view.show_lookup_span(start, end)
        rect = self.view.span_rect(start, end)
        anchor = QRect(self.view.viewport().mapToGlobal(rect.topLeft()), rect.size())
        self.popup.show_word(info, anchor, self.aids.tone_colors, self.settings.show_pinyin,
                             self.aids.theme.dark)

    def _reshow_popup(self) -> None:
        index = self.view.current_index
        if index >= 0 and self.popup.isVisible():
            self.view.activate(index)

    # ---- vocabulary --------------------------------------------------------------------------

    def save_token(self, index: int) -> VocabItem | None:
        """Save token `index` with its sentence and article; the popup then says so."""
        if self.analysis is None or not 0 <= index < len(self.analysis.tokens):
            return None
        found = self.look_up(index)
        token = self.analysis.tokens[index]
        start, end = sentence_at(self.analysis.text, token.start)
        item = vocab_item(found, self.analysis.text[start:end], self.analysis.title,
                          mark=token.start - start)
        if not item.gloss:
            entity = self.entity_at(token.start, token.end)
            fallback = token.gloss or (entity.english if entity else None) or ""
            item = replace(item, gloss=fallback)
        saved = self._change_states(f"Save {found.simplified}", [found.simplified],
                                    lambda: self.vocab.save(item))
        if saved is None:
            return None
        self.statusBar().showMessage(f"Saved {found.simplified} to your vocabulary", 4000)
        if self.view.current_index == index:
            self._reshow_popup()
        return saved

    def _refresh_vocab(self) -> None:
        items = self.vocab.items()
        self._saved_words = {i.simplified for i in items}
        self.vocab_panel.set_items(items)
        self._states = self.vocab.states()
        self.view.set_word_states(self._states)
        self._update_known()
        self.library.states_changed(self._states)

    def _change_states(self, label: str, keys: list[str], change: Callable[[], T]
                       ) -> T | None:
        """Run a change of the words `keys` (simplified) and record it for undo.

        Returns what `change` returned, or None when the store refused (said in a dialog).
        """
        try:
            before = self.vocab.snapshot(keys)
            result = change()
        except UserError as exc:  # store busy or unwritable: say so, keep running
            self._on_failed(str(exc), title="Vocabulary")
            self._refresh_vocab()
            return None
        self._record(label, before)
        return result

    def _mark_known(self, label: str, words: Iterable[str]) -> int:
        """Words not yet marked become known, as one undo step; returns how many."""
        try:
            before = self.vocab.set_states(words, "known")
        except UserError as exc:
            self._on_failed(str(exc), title="Vocabulary")
            return 0
        self._record(label, before)
        return len(before)

    def _record(self, label: str, before: Rows, after: Rows | None = None) -> None:
        """Push the change from `before` to `after` (default: the words as stored now),
        then show it."""
        if after is None:
            after = self.vocab.snapshot(before)
        if before != after:
            self.undo_stack.push(StateChange(label, self.vocab, before, after,
                                             self._after_undo, self._undo_failed))
        self._refresh_vocab()

    def _after_undo(self) -> None:
        self._refresh_vocab()
        self._reshow_popup()

    def _undo_failed(self, message: str) -> None:
        self._on_failed(message, title="Vocabulary")

    def set_word_state(self, index: int, status: WordStatus, level: int = 0) -> None:
        """The state keys on token `index`: 1-4 a learning level, 5 known, X ignore.

        A word given a learning level is saved with its sentence (it is one you study);
        known and ignored words only get the state, so the list stays yours.
        """
        if self.analysis is None or not 0 <= index < len(self.analysis.tokens):
            return
        token = self.analysis.tokens[index]
        stored = self.vocab.get(token.text)
        key = stored.simplified if stored is not None else to_simplified(token.text)
        label = f"{_state_name(status, level)}: {key}"
        self.undo_stack.beginMacro(label)  # saving and the level undo as one step
        if status == "learning" and not (stored is not None and stored.saved):
            self.save_token(index)
        traditional = token.text if token.text != key else ""
        changed = self._change_states(
            label, [key], lambda: self.vocab.set_state(token.text, status, level or None,
                                                       traditional))
        self.undo_stack.endMacro()
        if changed is not None:
            self.statusBar().showMessage(
                f"{token.text}: {_state_name(status, level).lower()} (Ctrl+Z undoes it)", 4000)
        if self.view.current_index == index:
            self._reshow_popup()

    def mark_rest_known(self, whole: bool = False) -> int:
        """LingQ's page turn: every word on screen (or in the article) not yet marked is known.

        Names and numbers are left alone, as in the known share. Returns how many words.
        """
        if self.analysis is None or self._view_index is None:
            return 0
        tokens = self.analysis.tokens
        indexes = range(len(tokens)) if whole else self.view.visible_tokens()
        counted = self._view_index.word_counts  # names and numbers are left out
        words = {tokens[i].text for i in indexes
                 if tokens[i].text in counted and tokens[i].text not in self._states
                 and self.entity_at(tokens[i].start, tokens[i].end) is None}
        part = "article" if whole else "page"
        marked = self._mark_known(f"Mark the rest of the {part} known", words)
        self.statusBar().showMessage(
            f"{marked:,} words of this {part} marked known (Ctrl+Z undoes it)" if marked
            else f"Every word of this {part} already has a state.", 6000)
        return marked

    def choose_known_hsk(self) -> None:
        from app.core.language.hsk import TOP_BAND, band_label

        labels = [f"HSK 1–{band_label(band)}" if band > 1 else "HSK 1"
                  for band in range(1, TOP_BAND + 1)]
        choice, ok = QInputDialog.getItem(
            self, "I know HSK 1–N", "Mark every word of these HSK 3.0 bands known:", labels,
            2, False)
        if ok:
            self.mark_hsk_known(labels.index(choice) + 1)

    def mark_hsk_known(self, band: int) -> bool:
        """"I know HSK 1–N": the words of HSK 3.0 bands 1..band not yet marked become known.

        Thousands of words take a frame or more to store and snapshot (~70 ms at HSK 1–3),
        so it runs as a file job; `hsk_marked` says when they are in. False (nothing
        started) while an import or export runs.
        """
        from app.core.language.hsk import band_label

        label = f"HSK 1–{band_label(band)}"
        vocab, analyzer = self.vocab, self.analyzer

        def mark() -> tuple[Rows, Rows]:
            before = vocab.set_states(analyzer.hsk.words_up_to(band), "known")  # one transaction
            return before, vocab.snapshot(before)

        started = self.jobs.run("mark", mark, lambda rows: self._hsk_marked(label, *rows))
        self.statusBar().showMessage(
            f"Marking the {label} words known…" if started
            else "Wait for the current import or export to finish.", 5000)
        return started

    def _hsk_marked(self, label: str, before: Rows, after: Rows) -> None:
        self._record(f"I know {label}", before, after)
        self.statusBar().showMessage(
            f"{len(before):,} {label} words marked known "
            "(words you had marked keep their state; Ctrl+Z undoes it)", 8000)
        self.hsk_marked.emit(len(before))

    def remove_selected_vocab(self) -> None:
        items = self.vocab_panel.selected_items()
        keys = [item.simplified for item in items]
        self._change_states(f"Remove {len(keys)} words", keys,
                            lambda: [self.vocab.remove(key) for key in keys])

    def toggle_selected_known(self) -> None:
        items = self.vocab_panel.selected_items()

        def toggle() -> None:
            for item in items:
                status: WordStatus = "learning" if item.status == "known" else "known"
                self.vocab.set_status(item.simplified, status)

        self._change_states("Known ✓", [item.simplified for item in items], toggle)

    def find_vocab_word(self, item: VocabItem) -> None:
        """Jump to the word in the open article, if it occurs there."""
        if self.analysis is None:
            return
        for i, token in enumerate(self.analysis.tokens):
            if token.text in (item.simplified, item.traditional):
                self.view.activate(i, ensure_visible=True)
                return

    def export_vocab(self) -> None:
        """Ask where and in which tool's format, then write the file on a worker thread."""
        items = self.vocab_panel.model.items()
        if not items:
            self.statusBar().showMessage("Nothing to export yet: hover a word and press S.", 5000)
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export vocabulary", str(Path.home() / "zhreader-vocabulary.apkg"),
            ";;".join(EXPORT_FILTERS))
        if not path:
            return
        from app.core.user.export import export, format_named

        path, fmt, options = export_choice(path, chosen)

        def work() -> tuple[int, str]:
            extra = dict(options)
            if format_named(fmt) == "apkg":
                from app.core.user.anki_deck import default_sources

                extra["sources"] = default_sources(self.analyzer)
            return export(items, Path(path), fmt, **extra), path

        if not self.jobs.run("export", work, self._exported):
            self.statusBar().showMessage("Wait for the current import or export to finish.", 5000)

    def import_vocab(self) -> None:
        """Choose a word list; its preview dialog opens once it has been read."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Import vocabulary", str(Path.home()), IMPORT_FILTER)
        if path:
            self.read_word_list(Path(path))

    def read_word_list(self, path: Path) -> None:
        from app.core.user.vocab_import import Completer, load_word_list

        def read() -> ParsedList:
            return load_word_list(path, Completer(self.analyzer.dictionary, self.analyzer.reader))

        if not self.jobs.run("read", read, lambda parsed: self._show_import_preview(path, parsed)):
            self.statusBar().showMessage("Wait for the current import or export to finish.", 5000)

    def _show_import_preview(self, path: Path, parsed: ParsedList) -> None:
        saved = {item.simplified: item for item in self.vocab.items()}
        dialog = ImportDialog(path, parsed, saved, self)
        dialog.accepted.connect(lambda: self._apply_import(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()  # window-modal, not exec(): the window keeps running

    def _apply_import(self, dialog: ImportDialog) -> None:
        from app.core.user.vocab_import import apply_import

        plan = dialog.plan()
        self.import_dialog = None
        self.jobs.run("import", lambda: apply_import(plan, self.vocab),
                      lambda _count: self._imported(plan))

    def _exported(self, result: tuple[int, str]) -> None:
        count, path = result
        words = f"{count} word{'s' if count != 1 else ''}"
        self.statusBar().showMessage(f"Exported {words} to {path}", 8000)

    def _imported(self, plan: ImportPlan) -> None:
        self._refresh_vocab()
        self.statusBar().showMessage("Import: " + plan.summary(), 10_000)

    def _on_job_failed(self, name: str, message: str) -> None:
        titles = {"export": "Cannot export", "mark": "Vocabulary"}
        title = titles.get(name, "Cannot import")
        self._on_failed(message, title=title)

    def _update_known(self) -> None:
        """% known and new words over the distinct words the worker counted: cheap at any length."""
        if self.analysis is None or self._view_index is None:
            self.stats = None
            self.known_label.setText("")
            return
        index = self._view_index
        profile = index.level_profile or LevelProfile((0,) * (TOP_BAND + 1))
        self.stats = reading_stats(index.word_counts.items(), self._states, profile)
        self.known_label.setText(
            f"Known: {percent(self.stats.known_share)} of words · "
            f"{percent(self.stats.known_distinct_share)} of distinct words · "
            f"{self.stats.new_words:,} new")
        self.known_label.setToolTip(
            "Names, numbers and ignored words are left out; learning words are not known yet.")

    def _show_level_profile(self, profile: LevelProfile | None) -> None:
        """How hard the article is, in HSK 3.0 bands, beside the known-word share."""
        if profile is None or not profile.total:
            self.level_label.setText("")
            self.level_label.setToolTip("")
            return
        text, tooltip = describe_level_profile(profile)
        self.level_label.setText(text)
        self.level_label.setToolTip(tooltip)

    # ---- entities ----------------------------------------------------------------------------

    def show_mention(self, entity: Entity, index: int) -> None:
        """Highlight every mention of `entity` and scroll to the one at `index`."""
        if not entity.spans:
            return
        self.popup.hide_popup()
        if self.view.highlighted_spans != tuple(sorted(entity.spans)):
            self.view.highlight_spans(entity.spans, scroll=False)
        start = sorted(entity.spans)[index % len(entity.spans)][0]
        self.view.scroll_to_offset(start)
        self.statusBar().showMessage(
            f"{entity.text}: mention {index + 1} / {len(entity.spans)}", 5000)

    def highlight_entity(self, entity: Entity) -> None:
        self.popup.hide_popup()
        self.view.highlight_spans(entity.spans)
        self.statusBar().showMessage(
            f"{entity.text}: {entity.count} mention{'s' if entity.count != 1 else ''}", 5000)

    # ---- entity corrections --------------------------------------------------------------

    def add_name_actions(self, menu: QMenu, candidate: str) -> None:
        """The article's right-click menu: mark the selection or word as a name, or not."""
        if not candidate or self.analysis is None:
            return
        menu.addSeparator()
        shown = candidate if len(candidate) <= 24 else candidate[:23] + "…"
        mark = menu.addMenu(f"Mark “{menu_text(shown)}” as a name")
        mark.setObjectName("markAsNameMenu")
        for etype in ENTITY_TYPES:
            action = mark.addAction(ENTITY_TYPE_NAMES[etype])
            action.setData(etype)
            action.triggered.connect(
                lambda _checked=False, t=etype: self.mark_as_name(candidate, t))
        listed = {e.text for e in self.analysis.entities}
        if candidate in listed:
            not_name = menu.addAction(f"“{menu_text(shown)}” is not a name")
            not_name.triggered.connect(lambda: self.ignore_name(candidate))

    def ignore_name(self, name: str) -> None:
        """Never list `name` as a name again, in any article; the open one is re-read now."""
        self._change_corrections(lambda c: c.ignore(name),
                                 f"“{name}” is no longer listed as a name "
                                 "(View → Entity corrections… to undo)")

    def mark_as_name(self, name: str, etype: EntityType) -> None:
        """Always list `name` as an entity of `etype`, in every article."""
        label = ENTITY_TYPE_NAMES[etype]
        self._change_corrections(lambda c: c.add(name, etype),
                                 f"“{name}” is now listed as a {label} "
                                 "(View → Entity corrections… to undo)")

    def _change_corrections(self, change: Callable[[Corrections], None], message: str) -> None:
        try:
            corrections = Corrections.load()
            if corrections.notice:
                self.statusBar().showMessage(corrections.notice, 10_000)
            change(corrections)
            corrections.save()
        except (UserError, OSError) as exc:
            self._on_failed(str(exc))
            return
        self.reanalyse()
        self._correction_message = message
        self.statusBar().showMessage(message, 10_000)

    # ---- word-boundary corrections ---------------------------------------------------------

    def add_boundary_actions(self, menu: QMenu, _candidate: str = "") -> None:
        """The right-click menu: join, split, or make the selection one word (every article)."""
        if self.analysis is None:
            return
        offset = self.view.context_offset
        index = self.view.token_index_at_offset(offset) if offset is not None else -1
        dictionary = self.analyzer.dictionary_or_none()
        fixes = boundary_fixes(self.analysis.text, self.analysis.tokens, index, offset,
                               self.view.selected_span(),
                               dictionary.contains if dictionary else lambda _w: False)
        add_fix_actions(menu, fixes, self.change_word_corrections)

    def change_word_corrections(self, change: Change, message: str) -> None:
        """Apply one boundary fix, save it, and read the open article again."""
        from app.core.user.word_corrections import WordCorrections

        try:
            corrections = WordCorrections.load()
            if corrections.notice:
                self.statusBar().showMessage(corrections.notice, 10_000)
            change(corrections)
            corrections.save()
        except (UserError, OSError) as exc:
            self._on_failed(str(exc))
            return
        self.reanalyse()
        self._correction_message = message
        self.statusBar().showMessage(message, 10_000)

    def show_word_corrections(self) -> CorrectionsDialog:
        from app.core.user.word_corrections import WordCorrections
        from app.ui.models import WordCorrectionsModel

        corrections = WordCorrections.load()
        if corrections.notice:
            self.statusBar().showMessage(corrections.notice, 10_000)
        dialog = CorrectionsDialog(
            corrections, self, model=WordCorrectionsModel(corrections),
            title="Word corrections", name="wordCorrectionsDialog",
            hint="Words you joined or split; they apply to every article. Right-click a "
                 "word in the article to add one.")
        dialog.model.setParent(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.reanalyse)
        dialog.open()
        return dialog

    # ---- find and dictionary search ------------------------------------------------------

    def open_find(self) -> None:
        span = self.view.selected_span()
        picked = self.view.text[span[0]:span[1]] if span else ""
        self.find_bar.open_bar(picked if picked and "\n" not in picked else None)

    def show_search(self) -> SearchDialog | None:
        """Ctrl+D: the dictionary search dialog (the selection, if any, as the query)."""
        from app.core.language.dictionary_search import DictionarySearch
        from app.ui.search_dialog import SearchDialog

        dictionary = self.analyzer.dictionary_or_none()
        if dictionary is None:
            self._on_failed("the dictionary index cannot be built", title="Dictionary")
            return None
        dialog = self.search_dialog
        if dialog is None:
            dialog = SearchDialog(DictionarySearch(dictionary).search, self.save_entry, self)
            self.search_dialog = dialog
        span = self.view.selected_span()
        if span is not None and span[1] - span[0] <= 40:
            dialog.set_query(self.view.text[span[0]:span[1]].strip())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.edit.setFocus()
        return dialog

    def save_entry(self, entry) -> bool:
        """Save a dictionary entry (from search) to the vocabulary, without a sentence."""
        item = VocabItem(simplified=entry.simplified, traditional=entry.traditional,
                         pinyin=entry.pinyin, gloss=entry.gloss)
        if self._change_states(f"Save {entry.simplified}", [entry.simplified],
                               lambda: self.vocab.save(item)) is None:
            return False
        self.statusBar().showMessage(f"Saved {entry.simplified} to your vocabulary", 4000)
        return True

    def reanalyse(self) -> None:
        """Analyse the open article again (after a correction), keeping the reading position."""
        if self.article is None:
            return
        self.popup.hide_popup()
        self._restore_position = 0  # the text stays in place: nothing to restore
        self._rereading = True
        self.runner.start(article=self.article)

    def show_corrections(self) -> CorrectionsDialog:
        corrections = Corrections.load()
        if corrections.notice:
            self.statusBar().showMessage(corrections.notice, 10_000)
        dialog = CorrectionsDialog(corrections, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.reanalyse)
        dialog.open()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- view options ------------------------------------------------------------------------

    def change_font_size(self, delta: int) -> None:
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self.view.font_size() + delta))
        self.view.set_font_size(size)
        self.settings.font_size = size

    def _set_tone_colors(self, on: bool) -> None:
        self.aids.set_tone_colors(on)
        self._reshow_popup()

    def _set_show_pinyin(self, on: bool) -> None:
        self.settings.show_pinyin = on
        self._reshow_popup()

    def _set_spoken_tones(self, on: bool) -> None:
        self.settings.spoken_tones = on
        self.view.set_spoken_tones(on)
        self._reshow_popup()

    def _set_boundaries(self, on: bool) -> None:
        self.settings.word_boundaries = on
        self.view.set_word_boundaries(on)

    def _set_tint_unknown(self, on: bool) -> None:
        self.settings.tint_unknown = on
        self.view.set_tint_unknown(on)

    # ---- state -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            QTimer.singleShot(0, self._hide_popup_if_inactive)

    def _hide_popup_if_inactive(self) -> None:
        if not self.isActiveWindow() and self.isVisible() and self.windowHandle() \
                and self.windowHandle().isExposed():
            self.view.hide_word()

    def save_state(self) -> None:
        if not self._persist:
            return
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.save_library_header(self.library_panel.header_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._record_progress()
        self.save_state()
        self.popup.hide_popup()
        self.runner.cancel()
        self.runner.wait(5000)
        self.aids.speaker.wait(5000)
        self.aids.speaker.stop()
        self.library.close()
        self.jobs.shut_down()  # an import or marking writes the vocabulary to its end
        self.vocab.close()
        super().closeEvent(event)


def _state_name(status: WordStatus, level: int = 0) -> str:
    if status == "learning":
        return f"Learning {level}" if level else "Learning"
    return status.capitalize()
