//! Part-of-speech tags (Penn Treebank) from a greedy averaged perceptron, the
//! tagger Collins (2002) described and Honnibal's "A good part-of-speech tagger
//! in about 200 lines of Python" made popular: each word is tagged left to right
//! from features of itself, its neighbours and the two tags before it.
//!
//! The model ships in `assets/models/` (trained on the English Web Treebank, CC
//! BY-SA 4.0, its licence beside it) and is retrained with
//! `cargo run --release --example train_pos -- ../shared/corpus/ud-english-ewt`.
//!
//! Speed: frequent words that the treebank tags one way (97 % of the time or
//! more) take their tag from a dictionary; the rest score about 16 features,
//! each a single probe into an open-addressed table of sparse weights.

use std::sync::OnceLock;

/// The Penn Treebank tags the events layer asks about; the rest fold into a few groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Coordinating conjunction: and, but, or.
    CC,
    CD,
    DT,
    EX,
    IN,
    JJ,
    JJR,
    JJS,
    MD,
    NN,
    NNS,
    NNP,
    NNPS,
    PDT,
    /// Possessive ending 's.
    Possessive,
    PRP,
    /// PRP$: his, its.
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    WRB,
    /// Sentence punctuation: . ! ?
    Stop,
    Comma,
    /// : ; — … and hyphens
    Colon,
    Quote,
    OpenBracket,
    CloseBracket,
    /// $, #, %, other symbols, foreign words, URLs, list items.
    Other,
}

impl Pos {
    pub fn from_ptb(tag: &str) -> Pos {
        use Pos::*;
        match tag {
            "CC" => CC,
            "CD" => CD,
            "DT" => DT,
            "EX" => EX,
            "IN" => IN,
            "JJ" => JJ,
            "JJR" => JJR,
            "JJS" => JJS,
            "MD" => MD,
            "NN" => NN,
            "NNS" => NNS,
            "NNP" => NNP,
            "NNPS" => NNPS,
            "PDT" => PDT,
            "POS" => Possessive,
            "PRP" => PRP,
            "PRP$" => PRPS,
            "RB" => RB,
            "RBR" => RBR,
            "RBS" => RBS,
            "RP" => RP,
            "TO" => TO,
            "UH" => UH,
            "VB" => VB,
            "VBD" => VBD,
            "VBG" => VBG,
            "VBN" => VBN,
            "VBP" => VBP,
            "VBZ" => VBZ,
            "WDT" => WDT,
            "WP" | "WP$" => WP,
            "WRB" => WRB,
            "." => Stop,
            "," => Comma,
            ":" | "HYPH" | "NFP" => Colon,
            "``" | "''" => Quote,
            "-LRB-" => OpenBracket,
            "-RRB-" => CloseBracket,
            _ => Other,
        }
    }

    pub fn is_verb(self) -> bool {
        matches!(self, Pos::VB | Pos::VBD | Pos::VBG | Pos::VBN | Pos::VBP | Pos::VBZ)
    }

    pub fn is_noun(self) -> bool {
        matches!(self, Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS)
    }

    pub fn is_proper(self) -> bool {
        matches!(self, Pos::NNP | Pos::NNPS)
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, Pos::JJ | Pos::JJR | Pos::JJS)
    }

    pub fn is_punct(self) -> bool {
        matches!(self, Pos::Stop | Pos::Comma | Pos::Colon | Pos::Quote | Pos::OpenBracket | Pos::CloseBracket)
    }
}

// ---- features -------------------------------------------------------------------

/// A stable 64-bit hash of a string (FNV-1a), the same in training and tagging.
pub(crate) fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// splitmix64's finaliser: spreads a feature's parts over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn feature(template: u64, a: u64, b: u64) -> u64 {
    // Never 0: 0 marks an empty slot in the table.
    mix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a ^ b.rotate_left(23)) | 1
}

