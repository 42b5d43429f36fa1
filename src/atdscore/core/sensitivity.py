"""How solid is a rank: Monte Carlo uncertainty and sensitivity analysis (`atdscore sensitivity`).

Pure and vectorised with NumPy: no I/O. The section below is written for the README.

## How `atdscore sensitivity` works

Each *run* re-scores every country under choices a reasonable analyst could have made, and ranks
them again. Four uncertain inputs are drawn independently per run; each can be switched off:

- **weights** (`weights_spread`, default 0.5): each standard category's weight is drawn uniformly
  within ±spread of the rubric's, relative to it (0.5: from half to one and a half times the rubric's
  weight). 0 keeps the rubric's weights.
- **aggregation** (`vary_aggregation`): `points` or `weighted-mean`, each with probability 1/2.
  Off: the rubric's.
- **unknowns**: each `unknown` or missing answer scores a value drawn uniformly (continuous) between
  its indicator's lowest and highest points, instead of 0. As 0 is usually an indicator's lowest
  score, this mostly lifts countries with many unknowns: their interval shows how far their rank
  rests on missing evidence.
- **leave-one-out**: no category, or one of the *K* standard categories, is left out, each with
  probability 1/(K+1). A category left out drops out of the total and of its maximum. Needs K >= 2.

Penalty and bonus categories count as in `atdscore rank`: their points (with drawn unknowns) are
held to the floor or cap, then added to the points, or under `weighted-mean` added as a share of the
plain sum of the (remaining) standard categories' maxima; a total is never below 0. A country that a
run leaves with no applicable category ranks last in that run.

The **nominal rank** is the rank of `atdscore rank`, from exact scores. Runs compute totals in
floating point and rank them the same way (equal totals share a rank: 1, 2, 2, 4); totals within
1e-9 percentage points of each other count as equal, so rounding noise cannot break a tie. Only
countries with a rank take part. For each country, over the runs (sample A below):

- **median rank** and the **5th-95th percentile interval** `[p5, p95]`: empirical quantiles that are
  always ranks that occurred (the smallest rank *r* such that at least that share of runs rank the
  country at *r* or better);
- **stability**: the share of runs, 0 to 1, in which its rank equals its nominal rank.

**Effective weights** check whether a category moves the totals as much as its weight says (as the
JRC's audits of composite indicators do). A category's *nominal* weight is its share of the total as
the rubric defines it: weight / sum of weights under `weighted-mean`, weight x maximum / sum of
weight x maximum under `points`. Its *effective* weight is r², the squared Pearson correlation
across countries between the category's percent and the nominal total percent, divided by the sum of
r² over the standard categories so that both kinds sum to 1. For a linear index r² is the category's
first-order share of the variance of the totals (Paruolo, Saisana and Saltelli 2013). A category's
correlation leaves out countries for which it is not applicable; a category that does not vary has
effective weight 0; when none correlates with the total, effective weights are null.

**Which input moves ranks most.** The output of a run is one number, Y = the mean, over countries,
of the absolute difference between the run's rank and the nominal rank. The first-order sensitivity
index of input *i* is the share of the variance of Y explained by input *i* alone, S_i = Var(E[Y |
X_i]) / Var(Y), estimated by pick-freeze (Sobol, Saltelli): a second set of runs B_i takes input
*i*'s draws from the main runs A and redraws all other inputs, and with Janon et al.'s (2014)
estimator

    m   = (mean(Y_A) + mean(Y_Bi)) / 2
    S_i = (mean(Y_A · Y_Bi) - m²) / (mean((Y_A² + Y_Bi²) / 2) - m²)

that is Cov(Y_A, Y_Bi) / Var(Y) with mean and variance pooled over both samples; (1 + inputs on)
x runs rankings in all. Estimates carry sampling noise of order 1/sqrt(runs) and are clipped to
[0, 1]; they need not sum to 1 (the rest is interaction). An input switched off has no index (null);
when Y never varies every index is 0 (this can happen even when tied countries swap places, as a swap of equals leaves Y unchanged; their stability shows it).

Each input draws from its own stream spawned from `numpy.random.default_rng(seed)`: the same seed
gives identical results, and switching one input off leaves the others' draws as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from atdscore.core.rank import rank_countries
from atdscore.core.score import CountryResult, State, indicator_range
from atdscore.text.numbers import MACHINE_PLACES
from atdscore.validation.model import Aggregation, Kind, Rubric

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

INPUTS = ("weights", "aggregation", "unknowns", "leave-one-out")
# The field of `_Draws` that holds each input's draws.
_FIELDS = {"weights": "weights", "aggregation": "mean", "unknowns": "unknown", "leave-one-out": "left_out"}
# Totals closer than this (in percentage points) tie: far above float noise, far below a real difference.
TIE = 1e-9
# Unknown answers are drawn this many runs at a time, so memory stays bounded with many unknowns.
_CHUNK = 256


@dataclass(frozen=True)
class Options:
    """The uncertain inputs of a sensitivity analysis and how many runs to draw."""

    runs: int = 1000
    seed: int = 42
    weights_spread: float = 0.5
    vary_aggregation: bool = True
    unknowns: bool = True
    leave_one_out: bool = True

    def __post_init__(self) -> None:
        if self.runs < 1:
            raise ValueError("runs must be at least 1")
        if not 0 <= self.weights_spread <= 1:
            raise ValueError("weights_spread must be from 0 to 1 (a share of each weight)")


@dataclass(frozen=True)
class CountryStats:
    """One country's ranks over the runs, next to its nominal rank."""

    country: str
    rank: int
    median_rank: int
    interval: tuple[int, int]
    stability: float


