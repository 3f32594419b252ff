"""Benchmark for the quote extractor (articles.quotes) on the hand-written gold sets.

Run: .venv/bin/python benchmarks/quotes.py [--gold DIR ...] [--all] [--only NAME ...]
     [--errors] [--quiet] [--through-parser] [--no-speed]

``--gold DIR`` may be repeated (default: benchmarks/gold/quotes only); ``--all``
scores every set under benchmarks/gold/. Each set gets its own row (and
tuned/held-out rows when it has ``h_`` articles), and with more than one set a
pooled row. ``--errors`` adds a summary of the errors by category (see
``categorise``) before the figures; ``--quiet`` drops the per-article lists.
The sets, their conventions and their first-run figures are described in each
set's README.md (conventions: benchmarks/gold/quotes_independent/README.md).

Gold format: NAME.txt (first line headline, then paragraphs separated by blank
lines) and NAME.json, a list of {"text", "speaker", "kind", "fragment"} and,
in side-labelled sets, "side" (labor, employer, government, expert, community,
unknown; null when the speaker is empty).

Scoring:
* a predicted quote matches a gold quote when their texts are equal after
  normalising case, whitespace and punctuation, or when they share >= 90% of
  tokens (token-multiset overlap over the longer of the two); each gold quote
  matches at most one prediction;
* span precision / recall / F1 over all quotes;
* speaker accuracy over matched quotes: the normalised predicted name equals the
  gold speaker or one of the predicted aliases ("" must match "");
* full named: speaker accuracy over matched full quotations (not fragments)
  whose gold speaker is not empty;
* fragments: frag recall = gold fragments matched by a predicted quote; frag
  named = speaker accuracy over matched fragments whose gold speaker is not
  empty; frag flag = matched quotes whose fragment flag agrees with gold;
* scare FP: false positives of at most 6 words that are not a gold quote found
  with other bounds (the sets list no scare quotes, so short spurious quotes
  stand for them: scare quotes, titles, nicknames);
* sides, where gold carries "side": side acc over matched quotes whose gold
  speaker is not empty, and the share of those predicted "unknown"
  (gold-side unk); on every set, "unknown" = the share of predicted quotes
  with a speaker whose predicted side is "unknown";
* speed: articles per second on one core, repeating the articles for >= 2 s of
  this process's CPU time (process_time, pinned to one CPU where possible), so a
  busy shared machine does not distort the figure; wall-clock rate printed too,
  and whether the extractor ran compiled (``make compile``) or from source.

Prints each article's misses, false positives, wrong speakers and wrong sides,
then the figures, and last a one-line JSON summary (pooled, and per set).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest import parse_article  # noqa: E402
from articles.quotes import extract as extract_module  # noqa: E402
from articles.quotes import extract_quotes  # noqa: E402

GOLD_ROOT = ROOT / "benchmarks" / "gold"
GOLD = GOLD_ROOT / "quotes"
_TOKEN_RE = re.compile(r"[a-z0-9]+")


# --through-parser: paragraphs as import_articles makes them (articles.ingest drops
# furniture, rejoins broken paragraphs), so the figures are the whole pipeline's.
THROUGH_PARSER = False


def _quote_files(gdir: Path) -> list[Path]:
    """A set's NAME.json files that have their NAME.txt: other gold sets (syndication pairs) hold JSON too."""
    return sorted(p for p in gdir.glob("*.json") if p.with_suffix(".txt").exists())