/// What the features of one word are made of, computed once per word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordKeys {
    /// The word as written (and whether it opens the sentence): the cache key of its own scores.
    raw: u64,
    word: u64,
    suffix3: u64,
    suffix2: u64,
    suffix4: u64,
    prefix1: u64,
    prefix3: u64,
    shape: u64,
}

/// Apostrophes and quotes as the treebank writes them.
pub(crate) fn normalise(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(['\u{2019}', '\u{2018}', '\u{201c}', '\u{201d}']) {
        let s = word.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
        std::borrow::Cow::Owned(s)
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// A character as the features see it: lower case, treebank quotes.
fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// FNV-1a over characters, as [`hash_str`] hashes their UTF-8 bytes.
fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut buf = [0u8; 4];
    for c in chars {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The hash of the word as the dictionary stores it (treebank quotes, case kept).
pub(crate) fn dict_key(word: &str) -> u64 {
    // ASCII has no curly quotes to fold: its bytes are its characters.
    if word.is_ascii() {
        return hash_str(word);
    }
    hash_chars(word.chars().map(|c| match c {
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        c => c,
    }))
}

impl WordKeys {
    pub(crate) fn of(raw: &str, first: bool) -> WordKeys {
        match Self::of_ascii(raw, first) {
            Some(k) => k,
            None => Self::of_any(raw, first),
        }
    }

    /// The common case, a short ASCII word, without decoding characters: the same
    /// keys as [`WordKeys::of_any`] gives (a test checks it).
    fn of_ascii(raw: &str, first: bool) -> Option<WordKeys> {
        const FNV: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0100_0000_01b3;
        let b = raw.as_bytes();
        let n = b.len();
        if n > 48 {
            return None;
        }
        // One pass: the word's hash as written and in lower case, and what it is made of.
        let mut lower = [0u8; 48];
        let (mut raw_h, mut lower_h) = (FNV, FNV);
        let (mut digits, mut numeric, mut alpha, mut has_lower, mut hyphen) = (0, true, false, false, false);
        for (l, &c) in lower.iter_mut().zip(b) {
            if c >= 0x80 {
                return None;
            }
            let lc = c.to_ascii_lowercase();
            *l = lc;
            raw_h = (raw_h ^ u64::from(c)).wrapping_mul(PRIME);
            lower_h = (lower_h ^ u64::from(lc)).wrapping_mul(PRIME);
            if c.is_ascii_digit() {
                digits += 1;
            } else if c != b',' && c != b'.' {
                numeric = false;
            }
            alpha |= c.is_ascii_alphabetic();
            has_lower |= c.is_ascii_lowercase();
            hyphen |= c == b'-';
        }
        let lower = &lower[..n];
        let fnv = |s: &[u8]| s.iter().fold(FNV, |h, &c| (h ^ u64::from(c)).wrapping_mul(PRIME));
        let word = match (digits, numeric) {
            (0, _) => lower_h,
            (4, true) if n == 4 => hash_str("!YEAR"),
            (_, true) => hash_str("!DIGITS"),
            _ => hash_str("!MIXED"),
        };
        let first_byte = b.first().copied().unwrap_or(b' ');
        let all_caps = alpha && !has_lower;
        let shape = shape_of(char::from(first_byte), all_caps, n);
        Some(WordKeys {
            raw: raw_h ^ u64::from(first),
            word,
            suffix3: fnv(&lower[n.saturating_sub(3)..]),
            suffix2: fnv(&lower[n.saturating_sub(2)..]),
            suffix4: fnv(&lower[n.saturating_sub(4)..]),
            prefix1: u64::from(lower.first().copied().unwrap_or(b' ')),
            prefix3: fnv(&lower[..n.min(3)]),
            shape: (shape as u64) | (u64::from(first) << 8) | (u64::from(hyphen && n > 1) << 9),
        })
    }

    fn of_any(raw: &str, first: bool) -> WordKeys {
        let n = raw.chars().count();
        let (mut digits, mut numeric) = (0, true);
        for c in raw.chars() {
            if c.is_ascii_digit() {
                digits += 1;
            } else if !matches!(c, ',' | '.') {
                numeric = false;
            }
        }
        let word = match (digits, numeric) {
            (0, _) => hash_chars(raw.chars().map(fold)),
            (4, true) if raw.len() == 4 => hash_str("!YEAR"),
            (_, true) => hash_str("!DIGITS"),
            _ => hash_str("!MIXED"),
        };
        // Suffixes are hashed in reading order: the last n characters.
        let tail = |k: usize| hash_chars(raw.chars().skip(n.saturating_sub(k)).map(fold));
        let first_char = raw.chars().next().map_or(' ', fold);
        let upper = raw.chars().next().unwrap_or(' ');
        let all_caps = raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase);
        let shape = shape_of(upper, all_caps, n);
        let hyphen = raw.contains('-') && n > 1;
        WordKeys {
            raw: hash_str(raw) ^ u64::from(first),
            word,
            suffix3: tail(3),
            suffix2: tail(2),
            suffix4: tail(4),
            prefix1: first_char as u64,
            prefix3: hash_chars(raw.chars().take(3).map(fold)),
            shape: (shape as u64) | (u64::from(first) << 8) | (u64::from(hyphen) << 9),
        }
    }
}

const NONE: u64 = 0x5eed;

/// A word's shape by its first character: all capitals, capitalised, lower case,
/// a digit, or punctuation. (For an ASCII character the Unicode tests are the
/// ASCII ones, so both key paths agree.)
fn shape_of(first: char, all_caps: bool, n: usize) -> char {
    match first {
        c if all_caps && c.is_alphabetic() && n > 1 => 'A',
        c if c.is_uppercase() => 'X',
        c if c.is_lowercase() => 'x',
        c if c.is_ascii_digit() => 'd',
        _ => 'p',
    }
}

/// The features of a word on its own: the word, its affixes and its shape. They
/// are the same wherever the word stands, so their scores are cached per word.
pub(crate) fn own_features(w: &WordKeys, out: &mut [u64; N_OWN_FEATURES]) {
    *out = [
        feature(0, 0, 0),
        feature(1, w.word, 0),
        feature(2, w.suffix3, 0),
        feature(3, w.suffix2, 0),
        feature(4, w.prefix1, 0),
        feature(5, w.shape, 0),
        feature(17, w.suffix4, 0),
        feature(18, w.prefix3, 0),
    ];
}

/// The features of word `i` from its neighbours' words. (Without the words two
/// places off and the word pairs, tagging is a third faster but loses 0.15 points on
/// EWT test, and misreads news sentences: "a report released in July found".)
pub(crate) fn context_features(keys: &[WordKeys], i: usize, out: &mut [u64; N_CONTEXT_FEATURES]) {
    let w = keys[i];
    let at = |j: isize| -> Option<&WordKeys> { usize::try_from(i as isize + j).ok().and_then(|j| keys.get(j)) };
    let prev = at(-1);
    let prev2 = at(-2);
    let next = at(1);
    let next2 = at(2);
    *out = [
        feature(10, prev.map_or(NONE, |k| k.word), 0),
        feature(11, prev.map_or(NONE, |k| k.suffix3), 0),
        feature(12, prev2.map_or(NONE, |k| k.word), 0),
        feature(13, next.map_or(NONE, |k| k.word), 0),
        feature(14, next.map_or(NONE, |k| k.suffix3), 0),
        feature(15, next2.map_or(NONE, |k| k.word), 0),
        feature(16, w.shape, next.map_or(NONE, |k| k.shape)),
        feature(19, w.word, next.map_or(NONE, |k| k.word)),
        feature(20, prev.map_or(NONE, |k| k.word), w.word),
    ];
}

/// The features of word `i` that depend on the two tags before it (`p1`, `p2`:
/// tag index + 1, or 0 before the sentence).
pub(crate) fn tag_features(keys: &[WordKeys], i: usize, p1: u64, p2: u64, out: &mut [u64; N_TAG_FEATURES]) {
    let next = keys.get(i + 1);
    *out = [
        feature(6, p1, 0),
        feature(7, p2, 0),
        feature(8, p1, p2),
        feature(9, p1, keys[i].word),
        feature(21, p1, next.map_or(NONE, |k| k.word)),
    ];
}

pub(crate) const N_OWN_FEATURES: usize = 8;
pub(crate) const N_CONTEXT_FEATURES: usize = 9;
pub(crate) const N_TAG_FEATURES: usize = 5;

// ---- the model --------------------------------------------------------------------

/// Buffers for tagging, kept from one sentence to the next.
#[derive(Default)]
pub struct Scratch {
    keys: Vec<WordKeys>,
    known: Vec<Option<u8>>,
    scores: Vec<[i32; MAX_TAGS]>,
    /// Scores of words' own features, by [`WordKeys::raw`]: news repeats its words.
    own: std::collections::HashMap<u64, Box<[i32; MAX_TAGS]>, BuildIdentity>,
}

/// Words cached per [`Scratch`]; past this the cache starts again (a few MB).
const OWN_CACHE: usize = 16_384;

/// The cache's keys are hashes already.
#[derive(Default, Clone, Copy)]
struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A trained model: tag names, the frequent-word dictionary, and sparse weights
/// in an open-addressed table.
pub struct Model {
    tags: Vec<Pos>,
    tag_names: Vec<String>,
    /// Dictionary words by [`dict_key`]: an open-addressed table of (key, tag).
    dict: Vec<(u64, u8)>,
    dict_mask: usize,
    /// Feature slots: the key's high 32 bits, a bit for a dense feature, then the
    /// offset (23 bits) and the count (8 bits) of its weights, so one load finds a
    /// feature and where its weights are.
    table: Vec<u64>,
    /// Weights of sparse features: (tag << 16) | weight as u16.
    weights: Vec<u32>,
    /// Weights of dense features (the bias, common suffixes and shapes, which
    /// weigh on most tags): one row over all tags, added in one vector loop.
    dense: Vec<[i16; MAX_TAGS]>,
    mask: usize,
}

/// Tags a model may have: a score row fits a fixed array, so indexing needs no checks.
pub const MAX_TAGS: usize = 64;

/// A feature with more weights than this is stored as a dense row.
const DENSE_FROM: usize = 12;

const DENSE_BIT: u64 = 1 << 31;

const MAGIC: &[u8; 6] = b"NLPOS\x01";

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a Newsline tagger model (bad magic)")]
    Magic,
    #[error("the model file ends early")]
    Truncated,
    #[error("the model has {0} tags; at most 64")]
    TooManyTags(usize),
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let s = self.b.get(self.at..self.at + n).ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4 bytes")))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }
    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u8()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }
}

