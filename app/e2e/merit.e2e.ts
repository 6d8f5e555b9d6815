// End to end over JSON-RPC against a real validator (scripts/e2e.sh starts one): keypair
// wallets, the SDK's builders and flows, real confirmations, balances, and every event
// parsed from the real transaction logs. Then two `merit crank` processes race for the
// keeper work of a second task. Needs MERIT_RPC_URL, MERIT_FAUCET_KEYPAIR and MERIT_BIN
// (the `merit` binary); it fails, never skips, without them. Run: `npm run e2e`.
//
// One deployment serves both tests: its validators deposit in epoch 0 and count from
// epoch 1 (warm-up), so the setup waits out one 60-second epoch (the shortest allowed).
// Judging happens in rounds: every revealed submission's round 1 is judged by the
// committee of the task's draw, whose seed is a chain of slot hashes ready
// `DRAW_CHAIN_MAX_SLOTS` after the draw was scheduled (~42 s at 400 ms a slot), so commit
// windows are long enough to hold that wait.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import * as sdk from "../src/index.js";
import {
  chainNow,
  cluster,
  createAtas,
  createMint,
  fundedKeypairs,
  mintToOwners,
  only,
  successfulSignatures,
  tokenBalance,
  txEvents,
  until,
  untilChainTime,
} from "./chain.js";

const unit = 1_000_000n;
const VALIDATOR_STAKE = 1_000n * unit;
/** Contributors stake only their bond: warming up in epoch 1, it never counts in the first task's draw. */
const CONTRIBUTOR_STAKE = 1n * unit;

interface World {
  url: string;
  connection: Connection;
  program: ReturnType<typeof sdk.meritProgram>;
  merit: sdk.MeritClient;
  accounts: sdk.MeritAccounts;
  admin: Keypair;
  creator: Keypair;
  keeper: Keypair;
  validators: Keypair[];
  contributors: Keypair[];
  store: sdk.MemorySaltStore;
}

let world: World;

before(async () => {
  const { url, connection, faucet } = cluster();
  const [admin, creator, keeper, ...rest] = await fundedKeypairs(connection, faucet, 10);
  const validators = rest.slice(0, 3);
  const contributors = rest.slice(3, 7);
  const mint = await createMint(connection, admin!, 6);

  // The deployment: the SDK's defaults, with one-second phases, the shortest epoch and
  // committees of three allowed, so that a task's whole life fits in seconds.
  const program = sdk.meritProgram(connection);
  const merit = new sdk.MeritClient(program, { stakeMint: mint, tokenProgram: sdk.TOKEN_PROGRAM_ID });
  const params = { ...sdk.defaultConfigParams(6), minPhaseSecs: 1n, epochLengthSecs: 60n, minCommitteeSize: 3 };
  const initSig = await merit.rpc(sdk.keypairSigner(admin!)).initialize({ admin: admin!.publicKey, params });
  const initialized = await only(connection, initSig, "configInitialized");
  assert.ok((initialized.admin as PublicKey).equals(admin!.publicKey));
  assert.ok((initialized.stakeMint as PublicKey).equals(mint));
  const loaded = await sdk.MeritClient.load(connection);
  assert.ok(loaded.deployment.stakeMint.equals(mint), "MeritClient.load reads the deployment");
  const accounts = new sdk.MeritAccounts(program);

  await mintToOwners(connection, mint, admin!, [creator!.publicKey], 1_000n * unit);
  await mintToOwners(connection, mint, admin!, validators.map((v) => v.publicKey), VALIDATOR_STAKE);
  await mintToOwners(connection, mint, admin!, contributors.map((c) => c.publicKey), 10n * unit);
  // A slasher is paid into its token account (the crank creates its own).
  await createAtas(connection, mint, keeper!, [keeper!.publicKey]);

  // Validators stake in epoch 0: tokens move to the stake vault, the event says how much.
  const vaultBefore = await tokenBalance(connection, (await accounts.config()).stakeVault);
  for (const v of validators) {
    const sig = await merit.rpc(sdk.keypairSigner(v)).depositStake({ owner: v.publicKey, amount: VALIDATOR_STAKE });
    const deposited = await only(connection, sig, "stakeDeposited");
    assert.equal(deposited.amount, VALIDATOR_STAKE);
    assert.equal(await tokenBalance(connection, merit.ata(v.publicKey)), 0n);
  }
  const config = await accounts.config();
  assert.equal(await tokenBalance(connection, config.stakeVault), vaultBefore + 3n * VALIDATOR_STAKE);

  // Epoch 0 ends after 60 s of the cluster's clock; advancing makes the stake count.
  const epoch0 = await accounts.epoch(0n);
  assert.ok(epoch0, "initialize opened epoch 0");
  await untilChainTime(connection, epoch0.end, 90);
  const advanceSig = await merit.rpc(sdk.keypairSigner(keeper!)).advanceEpoch({
    keeper: keeper!.publicKey,
    current: 0n,
    next: 1n,
  });
  const advanced = await only(connection, advanceSig, "epochAdvanced");
  assert.equal(advanced.closedEpoch, 0n);
  assert.equal(advanced.openedEpoch, 1n);
  assert.equal((await accounts.config()).totalActiveStake, 3n * VALIDATOR_STAKE);

  for (const c of contributors) {
    await merit.rpc(sdk.keypairSigner(c)).depositStake({ owner: c.publicKey, amount: CONTRIBUTOR_STAKE });
  }
  world = {
    url,
    connection,
    program,
    merit,
    accounts,
    admin: admin!,
    creator: creator!,
    keeper: keeper!,
    validators,
    contributors,
    store: new sdk.MemorySaltStore(),
  };
});

