"""The foundation in a real browser: sign in, register a child, find it, and see the visit
in the audit log as the log reviewer; axe on every page visited."""
import random
import string

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, fictitious_number, sign_in, sign_out, submit, visit


def test_sign_in_page_and_wrong_password(browser):
    visit(browser, "/logga-in")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Logga in"
    sign_in(browser, "mentor.ekbacken", "fel-lösenord")
    summary = browser.find_element(By.CLASS_NAME, "error-summary")
    assert "Fel användarnamn eller lösenord" in summary.text
    assert_accessible(browser)


def test_register_find_and_audit(browser):
    number = fictitious_number()
    family = "Provsson" + "".join(random.choice(string.ascii_lowercase) for _ in range(5))

    sign_in(browser, "mentor.ekbacken")
    assert "Maja Mentorsson" in browser.find_element(By.TAG_NAME, "header").text
    assert_accessible(browser)

    visit(browser, "/barn/ny")
    browser.find_element(By.ID, "identity_number").send_keys(number)
    browser.find_element(By.ID, "given_name").send_keys("Ester")
    browser.find_element(By.ID, "family_name").send_keys(family)
    Select(browser.find_element(By.ID, "unit_id")).select_by_visible_text("Ekbackens skola")
    browser.find_element(By.ID, "grade").send_keys("4")
    submit(browser, "Registrera barn")
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Ester {family}"
    child_path = "/barn/" + browser.current_url.split("/barn/")[1].split("?")[0]
    assert_accessible(browser)

    for query in (family.lower()[:9], number):
        visit(browser, "/sok")
        field = browser.find_element(By.ID, "q")
        field.clear()
        field.send_keys(query)
        submit(browser, "Sök")
        links = browser.find_elements(By.CSS_SELECTOR, f"ul.results a[href='{child_path}']")
        assert links, f"search for {query!r} did not find the child"
        assert_accessible(browser)
    click_and_wait(browser, links[0])
    assert family in browser.find_element(By.TAG_NAME, "h1").text
    sign_out(browser)

    sign_in(browser, "loggranskare")
    visit(browser, "/logg")
    browser.find_element(By.ID, "identity_number").send_keys(number)
    Select(browser.find_element(By.ID, "action")).select_by_visible_text("Läsning")
    submit(browser, "Filtrera")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.audit tbody tr")
    assert any("Maja Mentorsson" in r.text and family in r.text for r in rows), "the visit is not in the log"
    assert_accessible(browser)
    sign_out(browser)


def test_bad_number_keeps_what_was_typed(browser):
    sign_in(browser, "mentor.ekbacken")
    visit(browser, "/barn/ny")
    valid = fictitious_number()
    bad = valid[:-1] + str((int(valid[-1]) + 1) % 10)  # the wrong check digit
    browser.find_element(By.ID, "identity_number").send_keys(bad)
    browser.find_element(By.ID, "given_name").send_keys("Kvarstår")
    browser.find_element(By.ID, "family_name").send_keys("Inskrivensson")
    submit(browser, "Registrera barn")
    error = browser.find_element(By.ID, "identity_number-error")
    assert "Kontrollsiffran" in error.text
    assert browser.find_element(By.ID, "identity_number").get_attribute("value") == bad
    assert browser.find_element(By.ID, "given_name").get_attribute("value") == "Kvarstår"
    assert browser.find_element(By.ID, "family_name").get_attribute("value") == "Inskrivensson"
    assert_accessible(browser)


def test_other_school_cannot_open_child_and_admin_pages(browser):
    sign_in(browser, "mentor.ekbacken")
    visit(browser, "/barn")
    child_path = browser.find_element(By.CSS_SELECTOR, "main table a[href^='/barn/']").get_attribute("pathname")
    sign_out(browser)

    sign_in(browser, "mentor.strand")
    visit(browser, child_path)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sidan finns inte"
    assert "Mira Mentorsdotter" in browser.find_element(By.TAG_NAME, "header").text
    # A page the role does not open says so, with the reason; never the stale-form page.
    visit(browser, "/admin")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ingen åtkomst"
    assert "Formuläret var för gammalt" not in browser.page_source
    sign_out(browser)

    sign_in(browser, "admin")
    visit(browser, "/admin")
    assert "Ekbackens skola" in browser.page_source
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a[href^='/admin/personal/']"))
    assert_accessible(browser)
    visit(browser, child_path)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sidan finns inte"
