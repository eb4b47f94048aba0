"""Write the .docx files of the labelled import set and their expected outlines.

Every text here was written for this set. Each document is described once, with its labels
beside the text: the headings a reader sees (Word's list labels included, as Word shows
them), the number of tables, and the title. Run from the repository root:

    python tests/data/import/make_docx.py

The .docx files and *.expected.json are committed; rerun only when this script changes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


class Doc:
    """A python-docx document plus its expected outline."""

    def __init__(self, name: str):
        self.name = name
        self.document = docx.Document()
        self.numbering = self.document.part.numbering_part.element
        self.docs: list[dict] = []
        self.new_doc()
        self._next_abstract = 90
        self._next_num = 90

    # ---- expected outline -------------------------------------------------------------
    def new_doc(self, title: str | None = None) -> None:
        self.docs.append({"title": title, "headings": [], "tables": 0, "noise": []})

    def expect_title(self, title: str) -> None:
        self.docs[-1]["title"] = title

    def _heading(self, level: int, text: str) -> None:
        self.docs[-1]["headings"].append({"level": level, "text": text})

    # ---- numbering.xml ----------------------------------------------------------------
    def abstract(self, levels: list[tuple[str, str, int]]) -> str:
        """An abstract numbering: per level (numFmt, lvlText, start)."""
        ab = OxmlElement("w:abstractNum")
        key = str(self._next_abstract)
        self._next_abstract += 1
        ab.set(qn("w:abstractNumId"), key)
        for ilvl, (fmt, text, start) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, val in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text)):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            ab.append(lvl)
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            self.numbering.append(ab)
        return key

    def num(self, abstract: str, restart: dict[int, int] | None = None) -> str:
        """A numbering instance of `abstract`; `restart` maps levels to start overrides."""
        num = OxmlElement("w:num")
        key = str(self._next_num)
        self._next_num += 1
        num.set(qn("w:numId"), key)
        ab = OxmlElement("w:abstractNumId")
        ab.set(qn("w:val"), abstract)
        num.append(ab)
        for ilvl, start in (restart or {}).items():
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), str(start))
            override.append(so)
            num.append(override)
        self.numbering.append(num)
        return key

    def link_styles(self, num_id: str, styles: list[str]) -> None:
        """Attach list `num_id` to paragraph styles, level k to styles[k]."""
        for level, style in enumerate(styles):
            ppr = self.document.styles[style].element.get_or_add_pPr()
            ppr.insert(0, _num_pr(num_id, level))

    # ---- content ----------------------------------------------------------------------
    def p(self, text: str, num: tuple[str, int] | None = None, style: str | None = None):
        para = self.document.add_paragraph(text, style=style)
        if num is not None:
            _set_num(para, *num)
        return para

    def title(self, text: str, expected: str | None = None) -> None:
        para = self.p(text)
        para.runs[0].font.size = Pt(22)
        self.expect_title(expected or text)

    def h(self, level: int, text: str, num=None, label: str = "", style=None) -> None:
        """A heading paragraph; with `num` Word draws `label` (written here as Word shows
        it) in front of `text`."""
        self.p(text, num, style)
        self._heading(level, label + text)

    def table(self, rows: list[list[str]], merges=(), heading_cells=()) -> docx.table.Table:
        """A table of rows (cells with "\\n" hold several paragraphs); `merges` are
        ((r1, c1), (r2, c2)) ranges; `heading_cells` are (level, text) read as headings."""
        ncols = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=ncols)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text is None:
                    continue
                cell = table.cell(r, c)
                parts = text.split("\n")
                cell.paragraphs[0].text = parts[0]
                for extra in parts[1:]:
                    cell.add_paragraph(extra)
        for (r1, c1), (r2, c2) in merges:
            table.cell(r1, c1).merge(table.cell(r2, c2))
        self.docs[-1]["tables"] += 1
        for level, text in heading_cells:
            self._heading(level, text)
        return table

    def save(self) -> None:
        path = HERE / f"{self.name}.docx"
        self.document.core_properties.author = "wenshu"
        self.document.save(path)
        expected = {"documents": self.docs, "file": path.name}
        text = json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
        (HERE / f"{self.name}.expected.json").write_text(text, encoding="utf-8")


def _num_pr(num_id: str, ilvl: int):
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(lvl)
    num_pr.append(nid)
    return num_pr


def _set_num(para, num_id: str, ilvl: int) -> None:
    ppr = para._p.get_or_add_pPr()
    num_pr = _num_pr(num_id, ilvl)
    ppr.insert(0, num_pr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(
        num_pr
    )


CHINESE_HEADINGS = [
    ("chineseCounting", "%1、", 1),
    ("chineseCounting", "（%2）", 1),
    ("decimal", "%3.", 1),
]


def d01_numbering_chinese() -> None:
    d = Doc("d01_numbering_chinese")
    d.title("城北中学教务处2025学年第一学期工作计划")
    ab = d.abstract(CHINESE_HEADINGS)
    n = d.num(ab)
    d.h(1, "指导思想", (n, 0), "一、")
    d.p("以课程改革为主线，以提高课堂效益为重点，规范管理，注重实效，全面提高教学质量。")
    d.h(1, "工作目标", (n, 0), "二、")
    d.p("教学常规检查合格率达到百分之百，学科统考成绩保持全区前列。")
    # The rest was typed by hand after the list broke: 三、 and （一） are text.
    d.h(1, "三、主要工作")
    d.h(2, "（一）加强常规管理")
    d.p("1.每月检查一次教案、作业和听课记录，检查结果及时反馈。")
    d.p("2.严格执行课程计划，开齐开足规定课程。")
    d.h(2, "（二）推进课堂改革")
    d.p("1.各学科组确定研究主题，每月开展一次课例研讨。")
    d.p("2.举办青年教师优质课比赛。")
    d.h(1, "四、保障措施")
    d.p("学校成立教学工作领导小组，把计划落实情况纳入教师学期考核。")
    d.save()


def d02_numbering_restart() -> None:
    d = Doc("d02_numbering_restart")
    d.title("向阳小学数学教研组工作计划")
    heads = d.abstract([("chineseCounting", "%1、", 1)])
    hn = d.num(heads)
    subs = d.abstract([("chineseCounting", "（%1）", 1)])
    items = d.abstract([("decimal", "%1.", 1)])
    d.h(1, "基本情况", (hn, 0), "一、", style="Normal")
    d.p("本组共有数学教师十二人，其中区级骨干教师两人，教龄五年以内的青年教师四人。")
    d.h(1, "工作重点", (hn, 0), "二、", style="Normal")
    first = d.num(subs)
    d.h(2, "课堂教学", (first, 0), "（一）")
    list1 = d.num(items)
    d.p("每位教师每学期上一节组内研究课。", (list1, 0))
    d.p("推行课前三分钟口算练习。", (list1, 0))
    d.h(2, "作业管理", (first, 0), "（二）")
    list2 = d.num(items, {0: 1})
    d.p("作业分基础题和拓展题两个层次。", (list2, 0))
    d.p("每周公布作业时长，接受家长监督。", (list2, 0))
    d.h(1, "活动安排", (hn, 0), "三、", style="Normal")
    second = d.num(subs, {0: 1})
    d.h(2, "上半学期", (second, 0), "（一）")
    list3 = d.num(items, {0: 1})
    d.p("九月召开教研组工作会议，制订学期计划。", (list3, 0))
    d.p("十月开展计算能力竞赛。", (list3, 0))
    d.h(2, "下半学期", (second, 0), "（二）")
    list4 = d.num(items, {0: 1})
    d.p("十一月组织期中质量分析。", (list4, 0))
    d.p("十二月进行学期教研工作总结。", (list4, 0))
    d.save()


def d03_numbering_multilevel() -> None:
    d = Doc("d03_numbering_multilevel")
    d.title("市第一医院检验科2025年质量管理计划")
    ab = d.abstract([("decimal", "%1.", 1), ("decimal", "%1.%2", 1), ("decimal", "（%3）", 1)])
    n = d.num(ab)
    # The list is attached to the Heading styles, as Word's multilevel headings are.
    d.link_styles(n, ["Heading 1", "Heading 2"])
    d.h(1, "质量目标", style="Heading 1", label="1.")
    d.p("室内质控在控率不低于百分之九十八，室间质评合格率百分之百，危急值报告及时率百分之百。")
    d.h(1, "质量控制措施", style="Heading 1", label="2.")
    d.h(2, "分析前质量控制", style="Heading 2", label="2.1")
    d.p("规范标本采集、运送和接收流程，不合格标本及时退回并登记。", (n, 2))
    d.p("每月统计标本不合格率，向临床科室反馈。", (n, 2))
    d.h(2, "分析中质量控制", style="Heading 2", label="2.2")
    d.p("每日开展室内质控，失控时立即查找原因并记录处理过程。", (n, 2))
    d.h(1, "人员培训", style="Heading 1", label="3.")
    d.p("每季度组织一次业务学习，新进人员岗前培训合格后方可独立上岗。")
    d.save()


def d04_keywork_table() -> None:
    d = Doc("d04_keywork_table")
    d.title("枫林中学2025年学校工作计划")
    d.h(1, "一、指导思想")
    d.p("坚持立德树人根本任务，以课程建设和队伍建设为重点，推动学校内涵发展。")
    d.h(1, "二、重点工作分解")
    d.table(
        [
            ["重点工作", "具体措施及时间", "责任部门"],
            [
                "课程建设",
                "3月：修订学校课程实施方案\n组织各学科梳理校本课程资源\n4月-6月：开发校本选修课程两门",
                "教务处",
            ],
            [None, "9月：选修课程开课并收集学生反馈\n12月：评选优秀校本课程", "教务处"],
            [
                "教师队伍建设",
                "3月：启动青年教师成长工程\n8月-11月：组织骨干教师外出跟岗研修",
                "教科室",
            ],
            [None, "全年：每月开展一次读书分享活动", "工会"],
            ["校园文化建设", "5月：举办校园读书节\n10月：举办秋季体育节和艺术展演", "德育处"],
        ],
        merges=[((1, 0), (2, 0)), ((3, 0), (4, 0))],
        heading_cells=[
            (2, "课程建设"),
            (3, "3月：修订学校课程实施方案"),
            (3, "4月-6月：开发校本选修课程两门"),
            (3, "9月：选修课程开课并收集学生反馈"),
            (3, "12月：评选优秀校本课程"),
            (2, "教师队伍建设"),
            (3, "3月：启动青年教师成长工程"),
            (3, "8月-11月：组织骨干教师外出跟岗研修"),
            (3, "全年：每月开展一次读书分享活动"),
            (2, "校园文化建设"),
            (3, "5月：举办校园读书节"),
            (3, "10月：举办秋季体育节和艺术展演"),
        ],
    )
    d.h(1, "三、保障措施")
    d.p("各责任部门按月报送进展情况，校长办公室汇总督办，学期末进行考核。")
    d.save()


def d05_keywork_district() -> None:
    d = Doc("d05_keywork_district")
    d.title("云溪区教育局教研室2025年重点工作任务分解表")
    d.p("为确保年度重点工作落到实处，现将任务分解如下，请各牵头科室抓好落实。")
    d.table(
        [
            ["序号", "工作任务", "主要措施", "完成时限", "牵头科室"],
            [
                "1",
                "推进课堂教学改革",
                "1.制定课堂教学改革指导意见。\n2.每学期组织一次全区课堂教学展示活动。",
                "6月底前",
                "中学教研组",
            ],
            [
                "2",
                "加强学业质量监测",
                "1.完成义务教育阶段学业质量抽测。\n2.撰写监测分析报告并反馈学校。",
                "11月底前",
                "质量监测组",
            ],
            [
                "3",
                "开展教研员下校指导",
                "1.教研员每学期下校不少于二十天。\n2.建立下校指导问题台账，跟踪整改。",
                "全年",
                "各学科教研员",
            ],
        ],
        heading_cells=[(1, "推进课堂教学改革"), (1, "加强学业质量监测"), (1, "开展教研员下校指导")],
    )
    d.save()


FORM_JOBS = [
    (
        "教务员",
        "教务处",
        "教务主任",
        [
            "1、负责学生学籍的建立、变动和归档工作。",
            "2、编排课程表、作息时间表和考试安排。",
            "3、收集整理教学常规检查资料。",
            "4、完成教务主任交办的其他工作。",
        ],  # fmt: skip
        ["大专以上学历，熟悉办公软件操作。", "工作细致，责任心强。"],
    ),
    (
        "图书管理员",
        "教科室",
        "教科室主任",
        [
            "1、负责图书的采购、编目和上架。",
            "2、做好图书借阅登记，定期催还。",
            "3、组织学生读书活动，每学期推荐书目。",
        ],  # fmt: skip
        ["具有图书管理相关知识。", "热爱读书，善于与学生沟通。"],
    ),
    (
        "实验员",
        "教务处",
        "教务主任",
        [
            "1、负责实验器材的保管、维护和借还登记。",
            "2、按教学进度准备分组实验器材。",
            "3、做好实验室安全检查和危险化学品管理。",
        ],  # fmt: skip
        ["理科相关专业毕业。", "熟悉实验室安全管理规定。"],
    ),
    (
        "宿舍管理员",
        "总务处",
        "总务主任",
        [
            "1、负责学生宿舍的日常管理和就寝纪律检查。",
            "2、做好宿舍卫生检查评比。",
            "3、发现学生身体不适及时联系校医和班主任。",
        ],  # fmt: skip
        ["身体健康，能适应夜间值班。", "有耐心，关爱学生。"],
    ),
    (
        "档案管理员",
        "校长办公室",
        "办公室主任",
        [
            "1、负责学校文书档案的收集、整理和归档。",
            "2、做好档案借阅登记，保守档案机密。",
            "3、每年完成档案目录的编制和移交。",
        ],  # fmt: skip
        ["熟悉档案管理规范。", "工作认真，保密意识强。"],
    ),
]


def d06_forms_school() -> None:
    d = Doc("d06_forms_school")
    d.docs.clear()
    for k, (job, dept, boss, duties, reqs) in enumerate(FORM_JOBS):
        d.new_doc(f"{job}岗位说明书")
        d.p("岗 位 说 明 书")
        if k < 3:
            # Labels beside their values; the duties cell spans three columns.
            table = d.table(
                [
                    ["岗位名称", job, "所属部门", dept],
                    ["直接上级", boss, "岗位编号", f"XZ-0{k + 1}"],
                    ["岗位职责", "\n".join(duties), None, None],
                    ["任职资格", "\n".join(reqs), None, None],
                    ["工作权限", "对本岗位工作范围内的事务有处理建议权", None, None],
                ],
                merges=[((2, 1), (2, 3)), ((3, 1), (3, 3)), ((4, 1), (4, 3))],
                heading_cells=[(1, "岗位职责"), (1, "任职资格")],
            )
        else:
            # Full-width label rows over full-width content rows.
            table = d.table(
                [
                    ["岗位名称", job, "所属部门", dept],
                    ["直接上级", boss, "岗位编号", f"XZ-0{k + 1}"],
                    ["岗位职责", None, None, None],
                    ["\n".join(duties), None, None, None],
                    ["任职资格", None, None, None],
                    ["\n".join(reqs), None, None, None],
                ],
                merges=[((r, 0), (r, 3)) for r in (2, 3, 4, 5)],
                heading_cells=[(1, "岗位职责"), (1, "任职资格")],
            )
        if k == 4:
            _legacy_hmerge(table, row=2)
        d.p("")
    d.save()


def _legacy_hmerge(table, row: int) -> None:
    """Rewrite a gridSpan row as Word 97's hMerge: one cell per column, text repeated."""
    tr = table.rows[row]._tr
    tc = tr.findall(qn("w:tc"))[0]
    tcpr = tc.get_or_add_tcPr()
    span = tcpr.find(qn("w:gridSpan"))
    count = int(span.get(qn("w:val")))
    tcpr.remove(span)
    merge = OxmlElement("w:hMerge")
    merge.set(qn("w:val"), "restart")
    tcpr.append(merge)
    for _ in range(count - 1):
        twin = copy.deepcopy(tc)
        twin.find(qn("w:tcPr")).find(qn("w:hMerge")).set(qn("w:val"), "continue")
        tc.addnext(twin)


