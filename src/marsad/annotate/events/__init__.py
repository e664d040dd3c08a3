"""The events annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class EventAnnotator:
    name: ClassVar[str] = "events"
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __call__(self, doc: Doc) -> None:
        return None
