"""The user's preferences, kept in an INI file in the data folder (portable mode included)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings

from app import paths
from app.reports.outputs import LANGUAGES, PAPERS

__all__ = ["LANGUAGES", "PAPERS", "AppSettings", "default_language", "default_paper"]

TEXT_SIZES: dict[str, int] = {"small": 10, "medium": 12, "large": 15}
_LETTER_COUNTRIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.Philippines,
    QLocale.Country.PuertoRico,
}


def default_paper(locale: QLocale | None = None) -> str:
    """Letter where Letter is the norm (the Americas' Letter countries), A4 elsewhere; by the
    system's territory unless a locale is given."""
    where = QLocale.system() if locale is None else locale
    return "letter" if where.territory() in _LETTER_COUNTRIES else "a4"


def default_language(locale: QLocale | None = None) -> str:
    where = QLocale.system() if locale is None else locale
    return "es" if where.language() == QLocale.Language.Spanish else "en"


class AppSettings:
    def __init__(self) -> None:
        self._qs = QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)

    def _choice(self, key: str, allowed: tuple[str, ...] | list[str], default: str) -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) and value in allowed else default

    @property
    def text_size(self) -> str:
        return self._choice("view/text_size", list(TEXT_SIZES), "medium")

    @text_size.setter
    def text_size(self, value: str) -> None:
        self._qs.setValue("view/text_size", value)

    @property
    def language(self) -> str:
        return self._choice("view/language", LANGUAGES, default_language())

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("view/language", value)

    @property
    def paper(self) -> str:
        return self._choice("reports/paper", tuple(PAPERS), default_paper())

    @paper.setter
    def paper(self, value: str) -> None:
        self._qs.setValue("reports/paper", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def last_round(self) -> int | None:
        value = self._qs.value("session/last_round")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_round.setter
    def last_round(self, value: int | None) -> None:
        self._qs.setValue("session/last_round", "" if value is None else value)

    @property
    def welcomed(self) -> bool:
        return str(self._qs.value("session/welcomed", "")) == "1"

    @welcomed.setter
    def welcomed(self, value: bool) -> None:
        self._qs.setValue("session/welcomed", "1" if value else "")

    @property
    def sync_warned(self) -> str:
        """The data file the synced-folder warning was last shown for (it is shown once)."""
        return str(self._qs.value("session/sync_warned", ""))

    @sync_warned.setter
    def sync_warned(self, value: str) -> None:
        self._qs.setValue("session/sync_warned", value)

    def sync(self) -> None:
        self._qs.sync()

    def last_folder(self, kind: str) -> str:
        """The folder a file of this kind was last saved to or opened from ("" when none)."""
        return str(self._qs.value(f"folders/{kind}", ""))

    def set_last_folder(self, kind: str, folder: str) -> None:
        self._qs.setValue(f"folders/{kind}", folder)
