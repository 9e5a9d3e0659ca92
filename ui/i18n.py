"""Languages: which one is chosen, and swapping Qt translators while the window stays open.

The choice lives in QSettings (``ui/language``); without one, the system locale decides.
Installing or removing a ``QTranslator`` makes Qt send ``QEvent.LanguageChange`` to every
widget; screens answer it with ``retranslate()``, so nothing typed is lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import QSettings
from PySide6.QtCore import QTranslator

from ui.fill import fill  # noqa: F401 - the window's screens take it from here

ENGLISH = "en"
CHINESE = "zh_CN"
# Each language is named in itself, so a user can find theirs whatever is showing.
LANGUAGES = [(ENGLISH, "English"), (CHINESE, "简体中文")]
SETTING = "ui/language"
# The names QSettings files the window's settings under (``ui.app`` gives them to the application).
ORGANISATION = "Stockroom"
APPLICATION = "Stockroom"

# Qt's own dialogs ask for a few texts that Qt's bundled Chinese does not have (its source texts gained an
# accelerator): they are listed here so that our translation file carries them; Qt looks in ours when its
# own has none.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)

_installed: list[QTranslator] = []
_current = ENGLISH


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``, also inside a frozen (PyInstaller) build."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)


def system_language() -> str:
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def saved_language() -> str:
    value = QSettings().value(SETTING, "", type=str)
    return value if value in dict(LANGUAGES) else system_language()


def chosen_language() -> str:
    """The language the window shows, read without a running application: the one chosen in Settings, else the
    system's. The command line writes its PDFs and workbooks in it unless told (``ui.cli.common.file_language``)."""
    settings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
    value = settings.value(SETTING, "", type=str)
    return value if value in dict(LANGUAGES) else system_language()


def label_translator(language: str, context: str):
    """A function that translates the labels of ``context`` into ``language`` from the app's .qm, without an
    application and without installing anything (the window installs its translators with ``set_language``): the
    command line prints a purchase order in Chinese with it. A label the .qm lacks stays in English."""
    if language == ENGLISH:
        return lambda text: text
    translator = QTranslator()
    path = resource_path("i18n", f"stockroom_{language}.qm")
    if not translator.load(str(path)):
        raise FileNotFoundError(f"the translation file {path} is missing or damaged; reinstall Stockroom")
    return lambda text: translator.translate(context, text) or text


def current_language() -> str:
    return _current


def set_language(language: str, persist: bool = True) -> bool:
    """Swap the installed translators to ``language``; returns whether the app's .qm was found."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    found = language == ENGLISH
    if language != ENGLISH:
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n", f"stockroom_{language}.qm"))):
            found = True
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    _current = language
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == CHINESE
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if persist:
        QSettings().setValue(SETTING, language)
    return found