@dataclass(frozen=True)
class EffectiveWeight:
    """A standard category's nominal share of the total, and its share of the variation in totals."""

    category: str
    nominal: float
    effective: float | None


@dataclass(frozen=True)
class InputIndex:
    """The first-order sensitivity index of one uncertain input (None when the input is off)."""

    input: str
    first_order: float | None


@dataclass(frozen=True)
class Analysis:
    """The result of `analyse`: countries by nominal rank, effective weights, sensitivity indices."""

    options: Options
    countries: tuple[CountryStats, ...]
    effective_weights: tuple[EffectiveWeight, ...]
    sensitivity: tuple[InputIndex, ...]


@dataclass(frozen=True)
class _Data:
    """The ranked countries as arrays: C countries, K standard and E penalty/bonus categories."""

    codes: tuple[str, ...]
    nominal: Ints  # (C,)
    weights: Floats  # (K,) the rubric's
    points: Floats  # (C, K) points of answered indicators
    maxima: Floats  # (C, K)
    extra: Floats  # (C, E) penalty and bonus points of answered indicators, before floor and cap
    floor: Floats  # (E,) -inf for a bonus
    cap: Floats  # (E,) +inf for a penalty
    mean: bool  # the rubric aggregates by weighted mean
    unknown_cell: NDArray[np.intp]  # (U,) flat index into (C, K + E), ascending
    unknown_low: Floats  # (U,)
    unknown_span: Floats  # (U,)


@dataclass(frozen=True)
class _Draws:
    """The inputs of n runs; inputs that are off hold their nominal value in every run."""

    weights: Floats  # (n, K)
    mean: NDArray[np.bool_]  # (n,) weighted mean rather than points
    unknown: Floats | None  # (n, C, K + E) points drawn for unknown answers, summed per category
    left_out: Ints  # (n,) the standard category left out, -1 for none


def _prepare(rubric: Rubric, results: list[CountryResult]) -> _Data:
    """The ranked countries (by nominal rank, as `rank_countries` lists them) as arrays."""
    standard = [c for c in rubric.categories if c.kind is Kind.STANDARD]
    others = [c for c in rubric.categories if c.kind is not Kind.STANDARD]
    ids = [c.id for c in standard + others]
    n_std = len(standard)
    ranked = [r for r in rank_countries(results, Fraction(rubric.min_coverage)) if r.rank is not None]
    size = len(ranked)
    points, maxima = np.zeros((size, n_std)), np.zeros((size, n_std))
    extra = np.zeros((size, len(others)))
    cells: list[int] = []
    lows: list[float] = []
    highs: list[float] = []
    for row, entry in enumerate(ranked):
        by_id = {c.id: c for c in entry.result.categories}
        for col, category_id in enumerate(ids):
            category = by_id.get(category_id)
            if category is None:
                continue
            raw = float(sum((i.points for i in category.indicators), Fraction(0)))
            if col < n_std:
                points[row, col], maxima[row, col] = raw, float(category.max)
            else:
                extra[row, col - n_std] = raw
            for ind in category.indicators:
                if ind.state in (State.UNKNOWN, State.MISSING):
                    cells.append(row * len(ids) + col)
                    lows.append(float(ind.min))
                    highs.append(float(ind.max))
    return _Data(
        codes=tuple(r.result.country for r in ranked),
        nominal=np.array([r.rank for r in ranked], dtype=np.int64),
        weights=np.array([float(c.weight) for c in standard]),
        points=points,
        maxima=maxima,
        extra=extra,
        floor=np.array([-np.inf if c.floor is None else float(c.floor) for c in others]),
        cap=np.array([np.inf if c.cap is None else float(c.cap) for c in others]),
        mean=rubric.aggregation is Aggregation.WEIGHTED_MEAN,
        unknown_cell=np.array(cells, dtype=np.intp),
        unknown_low=np.array(lows),
        unknown_span=np.array(highs) - np.array(lows),
    )