def d07_forms_hospital() -> None:
    d = Doc("d07_forms_hospital")
    d.docs.clear()
    jobs = [
        (
            "责任护士",
            "心内科",
            [
                "1.负责分管患者的基础护理和专科护理。",
                "2.观察病情变化，及时报告医生。",
                "3.做好健康教育和出院指导。",
            ],
        ),  # fmt: skip
        (
            "护理组长",
            "心内科",
            [
                "1.协助护士长做好本组护理质量管理。",
                "2.指导低年资护士完成护理工作。",
                "3.参与危重患者抢救和护理会诊。",
            ],
        ),  # fmt: skip
        (
            "办公室护士",
            "心内科",
            [
                "1.负责处理医嘱，做好住院患者出入院手续。",
                "2.管理病历和各类护理表格。",
                "3.接待来访人员，做好解释工作。",
            ],
        ),  # fmt: skip
    ]
    for job, dept, work in jobs:
        d.new_doc(f"{job}岗位说明书")
        d.table(
            [
                ["岗位名称", job, "所在科室", dept],
                ["工作内容", "\n".join(work), None, None],
                [
                    "任职条件",
                    "具有护士执业资格，从事临床护理工作两年以上，能熟练完成专科护理操作。",
                    None,
                    None,
                ],  # fmt: skip
            ],
            merges=[((1, 1), (1, 3)), ((2, 1), (2, 3))],
            heading_cells=[(1, "工作内容"), (1, "任职条件")],
        )
        d.p("")
    d.save()


