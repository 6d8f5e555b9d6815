//! The salts behind commit-reveal: kept on the committer's machine, one file per vote
//! or submission, under `<secrets-dir>/<cluster>/`. A salt is written (owner-only, then
//! renamed into place) before its commitment is sent, so a crash after sending never
//! loses what the reveal needs; an existing salt whose commitment is already on chain is
//! never overwritten.
use crate::units::parse_hash;
use anchor_lang::prelude::Pubkey;
use rand::RngCore;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A committed vote's secret, kept per judging round (a second round's vote has its own).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteSecret {
    pub task: String,
    pub submission: String,
    /// The round's index (1: the first).
    pub round: u8,
    pub validator: String,
    pub score: u8,
    pub salt: String,
    pub commitment: String,
}

/// A committed submission's secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkSecret {
    pub task: String,
    pub contributor: String,
    pub content_hash: String,
    pub salt: String,
    pub uri: String,
    pub commitment: String,
}

impl VoteSecret {
    pub fn salt(&self) -> Result<[u8; 32], String> {
        parse_hash(&self.salt)
    }
}

impl WorkSecret {
    pub fn salt(&self) -> Result<[u8; 32], String> {
        parse_hash(&self.salt)
    }
    pub fn content_hash(&self) -> Result<[u8; 32], String> {
        parse_hash(&self.content_hash)
    }
}

/// A fresh salt from the operating system's generator.
pub fn fresh_salt() -> [u8; 32] {
    let mut salt = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    salt
}

/// The store of one cluster's secrets.
pub struct Secrets {
    dir: PathBuf,
}

impl Secrets {
    /// `<root>/<cluster>`; `root` defaults to `~/.config/merit/secrets`.
    pub fn new(root: Option<&Path>, cluster: &str) -> Self {
        let root = root.map(Path::to_path_buf).unwrap_or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default()
                .join(".config/merit/secrets")
        });
        Secrets {
            dir: root.join(cluster),
        }
    }

    /// Where the salt of `validator`'s vote in the judging round at `round` is kept.
    pub fn vote_path(&self, round: &Pubkey, validator: &Pubkey) -> PathBuf {
        self.dir
            .join("votes")
            .join(format!("{round}.{validator}.json"))
    }

    pub fn work_path(&self, task: &Pubkey, contributor: &Pubkey) -> PathBuf {
        self.dir
            .join("submissions")
            .join(format!("{task}.{contributor}.json"))
    }

    pub fn vote(&self, round: &Pubkey, validator: &Pubkey) -> Result<Option<VoteSecret>, String> {
        read(&self.vote_path(round, validator))
    }

    pub fn work(&self, task: &Pubkey, contributor: &Pubkey) -> Result<Option<WorkSecret>, String> {
        read(&self.work_path(task, contributor))
    }

    pub fn save_vote(
        &self,
        secret: &VoteSecret,
        round: &Pubkey,
        validator: &Pubkey,
    ) -> Result<PathBuf, String> {
        let path = self.vote_path(round, validator);
        write(&path, secret)?;
        Ok(path)
    }

    pub fn save_work(
        &self,
        secret: &WorkSecret,
        task: &Pubkey,
        contributor: &Pubkey,
    ) -> Result<PathBuf, String> {
        let path = self.work_path(task, contributor);
        write(&path, secret)?;
        Ok(path)
    }

    /// Every stored vote secret of `validator`.
    pub fn votes_of(&self, validator: &Pubkey) -> Result<Vec<VoteSecret>, String> {
        list(&self.dir.join("votes"), &format!(".{validator}.json"))
    }

    /// Every stored submission secret of `contributor`.
    pub fn works_of(&self, contributor: &Pubkey) -> Result<Vec<WorkSecret>, String> {
        list(
            &self.dir.join("submissions"),
            &format!(".{contributor}.json"),
        )
    }
}

fn read<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| format!("secret file {} is malformed: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read secret file {}: {e}", path.display())),
    }
}

fn list<T: DeserializeOwned>(dir: &Path, suffix: &str) -> Result<Vec<T>, String> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", dir.display())),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        if let Some(secret) = read(&p)? {
            out.push(secret);
        }
    }
    Ok(out)
}

/// Writes `value` to `path` readable by its owner only, through a temporary file renamed
/// into place, flushed to disk first.
fn write<T: Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write secret file {}: {e}", path.display());
    let dir = path
        .parent()
        .ok_or_else(|| format!("bad path {}", path.display()))?;
    std::fs::create_dir_all(dir).map_err(fail)?;
    let tmp = path.with_extension("json.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(fail)?;
    }
    let mut file = options.open(&tmp).map_err(fail)?;
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::hex;

    #[test]
    fn secrets_are_stored_owner_only_and_read_back() {
        let root = std::env::temp_dir().join(format!("merit-secrets-{}", std::process::id()));
        let store = Secrets::new(Some(&root), "devnet");
        let (sub, val) = (Pubkey::new_unique(), Pubkey::new_unique());
        assert_eq!(store.vote(&sub, &val), Ok(None));
        let salt = fresh_salt();
        assert_ne!(salt, fresh_salt(), "salts are random");
        let secret = VoteSecret {
            task: Pubkey::new_unique().to_string(),
            submission: sub.to_string(),
            round: 1,
            validator: val.to_string(),
            score: 77,
            salt: hex(&salt),
            commitment: hex(&[1; 32]),
        };
        let path = store.save_vote(&secret, &sub, &val).unwrap();
        assert!(path.starts_with(root.join("devnet")));
        assert_eq!(store.vote(&sub, &val).unwrap(), Some(secret.clone()));
        assert_eq!(store.vote(&sub, &val).unwrap().unwrap().salt(), Ok(salt));
        assert_eq!(store.votes_of(&val).unwrap(), vec![secret]);
        assert!(store.votes_of(&Pubkey::new_unique()).unwrap().is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "no one else may read a salt");
        }
        std::fs::write(&path, "not json").unwrap();
        assert!(store.vote(&sub, &val).unwrap_err().contains("malformed"));
        std::fs::remove_dir_all(root).ok();
    }
}
