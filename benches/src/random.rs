//! The seedable random source every generator draws from.

/// `SplitMix64`: a tiny, fast, seedable generator (Steele, Lea & Flood 2014). Not for secrets.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0). The modulo bias is irrelevant for test data.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// `true` with a probability of `percent` %.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// An index in `0..len`.
    pub fn index(&mut self, len: usize) -> usize {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(n)).unwrap_or(0)
    }

    /// One element of `items` (the default value when `items` is empty).
    pub fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        items
            .get(self.index(items.len()))
            .copied()
            .unwrap_or_default()
    }

    /// One element of `items`, chosen with the given relative weights.
    pub fn weighted<T: Copy + Default>(&mut self, items: &[(u64, T)]) -> T {
        let total: u64 = items.iter().map(|(w, _)| w).sum();
        let mut roll = self.below(total);
        for &(w, item) in items {
            if roll < w {
                return item;
            }
            roll -= w;
        }
        T::default()
    }

    /// A decimal digit in `lo..=hi` (both clamped to 0–9).
    pub fn digit(&mut self, lo: u8, hi: u8) -> u8 {
        let (lo, hi) = (lo.min(9), hi.min(9).max(lo.min(9)));
        lo + u8::try_from(self.below(u64::from(hi - lo) + 1)).unwrap_or(0)
    }
}
