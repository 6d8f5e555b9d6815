// `anchor migrate` runs this after `anchor deploy`: it initializes the Merit config with
// the TypeScript SDK (app/), the deployer becoming admin. Set MERIT_STAKE_MINT to the
// stake mint; MERIT_TOKEN_PROGRAM to the Token-2022 program id if the mint uses it.
// Running it again is a no-op once the config exists.
import type { AnchorProvider } from "../app/src/index.js" with { "resolution-mode": "import" };

module.exports = async function (provider: AnchorProvider): Promise<void> {
  const sdk = await import("../app/src/index.js");
  const mintAddress = process.env.MERIT_STAKE_MINT;
  if (!mintAddress) throw new Error("set MERIT_STAKE_MINT to the stake mint's address");
  const stakeMint = new sdk.PublicKey(mintAddress);
  const tokenProgram = new sdk.PublicKey(
    process.env.MERIT_TOKEN_PROGRAM ?? sdk.TOKEN_PROGRAM_ID.toBase58(),
  );
  const program = sdk.meritProgram(provider.connection);
  if (await provider.connection.getAccountInfo(sdk.pda.config())) {
    console.log("merit: config already initialized at", sdk.pda.config().toBase58());
    return;
  }
  const mint = await provider.connection.getParsedAccountInfo(stakeMint);
  const parsed = mint.value?.data;
  const decimals =
    parsed && "parsed" in parsed ? Number(parsed.parsed.info.decimals) : 6;
  const client = new sdk.MeritClient(program, { stakeMint, tokenProgram });
  const ix = await client.initialize({
    admin: provider.wallet.publicKey,
    params: sdk.defaultConfigParams(decimals),
  });
  const signature = await provider.sendAndConfirm(new sdk.Transaction().add(ix));
  console.log("merit: initialized config", sdk.pda.config().toBase58(), "in", signature);
};
