"""The concern path in a real browser: a teacher reports concern about a child, intake
confirms, assesses protection and decides, and the teacher sees only what the law lets her
see; acute reports, the public e-service and another school's access; axe on every page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (assert_accessible, assert_summary_links_resolve, click_and_wait, main_text, open_from_intake_queue,
                      register_child, report_id_in_mine, sign_in, sign_out, submit, unique, visit)

# The report filed in the first test, for the test of another school's access.
filed = {}


def open_child_from_list(driver, family):
    """Finds the child in /barn, page by page, and opens it."""
    visit(driver, "/barn")
    while True:
        links = driver.find_elements(By.XPATH, f"//main//table//a[contains(normalize-space(), '{family}')]")
        if links:
            click_and_wait(driver, links[0])
            assert_accessible(driver)
            return
        following = driver.find_elements(By.XPATH, "//nav[@aria-label='Sidor']//a[normalize-space()='Nästa sida']")
        assert following, f"the child {family} is not in /barn"
        click_and_wait(driver, following[0])
        assert_accessible(driver)


def card_for(driver, report_id):
    return driver.find_element(By.XPATH, f"//main//section[@aria-labelledby='r{report_id}']")


def facts(driver):
    return driver.find_element(By.CSS_SELECTOR, "main dl.facts")


def fact(driver, term):
    return facts(driver).find_element(By.XPATH, f"./dt[normalize-space()='{term}']/following-sibling::dd[1]").text


def test_teacher_reports_intake_decides_teacher_sees_feedback(browser):
    sign_in(browser, "mentor.ekbacken")
    family = register_child(browser)
    open_child_from_list(browser, family)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Gör en orosanmälan"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Orosanmälan om Saga {family}"
    assert_accessible(browser)

    # First without observations: the error is by the field and the rest is kept.
    browser.find_element(By.ID, "since").send_keys("Sedan höstlovet")
    browser.find_element(By.ID, "actions_taken").send_keys("Samtal med eleven och kuratorn.")
    browser.find_element(By.ID, "reporter_contact").send_keys("070-123 45 67, Maja")
    browser.find_element(By.ID, "informed_yes").click()
    submit(browser, "Skicka anmälan")
    error = browser.find_element(By.ID, "observations-error")
    assert error.text, "no error text by the observations field"
    observations = browser.find_element(By.ID, "observations")
    assert observations.get_attribute("aria-invalid") == "true"
    assert "observations-error" in observations.get_attribute("aria-describedby")
    assert error.find_element(By.XPATH, "./ancestor::div[contains(@class,'field')][1]//textarea").get_attribute("id") == "observations"
    assert browser.find_element(By.ID, "since").get_attribute("value") == "Sedan höstlovet"
    assert browser.find_element(By.ID, "actions_taken").get_attribute("value") == "Samtal med eleven och kuratorn."
    assert browser.find_element(By.ID, "reporter_contact").get_attribute("value") == "070-123 45 67, Maja"
    assert browser.find_element(By.ID, "informed_yes").is_selected()
    assert assert_summary_links_resolve(browser) == ["#observations"]
    assert not any(browser.find_element(By.ID, f"acute_{g}").is_selected() for g in
                   ("sexual-abuse", "physical-abuse", "honour-violence", "close-relation-violence"))
    assert_accessible(browser)

    observations.send_keys("Saga kommer ofta hungrig till skolan och säger att hon inte får vara hemma på kvällarna.")
    submit(browser, "Skicka anmälan")
    assert browser.current_url.split("?")[0].endswith("/anmalningar")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Mina anmälningar"
    assert_accessible(browser)
    report_id = report_id_in_mine(browser, family)
    card = card_for(browser, report_id)
    assert card.find_elements(By.XPATH, ".//button[normalize-space()='Begär återkoppling']")
    assert "Mottagen av" not in card.text
    filed.update(id=report_id, family=family)
    sign_out(browser)

    reasons = unique("Skälen för beslutet är hemliga ")
    sign_in(browser, "mottagning")
    assert "Moa Mottagningsson" in browser.find_element(By.TAG_NAME, "header").text
    open_from_intake_queue(browser, report_id)
    assert f"Saga {family}" in fact(browser, "Barn")
    assert fact(browser, "Vårdnadshavare") == "Vårdnadshavare har informerats om anmälan"
    assert fact(browser, "Mottagen") == "Inte bekräftad"
    submit(browser, "Bekräfta mottagandet")
    assert_accessible(browser)
    assert "Moa Mottagningsson" in fact(browser, "Mottagen")

    submit(browser, "Spara skyddsbedömningen")
    assert "#protection_needed" in assert_summary_links_resolve(browser)
    assert browser.find_element(By.ID, "protection_needed-error").text
    assert_accessible(browser)
    browser.find_element(By.ID, "protection_no").click()
    assert browser.find_element(By.ID, "decision_date").get_attribute("value"), "the decision date is not prefilled"
    browser.find_element(By.ID, "reasons").send_keys("Inget som tyder på att barnet behöver omedelbart skydd.")
    submit(browser, "Spara skyddsbedömningen")
    assert_accessible(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "main .field-error, main .error-summary"), main_text(browser)

    submit(browser, "Spara beslutet")
    assert "#outcome" in assert_summary_links_resolve(browser)
    assert browser.find_element(By.ID, "outcome-error").text
    assert_accessible(browser)
    browser.find_element(By.ID, "outcome_open").click()
    officers = Select(browser.find_element(By.ID, "case_officer"))
    choices = [o for o in officers.options if o.get_attribute("value")]
    assert choices, "no case officers to choose"
    officers.select_by_value(choices[0].get_attribute("value"))
    assert browser.find_element(By.ID, "decision_date").get_attribute("value"), "the decision date is not prefilled"
    browser.find_element(By.ID, "reasons").send_keys(reasons)
    submit(browser, "Spara beslutet")
    assert_accessible(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "main .field-error, main .error-summary"), main_text(browser)
    assert reasons in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_elements(By.LINK_TEXT, "Öppna utredningen")
    sign_out(browser)

    sign_in(browser, "mentor.ekbacken")
    visit(browser, "/anmalningar")
    card = card_for(browser, report_id)
    assert "Mottagen av Moa Mottagningsson" in card.text
    assert "Utredning har inletts." in card.text
    assert reasons not in browser.page_source
    assert "Skälen för beslutet" not in browser.page_source
    visit(browser, f"/anmalningar/{report_id}")
    assert "Utredning har inletts." in main_text(browser)
    assert reasons not in browser.page_source
    sign_out(browser)


def test_acute_report_never_tells_guardians(browser):
    sign_in(browser, "mentor.ekbacken")
    family = register_child(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Gör en orosanmälan"))
    assert_accessible(browser)
    browser.find_element(By.ID, "acute_physical-abuse").click()
    browser.find_element(By.ID, "observations").send_keys("Saga har blåmärken på armarna och säger att pappa slog henne.")
    browser.find_element(By.ID, "reporter_contact").send_keys("070-123 45 67")
    browser.find_element(By.ID, "informed_yes").click()
    browser.find_element(By.ID, "joint_meeting").click()
    submit(browser, "Skicka anmälan")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Mina anmälningar", main_text(browser)
    assert_accessible(browser)
    report_id = report_id_in_mine(browser, family)
    sign_out(browser)

    sign_in(browser, "mottagning")
    open_from_intake_queue(browser, report_id)
    assert "ska inte informeras" in fact(browser, "Vårdnadshavare")
    assert "har informerats om anmälan" not in facts(browser).text
    assert "anmälningsmöte med familjen" not in facts(browser).text
    assert not facts(browser).find_elements(By.XPATH, "./dt[normalize-space()='Anmälningsmöte']")
    assert "Akut oro" in main_text(browser)
    sign_out(browser)


def test_public_form_anonymous(browser):
    visit(browser, "/e-tjanst/anmalan")
    submit(browser, "Skicka anmälan")
    assert "kvittonummer" not in main_text(browser)
    assert browser.find_element(By.ID, "reporter_kind-error").text
    # Every missing field is reported at once, not one round at a time.
    assert set(assert_summary_links_resolve(browser)) == {"#reporter_kind", "#child_name", "#observations"}
    assert "reporter_kind-error" in browser.find_element(By.ID, "reporter_kind").get_attribute("aria-describedby")
    assert_accessible(browser)

    browser.find_element(By.ID, "rk_anonymous").click()
    submit(browser, "Skicka anmälan")
    assert "kvittonummer" not in main_text(browser)
    for field in ("child_name", "observations"):
        assert browser.find_element(By.ID, f"{field}-error").text, f"no error by {field}"
        element = browser.find_element(By.ID, field)
        assert element.get_attribute("aria-invalid") == "true", field
        assert f"{field}-error" in element.get_attribute("aria-describedby"), field
    assert browser.find_element(By.ID, "rk_anonymous").is_selected()
    assert set(assert_summary_links_resolve(browser)) == {"#child_name", "#observations"}
    assert_accessible(browser)

    child = "Tindra " + unique("Anonymsson")
    browser.find_element(By.ID, "rk_anonymous").click()
    browser.find_element(By.ID, "child_name").send_keys(child)
    browser.find_element(By.ID, "child_school").send_keys("Ekbackens skola")
    browser.find_element(By.ID, "observations").send_keys("Barnet är ute ensamt sent på kvällarna i alla väder.")
    browser.find_element(By.ID, "since").send_keys("Några veckor")
    submit(browser, "Skicka anmälan")
    assert "För många anmälningar" not in main_text(browser), \
        "the e-service throttles 5 reports an hour from one address: restart the server with a fresh --data folder"
    assert "kvittonummer" in main_text(browser), main_text(browser)
    receipt = browser.find_element(By.CSS_SELECTOR, "main .notice strong").text
    assert receipt.strip(), "no receipt number"
    assert_accessible(browser)

    sign_in(browser, "mottagning")
    visit(browser, "/mottagning")
    groups = [g for g in browser.find_elements(By.CSS_SELECTOR, "main section.card") if child in g.text]
    assert groups, f"{child} is not in the intake queue"
    assert receipt in groups[0].text
    sign_out(browser)


def test_other_school_cannot_open_report(browser):
    sign_in(browser, "mentor.strand")
    visit(browser, "/anmalningar/999999")
    not_found = browser.find_element(By.TAG_NAME, "h1").text
    assert not_found == "Sidan finns inte"

    if filed:
        report_id, family = filed["id"], filed["family"]
    else:  # run alone: file one as Ekbacken's teacher first
        sign_out(browser)
        sign_in(browser, "mentor.ekbacken")
        family = register_child(browser)
        click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Gör en orosanmälan"))
        browser.find_element(By.ID, "observations").send_keys("Saga är ofta ledsen och vill inte gå hem.")
        browser.find_element(By.ID, "reporter_contact").send_keys("070-123 45 67")
        browser.find_element(By.ID, "informed_no").click()
        submit(browser, "Skicka anmälan")
        report_id = report_id_in_mine(browser, family)
        sign_out(browser)
        sign_in(browser, "mentor.strand")

    visit(browser, f"/anmalningar/{report_id}")
    assert browser.find_element(By.TAG_NAME, "h1").text == not_found
    assert family not in browser.page_source
    assert "Mira Mentorsdotter" in browser.find_element(By.TAG_NAME, "header").text
    visit(browser, "/anmalningar")
    assert family not in browser.page_source
    sign_out(browser)