/** Posts a task with a committee of three and short phases; returns it and its creation's signature. */
async function post(durations: { submit: number; revealWork: number; commit: number; reveal: number }) {
  const { merit, creator } = world;
  const posted = await sdk.postTask(merit, creator.publicKey, {
    specHash: new Uint8Array(32).fill(7),
    uri: "ipfs://e2e-spec",
    reward: 100n * unit,
    durations,
    committeeSize: 3,
    quorumSeats: 1,
  });
  const [sig] = await merit.send(sdk.keypairSigner(creator), posted.instructions);
  return { task: posted.task, sig: sig! };
}

/** Each contributor commits work (content derived from the task's address), then reveals it once submissions close. */
async function submitAndReveal(task: PublicKey, contributors: Keypair[]): Promise<PublicKey[]> {
  const { merit, accounts, store, connection } = world;
  const t = (await accounts.task(task))!;
  const subs: PublicKey[] = [];
  for (const [i, c] of contributors.entries()) {
    const ixs = await sdk.submitWork(merit, store, {
      contributor: c.publicKey,
      task,
      termsHash: t.termsHash,
      // Distinct per task and contributor: the task's address, its first byte marked.
      contentHash: (() => {
        const content = Uint8Array.from(task.toBytes());
        content[0] = (content[0]! + 1 + i) % 256;
        return content;
      })(),
      uri: `ipfs://e2e-work-${t.id}-${i}`,
    });
    const [sig] = await merit.send(sdk.keypairSigner(c), ixs);
    const committed = await only(connection, sig!, "submissionCommitted");
    assert.ok((committed.contributor as PublicKey).equals(c.publicKey));
    assert.equal(committed.bond, t.bond);
    subs.push(sdk.pda.submission(task, c.publicKey));
  }
  await untilChainTime(connection, t.submissionDeadline);
  for (const c of contributors) {
    const ix = await sdk.revealWork(merit, store, { contributor: c.publicKey, task });
    const [sig] = await merit.send(sdk.keypairSigner(c), [ix]);
    const revealed = await only(connection, sig!, "submissionRevealed");
    assert.match(revealed.uri as string, /^ipfs:\/\/e2e-work-/);
  }
  return subs;
}

