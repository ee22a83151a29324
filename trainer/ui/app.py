"""Application setup: QApplication, logging, fonts, style sheet, translations; `run()`.

Startup is kept fast: only PySide6, the settings and the paths are imported here;
the case library and the database (pydantic, sqlite-utils) load in a thread after
the window is on screen.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from trainer.paths import app_folder, data_dir
from trainer.settings import Settings

log = logging.getLogger("trainer")

RESOURCES = app_folder("resources")
BASE_POINT_SIZE = 11.0
_TRANSLATORS: list[QTranslator] = []


def setup_logging(root: Path) -> Path | None:
    """Log to <data dir>/logs/trainer.log (rotated); fall back to stderr."""
    logger = logging.getLogger("trainer")
    logger.setLevel(logging.INFO)
    path: Path | None = root / "logs" / "trainer.log"
    assert path is not None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(
        getattr(h, "baseFilename", None) == getattr(handler, "baseFilename", 0)
        for h in logger.handlers
    ):
        logger.addHandler(handler)
    return path


def install_translator(app: QCoreApplication, lang: str) -> bool:
    """Install the translations for `lang` on top of what is installed.

    Source strings are zh-TW; `en` loads resources/translations/trainer_en.qm (and
    trainer_instructor_en.qm for the instructor area). Qt's
    own dialogs (file dialogs, message-box buttons) are English unless a qtbase
    catalogue is loaded, so zh-TW loads Qt's qtbase_zh_TW.qm from PySide6.
    Returns False when the app's catalogue for `lang` is missing.
    """
    if lang == "zh-TW":
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load("qtbase_zh_TW", folder):
            app.installTranslator(qt)
            _TRANSLATORS.append(qt)
        else:
            log.info("no qtbase_zh_TW.qm in %s; Qt's dialogs stay in English", folder)
        return True
    # the instructor area (trainer/ui/instructor) has its own catalogue beside the app's
    instructor = QTranslator(app)
    suffix = lang.replace("-", "_")
    if instructor.load(f"trainer_instructor_{suffix}", str(RESOURCES / "translations")):
        app.installTranslator(instructor)
        _TRANSLATORS.append(instructor)
    translator = QTranslator(app)
    name = f"trainer_{suffix}"
    if translator.load(name, str(RESOURCES / "translations")):
        app.installTranslator(translator)
        _TRANSLATORS.append(translator)
        return True
    log.info("no translation %s.qm; using the default texts", name)
    return False


def set_language(app: QCoreApplication, lang: str) -> bool:
    """Switch every translation (the app's and Qt's own) to `lang`, at once.

    Widgets built afterwards use the new language; the main window rebuilds its
    pages (MainWindow.set_language) so nothing needs a restart.
    """
    while _TRANSLATORS:
        app.removeTranslator(_TRANSLATORS.pop())
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan))
    return install_translator(app, lang)


def style_sheet(scale: float) -> str:
    """resources/style.qss with its {{size}} tokens filled for the text scale."""
    text = (RESOURCES / "style.qss").read_text(encoding="utf-8")
    sizes = {
        "small": 9.5,
        "base": BASE_POINT_SIZE,
        "medium": 12.0,
        "large": 13.5,
        "title": 16.0,
        "hero": 22.0,
        "score": 26.0,
    }
    for key, value in sizes.items():
        text = text.replace("{{" + key + "}}", f"{value * scale:.1f}pt")
    return text


def apply_style(app: QApplication, scale: float, family: str | None) -> None:
    from trainer.ui.fonts import ui_font

    app.setFont(ui_font(family, BASE_POINT_SIZE * scale))
    app.setStyleSheet(style_sheet(scale))


def setup_fonts() -> tuple[str | None, str | None]:
    """(family, problem): the CJK family to use, or a message saying how to fix it."""
    from trainer.ui.fonts import fix_hint, pick_family

    family = pick_family()
    if family:
        return family, None
    message = QCoreApplication.translate(
        "App", "找不到繁體中文字型，中文可能會顯示成方框。{hint}"
    ).format(hint=fix_hint())
    log.warning("no CJK font found")
    return None, message


def create_app(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName("complaint-trainer")
    app.setApplicationDisplayName("顧客投訴處理訓練")
    app.setOrganizationName("complaint-trainer")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "complaint-trainer.png")))
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan))
    return app


def _excepthook_for(app: QApplication) -> object:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, exc, tb))
        log.error("unexpected error\n%s", details)
        try:
            from trainer.ui import dialogs

            dialogs.error(
                app.activeWindow(),
                QCoreApplication.translate("App", "發生未預期的錯誤，你的作答進度已儲存。"),
            )
        except Exception:  # never let the hook itself crash the app
            pass

    return hook


def run(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    parser = argparse.ArgumentParser(prog="main.py", description="Complaint-handling trainer")
    parser.add_argument("--data-dir", help="where learner data and settings are kept")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start, load the case library, print one JSON line and quit (deployment check)",
    )
    args, qt_args = parser.parse_known_args(argv[1:])
    app = create_app([argv[0], *qt_args])
    root = data_dir(args.data_dir)
    from trainer.ui import single_instance

    # One window per data folder: a second start brings the first one forward.
    if not single_instance.acquire_or_signal(single_instance.server_name_for(root)):
        if args.smoke:
            print(f"smoke: the app is already running on {root}", file=sys.stderr)
        return 1 if args.smoke else 0
    setup_logging(root)
    from trainer.exchange.leftovers import sweep

    with contextlib.suppress(Exception):  # what a killed merge or export left (issue 15)
        sweep(root)
    settings = Settings.load(root)
    set_language(app, str(settings["language"]))
    family, problem = setup_fonts()
    apply_style(app, float(settings["font_scale"]), family)

    from trainer.ui.main_window import MainWindow

    window = MainWindow(
        root, settings, font_problem=problem, on_scale=lambda s: apply_style(app, s, family)
    )
    window.show_initially()

    def bring_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    single_instance.on_activate(bring_forward)
    window.start_loading()
    if args.smoke:
        from trainer.ui import smoke

        smoke.arm(window, {"resources": str(RESOURCES), "font": family})
    app.aboutToQuit.connect(window.shutdown)
    app.aboutToQuit.connect(single_instance.release)
    sys.excepthook = _excepthook_for(app)  # type: ignore[assignment]
    log.info("started, data dir %s", root)
    return app.exec()
