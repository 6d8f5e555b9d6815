use crate::error::MeritError;
use crate::math::SafeMath;
use crate::state::Outcome;
use anchor_lang::prelude::*;

/// Who may be paid for a content hash. PDA `["content", content_hash]`, created by the
/// first reveal of that content.
///
/// The claim belongs to the **earliest commitment** (by slot) to the content among those
/// revealed: a reveal whose commitment is older takes it over, whoever revealed first, and
/// a later one is refused. A copier only learns the content from the author's reveal (or
/// the file it publishes after), so its commitment is always later. A displaced holder is
/// finalized `Duplicate` and loses its bond.
///
/// It guards exact copies only: the same bytes, hashed the same way. A paraphrase or a
/// one-byte change has another hash; catching those is the validators' job.
///
/// Once the content was paid (a holder Accepted) the claim is permanent and admits nobody,
/// not even an older commitment or its author: the same bytes are paid once. When its
/// holder ends without pay (NoQuorum, Neutral, Rejected) the claim is *released*: its
/// holder's contributor, the author, may submit the same work again elsewhere, and nobody
/// else may. A claim's priority (`committed_slot`) never moves later: an author taking its
/// released claim back keeps the slot of its first commitment, so a copier who committed
/// in between never becomes "older".
/// A released claim no revealed submission is pending on can be closed, returning its rent
/// to `payer`: by anyone when the work was Rejected (nobody keeps priority on junk), by the
/// author otherwise (giving its priority up).
#[account]
#[derive(InitSpace, Debug)]
pub struct ContentClaim {
    pub version: u8,
    pub bump: u8,
    pub content_hash: [u8; 32],
    /// The submission holding the claim: the earliest revealed commitment.
    pub submission: Pubkey,
    /// The holder's contributor: the author, as far as the chain can tell.
    pub contributor: Pubkey,
    pub task: Pubkey,
    /// The claim's priority: the slot of the earliest commitment that held it (an author
    /// re-taking its released claim keeps its first).
    pub committed_slot: u64,
    /// Paid the rent; receives it back when the claim is closed.
    pub payer: Pubkey,
    /// Revealed submissions naming this content that are not finalized yet.
    pub refs: u16,
    /// The holder's outcome (Pending until it is finalized).
    pub holder_outcome: Outcome,
    /// Some holder was Accepted: the claim is permanent.
    pub paid: bool,
    pub created_at: i64,
}

/// What a submission's finalization learns from its content claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentStatus {
    /// The content was never revealed.
    Unrevealed,
    /// Revealed, and the submission holds the claim.
    Holder,
    /// Revealed, but an earlier commitment to the same content took the claim.
    Displaced,
}

impl ContentClaim {
    /// The holder ended without pay and the content was never paid.
    pub fn is_released(&self) -> bool {
        !self.paid
            && matches!(
                self.holder_outcome,
                Outcome::NoQuorum | Outcome::Neutral | Outcome::Rejected
            )
    }

    /// Whether `contributor`'s reveal, whose commitment landed in `committed_slot`, may
    /// hold the claim: the claim is new; or the content was never paid and the commitment
    /// is strictly older than the claim's priority, or the claim is released and this is
    /// its author again. `ContentAlreadyPaid` or `DuplicateContent` otherwise: the rule
    /// `reveal_submission` applies and a client calls before revealing.
    pub fn admit_check(&self, contributor: &Pubkey, committed_slot: u64) -> Result<()> {
        if self.version == 0 {
            return Ok(());
        }
        require!(!self.paid, MeritError::ContentAlreadyPaid);
        require!(
            committed_slot < self.committed_slot
                || (self.is_released() && *contributor == self.contributor),
            MeritError::DuplicateContent
        );
        Ok(())
    }

    /// Gives the claim to a newly revealed submission; returns the pending holder it
    /// displaced (default when there was none).
    pub fn take(
        &mut self,
        submission: Pubkey,
        contributor: Pubkey,
        task: Pubkey,
        committed_slot: u64,
    ) -> Result<Pubkey> {
        self.admit_check(&contributor, committed_slot)?;
        let displaced = if self.version != 0 && self.holder_outcome == Outcome::Pending {
            self.submission
        } else {
            Pubkey::default()
        };
        // The claim's priority never moves later (an author's second commitment is newer
        // than its first).
        self.committed_slot = if self.version == 0 {
            committed_slot
        } else {
            self.committed_slot.min(committed_slot)
        };
        self.submission = submission;
        self.contributor = contributor;
        self.task = task;
        self.holder_outcome = Outcome::Pending;
        self.refs = self.refs.safe_add(1)?;
        self.invariant()?;
        Ok(displaced)
    }

    /// Whether `submission`, a revealed submission naming this content, holds the claim.
    pub fn status_of(&self, submission: &Pubkey) -> ContentStatus {
        if *submission == self.submission {
            ContentStatus::Holder
        } else {
            ContentStatus::Displaced
        }
    }

