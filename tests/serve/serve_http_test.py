#!/usr/bin/env python3
"""kovgen serve over plain HTTP, as an attacker or a crash would meet it: missing
and wrong CSRF tokens, no session, path traversal in ids, oversized bodies,
<script> in every text field, throttled logins; and kill -9 during a stream of
saves, counting the acknowledged saves against the versions found after restart.

A backup made while the server runs holds every version (README: restoring).

Usage: serve_http_test.py BUILD_DIR"""
import http.cookiejar
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BUILD = sys.argv[1]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAILED:", message, flush=True)


def start(data, listen="127.0.0.1:0"):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", KOVGEN_LANG="de")
    proc = subprocess.Popen([os.path.join(BUILD, "kovgen"), "serve", "--listen", listen, "--data", data],
                            stderr=subprocess.PIPE, text=True, env=env)
    m = re.search(r"://[^ ]*:(\d+)/", proc.stderr.readline())
    if not m:
        proc.kill()
        raise SystemExit("the server did not start")
    return proc, "http://127.0.0.1:%s" % m.group(1)


class Client:
    """One browser's worth of cookies, never following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    def __init__(self, base):
        self.base = base
        self.csrf = ""
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), self.NoRedirect(),
                                                  urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, path, fields=None, raw=None):
        data = raw if raw is not None else (urllib.parse.urlencode(fields).encode() if fields is not None else None)
        try:
            res = self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=30)
            status, headers, body = res.status, res.headers, res.read()
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, e.headers, e.read()
        text = body.decode("utf-8", "replace")
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', text)
        if m:
            self.csrf = m.group(1)
        return status, headers, text

    def post(self, path, fields, csrf=True):
        if csrf:
            fields = dict(fields, csrf=self.csrf)
        return self.request(path, fields)


def versions(data):
    db = sqlite3.connect(os.path.join(data, "kovgen.sqlite"))
    try:
        return db.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    finally:
        db.close()


def security(tmp):
    data = os.path.join(tmp, "sicherheit")
    server, base = start(data)
    try:
        c = Client(base)
        status, headers, _ = c.request("/")
        check("default-src 'self'" in headers.get("Content-Security-Policy", ""), "CSP default-src 'self'")
        check(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
        status, headers, _ = c.post("/entwuerfe", {"art": "vorlage", "vorlage": "ogs", "titel": "<script>alert(1)</script>"})
        check(status == 303, "a draft is created")
        meta = "/entwurf/1/abschnitt/meta"
        status, _, page = c.request(meta)
        before = versions(data)

        check(c.post(meta, {"basis": "1", "f.meta.titel": "x"}, csrf=False)[0] == 403, "no CSRF token: 403")
        check(c.post(meta, {"basis": "1", "f.meta.titel": "x", "csrf": "0" * 64}, csrf=False)[0] == 403,
              "a wrong CSRF token: 403")
        stranger = Client(base)  # no session at all
        check(stranger.post(meta, {"basis": "1", "f.meta.titel": "x", "csrf": c.csrf}, csrf=False)[0] == 403,
              "another session's token: 403")
        check(versions(data) == before, "refused posts saved nothing")

        for path in ("/entwurf/../../etc/passwd", "/entwurf/1/download/..%2f..%2fkovgen.sqlite",
                     "/static/..%2fkovgen.sqlite", "/entwurf/1%2f..%2f2/vorschau", "/entwurf/1/abschnitt/..%2f..%2fmeta"):
            status, _, body = c.request(path)
            check(status in (400, 404) and "SQLite format" not in body and "root:" not in body,
                  "path traversal refused: %s (%d)" % (path, status))

        status, _, body = c.request(meta, raw=b"f.meta.titel=" + b"x" * (9 * 1024 * 1024))
        check(status == 413 and "zu groß" in body, "an oversized body gets 413 and a German message (%d)" % status)

        # <script> in every text input of a section.
        names = set(re.findall(r'<input type="text" id="[^"]+" name="([^"]+)"', page))
        fields = {n: "<script>alert(2)</script>" for n in names}
        fields.update({"basis": "1", "aktion": "speichern", "autor": "<script>alert(3)</script>",
                       "kommentar": "<script>alert(4)</script>"})
        status, _, _ = c.post(meta, fields)
        check(status == 303, "the section with <script> everywhere saves (%d)" % status)
        for path in ("/", meta, "/entwurf/1/versionen", "/entwurf/1/vorschau"):
            body = c.request(path)[2]
            check("<script>alert" not in body, "user text stays text on " + path)
            check("&lt;script&gt;alert" in body or "\\<script\\>" in body or path == "/entwurf/1/vorschau",
                  "the escaped text is shown on " + path)
    finally:
        server.terminate()
        server.wait(10)


def accounts(tmp):
    data = os.path.join(tmp, "konten")
    subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", data, "--add-user", "anna"],
                   input="ein-langes-passwort\n", text=True, check=True, capture_output=True)
    refused = subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", os.path.join(tmp, "leer"),
                              "--listen", "0.0.0.0:0"], capture_output=True, text=True, timeout=20)
    check(refused.returncode != 0 and "--add-user" in refused.stderr, "off loopback without accounts: refused")
    server, base = start(data, "0.0.0.0:0")
    try:
        c = Client(base)
        status, headers, _ = c.request("/")
        check(status == 303 and headers.get("Location") == "/anmelden", "no session: to the login page")
        c.request("/anmelden")
        check(c.post("/entwuerfe", {"art": "vorlage", "vorlage": "ogs", "titel": "x"})[0] in (401, 403),
              "no login: no draft")
        codes = [c.post("/anmelden", {"name": "anna", "passwort": "falsch"})[0] for _ in range(6)]
        check(codes[:5] == [401] * 5 and codes[5] == 429, "the sixth failed login is throttled: %s" % codes)
        status, _, body = c.post("/anmelden", {"name": "anna", "passwort": "ein-langes-passwort"})
        check(status == 429 and "Fehlversuche" in body, "throttled even with the right password, in German")
    finally:
        server.terminate()
        server.wait(10)


def kill_during_saves(tmp):
    data = os.path.join(tmp, "absturz")
    server, base = start(data)
    c = Client(base)
    c.request("/")
    c.post("/entwuerfe", {"art": "vorlage", "vorlage": "ogs", "titel": "Absturz"})
    c.request("/entwurf/1/abschnitt/meta")
    acknowledged = [0]
    stop = threading.Event()

    def saver(n):
        client = Client(base)
        client.request("/entwurf/1/abschnitt/meta")
        i = 0
        while not stop.is_set():
            i += 1
            try:
                status, _, _ = client.post("/entwurf/1/abschnitt/meta",
                                           {"basis": "1", "aktion": "speichern", "f.meta.titel": "%d-%d" % (n, i)})
            except Exception:
                return
            if status == 303:
                acknowledged[0] += 1

    threads = [threading.Thread(target=saver, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(3)
    server.send_signal(signal.SIGKILL)
    server.wait(10)
    stop.set()
    for t in threads:
        t.join(30)
    found = versions(data) - 1  # version 1 is the draft's creation
    print("kill -9 test: %d saves acknowledged, %d versions found after restart" % (acknowledged[0], found))
    check(acknowledged[0] > 0, "saves were made before the kill")
    # A save committed in the instant of the kill may have had no answer yet.
    check(acknowledged[0] <= found <= acknowledged[0] + 4, "no acknowledged save is lost")
    server, base = start(data)
    try:
        check(Client(base).request("/entwurf/1/versionen")[0] == 200, "the server starts again on the same data")
        # A backup while the server runs, and a server started on the restored copy.
        copy = os.path.join(tmp, "sicherung.sqlite")
        subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", data, "--backup", copy], check=True,
                       capture_output=True)
        restored = os.path.join(tmp, "wiederhergestellt")
        os.makedirs(restored)
        os.replace(copy, os.path.join(restored, "kovgen.sqlite"))
        check(versions(restored) == versions(data), "the backup holds every version")
    finally:
        server.terminate()
        server.wait(10)


def main():
    tmp = tempfile.mkdtemp(prefix="kovgen-serve-http-")
    security(tmp)
    accounts(tmp)
    kill_during_saves(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all HTTP checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
