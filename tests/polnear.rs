//! Accuracy on PolNeAR dev, measured with the definitions of `../shared/tools/score.py`
//! (reimplemented in `quotelens::eval`). Skips with a message when `../shared` is absent.
//!
//! The speaker (0.92) and reported-speech (0.60) targets of issue 3 are met and asserted;
//! the direct-quote floor is a regression guard at the level the engine has reached (see
//! docs/ACCURACY.md), below the target (0.92 as score.py computes it) tracked there. It
//! went from 0.90 to 0.89 when quotations nested inside quotations became quotes of their
//! own (issue 3 asks for them): PolNeAR annotates no nested attribution, so each of dev's
//! 43 is an unmatched prediction for score.py.

use std::path::PathBuf;

#[test]
fn polnear_dev_does_not_regress() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/polnear/polnear_dev.jsonl");
    let Ok(gold) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: {} not found (the evaluation data is not part of the repository)",
            path.display()
        );
        return;
    };
    let s = quotelens::eval::score_polnear(&gold, None).expect("gold parses");
    eprintln!("{}", s.summary());
    assert_eq!(s.articles, 84);
    assert!(s.direct_f1 >= 0.89, "direct F1 {:.3}", s.direct_f1);
    assert!(
        s.speaker_acc >= 0.92,
        "speaker accuracy {:.3}",
        s.speaker_acc
    );
    assert!(
        s.indirect_f1 >= 0.60,
        "reported-speech F1 {:.3}",
        s.indirect_f1
    );
}