/// A model's contents before it is laid out for tagging: what training produces.
pub struct ModelData {
    pub tag_names: Vec<String>,
    pub dict: Vec<(String, u8)>,
    /// Feature key → (tag, weight) pairs.
    pub features: Vec<(u64, Vec<(u8, i16)>)>,
}

impl ModelData {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let string = |out: &mut Vec<u8>, s: &str| {
            let b = &s.as_bytes()[..s.len().min(255)];
            out.push(b.len() as u8);
            out.extend_from_slice(b);
        };
        out.push(self.tag_names.len() as u8);
        for t in &self.tag_names {
            string(&mut out, t);
        }
        out.extend_from_slice(&(self.dict.len() as u32).to_le_bytes());
        for (w, t) in &self.dict {
            string(&mut out, w);
            out.push(*t);
        }
        out.extend_from_slice(&(self.features.len() as u32).to_le_bytes());
        for (k, ws) in &self.features {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(ws.len() as u8);
            for &(t, w) in ws {
                out.push(t);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<ModelData, ModelError> {
        let mut r = Reader { b, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Magic);
        }
        let n_tags = r.u8()? as usize;
        let tag_names = (0..n_tags).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let n_dict = r.u32()? as usize;
        let mut dict = Vec::with_capacity(n_dict.min(1 << 20));
        for _ in 0..n_dict {
            dict.push((r.string()?, r.u8()?));
        }
        let n_feat = r.u32()? as usize;
        let mut features = Vec::with_capacity(n_feat.min(1 << 22));
        for _ in 0..n_feat {
            let k = r.u64()?;
            let n = r.u8()? as usize;
            let mut ws = Vec::with_capacity(n);
            for _ in 0..n {
                let t = r.u8()?;
                let w = i16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
                ws.push((t, w));
            }
            features.push((k, ws));
        }
        Ok(ModelData { tag_names, dict, features })
    }
}

impl Model {
    pub fn new(data: ModelData) -> Result<Model, ModelError> {
        if data.tag_names.len() > MAX_TAGS {
            return Err(ModelError::TooManyTags(data.tag_names.len()));
        }
        let cap = (data.features.len() * 5 / 4).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut table = vec![0u64; cap];
        let mut weights = Vec::new();
        let mut dense = Vec::new();
        for (k, ws) in &data.features {
            let fp = k >> 32;
            let mut i = (*k as usize) & mask;
            while table[i] != 0 && table[i] >> 32 != fp {
                i = (i + 1) & mask;
            }
            let ws: Vec<(u8, i16)> = ws.iter().copied().filter(|&(t, _)| (t as usize) < data.tag_names.len()).collect();
            if ws.len() >= DENSE_FROM {
                let mut row = [0i16; MAX_TAGS];
                for &(t, w) in &ws {
                    row[t as usize] = w;
                }
                table[i] = (fp << 32) | DENSE_BIT | ((dense.len() as u64) << 8) | 1;
                dense.push(row);
            } else {
                table[i] = (fp << 32) | ((weights.len() as u64) << 8) | ws.len() as u64;
                weights.extend(ws.iter().map(|&(t, w)| (u32::from(t) << 16) | u32::from(w as u16)));
            }
        }
        let dict_cap = (data.dict.len() * 2).next_power_of_two().max(16);
        let dict_mask = dict_cap - 1;
        let mut dict = vec![(0u64, 0u8); dict_cap];
        for (w, t) in data.dict.iter().filter(|(_, t)| (*t as usize) < data.tag_names.len()) {
            let k = dict_key(w) | 1;
            let mut i = (k as usize) & dict_mask;
            while dict[i].0 != 0 && dict[i].0 != k {
                i = (i + 1) & dict_mask;
            }
            dict[i] = (k, *t);
        }
        Ok(Model {
            tags: data.tag_names.iter().map(|t| Pos::from_ptb(t)).collect(),
            tag_names: data.tag_names,
            dict,
            dict_mask,
            table,
            weights,
            dense,
            mask,
        })
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        Model::new(ModelData::from_bytes(b)?)
    }

