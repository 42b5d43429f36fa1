"""Plain data to models: the pydantic models of the file formats and every rule that makes a file valid."""