def load_article(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    if THROUGH_PARSER:
        return parse_article(raw).paragraphs
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    return blocks[1:]


def norm_text(t: str) -> str:
    t = unicodedata.normalize("NFKC", t).lower().replace("’", "'").replace("‘", "'")
    return " ".join(_TOKEN_RE.findall(t))


def norm_name(t: str) -> str:
    return norm_text(t)


def overlap(a: str, b: str) -> float:
    ta, tb = Counter(a.split()), Counter(b.split())
    if not ta or not tb:
        return 0.0
    common = sum((ta & tb).values())
    return common / max(sum(ta.values()), sum(tb.values()))


def match(gold: list[dict], pred) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy best-first matching; returns pairs, unmatched gold, unmatched predictions."""
    gn = [norm_text(g["text"]) for g in gold]
    pn = [norm_text(p.text) for p in pred]
    cands = []
    for i, g in enumerate(gn):
        for j, p in enumerate(pn):
            s = 1.0 if g == p else overlap(g, p)
            if s >= 0.9:
                cands.append((-s, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return (
        pairs,
        [i for i in range(len(gold)) if i not in used_g],
        [j for j in range(len(pred)) if j not in used_p],
    )


def speaker_ok(g: dict, p) -> bool:
    gs = norm_name(g["speaker"])
    names = {norm_name(p.speaker_name)} | {norm_name(a) for a in p.speaker_aliases}
    if not gs:
        return not p.speaker_name
    return gs in names


def _boundary_errors(gold: list[dict], pred, miss, extra) -> dict[int, int]:
    """Missed gold quote -> false positive that is the same quote with other
    bounds: they share >= 40% of tokens (or one holds the other)."""
    out: dict[int, int] = {}
    for i in miss:
        g = norm_text(gold[i]["text"])
        best, bj = 0.0, None
        for j in extra:
            if j in out.values():
                continue
            p = norm_text(pred[j].text)
            ta, tb = Counter(g.split()), Counter(p.split())
            common = sum((ta & tb).values())
            s = max(overlap(g, p), common / max(1, min(sum(ta.values()), sum(tb.values()))) * 0.5)
            if s > best:
                best, bj = s, j
        if bj is not None and best >= 0.4:
            out[i] = bj
    return out


SCARE_QUOTE_WORDS = 6


def scare_quotes(gold: list[dict], pred, miss, extra) -> list[int]:
    """False positives that are scare quotes or titles: spurious predictions
    (not a gold quote with other bounds) of at most ``SCARE_QUOTE_WORDS`` words.
    The gold sets do not list scare quotes, so this is an estimate from length."""
    boundary = set(_boundary_errors(gold, pred, miss, extra).values())
    return [
        j
        for j in extra
        if j not in boundary and len(norm_text(pred[j].text).split()) <= SCARE_QUOTE_WORDS
    ]


def categorise(gold: list[dict], pred, pairs, miss, extra) -> list[tuple[str, str]]:
    """(category, detail) for each error of one article.

    Span errors: a miss and a false positive sharing >= 40% of tokens (one of
    them contained in the other counts too) are one "span boundary" error; other
    misses are "missed quote" / "missed fragment"; other false positives
    "spurious quote" / "spurious fragment". Speaker errors on matched quotes:
    "unattributed (gold names a speaker)", "attributed (gold unattributed)",
    "wrong kind (person/organization)" and "wrong speaker". Fragment flag
    mismatches: "fragment flag". Side errors (gold with a side): "side".
    """
    out = []
    boundary = _boundary_errors(gold, pred, miss, extra)
    for i in miss:
        if i in boundary:
            bj = boundary[i]
            out.append(
                ("span boundary", f"gold {gold[i]['text'][:50]!r} / got {pred[bj].text[:50]!r}")
            )
        else:
            cat = "missed fragment" if gold[i].get("fragment") else "missed quote"
            out.append((cat, repr(gold[i]["text"][:60])))
    used = set(boundary.values())
    for j in extra:
        if j not in used:
            cat = "spurious fragment" if pred[j].is_fragment else "spurious quote"
            out.append((cat, repr(pred[j].text[:60])))
    for i, j in pairs:
        g, p = gold[i], pred[j]
        if not speaker_ok(g, p):
            if not p.speaker_name:
                cat = "unattributed (gold names a speaker)"
            elif not g["speaker"]:
                cat = "attributed (gold unattributed)"
            elif g.get("kind") and p.speaker_kind and g["kind"] != p.speaker_kind:
                cat = "wrong kind (person/organization)"
            else:
                cat = "wrong speaker"
            out.append((cat, f"{g['text'][:40]!r}: gold {g['speaker']!r} got {p.speaker_name!r}"))
        if g.get("fragment", False) != p.is_fragment:
            out.append(
                (
                    "fragment flag",
                    f"{g['text'][:40]!r}: gold {g.get('fragment', False)} got {p.is_fragment}",
                )
            )
        if g["speaker"] and g.get("side") and p.side != g["side"]:
            out.append(("side", f"{g['speaker']!r}: gold {g['side']} got {p.side}"))
    return out


def _resolve(items, gold_dir: Path | None) -> list[tuple[Path, str]]:
    return [(gold_dir, it) if isinstance(it, str) else (it[0], it[1]) for it in items]


@dataclass
class Tally:
    """Counts for one group of articles; ``figures()`` turns them into rates."""

    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_ok: int = 0
    frag_flag_ok: int = 0
    full_named_ok: int = 0
    full_named_n: int = 0
    frag_gold: int = 0
    frag_found: int = 0
    frag_named_ok: int = 0
    frag_named_n: int = 0
    scare_fp: int = 0
    side_ok: int = 0
    side_n: int = 0
    side_pred_unknown: int = 0  # among quotes whose gold carries a side (and a speaker)
    pred_attributed: int = 0
    pred_unknown: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict:
        def rate(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        prec = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        rec = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {
            "articles": self.articles,
            "gold_quotes": self.tp + self.fn,
            "precision": round(prec, 4),
            "recall": round(rec, 4),
            "f1": round(f1, 4),
            "speaker_accuracy": rate(self.speaker_ok, self.tp) or 0.0,
            "fragment_flag_accuracy": rate(self.frag_flag_ok, self.tp) or 0.0,
            "full_named_speaker": rate(self.full_named_ok, self.full_named_n),
            "full_named": [self.full_named_ok, self.full_named_n],
            "fragment_recall": rate(self.frag_found, self.frag_gold),
            "fragments": [self.frag_found, self.frag_gold],
            "fragment_named_speaker": rate(self.frag_named_ok, self.frag_named_n),
            "fragment_named": [self.frag_named_ok, self.frag_named_n],
            "scare_quote_fp": self.scare_fp,
            "side_accuracy": rate(self.side_ok, self.side_n),
            "sides": [self.side_ok, self.side_n],
            "side_unknown_share": rate(self.side_pred_unknown, self.side_n),
            "unknown_share": rate(self.pred_unknown, self.pred_attributed),
            "attributed": self.pred_attributed,
        }


def score_article(gdir: Path, name: str, verbose: bool = True, errors: list | None = None) -> Tally:
    """Score one article; print its errors when ``verbose``; append (article,
    category, detail) triples to ``errors`` when it is a list."""
    paras = load_article(gdir / f"{name}.txt")
    gold = json.loads((gdir / f"{name}.json").read_text(encoding="utf-8"))
    pred = extract_quotes(paras)
    pairs, miss, extra = match(gold, pred)
    t = Tally(articles=1, tp=len(pairs), fn=len(miss), fp=len(extra))
    wrong = []
    wrong_sides = []
    for i, j in pairs:
        g, p = gold[i], pred[j]
        ok = speaker_ok(g, p)
        t.speaker_ok += ok
        if not ok:
            wrong.append((g, p))
        t.frag_flag_ok += g.get("fragment", False) == p.is_fragment
        if g["speaker"]:
            if g.get("fragment"):
                t.frag_named_n += 1
                t.frag_named_ok += ok
            else:
                t.full_named_n += 1
                t.full_named_ok += ok
            if g.get("side"):
                t.side_n += 1
                t.side_ok += p.side == g["side"]
                t.side_pred_unknown += p.side == "unknown"
                if p.side != g["side"]:
                    wrong_sides.append((g, p))
    t.frag_gold = sum(1 for g in gold if g.get("fragment"))
    t.frag_found = sum(1 for i, _ in pairs if gold[i].get("fragment"))
    t.scare_fp = len(scare_quotes(gold, pred, miss, extra))
    for p in pred:
        if p.speaker_name:
            t.pred_attributed += 1
            t.pred_unknown += p.side == "unknown"
    if errors is not None:
        errors.extend((name, c, d) for c, d in categorise(gold, pred, pairs, miss, extra))
    if verbose and (miss or extra or wrong or wrong_sides):
        print(f"\n== {name}")
        for i in miss:
            print(f"  MISS  {gold[i]['text'][:70]!r}  [{gold[i]['speaker']}]")
        for j in extra:
            print(
                f"  FP    {pred[j].text[:70]!r}  [{pred[j].speaker_name}] frag={pred[j].is_fragment}"
            )
        for g, p in wrong:
            print(
                f"  SPKR  {g['text'][:50]!r}: gold {g['speaker']!r} got {p.speaker_name!r} "
                f"(mention {p.speaker_mention!r}, cue {p.cue!r}, rule {p.rule!r})"
            )
        for g, p in wrong_sides:
            print(
                f"  SIDE  {g['speaker']!r}: gold {g['side']} got {p.side} "
                f"({'; '.join(p.side_evidence) or 'no evidence'})"
            )
    return t


def score(
    names, gold_dir: Path | None = None, verbose: bool = True, errors: list | None = None
) -> dict:
    """Score articles: ``names`` are article names in ``gold_dir`` or (dir, name) pairs.

    When ``errors`` is a list, (article, category, detail) triples are appended to it.
    """
    total = Tally()
    for gdir, name in _resolve(names, gold_dir):
        total.add(score_article(gdir, name, verbose=verbose, errors=errors))
    return total.figures()


def speed(names, gold_dir: Path | None = None, min_seconds: float = 2.0) -> tuple[float, float]:
    """(articles per CPU-second, articles per wall-clock second)."""
    docs = [load_article(d / f"{n}.txt") for d, n in _resolve(names, gold_dir)]
    for d in docs:  # warm up (regex compilation)
        extract_quotes(d)
    count = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    while True:
        for d in docs:
            extract_quotes(d)
        count += len(docs)
        cpu = time.process_time() - c0
        if cpu >= min_seconds:
            return count / cpu, count / (time.perf_counter() - t0)


def extractor_build() -> str:
    """ "compiled" when the extractor runs as mypyc's extension modules (make compile), else "source"."""
    return "compiled" if Path(extract_module.__file__ or "").suffix == ".so" else "source"


def _fmt(value, width: int, digits: int = 3) -> str:
    if value is None:
        return f"{'-':>{width}}"
    if isinstance(value, float):
        return f"{value:>{width}.{digits}f}"
    return f"{value:>{width}}"


def print_tables(rows: list[tuple[str, dict]]) -> None:
    """Two tables: spans and speakers; fragments and sides (``-``: nothing to score)."""
    print(
        f"{'set':<22}{'articles':>9}{'quotes':>8}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}"
        f"{'full named':>12}{'frag flag':>10}"
    )
    for label, s in rows:
        print(
            f"{label:<22}{s['articles']:>9}{s['gold_quotes']:>8}{_fmt(s['precision'], 7)}"
            f"{_fmt(s['recall'], 7)}{_fmt(s['f1'], 7)}{_fmt(s['speaker_accuracy'], 9)}"
            f"{_fmt(s['full_named_speaker'], 12)}{_fmt(s['fragment_flag_accuracy'], 10)}"
        )
    print(
        f"\n{'set':<22}{'frag recall':>12}{'frag named':>11}{'scare FP':>9}{'side acc':>9}"
        f"{'side n':>7}{'gold-side unk':>14}{'unknown':>9}"
    )
    for label, s in rows:
        print(
            f"{label:<22}{_fmt(s['fragment_recall'], 12)}{_fmt(s['fragment_named_speaker'], 11)}"
            f"{_fmt(s['scare_quote_fp'], 9)}{_fmt(s['side_accuracy'], 9)}{_fmt(s['sides'][1], 7)}"
            f"{_fmt(s['side_unknown_share'], 14)}{_fmt(s['unknown_share'], 9)}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--gold",
        type=Path,
        action="append",
        help=f"gold directory; repeatable (default: {GOLD.relative_to(ROOT)})",
    )
    ap.add_argument(
        "--all", action="store_true", help=f"every gold set under {GOLD_ROOT.relative_to(ROOT)}"
    )
    ap.add_argument("--only", nargs="*", help="article names to score")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--errors", action="store_true", help="also print the errors by category")
    ap.add_argument("--quiet", action="store_true", help="do not print each article's errors")
    ap.add_argument(
        "--through-parser",
        action="store_true",
        help="read each article with the importer's parser first (as import_articles does)",
    )
    args = ap.parse_args(argv)
    global THROUGH_PARSER
    THROUGH_PARSER = args.through_parser
    dirs = list(args.gold or [])
    if args.all:
        dirs += sorted(d for d in GOLD_ROOT.iterdir() if d.is_dir() and _quote_files(d))
    dirs = dirs or [GOLD]
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass
    items = [(d, p.stem) for d in dirs for p in _quote_files(d)]
    if args.only:
        items = [it for it in items if it[1] in args.only]
    errs: list | None = [] if args.errors else None
    per_article = {it: score_article(*it, verbose=not args.quiet, errors=errs) for it in items}

    def pooled(selected) -> dict:
        total = Tally()
        for it in selected:
            total.add(per_article[it])
        return total.figures()

    rows: list[tuple[str, dict]] = []
    per_set = {}
    for d in dirs:
        mine = [it for it in items if it[0] == d]
        if not mine:
            continue
        per_set[d.name] = pooled(mine)
        rows.append((d.name, per_set[d.name]))
        held = [it for it in mine if it[1].startswith("h_")]
        tuned = [it for it in mine if not it[1].startswith("h_")]
        if held and tuned:
            rows.append(("  tuned", pooled(tuned)))
            rows.append(("  held-out", pooled(held)))
    full = pooled(items)
    if len(dirs) > 1:
        rows.append(("all (pooled)", full))
    if errs is not None:
        print("\n" + "-" * 72 + "\nerrors by category")
        counts = Counter(c for _, c, _ in errs)
        for cat, n in counts.most_common():
            print(f"\n{n:>4}  {cat}")
            for name, c, d in errs:
                if c == cat:
                    print(f"        {name}: {d}")
    aps, wall = (0.0, 0.0) if args.no_speed else speed(items)
    print("\n" + "-" * 72)
    print_tables(rows)
    if not args.no_speed:
        print(
            f"speed: {aps:,.0f} articles/s (one core, CPU time; wall clock {wall:,.0f}/s; "
            f"extractor {extractor_build()})"
        )
    summary = dict(
        full, articles_per_second=round(aps, 1), extractor=extractor_build(), sets=per_set
    )
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
