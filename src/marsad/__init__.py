"""Marsad (مرصد): Arabic news into structured, cross-checked knowledge."""

__version__ = "0.1.0"
