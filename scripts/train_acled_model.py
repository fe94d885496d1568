"""Train the ACLED sub-event type classifier shipped as `src/wirecoder/events/acled_model.json`.

Reads the TRAIN lines of a labelled snippet file (default `bench/acled_dev.jsonl`: every line whose index
is not 3 modulo 4; the held-out lines and `bench/acled_blind_unseen.jsonl` stay unseen so `bench/acled.py`
can measure the model honestly). Fits a sublinear TF-IDF + multinomial logistic regression with
scikit-learn (a dev dependency), checks that the numpy inference in `wirecoder.events.acled_model` gives the
same answers from the rounded weights, and writes the JSON. Deterministic: the same data gives the same file.

    python scripts/train_acled_model.py [--data FILE] [--out FILE] [--check]

--check trains and compares with the existing file instead of writing it (exit 1 when the classes,
vocabulary or any weight differ by more than 1e-3).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from wirecoder.events.acled_model import MODEL_PATH, from_json, tokens

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "bench" / "acled_dev.jsonl"
REGULARISATION = 10.0  # inverse strength; chosen by cross-validation on the train lines
DECIMALS = 4


def train_lines(path: Path) -> list[dict]:
    """The labelled train lines, read and split exactly as `bench/acled.py` reads and splits them (a
    malformed line stops training with its place)."""
    spec = importlib.util.spec_from_file_location("acled_bench", ROOT / "bench" / "acled.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return [row for index, row in enumerate(bench.load(path)) if not bench.is_test(index)]


def train(rows: list[dict]) -> dict:
    """The model as a JSON-ready document."""
    texts = [row["text"] for row in rows]
    labels = [row["acled_subtype"] for row in rows]
    vectorizer = TfidfVectorizer(tokenizer=tokens, token_pattern=None, sublinear_tf=True, min_df=2)
    features = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(features, labels)
    document = {
        "about": "ACLED sub-event type of a short report: sublinear TF-IDF + multinomial logistic "
        "regression, trained by scripts/train_acled_model.py on the train lines of bench/acled_dev.jsonl",
        "train_lines": len(rows),
        "classes": [str(c) for c in classifier.classes_],
        "vocabulary": [str(t) for t in vectorizer.get_feature_names_out()],
        "idf": np.round(vectorizer.idf_, DECIMALS).tolist(),
        "coef": np.round(classifier.coef_, DECIMALS).tolist(),
        "intercept": np.round(classifier.intercept_, DECIMALS).tolist(),
    }
    shipped = from_json(document)
    expected = classifier.predict_proba(features)
    got = np.array([shipped.probabilities(text) for text in texts])
    if np.abs(expected - got).max() > 1e-3:
        raise SystemExit("error: the numpy inference disagrees with scikit-learn on the training texts")
    return document


def same_model(shipped: dict, fresh: dict, tolerance: float = 1e-3) -> bool:
    """Same classes, vocabulary and weights up to `tolerance` (another machine's BLAS may round the last
    digits differently)."""
    if shipped["classes"] != fresh["classes"] or shipped["vocabulary"] != fresh["vocabulary"]:
        return False
    return all(
        np.allclose(np.asarray(shipped[key]), np.asarray(fresh[key]), rtol=0, atol=tolerance)
        for key in ("idf", "coef", "intercept")
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()
    document = train(train_lines(args.data))
    if args.check:
        try:
            same = same_model(json.loads(args.out.read_text(encoding="utf-8")), document)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError) as exc:
            print(f"{args.out}: unreadable ({exc.__class__.__name__}): DIFFERS from a fresh training run")
            return 1
        print(f"{args.out}: {'up to date' if same else 'DIFFERS from a fresh training run'}")
        return 0 if same else 1
    args.out.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out}: {len(document['classes'])} classes, {len(document['vocabulary'])} terms, "
        f"{document['train_lines']} train lines"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
