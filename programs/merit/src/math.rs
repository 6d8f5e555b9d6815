//! Checked arithmetic. Every operation that can overflow goes through [`SafeMath`]
//! and fails with [`MeritError::MathOverflow`]; products use u128 intermediates.
use crate::constants::BPS_DENOMINATOR;
use crate::error::MeritError;
use anchor_lang::prelude::*;

pub trait SafeMath: Sized {
    fn safe_add(self, rhs: Self) -> Result<Self>;
    fn safe_sub(self, rhs: Self) -> Result<Self>;
    fn safe_mul(self, rhs: Self) -> Result<Self>;
    fn safe_div(self, rhs: Self) -> Result<Self>;
}

macro_rules! impl_safe_math {
    ($($t:ty),*) => {$(
        impl SafeMath for $t {
            #[track_caller]
            #[inline(always)]
            fn safe_add(self, rhs: Self) -> Result<Self> {
                self.checked_add(rhs).ok_or_else(|| error!(MeritError::MathOverflow))
            }
            #[track_caller]
            #[inline(always)]
            fn safe_sub(self, rhs: Self) -> Result<Self> {
                self.checked_sub(rhs).ok_or_else(|| error!(MeritError::MathOverflow))
            }
            #[track_caller]
            #[inline(always)]
            fn safe_mul(self, rhs: Self) -> Result<Self> {
                self.checked_mul(rhs).ok_or_else(|| error!(MeritError::MathOverflow))
            }
            #[track_caller]
            #[inline(always)]
            fn safe_div(self, rhs: Self) -> Result<Self> {
                self.checked_div(rhs).ok_or_else(|| error!(MeritError::MathOverflow))
            }
        }
    )*};
}
impl_safe_math!(u8, u16, u32, u64, u128, i64);

/// `floor(a * b / c)`, for payouts: never pays a unit that is not there.
#[track_caller]
pub fn mul_div_floor(a: u64, b: u64, c: u64) -> Result<u64> {
    let q = (a as u128).safe_mul(b as u128)?.safe_div(c as u128)?;
    u64::try_from(q).map_err(|_| error!(MeritError::MathOverflow))
}

/// `ceil(a * b / c)`, for amounts the protocol takes (bonds, slashes).
#[track_caller]
pub fn mul_div_ceil(a: u64, b: u64, c: u64) -> Result<u64> {
    let c128 = c as u128;
    let q = (a as u128)
        .safe_mul(b as u128)?
        .safe_add(c128.safe_sub(1)?)?
        .safe_div(c128)?;
    u64::try_from(q).map_err(|_| error!(MeritError::MathOverflow))
}

/// `floor(amount * bps / 10_000)`.
#[track_caller]
pub fn bps_floor(amount: u64, bps: u16) -> Result<u64> {
    mul_div_floor(amount, bps as u64, BPS_DENOMINATOR as u64)
}

/// `ceil(amount * bps / 10_000)`.
#[track_caller]
pub fn bps_ceil(amount: u64, bps: u16) -> Result<u64> {
    mul_div_ceil(amount, bps as u64, BPS_DENOMINATOR as u64)
}

/// Fixed-point one for [`retention_pow`].
pub const WAD: u128 = 1_000_000_000_000_000_000;

/// `((10_000 - decay_bps) / 10_000) ^ exp` as a WAD fraction, by repeated squaring
/// (at most 64 rounds, whatever `exp`), each product rounded down.
pub fn retention_pow(decay_bps: u16, exp: u64) -> Result<u128> {
    let keep = u128::from(BPS_DENOMINATOR.saturating_sub(decay_bps));
    let mut base = keep.safe_mul(WAD / u128::from(BPS_DENOMINATOR))?;
    let mut result = WAD;
    let mut e = exp;
    while e > 0 && result > 0 {
        if e & 1 == 1 {
            result = result.safe_mul(base)? / WAD;
        }
        e >>= 1;
        if e > 0 {
            base = base.safe_mul(base)? / WAD;
        }
    }
    Ok(result)
}

/// `floor(amount * fraction / WAD)`.
pub fn apply_wad(amount: u64, fraction: u128) -> Result<u64> {
    let v = u128::from(amount).safe_mul(fraction)? / WAD;
    u64::try_from(v).map_err(|_| error!(MeritError::MathOverflow))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_directions() {
        assert_eq!(mul_div_floor(10, 1, 3).unwrap(), 3);
        assert_eq!(mul_div_ceil(10, 1, 3).unwrap(), 4);
        assert_eq!(mul_div_ceil(9, 1, 3).unwrap(), 3);
        assert_eq!(bps_floor(u64::MAX, 10_000).unwrap(), u64::MAX);
        assert_eq!(bps_ceil(u64::MAX, 10_000).unwrap(), u64::MAX);
        assert_eq!(bps_ceil(1, 1).unwrap(), 1);
        assert_eq!(bps_floor(1, 9_999).unwrap(), 0);
        assert!(mul_div_floor(1, 1, 0).is_err());
        assert!(mul_div_floor(u64::MAX, u64::MAX, 1).is_err());
        assert!(u64::MAX.safe_add(1).is_err());
        assert!(0u64.safe_sub(1).is_err());
    }

    #[test]
    fn retention_pow_matches_repeated_multiplication() {
        assert_eq!(retention_pow(500, 0).unwrap(), WAD);
        assert_eq!(retention_pow(10_000, 3).unwrap(), 0);
        assert_eq!(retention_pow(0, u64::MAX).unwrap(), WAD);
        let mut slow = WAD;
        for i in 1..=200u64 {
            slow = slow * 9_500 / 10_000;
            let fast = retention_pow(500, i).unwrap();
            let diff = fast.abs_diff(slow);
            assert!(
                diff <= slow / 1_000_000_000 + 200,
                "epoch {i}: {fast} vs {slow}"
            );
        }
        assert_eq!(retention_pow(500, u64::MAX).unwrap(), 0);
    }
}
