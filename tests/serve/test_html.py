"""The HTML writer shows what the Office writers lay out, escaped, and a slide's face only."""

from __future__ import annotations

import kit
from kit.compose.blocks import Box, Deck, Document, Heading, ListBlock, Paragraph, Run, Slide, Table
from kit.compose.documents import compose_kit
from kit.writers.html import deck_html, document_html, slide_text


def test_blocks_become_elements_named_by_their_style_and_text_is_escaped() -> None:
    doc = Document(
        "handout",
        "Week 1",
        "Closer",
        [
            Heading(1, "<Trust>"),
            Paragraph((Run("a "), Run("b", bold=True), Run("c", italic=True)), "lead"),
            ListBlock(((Run("one"),), (Run("two"),)), "number"),
            Table((((Run("When"),),), ((Run("6:30 pm"),),))),
            Box("Care", (Paragraph((Run("Call & ask"),)),), "care"),
        ],
    )
    html = document_html(doc)
    assert "<h3>&lt;Trust&gt;</h3>" in html
    assert '<p class="p p-lead">a <strong>b</strong><em>c</em></p>' in html
    assert '<ol class="list list-number level-0"><li>one</li><li>two</li></ol>' in html
    assert "<th>When</th>" in html and "<td>6:30 pm</td>" in html
    assert '<section class="box box-care"><h4>Care</h4>' in html and "Call &amp; ask" in html


def test_a_slide_card_never_shows_the_speaker_notes() -> None:
    slide = Slide(
        "question",
        "Let's talk",
        [Paragraph((Run("Discussion"),), "kicker"), Paragraph((Run("What helps?"),), "question")],
        [Paragraph((Run("Leader note: listen for blame"),))],
    )
    html = deck_html(Deck("Week 1", "Closer", [slide]), {0: "marked"})
    assert "What helps?" in html and "Discussion" in html and "marked" in html
    assert "listen for blame" not in html


def test_no_couple_question_is_on_the_face_of_any_built_in_slide() -> None:
    course = kit.default_course()
    for output in compose_kit(course):
        if not output.name.endswith("slides.pptx"):
            continue
        number = int(output.name[5:7])
        week = course.course.weeks[number - 1]
        faces = "\n".join(slide_text(s) for s in output.content.slides)
        html = deck_html(output.content)
        for q in week.couple_questions:
            assert q.text not in faces
            assert q.text not in html
