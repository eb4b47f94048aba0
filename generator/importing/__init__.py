"""Import real documents (web-page copies, .docx) into structured documents and corpus
sections: decode → clean noise → split into documents → parse headings → classify."""

from .classify import classify_section, section_flags
from .cleaning import CleanReport, clean_lines, clean_report
from .decoding import UndecodableError, decode_bytes
from .model import CandidateSection, ImportedDocument, ImportFailure, ImportResult, Node
from .pipeline import import_file, import_raw, import_text
from .reader import RawText, read_source
from .sections import extract_sections
from .splitting import split_documents
from .tree import display_title, is_heading, iter_nodes, parse_nodes

__all__ = [
    "CandidateSection",
    "CleanReport",
    "ImportFailure",
    "ImportResult",
    "ImportedDocument",
    "Node",
    "UndecodableError",
    "classify_section",
    "clean_lines",
    "clean_report",
    "decode_bytes",
    "display_title",
    "extract_sections",
    "import_file",
    "import_raw",
    "import_text",
    "is_heading",
    "iter_nodes",
    "parse_nodes",
    "RawText",
    "read_source",
    "section_flags",
    "split_documents",
]
