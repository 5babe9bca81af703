"""Fields: the contents is a TOC field Word refreshes on opening, linked to its headings."""

from __future__ import annotations

from docx.oxml.ns import qn


def test_contents_is_a_toc_field_listing_headings_as_links(sample) -> None:
    instructions = " ".join(i.text for i in sample.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-2"' in instructions
    links = [h.get(qn("w:anchor")) for h in sample.element.body.iter(qn("w:hyperlink"))]
    marks = {b.get(qn("w:name")) for b in sample.element.body.iter(qn("w:bookmarkStart"))}
    assert len(links) == 2 and set(links) <= marks
    assert sample.settings.element.find(qn("w:updateFields")) is not None


def test_a_document_without_contents_has_no_fields_to_refresh(write) -> None:
    doc = write("# Chapter\nText.")
    assert not list(doc.element.body.iter(qn("w:instrText")))
    assert not list(doc.element.body.iter(qn("w:bookmarkStart")))
    assert doc.settings.element.find(qn("w:updateFields")) is None


def test_an_empty_contents_is_still_a_whole_field(write) -> None:
    body = write("@contents 1\nNo headings here.").element.body
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
