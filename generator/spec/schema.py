"""JSON Schema of each 文种's spec, for editors (YAML language servers)."""

from __future__ import annotations

import json

from .loader import model_for


def schema_json(kind: str) -> str:
    """The JSON Schema (by Chinese keys) of a 文种, as pretty JSON text."""
    model = model_for(kind)
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = f"wenshu {kind}"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2)
