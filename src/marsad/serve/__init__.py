"""Serve layer."""
