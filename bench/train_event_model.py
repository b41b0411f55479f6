"""Does a small logistic model over the coder's own outputs generalise better than the rules?

The decision is the one bench/eval_events.py scores: does this gold sentence report an event of type T
(ASSAULT, PROTEST) that happened. The rules say yes when the coder finds a T event with modality asserted,
reported or claimed and salience main. The model (bench/event_model.py) scores every T
candidate the coder finds, whatever its modality and salience, from a few features (modality, salience,
support tags, mode group, actor / recipient and their sector class, toll, date source, timing, trigger
position, confidence, other candidates, another main event, sentence length); a sentence's score is its
best candidate's p, and a sentence with no candidate is always negative. No words of the sentence are
features.

Everything is measured by cross-validation grouped by Gigaword document (the id's part before the last
'-'): each repeat deals the documents at random into K folds, the same folds for the rules and the models
and for both label kinds. Inside each training part, C (and the decision threshold, the one that
maximises F1 over the inner out-of-fold scores) is chosen by an inner grouped K-1-fold CV; the held-out
fold is scored once, at that threshold. Note that the rules were written looking at all of this gold, so
their figures here are in-sample (on held-out documents of the same gold they scored ASSAULT F1 0.574,
PROTEST 0.526); the models' figures are out-of-sample, except that their features are the same coder's.

Rows: rules; LR-L2 (the model; C by inner log-loss); LR-L1 (for comparison); veto (rules AND p >= t, t
chosen inside the training folds with the L2 model). Label kinds: unanimous (yes vs easy/difficult no,
ambiguous left out) and majority (accept > total/2 positive, < negative, ties left out).

With --write, the L2 model is refit on all of the gold (unanimous labels unless --final-labels majority),
C and threshold chosen by grouped CV over all of it, and written to bench/event_model.yaml
(or --out). A .yaml in that folder must be covered by the coder version (dictionaries._ALSO_READ), or
tests/coder/test_assembly.py::test_the_coder_version_covers_every_data_file_it_reads fails: add it there
when wiring the model in. The YAML's `use` per type says what the cross-validation supports: replace (the
model beat the rules on both label kinds), veto (only rules AND p >= veto_threshold did) or none.

    .venv/bin/python bench/train_event_model.py [--repeats 10] [--folds 5] [--write [--out PATH]]
                                                [--final-labels unanimous]
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import statistics
import sys
import time
import warnings
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # thousands of tiny fits: threads only add overhead
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_events import DEFAULT_DATA, published_of  # noqa: E402

from event_model import HAPPENED, candidate_key, feature_names, features, load_event_model  # noqa: E402

TYPES = ("ASSAULT", "PROTEST")
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MODEL_PATH = ROOT / "bench" / "event_model.yaml"


# ---------------------------------------------------------------- data

def document_of(sentence_id: str) -> str:
    return sentence_id.rsplit("-", 1)[0]


def gold_label(row: dict, kind: str) -> int | None:
    """1 / 0 / None (left out) for a gold row under the unanimous or the majority reading."""
    if kind == "unanimous":
        if row["label"] == "yes":
            return 1
        if row["label"] in ("easy no", "difficult no"):
            return 0
        return None
    accept, total = int(row["accept"]), int(row["total"])
    if 2 * accept > total:
        return 1
    if 2 * accept < total:
        return 0
    return None


class Sentences:
    """One event type's gold sentences, coded once: candidates' features, the rules' decision, labels."""

    def __init__(self, rows: list[dict], coded: list[list], event_type: str):
        self.event_type = event_type
        self.names = feature_names(event_type)
        index = {n: i for i, n in enumerate(self.names)}
        self.docs = [document_of(r["id"]) for r in rows]
        self.labels = {kind: np.array([(-1 if (y := gold_label(r, kind)) is None else y) for r in rows])
                       for kind in ("unanimous", "majority")}
        self.rules = np.zeros(len(rows), dtype=bool)
        cand_rows, cand_sentence, best = [], [], []
        for s, events in enumerate(coded):
            candidates = [e for e in events if e.event_type == event_type]
            self.rules[s] = any(e.modality in HAPPENED and e.salience == "main" for e in candidates)
            if not candidates:
                best.append(-1)
                continue
            top = max(candidates, key=candidate_key)
            for e in candidates:
                vec = np.zeros(len(self.names))
                for name, value in features(e, events).items():
                    vec[index[name]] = value
                if e is top:
                    best.append(len(cand_rows))
                cand_rows.append(vec)
                cand_sentence.append(s)
        self.X = np.array(cand_rows)             # one row per candidate
        self.cand_sentence = np.array(cand_sentence)
        self.best = np.array(best)              # the sentence's training row (-1: no candidate)
        self.n = len(rows)

    def sentence_scores(self, p_candidates: np.ndarray) -> np.ndarray:
        """The best candidate's p per sentence (0 without candidate)."""
        scores = np.zeros(self.n)
        np.maximum.at(scores, self.cand_sentence, p_candidates)
        return scores


