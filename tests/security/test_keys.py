"""API keys: the service (hash only, revoke, verify) and the guard in front of the API."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tenure.api.app import create_app
from tenure.cli import main
from tenure.errors import Forbidden, NotFound, Unauthorized
from tenure.models.keys import ApiKey
from tenure.security.keys import create_key, list_keys, revoke_key, verify_key
from tenure.settings import Settings

Client = AsyncTestClient[Litestar]
# A body the handler rejects with 400: reaching 400 proves the guard let the request through.
INVALID_ARTICLE = {"text": "", "published_at": "2025-10-21T09:30:00Z"}


async def client_for(settings: Settings) -> AsyncIterator[Client]:
    async with AsyncTestClient(app=create_app(settings)) as client:
        yield client


@pytest.fixture
async def client(database_url: str) -> AsyncIterator[Client]:
    async for c in client_for(Settings(database_url=database_url)):
        yield c


@pytest.fixture
async def locked_client(database_url: str) -> AsyncIterator[Client]:
    async for c in client_for(Settings(database_url=database_url, require_read_key=True)):
        yield c


def problem(response: Any, status: int, *fragments: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    for fragment in fragments:
        assert fragment in body["detail"], body
    return body


async def test_only_the_hash_is_stored(sessions: async_sessionmaker[AsyncSession]) -> None:
    created = await create_key(sessions, "dashboard")
    assert created.plaintext.startswith("tnr_") and len(created.plaintext) >= 4 + 43
    async with sessions() as session:
        row = (await session.scalars(select(ApiKey))).one()
    assert row.key_hash == hashlib.sha256(created.plaintext.encode()).hexdigest()
    assert created.plaintext[4:] not in (row.key_hash + row.prefix + row.name)[12:]
    assert row.prefix == created.plaintext[:12]


async def test_verify_accepts_active_refuses_wrong_and_revoked(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    created = await create_key(sessions, "cron")
    assert (await verify_key(sessions, created.plaintext)).id == created.key.id
    with pytest.raises(Unauthorized):
        await verify_key(sessions, created.plaintext[:-1] + ("A" if created.plaintext[-1] != "A" else "B"))
    with pytest.raises(Unauthorized):
        await verify_key(sessions, "not-a-key")
    await revoke_key(sessions, created.key.prefix + "…")
    with pytest.raises(Forbidden, match="revoked"):
        await verify_key(sessions, created.plaintext)


async def test_verify_records_last_use(sessions: async_sessionmaker[AsyncSession]) -> None:
    created = await create_key(sessions, "cron")
    assert created.key.last_used_at is None
    await verify_key(sessions, created.plaintext)
    (row,) = await list_keys(sessions)
    assert row.last_used_at is not None


async def test_revoke_by_unknown_id_or_prefix(sessions: async_sessionmaker[AsyncSession]) -> None:
    with pytest.raises(NotFound):
        await revoke_key(sessions, "42")
    with pytest.raises(NotFound):
        await revoke_key(sessions, "tnr_nothere")


# --- the guard -------------------------------------------------------------------------------

WRITES = [
    ("POST", "/articles"),
    ("POST", "/people/1/aliases"),
    ("POST", "/people/1/merge"),
]


@pytest.mark.parametrize(("method", "path"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
async def test_a_write_without_a_key_is_401_with_www_authenticate(
    client: Client, method: str, path: str
) -> None:
    response = await client.request(method, path, json=INVALID_ARTICLE)
    problem(response, 401, "API key is required", "tenure keys create")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer tnr_thisKeyWasNeverIssuedToAnyoneAtAll0000000000"},
        {"X-API-Key": "tnr_thisKeyWasNeverIssuedToAnyoneAtAll0000000000"},
        {"Authorization": "Bearer not-even-shaped-like-a-key"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer "},
    ],
    ids=["wrong-bearer", "wrong-x-api-key", "malformed", "basic-scheme", "empty-bearer"],
)
async def test_a_wrong_key_is_401(client: Client, headers: dict[str, str]) -> None:
    response = await client.post("/articles", json=INVALID_ARTICLE, headers=headers)
    body = problem(response, 401)
    assert "tnr_this" not in response.text and "dXNlcjpwYXNz" not in response.text
    assert body["type"] == "urn:tenure:problem:api-key-required"


async def test_a_revoked_key_is_403(client: Client, sessions: async_sessionmaker[AsyncSession]) -> None:
    created = await create_key(sessions, "old laptop")
    await revoke_key(sessions, str(created.key.id))
    response = await client.post("/articles", json=INVALID_ARTICLE, headers={"X-API-Key": created.plaintext})
    problem(response, 403, "revoked")
    assert created.plaintext not in response.text


@pytest.mark.parametrize("style", ["bearer", "bearer-lowercase", "x-api-key", "x-api-key-beside-basic"])
async def test_a_valid_key_reaches_the_handler(client: Client, api_key: str, style: str) -> None:
    headers = {
        "bearer": {"Authorization": f"Bearer {api_key}"},
        "bearer-lowercase": {"authorization": f"bearer {api_key}"},
        "x-api-key": {"X-API-Key": api_key},
        # A proxy's own Basic credentials beside our key: the key is used.
        "x-api-key-beside-basic": {"Authorization": "Basic dXNlcjpwYXNz", "X-API-Key": api_key},
    }[style]
    response = await client.post("/articles", json=INVALID_ARTICLE, headers=headers)
    problem(response, 422 if response.status_code == 422 else 400)


async def test_reads_are_open_unless_the_operator_locks_them(
    client: Client, locked_client: Client, api_key: str
) -> None:
    assert (await client.get("/events")).status_code == 200
    problem(await locked_client.get("/events"), 401, "requires keys")
    assert (await locked_client.get("/events", headers={"X-API-Key": api_key})).status_code == 200


async def test_a_wrong_key_on_an_open_read_is_still_refused(client: Client) -> None:
    problem(await client.get("/events", headers={"X-API-Key": "tnr_wrong"}), 401)


async def test_the_schema_stays_open(locked_client: Client) -> None:
    response = await locked_client.get("/schema/openapi.json")
    assert response.status_code == 200
    assert "/articles" in response.json()["paths"]


# --- the command line -------------------------------------------------------------------------


def test_cli_create_list_revoke(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TENURE_DATABASE_URL", database_url)
    assert main(["keys", "create", "dashboard"]) == 0
    out, err = capsys.readouterr()
    plaintext = out.strip()
    assert plaintext.startswith("tnr_") and "cannot be shown again" in err
    assert main(["keys", "list"]) == 0
    listing, _ = capsys.readouterr()
    assert "dashboard" in listing and "active" in listing and plaintext[:12] in listing
    assert plaintext not in listing
    assert main(["keys", "revoke", plaintext[:12]]) == 0
    assert main(["keys", "list"]) == 0
    assert "revoked" in capsys.readouterr()[0]
    assert main(["keys", "revoke", "999"]) == 3
    assert "no API key" in capsys.readouterr()[1]


async def test_always_keyed_reads_need_a_key_even_when_reads_are_open(
    database_url: str, api_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from litestar import get

    from tenure.api import app as app_module
    from tenure.api.auth import ALWAYS_KEYED

    @get("/operator-only", opt=ALWAYS_KEYED, sync_to_thread=False)
    def operator_only() -> dict[str, str]:
        return {"ok": "yes"}

    monkeypatch.setattr(app_module, "ROUTE_HANDLERS", [*app_module.ROUTE_HANDLERS, operator_only])
    async for client in client_for(Settings(database_url=database_url)):
        problem(await client.get("/operator-only"), 401, "operator's")
        assert (await client.get("/operator-only", headers={"X-API-Key": api_key})).json() == {"ok": "yes"}
        assert (await client.get("/events")).status_code == 200  # ordinary reads stay open
