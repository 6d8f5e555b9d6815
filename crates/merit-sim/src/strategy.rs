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
    /// Slot squatter: commits junk to every task to hold its slots, and never reveals
    /// (an unrevealed commitment costs nothing to make public). Pays the fee and loses
    /// the bond.
    SlotSquatter,
    /// Content front-runner: watches pending `submit` transactions and copies an
    /// author's commitment into its own submission (all it can see). At reveal it replays
    /// the author's content and salt (its best case: as if already public); the commitment
    /// binds the author's key, so the reveal is refused and the copy ends Unrevealed.
    FrontRunner,
    /// Self-dealing emission farmer: a creator key posts a cheap task each epoch, its
    /// contributor keys fill it with decent work, and its validator keys judge wherever
    /// the draw seats them (100 for its own keys). It earns the farm task's reward back,
    /// its validators' pay, and the emissions its points bring, and pays the task's
    /// protocol fee and its submission fees.
    EmissionFarmer,
    /// Sybil splitter: the colluding bloc's stake split over many small keys, each voting
    /// with the bloc, hoping that more keys win more committee seats than one.
    SybilSplitter,
    /// Seat racer: many keys that commit the instant the commit window opens, on every
    /// submission of the bloc's contributors, whether drawn or not (scores 100 for the
    /// bloc, 0 for everyone else). Only drawn seats are accepted.
    SeatRacer,
    /// Creator confiscator: a creator key posts tasks at the public reward under the most
    /// extreme terms the program allows (accept and reject thresholds at their maxima),
    /// and its puppet validator keys score every submission to its tasks 0 wherever the
    /// draw seats them, so that work is not accepted and the escrow comes back by
    /// `reclaim_task`. Its gain is the reward it reclaims plus the work it received,
    /// valued at the reward when the work meets the public tasks' standard.
    CreatorConfiscator,
    /// Abstaining and withholding creator: posts tasks on the public terms, and its
    /// puppet validator keys, wherever the draw seats them on its tasks, either never
    /// commit (two thirds of them) or commit and never reveal, hoping the work ends without a
    /// decision and its reward comes back for free (it gets no decision's escrow back:
    /// silence is reported, withheld reveals are slashed, a second round is drawn, and
    /// unjudged work's shares go to the treasury). Valued like the confiscator.
    WithholdingCreator,
    /// Gate capturer: posts tasks with the highest vote reputation gate the program
    /// allows, hoping honest fresh or idle validators fall below it while its puppet keys
    /// (which score its tasks 0) do not, so its puppets alone judge and reject the work.
    GateCapturer,
    /// Draw re-roller: a bloc (validator keys and one contributor with weak work) that
    /// is the only keeper drawing the tasks it submits to. It looks at the committee the
    /// target's slot hashes give; when its validators hold no majority on its own work,
    /// it declines to seed it and lets the target age out, for the committee the
    /// program falls back to. It votes 100 for its own work and 0 for everyone else's.
    DrawReroller,
    /// Rival squatter: at each task's open it fills every free slot of one public task
    /// with junk commitments (never revealed) and submits one piece of good work, so
    /// that no competitor gets in and its work takes the whole contributor pool.
    RivalSquatter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Contributor,
    Validator,
    /// Posts tasks (the emission farmer's creator key).
    Creator,
}

