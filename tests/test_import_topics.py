"""Every topic and category of the vocabulary has a classification rule, so an imported
section can land in any of them; the topic cues come from the synonyms table. The example
sections are written for these tests."""

from __future__ import annotations

import pytest

from wenshu.generator.corpus.lexicon import lexicon
from wenshu.generator.importing import classify_section
from wenshu.generator.importing.classify import category_title_rules, topic_cues
from wenshu.generator.vocab import CATEGORIES, TOPICS

# One short section per topic, in the words a school or hospital plan might use.
TOPIC_EXAMPLES = {
    "课题研究": "本学期完成区级课题的中期检查，准备两项小课题的结题材料。",
    "校本研修": "每周三下午开展校本研修，围绕课例研究组织磨课。",
    "青年教师培养": "为每位新入职教师安排一名师傅，签订师徒结对协议。",
    "读书活动": "组织教师共读一本教育专著，月底举办读书分享会。",
    "论文评比": "鼓励教师撰写教学论文，择优推荐参加市级评选。",
    "集体备课": "各备课组每周定时定点开展集体备课，主备人提前一周准备。",
    "公开课": "每位教研组长本学期上一节示范课，组内教师开展同课异构。",
    "教学常规": "教导处每月进行一次教学常规检查，重点查看教案和作业批改。",
    "质量监测": "期末组织学科质量分析会，逐班做好试卷分析。",
    "信息技术": "指导教师用好电子白板，每人录制两节微课。",
    "心理健康": "心理辅导室每周开放三次，为有需要的学生提供心理疏导。",
    "德育": "班主任利用主题班会开展文明礼仪教育。",
    "科技教育": "组建机器人兴趣小组，选拔学生参加青少年科技创新大赛。",
    "档案管理": "各项活动结束后一周内整理过程资料并归档。",
    "家校共育": "每学期召开两次家长会，班主任完成全员家访。",
    "教研组建设": "每月评选一次优秀教研组，教研组长汇报组内的研究进展。",
    "名师工作室": "名师工作室每月开展一次送教下乡活动。",
    "作业管理": "各学科实行分层作业，控制每天的书面作业总量。",
    "课后服务": "课后服务分为作业辅导和兴趣课程两段，由教师轮流看班。",
    "劳动教育": "每个班级认领一块劳动基地，学生轮流参加农事劳动。",
    "双减": "落实双减要求，切实减轻学生课业负担。",
    "课程标准": "组织全体教师学习新课标，把核心素养落到每一节课。",
    "大单元教学": "语文组尝试大单元教学，按单元整体设计学习任务。",
    "跨学科主题学习": "每个年级每学期完成一次跨学科主题学习，打通科学与美术。",
    "项目式学习": "四年级开展项目化学习，由一个驱动问题引出探究任务。",
    "教育数字化": "推进教育数字化转型，用好国家智慧教育平台的数字资源。",
    "科学教育": "每周开放实验室，保证分组实验开足开齐。",
    "体育与健康": "落实每天一小时体育锻炼，每学期完成一次体质测试。",
    "美育": "举办校园艺术节，合唱、舞蹈、书法作品集中展示。",
    "安全教育": "每月组织一次应急疏散演练，期末前开展防溺水专题教育。",
    "师德师风": "开展师德师风专题学习，严禁有偿补课。",
    "学段衔接": "九月第一周做好幼小衔接，帮助新生度过入学适应期。",
    "医院感染管理": "科室每月抽查手卫生依从性，规范医疗废物的分类与交接。",
    "护理质量": "护士长每周组织护理查房，落实责任制整体护理。",
    "医疗质量安全": "严格执行医疗核心制度，危急值接报后十五分钟内处理。",
}

# (title, text) of a section that belongs to each category.
CATEGORY_EXAMPLES = {
    "前言": ("前言", ""),
    "指导思想": ("指导思想", ""),
    "工作目标": ("学期目标", ""),
    "工作措施": ("具体措施", ""),
    "行事历": ("每月工作安排", ""),
    "分工": ("人员分工", ""),
    "职责": ("岗位职责", ""),
    "成效": ("主要成绩", ""),
    "存在问题": ("存在的问题", ""),
    "努力方向": ("下一步打算", ""),
    "保障措施": ("组织保障", ""),
    "结束语": ("结束语", ""),
    "制度条款": ("实验室安全管理制度", ""),
    "通知正文": ("关于期末考试安排的通知", ""),
    "活动记录": ("教研活动记录", ""),
}


def test_every_topic_has_cue_words_from_the_synonyms_table():
    cues = topic_cues()
    assert set(cues) == set(TOPICS)
    table = lexicon()
    for topic in TOPICS:
        assert cues[topic].search(topic), topic
        assert table.group_of(topic), f"{topic} 在同义词表中没有以它打头的一组"
        # More than the topic's own name: the group's other words count too.
        others = [w for w in table.group_of(topic)[1:] if cues[topic].fullmatch(w)]
        assert others, topic


def test_every_category_has_a_title_rule():
    ruled = {category for category, _ in category_title_rules()}
    assert set(CATEGORIES) <= ruled, set(CATEGORIES) - ruled


def test_the_examples_cover_the_vocabulary():
    assert set(TOPIC_EXAMPLES) == set(TOPICS)
    assert set(CATEGORY_EXAMPLES) == set(CATEGORIES)


@pytest.mark.parametrize("topic", TOPICS)
def test_a_section_on_each_topic_gets_it(topic):
    assert topic in classify_section("", TOPIC_EXAMPLES[topic])[1]


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_section_of_each_category_gets_it(category):
    title, text = CATEGORY_EXAMPLES[category]
    assert classify_section(title, text)[0] == category


@pytest.mark.parametrize(
    ("title", "text", "category"),
    [
        # The shape of a regulation, a notice and a record, without such a heading.
        ("", "第一条 实验前检查仪器。\n第二条 实验后清点器材。", "制度条款"),
        ("", "请各班按时上报名单。\n特此通知。", "通知正文"),
        ("", "活动时间：周三下午\n主持人：教研组长\n参加人员：全组教师", "活动记录"),
        # A plan's heading that starts with a verb is a measure, not a regulation or a record.
        ("完善考核制度", "", "工作措施"),
        ("做好会议记录", "", "工作措施"),
    ],
)
def test_regulations_notices_and_records_by_shape(title, text, category):
    assert classify_section(title, text)[0] == category


def test_broad_words_alone_give_no_topic():
    # “安全”“健康”“培训” are in the groups of 安全教育, 体育与健康, 校本研修 but say nothing
    # about a section by themselves.
    table = lexicon()
    assert {"安全", "健康", "培训"} <= table.broad
    assert classify_section("", "注意安全，保持健康，按时参加培训。")[1] == []


def test_a_cue_is_counted_once_and_latin_cues_only_as_words():
    # "师徒结对" is one cue (not 师徒 and 结对): once in a long text is not enough.
    text = "学校为新来的同事安排了师徒结对。" + "各项工作按计划稳步推进，" * 12
    assert "青年教师培养" not in classify_section("", text)[1]
    assert "教育数字化" in classify_section("", "尝试用AI批改口算练习。")[1]
    assert "教育数字化" not in classify_section("", "学校邮箱 mail 地址已更新。")[1]
