"""The command line: a thin layer over annotator.core; bad input exits 2 with file:line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn the core's errors into one line on stderr and exit code 2 (the one place)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        except AnnotatorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="ANNOTATOR_DB",
    help="Database file (default: in the user data folder, filled with the sample articles).",
)
@click.version_option(package_name="arabic-annotator")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """Annotate and review Arabic news about public administration."""
    ctx.obj = {"db_path": db_path}


def open_store(ctx: click.Context, *, verify: bool = True) -> Store:
    """The store named by --db (or ANNOTATOR_DB), else the default one; closed with the command."""
    from annotator.core.formats.samples import open_default_store

    db_path: Path | None = ctx.obj["db_path"]
    store = (
        Store(db_path, verify=verify) if db_path is not None else open_default_store(verify=verify)
    )
    ctx.call_on_close(store.close)
    return store


def _progress_bar(label: str, length: int) -> click.progressbar[int]:
    # Drawn only on a terminal: piped output and tests stay clean.
    return click.progressbar(
        length=length, label=label, file=sys.stderr, show_pos=True, hidden=not sys.stderr.isatty()
    )


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--annotator", help="Whose labels these are (overrides the file's annotator).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "txt", "jsonl", "doccano", "csv"]),
    default="auto",
    show_default=True,
)
@click.option("--replace", is_flag=True, help="Replace articles and layers whose content differs.")
@click.pass_context
@reports_errors
def import_command(
    ctx: click.Context, paths: tuple[Path, ...], annotator: str | None, fmt: str, replace: bool
) -> None:
    """Import articles (and labels) from files or folders; each file is all or nothing."""
    from annotator.core.formats.importers import count_lines, expand_paths, import_paths

    store = open_store(ctx)
    lines = {path: count_lines(path) for path in expand_paths(paths, fmt)}
    with _progress_bar("Importing", sum(lines.values())) as bar:
        seen: dict[Path, int] = {}

        def progress(path: Path, line: int) -> None:
            bar.update(min(line, lines.get(path, line)) - seen.get(path, 0))
            seen[path] = min(line, lines.get(path, line))

        report = import_paths(
            store, paths, annotator=annotator, fmt=fmt, replace=replace, progress=progress
        )
    for error in report.errors:
        click.echo(str(error), err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(2)


@main.command("export")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "doccano", "spacy", "csv"]),
    default="jsonl",
    show_default=True,
)
@click.option("--annotator", help="Only this annotator's layers.")
@click.option("--gold", is_flag=True, help="Only the adjudicated gold layer.")
@click.option(
    "--status", help="Only layers with this status (new, in_progress, done, accepted, returned)."
)
@click.pass_context
@reports_errors
def export_command(
    ctx: click.Context, out: str, fmt: str, annotator: str | None, gold: bool, status: str | None
) -> None:
    """Export labels to OUT ("-" for standard output), one article and annotator a line."""
    from annotator.core.formats.exporters import export

    if annotator and gold:
        raise click.UsageError("--annotator and --gold exclude each other")
    store = open_store(ctx, verify=False)
    with _progress_bar("Exporting", store.article_count()) as bar:
        report = export(
            store,
            out,
            fmt,
            annotator=annotator,
            gold=gold,
            status=status,
            progress=lambda done, total: bar.update(done - bar.pos),
        )
    click.echo(f"{report.records} record(s), {report.spans} span(s) written", err=True)


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@reports_errors
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Articles, spans per label, per annotator and layers per status."""
    import orjson

    from annotator.core.review.stats import collect_stats

    stats = collect_stats(open_store(ctx, verify=False))
    if as_json:
        click.echo(orjson.dumps(stats.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(f"articles: {stats.articles}")
    click.echo(f"spans: {stats.spans}")
    click.echo(f"relations: {stats.relations}")
    for title, counts in (
        ("spans per label", stats.spans_per_label),
        ("spans per annotator", stats.spans_per_annotator),
        ("layers per status", stats.layers_per_status),
    ):
        click.echo(f"{title}:")
        for name, count in counts.items():
            click.echo(f"  {name}: {count}")


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@main.command("agreement")
@click.argument("a")
@click.argument("b")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (every article, not only the worst)."
)
@click.option("--label", help="Compare one label only (token kappa: that label against the rest).")
@click.option("--worst", default=10, show_default=True, help="Articles listed, worst first.")
@click.pass_context
@reports_errors
def agreement_command(
    ctx: click.Context, a: str, b: str, as_json: bool, label: str | None, worst: int
) -> None:
    """Agreement of annotator B with annotator A (the reference): span P/R/F1, token
    kappa and alpha, relations, and the articles that agree least."""
    import orjson

    from annotator.core.review.agreement import agreement

    report = agreement(open_store(ctx, verify=False), a, b, label=label)
    if as_json:
        click.echo(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode())
        return
    click.echo(f"{a} (reference) vs {b}: {report.articles} article(s) both worked on")
    for title, score in (
        ("spans, exact", report.exact),
        ("spans, overlap", report.overlap),
        ("relations", report.relations),
    ):
        click.echo(
            f"{title:15} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
            f"({score.matched} matched; {score.a} by {a}, {score.b} by {b})"
        )
    tokens = report.tokens
    click.echo(
        f"{'tokens':15} {tokens.tokens} words, observed {tokens.observed:.3f}, "
        f"kappa {_number(tokens.kappa)}, alpha {_number(tokens.alpha)}"
    )
    click.echo(f"\n{'label':10} {'exact F1':>9} {'overlap F1':>11} {'kappa':>7} {a:>8} {b:>8}")
    for item in report.labels:
        click.echo(
            f"{item.label:10} {item.exact.f1:9.3f} {item.overlap.f1:11.3f} "
            f"{_number(item.kappa):>7} {item.exact.a:8} {item.exact.b:8}"
        )
    if report.per_article and worst > 0:
        click.echo("\nworst articles (exact F1, overlap F1, kappa, spans by each):")
        for row in report.per_article[:worst]:
            click.echo(
                f"  {row.article_id}  {row.exact_f1:.3f}  {row.overlap_f1:.3f}  "
                f"{_number(row.kappa)}  {row.spans_a}/{row.spans_b}"
            )


@main.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per finding.")
@click.option("--annotator", help="Only this annotator's layers.")
@click.option("--code", "codes", multiple=True, help="Only these checks (repeat: --code W002).")
@click.option(
    "--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True, help="Messages in."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for large databases (default: one per core, at most 4).",
)
@click.pass_context
@reports_errors
def check_command(
    ctx: click.Context,
    as_json: bool,
    annotator: str | None,
    codes: tuple[str, ...],
    lang: str,
    jobs: int | None,
) -> None:
    """Quality checks, one finding a line (article:start-end: CODE [severity] ...).
    Exit code 0 when clean, 1 when there are findings."""
    import orjson

    from annotator.core.review.checks import run_checks
    from annotator.core.workers import default_workers

    count = 0
    for finding in run_checks(
        open_store(ctx, verify=False),
        annotator=annotator,
        codes=codes or None,
        workers=jobs or default_workers(),
    ):
        count += 1
        click.echo(orjson.dumps(finding.to_dict()).decode() if as_json else finding.format(lang))
    click.echo(f"{count} finding(s)", err=True)
    sys.exit(1 if count else 0)


@main.command("merge")
@click.argument("other", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@reports_errors
def merge_command(ctx: click.Context, other: Path) -> None:
    """Bring in another analyst's database (read only): new articles and layers are
    copied, conflicts listed and left as they are here. Exit code 1 on conflicts."""
    from annotator.core.review.merge import merge_database

    report = merge_database(open_store(ctx), other)
    for conflict in report.conflicts:
        who = f"{conflict.annotator}: " if conflict.annotator else ""
        click.echo(f"{conflict.article_id}: {who}{conflict.reason}")
    click.echo(
        f"{report.articles_added} article(s) added, {report.articles_matched} matched, "
        f"{report.layers_copied} layer(s) copied, {report.layers_identical} identical, "
        f"{len(report.conflicts)} conflict(s)",
        err=True,
    )
    sys.exit(1 if report.conflicts else 0)
