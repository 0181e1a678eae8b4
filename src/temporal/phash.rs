//! A perfect hash of the lexicon's words: every word has a slot of its own, so a
//! look-up is one hash of the token's bytes (lower-cased on the fly), one slot
//! and one comparison, with no probing and no allocation.
//!
//! It is built once, by "hash and displace": the words are spread over small
//! buckets, and each bucket, largest first, gets the first displacement that
//! sends all its words to free slots.

/// Slot value for "no word".
const EMPTY: u16 = u16::MAX;

pub struct PerfectHash {
    /// Per bucket, the displacement mixed into its words' hashes.
    displacements: Vec<u32>,
    /// Per slot, the index of the key there (in the order given to `build`), or `EMPTY`.
    slots: Vec<u16>,
    slot_mask: usize,
    bucket_mask: usize,
}

/// FNV-1a over the ASCII-lower-cased bytes.
#[inline]
fn hash_lower(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b.to_ascii_lowercase() as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A 64-bit finaliser (splitmix64), so that nearby displacements scatter.
#[inline]
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl PerfectHash {
    /// Builds the table for `keys`, which must be distinct once lower-cased (and fewer than 65,535).
    pub fn build(keys: &[&str]) -> PerfectHash {
        assert!(keys.len() < EMPTY as usize, "the perfect hash holds up to 65,534 keys");
        // Half-full slots and about four keys per bucket make displacements quick to find.
        let slot_count = (keys.len() * 2).next_power_of_two().max(8);
        let bucket_count = (keys.len() / 4).next_power_of_two().max(1);
        let hashes: Vec<u64> = keys.iter().map(|k| hash_lower(k.as_bytes())).collect();
        let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
        for (k, h) in hashes.iter().enumerate() {
            buckets[(h >> 40) as usize & (bucket_count - 1)].push(k);
        }
        let mut order: Vec<usize> = (0..bucket_count).collect();
        order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
        let mut table = PerfectHash {
            displacements: vec![0; bucket_count],
            slots: vec![EMPTY; slot_count],
            slot_mask: slot_count - 1,
            bucket_mask: bucket_count - 1,
        };
        let mut taken: Vec<usize> = Vec::new();
        for b in order {
            if buckets[b].is_empty() {
                continue;
            }
            let placed = (0u32..1 << 24).find(|&d| {
                taken.clear();
                for &k in &buckets[b] {
                    let slot = table.slot_of(hashes[k], d);
                    if table.slots[slot] != EMPTY || taken.contains(&slot) {
                        return false;
                    }
                    taken.push(slot);
                }
                true
            });
            let d = placed.expect("duplicate keys: no displacement separates them");
            table.displacements[b] = d;
            for &k in &buckets[b] {
                let slot = table.slot_of(hashes[k], d);
                table.slots[slot] = k as u16;
            }
        }
        table
    }

    #[inline]
    fn slot_of(&self, hash: u64, displacement: u32) -> usize {
        mix(hash ^ displacement as u64) as usize & self.slot_mask
    }

    /// The index of the only key that `word` can be (ignoring ASCII case), if any.
    /// The caller compares the word with that key: a word not in the table
    /// lands on some key's slot.
    #[inline]
    pub fn candidate(&self, word: &[u8]) -> Option<usize> {
        let h = hash_lower(word);
        let d = self.displacements[(h >> 40) as usize & self.bucket_mask];
        let k = self.slots[self.slot_of(h, d)];
        (k != EMPTY).then_some(k as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_its_own_slot() {
        let keys: Vec<String> = (0..5000).map(|i| format!("w{i}x")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table = PerfectHash::build(&refs);
        for (i, k) in refs.iter().enumerate() {
            assert_eq!(table.candidate(k.as_bytes()), Some(i));
            assert_eq!(table.candidate(k.to_ascii_uppercase().as_bytes()), Some(i));
        }
    }

    #[test]
    fn tiny_tables_work() {
        let table = PerfectHash::build(&["may"]);
        assert_eq!(table.candidate(b"May"), Some(0));
        let empty = PerfectHash::build(&[]);
        assert_eq!(empty.candidate(b"may"), None);
    }
}
