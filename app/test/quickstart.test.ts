// The README's quickstart is a test: its lines, read from README.md, run as written
// (imports aside) against a stub cluster serving state the real program produced.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Keypair } from "@solana/web3.js";
import * as sdk from "../src/index.js";
import { sampleInfos, stubConnection } from "./stub.js";

test("the README quickstart posts a task and claims, in five lines", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /```ts quickstart\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, "README.md has a ```ts quickstart block");
  const lines = block.split("\n").filter((l) => l.trim() && !l.startsWith("import "));
  assert.ok(lines.length <= 5, `the quickstart is ${lines.length} lines`);
  const stub = stubConnection(sampleInfos());
  const keypair = Keypair.generate();
  const specHash = new Uint8Array(32).fill(9);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  const names = ["connection", "keypair", "specHash", ...Object.keys(sdk)];
  const values = [stub.connection, keypair, specHash, ...Object.values(sdk)];
  const body = `${lines.join("\n")}\nreturn { task, merit };`;
  const { task, merit } = (await new AsyncFunction(...names, body)(...values)) as {
    task: sdk.PublicKey;
    merit: sdk.MeritClient;
  };
  // The task's creation was signed by the wallet and sent.
  const discriminator = merit.program.idl.instructions.find((i) => i.name === "createTask")!.discriminator;
  const data = stub.sent[0]!.instructions[0]!.data;
  assert.deepEqual([...data.subarray(0, 8)], discriminator, "the first transaction creates the task");
  assert.ok(stub.sent[0]!.feePayer?.equals(keypair.publicKey));
  // The program's default id: past the creator's live tasks (none) and the cluster's clock.
  const clock = await sdk.clusterNow(stub.connection);
  assert.ok(task.equals(sdk.pda.task(keypair.publicKey, sdk.defaultTaskId(undefined, clock))));
});

test("the repository's README shows the same TypeScript quickstart", () => {
  const quickstart = (path: string, fence: RegExp) => fence.exec(readFileSync(new URL(path, import.meta.url), "utf8"))?.[1];
  const tested = quickstart("../README.md", /```ts quickstart\n([\s\S]*?)```/);
  const shown = quickstart("../../README.md", /### TypeScript[\s\S]*?```ts\n([\s\S]*?)```/);
  assert.ok(tested && shown, "both READMEs have the block");
  assert.equal(shown, tested, "README.md's copy is the tested one, line for line");
});
