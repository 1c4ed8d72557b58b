"""The pure core: reads, validates and models cards. It never imports mkdocs."""
