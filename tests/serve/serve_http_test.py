#!/usr/bin/env python3
"""kovgen serve over plain HTTP, as an attacker or a crash would meet it: missing
and wrong CSRF tokens, no session, path traversal in ids, oversized bodies,
<script> in every text field, throttled logins; and kill -9 during a stream of
saves, counting the acknowledged saves against the versions found after restart.

A backup made while the server runs holds every version (README: restoring).

Usage: serve_http_test.py BUILD_DIR"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from serve_fixture import (Client, check, count_versions, failures, kill_server, new_draft,  # noqa: E402
                           running_server, start_server, verdict)

BUILD = sys.argv[1]


def start(data, listen="127.0.0.1:0", extra=()):
    return start_server(BUILD, data, listen, extra)


def running(data, listen="127.0.0.1:0", extra=()):
    return running_server(BUILD, data, listen, extra, check)


versions = count_versions


def security(tmp):
    data = os.path.join(tmp, "sicherheit")
    with running(data) as (server, base):
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


def accounts(tmp):
    data = os.path.join(tmp, "konten")
    subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", data, "--add-user", "anna"],
                   input="ein-langes-passwort\n", text=True, check=True, capture_output=True)
    refused = subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", os.path.join(tmp, "leer"),
                              "--listen", "0.0.0.0:0"], capture_output=True, text=True, timeout=20)
    check(refused.returncode != 0 and "--add-user" in refused.stderr, "off loopback without accounts: refused")
    with running(data, "0.0.0.0:0") as (server, base):
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


def kill_during_saves(tmp):
    data = os.path.join(tmp, "absturz")
    server, base = start(data)
    c = Client(base)
    new_draft(c, "Absturz")
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
    kill_server(server)
    stop.set()
    for t in threads:
        t.join(30)
    found = versions(data) - 1  # version 1 is the draft's creation
    print("kill -9 test: %d saves acknowledged, %d versions found after restart" % (acknowledged[0], found))
    check(acknowledged[0] > 0, "saves were made before the kill")
    # A save committed in the instant of the kill may have had no answer yet.
    check(acknowledged[0] <= found <= acknowledged[0] + 4, "no acknowledged save is lost")
    with running(data) as (server, base):
        check(Client(base).request("/entwurf/1/versionen")[0] == 200, "the server starts again on the same data")
        # A backup while the server runs.
        copy = os.path.join(tmp, "sicherung.sqlite")
        subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", data, "--backup", copy], check=True,
                       capture_output=True)
        backed_up = versions(data)
        c = Client(base)
        c.request("/entwurf/1/abschnitt/meta")
        check(c.post("/entwurf/1/abschnitt/meta", {"basis": "1", "aktion": "speichern",
                                                   "f.meta.titel": "nach der Sicherung"})[0] == 303,
              "a save after the backup")
        # Killed, not stopped: its write-ahead log stays beside the database, the
        # worst case for a restore.
        kill_server(server)
    restore_backup(tmp, data, copy, backed_up)


def restore_backup(tmp, data, copy, backed_up):
    """Restoring as README says: stop the server, delete the database's -wal and
    -shm files, copy the backup to DATA/kovgen.sqlite, start the server."""
    for suffix in ("-wal", "-shm"):
        try:
            os.remove(os.path.join(data, "kovgen.sqlite" + suffix))
        except FileNotFoundError:
            pass
    with open(copy, "rb") as src, open(os.path.join(data, "kovgen.sqlite"), "wb") as dst:
        dst.write(src.read())
    check(versions(data) == backed_up, "the restored database holds the backup's versions, not the later save")
    with running(data) as (server, base):
        c = Client(base)
        status, _, page = c.request("/entwurf/1/versionen")
        check(status == 200 and "nach der Sicherung" not in page, "the restored server shows the backup's history")
        c.request("/entwurf/1/abschnitt/meta")
        check(c.post("/entwurf/1/abschnitt/meta", {"basis": str(backed_up - 1), "aktion": "speichern",
                                                   "f.meta.titel": "weiter nach der Wiederherstellung"})[0] == 303,
              "the restored server saves")
        check(versions(data) == backed_up + 1, "the save after the restore is a new version")


def raw_request(port, head, body, scheme_context=None):
    """Sends a request over a plain socket: the head and the first bytes of the
    body now, the rest when the returned function is called, which then reads the
    whole answer."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(head + body[:10])

    def finish():
        sock.sendall(body[10:])
        answer = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        sock.close()
        return answer
    return finish


def sigterm(tmp):
    """SIGTERM while a save is under way: the save is answered and kept, then the
    server exits with 0."""
    data = os.path.join(tmp, "sigterm")
    server, base = start(data)
    c = Client(base)
    new_draft(c, "Ende")
    body = urllib.parse.urlencode({"csrf": c.csrf, "basis": "1", "aktion": "speichern",
                                   "f.meta.titel": "Gespeichert beim Beenden"}).encode()
    cookie = "; ".join("%s=%s" % (k.name, k.value) for k in c.jar)
    head = ("POST /entwurf/1/abschnitt/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: %s\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
            % (cookie, len(body))).encode()
    finish = raw_request(int(base.rsplit(":", 1)[1]), head, body)
    time.sleep(0.5)  # the server has the head: the request is under way
    server.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    check(server.poll() is None, "the server waits for the request under way")
    answer = finish()
    check(answer.startswith(b"HTTP/1.1 303"), "the request under way is answered: %r" % answer[:40])
    try:
        code = server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "still running"
    check(code == 0, "after SIGTERM the server exits with 0 (%s)" % code)
    check("beendet" in server.stderr.read(), "the server says in German that it stopped")
    check(versions(data) == 2, "the save under way is kept")


def tls(tmp):
    """--tls-cert/--tls-key: HTTPS with a certificate made here, the session
    cookie marked Secure, and plain HTTP on that port gets no page."""
    cert, key = os.path.join(tmp, "zert.pem"), os.path.join(tmp, "schluessel.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    data = os.path.join(tmp, "tls")
    bad = subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--listen", "127.0.0.1:0", "--data", data,
                          "--tls-cert", key, "--tls-key", cert], capture_output=True, text=True, timeout=20,
                         env=dict(os.environ, KOVGEN_LANG="de"))
    check(bad.returncode != 0 and "TLS-Zertifikat" in bad.stderr, "a wrong certificate is refused in German: " + bad.stderr)
    with running(data, extra=("--tls-cert", cert, "--tls-key", key)) as (server, base):
        check(base.startswith("https://"), "the server announces https: " + base)
        c = Client(base, cafile=cert)
        status, headers, body = c.request("/")
        check(status == 200 and "Entwürfe" in body, "the start page over HTTPS (%d)" % status)
        cookie = headers.get("Set-Cookie", "")
        check("Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie,
              "the session cookie is Secure over TLS: " + cookie)
        check(c.post("/entwuerfe", {"art": "vorlage", "vorlage": "ogs", "titel": "Verschlüsselt"})[0] == 303,
              "a draft is created over HTTPS")
        check(versions(data) == 1, "the HTTPS save is stored")
        try:
            plain = Client(base.replace("https://", "http://")).request("/")[0]
        except Exception:  # the TLS server drops a plain HTTP request
            plain = None
        check(plain != 200, "plain HTTP on the TLS port gets no page")


def main():
    tmp = tempfile.mkdtemp(prefix="kovgen-serve-http-")
    security(tmp)
    accounts(tmp)
    kill_during_saves(tmp)
    sigterm(tmp)
    tls(tmp)
    return verdict(failures, "HTTP")


if __name__ == "__main__":
    sys.exit(main())
