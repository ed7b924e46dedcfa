"""Finding records by what a person remembers of them: the tolerant index, and names to records."""
