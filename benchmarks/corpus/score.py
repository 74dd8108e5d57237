#!/usr/bin/env python3
"""Scores the corpus run (benchmarks/corpus/out/*.json) against the judgments (benchmarks/corpus/judgments/*.json).

    python3 benchmarks/corpus/score.py [--out DIR] [--judgments DIR] [--repos FILE] [--markdown]
                                       [--unjudged-json FILE]

Counts, per category and in total, the medium+ findings (severity critical, high or medium, not suppressed) of the
repositories that have an output, how many are judged right, judged wrong and not judged, the precision
right / (right + wrong) and the recall: judged-real defects still reported at medium+ / all judged-real defects
(the findings judged right, and the `missed` entries of real defects the tool did not report); findings judged right
that `sameDefectAs` links (one defect that two rules report) are one defect, found when either is. Lists every unjudged
medium+ finding, every finding judged right that is no longer reported, every finding judged wrong that is still
reported and every `missed` defect that is now reported (the regression data of a change).

A current finding matches a judgment with the same repo, ruleId, path and line and the same message; failing an
exact message, the one judgment left with that repo, ruleId, path and line matches (wording may change), when that
judgment and the finding are the only unmatched ones under that key. A `missed` entry is reported when a medium+
finding has its repo, ruleId, path and line.

Exit status 0, or 2 when an input is malformed (the message says which and why). Standard library only.
"""
import argparse
import collections
import json
import os
import sys

CATEGORIES = ["monitoring", "alerting", "secrets", "docs", "migrations", "readiness", "config"]
COUNTED = ("critical", "high", "medium")
SEVERITIES = ("critical", "high", "medium", "low", "info")
HERE = os.path.dirname(os.path.abspath(__file__))


class Malformed(Exception):
    pass


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise Malformed(f"{path}: {e}")


def read_repos(path):
    repos = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise Malformed(f"{path}: {e}")
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("repo\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 4 or "/" not in cols[0] or len(cols[1]) != 40:
            raise Malformed(f"{path}:{n}: expected owner/name, 40-hex commit, kind, why separated by tabs")
        repos.append({"repo": cols[0], "commit": cols[1], "kind": cols[2]})
    return repos


def read_outputs(out_dir, repos):
    """repo -> list of findings, for the repositories with an output."""
    outputs = {}
    for r in repos:
        path = os.path.join(out_dir, r["repo"].replace("/", "+") + ".json")
        if not os.path.exists(path):
            continue
        data = load_json(path)
        findings = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(findings, list):
            raise Malformed(f"{path}: no findings list")
        for i, f in enumerate(findings):
            for key in ("ruleId", "category", "severity", "path", "line", "message"):
                if key not in f:
                    raise Malformed(f"{path}: finding {i} has no {key}")
            if f["severity"] not in SEVERITIES:
                raise Malformed(f"{path}: finding {i} has severity {f['severity']!r}")
        outputs[r["repo"]] = findings
    return outputs


def require(entry, fields, where):
    for name, kind in fields:
        if name not in entry:
            raise Malformed(f"{where}: no {name}")
        if not isinstance(entry[name], kind) or isinstance(entry[name], bool):
            raise Malformed(f"{where}: {name} is not a {kind.__name__}")


def read_judgments(judgments_dir, known_repos):
    judgments, missed, warnings = [], [], []
    if not os.path.isdir(judgments_dir):
        return judgments, missed, [f"no judgments folder {judgments_dir}"]
    for name in sorted(os.listdir(judgments_dir)):
        if not name.endswith(".json"):
            continue
        path = os.path.join(judgments_dir, name)
        category = name[:-len(".json")]
        if category not in CATEGORIES:
            warnings.append(f"{path}: {category} is not a category ({', '.join(CATEGORIES)})")
        data = load_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("judgments", []), list) \
                or not isinstance(data.get("missed", []), list):
            raise Malformed(f'{path}: expected {{"judgments": [...], "missed": [...]}}')
        for i, j in enumerate(data.get("judgments", [])):
            where = f"{path}: judgments[{i}]"
            if not isinstance(j, dict):
                raise Malformed(f"{where}: not an object")
            require(j, [("repo", str), ("ruleId", str), ("path", str), ("line", int), ("message", str),
                        ("verdict", str)], where)
            if "sameDefectAs" in j:
                same = j["sameDefectAs"]
                if not isinstance(same, dict):
                    raise Malformed(f"{where}: sameDefectAs is not an object")
                require(same, [("ruleId", str), ("path", str), ("line", int)], f"{where}: sameDefectAs")
            if j["verdict"] not in ("right", "wrong"):
                raise Malformed(f"{where}: verdict {j['verdict']!r} is neither right nor wrong")
            if j["repo"] not in known_repos:
                warnings.append(f"{where}: {j['repo']} is not in repos.tsv")
            judgments.append(dict(j, category=category, source=where))
        for i, m in enumerate(data.get("missed", [])):
            where = f"{path}: missed[{i}]"
            if not isinstance(m, dict):
                raise Malformed(f"{where}: not an object")
            require(m, [("repo", str), ("ruleId", str), ("path", str), ("line", int)], where)
            if m["repo"] not in known_repos:
                warnings.append(f"{where}: {m['repo']} is not in repos.tsv")
            missed.append(dict(m, category=category, source=where))
    # the same finding judged twice with opposite verdicts is a judging slip, not a malformed file: warn
    seen = {}
    for j in judgments:
        k = (j["repo"], j["ruleId"], j["path"], j["line"], j["message"])
        if k in seen and seen[k]["verdict"] != j["verdict"]:
            warnings.append(f"{j['source']}: judged {j['verdict']}, but {seen[k]['source']} judged the same "
                            f"finding {seen[k]['verdict']}")
        seen.setdefault(k, j)
    return judgments, missed, warnings


