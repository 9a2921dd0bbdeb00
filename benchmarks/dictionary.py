"""The domain dictionary jdwriter gives jieba, against jieba's own 350k-word default dictionary.

Both are built in this process, several times, and the median is kept. The figure that matters is the
ratio: our dictionary must cost a small fraction of the default one, which `resolve` never loads.
Run: python benchmarks/dictionary.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import report, scratch


def _median(fn, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def measure(runs: int = 5) -> list[tuple[str, float, float, float]]:
    from jdwriter import text
    from jdwriter.api import get_catalog
    from jdwriter.resolve import roles as resolve

    catalog = get_catalog()
    jieba = text._import_jieba()
    vocabulary = resolve._role_vocabulary(catalog)

    def ours() -> None:
        text._tokenizer.cache_clear()
        text._tokenizer(vocabulary).lcut("高级用户运营经理（会员方向）", HMM=False)

    with tempfile.TemporaryDirectory(dir=scratch()) as tmp:

        def default() -> None:
            tk = jieba.Tokenizer()
            tk.tmp_dir = tmp  # keep jieba's cache out of the real temp dir
            tk.cache_file = str(
                Path(tmp) / f"jieba-{time.perf_counter_ns()}.cache"
            )  # no cache hit: a cold build
            tk.lcut("高级用户运营经理（会员方向）", HMM=False)

        reference = _median(default, max(2, runs // 2))
    mine = _median(ours, runs)
    return [
        ("jieba default dictionary: build + cut (reference)", reference, 1.0, 1.0),
        (f"jdwriter domain dictionary ({len(vocabulary)} words): build + cut", mine, mine / reference, 0.1),
    ]


if __name__ == "__main__":
    report(measure())
