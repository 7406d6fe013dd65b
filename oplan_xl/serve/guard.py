"""What keeps the local page the officer's own: one token per run, asked of every
request, and requests from other sites or other host names refused.

The server listens on 127.0.0.1 only, yet any page open in the officer's browser
could send requests there.  Three checks stop that:

- **The token**: a random string made at start, in the address the server prints
  and opens.  The first visit trades it for a cookie (``SameSite=Strict``: the
  browser never sends it with a request started by another site); every request
  must show it, as that cookie, the ``token`` query parameter or the
  ``X-Oplan-Token`` header.  Forms and scripts that change something also send it
  in the body or the header, so a cookie alone changes nothing.
- **Host**: only ``127.0.0.1:PORT`` and ``localhost:PORT``.  A name of another
  site that resolves to 127.0.0.1 (DNS rebinding) is refused.
- **Origin**: when the browser says where a request comes from, it must be this
  page's own address.

Nothing that changes a file answers a GET.
"""

from __future__ import annotations

import hmac
import secrets

COOKIE = "oplan_token"
HEADER = "X-Oplan-Token"
FIELD = "token"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def allowed_hosts(port: int) -> set[str]:
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def allowed_origins(port: int) -> set[str]:
    return {f"http://{host}" for host in allowed_hosts(port)}


def same(given: str | None, token: str) -> bool:
    """*given* is the token (compared in constant time)."""
    return bool(given) and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def refusal(request, token: str, port: int) -> str | None:
    """Why *request* is refused (a Thai sentence), or None when it may go on."""
    if request.host not in allowed_hosts(port):
        return "ที่อยู่ของหน้านี้ไม่ใช่ของโปรแกรมแผนในเครื่องนี้ (Host ไม่ถูกต้อง)"
    origin = request.headers.get("Origin")
    if origin is not None and origin not in allowed_origins(port):
        return "คำขอนี้มาจากหน้าเว็บอื่น ไม่ใช่จากหน้าของโปรแกรมแผน จึงไม่ทำตาม"
    shown = (request.cookies.get(COOKIE) or request.args.get(FIELD)
             or request.headers.get(HEADER))
    if not same(shown, token):
        return ("ไม่มีรหัสเข้าใช้ของรอบนี้ ให้เปิดหน้าจากที่อยู่ที่โปรแกรมพิมพ์ไว้ "
                "(รวม ?token=…) หรือดับเบิลคลิก เปิดโปรแกรมแผน.cmd อีกครั้ง")
    if request.method not in ("GET", "HEAD"):
        sent = request.headers.get(HEADER) or request.form.get(FIELD)
        if not same(sent, token):
            return "คำขอที่เปลี่ยนไฟล์ต้องส่งรหัสเข้าใช้มากับแบบฟอร์ม จึงไม่ทำตาม"
    return None
