"""Corpus layer."""
