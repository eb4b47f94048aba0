"""`wenshu rollover`: copy a spec to a new 学年/学期 (or 年度) and list what to check."""

from __future__ import annotations

from pathlib import Path

import click

from .calendar import DateFormatError, SchoolYearError, parse_date, parse_term
from .errors import WenshuError


def _term(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return parse_term(value)
    except SchoolYearError as exc:
        raise WenshuError(f"--term {exc.message}") from None


def _start(value: str | None):
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateFormatError as exc:
        raise WenshuError(f"--start {exc}。") from None


@click.command("rollover", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("spec", metavar="输入文件", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    "to",
    required=True,
    metavar="学年|年份",
    help="新学年（如 2025-2026）；年度计划写年份（如 2026）。",
)
@click.option("--term", "term_text", metavar="学期", help="新学期：1 或 2（默认与原文件相同）。")
@click.option(
    "--start",
    "start_text",
    metavar="日期",
    help="新学期的开学日期，如 2025-09-01（用于按周次对应日期）。",
)
@click.option(
    "-o", "--output", metavar="文件", type=click.Path(dir_okay=False), help="新文件名（默认见下）。"
)
@click.option("--annotate", is_flag=True, help="把需要核对的地方作为注释写进新文件。")
@click.option(
    "--force", is_flag=True, help="输出文件已存在时覆盖（任何情况下都不会覆盖输入文件）。"
)
def rollover_cmd(
    spec: str,
    to: str,
    term_text: str | None,
    start_text: str | None,
    output: str | None,
    annotate: bool,
    force: bool,
) -> None:
    """把一份计划（或其他带时段的输入文件）滚动到新学年/新学期，生成新的 YAML 文件。

    \b
      wenshu rollover 2024秋计划.yaml --to 2025-2026
      wenshu rollover 2024秋计划.yaml --to 2025-2026 --start 2025-09-01 --annotate
      wenshu rollover 2025年度计划.yaml --to 2026

    新文件保留原文件的注释、键的顺序和格式，并修改：学年/学期（或年度）；开学、落款日期和行事历中的日期；各段文字中明确指本计划时段的写法，如“2024—2025学年”“2024-2025”“2024年秋季”“2024年9月”（年度计划还有“2024年度”等）。

    日期怎样移动：原文件写了“开学”时，按周次对应——日期移到新学期的同一周次、同一星期几（新开学日期用 --start 指定；不指定时按原开学日期推算同一星期几，并提示核对）。没有“开学”时，日期按整周平移（一年约 52 周即 364 天，星期几不变，日期一般比去年同日早 1～2 天）。平移后会离开原月份的日期保留在原月份（星期几不变）并提示核对。改变学期（--term）时，月份按顺序对应（如第二学期的3月对应第一学期的10月），每一处都会提示核对。

    不能确定的地方一律不改，列在最后的“需要核对”清单中（行号指新文件）：其他年份、“十四五”等规划期、时段外的日期、20xx 等占位符。加 --annotate 时，这些提示也以“# 待核对”注释写在新文件相应行的上方。

    新文件名默认把原文件名中的年份换成新年份（如 2024秋计划.yaml → 2025秋计划.yaml），文件名中没有年份时为“原名-2025-2026.yaml”，与原文件放在同一文件夹。
    """
    from .rollover import rollover

    result = rollover(
        Path(spec),
        to,
        term=_term(term_text),
        start=_start(start_text),
        output=Path(output) if output else None,
        annotate=annotate,
        force=force,
    )
    click.echo(f"已生成 {result.output}（{result.old_period} → {result.new_period}）")
    click.echo(f"日期：{result.method}")
    for note in result.notes:
        click.echo(f"提示：{note}")
    click.echo(f"已修改 {len(result.changes)} 处：")
    for c in result.changes:
        where = f"第{c.line}行 " if c.line else ""
        click.echo(f"  {where}{c.path}：{c.before} → {c.after}")
    if not result.review:
        click.echo("没有需要人工核对的地方。")
        return
    click.echo(f"需要人工核对 {len(result.review)} 处（未改动或为推算值）：")
    for r in result.review:
        where = f"{result.output}:{r.line}" if r.line else str(result.output)
        shown = f"“{r.text}”" if r.text else ""
        click.echo(f"  {where} {r.path} {shown} —— {r.reason}")
