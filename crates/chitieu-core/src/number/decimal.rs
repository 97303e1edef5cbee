//! `f64` to decimal text with integer arithmetic only: the same strings as
//! `format!("{v:.N}")` ([`fixed`]) and `v.to_string()` ([`shortest`]).
//!
//! Why: core's float formatting (Grisu with a Dragon fallback, in two modes) is several
//! kilobytes of the widgets' wasm. Here every finite `f64` is written out exactly
//! (`m × 2^e` is `m × 5^-e / 10^-e`) with a small base-10⁹ big integer, then rounded as
//! text. Slower than core's, and fast enough for a chart's coordinates.

use std::cmp::Ordering;

/// A non-negative integer in base 10⁹, least significant limb first, no zero limb on top.
struct Big(Vec<u32>);

const BASE: u64 = 1_000_000_000;

impl Big {
    fn new(mut n: u64) -> Big {
        let mut limbs = Vec::with_capacity(4);
        while n > 0 {
            limbs.push((n % BASE) as u32);
            n /= BASE;
        }
        Big(limbs)
    }

    /// Multiplies by `m` (any `u32`: a limb times it plus the carry fits in a `u64`).
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let p = u64::from(*limb) * u64::from(m) + carry;
            *limb = (p % BASE) as u32;
            carry = p / BASE;
        }
        while carry > 0 {
            self.0.push((carry % BASE) as u32);
            carry /= BASE;
        }
    }

    fn mul_pow2(&mut self, mut e: u32) {
        while e > 0 {
            let s = e.min(31);
            self.mul_small(1 << s);
            e -= s;
        }
    }

    fn mul_pow5(&mut self, mut e: u32) {
        // 5^13 is the largest power of 5 below 2^32.
        while e > 0 {
            let s = e.min(13);
            self.mul_small(5u32.pow(s));
            e -= s;
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// The decimal digits (ASCII), without leading zeros; "0" for zero.
    fn digits(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.0.len() * 9 + 1);
        for (i, &limb) in self.0.iter().rev().enumerate() {
            let mut buf = [b'0'; 9];
            let mut n = limb;
            for b in buf.iter_mut().rev() {
                *b = b'0' + (n % 10) as u8;
                n /= 10;
            }
            let skip = if i == 0 {
                buf.iter().position(|&b| b != b'0').unwrap_or(9)
            } else {
                0
            };
            out.extend_from_slice(&buf[skip..]);
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

/// A finite non-negative `f64` as `m × 2^e`, with the fields of its bit pattern.
struct Parts {
    m: u64,
    e: i32,
    /// The biased exponent (0 for subnormals) and the stored fraction.
    biased: u32,
    frac: u64,
}

fn parts(v: f64) -> Parts {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as u32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased as i32 - 1075)
    };
    Parts { m, e, biased, frac }
}

/// The exact value of a finite `v ≥ 0` as the digits of an integer `N` and a count `k`
/// of decimals: `v = N / 10^k`.
fn exact(v: f64) -> (Vec<u8>, usize) {
    let Parts { mut m, mut e, .. } = parts(v);
    if m == 0 {
        return (vec![b'0'], 0);
    }
    let tz = m.trailing_zeros().min(e.unsigned_abs());
    if e < 0 {
        m >>= tz;
        e += tz as i32;
    }
    let mut n = Big::new(m);
    if e >= 0 {
        n.mul_pow2(e as u32);
        (n.digits(), 0)
    } else {
        n.mul_pow5(e.unsigned_abs());
        (n.digits(), e.unsigned_abs() as usize)
    }
}

/// The sign and the text of a value that is not finite, as core's formatting writes them.
fn special(v: f64, out: &mut String) -> bool {
    if v.is_nan() {
        out.push_str("NaN");
        return true;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return true;
    }
    false
}

fn push_ascii(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|&b| char::from(b)));
}