/** The current round of `submission` and the seats each validator holds on its committee (the SDK's copy of the program's rule). */
async function seats(task: PublicKey, submission: PublicKey): Promise<{ round: number; held: bigint[] }> {
  const { accounts, validators } = world;
  const t = (await accounts.task(task))!;
  const index = (await accounts.submission(submission))!.round;
  assert.ok(index >= 1, "the work was revealed: its round 1 is open");
  const round = (await accounts.roundOf(submission, index))!;
  assert.ok(round, `round ${index} of ${submission.toBase58()}`);
  const epoch = (await accounts.config()).currentEpoch;
  const held: bigint[] = [];
  for (const v of validators) {
    held.push(sdk.seatsFor(t, round, v.publicKey, await accounts.stake(v.publicKey), epoch));
  }
  return { round: index, held };
}

/** Who sat where: per submission, its current round and which validators hold seats on it. */
interface Seating {
  rounds: number[];
  sat: boolean[][];
}

/** Every drawn validator commits `scores[s]` on submission `s`, in its current round. */
async function commitAll(task: PublicKey, subs: PublicKey[], scores: number[]): Promise<Seating> {
  const { merit, store, connection, validators, accounts } = world;
  await untilChainTime(connection, (await accounts.task(task))!.submissionRevealDeadline);
  const sat: boolean[][] = [];
  const rounds: number[] = [];
  for (const [s, submission] of subs.entries()) {
    const { round, held } = await seats(task, submission);
    assert.ok(held.some((n) => n > 0n), `someone is drawn for submission ${s}`);
    sat.push(held.map((n) => n > 0n));
    rounds.push(round);
  }
  await Promise.all(
    validators.map(async (v, i) => {
      const ixs = [];
      for (const [s, submission] of subs.entries()) {
        if (!sat[s]![i]) continue;
        ixs.push(
          await sdk.commitVote(merit, store, {
            validator: v.publicKey,
            task,
            submission,
            round: rounds[s]!,
            score: scores[s]!,
          }),
        );
      }
      if (ixs.length === 0) return;
      const sigs = await merit.send(sdk.keypairSigner(v), ixs);
      for (const sig of sigs) {
        for (const e of (await txEvents(connection, sig))!.filter((e) => e.name === "voteCommitted")) {
          assert.ok((e.data.validator as PublicKey).equals(v.publicKey));
          assert.ok((e.data.weight as bigint) > 0n);
          const s = subs.findIndex((x) => x.equals(e.data.submission as PublicKey));
          assert.ok((e.data.round as PublicKey).equals(sdk.pda.round(subs[s]!, rounds[s]!)), "committed in the current round");
        }
      }
    }),
  );
  return { rounds, sat };
}

/** Reveals every committed vote for which `reveals(s, i)` holds, in the round it was committed in. */
async function revealAll(
  task: PublicKey,
  subs: PublicKey[],
  seating: Seating,
  reveals: (s: number, i: number) => boolean = () => true,
): Promise<void> {
  const { merit, store, connection, validators, accounts } = world;
  await untilChainTime(connection, (await accounts.task(task))!.commitDeadline);
  await Promise.all(
    validators.map(async (v, i) => {
      const ixs = [];
      for (const [s, submission] of subs.entries()) {
        if (!seating.sat[s]![i] || !reveals(s, i)) continue;
        ixs.push(
          await sdk.revealVote(merit, store, { validator: v.publicKey, task, submission, round: seating.rounds[s]! }),
        );
      }
      if (ixs.length === 0) return;
      await merit.send(sdk.keypairSigner(v), ixs);
    }),
  );
}

/** The open epoch, advanced first (by `keeper`) when it is over: finalizing books into an open epoch. */
async function openEpoch(keeper: Keypair): Promise<bigint> {
  const { merit, accounts, connection } = world;
  const config = await accounts.config();
  const current = (await accounts.epoch(config.currentEpoch))!;
  const now = BigInt(await chainNow(connection));
  if (now < current.end) return config.currentEpoch;
  // `Epoch::next_at`: the epoch containing now (epochs nobody advanced through are skipped).
  const next = config.currentEpoch + 1n + (now - current.end) / config.params.epochLengthSecs;
  await merit.rpc(sdk.keypairSigner(keeper)).advanceEpoch({ keeper: keeper.publicKey, current: config.currentEpoch, next });
  return next;
}

