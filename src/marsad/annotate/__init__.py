"""Annotators: independent, pure functions of a segmented article plus loaded resources.

Each annotator module exposes a class implementing `Annotator` (base.py). The pipeline
(pipeline.py) runs a configured list in order; later annotators may read earlier layers
(quotes read entities, amounts read times). Resources load once per process.
"""
