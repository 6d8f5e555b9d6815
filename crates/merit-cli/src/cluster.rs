//! The Solana CLI's habits: `-u` takes a URL or a moniker (`mainnet-beta`, `devnet`,
//! `testnet`, `localhost`, or their first letter), `-k` defaults to the keypair of the
//! Solana CLI's config (`~/.config/solana/cli/config.yml`), and every signature comes
//! with an explorer link for its cluster.
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The fields of the Solana CLI's config that `merit` reads.
#[derive(Debug, Default, Deserialize)]
pub struct SolanaConfig {
    #[serde(default)]
    pub json_rpc_url: Option<String>,
    #[serde(default)]
    pub keypair_path: Option<String>,
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

/// `~/.config/solana/cli/config.yml`, where the Solana CLI keeps its config.
pub fn default_config_path() -> Option<PathBuf> {
    home().map(|h| h.join(".config/solana/cli/config.yml"))
}

/// Reads the Solana CLI config at `path` (or the default path); a missing default file
/// is an empty config, a missing or malformed named one is an error.
pub fn load_solana_config(path: Option<&Path>) -> Result<SolanaConfig, String> {
    let (path, named) = match path {
        Some(p) => (p.to_path_buf(), true),
        None => match default_config_path() {
            Some(p) => (p, false),
            None => return Ok(SolanaConfig::default()),
        },
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_yaml::from_str(&text)
            .map_err(|e| format!("Solana CLI config {} is malformed: {e}", path.display())),
        Err(_) if !named => Ok(SolanaConfig::default()),
        Err(e) => Err(format!(
            "cannot read Solana CLI config {}: {e}",
            path.display()
        )),
    }
}

/// A URL or moniker as a JSON-RPC URL.
pub fn normalize_url(url_or_moniker: &str) -> String {
    match url_or_moniker {
        "mainnet-beta" | "m" => "https://api.mainnet-beta.solana.com".into(),
        "devnet" | "d" => "https://api.devnet.solana.com".into(),
        "testnet" | "t" => "https://api.testnet.solana.com".into(),
        "localhost" | "l" => "http://localhost:8899".into(),
        other => other.into(),
    }
}

/// The endpoint: `-u` (or `MERIT_RPC_URL`), else the Solana CLI config's, else localhost.
pub fn resolve_url(flag: Option<&str>, config: &SolanaConfig) -> String {
    let chosen = flag
        .map(str::to_string)
        .or_else(|| config.json_rpc_url.clone().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "localhost".into());
    normalize_url(&chosen)
}

/// The keypair file: `-k` (or `MERIT_KEYPAIR`), else the Solana CLI config's, else
/// `~/.config/solana/id.json`.
pub fn resolve_keypair_path(flag: Option<&Path>, config: &SolanaConfig) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    if let Some(p) = config.keypair_path.as_deref().filter(|p| !p.is_empty()) {
        return expand_home(p);
    }
    home()
        .map(|h| h.join(".config/solana/id.json"))
        .unwrap_or_else(|| PathBuf::from("id.json"))
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), home()) {
        (Some(rest), Some(h)) => h.join(rest),
        _ => PathBuf::from(path),
    }
}

/// The cluster a URL points at, as the explorer and the secrets folder name it.
pub fn cluster_label(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.contains("mainnet") {
        "mainnet-beta".into()
    } else if lower.contains("devnet") {
        "devnet".into()
    } else if lower.contains("testnet") {
        "testnet".into()
    } else {
        let host = lower
            .split("://")
            .nth(1)
            .unwrap_or(&lower)
            .split('/')
            .next()
            .unwrap_or("custom");
        let host = host.replace("127.0.0.1", "localhost");
        host.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }
}

/// An explorer link for a transaction on the cluster at `url`.
pub fn explorer_link(signature: &str, url: &str) -> String {
    let base = format!("https://explorer.solana.com/tx/{signature}");
    match cluster_label(url).as_str() {
        "mainnet-beta" => base,
        "devnet" => format!("{base}?cluster=devnet"),
        "testnet" => format!("{base}?cluster=testnet"),
        _ => format!("{base}?cluster=custom&customUrl={}", percent_encode(url)),
    }
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monikers_and_urls_resolve_like_the_solana_cli() {
        let none = SolanaConfig::default();
        assert_eq!(
            resolve_url(Some("devnet"), &none),
            "https://api.devnet.solana.com"
        );
        assert_eq!(
            resolve_url(Some("m"), &none),
            "https://api.mainnet-beta.solana.com"
        );
        assert_eq!(
            resolve_url(Some("http://10.0.0.1:8899"), &none),
            "http://10.0.0.1:8899"
        );
        assert_eq!(resolve_url(None, &none), "http://localhost:8899");
        let config = SolanaConfig {
            json_rpc_url: Some("https://api.testnet.solana.com".into()),
            keypair_path: Some("/keys/me.json".into()),
        };
        assert_eq!(resolve_url(None, &config), "https://api.testnet.solana.com");
        assert_eq!(resolve_url(Some("l"), &config), "http://localhost:8899");
        assert_eq!(
            resolve_keypair_path(None, &config),
            PathBuf::from("/keys/me.json")
        );
        assert_eq!(
            resolve_keypair_path(Some(Path::new("/other.json")), &config),
            PathBuf::from("/other.json")
        );
    }

    #[test]
    fn the_solana_cli_config_is_read_and_a_named_missing_one_is_an_error() {
        let dir = std::env::temp_dir().join(format!("merit-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("config.yml");
        std::fs::write(
            &file,
            "---\njson_rpc_url: \"https://api.devnet.solana.com\"\nwebsocket_url: \"\"\nkeypair_path: /k/id.json\naddress_labels:\n  \"11111111111111111111111111111111\": System Program\ncommitment: confirmed\n",
        )
        .unwrap();
        let config = load_solana_config(Some(&file)).unwrap();
        assert_eq!(
            config.json_rpc_url.as_deref(),
            Some("https://api.devnet.solana.com")
        );
        assert_eq!(config.keypair_path.as_deref(), Some("/k/id.json"));
        assert!(load_solana_config(Some(&dir.join("absent.yml"))).is_err());
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn explorer_links_name_the_cluster() {
        assert_eq!(
            explorer_link("SIG", "https://api.devnet.solana.com"),
            "https://explorer.solana.com/tx/SIG?cluster=devnet"
        );
        assert_eq!(
            explorer_link("SIG", "https://api.mainnet-beta.solana.com"),
            "https://explorer.solana.com/tx/SIG"
        );
        assert_eq!(
            explorer_link("SIG", "http://localhost:8899"),
            "https://explorer.solana.com/tx/SIG?cluster=custom&customUrl=http%3A%2F%2Flocalhost%3A8899"
        );
        assert_eq!(cluster_label("http://127.0.0.1:8899"), "localhost_8899");
    }
}