def d08_calendar_only() -> None:
    d = Doc("d08_calendar_only")
    d.title("长青小学2025学年第一学期行事历")
    d.table(
        [
            ["周次", "日期", "工作内容", "负责部门"],
            ["1", "9.1-9.5", "开学典礼；新生入学教育", "德育处"],
            ["2", "9.8-9.12", "教师节庆祝活动", "德育处"],
            ["3", "9.15-9.19", "教研组活动启动", "教导处"],
            ["4", "9.22-9.26", "国庆节前安全教育", "教导处"],
            ["5", "9.29-10.3", "国庆节放假", "校长室"],
            ["6", "10.6-10.10", "秋季运动会", "体育组"],
        ],
        merges=[((1, 3), (2, 3)), ((3, 3), (4, 3))],
    )
    d.save()


def d09_notice_numbered() -> None:
    d = Doc("d09_notice_numbered")
    d.p("关于印发《明德小学课后服务实施方案》的通知")
    d.p("各年级组、教研组：")
    d.p(
        "为规范学校课后服务工作，经校务会研究，制定了《明德小学课后服务实施方案》，现印发给你们，请遵照执行。"
    )
    d.p("明德小学")
    d.p("2025年8月28日")
    d.title("明德小学课后服务实施方案")
    ab = d.abstract([("chineseCounting", "%1、", 1), ("decimal", "%2.", 1)])
    n = d.num(ab)
    d.h(1, "服务对象", (n, 0), "一、")
    d.p("全校一至六年级自愿参加课后服务的学生。")
    d.h(1, "服务时间", (n, 0), "二、")
    d.p("每周一至周五下午放学后至十七点三十分。")
    d.h(1, "服务内容", (n, 0), "三、")
    d.p("指导学生完成书面作业，开展阅读、体育、艺术等兴趣活动。", (n, 1))
    d.p("低年级以游戏和阅读为主，高年级以作业辅导和社团活动为主。", (n, 1))
    d.h(1, "工作要求", (n, 0), "四、")
    d.p("课后服务教师要按时到岗，做好考勤记录，确保学生安全。")
    d.save()


