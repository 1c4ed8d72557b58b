"""The model: kinds of card, their fields and how every view uses them, and the vocabularies.

Validation, the card page, catalogues, the comparison, the chooser, search, the exports, the
fields reference, the JSON Schema, the CMS configuration, the scaffold and the Jekyll import all
read it; nothing else lists fields or kinds.
"""

from .fields import (
    ALIASES,
    ALL,
    CARDS,
    FIELDS,
    FIELDS_BY_NAME,
    Field,
    Question,
    Role,
    Rule,
    Type,
    Use,
    all_fields,
    compared,
    default_columns,
    default_facets,
    field_words,
    fields_for,
    questions,
    with_role,
)
from .kinds import (
    CASE,
    COLLECTIONS,
    DEFAULT_CATALOGUES,
    DEFAULT_FOLDERS,
    FOLLOW_UP,
    KIND_TABLE,
    KINDS,
    KINDS_BY_NAME,
    METHOD,
    TOOL,
    Kind,
    kind_words,
)
from .schema import json_schema
from .vocabularies import DEFINITIONS, STAND_INS, VOCABULARIES, VOCABULARY_WORDS, stand_in

__all__ = [
    "ALIASES",
    "ALL",
    "CARDS",
    "CASE",
    "COLLECTIONS",
    "DEFAULT_CATALOGUES",
    "DEFAULT_FOLDERS",
    "DEFINITIONS",
    "FIELDS",
    "FIELDS_BY_NAME",
    "FOLLOW_UP",
    "KINDS",
    "KINDS_BY_NAME",
    "KIND_TABLE",
    "METHOD",
    "STAND_INS",
    "TOOL",
    "VOCABULARIES",
    "VOCABULARY_WORDS",
    "Field",
    "Kind",
    "Question",
    "Role",
    "Rule",
    "Type",
    "Use",
    "all_fields",
    "compared",
    "default_columns",
    "default_facets",
    "field_words",
    "fields_for",
    "json_schema",
    "kind_words",
    "questions",
    "stand_in",
    "with_role",
]
