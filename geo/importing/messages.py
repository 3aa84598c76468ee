"""The import's reasons for refusing a row, in Chinese for the import page. The checks word
them in English (the command line's language, which scripts and tests read); each wording is
listed here once, as a pattern with its Chinese, and a reason with no pattern stays as it is."""
from __future__ import annotations

import re

from geo.labels import header, value_text

CHINESE = [(re.compile(pattern), words) for pattern, words in (
    (r"cannot read '(.*)' as a date \((.*); other formats need --date-format\)",
     "无法把“{0}”读成日期（应为 {1}；其他格式请用 --date-format 说明）"),
    (r"unknown (\w+) '(.*)' \(one of: (.*)\)", "未知的{n0}“{1}”（可选：{c2}）"),
    (r"unknown (\w+) '(.*)' \(--add-categories adds new categories and sources\)",
     "未知的{n0}“{1}”（勾选“添加新的类别和来源”可一并添加）"),
    (r"unknown status '(.*)' \(e\.g\. .*\)", "未知的办理状态“{0}”（例如 办理中、已办结）"),
    (r"unknown status '(.*)'", "未知的办理状态“{0}”"),
    (r"longer than (\d+) characters", "超过 {0} 个字符"),
    (r"'(.*)' is not yes/no \(.*\)", "“{0}”不是 是/否"),
    (r"'(.*)' is not a whole number", "“{0}”不是整数"),
    (r"'(.*)' is not a number", "“{0}”不是数字"),
    (r"required value is empty", "必填项为空"),
    (r"a closed case needs its closed_at time", "已办结的诉求需要办结时间"),
    (r"closed before it was reported", "办结时间早于受理时间"),
    (r"(.*) is not 1-5", "满意度“{0}”不在 1–5 之间"),
    (r"duplicate (.*) '(.*)' \(first in row (\d+)\)", "重复的{n0}“{1}”（首次出现在第 {2} 行）"),
    (r"not readable as WKT", "无法读取的 WKT"),
    (r"empty geometry", "几何为空"),
    (r"expected a polygon, got (\w+)", "应为面，实为 {0}"),
    (r"expected a point, got (\w+)", "应为点，实为 {0}"),
    (r"lon and lat must be numbers", "经纬度必须是数字"),
    (r"not a WKT point", "不是 WKT 点"),
    (r"(\w+) '(.*)' reaches outside its (\w+) (\S+) by more than 1 %",
     "{n0}“{1}”超出其所在{n2}（{3}）1% 以上"),
    (r"(\w+) '(.*)' overlaps (\w+) '(.*)' \((.*)\) by more than 1 % of the smaller one",
     "{n0}“{1}”与{n2}“{3}”（{4}）重叠，超过较小者面积的 1%"),
    (r"(\d+) rejected rows; nothing was imported", "{0} 行未通过检查，未导入任何数据"),
    (r"rows kept failing the checks; nothing was imported", "多行反复未通过检查，未导入任何数据"),
    (r"the file is empty", "文件是空的"),
    (r"the file has no rows", "文件没有数据行"),
    (r"unknown street code '(.*)' \(import streets first\)", "未知的街道代码“{0}”（请先导入街道）"),
    (r"unknown street code '(.*)'", "未知的街道代码“{0}”"),
    (r"unknown community code '(.*)'", "未知的社区代码“{0}”"),
    (r"(\w+) '(.*)' lies outside every community", "{n0}“{1}”不在任何社区内"),
    (r"community '(.*)' would leave its site '(.*)' outside", "社区“{0}”会使其小区/楼院“{1}”落在范围外"),
)]


def in_words(reason: str, lang: str) -> str:
    """``reason`` in the page's language (Chinese when a pattern knows it)."""
    if lang != "zh":
        return reason
    for pattern, words in CHINESE:
        found = pattern.fullmatch(reason)
        if found:
            parts = found.groups()
            # {nI}: part I as the thing (or fields, a/b) it names; {cI}: as values of part 0
            named = {f"n{i}": "/".join(header(f, lang) for f in p.split("/"))
                     for i, p in enumerate(parts)}
            named |= {f"c{i}": "、".join(str(value_text(parts[0], c, lang)) for c in p.split(", "))
                      for i, p in enumerate(parts)}
            return words.format(*parts, **named)
    return reason
