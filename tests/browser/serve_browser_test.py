#!/usr/bin/python3
"""kovgen serve in headless Chromium (selenium): a draft from start to PDF, by
keyboard, with a bad amount, the live checklist, a conflict between two
browsers, and axe-core (WCAG 2.1 A and AA) on every page type. One browser for
all checks (and a second one only for the conflict), to keep the suite short.

Usage: serve_browser_test.py BUILD_DIR SOURCE_DIR [SCREENSHOT.png]
Runs with /usr/bin/python3: Debian's selenium belongs to that interpreter."""
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import JavascriptException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import serve_fixture  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
SCREENSHOT = sys.argv[3] if len(sys.argv) > 3 else None
AXE = os.path.join(SOURCE, "tests/browser/node_modules/axe-core/axe.min.js")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAILED:", message, flush=True)
    return condition


def start_server(data, listen="127.0.0.1:0"):
    return serve_fixture.start_server(BUILD, data, listen)


def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-proxy-server", "--lang=de-DE",
                "--window-size=1280,1100", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def axe(driver, page_type, moving=False):
    """axe-core's WCAG 2.1 A and AA rules on the current page, injected and run in
    one script. A page that moves on by itself (the batch's progress, with its
    Refresh header and polling) first has its timers stopped; if it still left
    before axe finished, axe runs again on what the browser shows then."""
    with open(AXE, encoding="utf-8") as f:
        source = f.read()
    freeze = ("(function () { var id = setTimeout(function () {}, 0);"
              " while (id > 0) { clearTimeout(id); clearInterval(id); id--; } })();\n") if moving else ""
    script = freeze + source + """
        var done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
          .then(function (r) { done(r.violations.map(function (v) {
            return v.id + ': ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ');
          })); });"""
    for attempt in range(3 if moving else 1):
        try:
            violations = driver.execute_async_script(script)
            break
        except JavascriptException:
            if attempt == 2 or not moving:
                raise
    check(not violations, "axe on the %s page: %s" % (page_type, "; ".join(violations)))


def tab_to(driver, element_id, limit=80):
    """Presses Tab until the element has the focus, as a keyboard user does."""
    for _ in range(limit):
        active = driver.switch_to.active_element
        if active.get_attribute("id") == element_id:
            return active
        active.send_keys(Keys.TAB)
    raise AssertionError("Tab never reached #" + element_id)


def state_of(driver, section):
    return driver.find_element(By.CSS_SELECTOR, '.checklist li[data-section="%s"] .state' % section).text


