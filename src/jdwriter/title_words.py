"""The words that job-board titles are made of, for resolve: level words, noise, other professions.

Plain data, kept apart from the matching logic so it can be read and extended at a glance.
"""

from __future__ import annotations

# Patterns as strings: compiled (and cached by re) on the free-text path only, not at import.
BRACKETS = r"[（(【\[](.*?)[)）】\]]"
SEPARATORS = r"[-—_/|\\·•:：,，、+＋\s]+"
# A level word inside a title. Order matters: a noun (经理) beats an adjective (高级) in 高级用户运营经理.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
    ("实习生", "intern"),
    ("实习", "intern"),
    ("副总监", "director"),
    ("总经理", "director"),
    ("总监", "director"),
    ("副总", "director"),
    ("负责人", "director"),
    ("head", "director"),
    ("副经理", "manager"),
    ("经理", "manager"),
    ("主管", "senior"),
    ("组长", "senior"),
    ("专家", "senior"),
    ("专员", "specialist"),
    ("助理", "specialist"),
    ("高级", "senior"),
    ("资深", "senior"),
    ("初级", "specialist"),
)
NOISE = (
    "急招",
    "急聘",
    "诚聘",
    "直招",
    "招聘",
    "岗位",
    "职位",
    "方向",
    "岗",
    "兼职",
    "全职",
    "校招",
    "社招",
    "双休",
)
OPS_HINTS = ("运营", "策划", "推广", "增长", "社群", "社区", "私域", "新媒体", "电商", "商务", "会员", "渠道")
GENERIC = "运营"  # the field itself: every title has it, so on its own it names no particular role
# Other professions. A title holding one of these and not the word 运营 is that profession, even when it
# shares a word with a role: 产品经理 is not 产品运营, 电商客服 is not 电商运营, 游戏策划 designs games.
OTHER_JOBS = (
    "产品经理",
    "产品助理",
    "产品专员",
    "产品总监",
    "产品负责人",
    "项目经理",
    "项目助理",
    "项目总监",
    "客户经理",
    "分析师",
    "工程师",
    "程序员",
    "设计师",
    "美工",
    "客服",
    "销售",
    "主播",
    "编导",
    "摄影",
    "剪辑",
    "会计",
    "出纳",
    "律师",
    "法务",
    "hrbp",
    "招聘专员",
    "招聘经理",
    "猎头",
    "行政",
    "文员",
    "店长",
    "录入",
    "研究员",
    "游戏策划",
    "数值策划",
    "关卡策划",
    "系统策划",
    "产品策划",
)
# Fields whose operations work (stock, logistics, payroll, servers) no duty block describes: refused even
# as 「…运营」 unless the title also names a role: a JD about users and campaigns would mislead. Latin words
# must stand alone (it is not the it in tiktok).
OTHER_FIELDS = r"供应链|物流|仓储|仓库|采购|人力|人事|财务|运维|(?<![a-z])(?:hr|it)(?![a-z])"
