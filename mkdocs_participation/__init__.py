"""mkdocs-participation: a toolbox of citizen-participation methods for Material for MkDocs."""

__version__ = "0.1.0"
