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
    "accept_admin": (3_000, 3_000),
    "advance_epoch": (19_000, 25_000),
    "apply_config": (4_000, 4_000),
    "cancel_config": (3_000, 3_000),
    "cancel_task": (21_000, 21_000),
    "claim_submission": (24_000, 33_000),
    "claim_submission_emission": (24_000, 31_000),
    "claim_vote": (28_000, 36_000),
    "claim_vote_emission": (15_000, 23_000),
    "close_content_claim": (4_000, 4_000),
    "close_submission": (6_000, 6_000),
    "close_round": (7_000, 7_000),
    "close_vote": (9_000, 9_000),
    "commit_vote": (25_000, 38_000),
    "create_task": (52_000, 64_000),
    "deposit_stake": (24_000, 37_000),
    "draw": (5_000, 11_000),
    "draw_round": (12_000, 12_000),
    "expire_epoch": (5_000, 5_000),
    "expire_task": (3_000, 3_000),
    "finalize_submission": (24_000, 40_000),
    "finalize_task": (7_000, 14_000),
    "fund_emissions": (16_000, 16_000),
    "initialize": (95_000, 95_000),
    "propose_admin": (3_000, 3_000),
    "propose_config": (5_000, 5_000),
    "reclaim_task": (16_000, 21_000),
    "report_absence": (46_000, 53_000),
    "request_unstake": (5_000, 5_000),
    "reveal_submission": (25_000, 42_000),
    "reveal_vote": (13_000, 18_000),
    "set_paused": (3_000, 3_000),
    "slash_submission": (28_000, 33_000),
    "slash_vote": (31_000, 37_000),
    "submit": (30_000, 37_000),
    "sweep_treasury": (13_000, 13_000),
    "withdraw_stake": (16_000, 16_000),
    "withdraw_vested": (16_000, 16_000),
}
# An instruction the suite never measured before has no budget: it fails until one is set.

# What an instruction's units go to, measured on the SBF build (scratch copy of the program
# with `sol_log_compute_units` around each step, in `claim_submission` and `claim_vote`): Borsh
# costs about 37 units per field here, since a read out of a byte slice has no alignment and
# the BPF target loads it byte by byte; a zero-copy account's fields are aligned loads.
MEASURED = [
    ("deserialize the config (every field; Borsh, before it was zero-copy)", "4,035"),
    ("deserialize a task / write it back (Borsh, before the task was zero-copy)", "3,334 / 3,253"),
    ("load the zero-copy task or config (`AccountLoader::load` or `load_mut`, in place)", "54"),
    ("60 `u64` reads out of a byte slice (`u64::from_le_bytes`)", "1,868"),
    ("deserialize a submission (no reveals)", "2,224"),
    ("deserialize a stake", "748"),
    ("deserialize a token account or a mint", "about 400"),
    ("`find_program_address`, per bump tried (an `init`'s PDA)", "1,522"),
    ("`create_program_address`", "1,522"),
    ("SPL Token `Transfer` as a CPI (Token-2022 `TransferChecked`: 7,174)", "5,645"),
]
# Every instruction above the goal says why, from the figures above: the run fails when one
# is above it without an entry here.
ABOVE_GOAL = {
    "create_task": "Six CPIs cost 19,504 at the median (13,504 in the programs, 1,000 per "
    "invoke: creating the task and its vault, initializing the vault, the fee and reward "
    "transfers, the keeper bounty), and `init` derives the task's and the vault's PDAs with "
    "`find_program_address`, 1,522 per bump tried, a number set by the creator's key and the "
    "task id (Anchor insists on the canonical bump at `init`): two searches of at least one "
    "bump each, and most of the spread from the median (47,192) to the worst case (56,192). "
    "What is left is the account creations, the URI argument and the event; the worst case "
    "meets the goal. Even one shared escrow vault for every task instead of a vault per task "
    "(no vault to create, 1,000, or initialize, 5,214, or derive, 1,522; the reward and the "
    "fee in one transfer, 5,645 less) would leave about 33,500, so each task keeps its own.",
    "report_absence": "A slash and an account creation in one instruction, measured on a scratch "
    "copy with `sol_log_compute_units` around each step: about 19,500 before the handler runs "
    "(five accounts deserialized, the competitor check's `find_program_address` for the "
    "validator's submission PDA and the absence record's, 1,522 per bump tried, and the "
    "system program's account creation, 1,000 per invoke); the eligibility rule "
    "(`Round::absence_seats`: the lot's sha256 and the reputation under the task's rules) "
    "and the penalty about 3,600; the record and the round about 1,200; the reputation miss "
    "1,500; the slash payout about 11,400, as in `slash_vote` (the token transfer 5,645 of "
    "it). Its worst case meets the goal. The record is what makes a silence reported once "
    "and its rent returnable: a flag in the round would need a bit per possible validator.",
}


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
    met = set()
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
        if goal:
            met.add(ix)
        lines.append(
            f"| `{ix}` | {len(cus)} | {cus[0]:,} | {med:,} | {cus[-1]:,} "
            f"| {cpis} | {in_cpis:,} | {med - in_cpis:,} "
            f"| {budget[0]:,} / {budget[1]:,} | {'yes' if goal else 'no'} |"
        )
        if not goal and ix not in ABOVE_GOAL:
            over.append(f"{ix}: above the goal with no explanation in ABOVE_GOAL")
    lines += [
        "",
        "## Where the units go",
        "",
        "Measured on this build with `sol_log_compute_units` around each step (scratch copies",
        "of `claim_submission` and `claim_vote`): Borsh costs about 37 units per field here. A",
        "read out of a byte slice has no alignment, and the BPF target then loads a `u64` byte",
        "by byte (31 units each, below); the task and the config are zero-copy (`repr(C)`,",
        "aligned), so their fields are single loads and they are never deserialized or",
        "written back.",
        "",
        "| step | units |",
        "|---|---:|",
    ]
    lines += [f"| {step} | {units} |" for step, units in MEASURED]
    lines += ["", "## Above the goal", ""]
    lines += [f"- `{ix}`: {why}" for ix, why in sorted(ABOVE_GOAL.items()) if ix in samples]
    stale = [ix for ix in ABOVE_GOAL if ix in samples and ix in met]
    for ix in stale:
        over.append(f"{ix}: meets the goal now; remove it from ABOVE_GOAL")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    for o in over:
        print(f"compute-units: over budget: {o}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