    /// The model shipped with Newsline.
    pub fn english() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(include_bytes!("../../assets/models/pos-en-ewt.bin"))
                .expect("the shipped tagger model reads (a test checks it)")
        })
    }

    /// The part of speech of tag index `i`.
    pub fn pos(&self, i: u8) -> Pos {
        self.tags.get(i as usize).copied().unwrap_or(Pos::Other)
    }

    pub fn tag_name(&self, i: usize) -> &str {
        &self.tag_names[i]
    }

    fn dict_tag(&self, word: &str) -> Option<u8> {
        let k = dict_key(word) | 1;
        let mut i = (k as usize) & self.dict_mask;
        loop {
            match self.dict[i] {
                (0, _) => return None,
                (key, t) if key == k => return Some(t),
                _ => i = (i + 1) & self.dict_mask,
            }
        }
    }

    /// The slot entry of a feature, or 0.
    fn entry(&self, key: u64) -> u64 {
        let fp = key >> 32;
        let mut i = (key as usize) & self.mask;
        loop {
            let e = self.table[i];
            if e == 0 || e >> 32 == fp {
                return e;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of the features' slot entries to `scores`.
    fn add(&self, entries: &[u64], scores: &mut [i32; MAX_TAGS]) {
        for &e in entries {
            let (off, n) = (((e >> 8) & 0x7f_ffff) as usize, (e & 0xff) as usize);
            if e & DENSE_BIT != 0 {
                for (s, &w) in scores.iter_mut().zip(&self.dense[off]) {
                    *s += i32::from(w);
                }
            } else {
                for &p in &self.weights[off..off + n] {
                    scores[(p >> 16) as usize % MAX_TAGS] += i32::from(p as u16 as i16);
                }
            }
        }
    }

    /// Tag indices for the words of one sentence.
    pub fn tag_indices(&self, words: &[&str]) -> Vec<u8> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut Scratch::default(), &mut out);
        out
    }

    /// Tag indices for the words of one sentence, appended to `out`; `scratch`
    /// keeps its buffers from one sentence to the next.
    pub fn tag_into(&self, words: &[&str], scratch: &mut Scratch, out: &mut Vec<u8>) {
        let n_tags = self.tag_names.len();
        let Scratch { keys, known, scores, own } = scratch;
        keys.clear();
        keys.extend(words.iter().enumerate().map(|(i, w)| WordKeys::of(w, i == 0)));
        known.clear();
        known.extend(words.iter().map(|w| self.dict_tag(w)));
        scores.clear();
        scores.resize(words.len(), [0; MAX_TAGS]);
        if own.len() > OWN_CACHE {
            own.clear();
        }
        // First the scores every word gets whatever the tags before it: its own
        // (cached) and its neighbours'.
        let mut own_feats = [0u64; N_OWN_FEATURES];
        let mut own_entries = [0u64; N_OWN_FEATURES];
        let mut feats = [0u64; N_CONTEXT_FEATURES];
        let mut entries = [0u64; N_CONTEXT_FEATURES];
        for i in (0..words.len()).filter(|&i| known[i].is_none()) {
            let row = own.entry(keys[i].raw).or_insert_with(|| {
                own_features(&keys[i], &mut own_feats);
                for (e, &f) in own_entries.iter_mut().zip(&own_feats) {
                    *e = self.entry(f);
                }
                let mut row = Box::new([0; MAX_TAGS]);
                self.add(&own_entries, &mut row);
                row
            });
            scores[i] = **row;
            context_features(keys, i, &mut feats);
            for (e, &f) in entries.iter_mut().zip(&feats) {
                *e = self.entry(f);
            }
            self.add(&entries, &mut scores[i]);
        }
        // Then left to right, with the tags chosen so far.
        let prose = is_prose(words);
        let base = out.len();
        let mut tag_feats = [0u64; N_TAG_FEATURES];
        let mut tag_entries = [0u64; N_TAG_FEATURES];
        for i in 0..words.len() {
            let t = match known[i] {
                Some(t) => t,
                None => {
                    let p1 = if i >= 1 { u64::from(out[base + i - 1]) + 1 } else { 0 };
                    let p2 = if i >= 2 { u64::from(out[base + i - 2]) + 1 } else { 0 };
                    tag_features(keys, i, p1, p2, &mut tag_feats);
                    for (e, &f) in tag_entries.iter_mut().zip(&tag_feats) {
                        *e = self.entry(f);
                    }
                    let s = &mut scores[i];
                    self.add(&tag_entries, s);
                    // The first best, so ties break the same way every time. A
                    // capitalised word inside a sentence of lower-case prose is a name,
                    // not a verb form ("Boeing challenged", which the treebank, with
                    // no "Boeing" in it, reads by its "-ing").
                    let name_only = prose && name_inside_prose(words, i);
                    let mut best = usize::MAX;
                    for (j, &v) in s[..n_tags].iter().enumerate() {
                        let allowed = !name_only || !matches!(self.tags[j], Pos::VBG | Pos::VBN | Pos::VBD);
                        if allowed && (best == usize::MAX || v > s[best]) {
                            best = j;
                        }
                    }
                    best as u8
                }
            };
            out.push(t);
        }
    }

    /// Tags for the words of one sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<Pos> {
        self.tag_indices(words).into_iter().map(|t| self.tags[t as usize]).collect()
    }
}

