"""Help → About: the version, what zhreader is built from and under which licences, and
where the learner's own data lives (with a button that opens that folder)."""

from __future__ import annotations

import contextlib
from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.core.about import CREDITS
from app.core.paths import cache_dir, data_dir, licenses_dir


def _link(path: Path, text: str) -> str:
    return f'<a href="{escape(QUrl.fromLocalFile(str(path)).toString())}">{escape(text)}</a>'


def about_html() -> str:
    """The dialog's text; every path and name escaped (a data dir may hold any character)."""
    licences = licenses_dir()
    rows = []
    for credit in CREDITS:
        name = escape(credit.name)
        if credit.url:
            name = f'<a href="{escape(credit.url)}">{name}</a>'
        licence = escape(credit.licence)
        if credit.licence_file and (licences / credit.licence_file).is_file():
            licence = _link(licences / credit.licence_file, credit.licence)
        rows.append(f"<tr><td>{name}</td><td>{escape(credit.used_for)}</td>"
                    f"<td>{licence}</td></tr>")
    return (
        f"<h2>zhreader {escape(__version__)}</h2>"
        "<p>A reading assistant for learners of Chinese: segmented text, pinyin in context, "
        "CC-CEDICT glosses, names and a vocabulary list.</p>"
        "<h3>Data sources and licences</h3>"
        "<table cellspacing='6'><tr><th align='left'>component</th>"
        "<th align='left'>used for</th><th align='left'>licence</th></tr>"
        + "".join(rows) + "</table>"
        f"<p>All licence texts: {_link(licences, str(licences))}</p>"
        "<h3>Your data</h3>"
        f"<p>Vocabulary and entity corrections: {_link(data_dir(), str(data_dir()))}<br>"
        f"Rebuildable caches (safe to delete): {escape(str(cache_dir()))}</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About zhreader")
        self.setObjectName("aboutDialog")
        self.resize(660, 560)
        self.text = QTextBrowser()  # scrolls if a small screen or large font needs it
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_data_button = QPushButton("Open data folder")
        self.open_data_button.clicked.connect(self.open_data_folder)
        buttons.addButton(self.open_data_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def open_data_folder(self) -> bool:
        """Show the vocabulary's folder in the desktop's file manager (made if still missing:
        before the first saved word there is none)."""
        folder = data_dir()
        with contextlib.suppress(OSError):  # unwritable: the file manager says what is there
            folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
