"""Nobody reaches the console's data without the password, and guessing it is throttled."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.console.auth import SESSION_COOKIE, LoginLimiter, SessionStore, clean_advisor_name
from tests.console.conftest import PASSWORD, MakeClient, log_in

API_ROUTES = [
    ("GET", "/console/api/personas"),
    ("POST", "/console/api/rank"),
    ("POST", "/console/api/labels"),
    ("GET", "/console/api/metrics?k=10"),
    ("GET", "/console/api/labels/export"),
    ("GET", "/console/api/labels/queries.tsv"),
    ("GET", "/console/api/handoffs"),
    ("GET", "/console/api/handoffs/1/conversation"),
    ("POST", "/console/api/handoffs/1/reply"),
    ("POST", "/console/api/handoffs/1/resume"),
    ("GET", "/console/api/no/such/route"),
]


@pytest.mark.parametrize(("method", "path"), API_ROUTES)
def test_every_api_route_needs_a_session(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert "Not logged in" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path"), API_ROUTES)
def test_a_forged_cookie_is_not_a_session(client: TestClient, method: str, path: str) -> None:
    client.cookies.set(SESSION_COOKIE, "made-up-token", path="/console")
    assert client.request(method, path, json={}).status_code == 401


def test_unknown_api_routes_are_404_once_logged_in(advisor: TestClient) -> None:
    assert advisor.get("/console/api/no/such/route").status_code == 404
    assert advisor.delete("/console/api/labels").status_code == 404


def test_wrong_password_is_refused_without_a_cookie(client: TestClient) -> None:
    response = client.post("/console/login", json={"password": "guess"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Wrong password."
    assert "set-cookie" not in response.headers
    assert client.get("/console/api/personas").status_code == 401


def test_without_a_configured_password_every_login_is_refused(make_client: MakeClient) -> None:
    client = make_client(console_password=None)
    for password in ["", "anything", PASSWORD]:
        response = client.post("/console/login", json={"password": password})
        assert response.status_code == 403
        assert "CREDWISE_CONSOLE_PASSWORD" in response.json()["detail"]
    status = client.get("/console/auth/status").json()
    assert status["configured"] is False
    assert "no console password is configured" in status["message"]


def test_login_sets_a_strict_http_only_cookie_scoped_to_the_console(client: TestClient) -> None:
    response = client.post("/console/login", json={"password": PASSWORD, "name": "Sam"})
    assert response.status_code == 200
    assert response.json() == {"ok": True, "advisor": "Sam"}
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    assert "path=/console" in cookie
    assert client.get("/console/api/personas").status_code == 200


def test_the_form_encoded_login_works_too(client: TestClient) -> None:
    response = client.post("/console/login", data={"password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["advisor"] == "Career advisor"


def test_the_console_page_is_the_login_page_until_logged_in(client: TestClient) -> None:
    before = client.get("/console")
    assert before.status_code == 200
    assert 'id="login-form"' in before.text
    assert "default-src 'self'" in before.headers["content-security-policy"]
    log_in(client)
    after = client.get("/console")
    assert 'id="panes"' in after.text
    assert after.headers["cache-control"] == "no-store"


def test_static_files_are_served_by_name_only(client: TestClient) -> None:
    script = client.get("/console/static/console.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert client.get("/console/static/console.html").status_code == 404  # pages via /console
    assert client.get("/console/static/..%2Fauth.py").status_code == 404


def test_logout_ends_the_session(advisor: TestClient) -> None:
    token = advisor.cookies.get(SESSION_COOKIE)
    assert advisor.post("/console/logout").status_code == 200
    advisor.cookies.set(SESSION_COOKIE, token or "", path="/console")  # replaying the old token
    assert advisor.get("/console/api/personas").status_code == 401


def test_failed_logins_are_rate_limited_per_client(client: TestClient) -> None:
    for _ in range(5):
        assert client.post("/console/login", json={"password": "guess"}).status_code == 401
    blocked = client.post("/console/login", json={"password": PASSWORD})
    assert blocked.status_code == 429  # even the right password waits out the window
    assert int(blocked.headers["retry-after"]) >= 1
    assert "Too many failed logins" in blocked.json()["detail"]


class FakeClock:
    """Time that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sessions_expire() -> None:
    clock = FakeClock()
    store = SessionStore(ttl=60, clock=clock)
    session = store.create("Sam")
    assert store.get(session.token) == session
    clock.now += 61
    assert store.get(session.token) is None


def test_the_limiter_forgets_failures_after_the_window() -> None:
    clock = FakeClock()
    limiter = LoginLimiter(allowed=2, window=60, clock=clock)
    limiter.failed("a")
    limiter.failed("a")
    assert limiter.retry_after("a") == pytest.approx(60)
    assert limiter.retry_after("b") is None  # counted per client
    clock.now += 61
    assert limiter.retry_after("a") is None


def test_advisor_names_are_tidied_for_learners() -> None:
    assert clean_advisor_name("  Sam\n   Lee ") == "Sam Lee"
    assert "<" not in clean_advisor_name("<b>Sam</b>")
    assert clean_advisor_name("") == "Career advisor"
    assert clean_advisor_name(None) == "Career advisor"
    assert len(clean_advisor_name("x" * 100)) == 40