def d10_plan_data_tables() -> None:
    d = Doc("d10_plan_data_tables")
    d.title("春晖中学教科室2025学年第二学期工作计划")
    d.h(1, "一、工作目标")
    d.p("完成两项区级课题的中期检查，组织教师论文评比一次。")
    d.h(1, "二、主要工作")
    d.h(2, "（一）课题研究")
    d.p("各课题组每月开展一次研究活动，做好过程资料的收集整理。")
    d.h(2, "（二）教师培训")
    d.p("举办两次专题讲座，邀请区教研员来校指导。")
    d.h(1, "三、人员分工")
    d.table(
        [
            ["姓名", "职务", "分工"],
            ["王晓东", "教科室主任", "全面负责教科室工作，主管课题研究"],
            ["李敏", "教科室干事", "负责教师培训和资料归档"],
        ]
    )
    d.h(1, "四、教研组安排")
    d.table(
        [
            ["教研组", "组长", "成员", "活动时间"],
            ["语文组", "陈芳", "刘洋、赵静、孙丽", "周二下午"],
            ["数学组", "周强", "吴磊、郑雪", "周三下午"],
        ]
    )
    d.save()


def d11_layout_frame() -> None:
    d = Doc("d11_layout_frame")
    d.title("金桥幼儿园安全工作计划")
    table = d.document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    lines = [
        (1, "一、指导思想"),
        (0, "坚持安全第一、预防为主，保障幼儿在园安全。"),
        (1, "二、主要工作"),
        (2, "（一）加强门卫管理"),
        (0, "严格执行来访登记制度，接送幼儿凭接送卡。"),
        (2, "（二）做好安全演练"),
        (0, "每月组织一次消防或防震疏散演练。"),
    ]
    cell.paragraphs[0].text = lines[0][1]
    d._heading(1, lines[0][1])
    for level, text in lines[1:]:
        cell.add_paragraph(text)
        if level:
            d._heading(level, text)
    d.save()


