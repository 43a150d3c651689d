#!/usr/bin/env python3
"""A deal-pipeline export for the second benchmark shape: one row per deal, its stage now
(Prospecting, Engaging, Won, Lost; some typed in another case), dates only, CRLF.
Deterministic for a given --rows and --seed.

usage: gen_pipeline.py --rows N --out FILE [--seed S]"""
import argparse
import datetime
import random

p = argparse.ArgumentParser()
p.add_argument("--rows", type=int, required=True)
p.add_argument("--out", required=True)
p.add_argument("--seed", type=int, default=20261201)
a = p.parse_args()
rng = random.Random(a.seed)
agents = [f"agent {i:02d}" for i in range(30)]
sources = ["Partner", "Inbound", "Outbound", "Event", "Webinar", "Referral", "Paid", "Select"]
products = ["GTX Basic", "GTX Pro", "MG Special", "GTK 500"]
start = datetime.date(2024, 1, 1)
days = [(start + datetime.timedelta(days=d)).isoformat() for d in range(1200)]
with open(a.out, "w", newline="") as f:
    f.write("opportunity_id,sales_agent,lead_source,product,deal_stage,engage_date,close_date,close_value\r\n")
    out = []
    for i in range(a.rows):
        created = rng.randrange(0, 900)
        r = rng.random()
        stage, engage, close, value = "Prospecting", "", "", ""
        if r > 0.12:
            e = created + rng.randrange(0, 10)
            engage = days[e]
            c = e + int(rng.expovariate(1 / 45))
            r2 = rng.random()
            if c >= 1000 or r2 < 0.18:
                stage = "Engaging"
            elif r2 < 0.62:
                stage, close, value = "Won", days[c], str(rng.randrange(50, 5000))
            else:
                stage, close, value = "Lost", days[c], "0"
            if stage in ("Won", "Lost") and rng.random() < 0.05:
                stage = stage.upper()
        out.append(f"OP{i:08d},{rng.choice(agents)},{rng.choice(sources)},{rng.choice(products)},"
                   f"{stage},{engage},{close},{value}\r\n")
        if len(out) >= 100000:
            f.write("".join(out))
            out.clear()
    f.write("".join(out))
