"""The section corpus: an embedded SQLite database of reusable sections (built-in,
user-added and imported), with ranked search (synonyms, pinyin initials) and
near-duplicate merging."""

from .entries import CorpusEntry, builtin_dir, load_builtin, load_user_file
from .importer import collect_files, import_paths
from .models import FailedFile, ImportSummary, ResolvedSection, SearchHit, Section
from .reuse import record_use, resolve_reference
from .store import Corpus, default_corpus_path, open_corpus

__all__ = [
    "Corpus",
    "CorpusEntry",
    "FailedFile",
    "ImportSummary",
    "ResolvedSection",
    "SearchHit",
    "Section",
    "builtin_dir",
    "collect_files",
    "default_corpus_path",
    "import_paths",
    "load_builtin",
    "load_user_file",
    "open_corpus",
    "record_use",
    "resolve_reference",
]
