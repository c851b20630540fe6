"""The app's language: English (the source) or German, from the "language" preference or
the system locale; our .qm and Qt's own (standard buttons) installed before the first window.

How to make a string translatable (pyside6-lupdate reads Python, but only some spellings):

- ``from peercoach_desktop.ui.infra.i18n import translate`` and write
  ``translate("Context", "Text")`` with both arguments as string literals. The context is a
  fixed name (the class or module, e.g. "StepsView"), never ``self.tr``: PySide6's tr picks the
  runtime class, so a subclass would miss its translations.
- Values: a template with named ``str.format`` fields, formatted after translating:
  ``translate("Ctx", "Saved to {path}.").format(path=out)``. Never an f-string inside translate.
- Counts: lupdate marks a message as plural only when ``n`` is a literal, so use
  ``plural(n, translate("Ctx", "{n} step"), translate("Ctx", "{n} steps"))`` (``{n}`` is the
  number in the locale's format). English and German both have one singular and one plural form.
- Module-level constants: ``QT_TRANSLATE_NOOP("Ctx", "Text")`` where they are defined (it returns
  the English text unchanged) and ``translate("Ctx", CONSTANT)`` where they are shown.
- Keep object names (tests, styles) in English; derive none from translated text.
- Dates and numbers: ``short_date``/``local_time`` below, or QLocale() (the default is set here).

After changing strings run ``scripts/update_translations.sh``: it regenerates
``translations/peercoach_de.ts`` (pyside6-lupdate over src). Translate new messages with
``.venv/bin/pyside6-linguist translations/peercoach_de.ts`` or by editing the XML (remove
``type="unfinished"``). tests/test_i18n.py fails while a message is untranslated or a source
string is missing from the .ts. The .qm files are build outputs: scripts/bootstrap.sh compiles
them (pyside6-lrelease) into resources/translations/, which resource_path finds and the
packaging carries. Without a .qm the app simply runs in English.

Startup cost: loading a .qm maps the file; nothing here reads more than that.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

__all__ = ["QT_TRANSLATE_NOOP", "install", "language", "number", "percent", "plural", "translate"]

LANGUAGES = ("system", "en", "de")  # the preference's values
TRANSLATED = ("de",)  # languages with a .qm; English is the source text

translate = QCoreApplication.translate

_language = "en"
_installed: list[QTranslator] = []


def language() -> str:
    """The language the interface speaks: "en" or "de" (for localized data files too)."""
    return _language


def choose(preference: str, system: QLocale | None = None) -> str:
    """The language for a preference ("system", "en" or "de") on this system."""
    if preference in ("en", *TRANSLATED):
        return preference
    system = system or QLocale.system()
    return "de" if system.language() == QLocale.Language.German else "en"


def _locale_for(code: str) -> QLocale:
    """The system's own variant (de_AT, en_GB) when it speaks the language, else a standard one."""
    system = QLocale.system()
    if code == "de":
        return system if system.language() == QLocale.Language.German else QLocale("de_DE")
    if system.language() in (QLocale.Language.English, QLocale.Language.C):
        return system
    return QLocale("en_US")


def qm_path(code: str) -> str | None:
    from peercoach_desktop.domain.errors import PeerCoachError
    from peercoach_desktop.system.resources import resource_path

    try:
        return str(resource_path("translations", f"peercoach_{code}.qm"))
    except PeerCoachError:
        return None  # not compiled (a bare checkout): English, never empty labels


def install(preference: str = "system") -> str:
    """Choose the language and install its translators; call before the first window is built.

    Returns the language code. Calling it again (tests) replaces what an earlier call installed."""
    global _language
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    code = choose(preference)
    ours = qm_path(code) if code in TRANSLATED else None
    if ours is not None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((ours, ""), (f"qtbase_{code}", qt_dir)):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
    else:
        code = "en"
    _language = code
    QLocale.setDefault(_locale_for(code))
    return code


def plural(n: int, one: str, other: str, **fields: object) -> str:
    """The singular or plural template (already translated), with {n} as a local number."""
    return (one if n == 1 else other).format(n=QLocale().toString(n), **fields)


def percent(value: float) -> str:
    """A share 0..1 as a local percentage: "80%" in English, "80 %" in German."""
    return translate("Numbers", "{n}%").format(n=QLocale().toString(round(100 * value)))


def number(value: int) -> str:
    return QLocale().toString(value)
