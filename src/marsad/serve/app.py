"""The FastAPI application: a read-only JSON API over one store, and the dashboard at /.

The database path is fixed when the app is created (`create_app(db)`); no request ever names a
file. Each request opens its own read-only connection (sqlite `mode=ro`). Every parameter is
validated by FastAPI (types, lengths, ranges, patterns) before any query runs. OpenAPI at
/openapi.json (the CDN-based /docs pages are off: everything works offline).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.serve import queries
from marsad.store.db import StoreError, connect_readonly
from marsad.store.search import SearchQuery, search

STATIC = Path(__file__).parent / "static"
ID_PATTERN = r"^[^\x00-\x1f/\\]{1,200}$"  # article, story and entity ids: no control characters or slashes
CODE_PATTERN = r"^[0-9]{1,4}$"
THEME_PATTERN = r"^[\w.:\-]{1,64}$"

Limit = Annotated[int, Query(ge=1, le=200, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
IdParam = Annotated[str, PathParam(min_length=1, max_length=200, pattern=ID_PATTERN)]
OptId = Annotated[str | None, Query(min_length=1, max_length=200, pattern=ID_PATTERN)]
OptText = Annotated[str | None, Query(min_length=1, max_length=200)]
OptCode = Annotated[str | None, Query(pattern=CODE_PATTERN, description="CAMEO code or prefix: 04 = 040-049.")]
OptTheme = Annotated[str | None, Query(pattern=THEME_PATTERN)]
OptDate = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the app's store for one request."""
    try:
        conn = connect_readonly(request.app.state.db_path)
    except StoreError as e:  # pragma: no cover - the file vanished after start-up
        raise HTTPException(503, str(e)) from None
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def create_app(db: str | Path) -> FastAPI:
    db_path = Path(db).resolve()
    connect_readonly(db_path).close()  # fail at start, not on the first request

    app = FastAPI(
        docs_url=None,  # FastAPI's Swagger/ReDoc pages load scripts from a CDN: offline, serve the spec only
        redoc_url=None,
        title="Marsad API",
        version=__version__,
        description="Read-only access to a Marsad store: Arabic news articles with entities, quotes, amounts, "
        "times, events, themes, and the corpus view (stories, merged events, claims, timeline).",
    )

    app.state.db_path = db_path

    @app.exception_handler(sqlite3.Error)
    async def _db_error(_: Request, exc: sqlite3.Error) -> JSONResponse:  # pragma: no cover
        return JSONResponse({"detail": f"database error: {exc.__class__.__name__}"}, status_code=500)

    @app.get("/api/health", tags=["meta"])
    def health(conn: Conn) -> dict[str, Any]:
        """Liveness and store summary."""
        return {**queries.health(conn), "version": __version__}

    @app.get("/api/outlets", tags=["meta"])
    def outlets(conn: Conn) -> list[dict[str, Any]]:
        """Outlets with their article counts (for filters)."""
        return queries.outlets(conn)

    @app.get("/api/themes", tags=["meta"])
    def themes(conn: Conn) -> list[dict[str, Any]]:
        """Theme codes with their article counts (for filters)."""
        return queries.themes(conn)

    def _search(conn: sqlite3.Connection, sq: SearchQuery) -> dict[str, Any]:
        res = search(conn, sq)
        return {"total": res.total, "limit": sq.limit, "offset": sq.offset, "took_ms": round(res.took_ms, 2),
                "items": res.hits}

    @app.get("/api/articles", tags=["articles"])
    def articles(
        conn: Conn, limit: Limit = 20, offset: Offset = 0, outlet: OptText = None, start: OptDate = None,
        end: OptDate = None, entity: OptId = None, theme: OptTheme = None, event: OptCode = None,
    ) -> dict[str, Any]:
        """Articles, newest first, with optional filters."""
        return _search(conn, SearchQuery("", outlet, start, end, entity, theme, event, limit, offset))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(conn: Conn, article_id: IdParam) -> dict[str, Any]:
        """One article: its full contract record, its story, and names for every entity id it refers to."""
        out = queries.article(conn, article_id)
        if out is None:
            raise HTTPException(404, "no such article")
        return out

    @app.get("/api/search", tags=["articles"])
    def search_route(
        conn: Conn, q: Annotated[str, Query(min_length=1, max_length=300, description='Words, "phrase", prefix*')],
        limit: Limit = 20, offset: Offset = 0, outlet: OptText = None, start: OptDate = None, end: OptDate = None,
        entity: OptId = None, theme: OptTheme = None, event: OptCode = None,
    ) -> dict[str, Any]:
        """Full-text search (Arabic normalisation and proclitics: بوتين finds لبوتين), ranked by bm25."""
        return _search(conn, SearchQuery(q, outlet, start, end, entity, theme, event, limit, offset))

    @app.get("/api/entities", tags=["entities"])
    def entities(
        conn: Conn, limit: Limit = 50, offset: Offset = 0, q: OptText = None,
        type: Literal["PER", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"] | None = None,
    ) -> dict[str, Any]:
        """Entities across the store, most frequent first."""
        return queries.entity_list(conn, q, type, limit, offset)

    @app.get("/api/entities/{entity_id}", tags=["entities"])
    def entity(conn: Conn, entity_id: IdParam, limit: Limit = 50) -> dict[str, Any]:
        """One entity: names, roles, quotes by and about it, its events, timeline, related entities."""
        out = queries.entity(conn, entity_id, limit)
        if out is None:
            raise HTTPException(404, "no such entity")
        return out

    @app.get("/api/quotes", tags=["entities"])
    def quotes(
        conn: Conn, speaker: OptId = None, article: OptId = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Quotes, optionally by one speaker (an entity id) or from one article."""
        return queries.quotes(conn, speaker, article, limit, offset)

    @app.get("/api/events", tags=["corpus"])
    def events(
        conn: Conn, code: OptCode = None, entity: OptId = None, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Events merged across articles (one real-world event, every article reporting it)."""
        return queries.events(conn, code, entity, limit, offset)

    @app.get("/api/stories", tags=["corpus"])
    def stories(conn: Conn, q: OptText = None, limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        """Stories (articles reporting the same happening), largest first."""
        return queries.stories(conn, q, limit, offset)

    @app.get("/api/stories/{story_id}", tags=["corpus"])
    def story(conn: Conn, story_id: IdParam) -> dict[str, Any]:
        """One story with its articles."""
        out = queries.story(conn, story_id)
        if out is None:
            raise HTTPException(404, "no such story")
        return out

    @app.get("/api/claims", tags=["corpus"])
    def claims(
        conn: Conn, status: Literal["single", "agree", "conflict"] | None = None, limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Figures as reported by one or more articles; status=conflict lists disagreements."""
        return queries.claims(conn, status, limit, offset)

    @app.get("/api/timeline", tags=["corpus"])
    def timeline(
        conn: Conn, start: OptDate = None, end: OptDate = None, limit: Limit = 200, offset: Offset = 0
    ) -> dict[str, Any]:
        """The corpus timeline: dated happenings with the articles that report them."""
        return queries.timeline(conn, start.isoformat() if start else None, end.isoformat() if end else None,
                                limit, offset)

    @app.get("/api/volume", tags=["corpus"])
    def volume(conn: Conn, by: Literal["day", "month", "year"] = "month") -> list[dict[str, Any]]:
        """Articles per period of publication."""
        return queries.volume(conn, by)

    @app.get("/api/cooccurrence", tags=["entities"])
    def cooccurrence(
        conn: Conn, top: Annotated[int, Query(ge=2, le=150)] = 25,
        min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> dict[str, Any]:
        """The most frequent entities and how many articles each pair shares."""
        return queries.cooccurrence(conn, top, min_articles)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
