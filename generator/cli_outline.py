"""`wenshu outline`: show how wenshu reads old documents, before anything is imported."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .importing import ImportFailure, import_file
from .importing.outline import outline_data, outline_text


@click.command("outline", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True, metavar="文件…", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（多个文件时为列表）。")
def outline_cmd(files: tuple[Path, ...], as_json: bool) -> None:
    """显示 wenshu 如何读取旧文档（.docx、.txt、.md），导入前先核对。

    \b
      wenshu outline 旧计划.docx
      wenshu outline 旧计划.docx 范文.txt --json

    列出文件中的每篇文档：标题、各级标题及其编号、每个标题下的条目（条数和开头几个字）、表格（行×列，哪些单元格作为标题），以及作为无关内容去掉的每一行和原因。corpus import 和 import-spec 按同样的方式读取，这里看到的就是它们保存的内容。

    JSON 格式：{"documents": [{"title", "headings": [{"level", "text"}], "tables", "noise": [{"text", "reason"}]}], "file"}；多个文件时为列表。读取失败的文件在错误输出中说明原因，退出码为 1。
    """
    results = []
    failed = 0
    for path in files:
        try:
            result = import_file(path, sections=False)
        except ImportFailure as exc:
            click.echo(f"错误：无法读取 {path}：{exc.reason}", err=True)
            failed += 1
            continue
        results.append((str(path), result))
    if as_json:
        data = [outline_data(result, name) for name, result in results]
        if results or not failed:
            payload = data[0] if len(files) == 1 and data else data
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(outline_text(result, name) for name, result in results), nl=False)
    if failed:
        sys.exit(1)
