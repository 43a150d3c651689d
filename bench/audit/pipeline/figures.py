#!/usr/bin/env python3
"""The pipeline benchmark's figures from `alignkit sla audit -f json`, in the shape
duckdb_pipeline.mjs writes them, so the two can be compared byte for byte.

usage: figures.py REPORT.json OUTPUT.json"""
import json
import sys

r = json.load(open(sys.argv[1]))
f = r["funnel"]["overall"]
c = r["terms"]["engaging_clock"]
volume = next(t for t in r["targets"] if t["id"] == "engaged")["volume"]["periods"]
conversion = next(t for t in r["targets"] if t["id"] == "engaged-to-won")
out = {
    "rows": r["rows"],
    "funnel": {"reached": f["reached"], "won": f["won"], "lost": f["lost"]},
    "engaging_clock": {k: c["overall"][k] for k in ("eligible", "met", "breached", "pending")}
    | {"median": c["latency"]["overall"]["median_s"], "p90": c["latency"]["overall"]["p90_s"]},
    "engaged_by_month": {p["period"]: p["count"] for p in volume if p["count"] > 0},
    "engaged_to_won_by_source": {s: [v["from"], v["to"]] for s, v in sorted(conversion["conversion"]["by_source"].items())},
}
with open(sys.argv[2], "w") as o:
    o.write(json.dumps(out, separators=(",", ":")) + "\n")
