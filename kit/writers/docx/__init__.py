"""The .docx writer: composed documents laid out on kit's base or a church's template."""

from kit.writers.docx.document import write_docx

__all__ = ["write_docx"]