def code_gold(data: Path) -> dict[str, tuple[list[dict], list[list]]]:
    from etl.extraction.pipeline import make_coder

    coder = make_coder(geocode=False)
    out = {}
    started = time.perf_counter()
    for event_type in TYPES:
        with (data / f"{event_type.lower()}.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        coded = [coder.code(r["text"], published=published_of(r["id"])) for r in rows]
        out[event_type] = (rows, coded)
    print(f"coder {coder.version}: coded {sum(len(v[0]) for v in out.values())} gold sentences "
          f"in {time.perf_counter() - started:.1f}s")
    return out


# ---------------------------------------------------------------- model fitting

def fit(X: np.ndarray, y: np.ndarray, C: float, penalty: str):
    """(coef, intercept) of a logistic regression minimising C * log-loss + penalty (intercept free), or None
    when the training part has a single class. L2 by Newton's method in numpy (the same objective as
    sklearn's lbfgs, and thousands of times faster here); L1 by sklearn's liblinear."""
    if len(set(y.tolist())) < 2:
        return None
    if penalty == "l1":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(l1_ratio=1.0, C=C, solver="liblinear", max_iter=2000)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        return model.coef_[0].copy(), float(model.intercept_[0])
    return fit_l2(X, y, C)


def fit_l2(X: np.ndarray, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    A = np.hstack([X, np.ones((len(X), 1))])
    ridge = np.ones(A.shape[1])
    ridge[-1] = 1e-9  # the intercept is not penalised
    w = np.zeros(A.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(A @ w, -35, 35)))
        gradient = C * (A.T @ (p - y)) + ridge * w
        hessian = C * (A.T * (p * (1 - p))) @ A + np.diag(ridge)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w[:-1], float(w[-1])


def predict(model, X: np.ndarray) -> np.ndarray:
    if model is None or len(X) == 0:
        return np.zeros(len(X))
    coef, intercept = model
    return 1.0 / (1.0 + np.exp(-np.clip(X @ coef + intercept, -35, 35)))


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int(np.sum(pred & (gold == 1)))
    fp = int(np.sum(pred & (gold == 0)))
    fn = int(np.sum(~pred & (gold == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores: np.ndarray, gold: np.ndarray, allowed: np.ndarray | None = None) -> float:
    """The threshold maximising F1 of (scores >= t) [and allowed] over these sentences; sentences without
    candidate have score 0 and stay negative (t > 0). Ties go to the middle of the best run."""
    keep = gold >= 0
    scores, gold = scores[keep], gold[keep]
    allowed = np.ones(len(scores), dtype=bool) if allowed is None else allowed[keep]
    candidates = np.unique(scores[(scores > 0) & allowed])
    if len(candidates) == 0:
        return 0.5
    f1s = [prf((scores >= t) & allowed, gold)[2] for t in candidates]
    top = max(f1s)
    best = [t for t, f in zip(candidates, f1s) if f >= top - 1e-12]
    return float(best[len(best) // 2])


def inner_select(data: Sentences, train: np.ndarray, gold: np.ndarray, penalty: str, folds: int,
                 rng: np.random.Generator) -> tuple[float, float, float]:
    """Within the training sentences `train` (bool mask): C by inner grouped-CV log-loss over the training
    rows, then the F1-best threshold on the inner out-of-fold sentence scores for that C, and the F1-best
    veto threshold (rules AND p >= t). Returns (C, threshold, veto threshold)."""
    docs = sorted({data.docs[i] for i in np.flatnonzero(train)})
    order = rng.permutation(len(docs))
    inner_fold = {docs[j]: k % folds for k, j in enumerate(order)}
    sentence_fold = np.array([inner_fold.get(d, -1) for d in data.docs])
    best_loss, best_c, best_scores = math.inf, C_GRID[0], None
    for C in C_GRID:
        scores = np.zeros(data.n)
        loss, count = 0.0, 0
        for k in range(folds):
            fit_mask, test_mask = train & (sentence_fold != k), train & (sentence_fold == k)
            model = fit(*training_rows(data, fit_mask, gold), C, penalty)
            test_rows = np.flatnonzero(test_mask[data.cand_sentence])
            p = predict(model, data.X[test_rows])
            np.maximum.at(scores, data.cand_sentence[test_rows], p)
            Xb, yb = training_rows(data, test_mask, gold)
            pb = np.clip(predict(model, Xb), 1e-6, 1 - 1e-6)
            loss -= float(np.sum(yb * np.log(pb) + (1 - yb) * np.log(1 - pb)))
            count += len(yb)
        loss /= max(count, 1)
        if loss < best_loss - 1e-9:
            best_loss, best_c, best_scores = loss, C, scores
    masked = np.where(train, gold, -1)
    return (best_c, best_threshold(best_scores, masked),
            best_threshold(best_scores, masked, allowed=data.rules))


def training_rows(data: Sentences, mask: np.ndarray, gold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best candidate of each labelled sentence of `mask` that has one, with the sentence's label."""
    sentences = np.flatnonzero(mask & (gold >= 0) & (data.best >= 0))
    return data.X[data.best[sentences]], gold[sentences]


# ---------------------------------------------------------------- cross-validation

def cross_validate(data: Sentences, kind: str, repeats: int, folds: int, seed: int) -> dict:
    gold = data.labels[kind]
    all_docs = sorted(set(data.docs))
    rows = ("rules", "LR-L2", "LR-L1", "veto")
    per_fold = {r: [] for r in rows}      # (p, r, f1) per outer fold
    pooled = {r: [] for r in rows}        # (p, r, f1) per repeat, over all its folds' predictions
    chosen = {"C-L2": [], "C-L1": [], "t-L2": [], "t-L1": [], "t-veto": []}
    for rep in range(repeats):
        rng = np.random.default_rng(seed + rep)
        order = rng.permutation(len(all_docs))
        fold_of = {all_docs[j]: k % folds for k, j in enumerate(order)}
        sentence_fold = np.array([fold_of[d] for d in data.docs])
        predictions = {r: np.zeros(data.n, dtype=bool) for r in rows}
        for k in range(folds):
            test, train = sentence_fold == k, sentence_fold != k
            test_rows = np.flatnonzero(test[data.cand_sentence])
            for penalty in ("l2", "l1"):
                C, t, t_veto = inner_select(data, train, gold, penalty, folds - 1, rng)
                model = fit(*training_rows(data, train, gold), C, penalty)
                scores = np.zeros(data.n)
                np.maximum.at(scores, data.cand_sentence[test_rows], predict(model, data.X[test_rows]))
                name = "LR-L2" if penalty == "l2" else "LR-L1"
                predictions[name][test] = scores[test] >= t
                chosen[f"C-{penalty.upper()}"].append(C)
                chosen[f"t-{penalty.upper()}"].append(t)
                if penalty == "l2":
                    predictions["veto"][test] = data.rules[test] & (scores[test] >= t_veto)
                    chosen["t-veto"].append(t_veto)
            predictions["rules"][test] = data.rules[test]
            scored = test & (gold >= 0)
            for r in rows:
                per_fold[r].append(prf(predictions[r][scored], gold[scored]))
        scored = gold >= 0
        for r in rows:
            pooled[r].append(prf(predictions[r][scored], gold[scored]))
    return {"per_fold": per_fold, "pooled": pooled, "chosen": chosen,
            "sentences": int(np.sum(gold >= 0)), "positives": int(np.sum(gold == 1)),
            "positives_without_candidate": int(np.sum((gold == 1) & (data.best < 0)))}


def _ms(values: list[float]) -> str:
    return f"{statistics.mean(values):.3f}±{statistics.pstdev(values):.3f}"


def report(event_type: str, kind: str, result: dict) -> list[str]:
    lines = [f"\n{event_type} / {kind} labels: {result['sentences']} sentences, {result['positives']} positive "
             f"({result['positives_without_candidate']} with no {event_type} candidate: a miss for every row)"]
    lines.append(f"  {'':6} {'pooled P':>13} {'pooled R':>13} {'pooled F1':>13} | {'per-fold F1':>13} "
                 f"{'min':>5} {'max':>5} | {'F1 - rules':>13} {'won/lost':>9}")
    rules_f1 = [f for _, _, f in result["pooled"]["rules"]]
    for row, folds in result["per_fold"].items():
        pooled = result["pooled"][row]
        f1 = [f for _, _, f in folds]
        diff = [f - b for (_, _, f), b in zip(pooled, rules_f1)]  # pooled F1 minus the rules', per repeat
        won = f"{sum(d > 1e-12 for d in diff)}/{sum(d < -1e-12 for d in diff)}"
        lines.append(f"  {row:6} {_ms([p for p, _, _ in pooled]):>13} {_ms([r for _, r, _ in pooled]):>13} "
                     f"{_ms([f for _, _, f in pooled]):>13} | {_ms(f1):>13} {min(f1):5.2f} {max(f1):5.2f} | "
                     + ("" if row == "rules" else f"{_ms(diff):>13} {won:>9}"))
    chosen = result["chosen"]
    lines.append("  chosen inside the training folds: C-L2 " + _counts(chosen["C-L2"]) + "; C-L1 "
                 + _counts(chosen["C-L1"]) + f"; threshold L2 {_ms(chosen['t-L2'])}, L1 {_ms(chosen['t-L1'])}, "
                 f"veto {_ms(chosen['t-veto'])}")
    return lines


def _counts(values: list[float]) -> str:
    from collections import Counter

    return "{" + ", ".join(f"{c:g}: {n}" for c, n in sorted(Counter(values).items())) + "}"


# ---------------------------------------------------------------- final model

def recommended_use(diffs: dict) -> str:
    """replace: the model's decision beat the rules' on both label kinds (mean pooled F1 over repeats, and in
    most repeats); veto: only the rules-AND-model decision did; none: neither."""
    def beats(row: str) -> bool:
        return all(statistics.mean(d) > 0 and sum(x > 0 for x in d) > sum(x < 0 for x in d)
                   for (r, _), d in diffs.items() if r == row)

    return "replace" if beats("LR-L2") else "veto" if beats("veto") else "none"


def final_fit(data: Sentences, kind: str, folds: int, seed: int) -> dict:
    gold = data.labels[kind]
    everything = np.ones(data.n, dtype=bool)
    C, threshold, veto = inner_select(data, everything, gold, "l2", folds, np.random.default_rng(seed))
    model = fit(*training_rows(data, everything, gold), C, "l2")
    weights = {name: float(w) for name, w in zip(data.names, model[0])}
    return {"C": C, "threshold": threshold, "veto_threshold": veto, "intercept": model[1], "weights": weights,
            "model": model}


def write_yaml(path: Path, finals: dict, summary: list, uses: dict, args, coder_version: str) -> None:
    lines = [
        "# Logistic model over the coder's own outputs for 'does this sentence report an event of this type",
        "# that happened' (bench/event_model.py reads it; not wired into the coder).",
        f"# Written by: .venv/bin/python bench/train_event_model.py --repeats {args.repeats} --folds {args.folds} "
        f"--seed {args.seed} --write --final-labels {args.final_labels}",
        f"# on {date.today().isoformat()}, coder {coder_version}, gold ../shared/data/arabic_event_gsr "
        "(Asharq al-Awsat 2006-2008 sentences).",
        f"# Trained on all gold sentences with a candidate of the type, {args.final_labels} labels, one row per",
        "# sentence (its best candidate: happened & main first, then confidence); L2 logistic regression on",
        "# unscaled features (binary, or in [0, 1]); C by grouped (document) CV log-loss over",
        f"# {C_GRID}; threshold = F1-best over the grouped out-of-fold scores.",
        "# A sentence's score is its best candidate's p; a sentence with no candidate is negative.",
        f"# Cross-validation ({args.repeats} x {args.folds}-fold grouped by document, C and threshold chosen",
        "# inside the training folds), pooled F1 mean±sd over repeats, rules (in-sample: they were written on",
        "# this gold) vs this model:",
    ]
    for line in summary:
        lines.append(f"#   {line}")
    lines += ["# p = 1 / (1 + exp(-(intercept + sum of weight * feature))); features absent from 'weights' weigh 0.",
              "version: 1", f"labels: {args.final_labels}", "types:"]
    for event_type, final in finals.items():
        lines.append(f"  {event_type}:")
        lines.append(f"    use: {uses[event_type]}  # what the cross-validation supports: replace | veto | none")
        lines.append(f"    C: {final['C']:g}")
        lines.append(f"    intercept: {final['intercept']:.4f}")
        lines.append(f"    threshold: {final['threshold']:.4f}  # replace happened & main by p >= threshold")
        lines.append(f"    veto_threshold: {final['veto_threshold']:.4f}  # or keep happened & main only when p >= this")
        lines.append("    weights:  # largest effect first")
        for name, w in sorted(final["weights"].items(), key=lambda kv: -abs(kv[1])):
            if round(w, 4) != 0:
                lines.append(f"      {name}: {w:.4f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20240)
    parser.add_argument("--write", action="store_true", help=f"refit on all the gold and write {MODEL_PATH}")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where --write writes the model")
    parser.add_argument("--final-labels", choices=("unanimous", "majority"), default="unanimous")
    args = parser.parse_args()
    started = time.perf_counter()
    coded = code_gold(args.data)
    from etl.extraction.pipeline import make_coder

    coder_version = make_coder(geocode=False).version
    datasets = {t: Sentences(rows, events, t) for t, (rows, events) in coded.items()}
    print("pooled: P/R/F1 over each repeat's out-of-fold predictions, mean±sd over repeats; per-fold: F1 over "
          "every fold; F1 - rules and won/lost: pooled F1 minus the rules', per repeat")
    summary, uses = [], {}
    for event_type, data in datasets.items():
        diffs = {}
        print(f"\n{event_type}: {data.n} gold rows, {len(data.X)} candidates, {len(data.names)} features")
        for kind in ("unanimous", "majority"):
            result = cross_validate(data, kind, args.repeats, args.folds, args.seed)
            for line in report(event_type, kind, result):
                print(line)
            pooled = result["pooled"]
            for row in ("LR-L2", "veto"):
                diffs[(row, kind)] = [f - b for (*_, f), (*_, b) in zip(pooled[row], pooled["rules"])]
            summary.append(f"{event_type} {kind}: rules F1 {_ms([f for *_, f in pooled['rules']])}, "
                           f"model F1 {_ms([f for *_, f in pooled['LR-L2']])} "
                           f"(P {_ms([p for p, *_ in pooled['LR-L2']])}, R {_ms([r for _, r, _ in pooled['LR-L2']])}), "
                           f"veto F1 {_ms([f for *_, f in pooled['veto']])}")
        uses[event_type] = recommended_use(diffs)
        print(f"  -> recommended use of the model for {event_type}: {uses[event_type]}")
    print(f"\ncross-validation done in {time.perf_counter() - started:.0f}s")
    finals = {}
    for event_type, data in datasets.items():
        final = final_fit(data, args.final_labels, args.folds, args.seed)
        finals[event_type] = final
        print(f"\nfinal {event_type} model ({args.final_labels} labels, all gold): C {final['C']:g}, "
              f"intercept {final['intercept']:.3f}, threshold {final['threshold']:.3f}, "
              f"veto threshold {final['veto_threshold']:.3f}")
        for name, w in sorted(final["weights"].items(), key=lambda kv: -abs(kv[1])):
            if abs(w) >= 0.1:
                print(f"  {name:22} {w:+.3f}")
    if args.write:
        write_yaml(args.out, finals, summary, uses, args, coder_version)
        load_event_model.cache_clear()
        scorer = load_event_model(args.out.read_text(encoding="utf-8"))
        # the pure-Python scorer must give sklearn's probabilities
        worst = 0.0
        for event_type, (rows, events) in coded.items():
            data, final = datasets[event_type], finals[event_type]
            p_sklearn = predict(final["model"], data.X)
            p_scorer, i = [], 0
            for sentence_events in events:
                for e in sentence_events:
                    if e.event_type == event_type:
                        p_scorer.append(scorer.probability(e, sentence_events))
            worst = max(worst, float(np.max(np.abs(np.array(p_scorer) - p_sklearn))))
        print(f"\nwrote {args.out}; scorer vs sklearn: largest |dp| {worst:.2e} (weights rounded to 4 places)")
    print(f"total {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
