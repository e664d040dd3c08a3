"""The amounts annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class AmountAnnotator:
    name: ClassVar[str] = "amounts"
    provides: ClassVar[tuple[str, ...]] = ("amounts",)

    def __call__(self, doc: Doc) -> None:
        return None
