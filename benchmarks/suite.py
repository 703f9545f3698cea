"""The benchmark run: data, floor, import/export, search, agreement, checks, the window.

Every timed import and export runs in a fresh child process (benchmarks.child), so its
peak RSS is its own; ours and the floor alternate, and each figure is the best of the
repeats (the least disturbed by whatever else the machine was doing), as is the figure
of the checks with worker processes.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from benchmarks import generate, machine

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "benchmarks" / "work"
RESULTS = REPO / "benchmarks" / "results.md"
RSS_LIMIT_MB = 300


@dataclass
class Result:
    section: str
    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None
    note: str = ""

    def shown(self) -> str:
        if self.unit == "match":
            return "yes" if self.value else "no"
        if self.value is None:
            return "n/a"
        if self.unit == "x":
            return f"{self.value:.2f}x"
        if self.unit == "ms":
            return f"{self.value:.1f} ms"
        if self.unit == "s":
            return f"{self.value:.2f} s"
        if self.unit == "MB":
            return f"{self.value:.0f} MB"
        return f"{self.value:g} {self.unit}".strip()

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "MISSED", None: ""}[self.ok]


@dataclass
class Config:
    quick: bool
    small: int
    big: int
    repeats: int
    seed: int
    gui: bool

    @property
    def label(self) -> str:
        return "quick" if self.quick else "full"


class Run:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.results: list[Result] = []
        self.files: dict[int, tuple[Path, generate.Counts]] = {}
        WORK.mkdir(parents=True, exist_ok=True)

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print(
            f"  {result.section:<8} {result.name:<58} {result.shown():>12}  "
            f"{result.target:<14} {result.verdict}",
            flush=True,
        )
        return result

    # -- child processes -----------------------------------------------------------

    def child(self, operation: str, *args: str | Path) -> dict[str, Any]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.child", operation, *map(str, args)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(f"{operation} failed:\n{done.stderr}")
        result: dict[str, Any] = orjson.loads(done.stdout.strip().splitlines()[-1])
        result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return result

    # -- data ------------------------------------------------------------------------

    def generate(self) -> None:
        for n in (self.config.small, self.config.big):
            start = time.perf_counter()
            path, counts = generate.cached(WORK, n, self.config.seed)
            self.files[n] = (path, counts)
            print(
                f"  data     {n:,} articles: {counts.layers:,} layers, {counts.spans:,} spans, "
                f"{counts.relations:,} relations, {counts.attributes:,} attributes, "
                f"{counts.bytes / 1e6:.0f} MB ({time.perf_counter() - start:.1f} s)",
                flush=True,
            )

    # -- import and export against the floor ----------------------------------------

    def import_export(self, n: int) -> None:
        jsonl, _counts = self.files[n]
        runs: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("floor-load", "import", "floor-dump", "export")
        }
        floor_db, ours_db = WORK / f"floor-{n}.db", WORK / f"ours-{n}.db"
        floor_out, ours_out = WORK / f"floor-{n}.out.jsonl", WORK / f"ours-{n}.out.jsonl"
        for _ in range(self.config.repeats):
            for db in (floor_db, ours_db):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{db}{suffix}").unlink(missing_ok=True)
            runs["floor-load"].append(self.child("floor-load", jsonl, floor_db))
            runs["import"].append(self.child("import", jsonl, ours_db))
            # Exports cost a fifth of imports: twice as many runs for the same noise.
            for _ in range(2):
                runs["floor-dump"].append(self.child("floor-dump", floor_db, floor_out))
                runs["export"].append(self.child("export", ours_db, ours_out))
        best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
        # filecmp reads in blocks: whole files in memory would weigh on every later child.
        same = filecmp.cmp(ours_out, jsonl, shallow=False)
        floor_same = filecmp.cmp(floor_out, jsonl, shallow=False)
        big = n == self.config.big
        tag = f"{n // 1000}k"
        for ours, floor, what, target in (
            ("import", "floor-load", "import", 2.0),
            ("export", "floor-dump", "export", 1.5),
        ):
            self.add(
                Result(
                    what, f"floor at {tag} (plain sqlite3 + orjson)", best[floor]["seconds"], "s"
                )
            )
            self.add(Result(what, f"ours at {tag}", best[ours]["seconds"], "s"))
            ratio = best[ours]["seconds"] / best[floor]["seconds"]
            cpu_ratio = min(r["cpu"] for r in runs[ours]) / min(r["cpu"] for r in runs[floor])
            if "open_seconds" in best[ours]:
                opening = best[ours]["open_seconds"]
                self.add(
                    Result(what, f"of which Store() opening the database at {tag}", opening, "s")
                )
                self.add(
                    Result(
                        what,
                        f"ratio to the floor at {tag} without opening the database",
                        (best[ours]["seconds"] - opening) / best[floor]["seconds"],
                        "x",
                    )
                )
            self.add(
                Result(
                    what,
                    f"ratio to the floor at {tag} (CPU time ratio {cpu_ratio:.2f}x)",
                    ratio,
                    "x",
                    f"<= {target}x" if big else "",
                    ratio <= target if big else None,
                )
            )
            rss = max(r["rss_mb"] for r in runs[ours])
            self.add(
                Result(
                    what,
                    f"peak RSS at {tag}",
                    rss,
                    "MB",
                    f"< {RSS_LIMIT_MB} MB",
                    rss < RSS_LIMIT_MB,
                )
            )
        lock = max(r["longest_write_ms"] for r in runs["import"])
        self.add(Result("import", f"longest write transaction at {tag}", lock, "ms"))
        self.add(
            Result(
                "export",
                f"export of the import = the input file, byte for byte, at {tag}",
                1 if same and floor_same else 0,
                "match",
                "identical",
                same and floor_same,
            )
        )
        self.rss = getattr(self, "rss", {})
        self.rss[n] = {k: max(r["rss_mb"] for r in runs[k]) for k in ("import", "export")}

    def rss_growth(self) -> None:
        small, big = self.config.small, self.config.big
        for what in ("import", "export"):
            grown = self.rss[big][what] - self.rss[small][what]
            self.add(
                Result(
                    what,
                    f"peak RSS growth {small // 1000}k -> {big // 1000}k articles",
                    grown,
                    "MB",
                    "flat (< 20 MB)",
                    grown < 20,
                )
            )

    # -- queries on the big database -------------------------------------------------

    def timed(self, func: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
        """Median milliseconds of ``repeat`` runs after one warm-up run, and the last result."""
        result = func()
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            result = func()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times), result

    def queries(self) -> None:
        from annotator.core.store import Store
        from annotator.core.store.listing import article_page

        n = self.config.big
        with Store(WORK / f"ours-{n}.db") as store:
            worst = 0.0
            for query in (
                "شَكَّل",
                "الإدارة",
                "وزير الداخلية",
                "رئيس الحكومة",
                "E-participation",
                "كلمةنادرة",
            ):
                ms, found = self.timed(lambda q=query: store.search(q))
                worst = max(worst, ms)
                self.add(
                    Result(
                        "search", f"store.search({query!r}): {len(found)} ids (limit 200)", ms, "ms"
                    )
                )
                ms, page = self.timed(lambda q=query: article_page(store, "amina", query=q))
                worst = max(worst, ms)
                self.add(
                    Result(
                        "search",
                        f"article list filtered by {query!r}: first {len(page)} rows",
                        ms,
                        "ms",
                    )
                )
            self.add(
                Result(
                    "search",
                    f"slowest search over {n:,} articles",
                    worst,
                    "ms",
                    "< 100 ms",
                    worst < 100,
                )
            )
            ms, page = self.timed(lambda: article_page(store, "amina"))
            self.add(Result("list", "article list page (100 rows, span counts, status)", ms, "ms"))
            last = store.conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
            ms, page = self.timed(lambda: article_page(store, "amina", after_rowid=last - 150))
            self.add(Result("list", "article list page at the end of the list", ms, "ms"))

    def agreement(self) -> None:
        from annotator.core.review.agreement import agreement
        from annotator.core.store import Store

        n = self.config.big
        with Store(WORK / f"ours-{n}.db") as store:
            start = time.perf_counter()
            report = agreement(store, "amina", "karim")
            seconds = time.perf_counter() - start
        target = report.articles >= 10_000
        self.add(
            Result(
                "review",
                f"agreement amina/karim over {report.articles:,} articles",
                seconds,
                "s",
                "< 5 s" if target else "",
                seconds < 5 if target else None,
            )
        )

    def checks(self) -> None:
        try:
            from annotator.core.review.checks import run_checks
        except ImportError:
            self.add(
                Result("review", "quality checks", None, "", "< 20 s", None, "no checks module yet")
            )
            return
        from annotator.core.store import Store
        from annotator.core.workers import default_workers

        n = self.config.big
        big = n >= 100_000
        workers = default_workers()
        with Store(WORK / f"ours-{n}.db", verify=False) as store:
            for jobs in (1, workers) if workers > 1 else (1,):
                last = jobs == workers
                # The figure with a target is the best of the repeats, as for import and
                # export (the machine is shared); the others are shown beside it.
                runs = []
                for _ in range(max(1, self.config.repeats) if last else 1):
                    cpu = _cpu_seconds()
                    start = time.perf_counter()
                    findings = sum(1 for _ in run_checks(store, workers=jobs))
                    runs.append((time.perf_counter() - start, _cpu_seconds() - cpu))
                seconds, cpu = min(runs)
                what = "one process" if jobs == 1 else f"{jobs} worker processes (check's default)"
                if len(runs) > 1:
                    what += ", best of " + ", ".join(f"{s:.1f}" for s, _ in sorted(runs)) + " s"
                self.add(
                    Result(
                        "review",
                        f"all quality checks over {n:,} articles, {what} ({findings:,} "
                        f"findings; CPU {cpu:.0f} s, {cpu / n * 1e6:.0f} µs an article)",
                        seconds,
                        "s",
                        "< 20 s" if big and last else "",
                        seconds < 20 if big and last else None,
                    )
                )

    # -- the window ------------------------------------------------------------------

    def probe(self, module: str, *args: str | Path) -> dict[str, Any]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run(
            [sys.executable, "-m", module, *map(str, args)],
            cwd=REPO,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("PROBE ")]
        if not lines:
            raise RuntimeError(f"{module} {args} failed:\n{done.stdout}\n{done.stderr[-3000:]}")
        result: dict[str, Any] = orjson.loads(lines[-1].removeprefix("PROBE "))
        return result

    def fresh_db(self, name: str, *sources: Path) -> Path:
        from annotator.core.formats.importers import import_paths
        from annotator.core.store import Store

        db = WORK / name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with Store(db) as store:
            report = import_paths(store, list(sources))
        if report.errors:
            raise RuntimeError(str(report.errors[0]))
        return db

    def window(self) -> None:
        """main.py --screenshot from process start to the first painted article, on the five
        samples and on the big database, alternately (median of 3 each)."""
        samples = self.fresh_db("samples.db", REPO / "data")
        big = WORK / f"ours-{self.config.big}.db"
        runs: dict[str, list[dict[str, Any]]] = {"samples": [], "big": []}
        for _ in range(3):
            for key, db in (("samples", samples), ("big", big)):
                started = time.time()
                runs[key].append(
                    self.probe(
                        "benchmarks.window_probe",
                        repr(started),
                        "--db",
                        db,
                        "--annotator",
                        "amina",
                        "--screenshot",
                        WORK / f"window-{key}.png",
                    )
                )
        first = {k: statistics.median(r["first_paint_ms"] for r in v) for k, v in runs.items()}
        n = self.config.big
        self.add(
            Result(
                "window",
                "start to first painted article, 5 sample articles",
                first["samples"],
                "ms",
            )
        )
        self.add(
            Result(
                "window",
                f"start to first painted article, {n:,} articles",
                first["big"],
                "ms",
                "< 1500 ms",
                first["big"] < 1500,
            )
        )
        ratio = first["big"] / first["samples"]
        self.add(
            Result("window", f"{n:,} articles / 5 articles", ratio, "x", "<= 1.2x", ratio <= 1.2)
        )
        rss = max(r["rss_mb"] for v in runs.values() for r in v)
        self.add(
            Result(
                "window",
                f"peak RSS of the window ({n:,} articles)",
                rss,
                "MB",
                "< 300 MB",
                rss < 300,
            )
        )
        # The part of the start that depends on the database: opening the store.
        from annotator.core.store import Store

        for key, db in (("5 articles", samples), (f"{n:,} articles", big)):
            ms, _ = self.timed(lambda db=db: Store(db).close(), repeat=3)
            self.add(Result("window", f"of which Store() opening the database, {key}", ms, "ms"))

    def text_view(self) -> None:
        record = generate.long_article()
        source = WORK / "long-article.jsonl"
        source.write_bytes(orjson.dumps(record) + b"\n")
        db = self.fresh_db("long-article.db", REPO / "data", source)
        found = self.probe("benchmarks.gui_probe", "text-view", db, record["id"])
        what = f"{found['chars']:,}-character article with {found['spans']:,} spans"
        self.add(
            Result(
                "window",
                f"open a {what}",
                found["open_ms"],
                "ms",
                "< 100 ms",
                found["open_ms"] < 100,
            )
        )
        self.add(
            Result(
                "window",
                f"label keypress to committed and repainted, p95 ({found['spans_added']} presses)",
                found["key_p95_ms"],
                "ms",
                "< 16 ms",
                found["key_p95_ms"] < 16,
                f"median {found['key_p50_ms']:.1f} ms",
            )
        )

    def review(self) -> None:
        records = generate.review_records(20_000, 1_000, seed=7)
        source = WORK / "review-article.jsonl"
        source.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        db = self.fresh_db("review-article.db", REPO / "data", source)
        found = self.probe("benchmarks.gui_probe", "review", db, records[0]["id"])
        what = (
            f"{found['spans_a']:,} + {found['spans_b']:,} spans and {found['gold']:,} in gold, "
            f"{found['items']} disagreements"
        )
        self.add(
            Result(
                "review",
                f"review mode switched on and painted ({what})",
                found["switch_on_ms"],
                "ms",
                "<= 150 ms",
                found["switch_on_ms"] <= 150,
                f"max {found['switch_on_max_ms']:.0f} ms",
            )
        )
        self.add(
            Result(
                "review", "open that article with review mode on", found["open_in_review_ms"], "ms"
            )
        )
        self.add(
            Result(
                "review",
                "next-disagreement key N to repainted, p95",
                found["step_p95_ms"],
                "ms",
                "<= 16 ms",
                found["step_p95_ms"] <= 16,
                f"median {found['step_p50_ms']:.1f} ms",
            )
        )
        self.add(
            Result(
                "review",
                "decision key A to committed, gold re-read and repainted, median",
                found["decide_p50_ms"],
                "ms",
                "",
                None,
                f"p95 {found['decide_p95_ms']:.0f} ms",
            )
        )
        self.add(
            Result(
                "window",
                f"label keypress with label tags and every relation's arrow ({found['relations']} "
                "relations), p95",
                found["label_tags_p95_ms"],
                "ms",
                "<= 16 ms",
                found["label_tags_p95_ms"] <= 16,
                f"median {found['label_tags_p50_ms']:.1f} ms; without tags and arrows p95 "
                f"{found['label_plain_p95_ms']:.1f} ms",
            )
        )

    def article_list(self) -> None:
        found = self.probe("benchmarks.gui_probe", "list", WORK / f"ours-{self.config.big}.db")
        page = 100  # ArticleListModel.PAGE
        bounded = found["rows_after_scrolls"] <= found["rows_at_start"] + found["scrolls"] * page
        self.add(
            Result(
                "list",
                f"rows held by the list model after opening ({found['articles']:,} articles)",
                found["rows_at_start"],
                "rows",
            )
        )
        self.add(
            Result(
                "list",
                f"rows held after scrolling to the end {found['scrolls']} times",
                found["rows_after_scrolls"],
                "rows",
                "one page a scroll",
                bounded and found["rows_after_scrolls"] < found["articles"],
            )
        )
        self.add(
            Result(
                "list",
                "slowest scroll to the end (fetchMore + paint)",
                found["scroll_to_end_max_ms"],
                "ms",
            )
        )

    # -- report ----------------------------------------------------------------------

    def write_results(self, elapsed: float) -> None:
        lines = [
            "# Benchmark results",
            "",
            f"Written by `python -m benchmarks{' --quick' if self.config.quick else ''}` "
            f"({self.config.label} run: {self.config.small:,} and {self.config.big:,} articles, "
            f"best of {self.config.repeats} imports, {2 * self.config.repeats} exports and "
            f"{self.config.repeats} checks runs with workers, {elapsed / 60:.1f} min in all).",
            "",
            "## Machine",
            "",
        ]
        lines += [f"- {k}: {v}" for k, v in machine.describe().items()]
        lines += [
            "",
            "## How",
            "",
            "- Each import and export runs in a fresh child process (`benchmarks/child.py`), "
            "modules loaded before the clock starts; peak RSS is the child's VmHWM. Ours and "
            "the floor alternate; the best run of each counts.",
            "- The floor (`benchmarks/floor.py`): plain sqlite3 + orjson, the same tables, keys "
            "and indexes and an FTS5 index of the raw text, loaded in one transaction with "
            "executemany and no validation, then dumped back to the same JSONL by walking "
            "ordered cursors. Same journal settings as ours: WAL, synchronous=FULL for its one "
            "commit (ours: NORMAL for the import's chunks, FULL for the final commit).",
            "- Window figures run `main.py --screenshot` (offscreen Qt) and the real "
            "MainWindow (`benchmarks/gui_probe.py`); times from process start.",
        ]
        lines += ["", "## Data", ""]
        for n, (_path, counts) in sorted(self.files.items()):
            lines.append(
                f"- {n:,} articles (~3,000 characters each): {counts.layers:,} layers by 4 "
                f"annotators, {counts.spans:,} spans (nested and flat), {counts.relations:,} "
                f"relations, {counts.attributes:,} MEASURE attributes; "
                f"{counts.bytes / 1e6:.0f} MB of JSONL"
            )
        lines += [
            "",
            "## Figures",
            "",
            "| area | measurement | value | target | |",
            "|---|---|---:|---|---|",
        ]
        for r in self.results:
            note = f" ({r.note})" if r.note else ""
            lines.append(
                f"| {r.section} | {r.name}{note} | {r.shown()} | {r.target} | {r.verdict} |"
            )
        lines.append("")
        RESULTS.write_text("\n".join(lines), encoding="utf-8")


def parse_args(argv: list[str] | None) -> Config:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (a minute or two)")
    parser.add_argument(
        "--articles", type=int, help="the large size (default 100,000; quick 5,000)"
    )
    parser.add_argument(
        "--repeats",
        type=int,
        help="runs of each import/export and of the checks with workers (best kept)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-gui", action="store_true", help="skip the window measurements")
    args = parser.parse_args(argv)
    big = args.articles or (5_000 if args.quick else 100_000)
    return Config(
        quick=args.quick,
        small=max(big // 10, 100),
        big=big,
        repeats=args.repeats or (3 if args.quick else 2),
        seed=args.seed,
        gui=not args.no_gui,
    )


def main(argv: list[str] | None = None) -> None:
    config = parse_args(argv)
    start = time.perf_counter()
    run = Run(config)
    print(f"benchmarks ({config.label}): {machine.describe()}", flush=True)
    run.generate()
    for n in (config.small, config.big):
        run.import_export(n)
    run.rss_growth()
    run.queries()
    run.agreement()
    if config.gui:
        run.window()
        run.text_view()
        run.review()
        run.article_list()
    run.checks()
    elapsed = time.perf_counter() - start
    run.write_results(elapsed)
    missed = [r for r in run.results if r.ok is False]
    print(
        f"done in {elapsed / 60:.1f} min; {len(missed)} target(s) missed; see {RESULTS.relative_to(REPO)}"
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (the workers)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
