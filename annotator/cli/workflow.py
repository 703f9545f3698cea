"""Commands for the review workflow: an article's layers, and accepting, returning or
reopening one. A decision quotes the layer's version the reviewer looked at (--seen, from
`layers`); without it, it takes the layer as it is now and will not change a decision
another reviewer made."""

from __future__ import annotations

import click

from annotator.cli.base import main, open_store, reports_errors
from annotator.core.actions import SetStatus
from annotator.core.errors import ActionError
from annotator.core.store import Store

SEEN = click.option(
    "--seen",
    type=click.IntRange(min=0),
    help="The layer's version you looked at (`layers` shows it); refused if it changed since.",
)


@main.command("layers")
@click.argument("article_id")
@click.pass_context
@reports_errors
def layers_command(ctx: click.Context, article_id: str) -> None:
    """The layers of an article: annotator, status, version, review comment."""
    store = open_store(ctx, verify=False)
    if store.article(article_id) is None:
        raise ActionError(f"no article {article_id!r}")
    for layer in store.layers(article_id):
        click.echo(f"{layer.annotator}\t{layer.status}\tversion {layer.version}\t{layer.comment}")


@main.command("accept")
@click.argument("article_id")
@click.argument("annotator")
@click.option("--comment", default="", help="A note for the analyst.")
@SEEN
@click.pass_context
@reports_errors
def accept_command(
    ctx: click.Context, article_id: str, annotator: str, comment: str, seen: int | None
) -> None:
    """Accept ANNOTATOR's layer of ARTICLE_ID."""
    from annotator.core.review.gold import accept_layer

    store = open_store(ctx)
    _decide(store, accept_layer(store, article_id, annotator, comment, seen))


@main.command("return")
@click.argument("article_id")
@click.argument("annotator")
@click.option("--comment", required=True, help="Why the layer goes back (the analyst reads it).")
@SEEN
@click.pass_context
@reports_errors
def return_command(
    ctx: click.Context, article_id: str, annotator: str, comment: str, seen: int | None
) -> None:
    """Send ANNOTATOR's layer of ARTICLE_ID back to its analyst, saying why."""
    from annotator.core.review.gold import return_layer

    store = open_store(ctx)
    _decide(store, return_layer(store, article_id, annotator, comment, seen))


@main.command("reopen")
@click.argument("article_id")
@click.argument("annotator")
@SEEN
@click.pass_context
@reports_errors
def reopen_command(ctx: click.Context, article_id: str, annotator: str, seen: int | None) -> None:
    """Withdraw the decision on ANNOTATOR's layer of ARTICLE_ID: back to in_progress."""
    from annotator.core.review.gold import reopen_layer

    store = open_store(ctx)
    _decide(store, reopen_layer(store, article_id, annotator, seen))


def _decide(store: Store, action: SetStatus) -> None:
    action.apply(store)
    layer = store.layer(action.article_id, action.annotator)
    click.echo(
        f"{layer.annotator}'s layer of {layer.article_id}: {layer.status} (version {layer.version})"
    )
