"""Why `jdwriter fix` left an item for a person, in words a user understands: one place for every reason, so
the text, .docx and HTML fixers and the report all say the same thing.

    Refusal.LINE_BREAKS.text   # 「这一条跨了两行（段落里有手动换行），改了会打乱排版」
    Refusal.LINE_BREAKS.name   # "LINE_BREAKS"; ``key`` gives "line-breaks" for the JSON report

A fixer that refuses keeps the item unchanged and reports the finding with the reason. The wording names what
the user can see in the file (two lines, bold text, a table), never an internal state.
"""

from __future__ import annotations

from enum import Enum


class Refusal(Enum):
    """A reason to leave an item as it is. The value is the sentence the report prints."""

    LINE_BREAKS = "这一条跨了两行（段落里有手动换行），改了会打乱排版"
    FORMATTING = "这一段里有加粗或其他格式，改了会打乱格式"
    TABLE = "这一条在表格里且格式复杂，改了会打乱表格"
    MARKUP = "这一条里有链接、加粗等网页标记或转义字符，改了会打乱网页"
    OBJECTS = "这一段里有域、图片、批注或修订，改了会把它们弄坏"
    TRACKED = "这一段里有域、图片、批注或修订，改了会把它们弄坏（请先在 Word 里接受或拒绝修订）"
    CONTROL = "这一段在内容控件里，改了会把它弄坏"
    LINKED = "这一段里有超链接，改了会把它弄坏"
    OUTSIDE = "这一段在页眉、页脚或脚注里，请在 Word 里修改"
    TEXT_BOX = "这一条在文本框里，请在 Word 里修改"
    EMBEDDED = "这一段是嵌入的其他文件内容，请在 Word 里修改"
    CONTACT = "联系方式和别的内容写在同一句话里，删去它这句话就不通了"
    HEADING = "问题写在小节标题或条目编号里"
    UNSAFE = "删去后剩下的内容读不通"

    @property
    def text(self) -> str:
        return self.value

    @property
    def key(self) -> str:
        """A stable id for the JSON report: LINE_BREAKS → line-breaks."""
        return self.name.lower().replace("_", "-")
