"""Fixed vocabularies shared by the corpus, importer and specs."""

# 文种 a corpus section may be tagged with. The 文种 wenshu builds are the units of
# generator/kinds; this list is the corpus's own vocabulary and stays fixed, so stored
# sections keep their meaning whichever units are installed.
CORPUS_KINDS = ("工作计划", "工作职责", "工作总结", "制度", "通知", "教研组台帐")

CATEGORIES = (
    "前言",
    "指导思想",
    "工作目标",
    "工作措施",
    "行事历",
    "分工",
    "职责",
    "成效",
    "存在问题",
    "努力方向",
    "保障措施",
    "结束语",
    "制度条款",
    "通知正文",
    "活动记录",
)

TOPICS = (
    "课题研究",
    "校本研修",
    "青年教师培养",
    "读书活动",
    "论文评比",
    "集体备课",
    "公开课",
    "教学常规",
    "质量监测",
    "信息技术",
    "心理健康",
    "德育",
    "科技教育",
    "档案管理",
    "家校共育",
    "教研组建设",
    "名师工作室",
    "作业管理",
    "课后服务",
    "劳动教育",
    # Themes of today's plans (the first twenty stay in their old order: stats sort by it).
    "双减",
    "课程标准",
    "大单元教学",
    "跨学科主题学习",
    "项目式学习",
    "教育数字化",
    "科学教育",
    "体育与健康",
    "美育",
    "安全教育",
    "师德师风",
    "学段衔接",
    # Hospital departments (科室) plan too.
    "医院感染管理",
    "护理质量",
    "医疗质量安全",
)

# Variables a corpus section may use; filled from the spec on reuse.
SECTION_VARIABLES = ("单位", "部门", "学年", "学期", "年度", "岗位")
