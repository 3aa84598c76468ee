"""Which column of a file holds which canonical field: --map first, then known aliases."""
from __future__ import annotations

# Common headers of Chinese and English spreadsheets, lower-cased, for each canonical field.
ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("编码", "代码", "区划代码", "division_code"),
    "name": ("名称", "名字", "姓名", "小区名称", "院落名称", "小区（院落）名称"),
    "name_en": ("英文名", "name:en"),
    "timezone": ("时区",),
    "street_code": ("街道代码", "街道编码", "streetcode"),
    "community_code": ("社区代码", "社区编码", "communitycode"),
    "external_id": ("编号", "id", "工单编号", "工单号", "小区编号", "unique_key", "case_id"),
    "kind": ("类型", "小区类型"),
    "households": ("户数", "住户数"),
    "buildings": ("楼栋数", "楼数"),
    "built_year": ("建成年份", "建成年代", "year_built"),
    "owners_committee": ("业委会",),
    "owners_committee_party": ("业委会党组织",),
    "party_org": ("党组织",),
    "demonstration": ("示范点",),
    "address": ("地址", "诉求地址", "事发地址", "问题地址", "事发地点"),
    "handling_unit": ("承办单位", "办理单位", "责任单位"),
    "road": ("道路", "街巷", "路名", "街路巷"),
    "number": ("门牌号", "门牌", "门牌号码"),
    "building": ("楼栋", "楼号", "建筑物"),
    "site_external_id": ("小区编号", "site_id"),
    "mode": ("物管模式", "管理模式"),
    "provider": ("物业公司", "服务单位"),
    "party_led": ("党建引领",),
    "valid_from": ("起始日期", "开始日期", "from"),
    "valid_to": ("结束日期", "to"),
    "role": ("角色", "职务类别"),
    "title": ("职务",),
    "phone": ("电话", "手机"),
    "person_external_id": ("人员编号", "person_id"),
    "target_kind": ("对象类型",),
    "target_code": ("对象编号", "对象代码"),
    "source": ("来源", "渠道", "诉求渠道", "source_code"),
    "category": ("类别", "分类", "问题分类", "诉求分类", "category_code"),
    # a category in two columns, read together as 一级-二级 (geo.importing.values)
    "category_level1": ("一级分类", "一级类别", "大类"),
    "category_level2": ("二级分类", "二级类别", "小类"),
    "status": ("状态", "办理状态", "工单状态"),
    "reported_at": ("受理时间", "来电时间", "登记时间", "上报时间", "created_at", "created_date",
                    "reported"),
    "closed_at": ("办结时间", "关闭时间", "closed_date", "closed"),
    "escalation": ("协调层级", "吹哨层级"),
    "satisfaction": ("满意度",),
    "lon": ("经度", "longitude", "lng", "x"),
    "lat": ("纬度", "latitude", "y"),
    "reporter_name": ("诉求人", "反映人", "联系人"),
    "reporter_phone": ("联系电话", "诉求人电话"),
    "description": ("诉求内容", "问题描述", "描述", "内容"),
    "wkt": ("geometry", "geom", "the_geom", "几何", "wkt"),
}


def match_columns(columns: list[str], fields: list[str],
                  mapping: dict[str, str]) -> dict[str, str]:
    """Canonical field → the file's column. ``mapping`` (from --map) wins; then an exact name
    (case-insensitive), then an alias. Columns are used at most once.

    >>> match_columns(["编号", "名称", "Kind"], ["external_id", "name", "kind"], {})
    {'external_id': '编号', 'name': '名称', 'kind': 'Kind'}
    """
    out = dict(mapping)
    taken = set(mapping.values())
    lower = {c.lower(): c for c in columns}
    for f in fields:
        if f in out:
            continue
        for candidate in (f, *ALIASES.get(f, ())):
            col = lower.get(candidate.lower())
            if col is not None and col not in taken:
                out[f] = col
                taken.add(col)
                break
    return out
