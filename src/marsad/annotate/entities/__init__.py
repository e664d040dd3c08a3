"""The entities annotator (work in progress: fills nothing yet)."""

from __future__ import annotations

from typing import ClassVar

from marsad.annotate.doc import Doc


class EntityAnnotator:
    name: ClassVar[str] = "entities"
    provides: ClassVar[tuple[str, ...]] = ("entities",)

    def __call__(self, doc: Doc) -> None:
        return None
