"""Geoparser evaluation on IDRISI-D Arabic (../shared/data/idrisi_ar/LMD): real tweets whose location
mentions carry character offsets and the OpenStreetMap point the annotators chose.

Recognition: a predicted mention is correct when its offsets overlap a gold mention's (each gold mention
matched at most once). The gold lists each location of a tweet once, at the first place its text occurs
(the offsets were found by searching the text), so predictions are compared the same way: the first
mention of each distinct place in a tweet (deduplicate_by_place). precision, recall and F1 over all mentions. Resolution, over the gold mentions
that were recognised: the share placed within 161 km (Acc@161) and 25 km of the gold point, the share in
the right country (our country vs the OSM address's country code), and the median error in km.

    .venv/bin/python bench/eval_geo.py [--data DIR] [--split dev|train|all] [--errors N] [--db URL]

Without --db the gazetteer is built from the packaged data (no database needed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from etl.geo.gazetteer import Gazetteer, haversine_km, packaged_gazetteer  # noqa: E402
from etl.geo.geocoder import Geocoder  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "idrisi_ar" / "LMD"


def load(data: Path, split: str) -> list[dict]:
    pattern = "*.jsonl" if split == "all" else f"{split}.jsonl"
    tweets = []
    for path in sorted(data.glob(f"*/{pattern}")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            record["event"] = path.parent.name
            tweets.append(record)
    return tweets


def deduplicate_by_place(mentions: list) -> list:
    seen, kept = set(), []
    for mention in sorted(mentions, key=lambda m: m.start):
        key = (mention.place_id, mention.text if mention.feature_code == "FAC" or mention.place_id is None else "")
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def _overlaps(mention, gold: dict, text: str, lenient: bool) -> bool:
    if mention.start < gold["end_offset"] and gold["start_offset"] < mention.end:
        return True
    # lenient: the gold offsets point at the first occurrence of the gold text (found by string search),
    # so a prediction on a later occurrence of the same text is the same mention
    return lenient and text.count(gold["text"]) > 1 and gold["text"] in mention.text


def evaluate(geocoder: Geocoder, tweets: list[dict], show_errors: int = 0, lenient: bool = False) -> dict:
    tp = fp = fn = 0
    errors_km, right_country, unplaced = [], 0, 0
    by_type: Counter = Counter()
    by_type_found: Counter = Counter()
    misses, spurious, far = [], [], []
    started = time.perf_counter()
    predictions = [geocoder.geocode(t["text"]) for t in tweets]
    seconds = time.perf_counter() - started
    predictions = [deduplicate_by_place(p) for p in predictions]
    for tweet, predicted in zip(tweets, predictions):
        gold = tweet["location_mentions"]
        used = set()
        for mention in predicted:
            match = next((g for g_i, g in enumerate(gold) if g_i not in used
                          and _overlaps(mention, g, tweet["text"], lenient)), None)
            if match is None:
                fp += 1
                spurious.append((mention.text, mention.name_en, tweet["text"]))
                continue
            used.add(gold.index(match))
            tp += 1
            by_type_found[match["type"]] += 1
            osm = match["osm_json"]
            if mention.latitude is None:  # recognised but not placed: counts as a miss of every radius
                unplaced += 1
                km = 20_000.0
            else:
                km = haversine_km(mention.latitude, mention.longitude, float(osm["lat"]), float(osm["lon"]))
            errors_km.append(km)
            gold_cc = (osm.get("address") or {}).get("country_code", "").upper()
            right_country += gold_cc == (mention.country or "")
            if km > 161:
                far.append((match["text"], mention.name_en, mention.country, round(km), osm.get("display_name", "")[:60]))
        for g_i, g in enumerate(gold):
            by_type[g["type"]] += 1
            if g_i not in used:
                fn += 1
                misses.append((g["text"], g["type"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(errors_km) or 1
    result = {
        "tweets": len(tweets), "gold_mentions": tp + fn, "predicted": tp + fp,
        "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
        "acc161": round(sum(e <= 161 for e in errors_km) / n, 3),
        "acc25": round(sum(e <= 25 for e in errors_km) / n, 3),
        "country": round(right_country / n, 3),
        "median_km": round(statistics.median(errors_km), 1) if errors_km else None,
        "unplaced": unplaced,
        "recall_by_type": {k: f"{by_type_found[k]}/{v}" for k, v in by_type.most_common()},
        "tweets_per_s": round(len(tweets) / seconds),
    }
    if show_errors:
        result["missed"] = Counter(misses).most_common(show_errors)
        result["spurious"] = Counter((s[0], s[1]) for s in spurious).most_common(show_errors)
        result["far"] = Counter(far).most_common(show_errors)
    return result


def gold_quirks(tweets: list[dict]) -> dict:
    """Gold mentions that strict offset matching cannot credit whatever the geoparser does, or only by
    predicting what is not a place mention: repeated mentions given the offsets of the first occurrence
    (two gold mentions, one span), offsets inside a longer word (الكويت found inside الكويتية), and
    mentions inside compound hashtags (#سيول_الاردن), which the annotators tagged in some tweets only."""
    repeated = inside_word = in_hashtag = 0
    for tweet in tweets:
        text, spans = tweet["text"], set()
        for gold in tweet["location_mentions"]:
            start, end = gold["start_offset"], gold["end_offset"]
            if (start, end) in spans:
                repeated += 1
                continue
            spans.add((start, end))
            if end < len(text) and "\u0621" <= text[end] <= "\u064a":
                inside_word += 1
            tag = text.rfind("#", 0, start + 1)
            if tag >= 0 and not any(ch.isspace() for ch in text[tag:start]):
                word_end = end
                while word_end < len(text) and not text[word_end].isspace():
                    word_end += 1
                in_hashtag += tag < start - 1 or "_" in text[end:word_end]
    return {"repeated_offsets": repeated, "inside_a_longer_word": inside_word, "in_compound_hashtag": in_hashtag}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["dev", "train", "all"], default="all")
    parser.add_argument("--errors", type=int, default=0, help="show the N most common errors of each kind")
    parser.add_argument("--db", help="use the gazetteer stored in this events database")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"{args.data} not found (../shared/data must be beside the project)")
    started = time.perf_counter()
    gazetteer = Gazetteer.from_db(args.db) if args.db else packaged_gazetteer()
    ready = time.perf_counter() - started
    geocoder = Geocoder(gazetteer)
    tweets = load(args.data, args.split)
    result = evaluate(geocoder, tweets, args.errors)
    lenient = evaluate(geocoder, tweets, 0, lenient=True)
    print(f"IDRISI-D Arabic LMD ({args.split}, {len(tweets)} tweets); gazetteer of {len(gazetteer)} places "
          f"ready in {ready:.2f} s ({'database' if args.db else 'built from packaged data'})")
    print("strict offset overlap:")
    for key, value in result.items():
        if isinstance(value, list):
            print(f"{key}:")
            for item in value:
                print("   ", item)
        else:
            print(f"{key}: {value}")
    print(f"gold quirks (of {result['gold_mentions']} gold mentions): {gold_quirks(tweets)}")
    print("lenient (a gold mention whose text recurs in the tweet matches any occurrence of that text):")
    print({k: lenient[k] for k in ("precision", "recall", "f1", "acc161", "acc25", "country", "median_km")})


if __name__ == "__main__":
    main()
