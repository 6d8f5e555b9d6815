//! Every PDA of the program. Seeds come from `merit::constants`.
use anchor_lang::prelude::Pubkey;
use merit::constants::*;

fn find(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &merit::ID).0
}

pub fn config() -> Pubkey {
    find(&[CONFIG_SEED])
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

pub fn vote(submission: &Pubkey, validator: &Pubkey) -> Pubkey {
    find(&[VOTE_SEED, submission.as_ref(), validator.as_ref()])
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
