#!/usr/bin/env python3
"""Turns the compute units the suite recorded on an SBF build (one JSON object per line,
{"ix": name, "cu": units}, written by merit-localnet when MERIT_CU_LOG is set) into the
table in docs/compute-units.md, and fails when an instruction's median or worst case is
over its budget.

usage: scripts/compute-units.py <cu.jsonl> <out.md>
"""
import json
import statistics
import sys

# Per-instruction ceilings (median, max): what the suite measured when they were set, plus
# 10%, rounded up to a thousand, so that a change costing more compute fails the run. The
# goal is 30,000 median and 60,000 worst case for every participant and keeper instruction
# (`initialize` excepted); the table says which instructions are still above it.
GOAL = (30_000, 60_000)
# What the runtime charges a program for each cross-program invocation before the callee
# runs (`invoke_units` in Agave's compute budget).
INVOKE_UNITS = 1_000
BUDGETS = {
    "accept_admin": (9_000, 9_000),
    "advance_epoch": (25_000, 31_000),
    "apply_config": (11_000, 11_000),
    "cancel_config": (10_000, 10_000),
    "cancel_task": (29_000, 29_000),
    "claim_submission": (39_000, 45_000),
    "claim_submission_emission": (42_000, 46_000),
    "claim_vote": (44_000, 52_000),
    "claim_vote_emission": (33_000, 45_000),
    "close_content_claim": (4_000, 4_000),
    "close_submission": (11_000, 12_000),
    "close_vote": (9_000, 9_000),
    "commit_vote": (33_000, 46_000),
    "create_task": (62_000, 73_000),
    "deposit_stake": (31_000, 45_000),
    "draw": (14_000, 16_000),
    "expire_epoch": (12_000, 12_000),
    "expire_task": (9_000, 9_000),
    "finalize_submission": (31_000, 46_000),
    "finalize_task": (14_000, 14_000),
    "fund_emissions": (23_000, 23_000),
    "initialize": (101_000, 101_000),
    "propose_admin": (9_000, 9_000),
    "propose_config": (12_000, 12_000),
    "reclaim_task": (26_000, 30_000),
    "request_unstake": (11_000, 11_000),
    "reveal_submission": (26_000, 38_000),
    "reveal_vote": (21_000, 26_000),
    "set_paused": (9_000, 9_000),
    "slash_submission": (54_000, 63_000),
    "slash_vote": (57_000, 64_000),
    "submit": (41_000, 48_000),
    "withdraw_stake": (21_000, 21_000),
    "withdraw_vested": (21_000, 21_000),
}
# An instruction the suite never measured before has no budget: it fails until one is set.


def main() -> int:
    src, out = sys.argv[1], sys.argv[2]
    samples: dict[str, list[int]] = {}
    with open(src) as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                samples.setdefault(row["ix"], []).append(
                    (int(row["cu"]), int(row.get("cpis", 0)), int(row.get("cpi_cu", 0)))
                )
    if not samples:
        print(f"compute-units: no samples in {src}", file=sys.stderr)
        return 1
    lines = [
        "# Compute units per Merit instruction",
        "",
        "Every successful Merit instruction the Rust suite ran against `merit.so`, built by",
        "`../shared/sbf/build-sbf.sh` (rustup nightly and sbpf-linker, not the platform-tools",
        "build `anchor build` makes: close estimates, not mainnet figures). Written by",
        "`scripts/test.sh` (`scripts/compute-units.py`); CI regenerates it and fails on a",
        "difference. The suite's keys are derived from a fixed seed, so the figures repeat.",
        "",
        f"Goal: at most {GOAL[0]:,} median and {GOAL[1]:,} worst case for every participant and",
        "keeper instruction (`initialize` excepted).",
        "",
        "`CPIs` and `in CPIs` describe the median run: how many programs it invoked (token,",
        "system, associated token) and what they cost it, their own units plus the",
        f"{INVOKE_UNITS:,} units the runtime charges the caller per invoke; `own` is the rest,",
        "Merit's code: Anchor's account checks and (de)serialization, the handler, its logs.",
        "",
        "| instruction | count | min | median | max | CPIs | in CPIs | own | budget (median / max) | goal met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    over = []
    for ix in sorted(samples):
        runs = sorted(samples[ix])
        cus = [r[0] for r in runs]
        med = int(statistics.median_low(cus))
        _, cpis, cpi_cu = runs[cus.index(med)]
        in_cpis = cpi_cu + INVOKE_UNITS * cpis
        budget = BUDGETS.get(ix)
        if budget is None:
            over.append(f"{ix}: no budget in scripts/compute-units.py")
            budget = (0, 0)
        elif med > budget[0] or cus[-1] > budget[1]:
            over.append(f"{ix}: median {med:,}, max {cus[-1]:,} over {budget[0]:,} / {budget[1]:,}")
        goal = ix == "initialize" or (med <= GOAL[0] and cus[-1] <= GOAL[1])
        lines.append(
            f"| `{ix}` | {len(cus)} | {cus[0]:,} | {med:,} | {cus[-1]:,} "
            f"| {cpis} | {in_cpis:,} | {med - in_cpis:,} "
            f"| {budget[0]:,} / {budget[1]:,} | {'yes' if goal else 'no'} |"
        )
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    for o in over:
        print(f"compute-units: over budget: {o}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
