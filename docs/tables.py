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


def agreement(value):
    if value["rho"] is None:
        return f"— ({value['pairs']})"
    return f"{value['rho']:.3f} / {value['rightSide'] * 100:.0f} % ({value['pairs']})"


def momentum_record(base):
    by_method = {m: get(base, f"/api/v1/methodology/validation?method={m}") for m in ("v3", "v4")}
    keyed = {m: {(r["edition"], r["category"]): r for r in answer["momentumResults"]}
             for m, answer in by_method.items()}
    header = ["edition (as of)", "category", "n", "v4: 3-year trend", "v3: one-year momentum",
              "baseline: survey's last 3-year change"]
    out = ["ρ / share on the right side of the median (pairs):", "",
           "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key in sorted(keyed["v4"]):
        v4 = keyed["v4"][key]
        v3 = keyed["v3"].get(key)
        out.append("| " + " | ".join([f"{key[0]} ({v4['asOf']})", key[1], str(v4["technologies"]),
                                      agreement(v4["momentum"]),
                                      "—" if v3 is None else agreement(v3["momentum"]),
                                      agreement(v4["surveyBaseline"])]) + " |")
    out += ["", "| category: mean ρ over editions | v4 | v3 | survey baseline |", "|---|---|---|---|"]
    for summary in by_method["v4"]["momentumSummary"]:
        out.append("| " + " | ".join([f"{summary['category']} ({summary['editions']} editions)",
                                      fixed(summary["momentum"], 3), fixed(summary["oneYearBaseline"], 3),
                                      fixed(summary["surveyBaseline"], 3)]) + " |")
    return out


def momentum_ends(base):
    out = []
    for category in ("languages", "frameworks", "databases"):
        for method in ("v3", "v4"):
            answer = get(base, f"/api/v1/rankings?category={category}&sort=momentum&method={method}")
            items = [item for item in answer["items"] if item["momentum"] is not None]

            def named(item):
                interval = item["momentumPctInterval"]
                shown = f"{item['name']} {item['momentumPct']:+.1f}"
                return shown + ("" if interval is None else f" [{interval['low']:+.0f}, {interval['high']:+.0f}]")
            out.append(f"| {category} | {method} ({answer['asOf']}) | " + ", ".join(named(i) for i in items[:5])
                       + " | " + ", ".join(named(i) for i in items[-5:]) + " |")
    return ["| category | method | fastest five (%/yr) | slowest five |", "|---|---|---|---|"] + out


def tiers(base):
    out = []
    for category in ("languages", "frameworks"):
        answer = get(base, f"/api/v1/rankings?category={category}&method=v4")
        by_tier = {}
        for item in answer["items"]:
            if item["tier"] is not None:
                best, worst = item["rankRange"]["best"], item["rankRange"]["worst"]
                ranks = f"rank {best}" if best == worst else f"ranks {best}–{worst}"
                by_tier.setdefault(item["tier"], []).append(f"{item['name']} {item['trendScore']:.1f} ({ranks})")
        out += [f"`GET /api/v1/rankings?category={category}&method=v4` (as of {answer['asOf']}):", "",
                "| tier | technologies (trend score, rank range) |", "|---|---|"]
        out += [f"| {tier} | {', '.join(names)} |" for tier, names in sorted(by_tier.items())]
        out.append("")
    return out[:-1]


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
    text = replace(text, "momentum-record", momentum_record(base))
    text = replace(text, "momentum-ends", momentum_ends(base))
    text = replace(text, "tiers", tiers(base))
    METHOD_MD.write_text(text, encoding="utf-8")
    print(f"docs/method.md: tables regenerated from {base}")


if __name__ == "__main__":
    main()
