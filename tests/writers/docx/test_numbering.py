"""Lists: each numbered list starts again at one, on the list definition of its style."""

from __future__ import annotations

from docx.oxml.ns import qn
from helpers import docx_paragraphs


def test_each_numbered_list_starts_again_at_one(sample) -> None:
    paragraphs = docx_paragraphs(sample)
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] != ids[2]
    numbering = sample.part.numbering_part.element
    style_num = sample.styles["List Number"].element.pPr.numPr.numId.val
    abstract = {
        n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
        for n in numbering.iter(qn("w:num"))
    }
    for num_id in {ids[0], ids[2]}:
        num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"
        # The same list definition as the style's: same numbers, indents and look.
        assert abstract[str(num_id)] == abstract[str(style_num)]
