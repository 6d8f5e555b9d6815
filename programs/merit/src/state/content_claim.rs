use anchor_lang::prelude::*;

/// Marks a content hash as used. PDA `["content", content_hash]`.
///
/// It guards exact copies only: the same bytes, hashed the same way. A paraphrase or a
/// one-byte change has another hash; catching those is the validators' job. It is never
/// closed, so a hash stays claimed across all tasks for as long as the program lives.
#[account]
#[derive(InitSpace, Debug)]
pub struct ContentClaim {
    pub version: u8,
    pub bump: u8,
    pub content_hash: [u8; 32],
    /// The first submission that used this content.
    pub submission: Pubkey,
    pub contributor: Pubkey,
    pub task: Pubkey,
    pub created_at: i64,
}