/// `format!("{v:.decimals$}")`: the exact value rounded half to even on the last digit
/// shown; "-" for every negative value (also "-0.00"), "NaN", "inf", "-inf".
pub fn fixed(v: f64, decimals: usize) -> String {
    let mut out = String::new();
    if special(v, &mut out) {
        return out;
    }
    let (digits, k) = exact(v.abs());
    // At least one integer digit, then k decimals.
    let mut s = vec![b'0'; (k + 1).saturating_sub(digits.len())];
    s.extend_from_slice(&digits);
    let int_len = s.len() - k;
    if decimals >= k {
        s.resize(int_len + decimals, b'0');
    } else {
        let keep = int_len + decimals;
        let up = match s[keep] {
            b'6'..=b'9' => true,
            b'5' => s[keep + 1..].iter().any(|&b| b != b'0') || s[keep - 1] % 2 == 1,
            _ => false,
        };
        s.truncate(keep);
        if up {
            increment(&mut s);
        }
    }
    let int_len = s.len() - decimals;
    push_ascii(&mut out, &s[..int_len]);
    if decimals > 0 {
        out.push('.');
        push_ascii(&mut out, &s[int_len..]);
    }
    out
}

/// Adds one to a decimal digit string, growing it on a carry out of the first digit.
fn increment(s: &mut Vec<u8>) {
    for b in s.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return;
        }
    }
    s.insert(0, b'1');
}

/// Compares `c × 10^q` with `b × 2^f`, exactly.
fn cmp_dec_bin(c: u64, q: i32, b: u64, f: i32) -> Ordering {
    let s5 = (-q).max(0);
    let s2 = (-q).max(-f).max(0);
    let mut left = Big::new(c);
    left.mul_pow5((q + s5) as u32);
    left.mul_pow2((q + s2) as u32);
    let mut right = Big::new(b);
    right.mul_pow5(s5 as u32);
    right.mul_pow2((f + s2) as u32);
    left.cmp(&right)
}

/// Dragon's stopping rule on the exact digits `sig` of `a = 0.sig × 10^point`: with n
/// significant digits the candidates are the truncation t and t + 1 (in units of
/// 10^(point − n)); the first n where one reads back as `a` gives the result, the upper
/// one when both do and the rest is at least half a unit. n = 0 is the next power of
/// ten. Returns `(c, q)` for `c × 10^q`.
fn pick(
    sig: &[u8],
    point: i32,
    above_lo: &dyn Fn(u64, i32) -> bool,
    below_hi: &dyn Fn(u64, i32) -> bool,
) -> (u64, i32) {
    if below_hi(1, point) {
        return (1, point);
    }
    // Seventeen significant digits always identify an f64, so t fits in a u64.
    let limit = sig.len().min(17);
    let mut t = 0u64;
    for n in 1..=limit {
        t = t * 10 + u64::from(sig[n - 1] - b'0');
        let q = point - n as i32;
        if n == sig.len() {
            return (t, q);
        }
        let down = above_lo(t, q);
        let up = below_hi(t + 1, q);
        if up && (!down || sig[n] >= b'5') {
            return (t + 1, q);
        }
        if down {
            return (t, q);
        }
    }
    let q = point - limit as i32;
    match sig.get(limit) {
        Some(&b) if b >= b'5' => (t + 1, q),
        _ => (t, q),
    }
}

