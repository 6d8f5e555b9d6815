/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `target/idl/merit.json`.
 */
export type Merit = {
  "address": "MeRiTqY5bJ3v7c6CTaJ8Ue8ESs8nq5V1xLQ8ZVoEP6F",
  "metadata": {
    "name": "merit",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Merit: stake-weighted, commit-reveal judged rewards for useful AI work"
  },
  "instructions": [
    {
      "name": "acceptAdmin",
      "docs": [
        "Pending admin: accepts the role."
      ],
      "discriminator": [
        112,
        42,
        45,
        90,
        116,
        181,
        13,
        170
      ],
      "accounts": [
        {
          "name": "newAdmin",
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "advanceEpoch",
      "docs": [
        "Anyone, once the current epoch has ended: closes it (fixing its emission) and",
        "opens the epoch containing now (`next_index`); pays a bounty from the keeper pool."
      ],
      "discriminator": [
        93,
        138,
        234,
        218,
        241,
        230,
        132,
        38
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "Anyone; pays the new epoch's rent and is repaid, with the bounty, from the",
            "keeper pool as far as it goes."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "currentEpoch",
          "writable": true
        },
        {
          "name": "nextEpoch",
          "docs": [
            "`init_if_needed` so that a replayed advance reaches the named",
            "`EpochAlreadyClosed` check instead of failing inside the system program; an",
            "existing epoch is refused by `next_epoch.version == 0`."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "arg",
                "path": "nextIndex"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "nextIndex",
          "type": "u64"
        }
      ]
    },
    {
      "name": "applyConfig",
      "docs": [
        "Anyone, once the timelock has elapsed: applies the pending parameters (running",
        "tasks keep the rules they snapshotted)."
      ],
      "discriminator": [
        121,
        42,
        53,
        8,
        51,
        150,
        105,
        249
      ],
      "accounts": [
        {
          "name": "caller",
          "docs": [
            "Anyone: it can only apply what the admin proposed, after the timelock."
          ],
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "cancelConfig",
      "docs": [
        "Admin: withdraws the pending parameter proposal."
      ],
      "discriminator": [
        91,
        124,
        207,
        75,
        179,
        108,
        227,
        13
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "cancelTask",
      "docs": [
        "Task creator: cancels a task that has no submission, refunding everything."
      ],
      "discriminator": [
        69,
        228,
        134,
        187,
        134,
        105,
        238,
        48
      ],
      "accounts": [
        {
          "name": "creator",
          "writable": true,
          "signer": true,
          "relations": [
            "task"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true
        },
        {
          "name": "taskVault",
          "writable": true
        },
        {
          "name": "creatorToken",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "claimSubmission",
      "docs": [
        "Contributor: after the task is finalized, unlocks the bond and takes the reward."
      ],
      "discriminator": [
        244,
        152,
        0,
        66,
        138,
        163,
        234,
        247
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "claimant",
              "writable": true,
              "signer": true
            },
            {
              "name": "config"
            },
            {
              "name": "task",
              "writable": true
            },
            {
              "name": "stake",
              "writable": true
            },
            {
              "name": "taskVault",
              "writable": true
            },
            {
              "name": "claimantToken",
              "writable": true
            },
            {
              "name": "vesting",
              "docs": [
                "The claimant's vesting account (`[\"vesting\", claimant]`): pass it (clients always",
                "do). Read, or created when missing, only when the task's reward vests."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "vestingVault",
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "submission",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "claimSubmissionEmission",
      "docs": [
        "Contributor: after its epoch closes, takes an accepted submission's emission share."
      ],
      "discriminator": [
        86,
        128,
        180,
        163,
        68,
        92,
        59,
        9
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "claimant",
              "writable": true,
              "signer": true
            },
            {
              "name": "config",
              "writable": true
            },
            {
              "name": "emissionVault",
              "writable": true
            },
            {
              "name": "claimantToken",
              "writable": true
            },
            {
              "name": "vesting",
              "docs": [
                "The claimant's vesting account (`[\"vesting\", claimant]`): pass it (clients always",
                "do). Read, or created when missing, only when the epoch's emission vests."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "vestingVault",
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "task",
          "docs": [
            "The submission's task, whose emission cap bounds the claim."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "claimVote",
      "docs": [
        "Validator: after its round is closed, unlocks the bond and takes the reward."
      ],
      "discriminator": [
        142,
        82,
        211,
        173,
        147,
        246,
        121,
        89
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "claimant",
              "writable": true,
              "signer": true
            },
            {
              "name": "config"
            },
            {
              "name": "task",
              "writable": true
            },
            {
              "name": "stake",
              "writable": true
            },
            {
              "name": "taskVault",
              "writable": true
            },
            {
              "name": "claimantToken",
              "writable": true
            },
            {
              "name": "vesting",
              "docs": [
                "The claimant's vesting account (`[\"vesting\", claimant]`): pass it (clients always",
                "do). Read, or created when missing, only when the task's reward vests."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "vestingVault",
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "round",
          "writable": true,
          "relations": [
            "vote"
          ]
        },
        {
          "name": "vote",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "claimVoteEmission",
      "docs": [
        "Validator: after its epoch closes, takes a claimed coherent vote's emission share."
      ],
      "discriminator": [
        237,
        10,
        226,
        88,
        166,
        73,
        76,
        130
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "claimant",
              "writable": true,
              "signer": true
            },
            {
              "name": "config",
              "writable": true
            },
            {
              "name": "emissionVault",
              "writable": true
            },
            {
              "name": "claimantToken",
              "writable": true
            },
            {
              "name": "vesting",
              "docs": [
                "The claimant's vesting account (`[\"vesting\", claimant]`): pass it (clients always",
                "do). Read, or created when missing, only when the epoch's emission vests."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "vestingVault",
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "epoch",
          "writable": true
        },
        {
          "name": "vote",
          "writable": true
        },
        {
          "name": "task",
          "docs": [
            "The vote's task, whose emission cap bounds the claim."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "closeContentClaim",
      "docs": [
        "Closes a released content claim no revealed submission is pending on (anyone, when",
        "the work was Rejected; its author, otherwise), returning its rent to whoever paid it."
      ],
      "discriminator": [
        125,
        88,
        99,
        242,
        133,
        122,
        165,
        222
      ],
      "accounts": [
        {
          "name": "closer",
          "docs": [
            "Anyone when the work was Rejected; otherwise only the claim's author."
          ],
          "signer": true
        },
        {
          "name": "contentClaim",
          "writable": true
        },
        {
          "name": "payer",
          "writable": true,
          "relations": [
            "contentClaim"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "closeRound",
      "docs": [
        "Anyone: closes a closed round whose votes are all closed, returning its rent to",
        "whoever opened it."
      ],
      "discriminator": [
        149,
        14,
        81,
        88,
        230,
        226,
        234,
        37
      ],
      "accounts": [
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "round",
          "writable": true
        },
        {
          "name": "payer",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "closeSubmission",
      "docs": [
        "Anyone: closes a settled submission, returning its rent to the contributor."
      ],
      "discriminator": [
        204,
        237,
        166,
        65,
        57,
        7,
        11,
        105
      ],
      "accounts": [
        {
          "name": "task",
          "writable": true,
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "contributor",
          "writable": true,
          "relations": [
            "submission"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "closeVote",
      "docs": [
        "Anyone: closes a settled vote (or absence record), returning its rent to its payer."
      ],
      "discriminator": [
        137,
        152,
        87,
        249,
        170,
        239,
        133,
        59
      ],
      "accounts": [
        {
          "name": "round",
          "writable": true,
          "relations": [
            "vote"
          ]
        },
        {
          "name": "vote",
          "writable": true
        },
        {
          "name": "payer",
          "docs": [
            "pinned to `vote.payer` by `has_one`."
          ],
          "writable": true,
          "relations": [
            "vote"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "commitVote",
      "docs": [
        "Staked validator drawn for a round's committee: commits a hidden score during the",
        "round's commit window, locking a bond."
      ],
      "discriminator": [
        134,
        97,
        90,
        126,
        91,
        66,
        16,
        26
      ],
      "accounts": [
        {
          "name": "validator",
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission"
        },
        {
          "name": "round",
          "docs": [
            "The submission's round under way."
          ],
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "validatorSubmission",
          "docs": [
            "contributor may not judge where it competes (`Round::seat_check`)."
          ],
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  117,
                  98,
                  109,
                  105,
                  115,
                  115,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "task"
              },
              {
                "kind": "account",
                "path": "validator"
              }
            ]
          }
        },
        {
          "name": "vote",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  111,
                  116,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "round"
              },
              {
                "kind": "account",
                "path": "validator"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "commitment",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        }
      ]
    },
    {
      "name": "createTask",
      "docs": [
        "Anyone: posts a task, escrowing its reward and the keeper bounties."
      ],
      "discriminator": [
        194,
        80,
        6,
        180,
        232,
        127,
        48,
        171
      ],
      "accounts": [
        {
          "name": "creator",
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  97,
                  115,
                  107
                ]
              },
              {
                "kind": "account",
                "path": "creator"
              },
              {
                "kind": "arg",
                "path": "args.id"
              }
            ]
          }
        },
        {
          "name": "taskVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  97,
                  115,
                  107,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "task"
              }
            ]
          }
        },
        {
          "name": "creatorToken",
          "writable": true
        },
        {
          "name": "treasuryVault",
          "docs": [
            "Receives the task's protocol fee."
          ],
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "createTaskArgs"
            }
          }
        }
      ]
    },
    {
      "name": "depositStake",
      "docs": [
        "Anyone: deposits stake tokens (creates the stake account on first use)."
      ],
      "discriminator": [
        160,
        167,
        9,
        220,
        74,
        243,
        228,
        43
      ],
      "accounts": [
        {
          "name": "owner",
          "writable": true,
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  116,
                  97,
                  107,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "owner"
              }
            ]
          }
        },
        {
          "name": "ownerToken",
          "writable": true
        },
        {
          "name": "stakeVault",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "draw",
      "docs": [
        "Anyone, after submissions close and before commits close: schedules the task's",
        "committee draw (first call) or seeds it from the target's chain of slot hashes (or",
        "its fallback, once the target aged out); pays a bounty."
      ],
      "discriminator": [
        61,
        40,
        62,
        184,
        31,
        176,
        24,
        130
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "Anyone; receives the keeper bounty."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true
        },
        {
          "name": "slotHashes",
          "docs": [
            "large to deserialize) by `sortition::chain`."
          ],
          "address": "SysvarS1otHashes111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "drawRound",
      "docs": [
        "Anyone, before a later round's draw deadline: seeds its committee (scheduled when",
        "the round was opened) and opens its windows; pays a bounty."
      ],
      "discriminator": [
        193,
        98,
        43,
        206,
        179,
        168,
        227,
        135
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "Anyone; receives the keeper bounty."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "docs": [
            "The round's task: its clock, and the bounty."
          ],
          "writable": true
        },
        {
          "name": "round",
          "writable": true
        },
        {
          "name": "slotHashes",
          "address": "SysvarS1otHashes111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "expireEpoch",
      "docs": [
        "Anyone, once a closed epoch's claim window has passed: its unclaimed emission goes",
        "back to the vault for later epochs; later claims pay nothing."
      ],
      "discriminator": [
        62,
        0,
        93,
        101,
        17,
        210,
        169,
        64
      ],
      "accounts": [
        {
          "name": "caller",
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "epoch",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "expireTask",
      "docs": [
        "Anyone, once a finalized task's claim window has passed: what it still owes",
        "becomes the creator's to reclaim; later claims unlock bonds but pay nothing."
      ],
      "discriminator": [
        116,
        94,
        206,
        205,
        170,
        51,
        156,
        98
      ],
      "accounts": [
        {
          "name": "caller",
          "signer": true
        },
        {
          "name": "task",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "finalizeSubmission",
      "docs": [
        "Anyone, once a submission's round is over: closes it. A round that decided nothing",
        "opens the next (the caller pays its rent, returned at `close_round`); otherwise the",
        "outcome is final. Pays a bounty."
      ],
      "discriminator": [
        81,
        226,
        24,
        23,
        32,
        122,
        132,
        23
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "Anyone; receives the keeper bounty (and pays a next round's rent, returned when the",
            "round is closed)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true,
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "round",
          "docs": [
            "The submission's round under way: pass it exactly when the content was revealed."
          ],
          "writable": true,
          "optional": true
        },
        {
          "name": "nextRound",
          "docs": [
            "The next round: pass it exactly when this round decides nothing and a round is",
            "left (`Submission::close_check`); it is opened here."
          ],
          "writable": true,
          "optional": true
        },
        {
          "name": "stake",
          "docs": [
            "The contributor's stake, whose reputation the outcome updates."
          ],
          "writable": true
        },
        {
          "name": "epoch",
          "docs": [
            "The open epoch, which collects the merit points."
          ],
          "writable": true
        },
        {
          "name": "contentClaim",
          "docs": [
            "The claim on the submission's content: pass it exactly when the content was",
            "revealed (it decides between the submission's own outcome and `Duplicate`)."
          ],
          "writable": true,
          "optional": true
        },
        {
          "name": "taskVault",
          "writable": true
        },
        {
          "name": "treasuryVault",
          "docs": [
            "Receives what no judge earned."
          ],
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "finalizeTask",
      "docs": [
        "Anyone, once every submission is final: finalizes the task; pays a bounty."
      ],
      "discriminator": [
        126,
        39,
        210,
        32,
        77,
        211,
        27,
        199
      ],
      "accounts": [
        {
          "name": "keeper",
          "docs": [
            "Anyone; receives the keeper bounty."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true
        },
        {
          "name": "taskVault",
          "writable": true
        },
        {
          "name": "treasuryVault",
          "docs": [
            "Receives the contributor pool's share of work that ended unjudged."
          ],
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "fundEmissions",
      "docs": [
        "Anyone: adds tokens to the emission vault and lamports to the keeper pool."
      ],
      "discriminator": [
        148,
        169,
        23,
        74,
        171,
        24,
        144,
        253
      ],
      "accounts": [
        {
          "name": "funder",
          "writable": true,
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "funderToken",
          "writable": true
        },
        {
          "name": "emissionVault",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        },
        {
          "name": "lamports",
          "type": "u64"
        }
      ]
    },
    {
      "name": "initialize",
      "docs": [
        "Creates the config and the stake and treasury vaults. Called once, right after",
        "deploy, by the deployer, who becomes admin."
      ],
      "discriminator": [
        175,
        175,
        109,
        31,
        13,
        152,
        155,
        237
      ],
      "accounts": [
        {
          "name": "admin",
          "writable": true,
          "signer": true
        },
        {
          "name": "config",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  102,
                  105,
                  103
                ]
              }
            ]
          }
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "stakeVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  116,
                  97,
                  107,
                  101,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "treasuryVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  101,
                  97,
                  115,
                  117,
                  114,
                  121
                ]
              }
            ]
          }
        },
        {
          "name": "emissionVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  109,
                  105,
                  115,
                  115,
                  105,
                  111,
                  110,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "vestingVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  101,
                  115,
                  116,
                  105,
                  110,
                  103,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "firstEpoch",
          "docs": [
            "Epoch 0 opens now."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  112,
                  111,
                  99,
                  104
                ]
              },
              {
                "kind": "const",
                "value": [
                  0,
                  0,
                  0,
                  0,
                  0,
                  0,
                  0,
                  0
                ]
              }
            ]
          }
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "configParams"
            }
          }
        }
      ]
    },
    {
      "name": "proposeAdmin",
      "docs": [
        "Admin: proposes a new admin (`None` withdraws the proposal)."
      ],
      "discriminator": [
        121,
        214,
        199,
        212,
        87,
        39,
        117,
        234
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "newAdmin",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "proposeConfig",
      "docs": [
        "Admin: proposes new protocol parameters (validated), applicable after the current",
        "`param_timelock_secs`; replaces an earlier proposal."
      ],
      "discriminator": [
        163,
        247,
        238,
        160,
        236,
        129,
        153,
        160
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "configParams"
            }
          }
        }
      ]
    },
    {
      "name": "reclaimTask",
      "docs": [
        "Task creator: after finalization, takes back what no one can claim; closes the",
        "task once everything is settled."
      ],
      "discriminator": [
        60,
        184,
        24,
        131,
        0,
        184,
        15,
        30
      ],
      "accounts": [
        {
          "name": "creator",
          "writable": true,
          "signer": true,
          "relations": [
            "task"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true
        },
        {
          "name": "taskVault",
          "writable": true
        },
        {
          "name": "creatorToken",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "reportAbsence",
      "docs": [
        "Anyone, once a round's commit window closed: proves that a validator drawn for it",
        "never committed; the validator loses what an incoherent vote would and the caller",
        "gets the slasher's share."
      ],
      "discriminator": [
        8,
        59,
        42,
        191,
        189,
        187,
        82,
        83
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "slasher",
              "docs": [
                "Anyone; receives `slasher_reward_bps` of the slash."
              ],
              "writable": true,
              "signer": true
            },
            {
              "name": "config",
              "writable": true
            },
            {
              "name": "stakeVault",
              "writable": true
            },
            {
              "name": "vestingVault",
              "writable": true
            },
            {
              "name": "treasuryVault",
              "writable": true
            },
            {
              "name": "slasherToken",
              "writable": true
            },
            {
              "name": "slasherVesting",
              "docs": [
                "The slasher's vesting account: receives the slasher's share of what the slash",
                "takes from the offender's unvested rewards. Without it that share goes to the",
                "treasury. Not when slashing your own stake (`SelfSlashVesting`).",
                "Read, or created when missing, only when the slash moves unvested tokens."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "task",
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission"
        },
        {
          "name": "round",
          "writable": true
        },
        {
          "name": "stake",
          "docs": [
            "The silent validator's stake."
          ],
          "writable": true
        },
        {
          "name": "offenderVesting",
          "docs": [
            "The validator's vesting account (`[\"vesting\", validator]`); it may not exist. When it",
            "does, the penalty takes from its unvested balance first."
          ],
          "writable": true
        },
        {
          "name": "validatorSubmission",
          "docs": [
            "competitor could not commit, so it is not absent (`Round::seat_check`)."
          ],
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  117,
                  98,
                  109,
                  105,
                  115,
                  115,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "task"
              },
              {
                "kind": "account",
                "path": "stake.owner",
                "account": "stake"
              }
            ]
          }
        },
        {
          "name": "vote",
          "docs": [
            "The validator's vote address in this round: it must hold no vote. The record of the",
            "absence is created here, so the same silence is reported once."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  111,
                  116,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "round"
              },
              {
                "kind": "account",
                "path": "stake.owner",
                "account": "stake"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "requestUnstake",
      "docs": [
        "Stake owner: starts the cooldown on `amount` of unlocked stake."
      ],
      "discriminator": [
        44,
        154,
        110,
        253,
        160,
        202,
        54,
        34
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "revealSubmission",
      "docs": [
        "The contributor: reveals the committed content hash and its URI after submissions",
        "close, taking the content's claim if its commitment is the earliest, and opens the",
        "submission's first judging round."
      ],
      "discriminator": [
        228,
        50,
        167,
        98,
        252,
        244,
        67,
        209
      ],
      "accounts": [
        {
          "name": "contributor",
          "docs": [
            "The contributor; pays the content claim's rent when it is new."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "submission"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "contentClaim",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  116,
                  101,
                  110,
                  116
                ]
              },
              {
                "kind": "arg",
                "path": "contentHash"
              }
            ]
          }
        },
        {
          "name": "round",
          "docs": [
            "The submission's first judging round, opened by this reveal (`init_if_needed` so",
            "that a second reveal fails by name, `SubmissionAlreadyRevealed`, not inside the",
            "system program)."
          ],
          "writable": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "contentHash",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "salt",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "uri",
          "type": "string"
        }
      ]
    },
    {
      "name": "revealVote",
      "docs": [
        "Validator: reveals the committed score and salt during the reveal window."
      ],
      "discriminator": [
        100,
        157,
        139,
        17,
        186,
        75,
        185,
        149
      ],
      "accounts": [
        {
          "name": "validator",
          "signer": true,
          "relations": [
            "vote"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission"
        },
        {
          "name": "round",
          "writable": true,
          "relations": [
            "vote"
          ]
        },
        {
          "name": "vote",
          "writable": true
        },
        {
          "name": "stake",
          "docs": [
            "The validator's stake, read for the reputation multiplier."
          ]
        }
      ],
      "args": [
        {
          "name": "score",
          "type": "u8"
        },
        {
          "name": "salt",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        }
      ]
    },
    {
      "name": "setPaused",
      "docs": [
        "Admin: pauses or resumes new activity (deposit, create task, submit, commit). A",
        "pause ends by itself after `MAX_PAUSE_SECS`; the next may start as long after."
      ],
      "discriminator": [
        91,
        60,
        125,
        192,
        176,
        225,
        166,
        218
      ],
      "accounts": [
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "config"
          ]
        },
        {
          "name": "config",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "paused",
          "type": "bool"
        }
      ]
    },
    {
      "name": "slashSubmission",
      "docs": [
        "Anyone: slashes a Rejected submission's bond; pays the caller a share."
      ],
      "discriminator": [
        218,
        124,
        237,
        58,
        175,
        39,
        27,
        228
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "slasher",
              "docs": [
                "Anyone; receives `slasher_reward_bps` of the slash."
              ],
              "writable": true,
              "signer": true
            },
            {
              "name": "config",
              "writable": true
            },
            {
              "name": "stakeVault",
              "writable": true
            },
            {
              "name": "vestingVault",
              "writable": true
            },
            {
              "name": "treasuryVault",
              "writable": true
            },
            {
              "name": "slasherToken",
              "writable": true
            },
            {
              "name": "slasherVesting",
              "docs": [
                "The slasher's vesting account: receives the slasher's share of what the slash",
                "takes from the offender's unvested rewards. Without it that share goes to the",
                "treasury. Not when slashing your own stake (`SelfSlashVesting`).",
                "Read, or created when missing, only when the slash moves unvested tokens."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "task",
          "relations": [
            "submission"
          ]
        },
        {
          "name": "submission",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "offenderVesting",
          "docs": [
            "The contributor's vesting account (`[\"vesting\", contributor]`); it may not exist. When it",
            "does, the slash takes from its unvested balance first."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "slashVote",
      "docs": [
        "Anyone: slashes an unrevealed or incoherent vote; pays the caller a share."
      ],
      "discriminator": [
        91,
        174,
        61,
        188,
        51,
        206,
        72,
        99
      ],
      "accounts": [
        {
          "name": "payout",
          "accounts": [
            {
              "name": "slasher",
              "docs": [
                "Anyone; receives `slasher_reward_bps` of the slash."
              ],
              "writable": true,
              "signer": true
            },
            {
              "name": "config",
              "writable": true
            },
            {
              "name": "stakeVault",
              "writable": true
            },
            {
              "name": "vestingVault",
              "writable": true
            },
            {
              "name": "treasuryVault",
              "writable": true
            },
            {
              "name": "slasherToken",
              "writable": true
            },
            {
              "name": "slasherVesting",
              "docs": [
                "The slasher's vesting account: receives the slasher's share of what the slash",
                "takes from the offender's unvested rewards. Without it that share goes to the",
                "treasury. Not when slashing your own stake (`SelfSlashVesting`).",
                "Read, or created when missing, only when the slash moves unvested tokens."
              ],
              "writable": true,
              "optional": true
            },
            {
              "name": "stakeMint"
            },
            {
              "name": "tokenProgram"
            },
            {
              "name": "systemProgram",
              "address": "11111111111111111111111111111111"
            }
          ]
        },
        {
          "name": "task"
        },
        {
          "name": "round",
          "relations": [
            "vote"
          ]
        },
        {
          "name": "vote",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "offenderVesting",
          "docs": [
            "The validator's vesting account (`[\"vesting\", validator]`); it may not exist. When it",
            "does, the slash takes from its unvested balance first."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "submit",
      "docs": [
        "Staked contributor: commits to hidden work before the submission deadline, under",
        "the task's terms (`terms_hash`), bonding stake and paying the task's fee."
      ],
      "discriminator": [
        88,
        166,
        102,
        181,
        162,
        127,
        170,
        48
      ],
      "accounts": [
        {
          "name": "contributor",
          "writable": true,
          "signer": true
        },
        {
          "name": "config"
        },
        {
          "name": "task",
          "writable": true
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "submission",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  117,
                  98,
                  109,
                  105,
                  115,
                  115,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "task"
              },
              {
                "kind": "account",
                "path": "contributor"
              }
            ]
          }
        },
        {
          "name": "contributorToken",
          "docs": [
            "Pays the submission fee."
          ],
          "writable": true
        },
        {
          "name": "taskVault",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "commitment",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "termsHash",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        }
      ]
    },
    {
      "name": "sweepTreasury",
      "docs": [
        "Anyone: moves the treasury's pending share of slashed stake to the treasury vault."
      ],
      "discriminator": [
        125,
        203,
        4,
        4,
        87,
        34,
        238,
        169
      ],
      "accounts": [
        {
          "name": "caller",
          "docs": [
            "Anyone; pays only the transaction fee."
          ],
          "signer": true
        },
        {
          "name": "config",
          "writable": true
        },
        {
          "name": "stakeVault",
          "writable": true
        },
        {
          "name": "treasuryVault",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "withdrawStake",
      "docs": [
        "Stake owner: withdraws the pending unstake after its cooldown."
      ],
      "discriminator": [
        153,
        8,
        22,
        138,
        105,
        176,
        87,
        66
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "stake"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "stake",
          "writable": true
        },
        {
          "name": "ownerToken",
          "writable": true
        },
        {
          "name": "stakeVault",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "withdrawVested",
      "docs": [
        "Vesting owner: withdraws what has vested so far."
      ],
      "discriminator": [
        104,
        188,
        52,
        194,
        35,
        234,
        95,
        149
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "vesting"
          ]
        },
        {
          "name": "config"
        },
        {
          "name": "vesting",
          "writable": true
        },
        {
          "name": "vestingVault",
          "writable": true
        },
        {
          "name": "ownerToken",
          "writable": true
        },
        {
          "name": "stakeMint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    }
  ],
  "accounts": [
    {
      "name": "config",
      "discriminator": [
        155,
        12,
        170,
        224,
        30,
        250,
        204,
        130
      ]
    },
    {
      "name": "contentClaim",
      "discriminator": [
        100,
        193,
        167,
        11,
        81,
        156,
        167,
        110
      ]
    },
    {
      "name": "epoch",
      "discriminator": [
        93,
        83,
        120,
        89,
        151,
        138,
        152,
        108
      ]
    },
    {
      "name": "round",
      "discriminator": [
        87,
        127,
        165,
        51,
        73,
        78,
        116,
        174
      ]
    },
    {
      "name": "stake",
      "discriminator": [
        150,
        197,
        176,
        29,
        55,
        132,
        112,
        149
      ]
    },
    {
      "name": "submission",
      "discriminator": [
        58,
        194,
        159,
        158,
        75,
        102,
        178,
        197
      ]
    },
    {
      "name": "task",
      "discriminator": [
        79,
        34,
        229,
        55,
        88,
        90,
        55,
        84
      ]
    },
    {
      "name": "vesting",
      "discriminator": [
        100,
        149,
        66,
        138,
        95,
        200,
        128,
        241
      ]
    },
    {
      "name": "vote",
      "discriminator": [
        96,
        91,
        104,
        57,
        145,
        35,
        172,
        155
      ]
    }
  ],
  "events": [
    {
      "name": "accountClosed",
      "discriminator": [
        19,
        250,
        79,
        236,
        91,
        80,
        148,
        48
      ]
    },
    {
      "name": "adminTransferProposed",
      "discriminator": [
        203,
        168,
        175,
        51,
        239,
        104,
        20,
        85
      ]
    },
    {
      "name": "adminTransferred",
      "discriminator": [
        255,
        147,
        182,
        5,
        199,
        217,
        38,
        179
      ]
    },
    {
      "name": "committeeDrawn",
      "discriminator": [
        76,
        183,
        247,
        229,
        157,
        102,
        202,
        194
      ]
    },
    {
      "name": "configInitialized",
      "discriminator": [
        181,
        49,
        200,
        156,
        19,
        167,
        178,
        91
      ]
    },
    {
      "name": "configProposalCancelled",
      "discriminator": [
        39,
        218,
        97,
        147,
        66,
        122,
        22,
        71
      ]
    },
    {
      "name": "configProposed",
      "discriminator": [
        148,
        34,
        23,
        129,
        45,
        161,
        66,
        192
      ]
    },
    {
      "name": "configUpdated",
      "discriminator": [
        40,
        241,
        230,
        122,
        11,
        19,
        198,
        194
      ]
    },
    {
      "name": "drawScheduled",
      "discriminator": [
        37,
        246,
        151,
        31,
        255,
        80,
        134,
        144
      ]
    },
    {
      "name": "emissionClaimed",
      "discriminator": [
        75,
        85,
        135,
        20,
        99,
        229,
        53,
        24
      ]
    },
    {
      "name": "emissionsFunded",
      "discriminator": [
        173,
        82,
        249,
        22,
        225,
        167,
        164,
        178
      ]
    },
    {
      "name": "epochAdvanced",
      "discriminator": [
        41,
        220,
        14,
        123,
        117,
        70,
        117,
        157
      ]
    },
    {
      "name": "epochExpired",
      "discriminator": [
        100,
        30,
        119,
        234,
        71,
        13,
        47,
        170
      ]
    },
    {
      "name": "pauseSet",
      "discriminator": [
        175,
        57,
        198,
        136,
        192,
        66,
        204,
        73
      ]
    },
    {
      "name": "reputationUpdated",
      "discriminator": [
        26,
        36,
        187,
        150,
        235,
        90,
        106,
        89
      ]
    },
    {
      "name": "roundClosed",
      "discriminator": [
        45,
        243,
        28,
        22,
        132,
        70,
        175,
        226
      ]
    },
    {
      "name": "roundOpened",
      "discriminator": [
        99,
        173,
        228,
        72,
        142,
        57,
        109,
        178
      ]
    },
    {
      "name": "slashed",
      "discriminator": [
        98,
        59,
        249,
        154,
        233,
        53,
        98,
        194
      ]
    },
    {
      "name": "stakeDeposited",
      "discriminator": [
        69,
        152,
        144,
        109,
        232,
        34,
        225,
        19
      ]
    },
    {
      "name": "stakeWithdrawn",
      "discriminator": [
        33,
        120,
        159,
        58,
        140,
        255,
        174,
        79
      ]
    },
    {
      "name": "submissionClaimed",
      "discriminator": [
        136,
        49,
        13,
        215,
        55,
        51,
        204,
        88
      ]
    },
    {
      "name": "submissionCommitted",
      "discriminator": [
        162,
        92,
        36,
        109,
        83,
        159,
        59,
        164
      ]
    },
    {
      "name": "submissionFinalized",
      "discriminator": [
        212,
        38,
        73,
        189,
        88,
        7,
        72,
        89
      ]
    },
    {
      "name": "submissionRevealed",
      "discriminator": [
        50,
        0,
        22,
        174,
        138,
        227,
        114,
        145
      ]
    },
    {
      "name": "taskCancelled",
      "discriminator": [
        158,
        101,
        220,
        187,
        16,
        141,
        141,
        64
      ]
    },
    {
      "name": "taskCreated",
      "discriminator": [
        49,
        174,
        6,
        7,
        71,
        159,
        69,
        175
      ]
    },
    {
      "name": "taskExpired",
      "discriminator": [
        36,
        130,
        189,
        154,
        110,
        249,
        231,
        45
      ]
    },
    {
      "name": "taskFinalized",
      "discriminator": [
        154,
        242,
        225,
        183,
        87,
        124,
        101,
        128
      ]
    },
    {
      "name": "taskReclaimed",
      "discriminator": [
        15,
        80,
        9,
        25,
        122,
        11,
        94,
        139
      ]
    },
    {
      "name": "treasurySwept",
      "discriminator": [
        235,
        3,
        4,
        187,
        184,
        147,
        44,
        99
      ]
    },
    {
      "name": "unstakeRequested",
      "discriminator": [
        21,
        253,
        177,
        85,
        129,
        206,
        42,
        152
      ]
    },
    {
      "name": "vestedWithdrawn",
      "discriminator": [
        105,
        42,
        140,
        91,
        39,
        128,
        244,
        57
      ]
    },
    {
      "name": "voteClaimed",
      "discriminator": [
        202,
        182,
        222,
        239,
        140,
        97,
        35,
        245
      ]
    },
    {
      "name": "voteCommitted",
      "discriminator": [
        74,
        67,
        158,
        48,
        168,
        230,
        217,
        77
      ]
    },
    {
      "name": "voteRevealed",
      "discriminator": [
        104,
        162,
        140,
        194,
        213,
        217,
        117,
        179
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "mathOverflow",
      "msg": "Arithmetic overflow or division by zero"
    },
    {
      "code": 6001,
      "name": "protocolPaused",
      "msg": "The protocol is paused: new deposits, tasks, submissions and commits are refused"
    },
    {
      "code": 6002,
      "name": "notAdmin",
      "msg": "Only the admin may do this"
    },
    {
      "code": 6003,
      "name": "notPendingAdmin",
      "msg": "Only the pending admin may accept the admin role"
    },
    {
      "code": 6004,
      "name": "unsupportedTokenProgram",
      "msg": "Stake mint must belong to the SPL Token or Token-2022 program"
    },
    {
      "code": 6005,
      "name": "mintHasTransferFee",
      "msg": "Token-2022 mints with a transfer fee are not supported"
    },
    {
      "code": 6006,
      "name": "mintHasTransferHook",
      "msg": "Token-2022 mints with a transfer hook are not supported"
    },
    {
      "code": 6007,
      "name": "mintHasPermanentDelegate",
      "msg": "Token-2022 mints with a permanent delegate are not supported"
    },
    {
      "code": 6008,
      "name": "mintNonTransferable",
      "msg": "Non-transferable Token-2022 mints are not supported"
    },
    {
      "code": 6009,
      "name": "mintPausable",
      "msg": "Pausable Token-2022 mints are not supported"
    },
    {
      "code": 6010,
      "name": "mintHasCloseAuthority",
      "msg": "Token-2022 mints with a close authority are not supported"
    },
    {
      "code": 6011,
      "name": "mintHasDefaultAccountState",
      "msg": "Token-2022 mints with a default account state are not supported"
    },
    {
      "code": 6012,
      "name": "mintHasFreezeAuthority",
      "msg": "Mints with a freeze authority are not supported"
    },
    {
      "code": 6013,
      "name": "mintExtensionNotAllowed",
      "msg": "This Token-2022 mint extension is not on the allowlist"
    },
    {
      "code": 6014,
      "name": "invalidConfigParam",
      "msg": "A config parameter is out of its allowed range"
    },
    {
      "code": 6015,
      "name": "noPendingConfig",
      "msg": "No parameter change is pending"
    },
    {
      "code": 6016,
      "name": "timelockNotElapsed",
      "msg": "The parameter change's timelock has not elapsed"
    },
    {
      "code": 6017,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6018,
      "name": "insufficientUnlockedStake",
      "msg": "Not enough unlocked stake"
    },
    {
      "code": 6019,
      "name": "nothingToWithdraw",
      "msg": "Nothing is waiting to be unstaked"
    },
    {
      "code": 6020,
      "name": "cooldownNotElapsed",
      "msg": "The unstake cooldown has not elapsed"
    },
    {
      "code": 6021,
      "name": "uriTooLong",
      "msg": "URI is longer than 200 bytes"
    },
    {
      "code": 6022,
      "name": "invalidDeadlines",
      "msg": "Deadlines must be in the future, increasing, and each phase long enough"
    },
    {
      "code": 6023,
      "name": "taskTooLong",
      "msg": "Task lasts longer than the protocol allows"
    },
    {
      "code": 6024,
      "name": "invalidThresholds",
      "msg": "Score thresholds must satisfy 1 <= reject < accept <= 100, within the protocol's bounds"
    },
    {
      "code": 6025,
      "name": "invalidBps",
      "msg": "Basis points must be at most 10,000"
    },
    {
      "code": 6026,
      "name": "invalidMaxSubmissions",
      "msg": "Max submissions must be between 1 and the protocol cap"
    },
    {
      "code": 6027,
      "name": "invalidCommitteeSize",
      "msg": "Committee size must be within the protocol's bounds"
    },
    {
      "code": 6028,
      "name": "bondTooSmall",
      "msg": "Submission bond is below the protocol minimum"
    },
    {
      "code": 6029,
      "name": "invalidQuorum",
      "msg": "Quorum must be at least one seat and no more than the protocol allows for the committee size"
    },
    {
      "code": 6030,
      "name": "notTaskCreator",
      "msg": "Only the task's creator may do this"
    },
    {
      "code": 6031,
      "name": "taskHasSubmissions",
      "msg": "A task can only be cancelled before anything was submitted"
    },
    {
      "code": 6032,
      "name": "submissionWindowClosed",
      "msg": "The submission window is closed"
    },
    {
      "code": 6033,
      "name": "alreadySubmitted",
      "msg": "This contributor already submitted to this task"
    },
    {
      "code": 6034,
      "name": "duplicateContent",
      "msg": "An earlier commitment to this content was already revealed"
    },
    {
      "code": 6035,
      "name": "contentAlreadyPaid",
      "msg": "This content was already paid for once; it is never paid again"
    },
    {
      "code": 6036,
      "name": "termsMismatch",
      "msg": "The task's terms are not the ones the submission was made under"
    },
    {
      "code": 6037,
      "name": "invalidSubmissionFee",
      "msg": "Submission fee is outside the protocol's bounds"
    },
    {
      "code": 6038,
      "name": "submissionRevealClosed",
      "msg": "Submissions can only be revealed after submissions close and before the submission reveal deadline"
    },
    {
      "code": 6039,
      "name": "submissionCommitmentMismatch",
      "msg": "The content hash and salt do not match the submission's commitment"
    },
    {
      "code": 6040,
      "name": "submissionAlreadyRevealed",
      "msg": "This submission was already revealed"
    },
    {
      "code": 6041,
      "name": "submissionNotRevealed",
      "msg": "This submission's content was never revealed"
    },
    {
      "code": 6042,
      "name": "contentClaimMismatch",
      "msg": "A revealed submission is finalized with its content claim; an unrevealed one without"
    },
    {
      "code": 6043,
      "name": "taskFull",
      "msg": "The task accepts no more submissions"
    },
    {
      "code": 6044,
      "name": "commitWindowClosed",
      "msg": "Votes can only be committed after submission reveals close and before commits close"
    },
    {
      "code": 6045,
      "name": "creatorVote",
      "msg": "Task creators may not vote on their own task"
    },
    {
      "code": 6046,
      "name": "stakeBelowMinimum",
      "msg": "Validator's active stake at the draw is below the task's minimum"
    },
    {
      "code": 6047,
      "name": "competitorVote",
      "msg": "Contributors to a task may not judge any submission of that task"
    },
    {
      "code": 6048,
      "name": "committeeNotDrawn",
      "msg": "The task's committee has not been drawn yet"
    },
    {
      "code": 6049,
      "name": "notDrawn",
      "msg": "This validator was not drawn for this submission's committee"
    },
    {
      "code": 6050,
      "name": "drawNotDue",
      "msg": "The committee can be drawn only after submissions close and before commits close"
    },
    {
      "code": 6051,
      "name": "drawNotReady",
      "msg": "The draw's target slots have not all been produced yet"
    },
    {
      "code": 6052,
      "name": "noActiveStake",
      "msg": "No stake is active in this epoch: a committee drawn now would seat nobody"
    },
    {
      "code": 6053,
      "name": "alreadyDrawn",
      "msg": "The committee of this task is already drawn"
    },
    {
      "code": 6054,
      "name": "invalidSlotHashes",
      "msg": "The account passed is not the SlotHashes sysvar"
    },
    {
      "code": 6055,
      "name": "alreadyVoted",
      "msg": "This validator already voted on this submission"
    },
    {
      "code": 6056,
      "name": "tooManyVotes",
      "msg": "The submission has reached its maximum number of votes"
    },
    {
      "code": 6057,
      "name": "revealWindowClosed",
      "msg": "Votes can only be revealed after commits close and before reveals close"
    },
    {
      "code": 6058,
      "name": "scoreOutOfRange",
      "msg": "Score must be between 0 and 100"
    },
    {
      "code": 6059,
      "name": "commitmentMismatch",
      "msg": "The revealed score and salt do not match the commitment"
    },
    {
      "code": 6060,
      "name": "alreadyRevealed",
      "msg": "This vote was already revealed"
    },
    {
      "code": 6061,
      "name": "revealWindowOpen",
      "msg": "The reveal window has not closed yet"
    },
    {
      "code": 6062,
      "name": "alreadyFinalized",
      "msg": "This submission is already finalized"
    },
    {
      "code": 6063,
      "name": "submissionNotFinalized",
      "msg": "This submission is not finalized yet"
    },
    {
      "code": 6064,
      "name": "submissionsPending",
      "msg": "Not every submission of this task is finalized"
    },
    {
      "code": 6065,
      "name": "taskAlreadyFinalized",
      "msg": "This task is already finalized"
    },
    {
      "code": 6066,
      "name": "taskNotFinalized",
      "msg": "This task is not finalized yet"
    },
    {
      "code": 6067,
      "name": "submissionNotRejected",
      "msg": "Only the bond of a rejected, duplicate or unrevealed submission can be slashed"
    },
    {
      "code": 6068,
      "name": "alreadySlashed",
      "msg": "Already slashed"
    },
    {
      "code": 6069,
      "name": "voteNotSlashable",
      "msg": "This vote was revealed and is coherent with consensus: nothing to slash"
    },
    {
      "code": 6070,
      "name": "alreadyClaimed",
      "msg": "Already claimed"
    },
    {
      "code": 6071,
      "name": "submissionRejected",
      "msg": "A rejected, duplicate or unrevealed submission has nothing to claim; its bond is slashed"
    },
    {
      "code": 6072,
      "name": "voteNotRevealed",
      "msg": "An unrevealed vote has nothing to claim; its bond is slashed"
    },
    {
      "code": 6073,
      "name": "voteMustBeSlashedFirst",
      "msg": "This incoherent vote must be slashed before its remaining bond is claimed"
    },
    {
      "code": 6074,
      "name": "notSettled",
      "msg": "This account is not settled yet and cannot be closed"
    },
    {
      "code": 6075,
      "name": "accountMismatch",
      "msg": "The account does not belong to this task or owner"
    },
    {
      "code": 6076,
      "name": "nothingToReclaim",
      "msg": "Nothing is left to reclaim yet"
    },
    {
      "code": 6077,
      "name": "epochStale",
      "msg": "The open epoch has ended: advance the epoch first"
    },
    {
      "code": 6078,
      "name": "epochNotOver",
      "msg": "The current epoch has not ended yet"
    },
    {
      "code": 6079,
      "name": "epochAlreadyClosed",
      "msg": "This epoch is already closed"
    },
    {
      "code": 6080,
      "name": "wrongEpochIndex",
      "msg": "The next epoch index does not match the clock"
    },
    {
      "code": 6081,
      "name": "epochNotClosed",
      "msg": "This epoch is not closed yet"
    },
    {
      "code": 6082,
      "name": "noEmissionPoints",
      "msg": "No merit points to claim emission for"
    },
    {
      "code": 6083,
      "name": "reputationTooLow",
      "msg": "Reputation is below the task's minimum"
    },
    {
      "code": 6084,
      "name": "invalidReputation",
      "msg": "Reputation gates: to submit at most 10,000; to vote at most the score new keys start at"
    },
    {
      "code": 6085,
      "name": "vestingMismatch",
      "msg": "Pass the vesting account and vault together, and always when the reward vests"
    },
    {
      "code": 6086,
      "name": "nothingVested",
      "msg": "Nothing has vested yet"
    },
    {
      "code": 6087,
      "name": "claimWindowOpen",
      "msg": "The claim window has not passed yet"
    },
    {
      "code": 6088,
      "name": "alreadyExpired",
      "msg": "Already expired"
    },
    {
      "code": 6089,
      "name": "taskOverpaid",
      "msg": "Task accounting broken: more paid out, reclaimed or sent to the treasury than escrowed"
    },
    {
      "code": 6090,
      "name": "selfSlashVesting",
      "msg": "Slashing your own stake: pass no slasher vesting account"
    },
    {
      "code": 6091,
      "name": "taskVaultShort",
      "msg": "Task accounting broken: the vault holds less than the task still owes"
    },
    {
      "code": 6092,
      "name": "taskCountsInconsistent",
      "msg": "Task counters inconsistent (submissions, finalized, accepted, unclaimed, open)"
    },
    {
      "code": 6093,
      "name": "taskEmissionOverCap",
      "msg": "Task emission paid beyond its cap, or a cap at or above the protocol fee"
    },
    {
      "code": 6094,
      "name": "stakeOvercommitted",
      "msg": "Stake accounting broken: locked plus unstaking exceeds the deposit"
    },
    {
      "code": 6095,
      "name": "stakeHistoryInconsistent",
      "msg": "Stake history broken: points out of order, or a minimum above its start or the stake"
    },
    {
      "code": 6096,
      "name": "reputationOutOfRange",
      "msg": "Reputation above 10,000 bps"
    },
    {
      "code": 6097,
      "name": "vestingUnbalanced",
      "msg": "Vesting accounting broken: held tokens differ from granted less withdrawn and slashed"
    },
    {
      "code": 6098,
      "name": "submissionCountsInconsistent",
      "msg": "Submission round counters inconsistent (rounds, open rounds)"
    },
    {
      "code": 6099,
      "name": "votesWithoutContent",
      "msg": "A submission has a judging round but its content was never revealed"
    },
    {
      "code": 6100,
      "name": "emissionOverdrawn",
      "msg": "Emission accounting broken: paid plus reserved exceeds what was funded"
    },
    {
      "code": 6101,
      "name": "epochOverclaimed",
      "msg": "Epoch accounting broken: more emission or points claimed than it holds"
    },
    {
      "code": 6102,
      "name": "epochSpanInvalid",
      "msg": "Epoch ends at or before it starts"
    },
    {
      "code": 6103,
      "name": "voteBondExceeded",
      "msg": "Vote accounting broken: more bond remaining than was bonded"
    },
    {
      "code": 6104,
      "name": "voteClaimStateInconsistent",
      "msg": "Vote state inconsistent: reward, points or emission recorded on an unclaimed vote"
    },
    {
      "code": 6105,
      "name": "duplicateTokenAccount",
      "msg": "The same token account was passed for two roles"
    },
    {
      "code": 6106,
      "name": "nothingToSweep",
      "msg": "No slashed stake is waiting to be swept to the treasury"
    },
    {
      "code": 6107,
      "name": "judgingUnderpaid",
      "msg": "The validator share pays a seat less than MIN_JUDGE_PAY_BPS of the bond it risks"
    },
    {
      "code": 6108,
      "name": "submissionFeeBelowFloor",
      "msg": "The submission fee is below the task's floor against slot squatting"
    },
    {
      "code": 6109,
      "name": "roundNotOver",
      "msg": "This judging round's windows have not closed yet"
    },
    {
      "code": 6110,
      "name": "roundClosed",
      "msg": "This judging round is closed"
    },
    {
      "code": 6111,
      "name": "nextRoundRequired",
      "msg": "The round decided nothing and another is due: pass the next round's account"
    },
    {
      "code": 6112,
      "name": "nextRoundNotDue",
      "msg": "Pass a next round's account only when the round decided nothing and a round is left"
    },
    {
      "code": 6113,
      "name": "commitWindowOpen",
      "msg": "The commit window of this round has not closed yet"
    },
    {
      "code": 6114,
      "name": "notAbsent",
      "msg": "Not absent: the validator holds no seat here, could not have committed, or committed"
    },
    {
      "code": 6115,
      "name": "pauseTooSoon",
      "msg": "A new pause may start only MAX_PAUSE_SECS after the last one ended"
    },
    {
      "code": 6116,
      "name": "roundCountsInconsistent",
      "msg": "Round accounting broken: more weight or votes than were committed"
    },
    {
      "code": 6117,
      "name": "windowNotOpen",
      "msg": "Too early: this window has not opened yet (the task's deadlines say when it opens)"
    },
    {
      "code": 6118,
      "name": "contentClaimInconsistent",
      "msg": "Content claim broken: paid without an accepted holder, or a pending holder it does not count"
    }
  ],
  "types": [
    {
      "name": "accountClosed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "account",
            "type": "pubkey"
          },
          {
            "name": "rentReceiver",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "adminTransferProposed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "pendingAdmin",
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "adminTransferred",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "previousAdmin",
            "type": "pubkey"
          },
          {
            "name": "newAdmin",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "committeeDrawn",
      "docs": [
        "A committee seed is fixed: every validator can now compute its seats. `owner` is the",
        "task (every submission's first round) or a later round."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "seed",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "slot",
            "docs": [
              "The last slot of the chain mixed into the seed (0: the target aged out and the seed",
              "is the owner's fallback)."
            ],
            "type": "u64"
          },
          {
            "name": "fromFallback",
            "type": "bool"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "config",
      "docs": [
        "The deployment's single configuration. PDA `[\"config\"]`. Zero-copy",
        "(`AccountLoader`, `repr(C)`, fields ordered by alignment, no implicit padding: checked",
        "against `INIT_SPACE` at compile time): every instruction reads it in place, and the",
        "ones that book into it (stake totals, emissions, the treasury) write it in place,",
        "where Borsh cost about 8,000 compute units to read and write it back."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "stakeVaultBump",
            "type": "u8"
          },
          {
            "name": "treasuryBump",
            "type": "u8"
          },
          {
            "name": "mintDecimals",
            "type": "u8"
          },
          {
            "name": "paused",
            "docs": [
              "When set, deposits, new tasks, submissions and commits are refused."
            ],
            "type": "bool"
          },
          {
            "name": "emissionVaultBump",
            "type": "u8"
          },
          {
            "name": "vestingVaultBump",
            "type": "u8"
          },
          {
            "name": "hasPendingAdmin",
            "docs": [
              "Whether `pending_admin` holds a proposed admin (see [`Config::pending_admin`])."
            ],
            "type": "bool"
          },
          {
            "name": "hasPendingParams",
            "docs": [
              "Whether `pending_params` holds proposed parameters (see [`Config::pending_params`])."
            ],
            "type": "bool"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding (`repr(C)` alignment), always zero."
            ],
            "type": {
              "array": [
                "u8",
                6
              ]
            }
          },
          {
            "name": "admin",
            "docs": [
              "May update parameters, pause, and hand the role over."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingAdmin",
            "docs": [
              "Proposed next admin; takes over only by signing `accept_admin`."
            ],
            "type": "pubkey"
          },
          {
            "name": "stakeMint",
            "docs": [
              "The token staked, bonded and paid as reward."
            ],
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "docs": [
              "SPL Token or Token-2022, whichever owns `stake_mint`."
            ],
            "type": "pubkey"
          },
          {
            "name": "stakeVault",
            "docs": [
              "PDA token account `[\"stake_vault\"]` holding all stake."
            ],
            "type": "pubkey"
          },
          {
            "name": "treasuryVault",
            "docs": [
              "PDA token account `[\"treasury\"]` receiving slashed stake."
            ],
            "type": "pubkey"
          },
          {
            "name": "emissionVault",
            "docs": [
              "PDA token account `[\"emission_vault\"]` holding tokens to emit."
            ],
            "type": "pubkey"
          },
          {
            "name": "vestingVault",
            "docs": [
              "PDA token account `[\"vesting_vault\"]` holding vesting rewards."
            ],
            "type": "pubkey"
          },
          {
            "name": "pausedAt",
            "docs": [
              "When the current pause began (while `paused`), or the last one did."
            ],
            "type": "i64"
          },
          {
            "name": "pausedTotalSecs",
            "docs": [
              "Seconds the protocol spent paused in pauses that have ended."
            ],
            "type": "i64"
          },
          {
            "name": "currentEpoch",
            "docs": [
              "Index of the open epoch."
            ],
            "type": "u64"
          },
          {
            "name": "totalActiveStake",
            "docs": [
              "Stake active in the open epoch: deposited before it, less what was requested for",
              "unstake or slashed. Committees are drawn against this total."
            ],
            "type": "u64"
          },
          {
            "name": "totalSlashedToTreasury",
            "docs": [
              "Everything ever slashed to the treasury (swept or still pending in the stake vault)."
            ],
            "type": "u64"
          },
          {
            "name": "emissionFunded",
            "docs": [
              "Tokens ever added with `fund_emissions`."
            ],
            "type": "u64"
          },
          {
            "name": "emissionPaid",
            "docs": [
              "Tokens ever paid out of the emission vault."
            ],
            "type": "u64"
          },
          {
            "name": "emissionReserved",
            "docs": [
              "Emissions fixed for closed epochs and not yet claimed."
            ],
            "type": "u64"
          },
          {
            "name": "keeperPoolLamports",
            "docs": [
              "Lamports on this account (above rent) that pay `advance_epoch` keepers."
            ],
            "type": "u64"
          },
          {
            "name": "totalWarmingStake",
            "docs": [
              "Stake deposited during the open epoch: active from the next one."
            ],
            "type": "u64"
          },
          {
            "name": "pendingParamsEta",
            "type": "i64"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "configParams"
              }
            }
          },
          {
            "name": "pendingParams",
            "docs": [
              "Parameters proposed by the admin, applicable from `pending_params_eta`."
            ],
            "type": {
              "defined": {
                "name": "configParams"
              }
            }
          },
          {
            "name": "treasuryPending",
            "docs": [
              "The treasury's share of slashed stake, still held in the stake vault: a slash books",
              "it here instead of transferring it (one token CPI fewer per slash), and the",
              "permissionless `sweep_treasury` moves it to the treasury vault. Never any staker's:",
              "the stake vault holds the sum of deposits plus this."
            ],
            "type": "u64"
          },
          {
            "name": "lastPauseEnd",
            "docs": [
              "When the last pause ended (resumed, or ran out after `MAX_PAUSE_SECS`); the next",
              "may start once the protocol has run as long as that pause lasted."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                96
              ]
            }
          }
        ]
      }
    },
    {
      "name": "configInitialized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "stakeMint",
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "configParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "configParams",
      "docs": [
        "Tunable protocol parameters, set at `initialize` and changed by `propose_config` then,",
        "after the timelock, `apply_config`.",
        "Tasks snapshot the ones that affect them at creation, so a change never alters",
        "the rules of a task already running. Stored in the zero-copy config (`repr(C)`, fields",
        "ordered by alignment) and, Borsh-encoded in the same field order, taken as",
        "`initialize`'s and `propose_config`'s argument and carried by the config events."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "unstakeCooldownSecs",
            "docs": [
              "Seconds between `request_unstake` and `withdraw_stake`."
            ],
            "type": "i64"
          },
          {
            "name": "minValidatorStake",
            "docs": [
              "Active stake (at the draw) a validator needs to sit on a committee, in base units."
            ],
            "type": "u64"
          },
          {
            "name": "keeperBountyLamports",
            "docs": [
              "Lamports paid to the keeper of each finalization, funded by the task creator."
            ],
            "type": "u64"
          },
          {
            "name": "minSubmissionBond",
            "docs": [
              "Smallest bond a task may demand per submission."
            ],
            "type": "u64"
          },
          {
            "name": "minSubmissionFee",
            "docs": [
              "Smallest non-refundable fee a task may charge per submission (>= 1): the floor",
              "on what squatting a task's slots costs."
            ],
            "type": "u64"
          },
          {
            "name": "maxSubmissionFee",
            "docs": [
              "Largest fee a task may charge per submission."
            ],
            "type": "u64"
          },
          {
            "name": "minPhaseSecs",
            "docs": [
              "Shortest allowed phase (submission, submission reveal, commit, reveal), in seconds."
            ],
            "type": "i64"
          },
          {
            "name": "maxTaskDurationSecs",
            "docs": [
              "Longest allowed task, from creation to reveal deadline, in seconds."
            ],
            "type": "i64"
          },
          {
            "name": "epochLengthSecs",
            "docs": [
              "Length of an emission epoch, in seconds. A change applies from the next epoch opened."
            ],
            "type": "i64"
          },
          {
            "name": "initialEmission",
            "docs": [
              "Tokens scheduled for epoch 0."
            ],
            "type": "u64"
          },
          {
            "name": "vestingDurationSecs",
            "docs": [
              "Rewards and emissions vest linearly over this many seconds (0 = paid at once)."
            ],
            "type": "i64"
          },
          {
            "name": "reputationValueUnit",
            "docs": [
              "Value at stake (base units) from which an outcome moves reputation by the full",
              "`reputation_alpha_bps`; smaller outcomes move it proportionally less (> 0)."
            ],
            "type": "u64"
          },
          {
            "name": "paramTimelockSecs",
            "docs": [
              "Delay between `propose_config` and `apply_config`",
              "(`MIN_PARAM_TIMELOCK_SECS..=MAX_PARAM_TIMELOCK_SECS`), at least the unstake",
              "cooldown: a staker who dislikes a proposal can leave before it applies."
            ],
            "type": "i64"
          },
          {
            "name": "claimWindowSecs",
            "docs": [
              "How long task rewards (from the task's finalization) and epoch emissions (from the",
              "epoch's end) stay claimable; after it anyone may expire them, returning what is",
              "unclaimed to the creator or the emission vault. Snapshotted by tasks and epochs."
            ],
            "type": "i64"
          },
          {
            "name": "voteBondBps",
            "docs": [
              "Bond locked per vote seat, in basis points of the share of the task's reward one",
              "seat decides (reward / committee size), 1..=10,000: a full committee bonds this",
              "share of the reward. The same per seat for every key, however a stake is split;",
              "open votes can never lock more than the stake."
            ],
            "type": "u16"
          },
          {
            "name": "maxQuorumBps",
            "docs": [
              "A task's quorum may be at most this share of its expected committee, in bps",
              "(1..=7,500), so that a committee of the expected size can always reach it."
            ],
            "type": "u16"
          },
          {
            "name": "incoherenceSlashBps",
            "docs": [
              "Share of an incoherent vote's bond that is slashed (0..=10,000)."
            ],
            "type": "u16"
          },
          {
            "name": "slasherRewardBps",
            "docs": [
              "Share of every slash paid to the caller of `slash_*` (0..=2,000)."
            ],
            "type": "u16"
          },
          {
            "name": "taskFeeBps",
            "docs": [
              "Non-refundable protocol fee every task pays to the treasury at creation, in bps of",
              "its reward (1..=2,000, rounded up)."
            ],
            "type": "u16"
          },
          {
            "name": "emissionCapBps",
            "docs": [
              "The emission a task's participants can be paid, all together, is at most this share",
              "of the task's protocol fee (0..=9,999: strictly below 100%, so self-dealing for",
              "emissions always loses money)."
            ],
            "type": "u16"
          },
          {
            "name": "maxSubmissionsPerTask",
            "docs": [
              "Largest `max_submissions` a task may set."
            ],
            "type": "u16"
          },
          {
            "name": "emissionDecayBps",
            "docs": [
              "Each epoch's scheduled emission is this much (bps) below the previous one's."
            ],
            "type": "u16"
          },
          {
            "name": "contributorEmissionBps",
            "docs": [
              "Share of each epoch's emission for contributors; validators get the rest."
            ],
            "type": "u16"
          },
          {
            "name": "reputationAlphaBps",
            "docs": [
              "Step of the reputation moving average toward 10,000 or 0, in bps of the gap."
            ],
            "type": "u16"
          },
          {
            "name": "reputationDecayBps",
            "docs": [
              "Per idle epoch, reputation moves this much (bps of the gap) back toward",
              "`reputation_start_bps`."
            ],
            "type": "u16"
          },
          {
            "name": "reputationStartBps",
            "docs": [
              "Where a new key's reputation starts, and where idle records decay to: below",
              "neutral (0..5,000), so a fresh key opens no gate a track record does not."
            ],
            "type": "u16"
          },
          {
            "name": "minCommitteeSize",
            "docs": [
              "Smallest expected committee (seats) a task may ask for (>= 3)."
            ],
            "type": "u8"
          },
          {
            "name": "maxCommitteeSize",
            "docs": [
              "Largest expected committee a task may ask for (<= 16)."
            ],
            "type": "u8"
          },
          {
            "name": "maxRejectThreshold",
            "docs": [
              "Highest reject threshold a task may set (a low bar for rejection protects honest",
              "work from a creator who would reject everything)."
            ],
            "type": "u8"
          },
          {
            "name": "maxAcceptThreshold",
            "docs": [
              "Highest accept threshold a task may set (so that a task can be won)."
            ],
            "type": "u8"
          },
          {
            "name": "coherenceTolerance",
            "docs": [
              "A revealed score is coherent when |score - consensus| <= this (0..=100)."
            ],
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding (`repr(C)` alignment), always zero (`validate` checks it)."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          }
        ]
      }
    },
    {
      "name": "configProposalCancelled",
      "docs": [
        "The admin withdrew its pending proposal."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "configProposed",
      "docs": [
        "The admin proposed new parameters, applicable from `eta`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "configParams"
              }
            }
          },
          {
            "name": "eta",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "configUpdated",
      "docs": [
        "A proposal was applied after its timelock."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "configParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "contentClaim",
      "docs": [
        "Who may be paid for a content hash. PDA `[\"content\", content_hash]`, created by the",
        "first reveal of that content.",
        "",
        "The claim belongs to the **earliest commitment** (by slot) to the content among those",
        "revealed: a reveal whose commitment is older takes it over, whoever revealed first, and",
        "a later one is refused. A copier only learns the content from the author's reveal (or",
        "the file it publishes after), so its commitment is always later. A displaced holder is",
        "finalized `Duplicate` and loses its bond.",
        "",
        "It guards exact copies only: the same bytes, hashed the same way. A paraphrase or a",
        "one-byte change has another hash; catching those is the validators' job.",
        "",
        "Once the content was paid (a holder Accepted) the claim is permanent and admits nobody,",
        "not even an older commitment or its author: the same bytes are paid once. When its",
        "holder ends without pay (NoQuorum, Neutral, Rejected) the claim is *released*: its",
        "holder's contributor, the author, may submit the same work again elsewhere, and nobody",
        "else may. A claim's priority (`committed_slot`) never moves later: an author taking its",
        "released claim back keeps the slot of its first commitment, so a copier who committed",
        "in between never becomes \"older\".",
        "A released claim no revealed submission is pending on can be closed, returning its rent",
        "to `payer`: by anyone when the work was Rejected (nobody keeps priority on junk), by the",
        "author otherwise (giving its priority up)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "contentHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "submission",
            "docs": [
              "The submission holding the claim: the earliest revealed commitment."
            ],
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "docs": [
              "The holder's contributor: the author, as far as the chain can tell."
            ],
            "type": "pubkey"
          },
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "committedSlot",
            "docs": [
              "The claim's priority: the slot of the earliest commitment that held it (an author",
              "re-taking its released claim keeps its first)."
            ],
            "type": "u64"
          },
          {
            "name": "payer",
            "docs": [
              "Paid the rent; receives it back when the claim is closed."
            ],
            "type": "pubkey"
          },
          {
            "name": "refs",
            "docs": [
              "Revealed submissions naming this content that are not finalized yet."
            ],
            "type": "u16"
          },
          {
            "name": "holderOutcome",
            "docs": [
              "The holder's outcome (Pending until it is finalized)."
            ],
            "type": {
              "defined": {
                "name": "outcome"
              }
            }
          },
          {
            "name": "paid",
            "docs": [
              "Some holder was Accepted: the claim is permanent."
            ],
            "type": "bool"
          },
          {
            "name": "createdAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "createTaskArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "id",
            "docs": [
              "Creator-chosen id, unique per creator."
            ],
            "type": "u64"
          },
          {
            "name": "specHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "reward",
            "docs": [
              "Tokens escrowed as the task's reward."
            ],
            "type": "u64"
          },
          {
            "name": "submissionDeadline",
            "docs": [
              "Submissions (commitments) close."
            ],
            "type": "i64"
          },
          {
            "name": "submissionRevealDeadline",
            "docs": [
              "Submission reveals close and vote commits open."
            ],
            "type": "i64"
          },
          {
            "name": "commitDeadline",
            "type": "i64"
          },
          {
            "name": "revealDeadline",
            "type": "i64"
          },
          {
            "name": "bond",
            "type": "u64"
          },
          {
            "name": "submissionFee",
            "docs": [
              "Non-refundable fee per submission: at least the config's minimum and the squatting",
              "floor (`Task::squat_fee_floor`), at most the config's maximum (or the floor)."
            ],
            "type": "u64"
          },
          {
            "name": "committeeSize",
            "docs": [
              "Expected seats on each submission's committee (config bounds)."
            ],
            "type": "u8"
          },
          {
            "name": "quorumSeats",
            "docs": [
              "Revealed seats a submission needs (1..=committee_size * max_quorum_bps)."
            ],
            "type": "u16"
          },
          {
            "name": "acceptThreshold",
            "type": "u8"
          },
          {
            "name": "rejectThreshold",
            "type": "u8"
          },
          {
            "name": "validatorShareBps",
            "type": "u16"
          },
          {
            "name": "maxSubmissions",
            "type": "u16"
          },
          {
            "name": "minReputationSubmit",
            "docs": [
              "Reputation (bps, 0..=10,000) a contributor needs to submit."
            ],
            "type": "u16"
          },
          {
            "name": "minReputationVote",
            "docs": [
              "Reputation (bps) a validator needs to vote: at most the config's",
              "`reputation_start_bps`, where every new or idle key stands."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "draw",
      "docs": [
        "Scheduled by the first call after it is due, which fixes the epoch and the active stake",
        "the lot is drawn against and the target slot (`DRAW_DELAY_SLOTS` ahead, a slot nobody",
        "knows the hash of yet); seeded by a call once the target and the hops after it",
        "(`sortition::chain`) were produced. If nobody seeds it before the target ages out of",
        "`SlotHashes`, the seed is the owner's fallback (`sortition::fallback_seed`), mixing the",
        "owner's address with entropy recorded when the draw was scheduled (for a task, the",
        "newest slot hash then, which nobody knew while submissions were open; for a later",
        "round, the task's seed), never a new target: whoever declines a committee can at most",
        "choose between the target's and the fallback's, both fixed before it saw either, and",
        "no contributor can grind its key against a fallback it cannot know."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "targetSlot",
            "docs": [
              "The chain's first slot; 0 before the draw is scheduled."
            ],
            "type": "u64"
          },
          {
            "name": "epoch",
            "docs": [
              "Epoch whose active stake counts."
            ],
            "type": "u64"
          },
          {
            "name": "totalStake",
            "docs": [
              "Total active stake in `epoch`, when the draw was scheduled."
            ],
            "type": "u64"
          },
          {
            "name": "drawnAt",
            "docs": [
              "The owner's clock (the task's) when the seed was fixed."
            ],
            "type": "i64"
          },
          {
            "name": "seedSlot",
            "docs": [
              "The last slot mixed into the seed (0 when it is the fallback)."
            ],
            "type": "u64"
          },
          {
            "name": "seed",
            "docs": [
              "The committee seed once `drawn`; before, the entropy its fallback mixes in",
              "(recorded when the draw was scheduled)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "drawn",
            "type": "bool"
          },
          {
            "name": "fromFallback",
            "docs": [
              "The target aged out unseeded: the seed is the owner's fallback."
            ],
            "type": "bool"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding (`repr(C)` alignment), always zero."
            ],
            "type": {
              "array": [
                "u8",
                6
              ]
            }
          }
        ]
      }
    },
    {
      "name": "drawScheduled",
      "docs": [
        "The first `draw` after submissions closed: the target slot and the stake snapshot."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "targetSlot",
            "type": "u64"
          },
          {
            "name": "epoch",
            "type": "u64"
          },
          {
            "name": "totalStake",
            "type": "u64"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "emissionClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "u64"
          },
          {
            "name": "source",
            "docs": [
              "The submission or vote whose points were paid."
            ],
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "points",
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "forfeited",
            "docs": [
              "The share above what was left of the task's emission cap: back to the vault."
            ],
            "type": "u64"
          },
          {
            "name": "vested",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "emissionsFunded",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "funder",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "lamports",
            "type": "u64"
          },
          {
            "name": "emissionFunded",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "epoch",
      "docs": [
        "An emission epoch. PDA `[\"epoch\", index (u64 LE)]`.",
        "",
        "While open it collects merit points: accepted submissions and coherent votes",
        "finalized during `[start, end)`. `advance_epoch` closes it, fixing its emission."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "start",
            "type": "i64"
          },
          {
            "name": "end",
            "type": "i64"
          },
          {
            "name": "closed",
            "type": "bool"
          },
          {
            "name": "contributorPoints",
            "type": "u128"
          },
          {
            "name": "validatorPoints",
            "type": "u128"
          },
          {
            "name": "contributorEmission",
            "docs": [
              "Fixed at close: the contributors' share of the epoch's emission."
            ],
            "type": "u64"
          },
          {
            "name": "validatorEmission",
            "docs": [
              "Fixed at close: the validators' share of the epoch's emission."
            ],
            "type": "u64"
          },
          {
            "name": "contributorClaimed",
            "type": "u64"
          },
          {
            "name": "validatorClaimed",
            "type": "u64"
          },
          {
            "name": "contributorPointsClaimed",
            "type": "u128"
          },
          {
            "name": "validatorPointsClaimed",
            "type": "u128"
          },
          {
            "name": "scheduledEmission",
            "docs": [
              "Fixed at open from the parameters then: what the epoch emits at close (as far as",
              "the vault allows), and the contributors' share of it. A parameter change applies",
              "from the next epoch opened, never to points already being recorded."
            ],
            "type": "u64"
          },
          {
            "name": "contributorEmissionBps",
            "type": "u16"
          },
          {
            "name": "claimWindowSecs",
            "docs": [
              "How long after `end` the epoch's emission stays claimable (snapshot at open)."
            ],
            "type": "i64"
          },
          {
            "name": "vestingDurationSecs",
            "docs": [
              "How long its emissions vest once claimed (snapshot at open)."
            ],
            "type": "i64"
          },
          {
            "name": "expired",
            "docs": [
              "The claim window passed and `expire_epoch` released what was unclaimed."
            ],
            "type": "bool"
          },
          {
            "name": "taskFeeBps",
            "docs": [
              "Snapshot at open of the protocol fee and emission cap rates: the epoch pays at most",
              "the emission its points could ever be paid under every task's cap",
              "([`Epoch::emission_ceiling`])."
            ],
            "type": "u16"
          },
          {
            "name": "emissionCapBps",
            "type": "u16"
          },
          {
            "name": "contributorPaid",
            "docs": [
              "What each side's claims actually paid: its share ([`Epoch::claim`]) less what was",
              "above the task's emission cap (`forfeited`, back to the vault). At most `*_claimed`."
            ],
            "type": "u64"
          },
          {
            "name": "validatorPaid",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                12
              ]
            }
          }
        ]
      }
    },
    {
      "name": "epochAdvanced",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "closedEpoch",
            "type": "u64"
          },
          {
            "name": "contributorEmission",
            "type": "u64"
          },
          {
            "name": "validatorEmission",
            "type": "u64"
          },
          {
            "name": "contributorPoints",
            "type": "u128"
          },
          {
            "name": "validatorPoints",
            "type": "u128"
          },
          {
            "name": "openedEpoch",
            "type": "u64"
          },
          {
            "name": "openedStart",
            "type": "i64"
          },
          {
            "name": "openedEnd",
            "type": "i64"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "epochExpired",
      "docs": [
        "An epoch's claim window passed: its unclaimed emission went back to the vault."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "u64"
          },
          {
            "name": "released",
            "type": "u64"
          },
          {
            "name": "caller",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "outcome",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "accepted"
          },
          {
            "name": "neutral"
          },
          {
            "name": "rejected"
          },
          {
            "name": "noQuorum"
          },
          {
            "name": "duplicate"
          },
          {
            "name": "unrevealed"
          }
        ]
      }
    },
    {
      "name": "pauseSet",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "paused",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "reputation",
      "docs": [
        "A participant's track record and reputation score.",
        "",
        "The score is in basis points (0..=10,000), starts at 5,000 (neutral), and moves as an",
        "exponential moving average: `score += (10,000 - score) * alpha` on a good outcome",
        "(accepted work, coherent vote) and `score -= score * alpha` on a bad one (rejected work,",
        "incoherent vote, missing reveal). For every full epoch without activity it moves back",
        "toward neutral: `score = 5,000 + (score - 5,000) * (1 - decay)^idle`, computed lazily."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "scoreBps",
            "type": "u16"
          },
          {
            "name": "lastEpoch",
            "docs": [
              "Epoch of the last update; epochs strictly after it and before now were idle."
            ],
            "type": "u64"
          },
          {
            "name": "accepted",
            "type": "u32"
          },
          {
            "name": "neutral",
            "type": "u32"
          },
          {
            "name": "rejected",
            "type": "u32"
          },
          {
            "name": "coherent",
            "type": "u32"
          },
          {
            "name": "incoherent",
            "type": "u32"
          },
          {
            "name": "missedReveals",
            "type": "u32"
          },
          {
            "name": "slashed",
            "type": "u32"
          },
          {
            "name": "absences",
            "docs": [
              "Seats drawn and never committed (`report_absence`)."
            ],
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "reputationUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "scoreBps",
            "type": "u16"
          },
          {
            "name": "epoch",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "revealedVote",
      "docs": [
        "A revealed vote as the consensus sees it (zero-copy: eight bytes)."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "weight",
            "docs": [
              "Seats the validator holds on this round's committee."
            ],
            "type": "u32"
          },
          {
            "name": "multiplierBps",
            "docs": [
              "The validator's reputation multiplier at reveal, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "score",
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding, always zero."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "round",
      "docs": [
        "One judging round of one submission. PDA `[\"round\", submission, index]`.",
        "",
        "Zero-copy (`repr(C)`, no implicit padding, checked at compile time): commits, reveals",
        "and the close read and write it in place. Round 1 is created by the submission's reveal",
        "(its contributor pays the rent); a later round by the `finalize_submission` that closed",
        "the one before without a consensus (its keeper pays). `close_round` returns the rent to",
        "`payer` once the round and its votes are settled."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "index",
            "docs": [
              "1 for the first round."
            ],
            "type": "u8"
          },
          {
            "name": "state",
            "type": {
              "defined": {
                "name": "roundState"
              }
            }
          },
          {
            "name": "committeeSize",
            "docs": [
              "Expected seats on the committee."
            ],
            "type": "u8"
          },
          {
            "name": "consensusLow",
            "docs": [
              "The middle range of the consensus (`Consensus::low`; `consensus_high` below): one",
              "score, or the two sides of an exact split."
            ],
            "type": "u8"
          },
          {
            "name": "voteCount",
            "docs": [
              "Votes committed (at most `MAX_VOTES_PER_SUBMISSION`)."
            ],
            "type": "u8"
          },
          {
            "name": "openVotes",
            "docs": [
              "Vote accounts (absence records included) not closed yet."
            ],
            "type": "u8"
          },
          {
            "name": "revealedCount",
            "type": "u8"
          },
          {
            "name": "coherentCount",
            "type": "u8"
          },
          {
            "name": "coherentUnclaimed",
            "docs": [
              "Coherent votes that have not claimed their pay yet."
            ],
            "type": "u8"
          },
          {
            "name": "consensus",
            "type": "u8"
          },
          {
            "name": "quorumSeats",
            "docs": [
              "Seats that must be *committed* for the round to decide: a committed vote that is",
              "never revealed loses its bond and cannot undo a consensus."
            ],
            "type": "u16"
          },
          {
            "name": "consensusHigh",
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding (`repr(C)` alignment), always zero."
            ],
            "type": {
              "array": [
                "u8",
                1
              ]
            }
          },
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "payer",
            "docs": [
              "Paid the rent; receives it back when the round is closed."
            ],
            "type": "pubkey"
          },
          {
            "name": "commitOpensAt",
            "docs": [
              "Commits are open in `[commit_opens_at, commit_deadline)` and reveals in",
              "`[commit_deadline, reveal_deadline)`, on the task's clock. Round 1 takes the task's",
              "windows; a later round opens them when its committee is drawn."
            ],
            "type": "i64"
          },
          {
            "name": "commitDeadline",
            "type": "i64"
          },
          {
            "name": "revealDeadline",
            "type": "i64"
          },
          {
            "name": "commitSecs",
            "docs": [
              "A later round's window lengths, the task's own."
            ],
            "type": "i64"
          },
          {
            "name": "revealSecs",
            "type": "i64"
          },
          {
            "name": "drawDeadline",
            "docs": [
              "A round whose committee is not drawn by then closes without votes."
            ],
            "type": "i64"
          },
          {
            "name": "committedWeight",
            "type": "u64"
          },
          {
            "name": "revealedWeight",
            "type": "u64"
          },
          {
            "name": "coherentWeight",
            "docs": [
              "Weight of revealed votes within the coherence tolerance of the consensus."
            ],
            "type": "u64"
          },
          {
            "name": "pool",
            "docs": [
              "What the coherent votes share (the submission's validator slice and fee), booked",
              "against the task when the round decided the submission."
            ],
            "type": "u64"
          },
          {
            "name": "paid",
            "docs": [
              "Paid so far out of `pool`."
            ],
            "type": "u64"
          },
          {
            "name": "pointsEpoch",
            "docs": [
              "The epoch that received the merit points of the round's coherent votes (when the",
              "round decided its submission)."
            ],
            "type": "u64"
          },
          {
            "name": "draw",
            "docs": [
              "A later round's own draw (round 1 uses the task's)."
            ],
            "type": {
              "defined": {
                "name": "draw"
              }
            }
          },
          {
            "name": "reveals",
            "docs": [
              "The revealed votes, the first `revealed_count` of them."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "revealedVote"
                  }
                },
                32
              ]
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                24
              ]
            }
          }
        ]
      }
    },
    {
      "name": "roundClosed",
      "docs": [
        "A judging round closed: with a consensus (`decided`), or with none."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "round",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u8"
          },
          {
            "name": "decided",
            "type": "bool"
          },
          {
            "name": "consensus",
            "type": "u8"
          },
          {
            "name": "consensusLow",
            "docs": [
              "The middle range: one score, or the two sides of an exact split."
            ],
            "type": "u8"
          },
          {
            "name": "consensusHigh",
            "type": "u8"
          },
          {
            "name": "committedWeight",
            "type": "u64"
          },
          {
            "name": "revealedWeight",
            "type": "u64"
          },
          {
            "name": "coherentWeight",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "roundOpened",
      "docs": [
        "A round decided nothing and the submission's next round was opened, its draw scheduled",
        "(`target_slot` 0: no stake was active to draw from)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "round",
            "type": "pubkey"
          },
          {
            "name": "index",
            "type": "u8"
          },
          {
            "name": "targetSlot",
            "type": "u64"
          },
          {
            "name": "drawDeadline",
            "docs": [
              "The round closes without votes if its committee is not drawn by then (task clock)."
            ],
            "type": "i64"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "roundState",
      "docs": [
        "Where a round stands (`repr(u8)`: `Open` 0, `Failed` 1, `Decided` 2)."
      ],
      "repr": {
        "kind": "rust"
      },
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "open"
          },
          {
            "name": "failed"
          },
          {
            "name": "decided"
          }
        ]
      }
    },
    {
      "name": "slashKind",
      "docs": [
        "What a slash took from (carried by the `Slashed` event)."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "rejectedSubmission"
          },
          {
            "name": "missingReveal"
          },
          {
            "name": "incoherentVote"
          },
          {
            "name": "duplicateSubmission"
          },
          {
            "name": "unrevealedSubmission"
          },
          {
            "name": "absent"
          }
        ]
      }
    },
    {
      "name": "slashed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "slashKind"
              }
            }
          },
          {
            "name": "target",
            "docs": [
              "The submission or vote account that was slashed."
            ],
            "type": "pubkey"
          },
          {
            "name": "offender",
            "docs": [
              "The stake owner who lost tokens."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "toTreasury",
            "type": "u64"
          },
          {
            "name": "toSlasher",
            "docs": [
              "The slasher's whole share; `to_slasher_vesting` of it was granted into its vesting."
            ],
            "type": "u64"
          },
          {
            "name": "toSlasherVesting",
            "type": "u64"
          },
          {
            "name": "fromVesting",
            "docs": [
              "Part of the amount taken from the offender's unvested rewards."
            ],
            "type": "u64"
          },
          {
            "name": "slasher",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "stake",
      "docs": [
        "A participant's stake. PDA `[\"stake\", owner]`.",
        "",
        "`deposited` counts every token of the owner in the stake vault, including the part",
        "`locked` in bonds and the part `unstaking`. Unlocked stake is what is left.",
        "",
        "Stake *counts* for committee draws only once it is active: a deposit warms up during",
        "the epoch it was made in and is active from the next one; a request to unstake (or a",
        "slash) stops the amount counting at once. A draw made in epoch `e` counts the stake that",
        "was active throughout, from the start of `e` until now ([`Stake::active_at`]): stake",
        "added after a seed is known never buys a seat on it, and a top-up never takes one away."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "deposited",
            "type": "u64"
          },
          {
            "name": "locked",
            "docs": [
              "Held as submission and vote bonds."
            ],
            "type": "u64"
          },
          {
            "name": "unstaking",
            "docs": [
              "Requested for withdrawal; no longer usable for bonds or weight."
            ],
            "type": "u64"
          },
          {
            "name": "unstakeAt",
            "docs": [
              "When the `unstaking` amount may be withdrawn."
            ],
            "type": "i64"
          },
          {
            "name": "history",
            "docs": [
              "The active stake of the last epochs in which it changed (a deposit, a removal),",
              "oldest first: what [`Stake::active_at`] answers from."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "stakePoint"
                  }
                },
                3
              ]
            }
          },
          {
            "name": "historyLen",
            "docs": [
              "Points in use in `history`."
            ],
            "type": "u8"
          },
          {
            "name": "historyFrom",
            "docs": [
              "Epochs before this one are older than the history (a point was dropped): the stake",
              "active then is no longer known, and counts as 0."
            ],
            "type": "u64"
          },
          {
            "name": "reputation",
            "docs": [
              "The owner's track record. Kept here because every instruction that settles an",
              "outcome already holds the owner's stake account."
            ],
            "type": {
              "defined": {
                "name": "reputation"
              }
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "stakeDeposited",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "deposited",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "stakePoint",
      "docs": [
        "The active stake of one epoch in which a stake changed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "epoch",
            "type": "u64"
          },
          {
            "name": "activeStart",
            "docs": [
              "Active when the epoch began: everything staked before it."
            ],
            "type": "u64"
          },
          {
            "name": "activeMin",
            "docs": [
              "The least active during the epoch (removals lower it; a deposit warms up instead)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "stakeWithdrawn",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "deposited",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "submission",
      "docs": [
        "A contributor's work for a task. PDA `[\"submission\", task, contributor]`.",
        "",
        "Created by `submit` with a commitment only; `reveal_submission` fills in the content",
        "hash and URI after submissions close (and opens its first judging round), so a pending",
        "`submit` shows a copier nothing. Its judging happens in its rounds (`Round`); the",
        "submission keeps what was finally decided."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "index",
            "docs": [
              "Position among the task's submissions."
            ],
            "type": "u16"
          },
          {
            "name": "commitment",
            "docs": [
              "`submission_commitment(task, contributor, content_hash, salt)`."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "committedSlot",
            "docs": [
              "Slot the commitment landed in: the earliest commitment to a content is paid."
            ],
            "type": "u64"
          },
          {
            "name": "contentHash",
            "docs": [
              "Zero until revealed."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "uri",
            "docs": [
              "Empty until revealed."
            ],
            "type": "string"
          },
          {
            "name": "contentRevealed",
            "type": "bool"
          },
          {
            "name": "bond",
            "docs": [
              "Stake locked from the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "fee",
            "docs": [
              "Non-refundable fee paid at `submit`, for this submission's coherent judges."
            ],
            "type": "u64"
          },
          {
            "name": "submittedAt",
            "type": "i64"
          },
          {
            "name": "round",
            "docs": [
              "The judging round under way, or the last one (0 before the reveal)."
            ],
            "type": "u8"
          },
          {
            "name": "openRounds",
            "docs": [
              "Round accounts not closed yet."
            ],
            "type": "u8"
          },
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "outcome"
              }
            }
          },
          {
            "name": "quorumReached",
            "docs": [
              "The last round decided: `consensus_score` is the consensus."
            ],
            "type": "bool"
          },
          {
            "name": "consensusScore",
            "type": "u8"
          },
          {
            "name": "rewardPaid",
            "docs": [
              "Paid to the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "claimed",
            "type": "bool"
          },
          {
            "name": "slashed",
            "type": "bool"
          },
          {
            "name": "epoch",
            "docs": [
              "Epoch the submission was finalized in."
            ],
            "type": "u64"
          },
          {
            "name": "points",
            "docs": [
              "Merit points earned in `epoch` (accepted submissions only)."
            ],
            "type": "u64"
          },
          {
            "name": "emissionClaimed",
            "type": "bool"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "submissionClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "reward",
            "type": "u64"
          },
          {
            "name": "bondUnlocked",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "submissionCommitted",
      "docs": [
        "A contributor committed to work it will reveal after submissions close."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "commitment",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "committedSlot",
            "type": "u64"
          },
          {
            "name": "bond",
            "type": "u64"
          },
          {
            "name": "fee",
            "docs": [
              "Non-refundable fee paid into the task vault for the submission's judges."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "submissionFinalized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "outcome",
            "type": {
              "defined": {
                "name": "outcome"
              }
            }
          },
          {
            "name": "consensusScore",
            "type": "u8"
          },
          {
            "name": "round",
            "docs": [
              "The round that ended it (0: never revealed)."
            ],
            "type": "u8"
          },
          {
            "name": "epoch",
            "docs": [
              "Epoch that received the merit points."
            ],
            "type": "u64"
          },
          {
            "name": "contributorPoints",
            "type": "u64"
          },
          {
            "name": "validatorPoints",
            "type": "u64"
          },
          {
            "name": "fee",
            "docs": [
              "The submission fee: for its coherent judges, or sent to the treasury when none."
            ],
            "type": "u64"
          },
          {
            "name": "toTreasury",
            "docs": [
              "Sent to the treasury because no judge was paid: the fee, and for revealed work its",
              "validator slice."
            ],
            "type": "u64"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "submissionRevealed",
      "docs": [
        "A committed submission's content is revealed and holds the content's claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "contentHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "committedSlot",
            "type": "u64"
          },
          {
            "name": "displaced",
            "docs": [
              "The later commitment this reveal took the content claim from (default: none)."
            ],
            "type": "pubkey"
          },
          {
            "name": "round",
            "docs": [
              "The submission's first judging round, opened by the reveal."
            ],
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "task",
      "docs": [
        "A posted task. PDA `[\"task\", creator, id (u64 LE)]`; its reward sits in the",
        "token account `[\"task_vault\", task]`, whose authority is the task itself.",
        "",
        "Zero-copy (`AccountLoader`): read and written in place, never (de)serialized, since",
        "almost every instruction touches the task and Borsh cost about 6,800 compute units to",
        "read and write it back (`docs/compute-units.md`). `repr(C)` with its fields ordered by",
        "alignment and no implicit padding (a test checks `size_of` against `INIT_SPACE`), so",
        "its bytes are also exactly what the IDL's Borsh coder reads, field after field. The",
        "enum and bools are only ever written by the program (`zero_copy(unsafe)`, as Drift's",
        "accounts do)."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "state",
            "type": {
              "defined": {
                "name": "taskState"
              }
            }
          },
          {
            "name": "expired",
            "docs": [
              "The claim window passed and `expire_task` returned what was unclaimed to the",
              "creator: later claims unlock bonds but pay nothing."
            ],
            "type": "bool"
          },
          {
            "name": "committeeSize",
            "docs": [
              "Expected seats on each submission's committee."
            ],
            "type": "u8"
          },
          {
            "name": "acceptThreshold",
            "docs": [
              "Consensus score at or above which a submission is Accepted."
            ],
            "type": "u8"
          },
          {
            "name": "rejectThreshold",
            "docs": [
              "Consensus score below which a submission is Rejected."
            ],
            "type": "u8"
          },
          {
            "name": "uriLen",
            "docs": [
              "Length of `uri` in bytes."
            ],
            "type": "u8"
          },
          {
            "name": "vault",
            "docs": [
              "The task's token vault `[\"task_vault\", task]`, recorded at creation so that",
              "instructions pin it by address instead of re-deriving it."
            ],
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Chosen by the creator; unique per creator."
            ],
            "type": "u64"
          },
          {
            "name": "reward",
            "docs": [
              "Tokens escrowed at creation."
            ],
            "type": "u64"
          },
          {
            "name": "submissionDeadline",
            "docs": [
              "Submissions are committed while `now < submission_deadline`."
            ],
            "type": "i64"
          },
          {
            "name": "submissionRevealDeadline",
            "docs": [
              "Submissions are revealed while `submission_deadline <= now < submission_reveal_deadline`."
            ],
            "type": "i64"
          },
          {
            "name": "commitDeadline",
            "docs": [
              "Votes are committed while `submission_reveal_deadline <= now < commit_deadline`."
            ],
            "type": "i64"
          },
          {
            "name": "revealDeadline",
            "docs": [
              "Votes are revealed while `commit_deadline <= now < reveal_deadline`."
            ],
            "type": "i64"
          },
          {
            "name": "bond",
            "docs": [
              "Stake locked from each contributor per submission."
            ],
            "type": "u64"
          },
          {
            "name": "submissionFee",
            "docs": [
              "Tokens each submission pays, non-refundable, to its coherent judges (or the",
              "treasury when none): what squatting a slot costs whatever happens next."
            ],
            "type": "u64"
          },
          {
            "name": "acceptedScoreSum",
            "docs": [
              "Sum of consensus scores of accepted submissions, plus `UNJUDGED_SCORE` for each",
              "submission that ended unjudged: what the contributor pool is divided by."
            ],
            "type": "u64"
          },
          {
            "name": "bountyRemaining",
            "docs": [
              "Keeper bounty lamports still held on this account (above rent)."
            ],
            "type": "u64"
          },
          {
            "name": "contributorLiability",
            "docs": [
              "Tokens still owed to accepted contributors (set at task finalization)."
            ],
            "type": "u64"
          },
          {
            "name": "validatorLiability",
            "docs": [
              "Tokens still owed to coherent validators."
            ],
            "type": "u64"
          },
          {
            "name": "protocolFee",
            "docs": [
              "Non-refundable protocol fee paid to the treasury at creation",
              "(`task_fee_bps` of the reward, rounded up)."
            ],
            "type": "u64"
          },
          {
            "name": "emissionCap",
            "docs": [
              "Most emission this task's participants can be paid, all together:",
              "`emission_cap_bps` (< 100%) of `protocol_fee`."
            ],
            "type": "u64"
          },
          {
            "name": "emissionPaid",
            "docs": [
              "Emission paid so far to this task's participants."
            ],
            "type": "u64"
          },
          {
            "name": "fees",
            "docs": [
              "Submission fees paid into the vault."
            ],
            "type": "u64"
          },
          {
            "name": "toTreasury",
            "docs": [
              "Tokens the task sent to the treasury: the fees no judge earned, and for work that",
              "was revealed but ended unjudged its validator slice and its share of the",
              "contributor pool (`unjudged_share`). Never the creator's again."
            ],
            "type": "u64"
          },
          {
            "name": "paidOut",
            "docs": [
              "Tokens paid to contributors and validators."
            ],
            "type": "u64"
          },
          {
            "name": "reclaimed",
            "docs": [
              "Tokens returned to the creator."
            ],
            "type": "u64"
          },
          {
            "name": "finalizedAt",
            "docs": [
              "When `finalize_task` ran (0 before)."
            ],
            "type": "i64"
          },
          {
            "name": "pausedBase",
            "docs": [
              "The config's paused seconds when the task was created: every pause after that",
              "extends the task's windows (see `Task::clock`)."
            ],
            "type": "i64"
          },
          {
            "name": "rules",
            "type": {
              "defined": {
                "name": "taskRules"
              }
            }
          },
          {
            "name": "draw",
            "type": {
              "defined": {
                "name": "draw"
              }
            }
          },
          {
            "name": "specHash",
            "docs": [
              "Hash of the task specification."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "termsHash",
            "docs": [
              "`terms_hash()` at creation: a submission names it, so a task re-created at the same",
              "address with other terms cannot catch a pending `submit`."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "validatorShareBps",
            "docs": [
              "Share of `reward` paid to coherent validators, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "quorumSeats",
            "docs": [
              "Revealed seats a submission needs for a consensus."
            ],
            "type": "u16"
          },
          {
            "name": "maxSubmissions",
            "type": "u16"
          },
          {
            "name": "minReputationSubmit",
            "docs": [
              "Reputation (bps) a contributor needs to submit."
            ],
            "type": "u16"
          },
          {
            "name": "minReputationVote",
            "docs": [
              "Reputation (bps) a validator needs to commit a vote: at most the score new keys",
              "start at (`rules.reputation_start_bps`), so every fresh or idle key can judge."
            ],
            "type": "u16"
          },
          {
            "name": "submissionCount",
            "type": "u16"
          },
          {
            "name": "finalizedCount",
            "type": "u16"
          },
          {
            "name": "acceptedCount",
            "type": "u16"
          },
          {
            "name": "acceptedUnclaimed",
            "docs": [
              "Accepted submissions that have not claimed yet."
            ],
            "type": "u16"
          },
          {
            "name": "openSubmissions",
            "docs": [
              "Submissions not yet closed."
            ],
            "type": "u16"
          },
          {
            "name": "unjudgedCount",
            "docs": [
              "Revealed submissions that ended unjudged (`NoQuorum` after their last round)."
            ],
            "type": "u16"
          },
          {
            "name": "uri",
            "docs": [
              "Where the specification can be read: UTF-8, its first `uri_len` bytes (see",
              "[`Task::uri`]); the rest is zero."
            ],
            "type": {
              "array": [
                "u8",
                200
              ]
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                66
              ]
            }
          }
        ]
      }
    },
    {
      "name": "taskCancelled",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "refunded",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "taskCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "reward",
            "type": "u64"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          },
          {
            "name": "submissionDeadline",
            "type": "i64"
          },
          {
            "name": "submissionRevealDeadline",
            "type": "i64"
          },
          {
            "name": "commitDeadline",
            "type": "i64"
          },
          {
            "name": "revealDeadline",
            "type": "i64"
          },
          {
            "name": "submissionFee",
            "type": "u64"
          },
          {
            "name": "termsHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "protocolFee",
            "docs": [
              "Paid to the treasury, non-refundable."
            ],
            "type": "u64"
          },
          {
            "name": "emissionCap",
            "docs": [
              "Most emission the task's participants can be paid."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "taskExpired",
      "docs": [
        "A task's claim window passed: what was unclaimed is the creator's to reclaim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "released",
            "type": "u64"
          },
          {
            "name": "caller",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "taskFinalized",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "accepted",
            "type": "u16"
          },
          {
            "name": "submissions",
            "type": "u16"
          },
          {
            "name": "unjudged",
            "docs": [
              "Revealed submissions that ended unjudged."
            ],
            "type": "u16"
          },
          {
            "name": "unjudgedShare",
            "docs": [
              "Their share of the contributor pool, sent to the treasury."
            ],
            "type": "u64"
          },
          {
            "name": "keeper",
            "type": "pubkey"
          },
          {
            "name": "bountyLamports",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "taskReclaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "tokens",
            "type": "u64"
          },
          {
            "name": "lamports",
            "type": "u64"
          },
          {
            "name": "closed",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "taskRules",
      "docs": [
        "Protocol parameters copied from the config when the task was created: a parameter",
        "change never alters the rules of a task already running (its gates, multipliers, bonds",
        "and windows included). The epoch length, the unstake cooldown and the emission rates",
        "of the epochs its work lands in are the deployment's, not the task's."
      ],
      "serialization": "bytemuckunsafe",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "keeperBountyLamports",
            "type": "u64"
          },
          {
            "name": "minValidatorStake",
            "docs": [
              "Active stake at the draw a validator needs to sit on a committee."
            ],
            "type": "u64"
          },
          {
            "name": "claimWindowSecs",
            "docs": [
              "How long after the task's finalization its rewards stay claimable."
            ],
            "type": "i64"
          },
          {
            "name": "vestingDurationSecs",
            "docs": [
              "How long its rewards vest once claimed (0: paid straight to the wallet)."
            ],
            "type": "i64"
          },
          {
            "name": "reputationValueUnit",
            "docs": [
              "The reputation rules of everything that happens in the task (`TaskRules::rep`)."
            ],
            "type": "u64"
          },
          {
            "name": "minPhaseSecs",
            "docs": [
              "Shortest phase: the least notice a drawn validator gets before its commit window",
              "closes, for its absence to be reportable."
            ],
            "type": "i64"
          },
          {
            "name": "voteBondBps",
            "type": "u16"
          },
          {
            "name": "incoherenceSlashBps",
            "type": "u16"
          },
          {
            "name": "slasherRewardBps",
            "type": "u16"
          },
          {
            "name": "reputationStartBps",
            "type": "u16"
          },
          {
            "name": "reputationDecayBps",
            "type": "u16"
          },
          {
            "name": "reputationAlphaBps",
            "type": "u16"
          },
          {
            "name": "coherenceTolerance",
            "type": "u8"
          },
          {
            "name": "padding",
            "docs": [
              "Explicit padding (`repr(C)` alignment), always zero."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          }
        ]
      }
    },
    {
      "name": "taskState",
      "docs": [
        "Stored as one byte in the zero-copy [`Task`] (`repr(u8)`: `Open` 0, `Finalized` 1, the",
        "bytes Borsh gives its variants, so the IDL's coder reads it unchanged)."
      ],
      "repr": {
        "kind": "rust"
      },
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "open"
          },
          {
            "name": "finalized"
          }
        ]
      }
    },
    {
      "name": "treasurySwept",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "caller",
            "docs": [
              "Whoever sent the sweep (anyone)."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Moved from the stake vault to the treasury vault: every slash's pending share."
            ],
            "type": "u64"
          },
          {
            "name": "totalSlashedToTreasury",
            "docs": [
              "Everything ever slashed to the treasury, at the sweep."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "unstakeRequested",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "unstaking",
            "type": "u64"
          },
          {
            "name": "unlocksAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "vestedWithdrawn",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "unvested",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "vesting",
      "docs": [
        "Rewards and emissions that unlock linearly. PDA `[\"vesting\", owner]`; the tokens sit",
        "in the shared `[\"vesting_vault\"]`.",
        "",
        "A new grant first releases what has vested so far, then adds to the unvested balance,",
        "whose end moves to the amount-weighted average of the old end and `now + duration`.",
        "A slash of the owner takes first from the unvested balance."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "unlocked",
            "docs": [
              "Vested and withdrawable."
            ],
            "type": "u64"
          },
          {
            "name": "unvested",
            "docs": [
              "Not vested yet; vests linearly from `vest_from` to `vest_until`."
            ],
            "type": "u64"
          },
          {
            "name": "vestFrom",
            "type": "i64"
          },
          {
            "name": "vestUntil",
            "type": "i64"
          },
          {
            "name": "totalGranted",
            "type": "u64"
          },
          {
            "name": "totalWithdrawn",
            "type": "u64"
          },
          {
            "name": "totalSlashed",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          }
        ]
      }
    },
    {
      "name": "vote",
      "docs": [
        "A validator's vote in one judging round. PDA `[\"vote\", round, validator]`.",
        "",
        "Also the record of a drawn validator that never committed (`absent`), created by",
        "`report_absence` at the same address: it is slashed at once and blocks a second report."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "task",
            "type": "pubkey"
          },
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "round",
            "docs": [
              "The judging round (`Round`) this vote belongs to."
            ],
            "type": "pubkey"
          },
          {
            "name": "validator",
            "type": "pubkey"
          },
          {
            "name": "commitment",
            "docs": [
              "sha256(\"merit:vote:v2\" || round || validator || score || salt)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "weight",
            "docs": [
              "Seats drawn for this validator on this round's committee: the vote's weight."
            ],
            "type": "u64"
          },
          {
            "name": "bond",
            "docs": [
              "Stake locked at commit: `Task::vote_bond(weight)` (an absence record: what the",
              "absence cost)."
            ],
            "type": "u64"
          },
          {
            "name": "bondRemaining",
            "docs": [
              "Part of the bond still locked (not slashed, not returned)."
            ],
            "type": "u64"
          },
          {
            "name": "committedAt",
            "type": "i64"
          },
          {
            "name": "revealed",
            "type": "bool"
          },
          {
            "name": "score",
            "type": "u8"
          },
          {
            "name": "slashed",
            "type": "bool"
          },
          {
            "name": "claimed",
            "type": "bool"
          },
          {
            "name": "absent",
            "docs": [
              "Drawn and never committed: a record of the reported absence, not a vote."
            ],
            "type": "bool"
          },
          {
            "name": "roundIndex",
            "docs": [
              "The round's index (1 for the first)."
            ],
            "type": "u8"
          },
          {
            "name": "rewardPaid",
            "type": "u64"
          },
          {
            "name": "multiplierBps",
            "docs": [
              "The validator's reputation multiplier at reveal, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "points",
            "docs": [
              "Merit points, set when a coherent vote is claimed."
            ],
            "type": "u64"
          },
          {
            "name": "epoch",
            "docs": [
              "Epoch the points were earned in (its submission's finalization epoch)."
            ],
            "type": "u64"
          },
          {
            "name": "emissionClaimed",
            "type": "bool"
          },
          {
            "name": "payer",
            "docs": [
              "Paid the rent (the validator; the reporter of an absence); gets it back at close."
            ],
            "type": "pubkey"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "voteClaimed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vote",
            "type": "pubkey"
          },
          {
            "name": "validator",
            "type": "pubkey"
          },
          {
            "name": "reward",
            "type": "u64"
          },
          {
            "name": "bondUnlocked",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "voteCommitted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "round",
            "type": "pubkey"
          },
          {
            "name": "vote",
            "type": "pubkey"
          },
          {
            "name": "validator",
            "type": "pubkey"
          },
          {
            "name": "weight",
            "docs": [
              "Seats drawn."
            ],
            "type": "u64"
          },
          {
            "name": "bond",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "voteRevealed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "submission",
            "type": "pubkey"
          },
          {
            "name": "round",
            "type": "pubkey"
          },
          {
            "name": "vote",
            "type": "pubkey"
          },
          {
            "name": "validator",
            "type": "pubkey"
          },
          {
            "name": "score",
            "type": "u8"
          },
          {
            "name": "weight",
            "type": "u64"
          }
        ]
      }
    }
  ],
  "constants": [
    {
      "name": "commitmentDomain",
      "docs": [
        "Domain separator of vote commitments."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 118, 111, 116, 101, 58, 118, 50]"
    },
    {
      "name": "configSeed",
      "docs": [
        "`[\"config\"]`: the deployment's single [`crate::state::Config`]."
      ],
      "type": "bytes",
      "value": "[99, 111, 110, 102, 105, 103]"
    },
    {
      "name": "contentSeed",
      "docs": [
        "`[\"content\", content_hash]`: one [`crate::state::ContentClaim`] per content hash."
      ],
      "type": "bytes",
      "value": "[99, 111, 110, 116, 101, 110, 116]"
    },
    {
      "name": "defaultAcceptThreshold",
      "docs": [
        "Default consensus score from which work is accepted (at most the config's cap)."
      ],
      "type": "u8",
      "value": "60"
    },
    {
      "name": "defaultCommitSecs",
      "docs": [
        "Default time drawn validators then have to commit scores."
      ],
      "type": "i64",
      "value": "43200"
    },
    {
      "name": "defaultMaxSubmissions",
      "docs": [
        "Default most submissions a task takes: the config's cap (this, or less). Fewer slots",
        "raise the least fee a task may charge (`Task::squat_fee_floor`)."
      ],
      "type": "u16",
      "value": "1000"
    },
    {
      "name": "defaultRejectThreshold",
      "docs": [
        "Default consensus score below which work is rejected (at most the config's cap)."
      ],
      "type": "u8",
      "value": "30"
    },
    {
      "name": "defaultRevealSecs",
      "docs": [
        "Default time they then have to reveal them."
      ],
      "type": "i64",
      "value": "43200"
    },
    {
      "name": "defaultRevealWorkSecs",
      "docs": [
        "Default time contributors then have to reveal their work."
      ],
      "type": "i64",
      "value": "7200"
    },
    {
      "name": "defaultSubmitSecs",
      "docs": [
        "Default time submissions stay open."
      ],
      "type": "i64",
      "value": "86400"
    },
    {
      "name": "defaultValidatorShareBps",
      "docs": [
        "Default share of the reward paid to coherent validators, in bps."
      ],
      "type": "u16",
      "value": "2000"
    },
    {
      "name": "drawChainMaxSlots",
      "docs": [
        "The most slots a draw's chain spans from its scheduling: a seed is always ready this",
        "long after the draw was scheduled (clients wait this many slots)."
      ],
      "type": "u64",
      "value": "104"
    },
    {
      "name": "drawDelaySlots",
      "docs": [
        "`draw` fixes the seed from the hash of a slot at least this many slots after the slot",
        "that scheduled it (~3 s): a slot nobody knew the hash of when the target was set."
      ],
      "type": "u64",
      "value": "8"
    },
    {
      "name": "drawDomain",
      "docs": [
        "Domain separator of a validator's lot for one submission."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 100, 114, 97, 119, 58, 118, 49]"
    },
    {
      "name": "drawHops",
      "docs": [
        "After the target, the seed mixes in this many more slots, each chosen by the hash of the",
        "one before (`sortition::chain`): nobody can line the last one up with a leader's window",
        "when scheduling, so the leader who can grind the seed is not the scheduler's choice."
      ],
      "type": "u8",
      "value": "3"
    },
    {
      "name": "drawHopMinSlots",
      "docs": [
        "Each hop lands at least one leader window (4 slots) after the slot before it..."
      ],
      "type": "u64",
      "value": "4"
    },
    {
      "name": "drawHopSpanSlots",
      "docs": [
        "...and at most this many slots further."
      ],
      "type": "u64",
      "value": "28"
    },
    {
      "name": "emissionVaultSeed",
      "docs": [
        "`[\"emission_vault\"]`: token account holding tokens to emit."
      ],
      "type": "bytes",
      "value": "[101, 109, 105, 115, 115, 105, 111, 110, 95, 118, 97, 117, 108, 116]"
    },
    {
      "name": "epochSeed",
      "docs": [
        "`[\"epoch\", index (u64 LE)]`: one [`crate::state::Epoch`] per emission epoch."
      ],
      "type": "bytes",
      "value": "[101, 112, 111, 99, 104]"
    },
    {
      "name": "fallbackDomain",
      "docs": [
        "Domain separator of the seed a draw falls back to when its target slot aged out of",
        "`SlotHashes` unseeded: the owner's address and the entropy recorded when the draw was",
        "scheduled (`sortition::fallback_seed`)."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 102, 97, 108, 108, 98, 97, 99, 107, 58, 118, 50]"
    },
    {
      "name": "maxPauseSecs",
      "docs": [
        "Longest a pause lasts: it ends by itself after this. The next may start only once the",
        "protocol has run as long as the last pause lasted."
      ],
      "type": "i64",
      "value": "604800"
    },
    {
      "name": "maxRounds",
      "docs": [
        "Judging rounds a revealed submission gets before it ends unjudged: a round that decides",
        "nothing (too few committed seats, nothing revealed, no committee) is followed by one",
        "freshly drawn round; only after that does the submission end `NoQuorum`, and even then",
        "its share goes to the treasury, never back to the creator."
      ],
      "type": "u8",
      "value": "2"
    },
    {
      "name": "minJudgePayBps",
      "docs": [
        "Pay per seat (the validator share of one submission, over the expected committee) must",
        "be at least this share of the bond per seat, in bps, or `create_task` refuses the terms:",
        "judging stays worth its risk (`Task::judging_pays_check`)."
      ],
      "type": "u16",
      "value": "2000"
    },
    {
      "name": "roundSeed",
      "docs": [
        "`[\"round\", submission, index (u8)]`: one judging [`crate::state::Round`] per submission",
        "and round (round 1 at the reveal, round 2 when round 1 decided nothing)."
      ],
      "type": "bytes",
      "value": "[114, 111, 117, 110, 100]"
    },
    {
      "name": "seedDomain",
      "docs": [
        "Domain separator of a committee seed drawn from slot hashes."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 115, 101, 101, 100, 58, 118, 50]"
    },
    {
      "name": "stakeSeed",
      "docs": [
        "`[\"stake\", owner]`: one [`crate::state::Stake`] per owner."
      ],
      "type": "bytes",
      "value": "[115, 116, 97, 107, 101]"
    },
    {
      "name": "stakeVaultSeed",
      "docs": [
        "`[\"stake_vault\"]`: token account holding every participant's stake."
      ],
      "type": "bytes",
      "value": "[115, 116, 97, 107, 101, 95, 118, 97, 117, 108, 116]"
    },
    {
      "name": "submissionCommitmentDomain",
      "docs": [
        "Domain separator of submission commitments."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 115, 117, 98, 109, 105, 115, 115, 105, 111, 110, 58, 118, 49]"
    },
    {
      "name": "submissionSeed",
      "docs": [
        "`[\"submission\", task, contributor]`: one [`crate::state::Submission`] per contributor per task."
      ],
      "type": "bytes",
      "value": "[115, 117, 98, 109, 105, 115, 115, 105, 111, 110]"
    },
    {
      "name": "taskSeed",
      "docs": [
        "`[\"task\", creator, id (u64 LE)]`: a [`crate::state::Task`]."
      ],
      "type": "bytes",
      "value": "[116, 97, 115, 107]"
    },
    {
      "name": "taskVaultSeed",
      "docs": [
        "`[\"task_vault\", task]`: token account escrowing a task's reward."
      ],
      "type": "bytes",
      "value": "[116, 97, 115, 107, 95, 118, 97, 117, 108, 116]"
    },
    {
      "name": "termsDomain",
      "docs": [
        "Domain separator of a task's terms hash."
      ],
      "type": "bytes",
      "value": "[109, 101, 114, 105, 116, 58, 116, 101, 114, 109, 115, 58, 118, 49]"
    },
    {
      "name": "treasurySeed",
      "docs": [
        "`[\"treasury\"]`: token account receiving slashed stake."
      ],
      "type": "bytes",
      "value": "[116, 114, 101, 97, 115, 117, 114, 121]"
    },
    {
      "name": "vestingSeed",
      "docs": [
        "`[\"vesting\", owner]`: one [`crate::state::Vesting`] per owner."
      ],
      "type": "bytes",
      "value": "[118, 101, 115, 116, 105, 110, 103]"
    },
    {
      "name": "vestingVaultSeed",
      "docs": [
        "`[\"vesting_vault\"]`: token account holding every vesting balance."
      ],
      "type": "bytes",
      "value": "[118, 101, 115, 116, 105, 110, 103, 95, 118, 97, 117, 108, 116]"
    },
    {
      "name": "voteSeed",
      "docs": [
        "`[\"vote\", round, validator]`: one [`crate::state::Vote`] per validator per judging round",
        "(an absence record, when a drawn validator never committed, is one too)."
      ],
      "type": "bytes",
      "value": "[118, 111, 116, 101]"
    }
  ]
};
