//! Training the part-of-speech tagger ([`super::pos`]): an averaged perceptron
//! over CoNLL-U sentences. Used by `examples/train_pos.rs`; nothing here runs
//! when Newsline tags text.

use std::collections::HashMap;

use super::pos::{
    self, ModelData, N_CONTEXT_FEATURES, N_OWN_FEATURES, N_TAG_FEATURES, WordKeys, context_features, normalise, own_features, tag_features,
};

/// A sentence of the treebank: words and their Penn tags.
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Sentences of a CoNLL-U file (word form and XPOS of every word; multiword
/// tokens and empty nodes are skipped, as their parts are listed).
pub fn read_conllu(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence { words: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(&mut cur, Sentence { words: Vec::new(), tags: Vec::new() }));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 || cols[0].contains(['-', '.']) {
            continue;
        }
        cur.words.push(cols[1].to_string());
        cur.tags.push(cols[4].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Weight {
    w: f64,
    total: f64,
    stamp: u64,
}

struct Perceptron {
    n_tags: usize,
    weights: HashMap<u64, Vec<(u8, Weight)>>,
    /// Updates so far: the clock of the averaging.
    clock: u64,
}

impl Perceptron {
    fn scores(&self, feats: &[u64], scores: &mut [f64]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(ws) = self.weights.get(f) {
                for (t, w) in ws {
                    scores[*t as usize] += w.w;
                }
            }
        }
    }

    fn predict(&self, feats: &[u64], scores: &mut [f64]) -> u8 {
        self.scores(feats, scores);
        let mut best = 0;
        for (j, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = j;
            }
        }
        best as u8
    }

    fn update(&mut self, truth: u8, guess: u8, feats: &[u64]) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        let clock = self.clock;
        for f in feats {
            let ws = self.weights.entry(*f).or_default();
            for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                let at = match ws.iter().position(|(t, _)| *t == tag) {
                    Some(p) => p,
                    None => {
                        ws.push((tag, Weight { stamp: clock, ..Default::default() }));
                        ws.len() - 1
                    }
                };
                let w = &mut ws[at].1;
                w.total += (clock - w.stamp) as f64 * w.w;
                w.stamp = clock;
                w.w += delta;
            }
        }
    }

    /// The averaged weights, quantised to i16; weights under `prune` (in units of
    /// the largest weight) are dropped.
    fn averaged(&self, prune: f64) -> Vec<(u64, Vec<(u8, i16)>)> {
        let clock = self.clock.max(1) as f64;
        let avg: Vec<(u64, Vec<(u8, f64)>)> = self
            .weights
            .iter()
            .map(|(k, ws)| {
                let ws = ws.iter().map(|(t, w)| (*t, (w.total + (clock - w.stamp as f64) * w.w) / clock)).collect();
                (*k, ws)
            })
            .collect();
        let max = avg.iter().flat_map(|(_, ws)| ws.iter().map(|(_, w)| w.abs())).fold(0.0f64, f64::max).max(1e-9);
        let scale = 32_000.0 / max;
        let mut out: Vec<(u64, Vec<(u8, i16)>)> = avg
            .into_iter()
            .map(|(k, ws)| {
                let mut q: Vec<(u8, i16)> = ws
                    .into_iter()
                    .filter(|(_, w)| w.abs() >= prune * max)
                    .map(|(t, w)| (t, (w * scale).round() as i16))
                    .filter(|(_, w)| *w != 0)
                    .collect();
                q.sort_by_key(|(t, _)| *t);
                (k, q)
            })
            .filter(|(_, ws)| !ws.is_empty())
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// Training options.
pub struct Options {
    pub iterations: usize,
    /// A word seen this often or more …
    pub dict_min_count: usize,
    /// … with one tag this share of the time or more takes that tag from the dictionary.
    pub dict_min_share: f64,
    /// Weights smaller than this share of the largest are dropped from the model.
    pub prune: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iterations: 10,
            dict_min_count: std::env::var("DICT_MIN").ok().and_then(|v| v.parse().ok()).unwrap_or(20),
            dict_min_share: std::env::var("DICT_SHARE").ok().and_then(|v| v.parse().ok()).unwrap_or(0.97),
            prune: 0.03,
        }
    }
}

