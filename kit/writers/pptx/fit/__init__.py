"""Slide text fitting with no file format in it: measuring words, fitting text to areas.

`planner.plan` turns a composed slide and a layout's text areas (`areas`) into the
slides it is written on, with every paragraph's size.
"""
