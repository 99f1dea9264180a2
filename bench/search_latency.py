"""Search latency and recall, at catalog size and on synthetic 100k / 1M vector sets.

Latency includes embedding the query (the cache is cleared before every query).
The large sets are made from the real catalog's vectors: each synthetic vector is a
catalog vector plus Gaussian noise (sigma chosen so it keeps a cosine of about 0.8 to
its origin), renormalised, so the set keeps the catalog's cluster structure. A
synthetic vector inherits its origin course's fields, which gives realistic filter
selectivity. Approximate search is IVF-Flat; recall@10 is measured against exact
(flat) search on the same vectors.
"""

from __future__ import annotations

import json
import platform
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.results_file import RESULTS_DIR, report
from index.build import VECTORS_FILE
from index.filters import Filters
from index.loader import get_search
from index.occupations.subset import load_occupations
from index.schema import Mode
from index.settings import get_settings
from index.vector_store import VectorIndex

RESULTS_FILE = RESULTS_DIR / "search.json"
QUERY_COUNT = 200
TYPICAL_FILTERS = Filters(modes=frozenset({Mode.ONLINE}), max_cost=100, max_total_hours=40)
# A learner's constraints as the interview records them (a shortfall is usual with these).
TYPICAL_PROFILE: dict[str, Any] = {
    "mode": "in_person",
    "location": "Newark",
    "budget_max": 5000,
    "hours_per_week": 10,
}
K = 10
NOISE_SIGMA = 0.035  # per dimension, 384 dims: |noise| ~ 0.69, cosine to origin ~ 0.8
RECALL_QUERIES = 100
NPROBE = 24


def _percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
        "mean_ms": round(statistics.fmean(ordered), 2),
        "queries": len(ordered),
    }


def _time(
    run: Callable[[str], object], queries: list[str], clear: Callable[[], None]
) -> dict[str, float]:
    for query in queries[:5]:  # warm up code paths, not the cache
        run(query)
    samples: list[float] = []
    for query in queries:
        clear()
        started = time.perf_counter()
        run(query)
        samples.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _synthetic(
    base: npt.NDArray[np.float32], size: int, seed: int
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    rng = np.random.default_rng(seed)
    origin = rng.integers(0, len(base), size=size)
    vectors = np.empty((size, base.shape[1]), dtype=np.float32)
    chunk = 100_000
    for start in range(0, size, chunk):
        stop = min(size, start + chunk)
        block = base[origin[start:stop]] + rng.normal(
            0, NOISE_SIGMA, (stop - start, base.shape[1])
        ).astype(np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        vectors[start:stop] = block
    return vectors, origin


def catalog_size(queries: list[str]) -> dict[str, Any]:
    """Full hybrid ranking, and the advisor's recommendation end to end."""
    from advisor.profile import LearnerProfile
    from advisor.service import Advisor

    search = get_search()
    search.search("warm up the model", k=K)
    clear = search.clear_query_cache  # query vectors and occupation matches alike
    advisor = Advisor(search)

    def recommend(goal: str, **constraints: Any) -> object:
        return advisor.recommend(LearnerProfile(goal=goal, **constraints))

    return {
        "courses": len(search.courses),
        # Query encodes (one batched call), occupation match, scoring of the whole
        # catalog, floor, three-valued filters, shortfall and the cards of one page.
        "advisor_recommend_no_constraints": _time(recommend, queries, clear),
        "advisor_recommend_with_constraints": _time(
            lambda q: recommend(q, **TYPICAL_PROFILE), queries, clear
        ),
        "hybrid_no_filters": _time(lambda q: search.search(q, k=K), queries, clear),
        "hybrid_with_filters": _time(
            lambda q: search.search(q, k=K, filters=TYPICAL_FILTERS), queries, clear
        ),
        "dense_only_no_filters": _time(lambda q: search.dense_only(q, k=K), queries, clear),
    }


def large_set(size: int, queries: list[str], nlist: int) -> dict[str, Any]:
    """ANN search on ``size`` synthetic vectors, with and without the typical filters."""
    search = get_search()
    base = np.load(get_settings().index_dir / VECTORS_FILE)
    vectors, origin = _synthetic(base, size, seed=size)
    started = time.perf_counter()
    ivf = VectorIndex.build(vectors, kind="ivf", nlist=nlist)
    ivf.nprobe = NPROBE
    build_seconds = time.perf_counter() - started
    exact = VectorIndex.build(vectors, kind="flat")
    allowed = search.columns.mask(TYPICAL_FILTERS)[origin]
    embed = search.embedder.encode_query
    clear = search.embedder._encode_cached.cache_clear
    query_vectors = [embed(q) for q in queries[:RECALL_QUERIES]]
    recall = {}
    for label, mask in (("no_filters", None), ("with_filters", allowed)):
        found = 0
        for vector in query_vectors:
            truth = {h.position for h in exact.search(vector, K, mask)}
            found += len(truth & {h.position for h in ivf.search(vector, K, mask)})
        recall[label] = round(found / (K * len(query_vectors)), 4)
    figures = {
        "vectors": size,
        "index": f"IVF-Flat nlist={nlist} nprobe={NPROBE}",
        "build_seconds": round(build_seconds, 1),
        "no_filters": _time(lambda q: ivf.search(embed(q), K), queries, clear),
        "with_filters": _time(lambda q: ivf.search(embed(q), K, allowed), queries, clear),
        "allowed_share": round(float(allowed.mean()), 3),
        "recall_at_10_vs_exact": recall,
    }
    return figures


def _queries() -> list[str]:
    """Goals phrased as learners phrase them, about O*NET roles and their hot tools.

    Generated (seeded) rather than taken from the evaluation set, so that timing
    covers many different goals and no judged query.
    """
    occupations = load_occupations(get_settings().occupations_path)
    rng = np.random.default_rng(42)
    chosen = rng.choice(len(occupations), size=QUERY_COUNT, replace=False)
    queries = []
    for number, position in enumerate(chosen):
        occupation = occupations[int(position)]
        hot = [s.name for s in occupation.technology_skills if s.hot]
        if number % 2 == 0 or not hot:
            queries.append(f"I want to become {occupation.title.lower().rstrip('s')}")
        else:
            queries.append(f"I'd like to learn {hot[number % len(hot)]} for my job")
    return queries


def main(*, quick: bool = False) -> dict[str, Any]:
    """Run everything, print, and write the results file."""
    queries = _queries()
    started = time.perf_counter()
    results: dict[str, Any] = {
        "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()},
        "catalog": catalog_size(queries),
    }
    meta = json.loads((get_settings().index_dir / "courses.meta.json").read_text())
    results["catalog"]["index_build_seconds"] = meta["build_seconds"]
    sizes = [(20_000, 128)] if quick else [(100_000, 256), (1_000_000, 1024)]
    for size, nlist in sizes:
        results[f"synthetic_{size}"] = large_set(size, queries, nlist)
        print(json.dumps({f"synthetic_{size}": results[f"synthetic_{size}"]}, indent=2))
    results["peak_rss_mb"] = _peak_rss_mb()
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    return report(results, RESULTS_FILE, quick=quick)
