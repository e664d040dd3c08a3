"""The annotator interface."""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from marsad.annotate.doc import Doc


@runtime_checkable
class Annotator(Protocol):
    """An annotator fills the layers it names in `provides` on a Doc.

    Construction loads and compiles its resources (the pipeline builds each annotator once per
    process); `__call__` must be a pure function of the Doc's text, published date and the
    layers filled before it, and must only write its own layers.
    """

    name: ClassVar[str]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> None: ...
