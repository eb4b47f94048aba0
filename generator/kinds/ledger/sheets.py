"""The forms of a 教研组台帐, each built from plain (normalised) values: filled where there
is data, blank ruled writing space where there is none.

Grid columns give handwriting room (min_em) and say which columns take the width left
over (grow); the Word writer (docx/forms.py) sizes them from the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...forms import Form, FormCell, FormColumn, FormRow

# A 签到表 has a numbered line for every member and at least this many spare ones, and
# never fewer lines than MIN_SIGN_SLOTS; above MAX_SIGN_ROWS it has two columns of them.
SPARE_SIGN_SLOTS = 4
MIN_SIGN_SLOTS = 15
MAX_SIGN_ROWS = 15
# Blank rows a member table keeps below its members, at least.
SPARE_MEMBER_ROWS = 2
# Handwriting lines of an empty writing area, before the page is filled up.
AREA_LINES = {
    "活动内容": 8,
    "活动反思": 4,
    "主备初案": 5,
    "集体研讨": 6,
    "修改完善": 4,
    "教研组自评": 8,
    "学校意见": 5,
}

LEADER_SIGNS = "组长签名：\u3000\u3000\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"
SCHOOL_SIGNS = (
    "负责人签名：\u3000\u3000\u3000\u3000\u3000（盖章）\u3000\u3000年\u3000\u3000月\u3000\u3000日"
)


def label(text: str, span: int = 1) -> FormCell:
    return FormCell(text, span, "label")


def head(text: str) -> FormCell:
    return FormCell(text, 1, "head")


def value(text: str = "", span: int = 1) -> FormCell:
    return FormCell(text, span, "value")


def below(span: int = 1) -> FormCell:
    """The continuation of the cell above (a label beside a writing area)."""
    return FormCell("", span, merge_up=True)


def pair(
    first: tuple[str, str],
    second: tuple[str, str],
    spans: tuple[int, int, int, int] = (1, 1, 1, 1),
    header: bool = False,
) -> FormRow:
    """A row of two labelled values: 活动时间 | … | 活动地点 | …."""
    a, b, c, d = spans
    cells = [label(first[0], a), value(first[1], b), label(second[0], c), value(second[1], d)]
    return FormRow(cells, header=header)


def people(names: list[str]) -> FormRow:
    """参加人员, a line and a half high to write more names in."""
    return FormRow([label("参加人员"), value("、".join(names), 3)], lines=1.5)


def area(
    name: str, paragraphs: Sequence[str], span: int, stretch: float, sign: str = ""
) -> list[FormRow]:
    """A labelled writing area over `span` columns: the text (if any) and ruled lines to
    write on, the last of which stretches to fill the page; a signature line closes it."""
    rows: list[FormRow] = []
    if paragraphs:
        rows.append(FormRow([label(name), FormCell("\n".join(paragraphs), span, "text")]))
        blank = 1
    else:
        blank = AREA_LINES.get(name, 4)
    for i in range(blank):
        first = not rows
        cells = [label(name) if first else below(), FormCell("", span, "text")]
        rows.append(FormRow(cells, fixed=True, stretch=stretch if i == blank - 1 else 0))
    if sign:
        rows.append(FormRow([below(), FormCell(sign, span, "sign")], lines=1.5, fixed=True))
    return rows


def _record_columns() -> list[FormColumn]:
    """label | value | label | value: the two values share the width."""
    return [FormColumn(4), FormColumn(8, 1), FormColumn(4), FormColumn(8, 1)]


@dataclass
class Meeting:
    """What the forms of one activity or 集体备课 show (all optional for a blank form)."""

    when: str = ""
    place: str = ""
    host: str = ""
    topic: str = ""
    present: list[str] = field(default_factory=list)
    attendance: str = ""
    content: list[str] = field(default_factory=list)
    reflection: list[str] = field(default_factory=list)
    discussion: list[str] = field(default_factory=list)


def attendance(members: int, present: int | None) -> str:
    """应到8人　实到7人 (blanks to fill where a number is not known)."""
    if not members and present is None:
        return ""
    due = f"应到{members}人" if members else "应到\u3000\u3000人"
    came = f"实到{present}人" if present is not None else "实到\u3000\u3000人"
    return f"{due}\u3000{came}"


def member_form(members: list[dict[str, str]]) -> Form:
    """成员概况表: one numbered row per member, blank rows below to the page foot."""
    keys = ("姓名", "性别", "出生年月", "学历", "职称", "任教")
    columns = [
        FormColumn(2),
        FormColumn(4, 0.3),
        FormColumn(2),
        FormColumn(4),
        FormColumn(3),
        FormColumn(4, 0.3),
        FormColumn(6, 1),
    ]
    rows = [
        FormRow([head(h) for h in ("序号", *keys[:-1], "任教学科及班级")], header=True),
        *(
            FormRow([value(str(i))] + [value(m.get(k, "")) for k in keys])
            for i, m in enumerate(members, 1)
        ),
    ]
    for i in range(SPARE_MEMBER_ROWS):
        last = i == SPARE_MEMBER_ROWS - 1
        rows.append(FormRow([value() for _ in range(7)], fixed=True, stretch=1 if last else 0))
    return Form("成员概况表", columns, rows)


def sign_in_form(meeting: Meeting, names: list[str]) -> Form:
    """活动签到表: when, where, topic, then a numbered line for every member (name printed)
    and some spare ones to sign on; a group too large for one page of lines signs in two
    columns side by side."""
    slots = max(len(names) + SPARE_SIGN_SLOTS, MIN_SIGN_SLOTS)
    across = 1 if slots <= MAX_SIGN_ROWS else 2
    lines = -(-slots // across)
    padded = names + [""] * (lines * across - len(names))
    if across == 1:
        # 序号 | 姓名 | 签名 (two grid columns) | 备注 (two grid columns)
        columns = [FormColumn(2), FormColumn(4), FormColumn(4, 1), FormColumn(4, 1)]
        columns += [FormColumn(2, 0.3), FormColumn(2, 0.3)]
        spans = (2, 1, 1, 2)
        heads = [
            head("序号"),
            head("姓名"),
            FormCell("签名", 2, "head"),
            FormCell("备注", 2, "head"),
        ]
        body = [
            FormRow([value(str(k + 1)), value(padded[k]), value("", 2), value("", 2)], fixed=True)
            for k in range(lines)
        ]
    else:
        # (序号 | 姓名 | 签名) twice
        columns = [FormColumn(2), FormColumn(4), FormColumn(6, 1)] * 2
        spans = (2, 1, 2, 1)
        heads = [head(h) for h in ("序号", "姓名", "签名") * 2]
        body = [
            FormRow(
                [value(str(r + 1)), value(padded[r]), value()]
                + [value(str(lines + r + 1)), value(padded[lines + r]), value()],
                fixed=True,
            )
            for r in range(lines)
        ]
    a, b, c, d = spans
    rows = [
        pair(("活动时间", meeting.when), ("活动地点", meeting.place), spans, header=True),
        FormRow([label("活动主题", a), value(meeting.topic, b + c + d)], header=True),
        pair(("主持人", meeting.host), ("出席人数", meeting.attendance), spans, header=True),
        FormRow(heads, header=True),
        *body,
    ]
    return Form("签到表", columns, rows)


def record_form(meeting: Meeting) -> Form:
    """教研组活动记录: the facts of the meeting, then what was done and learnt."""
    rows = [
        pair(("活动时间", meeting.when), ("活动地点", meeting.place), header=True),
        pair(("主持人", meeting.host), ("出席人数", meeting.attendance)),
        FormRow([label("活动主题"), value(meeting.topic, 3)]),
        people(meeting.present),
        *area("活动内容", meeting.content, 3, stretch=2),
        *area("活动反思", meeting.reflection, 3, stretch=1),
    ]
    return Form("活动记录", _record_columns(), rows)


def prep_form(meeting: Meeting) -> Form:
    """集体备课活动记录: the lesson, the lead teacher's first plan, the discussion, and
    how the plan was revised."""
    rows = [
        pair(("备课时间", meeting.when), ("主备人", meeting.host), header=True),
        FormRow([label("课题"), value(meeting.topic, 3)]),
        people(meeting.present),
        *area("主备初案", meeting.content, 3, stretch=2),
        *area("集体研讨", meeting.discussion, 3, stretch=2),
        *area("修改完善", meeting.reflection, 3, stretch=1),
    ]
    return Form("集体备课", _record_columns(), rows)


def achievement_form(records: list[tuple[str, list[dict[str, str]]]]) -> Form:
    """成员工作实绩记录: a row per item, the member's name merged down their items."""
    keys = ("类别", "内容", "级别", "日期")
    columns = [FormColumn(4), FormColumn(4), FormColumn(10, 1), FormColumn(3), FormColumn(4)]
    rows = [FormRow([head(h) for h in ("姓名", "类别", "具体内容", "级别", "时间")], header=True)]
    for name, items in records:
        for k, item in enumerate(items):
            first = value(name) if k == 0 else below()
            rows.append(FormRow([first] + [value(item.get(key, "")) for key in keys]))
    rows.append(FormRow([value() for _ in range(5)], fixed=True, stretch=1))
    return Form("工作实绩", columns, rows)


def appraisal_form(
    group: str,
    leader: str,
    period: tuple[str, str],
    self_review: list[str],
    school: list[str],
) -> Form:
    """教研组工作鉴定: the group's appraisal signed by its leader, the school's opinion
    signed and sealed; `period` is (学年学期 or 年度, its text)."""
    rows = [
        pair(("教研组", group), ("组长", leader), header=True),
        FormRow([label(period[0]), value(period[1], 3)]),
        *area("教研组自评", self_review, 3, stretch=3, sign=LEADER_SIGNS),
        *area("学校意见", school, 3, stretch=2, sign=SCHOOL_SIGNS),
    ]
    return Form("鉴定", _record_columns(), rows)


def plan_page() -> Form:
    """A ruled page to write the 工作计划 on by hand."""
    return Form(
        "工作计划", [FormColumn(0, 1)], [FormRow([FormCell("", 1, "text")], fixed=True, stretch=1)]
    )