test("a task's whole life through the SDK: post, submit, reveal, draw, commit, reveal, finalize, slash, claim", async () => {
  const { merit, accounts, connection, creator, keeper, validators } = world;
  const [good, bad] = world.contributors;
  const creatorAta = merit.ata(creator.publicKey);
  const creatorBefore = await tokenBalance(connection, creatorAta);

  // The creator escrows the reward and pays the protocol's fee on it, nothing else.
  const { task, sig } = await post({ submit: 6, revealWork: 8, commit: 80, reveal: 8 });
  const created = await only(connection, sig, "taskCreated");
  assert.ok((created.task as PublicKey).equals(task));
  assert.equal(created.reward, 100n * unit);
  // The task account is zero-copy: the SDK's coder reads it field by field all the same.
  const stored = (await world.accounts.task(task))!;
  assert.equal(sdk.taskUri(stored), "ipfs://e2e-spec");
  assert.ok(stored.creator.equals(world.creator.publicKey));
  assert.equal(stored.reward, 100n * unit);
  const fee = created.protocolFee as bigint;
  assert.ok(fee > 0n);
  assert.equal(await tokenBalance(connection, creatorAta), creatorBefore - 100n * unit - fee);

  const subs = await submitAndReveal(task, [good!, bad!]);
  for (const c of [good!, bad!]) {
    assert.ok((await accounts.stake(c.publicKey))!.locked > 0n, "the submission bond is locked");
  }

  // The committee draw: scheduled now; seeded from the chain of slot hashes that starts
  // `DRAW_DELAY_SLOTS` later, ready `DRAW_CHAIN_MAX_SLOTS` after scheduling at the latest.
  const scheduled = await only(
    connection,
    await merit.rpc(sdk.keypairSigner(keeper)).draw({ keeper: keeper.publicKey, task }),
    "drawScheduled",
  );
  assert.equal(scheduled.totalStake, 3n * VALIDATOR_STAKE);
  const target = scheduled.targetSlot as bigint;
  const ready = target - sdk.DRAW_DELAY_SLOTS + sdk.DRAW_CHAIN_MAX_SLOTS;
  await until("the draw's chain of slots", async () => BigInt(await connection.getSlot("confirmed")) > ready, 120);
  const drawn = await only(
    connection,
    await merit.rpc(sdk.keypairSigner(keeper)).draw({ keeper: keeper.publicKey, task }),
    "committeeDrawn",
  );
  assert.ok((drawn.owner as PublicKey).equals(task), "the task's draw: every submission's round 1");
  assert.equal(drawn.fromFallback, false);
  assert.ok((drawn.slot as bigint) > target && (drawn.slot as bigint) <= ready, "the chain's last slot");
  assert.ok((await accounts.task(task))!.draw.drawn);

  // Three equal validators, a committee of three: each holds one seat on each submission.
  const seating = await commitAll(task, subs, [84, 12]);
  assert.deepEqual(seating.rounds, [1, 1], "judged in round 1");
  assert.deepEqual(seating.sat, [
    [true, true, true],
    [true, true, true],
  ]);
  for (const submission of subs) {
    const round = (await accounts.roundOf(submission, 1))!;
    assert.equal(round.voteCount, 3);
    assert.equal((await accounts.votesOfRound(sdk.pda.round(submission, 1))).length, 3);
  }
  await revealAll(task, subs, seating);

  // After the reveal window anyone finalizes: closing each submission's round, whose
  // consensus decides its outcome.
  const t = (await accounts.task(task))!;
  await untilChainTime(connection, t.revealDeadline);
  const epoch = await openEpoch(keeper);
  const finalized = [];
  for (const [s, c] of [good!, bad!].entries()) {
    const submission = (await accounts.submission(subs[s]!))!;
    const fsig = await merit.rpc(sdk.keypairSigner(keeper)).finalizeSubmission({
      keeper: keeper.publicKey,
      task,
      contributor: c.publicKey,
      epoch,
      contentHash: submission.contentRevealed ? submission.contentHash : null,
      round: submission.contentRevealed ? submission.round : null,
      openNext: false,
    });
    const closed = await only(connection, fsig, "roundClosed");
    assert.equal(closed.decided, true);
    assert.equal(closed.index, 1);
    finalized.push(await only(connection, fsig, "submissionFinalized"));
    const round = (await accounts.roundOf(subs[s]!, 1))!;
    assert.ok("decided" in round.state);
    assert.equal(round.consensus, [84, 12][s]);
  }
  assert.deepEqual(finalized[0]!.outcome, { accepted: {} });
  assert.equal(finalized[0]!.consensusScore, 84);
  assert.deepEqual(finalized[1]!.outcome, { rejected: {} });
  assert.equal(finalized[1]!.consensusScore, 12);
  const taskFinalized = await only(
    connection,
    await merit.rpc(sdk.keypairSigner(keeper)).finalizeTask({ keeper: keeper.publicKey, task }),
    "taskFinalized",
  );
  assert.equal(taskFinalized.accepted, 1);

  // The rejected work's bond is slashed by whoever calls; the caller is paid a share.
  const slashSig = await merit.rpc(sdk.keypairSigner(keeper)).slashSubmission({
    slasher: keeper.publicKey,
    task,
    contributor: bad!.publicKey,
  });
  const slashed = await only(connection, slashSig, "slashed");
  assert.ok((slashed.offender as PublicKey).equals(bad!.publicKey));
  assert.equal(slashed.amount, t.bond);
  assert.ok((slashed.toSlasher as bigint) > 0n);
  assert.equal(await tokenBalance(connection, merit.ata(keeper.publicKey)), slashed.toSlasher);
  // The treasury's share waits in the stake vault until anyone sweeps it.
  const pending = (await accounts.config()).treasuryPending;
  assert.equal(pending, slashed.toTreasury);
  const treasuryVault = (await accounts.config()).treasuryVault;
  const treasuryBefore = await tokenBalance(connection, treasuryVault);
  const swept = await only(
    connection,
    await merit.rpc(sdk.keypairSigner(keeper)).sweepTreasury({ caller: keeper.publicKey }),
    "treasurySwept",
  );
  assert.equal(swept.amount, pending);
  assert.equal(await tokenBalance(connection, treasuryVault), treasuryBefore + pending);
  assert.equal((await accounts.config()).treasuryPending, 0n);

  // Claims, pulled once each: the accepted work's reward, every coherent vote's share.
  const goodAta = merit.ata(good!.publicKey);
  const goodBefore = await tokenBalance(connection, goodAta);
  const claimSig = await merit.rpc(sdk.keypairSigner(good!)).claimSubmission({ contributor: good!.publicKey, task });
  const claimed = await only(connection, claimSig, "submissionClaimed");
  assert.ok((claimed.reward as bigint) > 0n);
  assert.equal(await tokenBalance(connection, goodAta), goodBefore + (claimed.reward as bigint));
  assert.equal((await accounts.stake(good!.publicKey))!.locked, 0n, "the bond is unlocked");

  for (const v of validators) {
    const ata = merit.ata(v.publicKey);
    const before = await tokenBalance(connection, ata);
    const ixs = await sdk.claimAll(merit, v.publicKey, await chainNow(connection));
    assert.ok(ixs.length >= 2, "a vote claim per submission");
    const sigs = await merit.send(sdk.keypairSigner(v), ixs);
    let paid = 0n;
    let votes = 0;
    for (const s of sigs) {
      for (const e of (await txEvents(connection, s))!) {
        if (e.name !== "voteClaimed") continue;
        votes += 1;
        paid += e.data.reward as bigint;
      }
    }
    assert.equal(votes, 2, "both coherent votes claimed");
    assert.ok(paid > 0n);
    assert.equal(await tokenBalance(connection, ata), before + paid);
  }
  // A second claim of the same reward is refused by name and pays nothing.
  await assert.rejects(
    merit.rpc(sdk.keypairSigner(good!)).claimSubmission({ contributor: good!.publicKey, task }),
    (e: unknown) => sdk.parseMeritError(e)?.name === "AlreadyClaimed",
  );
});

