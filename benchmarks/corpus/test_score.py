#!/usr/bin/env python3
"""Tests of score.py: python3 -m unittest benchmarks/corpus/test_score.py (standard library only)."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

COMMIT = "0" * 40


def finding(rule, path, line, message, severity="high"):
    return {"ruleId": rule, "category": "migrations", "severity": severity, "path": path, "line": line,
            "message": message}


class SameDefectTest(unittest.TestCase):

    def run_score(self, findings, judgments):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "out"))
            os.makedirs(os.path.join(d, "judgments"))
            with open(os.path.join(d, "repos.tsv"), "w") as f:
                f.write(f"repo\tcommit\tkind\twhy\no/r\t{COMMIT}\talembic-app\ttest\n")
            with open(os.path.join(d, "out", "o+r.json"), "w") as f:
                json.dump({"findings": findings}, f)
            with open(os.path.join(d, "judgments", "migrations.json"), "w") as f:
                json.dump({"judgments": judgments, "missed": []}, f)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc = score.main(["--out", os.path.join(d, "out"), "--judgments", os.path.join(d, "judgments"),
                                 "--repos", os.path.join(d, "repos.tsv")])
            self.assertEqual(rc, 0, err.getvalue())
            line = next(x for x in out.getvalue().splitlines() if x.startswith("migrations"))
            return line.split(), err.getvalue()

    def judgments(self, linked):
        empty = {"repo": "o/r", "ruleId": "migrations/empty-downgrade", "path": "v/a.py", "line": 20,
                 "message": "downgrade is pass", "verdict": "right", "reason": "r"}
        data = {"repo": "o/r", "ruleId": "migrations/irreversible-data-change", "path": "v/a.py", "line": 10,
                "message": "data change", "verdict": "right", "reason": "r"}
        if linked:
            data["sameDefectAs"] = {"ruleId": "migrations/empty-downgrade", "path": "v/a.py", "line": 20}
        return [empty, data]

    def test_one_defect_reported_by_two_rules_is_found_when_either_is_reported(self):
        only_empty = [finding("migrations/empty-downgrade", "v/a.py", 20, "downgrade is pass")]
        cells, _ = self.run_score(only_empty, self.judgments(linked=True))
        self.assertEqual(cells[-1], "(1/1)")
        cells, _ = self.run_score(only_empty, self.judgments(linked=False))
        self.assertEqual(cells[-1], "(1/2)")

    def test_a_link_to_nothing_is_warned_about(self):
        j = self.judgments(linked=True)
        j[1]["sameDefectAs"]["line"] = 99
        cells, err = self.run_score([], j)
        self.assertEqual(cells[-1], "(0/2)")
        self.assertIn("sameDefectAs names no finding judged right", err)


if __name__ == "__main__":
    unittest.main()
