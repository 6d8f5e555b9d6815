//! Agent strategies. Each is a small rule for what work to submit or what score to vote;
//! the simulator knows every submission's true quality, the chain never does.
use rand::Rng;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Submits good work (quality 0.75–0.95).
    HonestContributor,
    /// Submits mediocre work (quality 0.30–0.50).
    LowEffortContributor,
    /// Resubmits someone else's work: exact copies (refused on chain) or light edits
    /// that validators recognise as worthless (quality 0–0.10).
    Plagiarist,
    /// Submits junk to every task (quality 0–0.10).
    Spammer,
    /// Scores true quality ± a little noise.
    HonestValidator,
    /// Scores at random.
    LazyValidator,
    /// Validators vote 100 for the bloc's own contributors and 0 for everyone else; the
    /// bloc's contributors submit weak work (quality 0.20–0.40).
    ColludingBloc,
    /// Commits a plausible score and never reveals it.
    NonRevealer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Contributor,
    Validator,
}

impl Strategy {
    pub const ALL: [Strategy; 8] = [
        Strategy::HonestContributor,
        Strategy::LowEffortContributor,
        Strategy::Plagiarist,
        Strategy::Spammer,
        Strategy::HonestValidator,
        Strategy::LazyValidator,
        Strategy::ColludingBloc,
        Strategy::NonRevealer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::HonestContributor => "honest contributor",
            Strategy::LowEffortContributor => "low-effort contributor",
            Strategy::Plagiarist => "plagiarist",
            Strategy::Spammer => "spammer",
            Strategy::HonestValidator => "honest validator",
            Strategy::LazyValidator => "lazy validator",
            Strategy::ColludingBloc => "colluding bloc",
            Strategy::NonRevealer => "non-revealer",
        }
    }

    pub fn is_honest(self) -> bool {
        matches!(
            self,
            Strategy::HonestContributor | Strategy::HonestValidator
        )
    }

    /// True quality of a piece of original work by this contributor.
    pub fn work_quality(self, rng: &mut impl Rng) -> f64 {
        match self {
            Strategy::HonestContributor => rng.gen_range(0.75..=0.95),
            Strategy::LowEffortContributor => rng.gen_range(0.30..=0.50),
            Strategy::ColludingBloc => rng.gen_range(0.20..=0.40),
            _ => rng.gen_range(0.0..=0.10),
        }
    }

    /// The score this validator commits for a submission of true `quality` by a
    /// contributor following `author`, and whether it will reveal it.
    pub fn vote(self, rng: &mut impl Rng, quality: f64, author: Strategy, noise: u8) -> (u8, bool) {
        let truth = (quality * 100.0).round() as i32;
        match self {
            Strategy::LazyValidator => (rng.gen_range(0..=100), true),
            Strategy::ColludingBloc => (
                if author == Strategy::ColludingBloc {
                    100
                } else {
                    0
                },
                true,
            ),
            Strategy::NonRevealer => (truth.clamp(0, 100) as u8, false),
            _ => {
                let n = i32::from(noise);
                ((truth + rng.gen_range(-n..=n)).clamp(0, 100) as u8, true)
            }
        }
    }
}
