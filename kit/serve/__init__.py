"""`kit serve`: a local web page to plan, check, preview and build a course.

The page edits the course file itself (through a YAML round trip that keeps its
comments and layout), checks every change with the library's own loader, and
previews the composed documents; nothing here knows more about a course than the
library does.
"""
