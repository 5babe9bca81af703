"""PDFs of the kit, made by LibreOffice."""
