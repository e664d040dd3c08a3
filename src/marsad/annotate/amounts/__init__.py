"""The amounts layer: money, percentages, quantities, counts and multipliers, with what they
measure, their qualifier and the period they refer to."""

from marsad.annotate.amounts.annotator import AmountAnnotator

__all__ = ["AmountAnnotator"]
