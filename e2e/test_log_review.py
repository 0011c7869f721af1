"""Emergency access and the log review in a real browser: a teacher of another school takes
emergency access to a pupil of Ekbackens skola; the log reviewer finds the flag, judges it
with a note, and sees it among the reviewed flags. axe on every page."""
from selenium.webdriver.common.by import By

from conftest import (assert_accessible, click_and_wait, fictitious_number, main_text, register_child, sign_in,
                      sign_out, submit, unique, visit)


def test_emergency_access_is_flagged_and_reviewed(browser):
    # A fresh pupil of Ekbackens skola, whose full number the other school's teacher is given.
    # The family name sorts after the demo children, so the other tests' "first child in
    # /barn" is never this one.
    number = fictitious_number()
    sign_in(browser, "mentor.ekbacken")
    family = register_child(browser, number=number, prefix="Öberg")
    child = f"Saga {family}"
    child_path = "/barn/" + browser.current_url.split("/barn/")[1].split("?")[0]
    sign_out(browser)

    sign_in(browser, "mentor.strand")
    visit(browser, child_path)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sidan finns inte"
    click_and_wait(browser, browser.find_element(By.XPATH, "//nav[@aria-label='Huvudmeny']//a[normalize-space()='Nödåtkomst']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Nödåtkomst"
    assert_accessible(browser)
    reason = unique("Saga har skadat sig på utflykten och vi måste nå vårdnadshavarna ")
    browser.find_element(By.ID, "identity_number").send_keys(number)
    browser.find_element(By.ID, "reason").send_keys(reason)
    submit(browser, "Begär nödåtkomst")
    assert browser.current_url.split("?")[0].endswith(child_path), main_text(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == child
    assert "Nödåtkomst till" in browser.find_element(By.CSS_SELECTOR, "main .access-reason").text
    assert_accessible(browser)
    sign_out(browser)

    sign_in(browser, "loggranskare")
    click_and_wait(browser, browser.find_element(By.XPATH, "//nav[@aria-label='Huvudmeny']//a[normalize-space()='Loggkontroll']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Loggkontroll"
    assert_accessible(browser)
    rows = [r for r in browser.find_elements(By.CSS_SELECTOR, "main tr[id^='flagga-']") if reason in r.text]
    assert len(rows) == 1, "the emergency access is not flagged for review"
    row = rows[0]
    flag_id = row.get_attribute("id").split("-", 1)[1]
    cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
    assert cells[1] == "Nödåtkomst", cells
    assert cells[2] == "Mira Mentorsdotter", cells
    assert cells[3] == f"{child} ({number})", cells
    assert cells[4] == f"Nödåtkomst: {reason}", cells

    note = unique("Barnet behövde hjälp, vårdnadshavarna nåddes inte via skolan ")
    row.find_element(By.XPATH, ".//label[normalize-space()='Befogad']/input[@type='radio']").click()
    browser.find_element(By.ID, f"note-{flag_id}").send_keys(note)
    click_and_wait(browser, row.find_element(By.XPATH, ".//button[normalize-space()='Spara bedömning']"))
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Flaggan är granskad."
    assert_accessible(browser)
    assert not browser.find_elements(By.ID, f"flagga-{flag_id}"), "the reviewed flag is still open"
    resolved = browser.find_element(By.XPATH, "//main//section[@aria-labelledby='resolved-heading']")
    assert resolved.find_element(By.TAG_NAME, "h2").text == "Senast granskade"
    reviewed = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in resolved.find_elements(By.CSS_SELECTOR, "tbody tr")]
    ours = [r for r in reviewed if r[5] == note]
    assert len(ours) == 1, reviewed
    assert ours[0][1:5] == ["Nödåtkomst", "Mira Mentorsdotter", f"{child} ({number})", "Befogad"], ours
    sign_out(browser)
