"""The application: QApplication, the bundled Arabic font, and the interface language."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from annotator.core.paths import APP_NAME, RESOURCES
from annotator.gui import crash_guard

LANGUAGES = ("ar", "en")
I18N_DIR = RESOURCES / "i18n"


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    load_fonts()
    crash_guard.install(QApplication.activeWindow)  # log and show any error; never die
    return app  # type: ignore[return-value]


def load_fonts() -> list[str]:
    """Register Noto Naskh Arabic from resources/fonts (the analyst need not install it)."""
    families: list[str] = []
    for path in sorted((RESOURCES / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def default_language(settings: QSettings) -> str:
    """The saved choice, else Arabic on an Arabic system, else English."""
    saved = settings.value("ui/language")
    if saved in LANGUAGES:
        return str(saved)
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


class Language:
    """Installs the program's and Qt's own translations and mirrors the layout."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.code = "en"
        self._translators: list[QTranslator] = []

    def install(self, code: str) -> None:
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        self.code = code if code in LANGUAGES else "en"
        if self.code != "en":
            ours = QTranslator(self.app)
            if ours.load(str(I18N_DIR / f"annotator_{self.code}.qm")):
                self._translators.append(ours)
            qt_own = QTranslator(self.app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{self.code}", qt_dir):
                self._translators.append(qt_own)
        # Layout direction first: LanguageChange handlers then lay out the mirrored window.
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.code == "ar" else Qt.LayoutDirection.LeftToRight
        )
        for translator in self._translators:
            self.app.installTranslator(translator)