/// `v.to_string()`: the fewest significant digits that read back as `v` (the closer
/// candidate when two qualify, the upper one on a tie), written without an exponent.
/// Follows core's `flt2dec` (its decoder's rounding interval, Dragon's stopping rule).
pub fn shortest(v: f64) -> String {
    let mut out = String::new();
    if special(v, &mut out) {
        return out;
    }
    let a = v.abs();
    if a == 0.0 {
        out.push('0');
        return out;
    }
    let (digits, k) = exact(a);
    // a = 0.S × 10^point, S without trailing zeros.
    let point = digits.len() as i32 - k as i32;
    let sig_len = digits.iter().rposition(|&b| b != b'0').map_or(0, |i| i + 1);
    let sig = &digits[..sig_len];

    // The values that read back as `a`: from lo = lo_m × 2^f to hi = hi_m × 2^f, the
    // ends included when the mantissa is even (as core's decoder has it).
    let p = parts(a);
    let (lo_m, hi_m, f) = if p.biased > 0 && p.frac == 0 {
        // A power of two: the next value below is half as far away as the one above.
        (4 * p.m - 1, 4 * p.m + 2, p.e - 2)
    } else {
        (2 * p.m - 1, 2 * p.m + 1, p.e - 1)
    };
    let inclusive = p.biased == 0 || p.m % 2 == 0;
    let above_lo = |c: u64, q: i32| match cmp_dec_bin(c, q, lo_m, f) {
        Ordering::Greater => true,
        Ordering::Equal => inclusive,
        Ordering::Less => false,
    };
    let below_hi = |c: u64, q: i32| match cmp_dec_bin(c, q, hi_m, f) {
        Ordering::Less => true,
        Ordering::Equal => inclusive,
        Ordering::Greater => false,
    };

    let (c, q) = pick(sig, point, &above_lo, &below_hi);
    // c × 10^q without an exponent.
    let mut d = Big::new(c).digits();
    let mut q = q;
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
        q += 1;
    }
    if q >= 0 {
        push_ascii(&mut out, &d);
        out.extend(std::iter::repeat_n('0', q as usize));
    } else {
        let frac = q.unsigned_abs() as usize;
        if d.len() > frac {
            let int_len = d.len() - frac;
            push_ascii(&mut out, &d[..int_len]);
            out.push('.');
            push_ascii(&mut out, &d[int_len..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', frac - d.len()));
            push_ascii(&mut out, &d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fixed(v: f64, d: usize) {
        assert_eq!(fixed(v, d), format!("{v:.d$}"), "{v:?} to {d} decimals");
    }

    fn check_shortest(v: f64) {
        assert_eq!(shortest(v), v.to_string(), "{v:?}");
    }

    #[test]
    fn ties_and_edges_match_core() {
        for (v, d) in [
            (0.5, 0),
            (1.5, 0),
            (2.5, 0),
            (-0.5, 0),
            (9.5, 0),
            (0.25, 1),
            (0.75, 1),
            (0.125, 2),
            (0.375, 2),
            (0.0625, 3),
            (99.995, 2),
            (-0.001, 2),
            (-0.0, 2),
            (0.0, 0),
            (5e-324, 3),
            (1e300, 2),
            (f64::MAX, 1),
            (f64::MIN_POSITIVE, 4),
            (0.1, 30),
            (123.456, 0),
        ] {
            check_fixed(v, d);
        }
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            check_fixed(v, 2);
            check_shortest(v);
        }
    }

    #[test]
    fn shortest_edges_match_core() {
        for v in [
            0.0,
            -0.0,
            1.0,
            100.0,
            0.1,
            0.30000000000000004,
            1e21,
            1e23,
            1e-7,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::EPSILON,
            2f64.powi(60),
            2f64.powi(-60),
            9007199254740993.0,
            95.965_865_01,
            76.55,
            -1234.5,
        ] {
            check_shortest(v);
        }
        // Every power of two (the uneven rounding interval).
        for e in -1074..=1023 {
            check_shortest(2f64.powi(e));
        }
    }

    proptest::proptest! {
        #[test]
        fn fixed_matches_core_in_range(v in -1e12f64..1e12, d in 0usize..=4) {
            proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn fixed_matches_core_on_short_decimals(n in -1_000_000_000i64..1_000_000_000, s in 0u32..=6, d in 0usize..=6) {
            // Figures as datasets state them: few decimals, often on a tie.
            let v = n as f64 / 10f64.powi(s as i32);
            proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn fixed_matches_core_on_any_bits(bits in proptest::num::u64::ANY, d in 0usize..=20) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(fixed(v, d), format!("{v:.d$}"));
        }

        #[test]
        fn shortest_matches_core_in_range(v in -1e12f64..1e12) {
            proptest::prop_assert_eq!(shortest(v), v.to_string());
        }

        #[test]
        fn shortest_matches_core_on_short_decimals(n in -1_000_000_000i64..1_000_000_000, s in 0u32..=8) {
            let v = n as f64 / 10f64.powi(s as i32);
            proptest::prop_assert_eq!(shortest(v), v.to_string());
        }

        #[test]
        fn shortest_matches_core_on_any_bits(bits in proptest::num::u64::ANY) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(shortest(v), v.to_string());
        }
    }
}