    /// Records the finalization of `submission`, a revealed submission naming this
    /// content, with `outcome`.
    pub fn settle(&mut self, submission: &Pubkey, outcome: Outcome) -> Result<()> {
        self.refs = self.refs.safe_sub(1)?;
        if self.status_of(submission) == ContentStatus::Holder {
            self.holder_outcome = outcome;
            self.paid = self.paid || outcome == Outcome::Accepted;
        }
        self.invariant()
    }

    /// The claim's rules (`ContentClaimInconsistent`): a paid claim's holder was accepted
    /// (paid content is never taken again, so its holder never changes), and a holder still
    /// pending is among the revealed submissions the claim counts (`refs`).
    pub fn invariant(&self) -> Result<()> {
        require!(
            !self.paid || self.holder_outcome == Outcome::Accepted,
            MeritError::ContentClaimInconsistent
        );
        require!(
            self.holder_outcome != Outcome::Pending || self.refs > 0,
            MeritError::ContentClaimInconsistent
        );
        Ok(())
    }

    /// Whether `closer` may close the claim now: released, no revealed submission pending
    /// on it, and the work was Rejected or `closer` is its author.
    pub fn is_closable_by(&self, closer: &Pubkey) -> bool {
        self.refs == 0
            && self.is_released()
            && (self.holder_outcome == Outcome::Rejected || *closer == self.contributor)
    }
}

/// `ContentClaim`'s size without its discriminator, pinned: a layout change is a conscious one
/// (openbook-v2's `const_assert_eq!(size_of::<Market>(), 840)`).
const _: () = assert!(<ContentClaim as Space>::INIT_SPACE == 182);
#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> ContentClaim {
        ContentClaim {
            version: 0,
            bump: 0,
            content_hash: [0; 32],
            submission: Pubkey::default(),
            contributor: Pubkey::default(),
            task: Pubkey::default(),
            committed_slot: 0,
            payer: Pubkey::default(),
            refs: 0,
            holder_outcome: Outcome::Pending,
            paid: false,
            created_at: 0,
        }
    }

    #[test]
    fn earliest_commitment_holds_whoever_reveals_first() {
        let (author, copier) = (Pubkey::new_unique(), Pubkey::new_unique());
        let mut c = claim();
        assert_eq!(
            c.take(copier, copier, copier, 20).unwrap(),
            Pubkey::default()
        );
        c.version = 1;
        assert!(
            c.admit_check(&author, 20).is_err(),
            "same slot: the first revealer keeps it"
        );
        assert!(c.admit_check(&author, 21).is_err());
        assert_eq!(c.take(author, author, author, 10).unwrap(), copier);
        assert!(c.take(copier, copier, copier, 20).is_err());
        assert_eq!(c.refs, 2);
        assert_eq!(c.status_of(&copier), ContentStatus::Displaced);
        c.settle(&copier, Outcome::Accepted).unwrap();
        assert!(!c.paid, "a displaced submission never pays the content");
        assert_eq!(c.status_of(&author), ContentStatus::Holder);
        c.settle(&author, Outcome::Rejected).unwrap();
        assert!(c.is_released() && c.is_closable_by(&copier));
    }

    #[test]
    fn paid_content_is_never_released() {
        let (a, b) = (Pubkey::new_unique(), Pubkey::new_unique());
        let mut c = claim();
        c.take(a, a, a, 10).unwrap();
        c.version = 1;
        c.settle(&a, Outcome::Accepted).unwrap();
        assert!(!c.is_released() && !c.is_closable_by(&a));
        assert!(
            c.admit_check(&a, 11).is_err(),
            "not even its author is paid twice"
        );
        // Not even an older commitment takes paid content over: it is paid once.
        assert!(c.take(b, b, b, 5).is_err());
        assert_eq!((c.submission, c.committed_slot), (a, 10));
        assert!(c.paid && !c.is_closable_by(&b));
    }

    #[test]
    fn a_released_claim_admits_only_its_author_and_counts_refs() {
        let (author, other) = (Pubkey::new_unique(), Pubkey::new_unique());
        let mut c = claim();
        c.take(author, author, author, 10).unwrap();
        c.version = 1;
        c.settle(&author, Outcome::NoQuorum).unwrap();
        assert!(c.is_released());
        assert!(
            c.admit_check(&other, 99).is_err(),
            "the work stays its author's"
        );
        assert!(
            c.admit_check(&other, 9).is_ok(),
            "unless someone committed to it earlier"
        );
        assert!(
            !c.is_closable_by(&other),
            "only the author gives up non-junk"
        );
        assert!(c.is_closable_by(&author));
        let second = Pubkey::new_unique();
        assert_eq!(
            c.take(second, author, author, 99).unwrap(),
            Pubkey::default()
        );
        assert_eq!(c.committed_slot, 10, "the author keeps its first priority");
        assert!(
            c.admit_check(&other, 50).is_err(),
            "a copier who committed between the author's two commitments is not older"
        );
        assert!(!c.is_closable_by(&author), "pending again");
        c.settle(&second, Outcome::Rejected).unwrap();
        assert!(c.is_closable_by(&other), "anyone closes junk");
    }
}
