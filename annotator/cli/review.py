"""Commands for reviewers: agreement, quality checks, merging another database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.base import main, number, open_store, reports_errors


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
        f"kappa {number(tokens.kappa)}, alpha {number(tokens.alpha)}"
    )
    click.echo(f"\n{'label':10} {'exact F1':>9} {'overlap F1':>11} {'kappa':>7} {a:>8} {b:>8}")
    for item in report.labels:
        click.echo(
            f"{item.label:10} {item.exact.f1:9.3f} {item.overlap.f1:11.3f} "
            f"{number(item.kappa):>7} {item.exact.a:8} {item.exact.b:8}"
        )
    if report.per_article and worst > 0:
        click.echo("\nworst articles (exact F1, overlap F1, kappa, spans by each):")
        for row in report.per_article[:worst]:
            click.echo(
                f"  {row.article_id}  {row.exact_f1:.3f}  {row.overlap_f1:.3f}  "
                f"{number(row.kappa)}  {row.spans_a}/{row.spans_b}"
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