def d12_parts_numbering() -> None:
    d = Doc("d12_parts_numbering")
    d.title("南山区教研室2025年工作要点")
    ab = d.abstract(
        [
            ("chineseCounting", "第%1部分", 1),
            ("chineseCounting", "%2、", 1),
            ("decimalEnclosedCircle", "%3", 1),
        ]
    )
    n = d.num(ab)
    d.h(1, " 年度目标", (n, 0), "第一部分")
    d.p("围绕课程改革和质量提升两条主线，做好研究、指导、服务工作。")
    d.h(1, " 重点工作", (n, 0), "第二部分")
    d.h(2, "学科教研", (n, 1), "一、")
    d.p("各学科每月组织一次区级教研活动。", (n, 2))
    d.p("建立学科中心组，发挥骨干教师引领作用。", (n, 2))
    d.h(2, "质量监测", (n, 1), "二、")
    d.p("完成小学四年级和初中八年级学业质量监测。", (n, 2))
    d.h(1, " 保障措施", (n, 0), "第三部分")
    d.p("加强教研员队伍建设，落实教研员联系学校制度。")
    d.save()


def d13_two_key_columns() -> None:
    d = Doc("d13_two_key_columns")
    d.title("清泉中学2025学年教学工作任务分解")
    d.h(1, "一、任务分解")
    d.table(
        [
            ["项目", "子项目", "工作安排", "负责人"],
            [
                "常规管理",
                "备课",
                "第1-2周：各备课组完成学期备课计划\n第10周：期中教案检查",
                "教务主任",
            ],
            [None, "作业", "每月：作业抽查一次并通报\n第18周：优秀作业展评", "教务主任"],
            ["教学研究", "公开课", "第3-16周：每位教师上一节公开课", "教研组长"],
            [None, "课题", "学期初：课题申报\n学期末：课题阶段总结", "教科室主任"],
        ],
        merges=[((1, 0), (2, 0)), ((3, 0), (4, 0))],
        heading_cells=[
            (2, "常规管理"),
            (3, "备课"),
            (4, "第1-2周：各备课组完成学期备课计划"),
            (4, "第10周：期中教案检查"),
            (3, "作业"),
            (4, "每月：作业抽查一次并通报"),
            (4, "第18周：优秀作业展评"),
            (2, "教学研究"),
            (3, "公开课"),
            (4, "第3-16周：每位教师上一节公开课"),
            (3, "课题"),
            (4, "学期初：课题申报"),
            (4, "学期末：课题阶段总结"),
        ],
    )
    d.h(1, "二、工作要求")
    d.p("各负责人按时间节点推进，教务处每月督查一次。")
    d.save()


