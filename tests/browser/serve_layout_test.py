#!/usr/bin/python3
"""kovgen serve in headless Chromium, what serve_browser_test.py leaves out:
autosave (type, wait, load the page again: the answer is there and a new version
exists) and the layout at 200 % zoom on a narrow window (no horizontal
scrolling, the checklist reachable), on every page type. One browser.

Usage: serve_layout_test.py BUILD_DIR SOURCE_DIR [SCREENSHOT.png]
Runs with /usr/bin/python3: Debian's selenium belongs to that interpreter."""
import os
import sys
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from serve_fixture import count_versions, start_server, stop_server, verdict  # noqa: E402
from serve_browser_test import browser, check, failures, fetch  # noqa: E402

BUILD = sys.argv[1]
SCREENSHOT = sys.argv[3] if len(sys.argv) > 3 else None

# 200 % zoom halves the CSS pixels a window offers: a 640 px wide window at 200 %
# lays out like a 320 px wide one (WCAG 2.1's reflow width), and a 1280 px one
# like 640 px.
ZOOMED_WIDTHS = (320, 640)


# The elements reaching past the window's right edge, for the failure message.
WIDER_THAN_WINDOW = """var out = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.right + window.scrollX > document.documentElement.clientWidth + 0.5 && !e.parentElement.closest('.table-wrap'))
    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right + window.scrollX) + ' ' + (e.textContent || '').trim().slice(0, 30));
});
return out.slice(0, 6);"""


def zoom(driver, css_width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": css_width, "height": 700, "deviceScaleFactor": 2, "mobile": False})


def check_layout(driver, url, label, css_width):
    driver.get(url)
    # clientWidth: the window without its vertical scroll bar.
    wide = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    if not check(wide[0] <= wide[1], "%s at %d CSS px: no horizontal scrolling (%d > %d)" % (label, css_width, *wide)):
        print("  too wide:", driver.execute_script(WIDER_THAN_WINDOW))
    for checklist in driver.find_elements(By.CSS_SELECTOR, "nav.checklist"):
        rect = driver.execute_script("arguments[0].scrollIntoView(); var r = arguments[0].getBoundingClientRect();"
                                     "return [r.left, r.right, r.width, document.documentElement.clientWidth];", checklist)
        check(checklist.is_displayed() and rect[2] > 0 and rect[0] >= 0 and rect[1] <= rect[3] + 0.5,
              "%s at %d CSS px: the checklist is on screen when scrolled to: %s" % (label, css_width, rect))
        links = checklist.find_elements(By.TAG_NAME, "a")
        check(links and links[0].is_displayed(), "%s at %d CSS px: the checklist's links are there" % (label, css_width))


def main():
    tmp = tempfile.mkdtemp(prefix="kovgen-layout-")
    data = os.path.join(tmp, "d")
    server, base = start_server(BUILD, data)
    driver = None
    try:
        driver = browser()
        wait = WebDriverWait(driver, 20)
        driver.get(base + "/")
        driver.find_element(By.ID, "neu-titel").send_keys("OGS Schmal")
        driver.find_element(By.ID, "neu-titel").submit()
        wait.until(lambda d: "/abschnitt/meta" in d.current_url)
        meta = driver.current_url
        draft_url = meta.split("/abschnitt/")[0]

        # Autosave: typing, then a pause, saves without a click.
        before = count_versions(data)
        title = driver.find_element(By.ID, "f-meta-titel")
        title.send_keys("Automatisch gespeicherter Titel")
        wait.until(lambda d: "Automatisch als Version" in d.find_element(By.ID, "autosave").text)
        status = driver.find_element(By.ID, "autosave").text
        check(status == "Automatisch als Version %d gespeichert." % (before + 1), "the autosave is announced: " + status)
        check(count_versions(data) == before + 1, "the autosave is a new version")
        driver.get("about:blank")  # a new load, not the browser's restored form
        driver.get(meta)
        check(driver.find_element(By.ID, "f-meta-titel").get_attribute("value") == "Automatisch gespeicherter Titel",
              "the autosaved answer is there when the page is loaded again")
        check(b"Automatisch gespeicherter Titel" in fetch(driver, draft_url + "/download/yaml"),
              "the autosaved answer is in the newest version's answers")

        # Every section page, the preview, the history and the start page, zoomed.
        sections = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "nav.checklist a")
                    if "/abschnitt/" in a.get_attribute("href")]
        check(len(sections) > 3, "the checklist links the sections")
        pages = [(url, "section " + url.rsplit("/", 1)[1]) for url in sections]
        pages += [(draft_url + "/vorschau", "preview"), (draft_url + "/versionen", "history"), (base + "/", "start")]
        for css_width in ZOOMED_WIDTHS:
            zoom(driver, css_width)
            for url, label in pages:
                check_layout(driver, url, label, css_width)
        if SCREENSHOT:
            zoom(driver, ZOOMED_WIDTHS[0])
            driver.get(meta)
            driver.save_screenshot(SCREENSHOT)
    finally:
        if driver:
            driver.quit()
        check(stop_server(server) == 0, "the server stops cleanly")

    return verdict(failures, "layout")


if __name__ == "__main__":
    sys.exit(main())
