"""Load stage: read the course and lesson files, check them against the schema and brand files."""
