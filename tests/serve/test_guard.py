"""Only the officer's own page may drive the server: the token, Host and Origin,
and nothing changed by a GET."""

from __future__ import annotations

import pytest

from .helpers import BASE, PORT, TOKEN, app_on, get, post, sample_copy


@pytest.fixture
def plan(tmp_path):
    return sample_copy(tmp_path / "แผน")


def test_the_printed_address_trades_its_token_for_a_strict_cookie(plan):
    app, _ = app_on(plan)
    client = app.test_client()
    first = client.get(f"/submissions?token={TOKEN}", base_url=BASE)
    assert first.status_code == 200
    cookie = first.headers["Set-Cookie"]
    assert f"oplan_token={TOKEN}" in cookie and "SameSite=Strict" in cookie \
        and "HttpOnly" in cookie
    page = get(client, "/submissions")
    assert page.status_code == 200
    assert "องค์การบริหารส่วนตำบลหนองสมมุติ" in page.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/submissions", "/job", "/files/plan.xlsx",
                                  "/static/app.css"])
def test_without_the_token_nothing_answers(plan, path):
    app, _ = app_on(plan)
    refused = app.test_client().get(path, base_url=BASE)
    assert refused.status_code == 403
    assert "รหัสเข้าใช้" in refused.get_data(as_text=True)


def test_a_wrong_token_is_refused_and_sets_no_cookie(plan):
    app, _ = app_on(plan)
    answer = app.test_client().get("/?token=guess", base_url=BASE)
    assert answer.status_code == 403 and "Set-Cookie" not in answer.headers


def test_a_request_from_another_site_is_refused_token_or_not(plan):
    app, client = app_on(plan)
    before = sorted(p.name for p in (plan / "output").rglob("*"))
    foreign = post(client, "/build", headers={"Origin": "http://evil.test"})
    assert foreign.status_code == 403
    assert "หน้าเว็บอื่น" in foreign.get_data(as_text=True)
    assert get(client, "/", headers={"Origin": "http://evil.test"}).status_code == 403
    assert sorted(p.name for p in (plan / "output").rglob("*")) == before
    assert not (plan / "output" / "pd01.xlsx").exists()


@pytest.mark.parametrize("host", ["evil.test", f"evil.test:{PORT}", "127.0.0.1:1",
                                  f"192.168.1.5:{PORT}"])
def test_another_host_name_is_refused(plan, host):
    """A site whose name resolves to 127.0.0.1 (DNS rebinding) is still another site."""
    app, client = app_on(plan)
    answer = client.get("/", base_url=BASE, headers={"Host": host})
    assert answer.status_code == 403
    assert "Host" in answer.get_data(as_text=True)


def test_localhost_is_the_same_page(plan):
    """Another name of this computer: the browser keeps its cookies apart, so it
    too starts from the address with the token."""
    app, _ = app_on(plan)
    client = app.test_client()
    local = f"http://localhost:{PORT}"
    assert client.get(f"/?token={TOKEN}", base_url=local).status_code == 200
    assert client.get("/", base_url=local).status_code == 200


def test_a_change_needs_the_token_in_the_form_not_only_the_cookie(plan):
    app, client = app_on(plan)
    answer = client.post("/build", data={}, base_url=BASE, headers={"Origin": BASE})
    assert answer.status_code == 403
    assert not (plan / "output" / "pd01.xlsx").exists()
    assert post(client, "/build").status_code == 302
    assert (plan / "output" / "pd01.xlsx").is_file()


@pytest.mark.parametrize("path", ["/build", "/check", "/templates", "/upload", "/report", "/import",
                                  "/set-aside",
                                  "/editions", "/open-settings", "/create"])
def test_no_get_changes_anything(plan, path):
    app, client = app_on(plan)
    app.extensions["oplan"].jobs.wait()
    before = sorted(str(p) for p in plan.rglob("*"))
    answer = get(client, path)
    assert answer.status_code in (200, 405)
    assert sorted(str(p) for p in plan.rglob("*")) == before


def test_every_answer_forbids_framing(plan):
    _, client = app_on(plan)
    answer = get(client, "/")
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_page_of_the_plan_folder_opens_sandboxed(plan):
    """An .html someone saved in the plan folder, shown by the page, runs as a page of no
    site: no script, no cookie, no request of this server's origin."""
    (plan / "output" / "แปลก.html").write_text(
        "<script>fetch('/build', {method: 'POST'})</script>", encoding="utf-8")
    _, client = app_on(plan)
    for link in ("output/แปลก.html", "plan.xlsx"):
        answer = get(client, f"/files/{link}")
        assert answer.status_code == 200
        policy = answer.headers["Content-Security-Policy"]
        assert policy.startswith("sandbox ") and "allow-scripts" not in policy
        assert "allow-same-origin" not in policy
