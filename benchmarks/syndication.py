"""
Near-duplicate detection (articles.ingest.syndication) on the gold articles.

Run: .venv/bin/python benchmarks/syndication.py

Every article of the quote gold sets (benchmarks/gold/quotes*/) and of the
syndication set (benchmarks/gold/syndication/articles/) is read as the
importer reads it (articles.ingest.parse_article), and every pair of them is
scored. A pair is the same story when benchmarks/gold/syndication/pairs.json
says so, or when both are copies of one story there; every other pair is a
negative (the listed hard negatives are reported on their own as well).

Prints, for each threshold on containment: precision, recall, F1, and the
hard negatives above it; then how many same-story pairs the LSH bands find
as candidates (recall of the candidate search), how many other pairs they
bring up, and the signature rate. The last line is a JSON summary.
"""

import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest import parse_article  # noqa: E402
from articles.ingest.syndication import (  # noqa: E402
    SAME_STORY,
    containment,
    shingles,
    signature,
)

GOLD = ROOT / "benchmarks" / "gold"
THRESHOLDS = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9]


def gold_articles():
    paths = sorted(GOLD.glob("quotes*/*.txt")) + sorted(
        (GOLD / "syndication" / "articles").glob("*.txt")
    )
    articles = {}
    for path in paths:
        parsed = parse_article(path.read_text(encoding="utf-8"))
        articles[path.relative_to(GOLD).as_posix()] = parsed.paragraphs
    return articles


def labels():
    pairs = json.loads((GOLD / "syndication" / "pairs.json").read_text())["pairs"]
    story = {}  # article -> the original it is a copy of
    hard = set()
    for pair in pairs:
        if pair["same_story"]:
            story[pair["b"]] = story.get(pair["a"], pair["a"])
            story.setdefault(pair["a"], pair["a"])
        else:
            hard.add(frozenset((pair["a"], pair["b"])))
    same = {frozenset(p) for p in itertools.combinations(story, 2) if story[p[0]] == story[p[1]]}
    return same, hard


def main():
    articles = gold_articles()
    same, hard = labels()
    started = time.perf_counter()
    signatures = {name: signature(paragraphs) for name, paragraphs in articles.items()}
    signing_seconds = time.perf_counter() - started
    sets = {name: shingles(paragraphs) for name, paragraphs in articles.items()}
    scores = {}
    candidates = set()
    for a, b in itertools.combinations(sorted(articles), 2):
        pair = frozenset((a, b))
        scores[pair] = containment(sets[a], sets[b])
        sa, sb = signatures[a], signatures[b]
        if sa and sb and set(sa.bands) & set(sb.bands):
            candidates.add(pair)
    print(
        f"{len(articles)} articles, {len(scores)} pairs: {len(same)} same story, "
        f"{len(scores) - len(same)} not ({len(hard)} of them hard negatives)\n"
    )
    print("threshold  precision  recall     F1   false+  hard negatives above")
    rows = []
    for threshold in THRESHOLDS:
        predicted = {
            pair for pair, score in scores.items() if score >= threshold and pair in candidates
        }
        tp = len(predicted & same)
        precision = tp / len(predicted) if predicted else 1.0
        recall = tp / len(same)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"threshold": threshold, "precision": precision, "recall": recall, "f1": f1})
        mark = "  <- SAME_STORY" if threshold == SAME_STORY else ""
        print(
            f"{threshold:9.2f}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}  {len(predicted - same):6d}  "
            f"{len(predicted & hard):d}{mark}"
        )
    print("\nSame-story pairs, lowest containment first:")
    for pair in sorted(same, key=scores.get)[:5]:
        print(f"  {scores[pair]:.3f}  " + "  ~  ".join(sorted(pair)))
    print("Other pairs, highest containment first (hard negatives marked *):")
    others = sorted((p for p in scores if p not in same), key=scores.get, reverse=True)[:8]
    for pair in others:
        print(f"  {scores[pair]:.3f}{'*' if pair in hard else ' '} " + "  ~  ".join(sorted(pair)))
    found = len(same & candidates)
    print(
        f"\nCandidate search (LSH bands): {found}/{len(same)} same-story pairs found "
        f"(recall {found / len(same):.3f}); {len(candidates - same)} other pairs brought up "
        f"of {len(scores) - len(same)}"
    )
    print(f"Signatures: {len(articles) / signing_seconds:.0f} articles/s")
    chosen = next(row for row in rows if row["threshold"] == SAME_STORY)
    print(
        json.dumps(
            {
                "threshold": SAME_STORY,
                **{k: round(v, 3) for k, v in chosen.items() if k != "threshold"},
                "candidate_recall": round(found / len(same), 3),
                "pairs": len(scores),
            }
        )
    )


if __name__ == "__main__":
    main()
