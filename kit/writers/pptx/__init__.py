"""Slide decks (.pptx) written with python-pptx on kit's template or a church's.

`template` reads a template once per process, `layouts` picks each kind of slide's layout
on kit's own and reads its text areas, `roles` and `placed` pick a church's layouts by what
they hold and place kit's text on them, `deck` writes the slides and notes, `text` their
paragraphs. Fitting the text to the areas is the work of its fit package.
"""

from kit.writers.pptx.deck import write_pptx
from kit.writers.pptx.template import deck_design

__all__ = ["deck_design", "write_pptx"]
