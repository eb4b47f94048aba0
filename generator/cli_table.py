"""`wenshu table export`: a spec's tables (行事历, 具体分工, 教研组) as an .xlsx workbook."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("table", context_settings={"help_option_names": ["-h", "--help"]})
def table() -> None:
    """表格：把输入文件中的表格导出为 Excel/WPS 表格（.xlsx）。"""


@table.command("export")
@click.argument("spec", metavar="输入.yaml", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--table",
    "tables",
    multiple=True,
    metavar="表格",
    help="只导出这个表格（行事历、具体分工、教研组；可多次给出）。默认全部。",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),  # a str: a trailing "/" says "a folder", even one not made yet
    help="输出的 .xlsx 文件或文件夹（默认与输入文件同名同目录）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
def export_cmd(spec: Path, tables: tuple[str, ...], output: str | None, force: bool) -> None:
    """把输入文件中的表格写成 .xlsx：每个表格一个工作表，表头加粗并固定，列宽按内容，
    月份和负责人可从下拉列表选择。

    \b
      wenshu table export 计划.yaml -o 计划表格.xlsx
      wenshu table export 计划.yaml --table 行事历 -o 行事历.xlsx

    在 WPS 表格或 Excel 中填好后，在输入文件中写 行事历: 行事历.xlsx（文件相对输入文件），
    生成时即从表格读取。第一行是列名；合并的月份单元格按每行都是该月读取。
    """
    from .sheets.export import export_tables

    path, names = export_tables(spec, list(tables) or None, output, force=force)
    click.echo(f"已生成 {path}（{'、'.join(names)}）")
