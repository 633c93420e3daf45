//! The hasher of the simulation's indices (and of the cross-object checks' maps).

use std::{
    collections::HashMap,
    hash::{BuildHasherDefault, Hash, Hasher},
};

/// FxHash (rustc's hasher): the index keys are short strings, and the input is a user's own
/// manifests, so there is nothing to gain from SipHash's flooding resistance.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The same little-endian word as copying `rest` into zeroed bytes, without the
            // `memcpy` call and the store-to-load stall that copy costs on every short key.
            let word = (rest.iter().enumerate())
                .fold(0u64, |word, (i, &b)| word | u64::from(b) << (8 * i));
            self.add(word);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hash of a PV name, for [`Simulation::run_with`].
pub(crate) fn name_hash(name: &str) -> u64 {
    let mut h = FxHasher::default();
    name.hash(&mut h);
    h.finish()
}

/// The hash of a claim's `(namespace, name)`, for [`Simulation::run_with`].
pub(crate) fn claim_hash(namespace: &str, name: &str) -> u64 {
    let mut h = FxHasher::default();
    (namespace, name).hash(&mut h);
    h.finish()
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hasher reads a short tail as the zero-padded little-endian word it always did.
    #[test]
    fn fx_hasher_tail_is_the_padded_word() {
        let text = "abcdefghijklmnopqrstuvwxyz0123456789";
        for len in 0..=text.len() {
            let bytes = &text.as_bytes()[..len];
            let mut expected = FxHasher::default();
            let mut chunks = bytes.chunks_exact(8);
            for chunk in &mut chunks {
                expected.add(u64::from_le_bytes(chunk.try_into().unwrap()));
            }
            if !chunks.remainder().is_empty() {
                let mut word = [0u8; 8];
                word[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
                expected.add(u64::from_le_bytes(word));
            }
            let mut actual = FxHasher::default();
            actual.write(bytes);
            assert_eq!(actual.finish(), expected.finish(), "length {len}");
        }
    }
}
