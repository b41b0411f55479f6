"""Assign the gold standard's articles to `tune` (~60 %) or `validate` (~40 %) by event cluster.

Articles that share an event (or that mention, as history, an event that another article reports) are
linked; the connected components (clusters, and single articles that
share nothing) are the units of the split, so no event is reported in both splits. The components are
ordered (by their smallest docno), shuffled with random.Random(SEED), and each in turn goes to the split
that keeps the shares of articles (weighted twice) and of ASSAULT, PROTEST and COERCE events closest to
60/40 (ties to `tune`).

    .venv/bin/python bench/event_gold/split.py           # print the assignment and the counts
    .venv/bin/python bench/event_gold/split.py --write   # also write it into articles.yaml (split: lines)
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SEED = 20180601
TARGET = {"tune": 0.6, "validate": 0.4}


def components(articles: list[dict]) -> list[list[str]]:
    parent = {a["docno"]: a["docno"] for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_event: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        linked = list(a.get("events") or []) + [h["event"] for h in a.get("history") or [] if h.get("event")]
        for e in linked:
            by_event[e].append(a["docno"])
    for docs in by_event.values():
        for d in docs[1:]:
            parent[find(d)] = find(docs[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        groups[find(a["docno"])].append(a["docno"])
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def assign(articles: list[dict], types: dict[str, str]) -> dict[str, str]:
    """Greedy: each component (in seeded random order) goes to the split that leaves the shares of
    articles and of events of each type closest to the targets."""
    comps = components(articles)
    random.Random(SEED).shuffle(comps)
    by_doc = {a["docno"]: a for a in articles}
    keys = ["articles", "ASSAULT", "PROTEST", "COERCE"]

    def weights(comp: list[str]) -> dict[str, int]:
        evs = {e for d in comp for e in by_doc[d].get("events") or []}
        w = {k: sum(1 for e in evs if types.get(e) == k) for k in keys[1:]}
        w["articles"] = len(comp)
        return w

    count = {s: dict.fromkeys(keys, 0) for s in TARGET}
    out: dict[str, str] = {}
    for comp in comps:
        w = weights(comp)

        def cost(choice: str) -> float:
            total = 0.0
            for k in keys:
                n = sum(count[s][k] for s in TARGET) + w[k]
                if n == 0:
                    continue
                for s in TARGET:
                    got = count[s][k] + (w[k] if s == choice else 0)
                    total += (got / n - TARGET[s]) ** 2 * (2.0 if k == "articles" else 1.0)
            return total

        split = min(TARGET, key=lambda s: (cost(s), s != "tune"))
        for k in keys:
            count[split][k] += w[k]
        for d in comp:
            out[d] = split
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    path = HERE / "articles.yaml"
    text = path.read_text(encoding="utf-8")
    articles = yaml.safe_load(text)["articles"]
    events = yaml.safe_load((HERE / "events.yaml").read_text(encoding="utf-8"))["events"]
    split = assign(articles, {e["id"]: e["type"] for e in events})
    comps = components(articles)
    for comp in sorted(comps, key=lambda g: (split[g[0]], -len(g), g[0])):
        sel = sorted({a["selection"] for a in articles if a["docno"] in comp})
        print(f"{split[comp[0]]:8} {len(comp):2} articles  {','.join(sel)}  {comp[0]}{' ...' if len(comp) > 1 else ''}")
    ev = {s: set() for s in TARGET}
    for a in articles:
        ev[split[a["docno"]]].update(a.get("events") or [])
    types = {e["id"]: e["type"] for e in events}
    for s in TARGET:
        n = sum(1 for v in split.values() if v == s)
        by_type = ", ".join(f"{t} {sum(1 for e in ev[s] if types[e] == t)}" for t in ("ASSAULT", "PROTEST", "COERCE"))
        print(f"# {s}: {n} articles ({n / len(split):.0%}), {len(ev[s])} events ({by_type}), "
              f"{sum(1 for c in comps if split[c[0]] == s)} components")
    if args.write:
        def repl(m: re.Match) -> str:
            return m.group(1) + split[m.group(2)] + "\n"

        new, n = re.subn(r"(- docno: (\S+)\n(?:  (?!split:).*\n)*?  split: )\S+\n", lambda m: repl(m), text)
        assert n == len(articles), (n, len(articles))
        path.write_text(new, encoding="utf-8")
        print(f"# wrote {n} split lines into {path.name}")


if __name__ == "__main__":
    main()
