"""Domain errors. Every error a user can cause derives from WenshuError and carries a
Simplified Chinese message; cli.py maps them to exit codes in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class WenshuError(Exception):
    """An error caused by the user's input or environment, shown without a traceback."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One finding about an input file: where it is and what is wrong."""

    message: str
    file: str | None = None
    line: int | None = None
    path: str | None = None
    severity: str = "error"  # "error" or "warning"

    def render(self) -> str:
        """Format as `计划.yaml 第23行 行事历[2].月份: 消息`."""
        head = []
        if self.file:
            head.append(self.file)
        if self.line:
            head.append(f"第{self.line}行")
        prefix = " ".join(head)
        if self.path:
            prefix = f"{prefix} {self.path}" if prefix else self.path
        return f"{prefix}: {self.message}" if prefix else self.message


class SpecError(WenshuError):
    """A spec (or other input file) has one or more problems; all are reported at once."""

    exit_code = 2

    def __init__(self, problems: list[Problem], headline: str | None = None):
        self.problems = problems
        lines = [p.render() for p in problems]
        if headline:
            lines.insert(0, headline)
        super().__init__("\n".join(lines))


class UnknownKindError(WenshuError):
    """A 文种 named on the command line that no unit of generator/kinds defines."""

    exit_code = 2


class OutputExistsError(WenshuError):
    """The output file exists and --force was not given."""

    exit_code = 3

    def __init__(self, path: Path):
        super().__init__(f"{path} 已存在，未覆盖。如需覆盖请加 --force，或用 -o 指定其他文件名。")
        self.path = path


class TemplateError(WenshuError):
    """A template is missing, broken, or asks for something the spec does not have."""

    exit_code = 4


class ToolMissingError(WenshuError):
    """An external program (LibreOffice, fc-list) is not installed."""

    exit_code = 5


class CorpusError(WenshuError):
    """The corpus database cannot be used as asked (unknown id, broken database...)."""

    exit_code = 6
