"""Cleaning: HTML to text, boilerplate removal, title and publication date."""
