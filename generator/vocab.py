"""Fixed vocabularies shared by the corpus, importer and specs."""

KINDS = ("工作计划", "工作职责", "工作总结")

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
)

# Variables a corpus section may use; filled from the spec on reuse.
SECTION_VARIABLES = ("单位", "部门", "学年", "学期", "年度", "岗位")
