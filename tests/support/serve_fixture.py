"""kovgen serve for the tests that talk to it over the network (tests/serve,
tests/browser): one way to start a server on a free loopback port with its own
data folder, and a client that keeps one browser's cookies.

Also the checks' bookkeeping of the HTTP test scripts (`check`, `failures`).

Standard library only: the browser tests run it with Debian's /usr/bin/python3,
the HTTP tests with the build's python3."""
import contextlib
import http.cookiejar
import os
import re
import signal
import ssl
import subprocess
import urllib.error
import urllib.parse
import urllib.request


def start_server(build, data, listen="127.0.0.1:0", extra=()):
    """Starts `kovgen serve` (German, fixed SOURCE_DATE_EPOCH); returns the process
    and the base URL, http or https as the server announces it."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", KOVGEN_LANG="de")
    proc = subprocess.Popen([os.path.join(build, "kovgen"), "serve", "--listen", listen, "--data", data, *extra],
                            stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stderr.readline()
    m = re.search(r"(https?)://[^ ]*:(\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit("the server did not start: " + line)
    return proc, "%s://127.0.0.1:%s" % (m.group(1), m.group(2))


def stop_server(proc, timeout=10):
    """SIGTERM, then the exit code (the server finishes what is under way first)."""
    proc.terminate()
    return proc.wait(timeout)


def kill_server(proc):
    """kill -9, as a crash stops it: the database's write-ahead log stays behind."""
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


@contextlib.contextmanager
def running_server(build, data, listen="127.0.0.1:0", extra=(), check_stop=None):
    """start_server for a with-block, which gets (process, base URL); at its end
    SIGTERM unless the block stopped or killed the server itself. `check_stop`
    (like `check`) is told whether the server then exited with 0."""
    proc, base = start_server(build, data, listen, extra)
    try:
        yield proc, base
    finally:
        if proc.poll() is None:
            code = stop_server(proc, timeout=30)
            if check_stop:
                check_stop(code == 0, "the server on %s stops cleanly (%s)" % (data, code))


failures = []


def check(condition, message):
    """Records and prints a failed check; the script goes on with the next."""
    if not condition:
        failures.append(message)
        print("FAILED:", message, flush=True)


class Client:
    """One browser's worth of cookies, never following redirects. `cafile` trusts
    a test's self-signed certificate for https."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    def __init__(self, base, cafile=None, cookie=None):
        self.base = base
        self.csrf = ""
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.ProxyHandler({}), self.NoRedirect(), urllib.request.HTTPCookieProcessor(self.jar)]
        if cafile:
            handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)))
        self.opener = urllib.request.build_opener(*handlers)
        self.cookie = cookie  # a browser's session cookie, sent as is

    def request(self, path, fields=None, raw=None):
        data = raw if raw is not None else (urllib.parse.urlencode(fields).encode() if fields is not None else None)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        try:
            res = self.opener.open(urllib.request.Request(self.base + path, data=data, headers=headers), timeout=30)
            status, headers, body = res.status, res.headers, res.read()
        except urllib.error.HTTPError as e:
            status, headers, body = e.code, e.headers, e.read()
        text = body.decode("utf-8", "replace")
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', text)
        if m:
            self.csrf = m.group(1)
        return status, headers, text

    def get_bytes(self, path):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        return self.opener.open(urllib.request.Request(self.base + path, headers=headers), timeout=30).read()

    def post(self, path, fields, csrf=True):
        if csrf:
            fields = dict(fields, csrf=self.csrf)
        return self.request(path, fields)


def count_versions(data):
    """The versions in a data folder's database, read directly."""
    import sqlite3
    db = sqlite3.connect(os.path.join(data, "kovgen.sqlite"))
    try:
        return db.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    finally:
        db.close()


def new_draft(client, title):
    """An OGS draft from the template, made by `client`, which then holds the form
    of its first section (and so the CSRF token)."""
    client.request("/")
    client.post("/entwuerfe", {"art": "vorlage", "vorlage": "ogs", "titel": title})
    client.request("/entwurf/1/abschnitt/meta")


def verdict(failures, what):
    """The exit code of a test script: 0 when no check failed."""
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all %s checks passed" % what)
    return 0