def _active(data: _Data, options: Options) -> dict[str, bool]:
    return {
        "weights": options.weights_spread > 0,
        "aggregation": options.vary_aggregation,
        "unknowns": options.unknowns,
        "leave-one-out": options.leave_one_out and data.weights.size >= 2,
    }


def _draw_unknowns(data: _Data, rng: np.random.Generator, n: int) -> Floats:
    """Points for every unknown answer in n runs, summed per country and category: (n, C, K + E)."""
    size, n_cols = data.points.shape[0], data.points.shape[1] + data.extra.shape[1]
    out = np.zeros((n, size * n_cols))
    if data.unknown_cell.size:
        cells, starts = np.unique(data.unknown_cell, return_index=True)
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            values = data.unknown_low + data.unknown_span * rng.random((hi - lo, data.unknown_cell.size))
            out[lo:hi, cells] = np.add.reduceat(values, starts, axis=1)
    return out.reshape(n, size, n_cols)


def _draw_pair(
    data: _Data, options: Options, active: dict[str, bool], rng: np.random.Generator
) -> tuple[_Draws, _Draws]:
    """Two independent samples A and B of `options.runs` runs each."""
    n, k = options.runs, data.weights.size
    streams = dict(zip(INPUTS, rng.spawn(len(INPUTS)), strict=True))
    if active["weights"]:
        weights = data.weights * (1 + options.weights_spread * streams["weights"].uniform(-1.0, 1.0, (2, n, k)))
    else:
        weights = np.broadcast_to(data.weights, (2, n, k))
    mean = streams["aggregation"].random((2, n)) < 0.5 if active["aggregation"] else np.full((2, n), data.mean)
    unknown = _draw_unknowns(data, streams["unknowns"], 2 * n) if active["unknowns"] else None
    left_out = np.full((2, n), -1, dtype=np.int64)
    if active["leave-one-out"]:
        left_out = streams["leave-one-out"].integers(-1, k, (2, n), dtype=np.int64)
    a, b = (
        _Draws(weights[s], mean[s], None if unknown is None else unknown[s * n : (s + 1) * n], left_out[s])
        for s in (0, 1)
    )
    return a, b


def _percents(data: _Data, draws: _Draws) -> Floats:
    """Total percent of each country in each run, (n, C); -inf where a run leaves a country no total."""
    n_std = data.weights.size
    include = np.arange(n_std)[None, :] != draws.left_out[:, None]  # (n, K)
    weights = draws.weights * include
    points: Floats = np.broadcast_to(data.points, (draws.mean.size, *data.points.shape))
    extra: Floats = np.broadcast_to(data.extra, (draws.mean.size, *data.extra.shape))
    if draws.unknown is not None:
        points = points + draws.unknown[:, :, :n_std]
        extra = extra + draws.unknown[:, :, n_std:]
    added = np.clip(extra, data.floor, data.cap).sum(axis=2)  # (n, C)
    maxima = data.maxima
    applies = maxima > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        # `points`: a weight scales a category's points and maximum alike.
        # einsum rather than `@`: no BLAS threads, and the same sums on every machine.
        weighted_top = np.einsum("rk,ck->rc", weights, maxima)
        weighted_points = np.einsum("rk,rck->rc", weights, points)
        by_points = np.maximum(weighted_points + added, 0) / weighted_top * 100
        # `weighted-mean`: categories with no applicable indicator (or weight 0) leave the mean;
        # penalty and bonus points count as a share of the plain sum of the remaining maxima.
        percent = points / np.where(applies, maxima, 1.0) * 100
        shares = weights[:, None, :] * applies
        mean = (shares * percent).sum(axis=2) / shares.sum(axis=2)
        plain_top = np.einsum("rk,ck->rc", include.astype(np.float64), maxima)
        by_mean = np.maximum(mean + added / plain_top * 100, 0)
    totals: Floats = np.where(draws.mean[:, None], by_mean, by_points)
    return np.where(np.isfinite(totals), totals, -np.inf)


def _ranks(totals: Floats) -> Ints:
    """Competition ranks (1, 2, 2, 4) per row, highest total first; totals within TIE share a rank."""
    order = np.argsort(-totals, axis=1, kind="stable")
    ordered = np.take_along_axis(totals, order, axis=1)
    starts = np.ones(totals.shape, dtype=bool)
    with np.errstate(invalid="ignore"):  # -inf - -inf is nan: two countries without a total tie
        starts[:, 1:] = (ordered[:, :-1] - ordered[:, 1:]) > TIE
    positions = np.arange(1, totals.shape[1] + 1, dtype=np.int64)
    by_position = np.maximum.accumulate(np.where(starts, positions, 0), axis=1)
    ranks = np.empty_like(by_position)
    np.put_along_axis(ranks, order, by_position, axis=1)
    return ranks