/// Is the sentence written in lower case, as prose is (not a headline in title case)?
fn is_prose(words: &[&str]) -> bool {
    let (mut alphabetic, mut lower) = (0usize, 0usize);
    for w in words {
        if let Some(c) = w.chars().next().filter(|c| c.is_alphabetic()) {
            alphabetic += 1;
            lower += usize::from(c.is_lowercase());
        }
    }
    lower * 2 > alphabetic
}

/// Is word `i` capitalised in the middle of a sentence, not after a quotation mark or
/// colon that may open a sentence of its own? In prose ([`is_prose`]), such a word is a name.
fn name_inside_prose(words: &[&str], i: usize) -> bool {
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
    };
    if i == 0 || !capitalised(words[i]) {
        return false;
    }
    // After a mark that may open a sentence or a clause of its own (a quotation mark, a
    // colon, a dash, a dateline's underscore); a comma does not.
    let prev = words[i - 1];
    prev == "," || prev.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Pos> {
        let words: Vec<&str> = s.split(' ').collect();
        Model::english().tag(&words)
    }

    #[test]
    fn the_shipped_model_reads() {
        let bytes = include_bytes!("../../assets/models/pos-en-ewt.bin");
        let data = ModelData::from_bytes(bytes).unwrap();
        assert!(data.tag_names.len() > 40);
        assert!(data.features.len() > 10_000);
        // And writes back the same.
        assert_eq!(data.to_bytes(), bytes.to_vec());
    }

    #[test]
    fn news_verbs_and_their_tense() {
        use Pos::*;
        assert_eq!(tags("Airbus has unveiled the plane ."), [NNP, VBZ, VBN, DT, NN, Stop]);
        assert_eq!(tags("BT Group announced that it would strip its network ."), [NNP, NNP, VBD, IN, PRP, MD, VB, PRPS, NN, Stop]);
        assert_eq!(tags("Meng was arrested in Canada ."), [NNP, VBD, VBN, IN, NNP, Stop]);
    }

    #[test]
    fn a_capitalised_word_inside_prose_is_a_name_not_a_verb() {
        use Pos::*;
        let t = tags("When the Air Force picked Northrop , Boeing challenged the award .");
        assert_eq!(t[7], NNP);
        assert!(matches!(t[8], VBD | VBN), "{t:?}");
        // A headline in title case keeps its verbs.
        assert!(!is_prose(&["Airbus", "Delaying", "A380", "Deliveries"]));
        assert!(is_prose(&["the", "award", "went", "to", "Boeing", "today"]));
        assert!(name_inside_prose(&["the", "award", "went", "to", "Boeing", "today"], 4));
        assert!(!name_inside_prose(&["(", "AP", ")", "_", "Turning", "its", "back", "on", "them"], 4));
    }

    #[test]
    fn ascii_keys_are_the_general_keys() {
        for w in ["Airbus", "U.S.-led", "2018", "10,000", "A380", "", "x", "NCSC", "'s", "n't", "--", "Dec."] {
            for first in [false, true] {
                let (a, b) = (WordKeys::of_ascii(w, first).unwrap(), WordKeys::of_any(w, first));
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{w}");
            }
        }
    }

    #[test]
    fn a_truncated_model_is_an_error() {
        let bytes = include_bytes!("../../assets/models/pos-en-ewt.bin");
        assert!(matches!(ModelData::from_bytes(&bytes[..bytes.len() / 2]), Err(ModelError::Truncated)));
        assert!(matches!(ModelData::from_bytes(b"nonsense"), Err(ModelError::Magic)));
    }
}
