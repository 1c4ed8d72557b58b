"""Problems found in cards, reported the same way by the plugin and the command line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


class Severity(StrEnum):
    """How bad a problem is: an error makes the card unusable as written, a warning does not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to fix in one card, located by docs-relative file, line and key."""

    path: str
    message: str
    line: int | None = None
    key: str | None = None
    suggestion: str | None = None
    severity: Severity = Severity.WARNING

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"{self.key}: {self.message}" if self.key else self.message
        hint = f" ({self.suggestion})" if self.suggestion else ""
        # A card value quoted in the message must not drive the author's terminal.
        return _CONTROL.sub(lambda found: repr(found[0])[1:-1], f"{where}: {what}{hint}")


def clip(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with '…': how a message quotes it."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def failure_problem(path: str, error: Exception) -> Problem:
    """The error for a card whose page could not be made: a fault of the plugin, not of the
    card, located on the card so that the rest of the site is built and served."""
    return Problem(
        path,
        f"this card's page could not be made ({clip(f'{type(error).__name__}: {error}', 120)}); "
        "it is shown without the part that failed",
        None,
        None,
        "please report it to the plugin's authors with this card attached",
        Severity.ERROR,
    )
