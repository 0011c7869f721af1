"""The look, reviewed like the code (issue 15): a full-page screenshot of each main page per
role under e2e/screenshots/ (ignored by git, kept by CI as an artifact), every page styled
and axe-clean, and no horizontal scrolling at 320 px (WCAG 1.4.10) on the child page, the
intake queue and the report form."""
import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import BASE_URL, assert_accessible, main_text, sign_in, sign_out, visit

SCREENSHOTS = Path(os.environ.get("SAMVERKA_SCREENSHOTS", Path(__file__).parent / "screenshots"))

PAGES = {
    "mentor.ekbacken": ["/", "/barn", "/sok?q=an", "/anmalningar", "/anmalan", "/barn/ny", "/samverkan", "/arbetslista"],
    "mottagning": ["/", "/mottagning", "/arbetslista", "/barn"],
    "utredare": ["/", "/arbetslista", "/barn", "/samverkan"],
    "loggranskare": ["/", "/loggkontroll", "/logg", "/registerutdrag"],
}


def full_page_screenshot(driver, name):
    """A PNG of the whole page (the window grown to the page's height for the shot)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = driver.get_window_size()["width"]
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(max(height + 120, 600), 12000))
    driver.execute_script("window.scrollTo(0, 0)")
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 900)
    assert path.stat().st_size > 5000, f"{path} looks empty"
    return path


def slug(path):
    return path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "start"


def first_link(driver, prefix):
    links = [a.get_attribute("pathname") for a in driver.find_elements(By.CSS_SELECTOR, f"main a[href^='{prefix}']")]
    links = [l for l in links if l.rstrip("/").split("/")[-1].isdigit()]
    return links[0] if links else None


def assert_no_horizontal_scroll(driver):
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{driver.current_url} scrolls sideways by {overflow}px at {driver.get_window_size()['width']}px"


@pytest.mark.parametrize("username", list(PAGES))
def test_main_pages_per_role_are_styled_accessible_and_photographed(browser, username):
    sign_in(browser, username)
    for path in PAGES[username]:
        visit(browser, path)
        assert browser.find_element(By.TAG_NAME, "h1").text, f"{path} has no heading"
        # The design loaded: the header bar has the brand colour, not the browser's default.
        header = browser.find_element(By.CSS_SELECTOR, "header.site-header")
        assert header.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)", f"{path}: the header is unstyled"
        full_page_screenshot(browser, f"{username}-{slug(path)}")
    # A record of the role's own: the first child of their list.
    visit(browser, "/barn")
    child = first_link(browser, "/barn/")
    if child:
        visit(browser, child)
        full_page_screenshot(browser, f"{username}-barnsida")
    sign_out(browser)


def test_public_pages_are_styled_and_photographed(browser):
    for path in ["/logga-in", "/e-tjanst/anmalan", "/tillganglighet"]:
        visit(browser, path)
        full_page_screenshot(browser, f"public-{slug(path)}")


@pytest.mark.parametrize("width", [320, 1280])
def test_no_sideways_scrolling_on_the_child_page_intake_queue_and_report_form(browser, width):
    sign_in(browser, "mentor.ekbacken")
    visit(browser, "/barn")
    child = first_link(browser, "/barn/")
    assert child, main_text(browser)
    browser.set_window_size(width, 900)
    for path in [child, child + "/anmalan"]:
        visit(browser, path)
        assert_no_horizontal_scroll(browser)
        if width == 320:
            full_page_screenshot(browser, f"320-{slug(path)}")
    sign_out(browser)
    sign_in(browser, "mottagning")
    visit(browser, "/mottagning")
    assert_no_horizontal_scroll(browser)
    if width == 320:
        full_page_screenshot(browser, "320-mottagning")
