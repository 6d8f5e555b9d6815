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
BUDGETS = {
    "accept_admin": (11_000, 11_000),
    "advance_epoch": (29_000, 35_000),
    "apply_config": (13_000, 13_000),
    "cancel_config": (12_000, 12_000),
    "cancel_task": (37_000, 37_000),
    "claim_submission": (51_000, 56_000),
    "claim_submission_emission": (50_000, 54_000),
    "claim_vote": (57_000, 66_000),
    "claim_vote_emission": (39_000, 53_000),
    "close_content_claim": (6_000, 6_000),
    "close_submission": (15_000, 16_000),
    "close_vote": (13_000, 13_000),
    "commit_vote": (41_000, 54_000),
    "create_task": (68_000, 79_000),
    "deposit_stake": (36_000, 49_000),
    "draw": (18_000, 20_000),
    "expire_epoch": (15_000, 15_000),
    "expire_task": (10_000, 10_000),
    "finalize_submission": (45_000, 60_000),
    "finalize_task": (18_000, 18_000),
    "fund_emissions": (28_000, 28_000),
    "initialize": (101_000, 101_000),
    "propose_admin": (11_000, 11_000),
    "propose_config": (14_000, 14_000),
    "reclaim_task": (33_000, 37_000),
    "request_unstake": (15_000, 15_000),
    "reveal_submission": (32_000, 44_000),
    "reveal_vote": (31_000, 36_000),
    "set_paused": (11_000, 11_000),
    "slash_submission": (66_000, 74_000),
    "slash_vote": (70_000, 77_000),
    "submit": (51_000, 58_000),
    "withdraw_stake": (27_000, 27_000),
    "withdraw_vested": (27_000, 27_000),
}
# An instruction the suite never measured before has no budget: it fails until one is set.


def main() -> int:
    src, out = sys.argv[1], sys.argv[2]
    samples: dict[str, list[int]] = {}
    with open(src) as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                samples.setdefault(row["ix"], []).append(int(row["cu"]))
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
        "| instruction | count | min | median | max | budget (median / max) | goal met |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    over = []
    for ix in sorted(samples):
        cus = sorted(samples[ix])
        med = int(statistics.median_low(cus))
        budget = BUDGETS.get(ix)
        if budget is None:
            over.append(f"{ix}: no budget in scripts/compute-units.py")
            budget = (0, 0)
        elif med > budget[0] or cus[-1] > budget[1]:
            over.append(f"{ix}: median {med:,}, max {cus[-1]:,} over {budget[0]:,} / {budget[1]:,}")
        goal = ix == "initialize" or (med <= GOAL[0] and cus[-1] <= GOAL[1])
        lines.append(
            f"| `{ix}` | {len(cus)} | {cus[0]:,} | {med:,} | {cus[-1]:,} "
            f"| {budget[0]:,} / {budget[1]:,} | {'yes' if goal else 'no'} |"
        )
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    for o in over:
        print(f"compute-units: over budget: {o}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