def key(x, repo=None):
    return (repo or x["repo"], x["ruleId"], x["path"], x["line"])


def match(current, judgments):
    """current: list of (repo, finding). Returns {index in current: judgment} and the set of matched judgment ids."""
    by_key = collections.defaultdict(list)
    for j in judgments:
        by_key[key(j)].append(j)
    matched, used = {}, set()
    # exact: same key and message (identical findings at other columns share the judgment)
    for i, (repo, f) in enumerate(current):
        for j in by_key.get(key(f, repo), ()):
            if j["message"] == f["message"]:
                matched[i] = j
                used.add(id(j))
                break
    # fallback: the one judgment left under a key matches the one finding left under it
    left = collections.defaultdict(list)
    for i, (repo, f) in enumerate(current):
        if i not in matched:
            left[key(f, repo)].append(i)
    for k, idxs in left.items():
        candidates = [j for j in by_key.get(k, ()) if id(j) not in used]
        if len(candidates) == 1 and len(idxs) == 1:
            matched[idxs[0]] = candidates[0]
            used.add(id(candidates[0]))
    return matched, used


def defects(judgments, warnings_out=None):
    """The real defects: findings judged right, those linked by `sameDefectAs` (repo implied; ruleId, path, line of
    another judgment) grouped into one, so several findings of one defect count once in the recall."""
    right = [j for j in judgments if j["verdict"] == "right"]
    by_key = collections.defaultdict(list)
    for j in right:
        by_key[key(j)].append(j)
    parent = {id(j): id(j) for j in right}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for j in right:
        same = j.get("sameDefectAs")
        if same is None:
            continue
        targets = by_key.get((j["repo"], same.get("ruleId"), same.get("path"), same.get("line")), [])
        if not targets and warnings_out is not None:
            print(f"warning: {j['source']}: sameDefectAs names no finding judged right: {same}", file=warnings_out)
        for t in targets:
            parent[find(id(t))] = find(id(j))
    groups = collections.OrderedDict()
    for j in right:
        groups.setdefault(find(id(j)), []).append(j)
    return list(groups.values())


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=os.path.join(HERE, "out"), help="folder of the CLI's JSON outputs")
    p.add_argument("--judgments", default=os.path.join(HERE, "judgments"), help="folder of <category>.json")
    p.add_argument("--repos", default=os.path.join(HERE, "repos.tsv"))
    p.add_argument("--markdown", action="store_true", help="print a Markdown table for docs/benchmarks.md")
    p.add_argument("--unjudged-json", metavar="FILE", help="write the unjudged medium+ findings here, for judges")
    args = p.parse_args(argv)

    try:
        repos = read_repos(args.repos)
        outputs = read_outputs(args.out, repos)
        judgments, missed, warnings = read_judgments(args.judgments, {r["repo"] for r in repos})
    except Malformed as e:
        print(f"score.py: malformed input: {e}", file=sys.stderr)
        return 2
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)

    kinds = {r["repo"]: r["kind"] for r in repos}
    current = [(repo, f) for repo, findings in outputs.items() for f in findings
               if f["severity"] in COUNTED and f.get("status") != "suppressed"]
    # judgments of repositories without an output say nothing about this run: left out of every figure
    live = [j for j in judgments if j["repo"] in outputs]
    live_missed = [m for m in missed if m["repo"] in outputs]
    matched, used = match(current, live)

    stats = {c: collections.Counter() for c in CATEGORIES}
    unjudged = []
    wrong_still = []
    for i, (repo, f) in enumerate(current):
        c = f["category"]
        stats.setdefault(c, collections.Counter())
        stats[c]["findings"] += 1
        j = matched.get(i)
        if j is None:
            stats[c]["unjudged"] += 1
            unjudged.append((repo, f))
        else:
            stats[c][j["verdict"]] += 1
            if j["verdict"] == "wrong":
                wrong_still.append((repo, f, j))
    disappeared = []
    for group in defects(live, warnings_out=sys.stderr):
        c = group[0]["category"]
        stats.setdefault(c, collections.Counter())
        stats[c]["real"] += 1
        if any(id(j) in used for j in group):
            stats[c]["found"] += 1
        else:
            disappeared.extend(group)
    current_keys = {key(f, repo) for repo, f in current}
    now_reported = []
    for m in live_missed:
        c = m["category"]
        stats.setdefault(c, collections.Counter())
        stats[c]["real"] += 1
        if key(m) in current_keys:
            stats[c]["found"] += 1
            now_reported.append(m)
    total = collections.Counter()
    for s in stats.values():
        total.update(s)
    rows = [(c, stats[c]) for c in CATEGORIES] + [(c, s) for c, s in stats.items() if c not in CATEGORIES]
    rows.append(("total", total))

    def row(name, s):
        return [name, s["findings"], s["right"], s["wrong"], s["unjudged"],
                pct(s["right"], s["right"] + s["wrong"]), f'{pct(s["found"], s["real"])} ({s["found"]}/{s["real"]})']

    header = ["category", "medium+", "right", "wrong", "unjudged", "precision", "recall (found/real)"]
    not_run = [r["repo"] for r in repos if r["repo"] not in outputs]
    if args.markdown:
        print(f"Corpus: {len(outputs)} of {len(repos)} repositories audited; medium+ = critical, high or medium, "
              f"not suppressed.\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
        for name, s in rows:
            cells = [str(x) for x in row(name, s)]
            if name == "total":
                cells = [f"**{x}**" for x in cells]
            print("| " + " | ".join(cells) + " |")
        print(f"\nUnjudged medium+ findings: {len(unjudged)}; judged right and no longer reported: "
              f"{len(disappeared)}; judged wrong and still reported: {len(wrong_still)}; missed defects now "
              f"reported: {len(now_reported)}.")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *[row(n, s) for n, s in rows])]
        for cells in [header] + [row(n, s) for n, s in rows]:
            print("  ".join(str(x).ljust(w) if k == 0 else str(x).rjust(w) for k, (x, w) in enumerate(zip(cells, widths))))
        print(f"\n{len(outputs)} of {len(repos)} repositories have an output"
              + (f"; none for: {', '.join(not_run)}" if not_run else ""))
        per_repo = collections.Counter(repo for repo, _ in current)
        print("\nmedium+ findings per repository (all severities in brackets):")
        for r in repos:
            if r["repo"] in outputs:
                print(f"  {r['repo']:<55} {per_repo[r['repo']]:>5}  ({len(outputs[r['repo']])})")

        def show(title, items, fmt):
            print(f"\n{title}: {len(items)}")
            for it in items:
                print("  " + fmt(it))

        show("unjudged medium+ findings", sorted(unjudged, key=lambda x: (x[1]["category"], x[0], x[1]["path"], x[1]["line"])),
             lambda x: f'[{x[1]["category"]}] {x[0]} {x[1]["path"]}:{x[1]["line"]} {x[1]["severity"]} '
                       f'{x[1]["ruleId"]}: {x[1]["message"]}')
        lower = {key(f, repo): f["severity"] for repo, findings in outputs.items() for f in findings}
        show("judged right, no longer reported at medium+ (a miss)", disappeared,
             lambda j: f'[{j["category"]}] {j["repo"]} {j["path"]}:{j["line"]} {j["ruleId"]}: {j["message"]}'
                       + (f' (still reported at {lower[key(j)]})' if key(j) in lower else ""))
        show("judged wrong, still reported", wrong_still,
             lambda x: f'[{x[1]["category"]}] {x[0]} {x[1]["path"]}:{x[1]["line"]} {x[1]["severity"]} '
                       f'{x[1]["ruleId"]}: {x[1]["message"]} -- judged wrong: {x[2].get("reason", "")}')
        show("missed defects now reported (judge the finding, then move the entry to judgments)", now_reported,
             lambda m: f'[{m["category"]}] {m["repo"]} {m["path"]}:{m["line"]} {m["ruleId"]}: {m.get("reason", "")}')

    if args.unjudged_json:
        items = [{"repo": repo, "kind": kinds.get(repo), "category": f["category"], "ruleId": f["ruleId"],
                  "severity": f["severity"], "path": f["path"], "line": f["line"], "message": f["message"]}
                 for repo, f in sorted(unjudged, key=lambda x: (x[1]["category"], x[0], x[1]["path"], x[1]["line"],
                                                                x[1]["ruleId"]))]
        with open(args.unjudged_json, "w", encoding="utf-8") as fh:
            json.dump(items, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        print(f"\nwrote {len(items)} unjudged medium+ findings to {args.unjudged_json}",
              file=sys.stderr if args.markdown else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