/// Trains a model on `sentences`; `progress` hears each iteration's training accuracy.
pub fn train(sentences: &[Sentence], opts: &Options, mut progress: impl FnMut(usize, f64)) -> ModelData {
    let mut tag_names: Vec<String> = sentences.iter().flat_map(|s| s.tags.iter().cloned()).collect();
    tag_names.sort();
    tag_names.dedup();
    let tag_index: HashMap<&str, u8> = tag_names.iter().enumerate().map(|(i, t)| (t.as_str(), i as u8)).collect();

    // The dictionary of frequent, unambiguous words.
    let mut counts: HashMap<String, HashMap<u8, usize>> = HashMap::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            *counts.entry(normalise(w).into_owned()).or_default().entry(tag_index[t.as_str()]).or_default() += 1;
        }
    }
    let mut dict: Vec<(String, u8)> = counts
        .into_iter()
        .filter_map(|(w, tags)| {
            let n: usize = tags.values().sum();
            let (&t, &best) = tags.iter().max_by_key(|(t, c)| (**c, std::cmp::Reverse(**t)))?;
            (n >= opts.dict_min_count && best as f64 / n as f64 >= opts.dict_min_share).then_some((w, t))
        })
        .collect();
    dict.sort();
    let dict_map: HashMap<&str, u8> = dict.iter().map(|(w, t)| (w.as_str(), *t)).collect();

    let mut model = Perceptron { n_tags: tag_names.len(), weights: HashMap::new(), clock: 0 };
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut scores = vec![0.0; model.n_tags];
    const N: usize = N_OWN_FEATURES + N_CONTEXT_FEATURES + N_TAG_FEATURES;
    let mut feats = [0u64; N];
    let (mut of, mut cf, mut tf) = ([0u64; N_OWN_FEATURES], [0u64; N_CONTEXT_FEATURES], [0u64; N_TAG_FEATURES]);
    for it in 0..opts.iterations {
        let (mut right, mut all) = (0usize, 0usize);
        for &si in &order {
            let s = &sentences[si];
            let keys: Vec<WordKeys> = s.words.iter().enumerate().map(|(i, w)| WordKeys::of(w, i == 0)).collect();
            let mut prev: Vec<u8> = Vec::with_capacity(s.words.len());
            for (i, w) in s.words.iter().enumerate() {
                let truth = tag_index[s.tags[i].as_str()];
                let guess = match dict_map.get(&*normalise(w)) {
                    Some(&t) => t,
                    None => {
                        let p1 = prev.last().map_or(0, |&t| u64::from(t) + 1);
                        let p2 = if i >= 2 { u64::from(prev[i - 2]) + 1 } else { 0 };
                        own_features(&keys[i], &mut of);
                        context_features(&keys, i, &mut cf);
                        tag_features(&keys, i, p1, p2, &mut tf);
                        feats[..N_OWN_FEATURES].copy_from_slice(&of);
                        feats[N_OWN_FEATURES..N_OWN_FEATURES + N_CONTEXT_FEATURES].copy_from_slice(&cf);
                        feats[N_OWN_FEATURES + N_CONTEXT_FEATURES..].copy_from_slice(&tf);
                        let g = model.predict(&feats, &mut scores);
                        model.update(truth, g, &feats);
                        g
                    }
                };
                right += usize::from(guess == truth);
                all += 1;
                prev.push(guess);
            }
        }
        progress(it + 1, right as f64 / all.max(1) as f64);
        // Fisher–Yates with xorshift: the same order on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
    }
    ModelData { tag_names, dict, features: model.averaged(opts.prune) }
}

/// Share of words tagged right, by fine tag and in all.
pub fn accuracy(model: &pos::Model, sentences: &[Sentence]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (t, gold) in model.tag_indices(&words).iter().zip(&s.tags) {
            right += usize::from(model.tag_name(*t as usize) == gold);
            all += 1;
        }
    }
    right as f64 / all.max(1) as f64
}
