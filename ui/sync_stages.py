"""The stages a sync reports its progress in (``persistence.sync.engine``: push, pull, recompute), named as the
window names them, for the status bar and for ``stockroom sync``'s progress.

The names are marked for the translation file under ``SyncStage``: the window translates them with ``translate``,
the command line with ``ui.i18n.label_translator`` for its ``--language`` (English loads no Qt, so a sync from a
scheduled task starts fast).
"""

from __future__ import annotations

from collections.abc import Callable

from ui.fill import QT_TRANSLATE_NOOP

CONTEXT = "SyncStage"


STAGES = {
    "push": QT_TRANSLATE_NOOP("SyncStage", "sending"),
    "pull": QT_TRANSLATE_NOOP("SyncStage", "receiving"),
    "recompute": QT_TRANSLATE_NOOP("SyncStage", "recalculating stock"),
}
# %1 the stage, %2 how many are done, %3 of how many: a line of the command line's progress
COUNTED = QT_TRANSLATE_NOOP("SyncStage", "%1: %2/%3")


def stage_words(stage: str, tr: Callable[[str], str]) -> str:
    """``stage`` as the reader names it (``tr`` translates under ``CONTEXT``); a stage not known, as it is."""
    caption = STAGES.get(stage)
    return tr(caption) if caption else stage


def cli_translator(language: str) -> Callable[[str], str]:
    """The command line's ``tr`` for the stages in ``language`` ("en" or "zh_CN")."""
    if language == "en":
        return lambda text: text
    from ui.i18n import label_translator

    return label_translator(language, CONTEXT)