def fetch(driver, url):
    """The URL with the browser's session cookie, as a download."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))
    cookie = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    return opener.open(urllib.request.Request(url, headers={"Cookie": cookie})).read()


def batch_in_browser(driver, base, data):
    """samples/batch uploaded in the form, the progress page, then the summary and the ZIP."""
    import io
    import zipfile
    from selenium.webdriver.support.ui import Select
    samples = os.path.join(os.path.abspath(SOURCE), "samples", "batch")  # the browser wants absolute paths
    driver.get(base + "/")
    driver.find_element(By.ID, "import-titel").send_keys("Stapel-Basis")
    driver.find_element(By.ID, "import-datei").send_keys(os.path.join(samples, "basis.yaml"))
    driver.find_element(By.ID, "import-datei").submit()
    WebDriverWait(driver, 10).until(lambda d: "/abschnitt/" in d.current_url)
    driver.get(base + "/stapel")
    check("Stapel" in driver.find_element(By.TAG_NAME, "h1").text, "the batch page speaks German")
    axe(driver, "batch form")
    Select(driver.find_element(By.ID, "stapel-entwurf")).select_by_visible_text("Stapel-Basis (Version 1)")
    driver.find_element(By.ID, "stapel-schulliste").send_keys(os.path.join(samples, "schulen-beispiel.csv"))
    driver.find_element(By.ID, "stapel-zuordnung").send_keys(os.path.join(samples, "nrw-schulliste.map.yaml"))
    # On by keyboard from the formats (keys sent to a file input would name a file).
    driver.execute_script("arguments[0].focus()", driver.find_element(By.ID, "stapel-format-md"))
    tab_to(driver, "stapel-start").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: re.search(r"/stapel/\d+$", d.current_url))
    if driver.find_elements(By.ID, "stapel-stand"):
        axe(driver, "batch progress", moving=True)
    # The script follows the batch and shows the result when it is done.
    WebDriverWait(driver, 300).until(lambda d: d.find_elements(By.CSS_SELECTOR, 'a[href$="/zip"]'))
    text = driver.find_element(By.TAG_NAME, "main").text
    check("9 Schulen:" in text, "the summary counts the sample's schools: " + text[:200])
    check(driver.find_elements(By.CSS_SELECTOR, ".summary table"), "the summary shows what is missing where")
    axe(driver, "batch summary")
    names = zipfile.ZipFile(io.BytesIO(fetch(driver, driver.current_url + "/zip"))).namelist()
    schools = [n for n in names if n.endswith(".pdf") and "/" in n]
    check(len(schools) == 9, "the ZIP holds every school's PDF: %d" % len(schools))
    check("summary.md" in names, "the ZIP holds the summary")


def main():
    data = tempfile.mkdtemp(prefix="kovgen-browser-")
    server, base = start_server(os.path.join(data, "d"))
    driver = second = None
    try:
        driver = browser()
        wait = WebDriverWait(driver, 10)
        driver.get(base + "/")
        check("Entwürfe" in driver.find_element(By.TAG_NAME, "h1").text, "the start page speaks German")
        axe(driver, "start")

        # A new OGS draft, typed and submitted by keyboard only.
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        tab_to(driver, "neu-titel").send_keys("OGS-Kooperation Musterhausen")
        tab_to(driver, "neu-vorlage")
        driver.switch_to.active_element.send_keys(Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.ENTER)  # "Entwurf anlegen"
        wait.until(lambda d: "/abschnitt/meta" in d.current_url)
        draft_url = driver.current_url.split("/abschnitt/")[0]
        check(driver.find_element(By.TAG_NAME, "h1").text == "Dokumentangaben", "the first section is Dokumentangaben")
        axe(driver, "questionnaire")

        # The live checklist: the mandatory section becomes complete as its answers are typed.
        check(state_of(driver, "meta") == "Pflicht, unvollständig", "meta starts incomplete: " + state_of(driver, "meta"))
        tab_to(driver, "f-meta-titel").send_keys("Kooperationsvereinbarung OGS Musterhausen")
        date = tab_to(driver, "f-meta-stand")
        date.send_keys("02022026")  # the same date whether Chromium orders day or month first
        check(date.get_attribute("value") == "2026-02-02", "the date was typed: " + date.get_attribute("value"))
        wait.until(lambda d: state_of(d, "meta") == "vollständig")
        check(state_of(driver, "meta") == "vollständig", "the checklist follows the typing")
        if SCREENSHOT:
            driver.save_screenshot(SCREENSHOT)
        date.send_keys(Keys.ENTER)  # submits with the form's first button: save
        wait.until(lambda d: "gespeichert=" in d.current_url)
        check("Als Version 2 gespeichert" in driver.page_source, "the save is confirmed with its version")
        driver.refresh()
        check(driver.find_element(By.ID, "f-meta-titel").get_attribute("value") == "Kooperationsvereinbarung OGS Musterhausen",
              "the saved answer is there after a reload")

        # A bad amount: the CLI's German message next to the field, linked to it.
        driver.get(draft_url + "/abschnitt/finanzierung")
        field = driver.find_element(By.ID, "f-finanzierung-kommunaler_pflichtanteil")
        field.send_keys("viel")
        field.send_keys(Keys.ENTER)
        wait.until(lambda d: d.find_elements(By.ID, "f-finanzierung-kommunaler_pflichtanteil-fehler"))
        message = driver.find_element(By.ID, "f-finanzierung-kommunaler_pflichtanteil-fehler").text
        check("„viel“" in message and "Betrag" in message, "a German message for the bad amount: " + message)
        described = driver.find_element(By.ID, "f-finanzierung-kommunaler_pflichtanteil").get_attribute("aria-describedby")
        check("f-finanzierung-kommunaler_pflichtanteil-fehler" in described, "the message is linked to its field")
        axe(driver, "questionnaire with errors")

        # The preview, the history and a missing page.
        driver.get(draft_url + "/vorschau")
        check("Kooperationsvereinbarung OGS Musterhausen" in driver.page_source, "the preview shows the title")
        check(driver.find_elements(By.CSS_SELECTOR, "mark.offen"), "the preview marks the placeholders")
        axe(driver, "preview")
        driver.get(draft_url + "/versionen")
        axe(driver, "history")
        driver.get(base + "/entwurf/999")
        axe(driver, "not found")

        # The PDF as downloaded, read with pdftotext.
        pdf = os.path.join(data, "entwurf.pdf")
        with open(pdf, "wb") as f:
            f.write(fetch(driver, draft_url + "/download/pdf"))
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        check("Kooperationsvereinbarung OGS Musterhausen" in re.sub(r"\s+", " ", text), "the PDF holds the title")

        # Two browsers on the same page: the later save is shown the conflict.
        second = browser()
        driver.get(draft_url + "/abschnitt/meta")
        second.get(base + "/")
        second.get(draft_url + "/abschnitt/meta")
        other = second.find_element(By.ID, "f-meta-titel")
        other.clear()
        other.send_keys("Fassung B")
        other.send_keys(Keys.ENTER)
        WebDriverWait(second, 10).until(lambda d: "gespeichert=" in d.current_url)
        mine = driver.find_element(By.ID, "f-meta-titel")
        mine.clear()
        mine.send_keys("Fassung A")
        mine.send_keys(Keys.ENTER)
        wait.until(lambda d: "konflikt=" in d.current_url)
        conflict = driver.find_element(By.CSS_SELECTOR, ".conflict").text
        check("Titel der Vereinbarung" in conflict, "the conflict names the differing answer: " + conflict)
        axe(driver, "conflict")
        batch_in_browser(driver, base, data)
    finally:
        for d in (driver, second):
            if d:
                d.quit()
        server.terminate()
        server.wait(10)

    # The login page exists only where accounts are needed: off loopback.
    accounts = os.path.join(data, "konten")
    subprocess.run([os.path.join(BUILD, "kovgen"), "serve", "--data", accounts, "--add-user", "tester"],
                   input="ein-langes-passwort\n", text=True, check=True, capture_output=True)
    server, base = start_server(accounts, "0.0.0.0:0")
    driver = None
    try:
        driver = browser()
        driver.get(base + "/")
        check("/anmelden" in driver.current_url, "off loopback the pages need a login")
        axe(driver, "login")
        driver.find_element(By.ID, "name").send_keys("tester")
        driver.find_element(By.ID, "passwort").send_keys("ein-langes-passwort", Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/") == base)
        check("Angemeldet als" in driver.page_source, "the login leads to the drafts")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(10)

    return serve_fixture.verdict(failures, "browser")


if __name__ == "__main__":
    sys.exit(main())
