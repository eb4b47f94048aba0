"""The Word writer: lays out a doctree.Document as a .docx in one of two profiles."""

from .profiles import DEFAULT_PROFILE, PROFILES, FontSpec, Profile, get_profile
from .writer import build_docx, write_docx

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "FontSpec",
    "Profile",
    "build_docx",
    "get_profile",
    "write_docx",
]

# Writers of block types defined outside doctree.py register themselves on import.
from . import forms, imprint, notice, regulation  # noqa: E402, F401