/** One `merit crank` process and what it printed. */
interface Bot {
  key: Keypair;
  child: ChildProcess;
  out: string[];
  exit: Promise<number | null>;
}

let bots: Bot[] = [];
let botDir: string | undefined;

after(() => {
  for (const b of bots) if (b.child.exitCode === null) b.child.kill("SIGKILL");
  if (botDir) rmSync(botDir, { recursive: true, force: true });
});

function startBot(url: string, key: Keypair, dir: string, name: string): Bot {
  const bin = process.env.MERIT_BIN;
  assert.ok(bin, "set MERIT_BIN to the merit binary (scripts/e2e.sh builds it)");
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(Array.from(key.secretKey)));
  const child = spawn(bin, ["--url", url, "--keypair", file, "crank", "--interval", "1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RUST_LOG: "warn" },
  });
  const out: string[] = [];
  child.stdout!.on("data", (d: Buffer) => out.push(...d.toString().split("\n").filter(Boolean)));
  child.stderr!.on("data", (d: Buffer) => out.push(...d.toString().split("\n").filter(Boolean)));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { key, child, out, exit };
}

/** What each keeper event did, as one key: the item it completed. */
function itemOf(e: sdk.MeritEvent): string | null {
  const d = e.data;
  const k = (v: unknown) => (v as PublicKey).toBase58();
  switch (e.name) {
    case "drawScheduled":
      return `schedule ${k(d.task)}`;
    case "committeeDrawn":
      // The owner is the task (every submission's round 1) or a later round.
      return `draw ${k(d.owner)}`;
    case "roundOpened":
      // A finalization that closed a round deciding nothing and opened the next (the one
      // that ends a submission emits `submissionFinalized`; `roundClosed` comes with both).
      return `open-round ${k(d.round)}`;
    case "submissionFinalized":
      return `finalize ${k(d.submission)}`;
    case "taskFinalized":
      return `finalize-task ${k(d.task)}`;
    case "slashed":
      return `slash ${k(d.target)}`;
    case "epochAdvanced":
      return `advance ${d.closedEpoch as bigint}`;
    case "accountClosed":
      return `close ${k(d.account)}`;
    case "taskExpired":
      return `expire ${k(d.task)}`;
    case "treasurySwept":
      // Each sweep follows a new slash, so the running total names it.
      return `sweep ${d.totalSlashedToTreasury as bigint}`;
    default:
      return null;
  }
}

