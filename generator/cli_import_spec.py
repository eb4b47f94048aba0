"""`wenshu import-spec`: turn an existing plan, duty list, summary or rule set into a spec
YAML."""

from __future__ import annotations

from pathlib import Path

import click

from .importspec import ImportedSpec, import_spec, importable_kinds

_PREVIEW = 40


@click.command("import-spec", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("source", metavar="原文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    metavar="文件|文件夹",
    type=click.Path(),  # a str: a trailing "/" says "a folder", even one not made yet
    help="输出的 .yaml 文件或文件夹（默认与原文件同名同目录）。",
)
@click.option("--doc", "doc", type=click.IntRange(min=1), metavar="N", help="只导入第 N 篇。")
@click.option(
    "--kind",
    type=click.Choice(importable_kinds()),
    help="文种（默认由标题判断，判断不出时按工作计划）。",
)
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
def import_spec_cmd(
    source: Path, output: Path | None, doc: int | None, kind: str | None, force: bool
) -> None:
    """把已有的工作计划、工作职责、工作总结或制度（.docx、.txt、.md）转成输入文件（YAML）。

    \b
      wenshu import-spec 旧计划.docx                 # 生成 旧计划.yaml
      wenshu import-spec 旧计划.docx -o 计划.yaml
      wenshu import-spec 范文.txt                    # 多篇：范文-篇一.yaml、范文-篇二.yaml……
      wenshu import-spec 范文.txt --doc 3 -o 计划.yaml

    识别的部分：指导思想、工作目标、主要工作（工作措施、具体措施、主要任务、工作重点……）、保障措施、行事历（“九月份：”这样的月份及其下的活动，或 Word 中的行事历表格）、具体分工、教研组，总结中的存在问题、努力方向，职责条目，制度的前言、章（“第一章 总则”）、条（“第一条 ……”，其下“（一）”为款）、附则（按“一、（一）”编号的制度写成“编号: 条目”）。其余内容按原来的层次放进“主要工作”（总结为“主要工作及成效”）。识别出的部分在生成的文档中使用模板的标准标题（如“主要工作及措施”），原来的标题列在输出的“识别”各行中。原文的每一句都会保留：放不进任何一项的文字放在标题为“【未归类】原文内容”的一项中，并在最后列出。

    文种由标题判断：以“制度”“办法”“规定”“细则”“守则”“规程”“章程”等结尾的是制度。单位、部门（岗位）、学年学期从标题和开头一段中识别；识别不出的单位写成“【待填写】”，学年学期填一个默认值并在文件中加“# 待核对”注释。一个文件有多篇时（如“篇一”……“篇十五”）默认每篇各写一个文件，文件名后加“-篇一”等；用 --doc N 只导入其中一篇。已存在的文件不会被覆盖，除非加 --force。
    """
    results = import_spec(source, output, force=force, doc=doc, kind=kind)
    for item in results:
        _report(item)
    if len(results) > 1:
        click.echo(f"共导入 {len(results)} 篇。")
    click.echo(f"请核对后运行：wenshu build {results[0].path}")


def _report(item: ImportedSpec) -> None:
    template = f"，模板：{item.template}" if item.template != "通用" else ""
    click.echo(f"已生成 {item.path}（{item.kind}{template}）：{item.title}")
    for line in item.draft.mapped:
        click.echo(f"  识别：{line}")
    for line in item.draft.review:
        click.echo(f"  {line if line.startswith('待') else '待核对：' + line}")
    if item.draft.unplaced:
        click.echo(f"  未能归类 {len(item.draft.unplaced)} 段，已放入“【未归类】原文内容”：")
        for text in item.draft.unplaced:
            shown = text if len(text) <= _PREVIEW else text[:_PREVIEW] + "……"
            click.echo(f"    {shown}")
    for warning in item.warnings:
        click.echo(f"  警告：{warning}")
