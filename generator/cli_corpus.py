"""`wenshu corpus …`: search, show, import, add, remove, stats and export corpus sections.

The group is registered in cli.py; the database path comes from the main group's
--corpus option (ctx.obj["corpus_path"]), else the default in the user's data folder.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import click

from .cli_common import emit_text, output_options
from .corpus import Corpus, collect_files, import_paths, load_user_file, open_corpus
from .corpus.entries import placeholders
from .corpus.lexicon import closest_allowed
from .corpus.models import ORIGIN_LABELS
from .errors import CorpusError
from .vocab import CATEGORIES, CORPUS_KINDS, TOPICS

# Show a progress bar on a terminal for more than one file, and anywhere for many.
PROGRESS_MIN_FILES = 20
_SNIPPET = 60
# How `matched` fields are named in the text output.
_FIELD_NAMES = {
    "title": "标题",
    "topics": "主题",
    "category": "类别",
    "text": "正文",
    "kinds": "文种",
    "initials": "拼音首字母",
    "fuzzy": "近似",
}


def _open(ctx: click.Context) -> Corpus:
    obj = ctx.find_root().obj or {}
    path = obj.get("corpus_path") if isinstance(obj, dict) else None
    return ctx.with_resource(open_corpus(Path(path) if path else None))


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _choice(name: str, allowed: tuple[str, ...]):
    def check(_ctx, _param, value):
        if value is not None and value not in allowed:
            hint = closest_allowed(value, allowed)
            guess = f"，是不是“{hint}”？" if hint else "，"
            raise CorpusError(f"未知的{name}“{value}”{guess}可选：{'、'.join(allowed)}")
        return value

    return check


def _matched_line(matched: list[dict]) -> str:
    """匹配：减负→双减（主题）；措施→工作措施（类别）"""
    parts = []
    for m in matched:
        word = m["word"] if m["term"] in (None, m["word"]) else f"{m['word']}→{m['term']}"
        where = "、".join(_FIELD_NAMES.get(f, f) for f in m["fields"])
        parts.append(f"{word}（{where}）" if where else word)
    return "匹配：" + "；".join(parts)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SNIPPET else flat[:_SNIPPET] + "…"


@click.group("corpus")
def corpus() -> None:
    """语料库：查找、导入和管理可在计划中复用的片段。"""


@corpus.command("search")
@click.argument("query", nargs=-1, metavar="[查找的词]...")
@click.option(
    "--category", "-c", callback=_choice("类别", CATEGORIES), help="只看此类别，如 工作措施。"
)
@click.option(
    "--topic", "-t", callback=_choice("主题", TOPICS), help="只看此主题，如 青年教师培养。"
)
@click.option(
    "--kind",
    "-k",
    callback=_choice("文种", CORPUS_KINDS),
    help=f"只看此文种：{'、'.join(CORPUS_KINDS)}。",
)
@click.option(
    "-n",
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(1, 500),
    help="最多列出几条。",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.pass_context
def search_cmd(ctx, query, category, topic, kind, limit, as_json) -> None:
    """查找片段，按匹配程度排序。

    \b
    不要求每个词都出现：标题、主题、类别和正文都会查，越贴切越靠前；
    同义词一起查（减负 → 双减、作业管理；院感 → 医院感染管理）；
    可以直接写一句话（青年教师培养措施、老师怎么带徒弟）；
    也可用拼音首字母，如 ktyj 找“课题研究”。每条结果列出匹配了哪些词。"""
    text = " ".join(query).strip()
    if not text and not (category or topic or kind):
        raise CorpusError(
            "请给出要查找的词，例如 wenshu corpus search 青年教师 培养；或用 --category/--topic/--kind 按类列出。"
        )
    hits = _open(ctx).search(text, category=category, topic=topic, kind=kind, limit=limit)
    if as_json:
        _echo_json([h.to_json() for h in hits])
        return
    if not hits:
        click.echo(
            f"没有找到匹配“{text}”的片段。可以换个说法，或去掉 --category/--topic/--kind 条件。"
            if text
            else "没有符合条件的片段。"
        )
        return
    for hit in hits:
        extra = f"  主题：{'、'.join(hit.topics)}" if hit.topics else ""
        used = f"  用过 {hit.uses} 次" if hit.uses else ""
        title = hit.title or "（无标题）"
        click.echo(f"{hit.id}  [{hit.category}] {title}{extra}{used}  （得分 {hit.score:g}）")
        if hit.matched:
            click.echo(f"    {_matched_line(hit.matched)}")
        click.echo(f"    {_snippet(hit.text)}")
    click.echo(f"\n共 {len(hits)} 条。查看全文：wenshu corpus show 编号")


@corpus.command("show")
@click.argument("section_id", metavar="编号")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.pass_context
def show_cmd(ctx, section_id, as_json) -> None:
    """显示一个片段的全文、类别、主题、来源和使用情况。"""
    section = _open(ctx).get(section_id)
    if as_json:
        _echo_json(section.to_json())
        return
    lines = [
        f"编号：{section.id}（{ORIGIN_LABELS.get(section.origin, section.origin)}）",
        f"类别：{section.category}",
        f"标题：{section.title or '（无标题）'}",
    ]
    if section.topics:
        lines.append(f"主题：{'、'.join(section.topics)}")
    if section.kinds:
        lines.append(f"文种：{'、'.join(section.kinds)}")
    variables = placeholders(section.title, section.text, *section.items)
    if variables:
        lines.append(f"变量：{'、'.join(variables)}")
    if section.flags:
        lines.append(f"提示：{'；'.join(section.flags)}")
    if section.sources:
        lines.append(f"来源：{'；'.join(section.sources)}")
    if section.uses:
        lines.append(f"使用：{section.uses} 次，最近 {section.last_used}（{section.last_spec}）")
    lines.append("")
    if section.text:
        lines.append(section.text)
    lines.extend(f"  · {item}" for item in section.items)
    click.echo("\n".join(lines))


def _show_progress(n_files: int) -> bool:
    return n_files > PROGRESS_MIN_FILES or (n_files > 1 and sys.stderr.isatty())


@corpus.command("import")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="文件..."
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果。")
@click.pass_context
def import_cmd(ctx, paths, as_json) -> None:
    """导入文档（.txt .md .docx 文件或文件夹），把其中的片段加入语料库。

    相似度 90% 以上的片段只存一份并记下每个来源，重复导入不会新增。
    个别文件失败不影响其余文件；有失败时退出码为 1。
    """
    store = _open(ctx)
    files, failed = collect_files(paths)
    if _show_progress(len(files)):
        with click.progressbar(length=len(files), label="导入中", file=sys.stderr) as bar:
            summary = import_paths(store, (), files=files, on_file=lambda _p: bar.update(1))
    else:
        summary = import_paths(store, (), files=files)
    imported = len(files) - len(summary.failed)
    summary.failed = failed + summary.failed
    if as_json:
        _echo_json(summary.to_json())
    else:
        click.echo(
            f"导入 {imported} 个文件，{summary.documents} 篇文档：新增 {summary.sections_added} 个片段，"
            f"重复 {summary.duplicates} 个（已记录来源），去除无关行 {summary.noise_lines_removed} 行。"
        )
        if summary.failed:
            click.echo(f"失败 {len(summary.failed)} 个文件：", err=True)
            for item in summary.failed:
                click.echo(f"  {item.path}：{item.reason}", err=True)
    if summary.failed:
        sys.exit(1)


@corpus.command("add")
@click.argument("file", type=click.Path(path_type=Path), metavar="片段.yaml")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出新片段的编号。")
@click.pass_context
def add_cmd(ctx, file, as_json) -> None:
    """添加自己的片段（YAML：单个片段、片段列表，或“类别 + 片段”）。

    \b
    示例：
      类别: 工作措施
      标题: 青年教师培养
      主题: [青年教师培养]
      文种: [工作计划]
      内容: |
        {{ 单位 }}坚持以老带新……
      条目: [……]
    编号可省略（自动分配）；可用变量：单位 部门 学年 学期 年度 岗位。
    """
    entries = load_user_file(file)
    ids = _open(ctx).add_entries(entries)
    if as_json:
        _echo_json({"added": ids})
    else:
        click.echo(f"已添加 {len(ids)} 个片段：{'、'.join(ids)}")


@corpus.command("remove")
@click.argument("section_id", metavar="编号")
@click.pass_context
def remove_cmd(ctx, section_id) -> None:
    """删除一个自建或导入的片段（内置片段不能删除）。"""
    section = _open(ctx).remove(section_id)
    click.echo(f"已删除 {section.id}（{section.title}）。")


@corpus.command("stats")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.pass_context
def stats_cmd(ctx, as_json) -> None:
    """统计片段数量：总数、各类别、各主题。"""
    stats = _open(ctx).stats()
    if as_json:
        _echo_json(stats)
        return
    origins = "，".join(f"{ORIGIN_LABELS.get(k, k)} {v}" for k, v in stats["origins"].items())
    click.echo(f"片段共 {stats['sections']} 个" + (f"（{origins}）" if origins else "") + "。")
    if stats["categories"]:
        click.echo("类别：" + "，".join(f"{k} {v}" for k, v in stats["categories"].items()))
    if stats["topics"]:
        click.echo("主题：" + "，".join(f"{k} {v}" for k, v in stats["topics"].items()))


def _export_yaml(entries: list[dict]) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    for entry in entries:
        if "\n" in entry.get("内容", ""):
            entry["内容"] = LiteralScalarString(entry["内容"].rstrip("\n") + "\n")
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    buffer.write(
        "# wenshu 语料库导出。可用 wenshu corpus add 此文件 导回（编号不能与已有片段重复）。\n"
    )
    yaml.dump({"片段": entries}, buffer)
    return buffer.getvalue()


@corpus.command("export")
@click.option("--builtin", "include_builtin", is_flag=True, help="同时导出内置片段。")
@click.option(
    "--json", "as_json", is_flag=True, help="以 JSON 输出（默认 YAML，可用 corpus add 导回）。"
)
@output_options
@click.pass_context
def export_cmd(ctx, include_builtin, as_json, output, force) -> None:
    """导出片段全文用于备份。默认只导出自建和导入的片段（内置片段随程序提供）。"""
    sections = list(_open(ctx).sections(include_builtin=include_builtin))
    if as_json:
        text = json.dumps([s.to_json() for s in sections], ensure_ascii=False, indent=2) + "\n"
    else:
        text = _export_yaml([s.to_entry() for s in sections])
    emit_text(text, output, force, done=f"已导出 {len(sections)} 个片段到 {output}")
