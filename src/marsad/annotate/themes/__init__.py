"""The themes annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class ThemeAnnotator:
    name: ClassVar[str] = "themes"
    provides: ClassVar[tuple[str, ...]] = ("themes",)

    def __call__(self, doc: Doc) -> None:
        return None
