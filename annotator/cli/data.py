"""Commands that move articles and labels in and out: import, export, stats."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.base import main, open_store, progress_bar, reports_errors

# The format names, kept in step with the core's registries (tests/formats/test_cli_formats.py).
IMPORT_FORMATS = ("auto", "txt", "jsonl", "doccano", "csv", "labelstudio", "conll", "brat")
EXPORT_FORMATS = (
    "jsonl",
    "doccano",
    "spacy",
    "docbin",
    "conll",
    "brat",
    "labelstudio",
    "huggingface",
    "csv",
    "measures",
)


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise click.BadParameter(f"{pair!r} is not OLD=NEW", param_hint="--map-annotator")
        out[old.strip()] = new.strip()
    return out


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--annotator",
    help="Whose labels these are (overrides the file's annotator; a doccano per-member "
    "export, admin.jsonl, defaults to its file name).",
)
@click.option(
    "--map-annotator",
    "mappings",
    multiple=True,
    metavar="OLD=NEW",
    help="Rename an annotator the file names (Label Studio: an e-mail or a user id).",
)
@click.option(
    "--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto", show_default=True
)
@click.option("--replace", is_flag=True, help="Replace articles and layers whose content differs.")
@click.pass_context
@reports_errors
def import_command(
    ctx: click.Context,
    paths: tuple[Path, ...],
    annotator: str | None,
    mappings: tuple[str, ...],
    fmt: str,
    replace: bool,
) -> None:
    """Import articles (and labels) from files or folders; each file is all or nothing."""
    from annotator.core.formats.importers import count_lines, expand_paths, import_paths

    annotator_map = _mapping(mappings)
    store = open_store(ctx)
    lines = {path: count_lines(path) for path in expand_paths(paths, fmt)}
    with progress_bar("Importing", sum(lines.values())) as bar:
        seen: dict[Path, int] = {}

        def progress(path: Path, line: int) -> None:
            bar.update(min(line, lines.get(path, line)) - seen.get(path, 0))
            seen[path] = min(line, lines.get(path, line))

        report = import_paths(
            store,
            paths,
            annotator=annotator,
            fmt=fmt,
            replace=replace,
            progress=progress,
            annotator_map=annotator_map,
        )
    for error in report.errors:
        click.echo(str(error), err=True)
    for note in report.notes():
        click.echo(note, err=True)
    click.echo(report.summary())
    if report.errors:
        sys.exit(2)


@main.command("export")
@click.argument("out", type=click.Path(allow_dash=True))
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True
)
@click.option("--annotator", help="Only this annotator's layers.")
@click.option("--gold", is_flag=True, help="Only the adjudicated gold layer.")
@click.option(
    "--status", help="Only layers with this status (new, in_progress, done, accepted, returned)."
)
@click.option(
    "--lang",
    type=click.Choice(["en", "ar"]),
    default="en",
    show_default=True,
    help="Headers and values of the measures register.",
)
@click.option(
    "--nested",
    type=click.Choice(["outermost", "columns"]),
    default="outermost",
    show_default=True,
    help="CoNLL: keep only the outermost spans (counted), or one tag column per depth.",
)
@click.option(
    "--email-domain",
    help="Label Studio: the domain of the annotators' e-mails (annotators.invalid).",
)
@click.pass_context
@reports_errors
def export_command(
    ctx: click.Context,
    out: str,
    fmt: str,
    annotator: str | None,
    gold: bool,
    status: str | None,
    lang: str,
    nested: str,
    email_domain: str | None,
) -> None:
    """Export labels to OUT ("-" for standard output; a folder for brat and huggingface)."""
    from annotator.core.formats.exporters import export

    if annotator and gold:
        raise click.UsageError("--annotator and --gold exclude each other")
    store = open_store(ctx, verify=False)
    with progress_bar("Exporting", store.article_count()) as bar:
        report = export(
            store,
            out,
            fmt,
            annotator=annotator,
            gold=gold,
            status=status,
            progress=lambda done, total: bar.update(done - bar.pos),
            lang=lang,
            nested=nested,
            email_domain=email_domain,
        )
    for line in report.lines():
        click.echo(line, err=True)


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
