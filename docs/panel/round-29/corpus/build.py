"""Merge parts a-d of r10p (pages channel) into one held-out title list. Keeps the as-posted form (company prefix
kept where a part kept it), drops a title that equals another after a leading company name is removed."""

import csv
import random
import re

rows = []
for part, f in [("a", "a/raw.tsv"), ("b", "b/cand.tsv"), ("c", "c/titles.tsv"), ("d", "d/titles.tsv")]:
    for r in csv.DictReader(open(f, encoding="utf-8"), delimiter="\t"):
        rows.append((r["title"].strip(), r.get("site", ""), r.get("url", ""), part, r.get("note", "")))
CO = r"^(美团|字节跳动|快手|小红书|京东|携程|阿里巴巴|米哈游|蔚来)"
seen, out = set(), []
for t, site, url, part, note in rows:
    k = re.sub(CO, "", t).strip()
    if k in seen or t in seen:
        continue
    seen |= {k, t}
    out.append((t, site, url, part, note))
random.Random(20261207).shuffle(out)
with open("final/titles.tsv", "w", encoding="utf-8", newline="") as h:
    w = csv.writer(h, delimiter="\t", lineterminator="\n")
    w.writerow(["title", "site", "url", "part", "note"])
    w.writerows(out)
print(len(out))
