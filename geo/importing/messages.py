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
    (r"closed before it was reported: closing time emptied", "办结时间早于受理时间：已清空办结时间"),
    (r"closing time in the future: emptied", "办结时间晚于现在：已清空"),
    (r"unknown status '(.*)': read as closed from the closing time",
     "未知的办理状态“{0}”：有办结时间，按已办结计"),
    (r"unknown status '(.*)': read as open from the closing time",
     "未知的办理状态“{0}”：无办结时间，按办理中计"),
    (r"satisfaction '(.*)' is not 1-5 nor a word such as 满意 or 不满意",
     "满意度“{0}”不是 1–5，也不是“满意”“不满意”等词：已清空"),
    (r"(.*): unknown (.*)\. Map them with --map-values FIELD=FILE\.csv or add them with "
     r"--add-categories; nothing was imported",
     "{0}：未知的类别或来源 {1}。请用 --map-values 对照到本区代码，或勾选“添加新的类别和来源”；未导入任何数据"),
    (r"the header must be: value,code", "表头应为：value,code"),
    (r"'(.*)' is mapped twice", "“{0}”被对照了两次"),
    (r"not UTF-8 text", "不是 UTF-8 文本"),
    (r"duplicate (.*) '(.*)' \(first in row (\d+)\)", "重复的{n0}“{1}”（首次出现在第 {2} 行）"),
    (r"not readable as WKT", "无法读取的 WKT"),
    (r"empty geometry", "几何为空"),
    (r"expected a polygon, got (\w+)", "应为面，实为 {0}"),
    (r"expected a point, got (\w+)", "应为点，实为 {0}"),
    (r"lon and lat must be numbers: emptied", "经纬度不是数字：已清空"),
    (r"not a WKT point", "不是 WKT 点"),
    (r"a point is required", "需要坐标"),
    (r"'(.*)' is not a doorplate number \(such as 5, 5甲, 5-1\)", "“{0}”不是门牌号（如 5、5甲、5-1）"),
    (r"the coordinates lie (\d+) m from the address \(the coordinates are kept\)",
     "坐标与地址相距 {0} 米（保留坐标）"),
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
    (r"site '(.*)' lies in community (.*), which you may not change",
     "小区/楼院“{0}”位于社区 {1}，不在您可修改的范围内"),
    (r"site '(.*)' lies outside its community (.*)", "小区/楼院“{0}”不在其社区 {1} 内"),
    (r"'(.*)' matches no doorplate of the address library: give the site's point \(lon/lat\) "
     r"or its outline", "“{0}”在标准地址库中找不到门牌：请填写小区的经纬度或绘制范围"),
    (r"lon and lat must be numbers", "经度和纬度必须是数字"),
    (r"no outline, point or address: a site must be somewhere",
     "没有范围、坐标或地址：无法确定小区位置"),
    (r"(.*): a row lies outside the area you may change \(a site of another community\?\); "
     r"nothing was imported", "{0}：有数据行超出您可修改的范围（其他社区的小区？），未导入任何数据"),
    (r"community '(.*)' would leave its site '(.*)' outside", "社区“{0}”会使其小区/楼院“{1}”落在范围外"),
    # the file as a whole
    (r"no such file", "文件不存在"),
    (r"the file is larger than 2 GB", "文件超过 2 GB"),
    (r"unsupported file type '(.*)' \(.*\)", "不支持的文件类型“{0}”（可用 GeoJSON、GeoPackage、"
     "压缩的 Shapefile、CSV 或 XLSX）"),
    (r"the file is not a (.*) file as its name says: it holds (.*)", "文件内容与扩展名不符：不是 {0} 文件（{1}）"),
    (r"cannot be read as (.*) \(give --encoding, e\.g\. --encoding gbk\)",
     "无法按 {0} 编码读取（请另存为 UTF-8 或 GBK）"),
    (r"cannot be read as ([^:]*)", "无法按 {0} 读取"),
    (r"cannot be read as ([^:]*): (.*)", "无法按 {0} 读取：{1}"),
    (r"not a valid CSV file: (.*)", "不是有效的 CSV 文件：{0}"),
    (r"not a readable XLSX workbook: (.*)", "无法读取的 XLSX 工作簿：{0}"),
    (r"missing required column '(\w+)' \(.*\)", "缺少必填列“{n0}”"),
    (r"missing geometry: .*", "缺少几何：需要空间文件，或 WKT 列（名为 wkt 或 geometry）"),
    (r"missing location: .*", "缺少位置：需要经度、纬度两列，WKT 列，地址列或空间文件"),
    # coordinates and shapes
    (r"coordinates are not numbers", "坐标不是数字"),
    (r"lon and lat look swapped: \((.*)\) lies in the district as \(lat, lon\)",
     "经纬度疑似颠倒：（{0}）按（纬度, 经度）读才在本区内"),
    (r"lon and lat look swapped: \((.*)\) is \(lat, lon\) in China", "经纬度疑似颠倒：（{0}）按（纬度, 经度）读在中国境内"),
    (r"\((.*)\) is not a longitude/latitude: projected coordinates need --crs EPSG:CODE",
     "（{0}）不是经纬度：投影坐标需注明坐标系（--crs EPSG:代码）"),
    (r"invalid polygon \((.*)\) that cannot be repaired within 1 % of its area",
     "无效的面（{0}），无法在面积误差 1% 以内修复"),
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
