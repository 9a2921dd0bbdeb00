"""The core is a library: `from jdwriter import generate, check_text` works without the command line."""

from __future__ import annotations

import io
import json
import zipfile

import pytest


def test_generate_and_check_as_a_library():
    from jdwriter import JdwriterError, check_text, generate

    text = generate("高级用户运营经理", industry="电商")
    assert isinstance(text, str) and text.startswith("# 高级用户运营经理")  # the title as the user wrote it
    assert check_text(text).findings == []
    data = json.loads(generate("社区运营", level="总监", format="json"))
    assert data["role"]["name"] == "社群运营" and data["level"]["name"] == "总监"
    docx = generate("用户运营", format="docx")
    assert isinstance(docx, bytes) and "word/document.xml" in zipfile.ZipFile(io.BytesIO(docx)).namelist()
    with pytest.raises(JdwriterError):
        generate("前端开发工程师")


def test_importing_jdwriter_is_cheap():
    import subprocess
    import sys

    code = "import sys, jdwriter; print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'jieba', 'yaml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_generate_keeps_a_given_title():
    from jdwriter import generate

    text = generate("用户运营", title="会员增长负责人（北京）")
    assert isinstance(text, str) and text.startswith("# 会员增长负责人（北京）\n")