def d14_single_form() -> None:
    d = Doc("d14_single_form")
    d.title("城南中学班主任岗位说明书")
    d.table(
        [
            ["岗位名称", "班主任", "所属部门", "德育处"],
            [
                "岗位职责",
                "1.全面负责本班学生的思想教育和班级管理。\n2.组织班会和集体活动，培养良好班风。\n3.经常与家长联系，共同做好学生教育工作。",
                None,
                None,
            ],
            ["任职要求", "热爱学生，有较强的组织管理能力，具有两年以上教龄。", None, None],
        ],
        merges=[((1, 1), (1, 3)), ((2, 1), (2, 3))],
        heading_cells=[(1, "岗位职责"), (1, "任职要求")],
    )
    d.save()


def d15_word_heading_styles() -> None:
    d = Doc("d15_word_heading_styles")
    para = d.p("星光小学2026年春季学期教导处工作计划", style="Title")
    d.expect_title(para.text)
    ab = d.abstract(
        [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1)]
    )
    n = d.num(ab)
    # Word's multilevel list linked to the Heading styles: the numbers live in the styles.
    d.link_styles(n, ["Heading 1", "Heading 2", "Heading 3"])
    items = d.abstract([("decimal", "%1.", 1)])
    d.h(1, "工作思路", style="Heading 1", label="一、")
    d.p("以新课程方案落地为主线，以课堂教学改进为重点，抓实常规，提升质量。")
    d.h(1, "重点工作", style="Heading 1", label="二、")
    d.h(2, "课程建设", style="Heading 2", label="（一）")
    first = d.num(items)
    d.p("修订学校课程实施方案，三月底前报区教育局备案。", (first, 0), style="List Paragraph")
    d.p("开设科技、艺术、体育类社团课程不少于二十门。", (first, 0), style="List Paragraph")
    d.h(2, "课堂教学", style="Heading 2", label="（二）")
    d.h(3, "推进大单元教学", style="Heading 3", label="1.")
    d.p("语文、数学、英语各选两个单元开展整体设计，每月组织一次单元教学研讨。")
    d.h(3, "规范作业管理", style="Heading 3", label="2.")
    d.p("各年级建立作业公示制度，书面作业总量严格控制在规定时间以内。")
    d.h(1, "质量监测", style="Heading 1", label="三、")
    d.p("期中进行学科质量调研，期末组织质量分析会，形成分析报告。")
    d.h(1, "月份安排", style="Heading 1", label="四、")
    second = d.num(items)
    d.p("二月：制订各学科教学计划，开展开学常规检查。", (second, 0), style="List Paragraph")
    d.p("三月：青年教师汇报课。", (second, 0), style="List Paragraph")
    d.p("四月：期中质量调研。", (second, 0), style="List Paragraph")
    d.p("五月：课堂教学开放周。", (second, 0), style="List Paragraph")
    d.p("六月：期末复习研讨和质量分析。", (second, 0), style="List Paragraph")
    d.save()