impl Strategy {
    pub const ALL: [Strategy; 18] = [
        Strategy::HonestContributor,
        Strategy::LowEffortContributor,
        Strategy::Plagiarist,
        Strategy::Spammer,
        Strategy::HonestValidator,
        Strategy::LazyValidator,
        Strategy::ColludingBloc,
        Strategy::NonRevealer,
        Strategy::SlotSquatter,
        Strategy::FrontRunner,
        Strategy::EmissionFarmer,
        Strategy::SybilSplitter,
        Strategy::SeatRacer,
        Strategy::CreatorConfiscator,
        Strategy::WithholdingCreator,
        Strategy::GateCapturer,
        Strategy::DrawReroller,
        Strategy::RivalSquatter,
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
            Strategy::SlotSquatter => "slot squatter",
            Strategy::FrontRunner => "content front-runner",
            Strategy::EmissionFarmer => "emission farmer",
            Strategy::SybilSplitter => "sybil splitter",
            Strategy::SeatRacer => "seat racer",
            Strategy::CreatorConfiscator => "creator confiscator",
            Strategy::WithholdingCreator => "withholding creator",
            Strategy::GateCapturer => "gate capturer",
            Strategy::DrawReroller => "draw re-roller",
            Strategy::RivalSquatter => "rival squatter",
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
            // The farmer's best case: work good enough that honest judges accept it.
            Strategy::EmissionFarmer => rng.gen_range(0.75..=0.95),
            // The squatter's one real piece of work: good enough to be accepted.
            Strategy::RivalSquatter => rng.gen_range(0.75..=0.95),
            Strategy::DrawReroller => rng.gen_range(0.20..=0.40),
            _ => rng.gen_range(0.0..=0.10),
        }
    }

    /// What this validator does with a seat on a submission of true `quality` by a
    /// contributor following `author` to a task of `task_owner` (`None`: the public
    /// creator); `puppet` numbers the validator among its side's keys.
    pub fn vote(
        self,
        rng: &mut impl Rng,
        quality: f64,
        author: Strategy,
        task_owner: Option<Strategy>,
        noise: u8,
        puppet: usize,
    ) -> Ballot {
        let truth = (quality * 100.0).round() as i32;
        let reveal = |score: u8| Ballot::Reveal(score);
        match self {
            Strategy::CreatorConfiscator | Strategy::GateCapturer if task_owner == Some(self) => {
                reveal(0)
            }
            Strategy::WithholdingCreator if task_owner == Some(self) => {
                if puppet % 3 == 2 {
                    Ballot::Withhold(0)
                } else {
                    Ballot::Abstain
                }
            }
            Strategy::LazyValidator => reveal(rng.gen_range(0..=100)),
            Strategy::ColludingBloc | Strategy::SybilSplitter | Strategy::SeatRacer => {
                reveal(if author == Strategy::ColludingBloc {
                    100
                } else {
                    0
                })
            }
            Strategy::DrawReroller => reveal(if author == Strategy::DrawReroller {
                100
            } else {
                0
            }),
            Strategy::NonRevealer => Ballot::Withhold(truth.clamp(0, 100) as u8),
            Strategy::EmissionFarmer if author == Strategy::EmissionFarmer => reveal(100),
            _ => {
                let n = i32::from(noise);
                reveal((truth + rng.gen_range(-n..=n)).clamp(0, 100) as u8)
            }
        }
    }
}

/// What a drawn validator does with its seat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ballot {
    /// Commits this score and reveals it.
    Reveal(u8),
    /// Commits this score and never reveals it.
    Withhold(u8),
    /// Never commits (its silence is reported by the keeper).
    Abstain,
}

impl Strategy {
    /// Whether this contributor reveals its committed work.
    pub fn reveals_submission(self) -> bool {
        !matches!(self, Strategy::SlotSquatter | Strategy::FrontRunner)
    }

    /// Whether this key posts tasks (its creator key does).
    pub fn posts_tasks(self) -> bool {
        matches!(
            self,
            Strategy::EmissionFarmer
                | Strategy::CreatorConfiscator
                | Strategy::WithholdingCreator
                | Strategy::GateCapturer
        )
    }

    /// Whether this validator commits on submissions it was not drawn for (refused).
    pub fn races_for_seats(self) -> bool {
        self == Strategy::SeatRacer
    }

    /// Whether this contributor submits to the public tasks (the farmer fills only its
    /// own; the squatter fills its target its own way).
    pub fn submits_to_public_tasks(self) -> bool {
        !matches!(self, Strategy::EmissionFarmer | Strategy::RivalSquatter)
    }

    /// Whether this contributor reads a task's terms before working on it (everyone who
    /// hopes to be paid; junk submitters and front-runners do not care).
    pub fn reads_terms(self) -> bool {
        matches!(
            self,
            Strategy::HonestContributor
                | Strategy::LowEffortContributor
                | Strategy::Plagiarist
                | Strategy::ColludingBloc
                | Strategy::DrawReroller
        )
    }

    /// Whether this validator judges only its own side's tasks (the creators' puppets sit
    /// nowhere else, and are reported absent there: their return is their task's).
    pub fn judges_only_own_tasks(self) -> bool {
        matches!(
            self,
            Strategy::EmissionFarmer
                | Strategy::CreatorConfiscator
                | Strategy::WithholdingCreator
                | Strategy::GateCapturer
        )
    }
}
