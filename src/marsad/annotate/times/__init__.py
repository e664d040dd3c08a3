"""The times annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class TimeAnnotator:
    name: ClassVar[str] = "times"
    provides: ClassVar[tuple[str, ...]] = ("times",)

    def __call__(self, doc: Doc) -> None:
        return None
