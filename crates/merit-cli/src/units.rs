//! What people type and read: token amounts in the mint's decimals, durations such as
//! `2d` or `1h30m`, times in UTC, and 32-byte hashes in hex.

/// Parses a token amount (`12`, `0.5`, `1_000.25`) into base units of a mint with
/// `decimals` decimals; more fractional digits than the mint has is an error, never a
/// silent rounding.
pub fn parse_amount(text: &str, decimals: u8) -> Result<u64, String> {
    let clean: String = text
        .trim()
        .chars()
        .filter(|c| *c != '_' && *c != ',')
        .collect();
    let (whole, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    let bad = || format!("{text:?} is not a token amount (e.g. 12 or 0.5)");
    if whole.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    if frac.len() > usize::from(decimals) {
        return Err(format!(
            "{text:?} has more than the mint's {decimals} decimal places"
        ));
    }
    let scale = 10u128.pow(u32::from(decimals));
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac_units: u128 = if frac.is_empty() {
        0
    } else {
        let padded = format!("{frac:0<width$}", width = usize::from(decimals));
        padded.parse().map_err(|_| bad())?
    };
    let total = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac_units))
        .ok_or_else(|| format!("{text:?} is too large"))?;
    u64::try_from(total).map_err(|_| format!("{text:?} is too large"))
}

/// Formats base units as a token amount, without trailing zeros (`1.5`, `100`).
pub fn fmt_amount(units: u64, decimals: u8) -> String {
    let scale = 10u64.pow(u32::from(decimals));
    let (whole, frac) = (units / scale, units % scale);
    if frac == 0 {
        return whole.to_string();
    }
    let frac = format!("{frac:0width$}", width = usize::from(decimals));
    format!("{whole}.{}", frac.trim_end_matches('0'))
}

/// Parses a duration: `90` (seconds), `45s`, `30m`, `2h`, `3d`, `1w`, or a sum such as
/// `1h30m`.
pub fn parse_duration(text: &str) -> Result<i64, String> {
    let bad = || format!("{text:?} is not a duration (e.g. 90s, 30m, 2h, 3d, 1w, 1h30m)");
    let t = text.trim();
    if t.is_empty() {
        return Err(bad());
    }
    if let Ok(secs) = t.parse::<i64>() {
        return if secs > 0 { Ok(secs) } else { Err(bad()) };
    }
    let mut total: i64 = 0;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(bad()),
        };
        let n: i64 = number.parse().map_err(|_| bad())?;
        number.clear();
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
    }
    if !number.is_empty() || total <= 0 {
        return Err(bad());
    }
    Ok(total)
}

/// Formats seconds as `2d 3h`, `1h 30m`, `45s` (the two largest units).
pub fn fmt_duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let parts = [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")];
    let mut out = Vec::new();
    let mut rest = s;
    for (size, unit) in parts {
        if rest >= size && out.len() < 2 {
            out.push(format!("{}{unit}", rest / size));
            rest %= size;
        } else if !out.is_empty() {
            break;
        }
    }
    if out.is_empty() {
        "0s".into()
    } else {
        out.join(" ")
    }
}

/// A unix time as `2027-01-15 10:00:00 UTC`.
pub fn fmt_time(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        secs / 3_600,
        secs % 3_600 / 60,
        secs % 60
    )
}

/// `unix` relative to `now`: `in 2h 5m`, `3d ago`.
pub fn fmt_relative(unix: i64, now: i64) -> String {
    if unix >= now {
        format!("in {}", fmt_duration(unix - now))
    } else {
        format!("{} ago", fmt_duration(now - unix))
    }
}

/// A time with its distance from now: `2027-01-15 10:00:00 UTC (in 2h)`.
pub fn fmt_when(unix: i64, now: i64) -> String {
    format!("{} ({})", fmt_time(unix), fmt_relative(unix, now))
}

