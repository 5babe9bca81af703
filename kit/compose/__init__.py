"""Compose stage: turn the resolved course into format-neutral documents and decks."""
