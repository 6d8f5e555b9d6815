//! Every PDA of the program. Seeds come from `merit::constants`.
use anchor_lang::prelude::Pubkey;
use merit::constants::*;

/// Derives a PDA, remembering it: finding one costs a SHA-256 and an on-curve check per
/// bump tried, and a bot or the simulator derives the same few addresses for every
/// instruction it builds (most of the simulator's client-side time before this cache).
/// The memory is per thread and bounded: it starts over past `PDA_CACHE_LIMIT` entries.
fn find(seeds: &[&[u8]]) -> Pubkey {
    find_for(&merit::ID, seeds)
}

/// [`find`] for any program's PDA (associated token accounts included).
pub fn find_for(program_id: &Pubkey, seeds: &[&[u8]]) -> Pubkey {
    use std::cell::RefCell;
    use std::collections::HashMap;
    const PDA_CACHE_LIMIT: usize = 1 << 20;
    thread_local! {
        static CACHE: RefCell<HashMap<Vec<u8>, Pubkey>> = RefCell::new(HashMap::new());
    }
    // Seeds are at most 32 bytes each: a length byte per seed keeps keys unambiguous.
    let mut key = Vec::with_capacity(32 + seeds.iter().map(|s| s.len() + 1).sum::<usize>());
    key.extend_from_slice(program_id.as_ref());
    for seed in seeds {
        key.push(seed.len() as u8);
        key.extend_from_slice(seed);
    }
    CACHE.with(|cache| {
        if let Some(found) = cache.borrow().get(&key) {
            return *found;
        }
        let found = Pubkey::find_program_address(seeds, program_id).0;
        let mut cache = cache.borrow_mut();
        if cache.len() >= PDA_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, found);
        found
    })
}

pub fn config() -> Pubkey {
    find(&[CONFIG_SEED])
}

/// `owner`'s associated token account of `mint` under `token_program`.
pub fn associated_token(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    find_for(
        &anchor_spl::associated_token::ID,
        &[owner.as_ref(), token_program.as_ref(), mint.as_ref()],
    )
}

pub fn stake_vault() -> Pubkey {
    find(&[STAKE_VAULT_SEED])
}

pub fn treasury() -> Pubkey {
    find(&[TREASURY_SEED])
}

pub fn stake(owner: &Pubkey) -> Pubkey {
    find(&[STAKE_SEED, owner.as_ref()])
}

pub fn task(creator: &Pubkey, id: u64) -> Pubkey {
    find(&[TASK_SEED, creator.as_ref(), &id.to_le_bytes()])
}

pub fn task_vault(task: &Pubkey) -> Pubkey {
    find(&[TASK_VAULT_SEED, task.as_ref()])
}

pub fn submission(task: &Pubkey, contributor: &Pubkey) -> Pubkey {
    find(&[SUBMISSION_SEED, task.as_ref(), contributor.as_ref()])
}

/// The judging round `index` (1 for the first) of `submission`.
pub fn round(submission: &Pubkey, index: u8) -> Pubkey {
    find(&[ROUND_SEED, submission.as_ref(), &[index]])
}

/// `validator`'s vote (or absence record) in `round`.
pub fn vote(round: &Pubkey, validator: &Pubkey) -> Pubkey {
    find(&[VOTE_SEED, round.as_ref(), validator.as_ref()])
}

/// `validator`'s vote in round `index` of `submission`.
pub fn vote_in(submission: &Pubkey, index: u8, validator: &Pubkey) -> Pubkey {
    vote(&round(submission, index), validator)
}

pub fn content_claim(content_hash: &[u8; 32]) -> Pubkey {
    find(&[CONTENT_SEED, content_hash.as_ref()])
}

pub fn emission_vault() -> Pubkey {
    find(&[EMISSION_VAULT_SEED])
}

pub fn vesting_vault() -> Pubkey {
    find(&[VESTING_VAULT_SEED])
}

pub fn epoch(index: u64) -> Pubkey {
    find(&[EPOCH_SEED, &index.to_le_bytes()])
}

pub fn vesting(owner: &Pubkey) -> Pubkey {
    find(&[VESTING_SEED, owner.as_ref()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_addresses_are_the_derived_ones() {
        for n in 0..50u8 {
            let owner = Pubkey::new_from_array([n; 32]);
            let mint = Pubkey::new_from_array([n.wrapping_add(1); 32]);
            for _ in 0..2 {
                assert_eq!(
                    stake(&owner),
                    Pubkey::find_program_address(&[STAKE_SEED, owner.as_ref()], &merit::ID).0
                );
                assert_eq!(
                    associated_token(&owner, &mint, &anchor_spl::token::ID),
                    anchor_spl::associated_token::get_associated_token_address_with_program_id(
                        &owner,
                        &mint,
                        &anchor_spl::token::ID
                    )
                );
            }
            // Same bytes, different split over seeds: different addresses.
            assert_ne!(task(&owner, 1), find(&[TASK_SEED, &owner.as_ref()[..31]]));
        }
    }
}
