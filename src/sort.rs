//! Stable sorting through one shared merge sort.
//!
//! Input: a vector and a comparison (or a key). Output: the vector in stable order, the
//! same order `slice::sort_by` gives. Why not std: its sorts are generic, and every call
//! site's instance adds several kilobytes to the Wasm, which has a size budget. Here only
//! positions are sorted, by one non-generic merge sort that asks a callback to compare
//! two positions; the elements are then moved once.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let Some(order) = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b])) else {
        return;
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts a slice of plain values in place (equal values are indistinguishable, so the
/// order is that of an unstable sort too). Short slices, the usual case (a claim's words),
/// by insertion, without allocating.
pub fn sort_values<T: Copy + Ord>(s: &mut [T]) {
    if s.len() <= 32 {
        for i in 1..s.len() {
            let v = s[i];
            let mut j = i;
            while j > 0 && s[j - 1] > v {
                s[j] = s[j - 1];
                j -= 1;
            }
            s[j] = v;
        }
        return;
    }
    let Some(order) = sorted_positions(s.len(), &mut |a, b| s[a].cmp(&s[b])) else {
        return;
    };
    let sorted: Vec<T> = order.iter().map(|&i| s[i]).collect();
    s.copy_from_slice(&sorted);
}

/// The positions `0..n` in stable sorted order: a merge sort of the runs already in
/// order (a position not less than the one before it continues its run) that, on a tie,
/// takes the earlier position first. `None` when all are in order already, as most lists
/// sorted here are: nothing need move. A list of two sorted parts (quotes, then reports
/// appended) is one merge.
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Option<Vec<usize>> {
    // The first position less than the one before it, found before anything is
    // allocated (most lists are in order).
    let first_break = (1..n).find(|&i| cmp(i, i - 1) == Ordering::Less)?;
    // Where each run starts, then `n`.
    let mut bounds: Vec<usize> = [0, first_break]
        .into_iter()
        .chain((first_break + 1..n).filter(|&i| cmp(i, i - 1) == Ordering::Less))
        .chain([n])
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut buffer = vec![0; n];
    while bounds.len() > 2 {
        // Runs merged in pairs (an odd last run copied as it is); `bounds` keeps the
        // starts of the merged runs.
        let mut kept = 1;
        let mut r = 0;
        while r + 1 < bounds.len() {
            let (start, mid) = (bounds[r], bounds[r + 1]);
            let end = bounds.get(r + 2).copied().unwrap_or(mid);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if cmp(order[j], order[i]) == Ordering::Less {
                    buffer[k] = order[j];
                    j += 1;
                } else {
                    buffer[k] = order[i];
                    i += 1;
                }
                k += 1;
            }
            buffer[k..k + mid - i].copy_from_slice(&order[i..mid]);
            k += mid - i;
            buffer[k..k + end - j].copy_from_slice(&order[j..end]);
            bounds[kept] = end;
            kept += 1;
            r += 2;
        }
        bounds.truncate(kept);
        std::mem::swap(&mut order, &mut buffer);
    }
    Some(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_order_are_none() {
        // (values, sorted positions; `None`: in order already)
        let rows: &[(&[u32], Option<&[usize]>)] = &[
            (&[], None),
            (&[5], None),
            (&[1, 2, 2, 3], None),
            (&[2, 1], Some(&[1, 0])),
            (&[1, 3, 2, 2], Some(&[0, 2, 3, 1])),
            (&[3, 3, 1], Some(&[2, 0, 1])),
            (&[1, 4, 6, 2, 4, 5], Some(&[0, 3, 1, 4, 5, 2])),
            (&[5, 4, 3, 2, 1], Some(&[4, 3, 2, 1, 0])),
            (&[2, 1, 2, 1, 2, 1, 0], Some(&[6, 1, 3, 5, 0, 2, 4])),
        ];
        for &(values, want) in rows {
            let got = sorted_positions(values.len(), &mut |a, b| values[a].cmp(&values[b]));
            assert_eq!(got.as_deref(), want, "{values:?}");
        }
    }

    #[test]
    fn sorts_like_std_stable_sort() {
        // Pairs sorted by their first field only: ties keep their order, as in std.
        let mut seed = 12345u32;
        for n in [0, 1, 2, 3, 7, 8, 9, 31, 32, 33, 64, 100, 257] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 10, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "n = {n}");
            // Plain values, sorted in place in a slice's tail.
            let mut values: Vec<u32> = v.iter().map(|p| p.0).collect();
            let mut expected = values.clone();
            let from = n / 3;
            sort_values(&mut values[from..]);
            expected[from..].sort_unstable();
            assert_eq!(values, expected, "n = {n}");
        }
    }
}
