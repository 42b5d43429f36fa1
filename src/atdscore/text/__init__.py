"""Language and number conventions shared by every stage: fixed strings, country names, exact numbers."""