def _shift(data: _Data, ranks: Ints) -> Floats:
    """Y per run: the mean absolute difference between the run's ranks and the nominal ranks."""
    shift: Floats = np.abs(ranks - data.nominal).mean(axis=1)
    return shift


def _janon(y_a: Floats, y_b: Floats) -> float:
    """Janon et al.'s pick-freeze estimate of a first-order index, clipped to [0, 1]."""
    m = (y_a.mean() + y_b.mean()) / 2
    variance = float(((y_a**2 + y_b**2) / 2).mean() - m**2)
    if variance <= 1e-12:
        return 0.0
    return float(np.clip(((y_a * y_b).mean() - m**2) / variance, 0.0, 1.0))


def _effective_weights(rubric: Rubric, results: list[CountryResult]) -> tuple[EffectiveWeight, ...]:
    """Each standard category's nominal share and its normalised r² with the total (module docstring)."""
    standard = [c for c in rubric.categories if c.kind is Kind.STANDARD]
    if rubric.aggregation is Aggregation.POINTS:
        worth = [Fraction(c.weight) * sum((indicator_range(i)[1] for i in c.indicators), Fraction(0)) for c in standard]
    else:
        worth = [Fraction(c.weight) for c in standard]
    whole = sum(worth, Fraction(0))
    nominal = [float(w / whole) if whole else 0.0 for w in worth]
    scored = [r for r in results if r.percent is not None]
    squares = []
    for category in standard:
        pairs = [
            (float(c.percent), float(r.percent))
            for r in scored
            for c in r.categories
            if c.id == category.id and c.percent is not None and r.percent is not None
        ]
        x, y = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
        # A category (or total) that does not vary explains none of the variation.
        squares.append(float(np.corrcoef(x, y)[0, 1] ** 2) if len(pairs) > 1 and x.std() > 0 and y.std() > 0 else 0.0)
    total = sum(squares)
    return tuple(
        EffectiveWeight(c.id, share, s / total if total > 0 else None)
        for c, share, s in zip(standard, nominal, squares, strict=True)
    )


def analyse(rubric: Rubric, results: list[CountryResult], options: Options | None = None) -> Analysis:
    """Rank stability of every ranked country, effective weights, and a first-order index per input."""
    options = options or Options()
    data = _prepare(rubric, results)
    active = _active(data, options)
    weights = _effective_weights(rubric, results)
    if not data.codes:
        return Analysis(options, (), weights, tuple(InputIndex(name, None) for name in INPUTS))
    a, b = _draw_pair(data, options, active, np.random.default_rng(options.seed))
    ranks = _ranks(_percents(data, a))
    y_a = _shift(data, ranks)
    indices = []
    for name in INPUTS:
        index = None
        if active[name]:
            field = _FIELDS[name]
            frozen = replace(b, **{field: getattr(a, field)})
            index = _janon(y_a, _shift(data, _ranks(_percents(data, frozen))))
        indices.append(InputIndex(name, index))
    median, low, high = np.quantile(ranks, [0.5, 0.05, 0.95], axis=0, method="inverted_cdf")
    stability = (ranks == data.nominal).mean(axis=0)
    countries = tuple(
        CountryStats(code, int(data.nominal[i]), int(median[i]), (int(low[i]), int(high[i])), float(stability[i]))
        for i, code in enumerate(data.codes)
    )
    return Analysis(options, countries, weights, tuple(indices))


def rank_intervals(rubric: Rubric, results: list[CountryResult]) -> dict[str, tuple[int, int]]:
    """Each ranked country's 5th-95th percentile rank over the default runs and seed (`Options()`), by ISO3."""
    return {c.country: c.interval for c in analyse(rubric, results).countries}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, MACHINE_PLACES)


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as plain JSON data (floats rounded to 6 places), in the README's documented shape."""
    o = analysis.options
    return {
        "runs": o.runs,
        "seed": o.seed,
        "options": {
            "weights_spread": _rounded(o.weights_spread),
            "vary_aggregation": o.vary_aggregation,
            "unknowns": o.unknowns,
            "leave_one_out": o.leave_one_out,
        },
        "countries": [
            {
                "country": c.country,
                "rank": c.rank,
                "median_rank": c.median_rank,
                "interval": list(c.interval),
                "stability": _rounded(c.stability),
            }
            for c in analysis.countries
        ],
        "effective_weights": [
            {"category": w.category, "nominal": _rounded(w.nominal), "effective": _rounded(w.effective)}
            for w in analysis.effective_weights
        ],
        "sensitivity": [{"input": s.input, "first_order": _rounded(s.first_order)} for s in analysis.sensitivity],
    }