def d16_calendar_merged() -> None:
    d = Doc("d16_calendar_merged")
    d.title("清溪初级中学2025学年第二学期校历及工作安排")
    d.p("说明：本学期共二十周，2月16日学生报到，7月3日散学典礼。")
    d.table(
        [
            ["月份", "周次", "日期", "教学工作", "德育工作"],
            ["二月", "1", "2.16-2.22", "学生报到；开学常规检查", "开学第一课"],
            [None, "2", "2.23-3.1", "各学科制订教学进度", "文明礼仪教育"],
            ["三月", "3", "3.2-3.8", "青年教师汇报课", "学雷锋活动"],
            [None, "4", "3.9-3.15", "教研组主题教研", "植树节宣传"],
            [None, "5", "3.16-3.22", "作业专项检查", "安全教育日"],
            ["四月", "6", "3.23-3.29", "期中复习", "清明节主题活动"],
            [None, "7", "3.30-4.5", "期中考试", "清明节放假"],
        ],
        merges=[((1, 0), (2, 0)), ((3, 0), (5, 0)), ((6, 0), (7, 0))],
    )
    d.save()


def d17_notice_attachment_table() -> None:
    d = Doc("d17_notice_attachment_table")
    d.title("关于举办2025年秋季学期青年教师课堂教学比赛的通知")
    d.p("各教研组：")
    d.p("为促进青年教师专业成长，学校决定举办秋季学期青年教师课堂教学比赛，现将有关事项通知如下。")
    d.h(1, "一、参赛对象")
    d.p("教龄五年以内的在职教师，每人选择本学科一个课时参赛。")
    d.h(1, "二、比赛安排")
    d.p("比赛分初赛和决赛两个阶段：初赛在各教研组内进行，决赛由学校统一组织。")
    d.h(1, "三、评分办法")
    d.p("评委由学校行政和各学科骨干教师组成，按照教学设计、课堂实施、教学效果三项评分。")
    d.p("附件：青年教师课堂教学比赛安排表")
    d.p("教务处")
    d.p("2025年10月9日")
    d.p("附件")
    d.p("青年教师课堂教学比赛安排表")
    d.table(
        [
            ["阶段", "时间", "地点", "负责人"],
            ["初赛", "10月20日—10月31日", "各教研组", "各教研组长"],
            ["决赛", "11月12日", "学校报告厅", "教务处"],
        ]
    )
    d.save()


def main(only: list[str] | None = None) -> None:
    """Write every file, or only those named ("d15 d16")."""
    for make in (
        d01_numbering_chinese,
        d02_numbering_restart,
        d03_numbering_multilevel,
        d04_keywork_table,
        d05_keywork_district,
        d06_forms_school,
        d07_forms_hospital,
        d08_calendar_only,
        d09_notice_numbered,
        d10_plan_data_tables,
        d11_layout_frame,
        d12_parts_numbering,
        d13_two_key_columns,
        d14_single_form,
        d15_word_heading_styles,
        d16_calendar_merged,
        d17_notice_attachment_table,
    ):
        if not only or make.__name__.split("_")[0] in only:
            make()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
