"""Help → About: version, data sources with their licences, and the learner's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app import __version__
from app.core.about import CREDITS
from app.core.paths import data_dir, licenses_dir
from app.ui.about_dialog import AboutDialog


class _FileManager(QObject):
    """Stands in for the desktop's file manager: records the URLs it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def about(qtbot) -> AboutDialog:
    """The dialog as a learner opens it: Help → About zhreader in a fresh window."""
    from app.ui.main_window import MainWindow

    window = MainWindow(persist=False)
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&About zhreader").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_about_names_version_sources_licences_and_data_folder(about: AboutDialog) -> None:
    text = about.text.toPlainText()
    assert f"zhreader {__version__}" in text
    for credit in CREDITS:
        assert credit.name in text and credit.licence in text
    assert str(data_dir()) in text
    html = about.text.toHtml()
    for credit in CREDITS:
        if credit.licence_file:  # every named licence text ships, and the dialog links it
            licence = licenses_dir() / credit.licence_file
            assert licence.is_file(), credit
            assert QUrl.fromLocalFile(str(licence)).toString() in html


def test_open_data_folder_asks_the_desktop_to_show_it(qtbot, about: AboutDialog) -> None:
    file_manager = _FileManager()
    QDesktopServices.setUrlHandler("file", file_manager, "open")
    try:
        qtbot.mouseClick(about.open_data_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in file_manager.urls] == [str(data_dir())]
    assert Path(file_manager.urls[0].toLocalFile()).is_dir()
