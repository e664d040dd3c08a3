"""The quotes annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class QuoteAnnotator:
    name: ClassVar[str] = "quotes"
    provides: ClassVar[tuple[str, ...]] = ("quotes", "citations",)

    def __call__(self, doc: Doc) -> None:
        return None
