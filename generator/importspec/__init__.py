"""`wenshu import-spec`: turn a real plan, duty list or summary (.docx/.txt/.md) into a
spec YAML that loads and builds. Cleaning, splitting and heading parsing come from
`generator.importing`; this package maps the parsed sections to spec keys and writes
commented YAML."""

from .core import ImportedSpec, import_spec, importable_kinds
from .draft import Draft

__all__ = ["Draft", "ImportedSpec", "import_spec", "importable_kinds"]
