#!/usr/bin/env python3
"""Regenerates the tables of docs/method.md from a running service, so that they are the service's answers.

    python3 docs/tables.py http://localhost:8080

Each table sits between <!-- tables:NAME --> and <!-- /tables:NAME --> in docs/method.md; the script replaces what
is between the markers and leaves the prose around them alone (read it again after a run).
"""
import json
import re
import sys
import urllib.request
from pathlib import Path

METHOD_MD = Path(__file__).with_name("method.md")
TOP = 10


def get(base, path):
    with urllib.request.urlopen(base + path) as answer:
        return json.load(answer)


def fixed(value, digits=1):
    return "—" if value is None else f"{value:.{digits}f}"


def ranking_rows(items, with_category=False):
    lines = []
    for item in items:
        cells = [str(item["rank"]) if item["rank"] is not None else "—", item["name"]]
        if with_category:
            cells.append(item["category"])
        cells += [fixed(item["trendScore"]), fixed(item["popularity"]), fixed(item["momentumPct"]),
                  item["stage"] or "—", f"{item['coverage']:.2f}", item["confidence"]]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def ranking_table(base, path, title_path=None, limit=TOP):
    answer = get(base, path)
    items = answer["items"]
    shown = items[:limit]
    header = ["rank", "technology", "trend score", "popularity", "momentum %/yr", "stage", "coverage",
              "confidence"]
    out = [f"`GET {title_path or path}` (as of {answer['asOf']}; the first {len(shown)} of {len(items)}):", "",
           "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return out + ranking_rows(shown)


def movers(base, direction):
    answer = get(base, f"/api/v1/movers?direction={direction}&limit=5")
    header = ["#", "technology", "category", "momentum %/yr", "trend score", "popularity", "stage", "confidence"]
    out = [f"`GET /api/v1/movers?direction={direction}&limit=5` (as of {answer['asOf']}):", "",
           "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, item in enumerate(answer["items"], 1):
        out.append("| " + " | ".join([str(index), item["name"], item["category"], fixed(item["momentumPct"]),
                                      fixed(item["trendScore"]), fixed(item["popularity"]), item["stage"] or "—",
                                      item["confidence"]]) + " |")
    return out


def results(base):
    out = movers(base, "rising") + [""] + movers(base, "fading")
    categories = get(base, "/api/v1/categories?size=500")["items"]
    for category in sorted(categories, key=lambda c: c["slug"]):
        out += ["", f"**{category['name']}** ({category['technologyCount']} technologies):", ""]
        out += ranking_table(base, f"/api/v1/rankings?category={category['slug']}")
    return out


def rho(value, pairs):
    return "—" if value is None else f"{value:.3f} ({pairs})"


def validation(base):
    by_method = {m: get(base, f"/api/v1/methodology/validation?method={m}") for m in ("v1", "v2", "v3")}
    keyed = {m: {(r["edition"], r["category"]): r for r in answer["results"]} for m, answer in by_method.items()}
    header = ["edition (ranked as of)", "category", "n", "v1", "v2", "v3", "baseline: previous edition"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key in sorted(keyed["v3"]):
        v3 = keyed["v3"][key]
        cells = [f"{key[0]} ({v3['asOf']})", key[1], str(v3["technologies"])]
        for method in ("v1", "v2", "v3"):
            result = keyed[method].get(key)
            cells.append("—" if result is None else rho(result["popularity"], result["popularityPairs"]))
        cells.append(rho(v3["baseline"], v3["baselinePairs"]))
        out.append("| " + " | ".join(cells) + " |")
    out += ["", "| category: mean over editions | v1 | v2 | v3 | baseline | v3 momentum vs usage growth |",
            "|---|---|---|---|---|---|"]
    means = {m: {s["category"]: s for s in answer["summary"]} for m, answer in by_method.items()}
    for category, summary in means["v3"].items():
        cells = [f"{category} ({summary['editions']} editions)"]
        for method in ("v1", "v2", "v3"):
            other = means[method].get(category)
            cells.append("—" if other is None else fixed(other["popularity"], 3))
        cells += [fixed(summary["baseline"], 3), fixed(summary["momentum"], 2)]
        out.append("| " + " | ".join(cells) + " |")
    return out


def before_after(base):
    return (ranking_table(base, "/api/v1/rankings?category=frameworks&sort=popularity&method=v1") + [""]
            + ranking_table(base, "/api/v1/rankings?category=frameworks&sort=popularity"))


def replace(text, name, lines):
    pattern = re.compile(rf"(<!-- tables:{name} -->\n).*?(\n<!-- /tables:{name} -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"docs/method.md has no <!-- tables:{name} --> block")
    return pattern.sub(lambda m: m.group(1) + "\n".join(lines) + m.group(2), text)


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080").rstrip("/")
    text = METHOD_MD.read_text(encoding="utf-8")
    text = replace(text, "results", results(base))
    text = replace(text, "validation", validation(base))
    text = replace(text, "before-after", before_after(base))
    METHOD_MD.write_text(text, encoding="utf-8")
    print(f"docs/method.md: tables regenerated from {base}")


if __name__ == "__main__":
    main()
