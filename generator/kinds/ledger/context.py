"""教研组台帐: the template context. Every part of the 台帐 is prepared here as blocks (a
form title and its form), in the order of the binder; the template puts them in."""

from __future__ import annotations

from typing import Any

from ...context import ContextMaker
from ...doctree import PageBreak, format_cn_date
from ...forms import Cover, CoverField, FormTitle, as_included
from ...numbering import chinese_number
from ...textnorm import normalize_text
from . import sheets
from .model import LedgerSpec
from .sheets import Meeting

DEFAULT_TITLE = "教研组台帐"


def _page(title: str, *blocks: Any, count: int = 1, index: int = 0) -> list:
    """A page of the binder: a new page, the title (numbered （一）（二） when the form
    comes several times) and what is on it."""
    text = f"{title}（{chinese_number(index + 1)}）" if count > 1 else title
    return [PageBreak(), FormTitle(1, text), *blocks]


def _year_month(value: tuple[int, int] | None) -> str:
    return f"{value[0]}.{value[1]:02d}" if value else ""


def _norm(text: str | None) -> str:
    return normalize_text(text) if text else ""


def members_of(spec: LedgerSpec) -> list[dict[str, str]]:
    """The 成员 as the rows of the 成员概况表."""
    return [
        {
            "姓名": _norm(m.name),
            "性别": m.sex or "",
            "出生年月": _year_month(m.born),
            "学历": _norm(m.education),
            "职称": _norm(m.title),
            "任教": _norm(m.teaches),
        }
        for m in spec.members or []
    ]


def _activity_meetings(spec: LedgerSpec, maker: ContextMaker, due: int) -> list[Meeting]:
    """The activities in date order (the binder is chronological)."""
    order = sorted(range(len(spec.activities or [])), key=lambda i: spec.activities[i].date)
    out = []
    for i in order:
        a = spec.activities[i]
        path = ("活动", i)
        present = [_norm(n) for n in a.present or []]
        when = format_cn_date(a.date) + (f"\n{_norm(a.time)}" if a.time else "")
        out.append(
            Meeting(
                when=when,
                place=_norm(a.place),
                host=_norm(a.host),
                topic=_norm(a.topic),
                present=present,
                attendance=sheets.attendance(due, len(present) if a.present else None),
                content=maker.paragraphs(a.content, (*path, "内容")),
                reflection=maker.paragraphs(a.reflection, (*path, "反思")),
            )
        )
    return out


def _prep_meetings(spec: LedgerSpec, maker: ContextMaker) -> list[Meeting]:
    order = sorted(range(len(spec.preps or [])), key=lambda i: spec.preps[i].date)
    out = []
    for i in order:
        p = spec.preps[i]
        path = ("集体备课", i)
        discussion = [
            para
            for k, item in enumerate(p.discussion or [])
            for para in maker.text(item, (*path, "研讨", k))
        ]
        out.append(
            Meeting(
                when=format_cn_date(p.date),
                host=_norm(p.lead),
                topic=_norm(p.lesson),
                present=[_norm(n) for n in p.present or []],
                content=maker.paragraphs(p.draft, (*path, "初案")),
                discussion=discussion,
                reflection=maker.paragraphs(p.revision, (*path, "修改")),
            )
        )
    return out


def _activity_pages(spec: LedgerSpec, maker: ContextMaker, names: list[str]) -> list:
    """签到表 and 活动记录 of each activity, side by side, then the blank ones asked for;
    at least one of each."""
    meetings = _activity_meetings(spec, maker, len(names))
    blanks = spec.blanks
    blank = Meeting(attendance=sheets.attendance(len(names), None))
    signs = meetings + [blank] * (blanks.sign_in if blanks else 0)
    records = meetings + [blank] * (blanks.record if blanks else 0)
    signs, records = signs or [blank], records or [blank]
    out: list = []
    for k in range(max(len(signs), len(records))):
        if k < len(signs):
            form = sheets.sign_in_form(signs[k], names)
            out += _page("教研组活动签到表", form, count=len(signs), index=k)
        if k < len(records):
            form = sheets.record_form(records[k])
            out += _page("教研组活动记录", form, count=len(records), index=k)
    return out


def _plan_pages(spec: LedgerSpec, maker: ContextMaker) -> list:
    """The linked 工作计划 as its template renders it, or a ruled page to write it on."""
    plan = spec.linked_plan
    if plan is None:
        return _page("教研组工作计划", sheets.plan_page())
    from ...build import render_loaded

    document = render_loaded(plan, resolver=maker.resolver)
    return _page("教研组工作计划", *as_included(document.blocks))


def _achievement_pages(spec: LedgerSpec) -> list:
    records = [
        (
            _norm(r.name),
            [
                {
                    "类别": item.category,
                    "内容": _norm(item.content),
                    "级别": _norm(item.level),
                    "日期": _year_month(item.date),
                }
                for item in r.items
            ],
        )
        for r in spec.achievements or []
    ]
    forms = [sheets.achievement_form(records)] if records else []
    extra = spec.blanks.achievements if spec.blanks else 0
    forms += [sheets.achievement_form([]) for _ in range(extra)]
    forms = forms or [sheets.achievement_form([])]
    out: list = []
    for k, form in enumerate(forms):
        out += _page("教研组成员工作实绩记录", form, count=len(forms), index=k)
    return out


def ledger_context(spec: LedgerSpec, maker: ContextMaker) -> dict[str, Any]:
    """Everything a 教研组台帐 template can use: the cover and the forms of each part
    (表单.成员概况表, 工作计划, 活动, 集体备课, 工作实绩, 鉴定) as blocks for block(),
    and the plain values they were made from."""
    unit, group, leader = _norm(spec.unit), _norm(spec.group), _norm(spec.leader)
    period = spec.period_text()
    period_label = "年度" if spec.year is not None else "学年学期"
    title = _norm(spec.title) or DEFAULT_TITLE
    members = members_of(spec)
    names = [m["姓名"] for m in members]
    cover = Cover(
        title,
        fields=[
            CoverField("单位", unit),
            CoverField("教研组", group),
            CoverField(period_label, period),
            CoverField("组长", leader),
        ],
    )
    preps = _prep_meetings(spec, maker)
    blank_preps = spec.blanks.prep if spec.blanks else 0
    preps = (preps + [Meeting()] * blank_preps) or [Meeting()]
    appraisal = spec.appraisal
    forms = {
        "成员概况表": _page("教研组成员概况表", sheets.member_form(members)),
        "工作计划": _plan_pages(spec, maker),
        "活动": _activity_pages(spec, maker, names),
        "集体备课": [
            block
            for k, meeting in enumerate(preps)
            for block in _page(
                "集体备课活动记录", sheets.prep_form(meeting), count=len(preps), index=k
            )
        ],
        "工作实绩": _achievement_pages(spec),
        "鉴定": _page(
            "教研组工作鉴定",
            sheets.appraisal_form(
                group,
                leader,
                (period_label, period),
                maker.paragraphs(appraisal.self_review, ("鉴定", "自评")) if appraisal else [],
                maker.paragraphs(appraisal.school, ("鉴定", "学校意见")) if appraisal else [],
            ),
        ),
    }
    return {
        "文种": spec.kind,
        "单位": unit,
        "教研组": group,
        "组长": leader,
        "学年": spec.school_year,
        "学期": spec.term_name() or None,
        "年度": spec.year,
        "时段": period,
        "标题": title,
        "成员": members,
        "封面": cover,
        "表单": forms,
    }
