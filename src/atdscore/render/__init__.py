"""Results to text: tables, Markdown, CSV, JSON, SVG charts and jinja2 templates."""
