"""Jinja's syntax errors and sandbox refusals in Chinese, at the line where the problem starts.

Jinja reports an unclosed block or expression at the end of the template, where it gave up; people need the
line that opened it. Unknown messages get a plain Chinese sentence and the line itself, never English.
"""

from __future__ import annotations

import re

# Jinja's names for the tokens it expected, as people type them.
TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "end of comment": "#}",
    "end of template": "模板结尾",
    "name": "名称",
    "integer": "数字",
    "string": "字符串",
}
OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
BLOCK_TAG = re.compile(r"\{%[-+]?\s*(\w+)")


def _token(name: str) -> str:
    return TOKENS.get(name, name)


def _describe(message: str) -> str:
    """Jinja's English message as a Chinese sentence."""
    if match := re.search(r"innermost block that needs to be closed is '(\w+)'", message):
        block = match.group(1)
        if unknown := re.match(r"Encountered unknown tag '(\w+)'", message):
            return f"「{{% {unknown.group(1)} %}}」放错了位置：先要用「{{% end{block} %}}」关闭「{{% {block} %}}」"
        return f"「{{% {block} %}}」没有对应的「{{% end{block} %}}」"
    rules: list[tuple[str, str]] = [
        (r"Unexpected end of template", "模板没写完就结束了"),
        (r"Encountered unknown tag '(\w+)'", "不认识的标签「{% {0} %}」"),
        (r"unexpected end of template, expected '(.+?)'", "模板没写完就结束了，缺少「{0}」"),
        (r"expected token '(.+?)', got '(.*?)'", "这里应是「{0}」，写的却是「{1}」"),
        (r"unexpected char '(.+?)' at \d+", "不该出现的字符「{0}」"),
        (r"unexpected '(.+?)'", "不该出现的「{0}」"),
        (r"[Mm]issing end of comment tag", "注释缺少结尾「#}」"),
        (r"[Mm]issing end of raw directive", "「{% raw %}」缺少「{% endraw %}」"),
        (r"tag name expected", "「{%」后面缺少标签名"),
        (r"No filter named '(.+?)'", "没有名为「{0}」的过滤器"),
        (r"No test named '(.+?)'", "没有名为「{0}」的测试"),
        (r"Block '(.+?)' defined twice", "块「{0}」定义了两次"),
        (r"expected name or number", "「.」后面应是名称或数字"),
        (r"expected subscript expression", "「[ ]」里缺少下标"),
        (r"invalid syntax for function call expression", "函数调用的写法不对"),
    ]
    for pattern, template in rules:
        if match := re.match(pattern, message):
            words = [_token(g) for g in match.groups()]
            return template.replace("{0}", words[0] if words else "").replace(
                "{1}", words[1] if len(words) > 1 else ""
            )
    return "模板语法有误"


def _start_line(message: str, source: str | None, lineno: int) -> int:
    """The line that opened what Jinja found unclosed; Jinja's own line otherwise."""
    if not source:
        return lineno
    match = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if match and message.startswith("Unexpected end of template"):
        block = match.group(1)
        opened: list[int] = []
        for tag in BLOCK_TAG.finditer(source):
            name = tag.group(1)
            line = source.count("\n", 0, tag.start()) + 1
            if name == block:
                opened.append(line)
            elif name == f"end{block}" and opened:
                opened.pop()
        return opened[-1] if opened else lineno
    if message.startswith(("unexpected end of template", "expected token", "Missing end of comment")):
        last = max((source.rfind(o), o) for o in OPENERS)
        position, opener = last
        if position >= 0 and OPENERS[opener] not in source[position:]:
            return source.count("\n", 0, position) + 1
    return lineno


def syntax_error(name: str, message: str, source: str | None, lineno: int | None) -> str:
    """One Chinese line: the template, the line where the problem starts, what is wrong, and that line."""
    line = _start_line(message, source, lineno or 0)
    where = f" 第 {line} 行" if line else ""
    text = _describe(message)
    lines = (source or "").splitlines()
    quoted = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return f"模板 {name}{where}语法错误：{text}" + (f"（这一行是：{quoted[:60]}）" if quoted else "") + "。"


def security_error(name: str, message: str) -> str:
    """The sandbox refused something: say what, in Chinese."""
    if match := re.match(r"access to attribute '(.+?)' of '(.+?)' object is unsafe", message):
        what = f"内部属性「{match.group(1)}」"
    elif "not safely callable" in message:
        what = "不安全的函数"
    else:
        what = "不允许的内部属性或函数"
    return f"模板 {name} 试图访问{what}，为安全起见已拒绝渲染，不允许这样写。"