test("two merit crank bots race for a task's keeper work over JSON-RPC: every item is done once", async (t) => {
  const { url, merit, accounts, connection, faucet } = { ...world, faucet: cluster().faucet };
  botDir = mkdtempSync(join(tmpdir(), "merit-crank-e2e-"));
  const keys = await fundedKeypairs(connection, faucet, 2);
  bots = keys.map((k, i) => startBot(url, k, botDir!, `bot${i}`));

  // The work: draw, finalize both submissions and the task, slash a missing reveal.
  const { task } = await post({ submit: 5, revealWork: 10, commit: 80, reveal: 8 });
  const [c0, c1] = world.contributors.slice(2);
  const subs = await submitAndReveal(task, [c0!, c1!]);
  // The bots schedule the draw once submissions close and seed it once its chain of slots
  // was produced (`DRAW_CHAIN_MAX_SLOTS` later at most).
  await until("a bot draws the committee", async () => (await accounts.task(task))!.draw.drawn, 120);
  const seating = await commitAll(task, subs, [75, 78]);
  const { sat } = seating;
  // The first drawn validator on submission 0 never reveals: its bond is due for slashing
  // once its round is closed.
  const absent = sat[0]!.findIndex((s) => s);
  assert.ok(sat[0]!.filter((s) => s).length >= 2, "a revealer besides the absent validator");
  await revealAll(task, subs, seating, (s, i) => !(s === 0 && i === absent));
  const absentVote = sdk.pda.voteIn(subs[0]!, seating.rounds[0]!, world.validators[absent]!.publicKey);

  // The slash and the sweep land on different passes, and a bot closes the slashed vote on
  // the pass it sweeps. An unrevealed vote closes only once slashed, so gone means slashed.
  let state = "";
  await until(
    "the bots finalize, slash, sweep and close the task's work",
    async () => {
      const t = await accounts.task(task);
      const v = await accounts.vote(absentVote);
      const pending = (await accounts.config()).treasuryPending;
      const slashed = v === null || v.slashed;
      state = `finalized ${t?.finalizedAt}, vote ${v === null ? "closed" : `slashed ${v.slashed}`}, pending ${pending}`;
      return t !== null && t.finalizedAt > 0n && slashed && pending === 0n;
    },
    90,
  ).catch((e: Error) => {
    throw new Error(`${e.message} (${state})\n${bots.map((b) => b.out.join("\n")).join("\n--\n")}`);
  });
  for (const s of subs) {
    assert.ok(!("pending" in (await accounts.submission(s))!.outcome), "finalized");
  }

  // Stop both (SIGINT: each finishes the transaction in flight) and read what they did.
  for (const b of bots) b.child.kill("SIGINT");
  const codes = await Promise.all(bots.map((b) => b.exit));
  assert.deepEqual(codes, [0, 0], `both bots stop cleanly:\n${bots.map((b) => b.out.join("\n")).join("\n--\n")}`);

  // Every item either bot completed, from the events in their successful transactions.
  const done = new Map<string, string[]>();
  let slasherTokens = 0n;
  for (const b of bots) {
    for (const s of await successfulSignatures(connection, b.key.publicKey)) {
      for (const e of (await txEvents(connection, s)) ?? []) {
        const item = itemOf(e);
        if (item === null) continue;
        done.set(item, [...(done.get(item) ?? []), s]);
        if (e.name === "slashed") {
          assert.ok((e.data.slasher as PublicKey).equals(b.key.publicKey), "the slasher is paid");
          slasherTokens += e.data.toSlasher as bigint;
        }
      }
    }
  }
  for (const [item, sigs] of done) assert.equal(sigs.length, 1, `${item} done once, not ${sigs.length} times`);
  const expected = [
    `schedule ${task.toBase58()}`,
    `draw ${task.toBase58()}`,
    ...subs.map((s) => `finalize ${s.toBase58()}`),
    `finalize-task ${task.toBase58()}`,
    `slash ${absentVote.toBase58()}`,
  ];
  for (const item of expected) assert.ok(done.has(item), `${item} was done by a bot`);
  // The slash's treasury share, swept by a bot on a later pass.
  assert.ok([...done.keys()].some((i) => i.startsWith("sweep ")), "a bot swept the treasury's share");
  // The slashed share went to the bot that slashed, and only to it.
  const botTokens = await Promise.all(bots.map((b) => tokenBalance(connection, merit.ata(b.key.publicKey))));
  assert.equal(botTokens[0]! + botTokens[1]!, slasherTokens);
  assert.ok(slasherTokens > 0n);

  // What the bots report agrees with the chain: their confirmed items are the items done.
  let confirmed = 0;
  for (const [i, b] of bots.entries()) {
    let mine = 0;
    let lost = 0;
    for (const line of b.out) {
      const m = /^pass: (\d+) due, (\d+) confirmed, (\d+) done by other keepers, (\d+) not ready yet, (\d+) failed/.exec(line);
      if (m) {
        mine += Number(m[2]);
        lost += Number(m[3]);
      }
    }
    t.diagnostic(`bot ${i}: ${mine} items confirmed, ${lost} found done by the other bot`);
    confirmed += mine;
  }
  assert.equal(confirmed, done.size, `bots' reports:\n${bots.map((b) => b.out.join("\n")).join("\n--\n")}`);
  assert.ok(
    bots.every((b) => b.out.some((l) => l.startsWith("pass: "))),
    "both bots found the due work",
  );
});
