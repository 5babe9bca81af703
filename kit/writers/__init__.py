"""Write stage: one writer per file format, each returning the file's bytes."""
