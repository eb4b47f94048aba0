"""import-spec writes YAML itself: whatever the data, the spec loader reads back exactly
the data that was written, and the layout is that of a hand-written spec."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wenshu.generator.importspec.emit import dump_spec, to_yaml
from wenshu.generator.yamlio import parse_yaml

# Text as documents and hostile files give it: Chinese, digits, YAML syntax, quotes,
# control characters, line breaks, spaces at the ends, look-alikes of numbers and dates.
TRICKY = st.sampled_from(
    ["一、", "：", ": ", " #", "#", "- ", "-", "?", "|", ">", "'", '"', "\\", "{", "}", "[", "]",
     "&a", "*a", "!", "%", "@", "`", "\t", "\n", "\r", " ", "\u3000", "\x00", "\x85", "\u2028",
     "\ufeff", "\ue000", "2025-09-01", "true", "No", "null", "~", "3.5", "0x1F", ".inf", "=",
     "<<", "课题", "1.", "（一）", "😀"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=30),
    st.lists(TRICKY, max_size=8).map("".join),
    st.lists(st.one_of(TRICKY, st.text(max_size=5)), max_size=6).map("".join),
)
KEY = st.one_of(st.sampled_from(["标题", "内容", "条目", "月份", "周次"]), TEXT)
DATA = st.recursive(
    st.one_of(TEXT, st.integers(-(10**6), 10**6), st.booleans()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(KEY, inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(KEY, DATA, min_size=1, max_size=5))
def test_any_data_reads_back_the_same(data):
    text = to_yaml(data)
    assert parse_yaml(text, "测试.yaml").data == data


def test_layout_of_a_spec():
    data = {
        "文种": "工作计划",
        "学年": "2025—2026",
        "开学": "2025-09-01",
        "指导思想": "第一段。\n第二段。",
        "主要工作": [{"标题": "抓实常规", "条目": ["甲。", {"内容": "乙：丙"}]}, "丁"],
        "轮值表": {"年级": ["初一"], "安排": [{"周次": 3, "年级": {"初一": "语文"}}]},
        "空": [],
    }
    text = dump_spec(data, {"主要工作": ["说明"]}, ["头"])
    assert text == (
        "# 头\n"
        "文种: 工作计划\n"
        "学年: 2025—2026\n"
        '开学: "2025-09-01"\n'
        "指导思想: |-\n"
        "  第一段。\n"
        "  第二段。\n"
        "\n"
        "# 说明\n"
        "主要工作:\n"
        "  - 标题: 抓实常规\n"
        "    条目:\n"
        "      - 甲。\n"
        "      - 内容: 乙：丙\n"
        "  - 丁\n"
        "\n"
        "轮值表:\n"
        "  年级:\n"
        "    - 初一\n"
        "  安排:\n"
        "    - 周次: 3\n"
        "      年级:\n"
        "        初一: 语文\n"
        "\n"
        "空: []\n"
    )
    assert parse_yaml(text, "x").data == data
