#!/usr/bin/env python3
"""Batches in kovgen serve over plain HTTP: a school list uploaded as a browser
uploads it (multipart), a kill -9 while the batch runs, and the restarted server
continuing the batch (src/batch's --resume) to the same ZIP a run without a
kill gives. Also: an oversized school list gets a German message, a post
without the CSRF token starts nothing.

Usage: serve_batch_http_test.py BUILD_DIR SOURCE_DIR"""
import io
import os
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from serve_fixture import Client, check, failures, kill_server, running_server, start_server  # noqa: E402

BUILD = sys.argv[1]
SOURCE = sys.argv[2]
SAMPLES = os.path.join(SOURCE, "samples", "batch")


def running(data):
    return running_server(BUILD, data, check_stop=check)


def multipart(fields, files):
    """A multipart/form-data body as a browser sends it, and its content type."""
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value))
                  .encode())
    for name, (filename, content) in files.items():
        out.write(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                   "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name, filename)).encode())
        out.write(content + b"\r\n")
    out.write(("--%s--\r\n" % boundary).encode())
    return out.getvalue(), "multipart/form-data; boundary=" + boundary


def upload(client, fields, files, csrf=True, path="/stapel"):
    import urllib.request
    import urllib.error
    if csrf:
        fields = dict(fields, csrf=client.csrf)
    body, content_type = multipart(fields, files)
    req = urllib.request.Request(client.base + path, data=body, headers={"Content-Type": content_type})
    try:
        res = client.opener.open(req, timeout=60)
        return res.status, res.headers, res.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def school_list(copies):
    """The sample list's schools, `copies` times with other school numbers."""
    with open(os.path.join(SAMPLES, "schulen-beispiel.csv"), "rb") as f:
        lines = f.read().split(b"\n")
    head, rows = lines[:2], [r for r in lines[2:] if r.strip()]
    out = list(head)
    for copy in range(1, copies + 1):
        out += [b'"' + str(copy).encode() + r[2:] for r in rows]
    return b"\n".join(out) + b"\n", len(rows) * copies


def raw(client, path):
    import urllib.request
    res = client.opener.open(urllib.request.Request(client.base + path), timeout=120)
    return res.read()


def state_in_database(data):
    db = sqlite3.connect(os.path.join(data, "kovgen.sqlite"))
    try:
        return db.execute("SELECT state FROM batches WHERE id = 1").fetchone()[0]
    finally:
        db.close()


def wait_for(client, predicate, seconds):
    until = time.time() + seconds
    while time.time() < until:
        status, _, body = client.request("/stapel/1/stand")
        if status == 200 and predicate(body):
            return body
        time.sleep(0.2)
    return None


def import_base(client):
    """samples/batch/basis.yaml as draft 1, uploaded as the start page's form does."""
    client.request("/")
    with open(os.path.join(SAMPLES, "basis.yaml"), "rb") as f:
        status, _, _ = upload(client, {"art": "import", "titel": "Musterhausen"}, {"antworten": ("basis.yaml", f.read())},
                              path="/entwuerfe")
    check(status == 303, "the base draft is imported (%d)" % status)


def start_batch(client, schools, formats):
    import_base(client)
    client.request("/stapel")
    with open(os.path.join(SAMPLES, "nrw-schulliste.map.yaml"), "rb") as f:
        mapping = f.read()
    fields = {"entwurf": "1", "version": ""}
    fields.update({"format_" + name: "1" for name in formats})
    status, headers, body = upload(client, fields, {"schulliste": ("schulen.csv", schools),
                                                    "zuordnung": ("nrw-schulliste.map.yaml", mapping)})
    check(status == 303 and headers.get("Location") == "/stapel/1", "the batch starts (%d)" % status)
    return body


def zip_names(zip_bytes):
    return sorted(zipfile.ZipFile(io.BytesIO(zip_bytes)).namelist())


def restart_during_batch(tmp):
    data = os.path.join(tmp, "neustart")
    schools, count = school_list(6)
    server, base = start_server(BUILD, data)
    c = Client(base)
    start_batch(c, schools, ["docx", "pdf"])
    some_done = wait_for(c, lambda body: '"done":' in body and '"done":0,' not in body, 300)
    check(some_done is not None, "the batch makes progress before the kill")
    if some_done:
        check('"state":"running"' in some_done, "a batch under way is running: " + some_done)
    kill_server(server)
    check(state_in_database(data) == "running", "after the kill the batch is stored as unfinished")

    with running(data) as (server, base):
        c = Client(base)
        done = wait_for(c, lambda body: '"state":"finished"' in body or '"state":"failed"' in body, 600)
        check(done is not None and '"state":"finished"' in done, "the restarted server finishes the batch: %s" % done)
        status, headers, page = c.request("/stapel/1")
        check(status == 200 and "%d Schulen:" % count in page, "the page counts every school")
        check("unverändert übernommen" in page, "schools finished before the kill are taken over, not redone")
        check("Refresh" not in headers, "a finished batch's page no longer reloads itself")
        names = zip_names(raw(c, "/stapel/1/zip"))
        docx = [n for n in names if n.endswith(".docx") and "/" in n]
        pdf = [n for n in names if n.endswith(".pdf") and "/" in n]
        check(len(docx) == count and len(pdf) == count,
              "the ZIP holds every school's DOCX and PDF (%d, %d of %d)" % (len(docx), len(pdf), count))
        check("summary.csv" in names and "summary.md" in names, "the ZIP holds the summary")
        check(not [n for n in names if ".kovgen-batch" in n or ".tmp-" in n], "no manifest or temporary file in the ZIP")


def refused(tmp):
    data = os.path.join(tmp, "abgelehnt")
    with running(data) as (server, base):
        c = Client(base)
        import_base(c)
        c.request("/stapel")
        status, _, body = upload(c, {"entwurf": "1", "format_md": "1"},
                                 {"schulliste": ("riesig.csv", b"x" * (5 * 1024 * 1024))})
        check(status == 422 and "Die Schulliste riesig.csv ist zu groß (höchstens 4 MB)" in body,
              "a school list over the limit gets a German message (%d)" % status)
        status, _, body = upload(c, {"entwurf": "1", "format_md": "1"},
                                 {"schulliste": ("riesig.csv", b"x" * (9 * 1024 * 1024))})
        check(status == 413 and "zu groß" in body, "a body over the server's limit gets 413 (%d)" % status)
        schools, _ = school_list(1)
        status, _, _ = upload(c, {"entwurf": "1", "format_md": "1"}, {"schulliste": ("s.csv", schools)}, csrf=False)
        check(status == 403, "no CSRF token: no batch (%d)" % status)
        check(c.request("/stapel/1")[0] == 404, "nothing was queued")


def main():
    tmp = tempfile.mkdtemp(prefix="kovgen-serve-batch-")
    refused(tmp)
    restart_during_batch(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all batch HTTP checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
