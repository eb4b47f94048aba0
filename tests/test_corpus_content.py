"""Shape and coverage of the built-in corpus (corpus/*.yaml).

Each file holds one 类别 and a list 片段 of sections:
编号 / 标题 / 主题 / 文种 / 内容 / optional 条目. These tests check the fields, the
allowed variables, leftover placeholders and the minimum size of the corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from wenshu.generator.textnorm import find_placeholders
from wenshu.generator.vocab import CATEGORIES, CORPUS_KINDS, SECTION_VARIABLES, TOPICS

CORPUS_DIR = Path(__file__).resolve().parents[1] / "corpus"

# ID prefix of each 类别. A category added later without an entry here must still use
# one consistent two-letter prefix that no other category uses.
EXPECTED_PREFIX = {
    "前言": "qy",
    "指导思想": "zd",
    "工作目标": "mb",
    "工作措施": "cs",
    "行事历": "xs",
    "分工": "fg",
    "职责": "zz",
    "成效": "cx",
    "存在问题": "wt",
    "努力方向": "fx",
    "保障措施": "bz",
    "结束语": "jy",
    "制度条款": "zt",
    "通知正文": "tz",
    "活动记录": "hd",
}

# The first twelve categories carry most plans; 制度条款, 通知正文 and 活动记录 came later.
MIN_PER_CATEGORY = 50
MIN_PER_NEW_CATEGORY = 30
NEW_CATEGORIES = ("制度条款", "通知正文", "活动记录")
# Every topic, today's themes (双减, 新课标, 大单元 ...) and the hospital ones included.
MIN_PER_TOPIC = 15
MIN_TOTAL = 900

ID_RE = re.compile(r"^([a-z]{2})(\d{3})$")
VAR_RE = re.compile(r"\{\{(.*?)\}\}")
VAR_EXACT_RE = re.compile(r"^\{\{ (\S+) \}\}$")
# A concrete year: 19xx/20xx not followed by a unit that makes it a count (2000字, 1500元).
YEAR_RE = re.compile(
    r"(?<![\d.])(?:19|20)\d{2}(?![\d.])(?!\s*(?:字|元|人|名|分|册|本|份|个|次|篇|件|米|平方|余))"
)


def _files() -> list[Path]:
    return sorted(CORPUS_DIR.glob("*.yaml"))


def _load(path: Path) -> dict:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}


def _sections() -> list[tuple[str, dict]]:
    out = []
    for path in _files():
        data = _load(path)
        for sec in data.get("片段") or []:
            out.append((str(data.get("类别")), sec))
    return out


def _texts(sec: dict) -> list[str]:
    texts = [str(sec.get("标题") or ""), str(sec.get("内容") or "")]
    texts += [str(x) for x in (sec.get("条目") or [])]
    return texts


def test_corpus_folder_has_files():
    assert CORPUS_DIR.is_dir(), f"缺少语料目录：{CORPUS_DIR}"
    assert _files(), "corpus/ 中没有 YAML 文件"


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_file_parses_and_is_one_category(path: Path):
    data = _load(path)
    assert isinstance(data, dict), f"{path.name}: 顶层应为映射"
    assert data.get("类别") in CATEGORIES, f"{path.name}: 类别“{data.get('类别')}”不在 {CATEGORIES}"
    assert path.stem == data["类别"], f"{path.name}: 文件名应与类别同名"
    assert isinstance(data.get("片段"), list) and data["片段"], f"{path.name}: 片段应为非空列表"


def test_each_category_has_one_file():
    counts = Counter(str(_load(p).get("类别")) for p in _files())
    dupes = {c: n for c, n in counts.items() if n > 1}
    assert not dupes, f"同一类别出现在多个文件：{dupes}"


def test_sections_have_required_fields():
    problems = []
    for cat, sec in _sections():
        if not isinstance(sec, dict):
            problems.append(f"{cat}: 片段应为映射：{sec!r}")
            continue
        sid = sec.get("编号", "?")
        where = f"{cat} {sid}"
        if not isinstance(sec.get("标题"), str) or not sec["标题"].strip():
            problems.append(f"{where}: 缺少标题")
        topics = sec.get("主题")
        if not isinstance(topics, list) or not 1 <= len(topics) <= 3:
            problems.append(f"{where}: 主题应为 1～3 项的列表")
        else:
            bad = [t for t in topics if t not in TOPICS]
            if bad:
                problems.append(f"{where}: 主题不在固定列表中：{bad}")
            if len(set(topics)) != len(topics):
                problems.append(f"{where}: 主题重复")
        kinds = sec.get("文种")
        if not isinstance(kinds, list) or not kinds:
            problems.append(f"{where}: 文种应为非空列表")
        else:
            bad = [k for k in kinds if k not in CORPUS_KINDS]
            if bad:
                problems.append(f"{where}: 文种不在 {CORPUS_KINDS} 中：{bad}")
        if not isinstance(sec.get("内容"), str) or not sec["内容"].strip():
            problems.append(f"{where}: 内容为空")
        items = sec.get("条目")
        if items is not None and (
            not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items)
        ):
            problems.append(f"{where}: 条目应为非空字符串列表")
        unknown = set(sec) - {"编号", "标题", "主题", "文种", "内容", "条目"}
        if unknown:
            problems.append(f"{where}: 未知字段 {sorted(unknown)}")
    assert not problems, "\n".join(problems)


def test_ids_unique_and_prefixed():
    problems = []
    seen: dict[str, str] = {}
    prefixes: dict[str, set[str]] = {}
    for cat, sec in _sections():
        sid = str(sec.get("编号", ""))
        m = ID_RE.match(sid)
        if not m:
            problems.append(f"{cat}: 编号“{sid}”应为两个小写字母加三位数字")
            continue
        if sid in seen:
            problems.append(f"编号 {sid} 重复（{seen[sid]} 与 {cat}）")
        seen[sid] = cat
        prefixes.setdefault(cat, set()).add(m.group(1))
        want = EXPECTED_PREFIX.get(cat)
        if want and m.group(1) != want:
            problems.append(f"{cat} {sid}: 编号前缀应为 {want}")
    owner: dict[str, str] = {}
    for cat, pfx in prefixes.items():
        if len(pfx) > 1:
            problems.append(f"{cat}: 编号前缀不统一 {sorted(pfx)}")
        for p in pfx:
            if p in owner and owner[p] != cat:
                problems.append(f"前缀 {p} 同时用于 {owner[p]} 和 {cat}")
            owner[p] = cat
    assert not problems, "\n".join(problems)


def test_only_allowed_variables():
    problems = []
    for cat, sec in _sections():
        where = f"{cat} {sec.get('编号')}"
        for text in _texts(sec):
            for m in VAR_RE.finditer(text):
                exact = VAR_EXACT_RE.match(m.group(0))
                if not exact or exact.group(1) not in SECTION_VARIABLES:
                    problems.append(f"{where}: 变量写法不对或不允许：{m.group(0)}")
            rest = VAR_RE.sub("", text)
            if any(tok in rest for tok in ("{{", "}}", "{%", "%}")):
                problems.append(f"{where}: 有未闭合或不支持的模板标记")
    assert not problems, "\n".join(problems)


def test_no_placeholders_or_concrete_years():
    problems = []
    for cat, sec in _sections():
        where = f"{cat} {sec.get('编号')}"
        for text in _texts(sec):
            for found, what in find_placeholders(text):
                problems.append(f"{where}: {what}“{found}”")
            for m in YEAR_RE.finditer(text):
                problems.append(f"{where}: 具体年份“{m.group(0)}”，请改用 {{{{ 学年 }}}} 等变量")
    assert not problems, "\n".join(problems)


def test_counts():
    sections = _sections()
    per_cat = Counter(cat for cat, _ in sections)
    per_topic = Counter(t for _, sec in sections for t in (sec.get("主题") or []))
    problems = []
    for cat in CATEGORIES:
        least = MIN_PER_NEW_CATEGORY if cat in NEW_CATEGORIES else MIN_PER_CATEGORY
        if per_cat[cat] < least:
            problems.append(f"类别“{cat}”只有 {per_cat[cat]} 个片段（至少 {least}）")
    for topic in TOPICS:
        if per_topic[topic] < MIN_PER_TOPIC:
            problems.append(f"主题“{topic}”只有 {per_topic[topic]} 个片段（至少 {MIN_PER_TOPIC}）")
    if len(sections) < MIN_TOTAL:
        problems.append(f"共 {len(sections)} 个片段（至少 {MIN_TOTAL}）")
    assert not problems, "\n".join(problems)