/// How far this machine's clock is from the cluster's `cluster_now`, in words, when it is
/// off by 2 s or more (what a user reading wall-clock times would get wrong); `None` when
/// they agree. Times the CLI prints are always the cluster's.
pub fn clock_skew_note(cluster_now: i64, machine_now: i64) -> Option<String> {
    let off = machine_now.saturating_sub(cluster_now);
    if off.abs() < 2 {
        return None;
    }
    let side = if off > 0 { "ahead of" } else { "behind" };
    Some(format!(
        "Note: this machine's clock is {} {side} the cluster's; the times here are the cluster's.",
        fmt_duration(off.abs())
    ))
}

/// The machine's unix time (for [`clock_skew_note`] only: no rule ever reads it).
pub fn machine_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Hex of 32 bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses 64 hex digits (an optional `0x` first).
pub fn parse_hash(text: &str) -> Result<[u8; 32], String> {
    let t = text.trim().trim_start_matches("0x");
    let bad = || format!("{text:?} is not a 32-byte hash in hex (64 digits)");
    if t.len() != 64 {
        return Err(bad());
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&t[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    Ok(out)
}

/// The sha256 of a file's bytes: how a specification or a piece of work is named.
pub fn hash_file(path: &std::path::Path) -> Result<[u8; 32], String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(solana_sha256_hasher::hashv(&[&bytes]).to_bytes())
}

/// A base58 public key, for clap's `value_parser`.
pub fn pubkey(text: &str) -> Result<anchor_lang::prelude::Pubkey, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a base58 public key"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_note_says_how_far_and_which_way_from_two_seconds() {
        assert_eq!(super::clock_skew_note(1_000, 1_001), None);
        assert_eq!(super::clock_skew_note(1_000, 999), None);
        let behind = super::clock_skew_note(1_000, 998).unwrap();
        assert!(behind.contains("is 2s behind the cluster's"), "{behind}");
        let ahead = super::clock_skew_note(1_000, 1_000 + 3_720).unwrap();
        assert!(ahead.contains("is 1h 2m ahead of the cluster's"), "{ahead}");
    }

    use super::*;

    #[test]
    fn amounts_parse_in_the_mints_decimals_and_never_round() {
        assert_eq!(parse_amount("12", 6), Ok(12_000_000));
        assert_eq!(parse_amount("0.5", 6), Ok(500_000));
        assert_eq!(parse_amount(".25", 2), Ok(25));
        assert_eq!(parse_amount("1_000.000001", 6), Ok(1_000_000_001));
        assert!(parse_amount("0.0000001", 6)
            .unwrap_err()
            .contains("decimal places"));
        assert!(parse_amount("-1", 6).is_err());
        assert!(parse_amount("1e3", 6).is_err());
        assert!(parse_amount("", 6).is_err());
        assert!(parse_amount("99999999999999999999", 6)
            .unwrap_err()
            .contains("too large"));
        assert_eq!(fmt_amount(1_500_000, 6), "1.5");
        assert_eq!(fmt_amount(100_000_000, 6), "100");
        assert_eq!(fmt_amount(1, 6), "0.000001");
        assert_eq!(fmt_amount(7, 0), "7");
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(parse_duration("90"), Ok(90));
        assert_eq!(parse_duration("2d"), Ok(172_800));
        assert_eq!(parse_duration("1h30m"), Ok(5_400));
        assert_eq!(parse_duration("1w"), Ok(604_800));
        for bad in ["", "0", "-5", "2x", "h", "3h5", "99999999999999999w"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(fmt_duration(5_400), "1h 30m");
        assert_eq!(fmt_duration(2 * 86_400 + 7), "2d");
        assert_eq!(fmt_duration(0), "0s");
    }

    #[test]
    fn times_are_utc_calendar_dates() {
        assert_eq!(fmt_time(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(fmt_time(1_800_000_000), "2027-01-15 08:00:00 UTC");
        assert_eq!(fmt_time(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(fmt_relative(100, 40), "in 1m");
        assert_eq!(fmt_relative(40, 100), "1m ago");
    }

    #[test]
    fn hashes_round_trip_through_hex() {
        let h = [0xab; 32];
        assert_eq!(parse_hash(&hex(&h)), Ok(h));
        assert_eq!(parse_hash(&format!("0x{}", hex(&h))), Ok(h));
        assert!(parse_hash("abcd").is_err());
        assert!(parse_hash(&"zz".repeat(32)).is_err());
    }
}
