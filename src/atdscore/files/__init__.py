"""Files: YAML read with locations, project layout and editions found on disk, git revisions, atomic writes."""
