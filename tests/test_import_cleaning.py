"""clean_lines: web-page noise removed and counted, real content repaired, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wenshu.generator.importing import clean_lines, clean_report


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("位置: 首页 >范文大全 > 主题教育 > 文章内容", "面包屑导航"),
        ("海考网>考生写作>应用文>工作计划>科室工作计划", "面包屑导航"),
        ("时间:2023-03-17 17:24:23 工作职责 我要投稿", "发布信息"),
        ("时间:2023-03-28 00:10:02 来源:网友投稿", "发布信息"),
        ("下面是小编为大家整理的2023年教科室工作计划主题(十五篇),供大家参考。", "网站导语"),
        (
            "人生天地之间,若白驹过隙,忽然而已。下面是小编为大家带来的计划书优秀范文,希望大家可以喜欢。",
            "网站导语",
        ),
        ("推荐访问:工作计划 教科室 主题 教科室工作计划主题(十五篇)", "推荐链接"),
        ("猜你喜欢", "推荐链接"),
        ("- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充。", "下载声明"),
        ("- 3、如文档侵犯您的权益,请联系客服反馈(人工客服工作时间:9:00-18:30)。", "下载声明"),
        ("http://www.moonedu.com/a/123.html", "链接"),
    ],
)
def test_noise_lines_are_removed_and_counted(line, kind):
    report = clean_report(["一、指导思想", line, "坚持以人为本,全面推进素质教育。"])
    assert report.lines == ["一、指导思想", "坚持以人为本,全面推进素质教育。"]
    assert report.removed == {kind: 1}


def test_related_article_list_is_removed_with_its_links():
    lines = [
        "九、完成领导布置的其它工作。",
        "【教科室工作职责】相关文章:",
        "",
        "教科室的工作职责01-15",
    ]
    lines += ["", "小学教科室主任工作职责04-22", "教科室工作职责(精选20篇)07-15"]
    kept, removed = clean_lines(lines)
    assert kept == ["九、完成领导布置的其它工作。"]
    assert removed == 4


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("促进教师素质的'提高。", "促进教师素质的提高。"),
        ("总结我校教师的`研究成果,交流经验。", "总结我校教师的研究成果,交流经验。"),
        ("形成良好的.教科研氛围。", "形成良好的教科研氛围。"),
        ("组织学习印发的.《医院感染管理文件汇编》。", "组织学习印发的《医院感染管理文件汇编》。"),
        (
            "努力提高教科研能力20xx最新教科室工作计划20xx最新教科室工作计划。",
            "努力提高教科研能力。",
        ),
        ("争创省一级心理辅导站20xx最新教科室工作计划工作计划。优化", "争创省一级心理辅导站。优化"),
        ("例行集体备课(20xx年院学生会体育部工作计划)时间里", "例行集体备课时间里"),
        (
            "介绍先进的教育理论和实践经验,管理制度《大学教研室工作职责》。",
            "介绍先进的教育理论和实践经验。",
        ),
        (
            '协助老教师 HYPERLINK "http://www.moonedu.com" 总结教学经验。',
            "协助老教师总结教学经验。",
        ),
        ("零\u200b宽字符", "零宽字符"),
    ],
)
def test_fragments_inside_lines_are_cut(line, expected):
    kept, _ = clean_lines([line])
    assert kept == [expected]


@pytest.mark.parametrize(
    "line",
    [
        "坚持'三个代表'重要思想为理论指南,认真落实科学发展观。",  # quotes used as quotes
        "全年医院感染率控制在1.5%左右。",
        "按照学校管理制度《教师考勤办法》执行。",
        "组织申报江苏省教育学会“十三五”教育科研规划课题。",
        "教科研用表,是为了准确记录教科研工作中的各种信息。",
    ],
)
def test_real_content_is_kept_intact(line):
    assert clean_lines([line]) == ([line], 0)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "全面推进“科研促进质量”的科研兴教战略,围绕学校提出的工作目标,以课题研究",
                "",
                "为载体,着眼于教师综合素质。",
            ],
            [
                "全面推进“科研促进质量”的科研兴教战略,围绕学校提出的工作目标,以课题研究为载体,着眼于教师综合素质。"
            ],
        ),
        (
            ["关于建立中小学教研员定点联系学校工作制度的", "通知", "各中小学:"],
            ["关于建立中小学教研员定点联系学校工作制度的通知", "各中小学:"],
        ),
        (
            [
                "10.各种内窥镜:感染管理科对各种内窥镜监测每季度进行抽查,",
                "使用科室按标准要求时间进行监测。",
            ],
            [
                "10.各种内窥镜:感染管理科对各种内窥镜监测每季度进行抽查,使用科室按标准要求时间进行监测。"
            ],
        ),
        # A short heading, a numbered line and a repeated title are never glued on.
        (["课题研究", "抓好已经立项的课题。"], ["课题研究", "抓好已经立项的课题。"]),
        (
            [
                "4.本学期将举行一次学术沙龙,研讨课堂教学中的问题与对策,",
                "5.教师个人专项课题进行开题。",
            ],
            [
                "4.本学期将举行一次学术沙龙,研讨课堂教学中的问题与对策,",
                "5.教师个人专项课题进行开题。",
            ],
        ),
        (
            [
                "教研员联系学校工作制度",
                "教研员联系学校工作制度教研员联系学校工作制度是重要内容之一。",
            ],
            [
                "教研员联系学校工作制度",
                "教研员联系学校工作制度教研员联系学校工作制度是重要内容之一。",
            ],
        ),
    ],
)
def test_lines_broken_mid_sentence_are_joined(lines, expected):
    assert clean_lines(lines)[0] == expected


def test_trailing_empty_form_labels_are_removed():
    lines = ["（六）对教学教研有突出成绩的个人或教研组，给予精神和物质奖励。"]
    lines += [
        "本教研组成员概况表",
        " 教研组工作计划",
        "\t",
        "教研组活动签到表",
        "教研组名称________",
    ]
    report = clean_report(lines)
    assert report.lines == lines[:1]
    assert report.removed == {"空白表格标题": 4}


def test_short_label_lines_in_the_middle_are_kept():
    lines = ["何志奇:", "开学论文、职称论文把关", "课题研究管理", "科室计划和总结", "张彩萍:"]
    assert clean_lines(lines) == (lines, 0)


# -- properties -----------------------------------------------------------------------

FRAGMENTS = [
    "一、指导思想",
    "1.",
    "(1)",
    "的'",
    "的.",
    "`",
    "20xx最新教科室工作计划",
    "位置: 首页 > 范文",
    "时间:2023-03-17",
    "下面是小编",
    "推荐访问",
    "相关文章:",
    "猜你喜欢",
    "01-15",
    'HYPERLINK "http://a.b"',
    "下载文档前",
    "教师",
    "课题研究",
    "的",
    "提高",
    "，",
    ",",
    "。",
    ":",
    " ",
    "表",
    "____",
    "管理制度《教研室工作职责》",
    "(20xx年工作计划)",
]
lines_strategy = st.lists(
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join)
    | st.text(alphabet="教研科室的计划。，,:'`.1、一（）()>\n ", max_size=30),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(lines_strategy)
def test_clean_lines_is_idempotent(lines):
    once, _ = clean_lines(lines)
    assert clean_lines(once) == (once, 0)


@settings(max_examples=200, deadline=None)
@given(lines_strategy)
def test_clean_lines_keeps_only_stripped_nonblank_lines(lines):
    kept, removed = clean_lines(lines)
    assert all(line and line == line.strip() and "\n" not in line for line in kept)
    assert removed >= 0
