"""Patterns for web-page noise around and inside copied documents.

Line rules remove a whole line; fix rules cut a fragment out of a line and keep the rest.
Each rule has a Chinese kind name used in the import report."""

from __future__ import annotations

import re

from .textutil import CJK, ends_sentence, has_sentence_punct

# -- whole-line rules ------------------------------------------------------------------

_BREADCRUMB = re.compile(r"^(?:当前|您的)?位置\s*[:：]|^您现在的位置")
_CRUMB_SEP = re.compile(r"\s*[>＞»›]\s*")
_POST_META = re.compile(
    r"^(?:发布)?时间\s*[:：]\s*\d{4}|^(?:来源|作者|责任编辑|编辑|浏览次数|阅读次数|点击次数)\s*[:：]"
    r"|我要投稿|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|字号\s*[:：]?\s*[大中小]|打印本页|关闭窗口"
)
# One field of a CMS byline ("文章来源：本站 作者：管理员 发布时间：2024-03-01 点击数： 次").
_BYLINE_FIELD = re.compile(
    r"(?:文章)?来源|作者|发布(?:时间|日期|者|人|单位|部门)?|更新(?:时间|日期)|录入(?:者|人|时间)?"
    r"|(?:责任)?编辑|审核(?:人)?|供稿|摄影|撰稿|点击(?:数|量|次数|率)?|浏览(?:次数|量|数)?"
    r"|阅读(?:次数|量|数)|访问(?:次数|量)"
)
_BYLINE = re.compile(rf"(?:^|[\s|｜【\[])(?:{_BYLINE_FIELD.pattern})\s*[:：]")
BYLINE_MAX = 160
# Page chrome around an article: share, print, close, copyright and site-map lines.
_CHROME = re.compile(
    r"版权所有|Copyright|©|ICP备|返回顶部|网站地图|设为首页|加入收藏|扫一扫.{0,8}(?:手机|打开|分享)"
    r"|^分享到|【(?:打印|关闭|收藏|返回|顶部)[^】]{0,4}】|【字体|字体\s*[:：]\s*[大中小]"
    r"|\[(?:打印|关闭|返回)\]|^(?:打印|关闭|返回|收藏)(?:本页|窗口|列表)",
    re.IGNORECASE,
)
CHROME_MAX = 80
_EDITOR_INTRO = re.compile(r"小编")
_SITE_INTRO = re.compile(r"为大家|供大家|仅供参考|希望对你|希望对大家|欢迎阅读|一起来看看")
_SITE_INTRO_TOPIC = re.compile(r"范文|整理|收集|分享|参考|阅读|喜欢")
_DOWNLOAD_NOTICE = re.compile(
    r"下载文档前|仅部分预览|侵犯您的权益|人工客服|不提供额外的编辑|申请退款|文档下载券|"
    r"点击下载|下载本文|下载全文|VIP会员|免费下载|本站不保证"
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# Headers of link lists at the bottom of a page; short lines after them are links too.
_LINK_LIST_HEADER = re.compile(
    r"^(?:推荐访问|猜你喜欢|相关推荐|热门推荐|精彩推荐|延伸阅读|相关阅读|推荐阅读|热门文章|最新文章"
    r"|上一篇|下一篇|友情链接)|相关(?:文章|链接|新闻|资讯|文档|资料)\s*[:：]?\s*$"
)
_LINK_WITH_DATE = re.compile(r"\d{2}-\d{2}$")


# Every line rule needs one of these; a line with none of them is no noise (checked first,
# one regex instead of a dozen).
# The lookahead holds the first character of every alternative: positions that cannot start
# one are passed over at once (three times faster on long files).
_ANY_NOISE = re.compile(
    r"(?=[位>＞»›推猜相热精延阅最上下友时来作编次投\d字打关发更录审供摄撰点浏访版C©I返地首收扫分【\[小为参希欢一预侵客退V本hw])"
    r"(?:位置|[>＞»›]|推荐|猜你|相关|热门|精彩|延伸|阅读|最新|上一篇|下一篇|友情链接|时间|来源|作者|编辑|次数"
    r"|投稿|\d{4}-|字号|打印|关闭|发布|更新|录入|审核|供稿|摄影|撰稿|点击|浏览|访问|版权|Copyright|©"
    r"|ICP|返回|地图|首页|收藏|扫一扫|分享|【|字体|\[|小编|为大家|供大家|参考|希望对|欢迎|一起来看看"
    r"|下载|预览|侵犯|客服|退款|VIP|本站|https?://|www\.)",
    re.IGNORECASE,
)


def line_noise_kind(line: str) -> str | None:
    """Name of the noise kind when the whole line is web-page noise, else None."""
    if not _ANY_NOISE.search(line):
        return None
    if _BREADCRUMB.search(line) or _is_crumb_trail(line):
        return "面包屑导航"
    if _LINK_LIST_HEADER.search(line):
        return "推荐链接"
    if _POST_META.search(line) and len(line) <= 80:
        return "发布信息"
    if is_byline(line):
        return "发布信息"
    if _CHROME.search(line) and len(line) <= CHROME_MAX:
        return "页面框架"
    if _EDITOR_INTRO.search(line):
        return "网站导语"
    if _SITE_INTRO.search(line) and _SITE_INTRO_TOPIC.search(line) and len(line) <= 200:
        return "网站导语"
    if _DOWNLOAD_NOTICE.search(line):
        return "下载声明"
    if _URL_ONLY.match(line):
        return "链接"
    return None


def is_byline(line: str) -> bool:
    """A CMS byline: two or more fields such as 来源/作者/发布时间/点击数 followed by a colon,
    or one of them opening a short line that ends without a sentence."""
    if len(line) > BYLINE_MAX:
        return False
    fields = len(_BYLINE.findall(line))
    if fields >= 2:
        return True
    return (
        fields == 1
        and bool(re.match(r"^(?:文章来源|来源|作者|发布时间|发布者|点击数|浏览次数)\s*[:：]", line))
        and not ends_sentence(line)
    )


def starts_link_list(line: str) -> bool:
    """True for a short '相关文章:' / '猜你喜欢' header that opens a list of link lines."""
    return len(line) <= 30 and bool(_LINK_LIST_HEADER.search(line))


def is_link_line(line: str) -> bool:
    """A line inside a link list: a short title, often ending with a MM-DD date."""
    return bool(_LINK_WITH_DATE.search(line)) or (len(line) <= 40 and not ends_sentence(line))


def _is_crumb_trail(line: str) -> bool:
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 3 or len(line) > 80:
        return False
    return all(0 < len(p) <= 15 and not has_sentence_punct(p) for p in parts)


# A page that ends with the skeleton of empty forms ("教研组活动签到表", "组长______").
_FORM_LABEL = re.compile(r"表|记录|鉴定|登记|_{3,}|＿{3,}")


def is_form_skeleton(block: list[str]) -> bool:
    """True for a trailing block of short, punctuation-free form labels with no content."""
    if len(block) < 3:
        return False
    if any(len(line) > 20 or has_sentence_punct(line) for line in block):
        return False
    return sum(1 for line in block if _FORM_LABEL.search(line)) * 2 >= len(block)


# -- in-line fix rules -------------------------------------------------------------------

_YEAR = r"(?:20[xX]{2}|20\d{2})"
_KIND = r"(?:工作计划|工作总结|工作职责|计划|总结|职责|范文)"
FIX_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("域代码残留", re.compile(r"\s*HYPERLINK\s+(?:\\[a-zA-Z]\s+)*\"[^\"]*\"\s*"), ""),
    ("域代码残留", re.compile(r"\s*PAGEREF\s+_Toc\d+(?:\s+\\h)?\s*"), ""),
    ("网站元数据", re.compile(r"文章属性(?:•【[^】]*】[^•]*?)+?正文"), ""),
    # A site's own title pasted into the text: "…能力20xx最新教科室工作计划。"
    (
        "插入的广告标题",
        re.compile(
            rf"{_YEAR}年?(?:最新|精选|优秀|热门)[^\s，,。；;、（）()《》“”]{{1,20}}?{_KIND}(?:(?:工作)?(?:计划|总结|职责))*"
        ),
        "",
    ),
    ("插入的广告标题", re.compile(rf"[（(]{_YEAR}年[^（）()，,。]{{2,20}}?{_KIND}[)）]"), ""),
    # A related-link title glued after a comma at the end of a paragraph.
    (
        "插入的广告标题",
        re.compile(
            r"[，,](?:管理制度|规章制度|工作计划|工作总结|工作职责|岗位职责|心得体会|范文大全)《[^《》]{2,30}》(?=[。；;]?$)"
        ),
        "",
    ),
    # Anti-copy junk: a quote, backtick or dot inserted after 的/地/得, or a backtick anywhere.
    ("词中杂字", re.compile(rf"(?<=[的地得])[`'.]+(?=[{CJK}《“（(])"), ""),
    ("词中杂字", re.compile(rf"(?<=[{CJK}])`+(?=[{CJK}])"), ""),
]

# A line without any of these holds nothing a fix rule could cut.
FIX_TRIGGER = re.compile(r"HYPERLINK|PAGEREF|文章属性|20[xX\d]{2}|《|[`'.]")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
