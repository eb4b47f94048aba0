"""Heading markers by level, the Counter that restarts under each parent, Chinese numbers,
and stripping numbers users typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wenshu.generator.numbering import Counter, chinese_number, marker, strip_typed_marker
from wenshu.generator.spec.types import cn_to_int


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (999, "九百九十九"),
        (1000, "一千"),
        (1015, "一千零一十五"),
        (1105, "一千一百零五"),
        (12000, "12000"),  # a list this long is no document: Arabic digits, no crash
    ],
)
def test_chinese_number(n, text):
    assert chinese_number(n) == text


@given(st.integers(1, 99))
def test_chinese_number_round_trips_through_the_spec_parser(n):
    assert cn_to_int(chinese_number(n)) == n


@given(st.integers(1, 999))
def test_chinese_number_uses_only_numeral_characters(n):
    assert set(chinese_number(n)) <= set("零一二三四五六七八九十百")


def test_chinese_number_rejects_zero():
    with pytest.raises(ValueError):
        chinese_number(0)


@pytest.mark.parametrize(
    ("level", "n", "text"),
    [
        (1, 1, "一、"),
        (1, 12, "十二、"),
        (2, 1, "（一）"),
        (2, 10, "（十）"),
        (3, 1, "1."),
        (3, 12, "12."),
        (4, 3, "（3）"),
        (5, 1, "①"),
        (5, 20, "⑳"),
    ],
)
def test_marker_by_level(level, n, text):
    assert marker(level, n) == text


@pytest.mark.parametrize("level", [0, 7])
def test_marker_level_out_of_range(level):
    with pytest.raises(ValueError):
        marker(level, 1)


def test_counter_restarts_under_each_parent():
    c = Counter()
    seq = [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (3, "2."),
        (4, "（1）"),
        (5, "①"),
        (5, "②"),
        (2, "（二）"),
        (3, "1."),
        (1, "二、"),
        (2, "（一）"),
        (4, "（1）"),
    ]
    assert [c.next(level) for level, _ in seq] == [m for _, m in seq]


@given(st.lists(st.integers(1, 5), max_size=60))
def test_counter_matches_a_reference_model(levels):
    c = Counter()
    counts: dict[int, int] = {}
    for level in levels:
        counts[level] = counts.get(level, 0) + 1
        for deeper in range(level + 1, 7):
            counts.pop(deeper, None)
        assert c.next(level) == marker(level, counts[level])


def test_counter_reset():
    c = Counter()
    c.next(1)
    c.next(2)
    c.reset(2)
    assert c.next(2) == "（一）"
    c.reset()
    assert c.next(1) == "一、"


# ---- strip_typed_marker ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("一、指导思想", "指导思想"),
        ("十二、其他", "其他"),
        ("（一）目标", "目标"),
        ("(一)目标", "目标"),
        ("(一) 目标", "目标"),
        ("1.学习", "学习"),
        ("1. 学习", "学习"),
        ("1、学习", "学习"),
        ("1．全角点", "全角点"),
        ("（1）学习", "学习"),
        ("(1)学习", "学习"),
        ("1)学习", "学习"),
        ("①学习", "学习"),
        ("⑴学习", "学习"),
        ("第一部分 总则", "总则"),
        ("  3、前有空格", "前有空格"),
    ],
)
def test_typed_markers_are_stripped(typed, text):
    assert strip_typed_marker(typed) == text


@pytest.mark.parametrize(
    "text",
    [
        "2025年工作",
        "3月开学",
        "1.5倍速",
        "10.1国庆假期",
        "一是加强",
        "一流学校",
        "十分重要",
        "五年规划",
        "二〇二五年",
        "七八月份",
        "100.x",
        "一、",
        "①",
        "一、二年级开展识字比赛",
        "三、四月份组织春游",
        "1、2班合并上课",
    ],
)
def test_text_that_only_looks_numbered_is_kept(text):
    assert strip_typed_marker(text) == text


BODY = st.text(alphabet="加强理论学习开展教研活动课堂教学管理制度建设", min_size=1, max_size=15)


@given(st.integers(1, 5), st.integers(1, 20), BODY)
def test_a_generated_marker_is_stripped_again(level, n, body):
    assert strip_typed_marker(marker(level, n) + body) == body


@given(st.integers(1, 4), st.integers(1, 99), BODY)
def test_markers_up_to_99_are_stripped(level, n, body):
    assert strip_typed_marker(marker(level, n) + body) == body


@given(BODY)
def test_unnumbered_text_is_unchanged(body):
    assert strip_typed_marker(body) == body


@given(st.integers(1, 5), st.integers(1, 20), BODY)
def test_only_one_marker_is_stripped(level, n, body):
    inner = marker(4, 2) + body
    assert strip_typed_marker(marker(level, n) + inner) == inner
