"""The entities annotator: gazetteer + patterns (default), optional CRF backend (MARSAD_NER=crf)."""

from __future__ import annotations

from marsad.annotate.entities.annotator import EntityAnnotator

__all__ = ["EntityAnnotator"]
