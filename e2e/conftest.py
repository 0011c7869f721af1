"""Browser tests against a running Samverka (see .ci/run): headless Chromium from Debian,
driven by Selenium, with axe-core checking every page the tests visit."""
import os
import random
import string
import subprocess

import pytest
import requests
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE_URL = os.environ.get("SAMVERKA_BASE_URL", "http://127.0.0.1:8080").rstrip("/")
DEMO_PASSWORD = "samverka-demo"


@pytest.fixture(scope="session")
def base_url():
    return BASE_URL


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=sv-SE"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


# Each stylesheet the page links to, with how many rules the browser loaded from it: a
# sheet that answered 404 (or anything not text/css, refused under nosniff) has none.
STYLESHEETS_JS = """
return Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map(function (link) {
  var rules = -1;
  try { rules = link.sheet ? link.sheet.cssRules.length : -1; } catch (e) { rules = -2; }
  return [link.getAttribute('href'), rules];
});
"""


def assert_styled(driver):
    """The page links a stylesheet and every linked sheet loaded with rules (an unstyled
    page passes axe, so this is checked on its own)."""
    def loaded(_):
        sheets = driver.execute_script(STYLESHEETS_JS)
        return sheets if sheets and all(rules > 0 for _, rules in sheets) else False

    try:
        WebDriverWait(driver, 5).until(loaded)
    except Exception:
        sheets = driver.execute_script(STYLESHEETS_JS)
        raise AssertionError(f"stylesheet not loaded on {driver.current_url}: {sheets or 'no <link rel=stylesheet>'}")


def assert_accessible(driver):
    """axe-core on the current page: no serious or critical violations; and the page is
    styled (every page check goes through here)."""
    assert_styled(driver)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in bad
    )
    assert not bad, f"accessibility violations on {driver.current_url}:\n{report}"


def visit(driver, path):
    driver.get(BASE_URL + path)
    assert_accessible(driver)


def click_and_wait(driver, element):
    """Clicks a submit button or link and waits until the next page has replaced this one."""
    element.click()

    def replaced(_):
        try:
            element.is_enabled()
            return False
        except Exception:  # stale, or gone from the document: the next page is here
            return True

    WebDriverWait(driver, 15).until(replaced)


def submit(driver, label):
    click_and_wait(driver, driver.find_element(By.XPATH, f"//main//button[normalize-space()='{label}']"))


def sign_in(driver, username, password=DEMO_PASSWORD):
    visit(driver, "/logga-in")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, "Logga in")


def sign_out(driver):
    click_and_wait(driver, driver.find_element(By.XPATH, "//header//button[normalize-space()='Logga ut']"))


def luhn(nine):
    total = 0
    for i, ch in enumerate(nine):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    return (10 - total % 10) % 10


def fictitious_number():
    """A valid personnummer in 2016 with a birth number 900-979 (the demo uses 980-999)."""
    month, day, serial = random.randint(1, 12), random.randint(1, 28), random.randint(900, 979)
    nine = f"16{month:02d}{day:02d}{serial:03d}"
    return f"2016{month:02d}{day:02d}-{serial:03d}{luhn(nine)}"


def unique(prefix):
    return prefix + "".join(random.choice(string.ascii_lowercase) for _ in range(6))


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def register_child(driver, number=None, prefix="Oroson"):
    """A fresh child at Ekbackens skola (signed in as its teacher), so that no earlier report or
    investigation about the child changes what intake may decide. Returns the family name; the
    browser is left on the child's page."""
    family = unique(prefix)
    visit(driver, "/barn/ny")
    driver.find_element(By.ID, "identity_number").send_keys(number or fictitious_number())
    driver.find_element(By.ID, "given_name").send_keys("Saga")
    driver.find_element(By.ID, "family_name").send_keys(family)
    Select(driver.find_element(By.ID, "unit_id")).select_by_visible_text("Ekbackens skola")
    driver.find_element(By.ID, "grade").send_keys("3")
    submit(driver, "Registrera barn")
    assert driver.find_element(By.TAG_NAME, "h1").text == f"Saga {family}"
    assert_accessible(driver)
    return family


def report_id_in_mine(driver, family):
    """The id of the newest report about the child in the teacher's /anmalningar."""
    headings = [h for h in driver.find_elements(By.CSS_SELECTOR, "main section.card h2") if family in h.text]
    assert headings, f"no report about {family} in Mina anmälningar"
    href = headings[0].find_element(By.TAG_NAME, "a").get_attribute("pathname")
    return href.rsplit("/", 1)[1]


def open_from_intake_queue(driver, report_id):
    visit(driver, "/mottagning")
    links = driver.find_elements(By.CSS_SELECTOR, f"main a[href='/anmalningar/{report_id}']")
    assert links, f"report {report_id} is not in the intake queue"
    click_and_wait(driver, links[0])
    assert_accessible(driver)


def assert_summary_links_resolve(driver):
    """Every link in the error summary leads to an element on the page, and there is one."""
    targets = [a.get_attribute("hash") for a in driver.find_elements(By.CSS_SELECTOR, "main .error-summary a")]
    assert targets, "no error summary"
    missing = [t for t in targets if not driver.find_elements(By.ID, t[1:])]
    assert not missing, f"error summary links to nothing: {missing}"
    return targets


def child_path_of(driver):
    return "/barn/" + driver.current_url.split("/barn/")[1].split("?")[0].split("/")[0]


def add_guardian(driver, child_path, given, family):
    visit(driver, child_path)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Lägg till vårdnadshavare"))
    assert_accessible(driver)
    driver.find_element(By.ID, "given_name").send_keys(given)
    driver.find_element(By.ID, "family_name").send_keys(family)
    driver.find_element(By.ID, "phone").send_keys("070-111 22 33")
    submit(driver, "Spara vårdnadshavare")
    assert_accessible(driver)
    assert f"{given} {family}" in main_text(driver), main_text(driver)


def fact_in(container, term):
    return container.find_element(By.XPATH, f".//dl[contains(@class,'facts')]/dt[normalize-space()='{term}']/following-sibling::dd[1]").text


def collapsed(text):
    return " ".join(text.split())


def session_of(driver):
    """A requests session signed in as the browser is."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session


def download(session, path, content_type):
    response = session.get(BASE_URL + path, timeout=30)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    assert response.headers["Content-Type"].split(";")[0].strip() == content_type, response.headers["Content-Type"]
    assert response.headers.get("Content-Disposition", "").startswith("attachment"), response.headers
    return response.content


def pdf_text(pdf, tmp_path, name):
    """The text pdftotext reads from a PDF, whitespace collapsed."""
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    file = tmp_path / name
    file.write_bytes(pdf)
    result = subprocess.run(["pdftotext", str(file), "-"], capture_output=True, text=True, check=True, timeout=60)
    return collapsed(result.stdout)
