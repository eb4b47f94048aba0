"""`wenshu calendar`: the teaching weeks of a term with holidays, as text, JSON or a Word 校历."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .calendar import (
    DateFormatError,
    build_term_calendar,
    calendar_to_document,
    calendar_to_json,
    calendar_to_text,
    load_holiday_override,
    parse_date,
    parse_school_year,
    parse_term,
)
from .errors import WenshuError
from .fsutil import names_folder

PROFILES = ("school", "gbt9704")
_WEEK_START_WORDS = {
    "mon": "mon",
    "monday": "mon",
    "周一": "mon",
    "星期一": "mon",
    "sun": "sun",
    "sunday": "sun",
    "周日": "sun",
    "星期日": "sun",
    "星期天": "sun",
    "周天": "sun",
}


def _week_start(value: str) -> str:
    key = value.strip().lower()
    if key not in _WEEK_START_WORDS:
        raise WenshuError(f"--week-start 只能是 mon（周一）或 sun（周日），收到“{value}”。")
    return _WEEK_START_WORDS[key]


def _weeks(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit():
        raise WenshuError(f"--weeks 应当是周数（整数），例如 --weeks 20，收到“{value}”。")
    return int(text)


def _output_path(value: str) -> Path:
    path = Path(value)
    if names_folder(value):
        return path / "校历.docx"
    if path.suffix == "":
        return path.with_suffix(".docx")
    if path.suffix.lower() != ".docx":
        raise WenshuError(f"-o {value}：校历只能保存为 .docx 文件，例如 -o 校历.docx。")
    return path


@click.command("calendar", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("school_year", metavar="学年")
@click.option(
    "--term", "term_text", metavar="学期", help="1 或 2，也可写 第一学期 / 第二学期。（必填）"
)
@click.option(
    "--start",
    "start_text",
    metavar="日期",
    help="开学日期，如 2025-09-01；第1周从这一天所在的周算起。（必填）",
)
@click.option(
    "--week-start",
    "week_start_text",
    default="mon",
    show_default=True,
    metavar="mon|sun",
    help="每周从周一（mon）还是周日（sun）开始。",
)
@click.option(
    "--holidays", "holidays_path", metavar="文件", help="补充或修正节假日的 YAML 文件（格式见下）。"
)
@click.option("--weeks", "weeks_text", metavar="N", help="本学期共 N 周（默认见下）。")
@click.option(
    "-o", "--output", "output", metavar="文件", help="把校历表格写成 Word 文件，如 校历.docx。"
)
@click.option(
    "--profile",
    default="school",
    show_default=True,
    metavar="school|gbt9704",
    help="Word 文件的版式：school（学校常用）或 gbt9704（公文标准）。",
)
@click.option("--unit", metavar="单位", help="学校名称，写在校历标题前，如 --unit 城南中学。")
@click.option(
    "--pdf", "to_pdf", is_flag=True, help="同时生成 PDF（需要 LibreOffice；须与 -o 一起使用）。"
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各周信息（格式见下）。")
def calendar_cmd(
    school_year: str,
    term_text: str | None,
    start_text: str | None,
    week_start_text: str,
    holidays_path: str | None,
    weeks_text: str | None,
    output: str | None,
    profile: str,
    unit: str | None,
    to_pdf: bool,
    force: bool,
    as_json: bool,
) -> None:
    """按周列出一个学期的校历：每周的起止日期、法定节假日和调休上班日。

    学年写成 2025-2026、2025—2026 或 2025-26。例如：

    \b
      wenshu calendar 2025-2026 --term 1 --start 2025-09-01 -o 校历.docx
      wenshu calendar 2025-2026 --term 1 --start 2025-09-01 --unit 城南中学 -o 校历.docx --pdf

    周次：第1周是开学日期所在的周，此后连续编号到学期末，放假的周也占周次。学期长度：未给 --weeks 时，第一学期排到次年1月31日所在的周，第二学期排到7月15日所在的周；学校放假早或晚时请用 --weeks 指定周数。

    节假日取自 chinesecalendar（国务院办公厅公布的安排）。尚未收录的年份会给出警告，不会自行编造假日；这时可用 --holidays 指定一个 YAML 文件，它也可修正已收录的年份（同一天以文件为准）：

    \b
      假日: [2027-04-05, 2027-05-01~2027-05-05, {日期: 2027-10-01~2027-10-07, 名称: 国庆节}]
      调休上班: [2027-04-25]

    --json 输出 {"学期", "开学日期", "每周起始", "周数", "weeks": [{"周次", "开始", "结束", "假日": [{"日期", "名称"}], "调休上班": [日期]}]}，日期为 2025-09-01 格式，名称未知时为 null；有警告时另有 "警告" 列表。
    """
    if not term_text:
        raise WenshuError("请用 --term 指定学期：1（第一学期）或 2（第二学期）。")
    if not start_text:
        raise WenshuError("请用 --start 指定开学日期，例如 --start 2025-09-01。")
    if profile not in PROFILES:
        raise WenshuError(f"--profile 只能是 school 或 gbt9704，收到“{profile}”。")
    first_year = parse_school_year(school_year)
    term = parse_term(term_text)
    try:
        start = parse_date(start_text)
    except DateFormatError as exc:
        raise WenshuError(f"--start：{exc}。") from None
    override = load_holiday_override(holidays_path) if holidays_path else None
    out_path = _output_path(output) if output else None
    if to_pdf and out_path is None:
        raise WenshuError("--pdf 需要同时用 -o 指定 Word 文件，例如 -o 校历.docx --pdf。")
    if unit is not None and not unit.strip():
        raise WenshuError("--unit 不能为空，例如 --unit 城南中学。")
    cal = build_term_calendar(
        first_year, term, start, _week_start(week_start_text), override, _weeks(weeks_text)
    )

    for warning in cal.warnings:
        click.echo(f"警告：{warning}", err=True)
    if out_path is not None:
        pdf_path = _write(cal, out_path, profile, force, unit, to_pdf)
        if not as_json:
            click.echo(f"已生成 {out_path}（{cal.label}，共{len(cal.weeks)}周）。")
            if pdf_path is not None:
                click.echo(f"已生成 {pdf_path}")
    if as_json:
        click.echo(json.dumps(calendar_to_json(cal), ensure_ascii=False, indent=2))
    elif out_path is None:
        click.echo(calendar_to_text(cal))


def _write(
    cal, path: Path, profile: str, force: bool, unit: str | None, to_pdf: bool
) -> Path | None:
    """Write the .docx (and with `to_pdf` the PDF beside it); returns the PDF path."""
    # Imported here: the Word writer is heavy and only needed with -o.
    from .docx import write_docx
    from .fsutil import check_writable

    pdf_path = path.with_suffix(".pdf") if to_pdf else None
    if pdf_path is not None:
        # Refuse before writing anything.
        check_writable(path, force)
        check_writable(pdf_path, force)
    write_docx(calendar_to_document(cal, unit), path, profile, force)
    if pdf_path is None:
        return None
    from .pdf import convert_to_pdf

    return convert_to_pdf(path, pdf_path, force=force)
