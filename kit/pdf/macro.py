"""The LibreOffice macro that makes kit's PDFs, installed in the private profile it runs with.

LibreOffice's `--convert-to` prints a document as it was saved, so the leader guide's
table of contents would have no page numbers. The macro opens each file, updates its
tables of contents and indexes, then exports it as PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

MODULE = "KitPdf"
"""Name of the Basic module in the profile's Standard library."""

_MACRO = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="KitPdf" \
script:language="StarBasic">
REM Makes a PDF of each file named in a list: lines of source URL, then target URL.
Sub Convert(jobs As String)
    files = createUnoService(&quot;com.sun.star.ucb.SimpleFileAccess&quot;)
    lines = createUnoService(&quot;com.sun.star.io.TextInputStream&quot;)
    lines.setInputStream(files.openFileRead(jobs))
    lines.setEncoding(&quot;UTF-8&quot;)
    Do While Not lines.isEOF()
        source = lines.readLine()
        target = lines.readLine()
        If source &lt;&gt; &quot;&quot; Then ConvertOne(source, target)
    Loop
    lines.closeInput()
End Sub

REM A file that cannot be opened or exported is left without a PDF; kit reports it.
Sub ConvertOne(source As String, target As String)
    On Error GoTo Failed
    Dim load(1) As New com.sun.star.beans.PropertyValue
    load(0).Name = &quot;Hidden&quot;
    load(0).Value = True
    load(1).Name = &quot;ReadOnly&quot;
    load(1).Value = True
    doc = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
    If IsNull(doc) Then Exit Sub
    filter = &quot;impress_pdf_Export&quot;
    If doc.supportsService(&quot;com.sun.star.text.TextDocument&quot;) Then
        filter = &quot;writer_pdf_Export&quot;
        indexes = doc.getDocumentIndexes()
        For i = 0 To indexes.getCount() - 1
            indexes.getByIndex(i).update()
        Next i
    End If
    Dim store(0) As New com.sun.star.beans.PropertyValue
    store(0).Name = &quot;FilterName&quot;
    store(0).Value = filter
    doc.storeToURL(target, store())
    doc.close(True)
    Exit Sub
Failed:
    If Not IsNull(doc) Then doc.close(True)
End Sub
</script:module>
"""

_LIBRARIES = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" \
"libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" \
xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""

_LIBRARY = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">{elements}</library:library>
"""


def install(profile: Path, jobs: Sequence[tuple[Path, Path]]) -> str:
    """Put the macro and its list of (source, PDF) pairs in `profile`; return the macro URL.

    LibreOffice writes its own Basic libraries into a new profile when it first
    starts, so `profile` must have been started once (`init_command`) before this.
    """
    basic = profile / "user" / "basic"
    standard = basic / "Standard"
    standard.mkdir(parents=True, exist_ok=True)
    for name in ("script.xlc", "dialog.xlc"):
        if not (basic / name).exists():
            (basic / name).write_text(_LIBRARIES, encoding="utf-8")
    modules = sorted({p.stem for p in standard.glob("*.xba")} | {MODULE})
    elements = "".join(f'\n <library:element library:name="{m}"/>' for m in modules) + "\n"
    (standard / "script.xlb").write_text(_LIBRARY.format(elements=elements), encoding="utf-8")
    if not (standard / "dialog.xlb").exists():
        (standard / "dialog.xlb").write_text(_LIBRARY.format(elements=""), encoding="utf-8")
    (standard / f"{MODULE}.xba").write_text(_MACRO, encoding="utf-8")
    listing = profile.parent / "pdf-jobs.txt"
    pairs = "".join(f"{s.resolve().as_uri()}\n{t.resolve().as_uri()}\n" for s, t in jobs)
    # Blank lines close the list: the text stream says it has ended while a last line waits.
    listing.write_text(pairs + "\n\n", encoding="utf-8")
    return f'macro:///Standard.{MODULE}.Convert("{listing.resolve().as_uri()}")'
