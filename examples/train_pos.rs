//! Trains the part-of-speech tagger on the English Web Treebank and writes
//! `assets/models/pos-en-ewt.bin`, printing accuracy on the dev and test splits.
//!
//! cargo run --release --example train_pos -- ../shared/corpus/ud-english-ewt

use newsline::language::pos::Model;
use newsline::language::train::{Options, accuracy, read_conllu, train};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/ud-english-ewt".into());
    let read = |split: &str| -> anyhow::Result<_> {
        let path = format!("{dir}/en_ewt-ud-{split}.conllu");
        let text = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("cannot read {path}: {e}"))?;
        Ok(read_conllu(&text))
    };
    let (train_set, dev, test) = (read("train")?, read("dev")?, read("test")?);
    let mut opts = Options::default();
    if let Ok(p) = std::env::var("PRUNE") {
        opts.prune = p.parse()?;
    }
    if let Ok(p) = std::env::var("ITERATIONS") {
        opts.iterations = p.parse()?;
    }
    let started = std::time::Instant::now();
    let data = train(&train_set, &opts, |it, acc| eprintln!("iteration {it}: training accuracy {:.2} %", acc * 100.0));
    let bytes = data.to_bytes();
    let model = Model::from_bytes(&bytes)?;
    eprintln!(
        "trained in {:.1} s: {} tags, {} dictionary words, {} features, {} KB",
        started.elapsed().as_secs_f64(),
        data.tag_names.len(),
        data.dict.len(),
        data.features.len(),
        bytes.len() / 1024
    );
    println!("dev accuracy  {:.2} % (Penn tags)", accuracy(&model, &dev) * 100.0);
    println!("test accuracy {:.2} % (Penn tags)", accuracy(&model, &test) * 100.0);
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/models/pos-en-ewt.bin");
    if std::env::var("DRY_RUN").is_err() {
        std::fs::write(&out, &bytes)?;
        eprintln!("wrote {}", out.display());
    }
    Ok(())
}
