"""The secrecy barrier in a real browser (the consent issue's acceptance test): a school staff
member cannot see an investigation; a consent is registered; she now sees exactly the named
categories; the consent is withdrawn; the access is gone. axe on every page."""
from datetime import date, timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (add_guardian, assert_accessible, assert_summary_links_resolve, child_path_of, click_and_wait, fact_in, main_text,
                      open_from_intake_queue, register_child, report_id_in_mine, sign_in, sign_out, submit, unique, visit)

STATUS_CATEGORY = "Att utredning inletts eller avslutats"


def shared_section(driver):
    """The child page's section of what social services shares by consent, or None."""
    found = driver.find_elements(By.XPATH, "//main//section[@aria-labelledby='shared-heading']")
    return found[0] if found else None


def shared_rows(driver):
    section = shared_section(driver)
    if section is None:
        return []
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in section.find_elements(By.CSS_SELECTOR, "tbody tr")]


def assert_school_sees_nothing_from_social_services(driver, child_path):
    visit(driver, child_path)
    text = main_text(driver)
    assert shared_section(driver) is None, text
    assert "Från socialtjänsten, med samtycke" not in text
    assert "Utredning inledd" not in text
    assert "Insats:" not in text
    assert "Föräldrastöd" not in driver.page_source


def open_investigation_for(driver, family, guardian_names):
    """As Ekbacken's teacher: a fresh child with two guardians and a report of concern; as
    intake: receipt, protection assessment and an investigation with utredare as case officer;
    as utredare: an intervention (a category the consent will not name). Returns the child's
    path and the day the investigation was opened."""
    child_path = child_path_of(driver)
    for given in guardian_names:
        add_guardian(driver, child_path, given, family)

    visit(driver, child_path)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Gör en orosanmälan"))
    assert_accessible(driver)
    driver.find_element(By.ID, "observations").send_keys("Saga säger att hon inte får äta hemma och är ofta trött.")
    driver.find_element(By.ID, "reporter_contact").send_keys("070-123 45 67, Maja")
    driver.find_element(By.ID, "informed_yes").click()
    submit(driver, "Skicka anmälan")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Mina anmälningar", main_text(driver)
    assert_accessible(driver)
    report_id = report_id_in_mine(driver, family)
    sign_out(driver)

    sign_in(driver, "mottagning")
    open_from_intake_queue(driver, report_id)
    submit(driver, "Bekräfta mottagandet")
    assert_accessible(driver)
    driver.find_element(By.ID, "protection_no").click()
    driver.find_element(By.ID, "reasons").send_keys("Inget som tyder på att barnet behöver omedelbart skydd.")
    submit(driver, "Spara skyddsbedömningen")
    assert_accessible(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "main .field-error, main .error-summary"), main_text(driver)
    driver.find_element(By.ID, "outcome_open").click()
    officers = Select(driver.find_element(By.ID, "case_officer"))
    ulf = [o for o in officers.options if "Ulf Utredarsson" in o.text]
    assert ulf, f"utredare is not among the case officers: {[o.text for o in officers.options]}"
    officers.select_by_value(ulf[0].get_attribute("value"))
    driver.find_element(By.ID, "reasons").send_keys("Uppgifterna behöver utredas.")
    submit(driver, "Spara beslutet")
    assert_accessible(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "main .field-error, main .error-summary"), main_text(driver)
    investigation_path = driver.find_element(By.LINK_TEXT, "Öppna utredningen").get_attribute("pathname")
    sign_out(driver)

    sign_in(driver, "utredare")
    visit(driver, investigation_path)
    assert "Ulf Utredarsson" in fact_in(driver, "Ansvarig socialsekreterare")
    opened = fact_in(driver, "Inledd")[:10]
    driver.find_element(By.XPATH, "//main//summary[normalize-space()='Besluta insats']").click()
    Select(driver.find_element(By.ID, "iv_kind")).select_by_visible_text("Föräldrastöd")
    assert driver.find_element(By.ID, "iv_start").get_attribute("value"), "the start date is not prefilled"
    driver.find_element(By.ID, "iv_responsible").send_keys("Fia Familjebehandlare")
    driver.find_element(By.ID, "iv_reasons").send_keys("Föräldrarna behöver stöd under utredningen.")
    submit(driver, "Spara insatsen")
    assert_accessible(driver)
    assert "Föräldrastöd" in driver.find_element(By.XPATH, "//main//h2[normalize-space()='Insatser']/following-sibling::ul[1]").text, main_text(driver)
    sign_out(driver)
    return child_path, opened


def test_consent_lets_school_see_named_categories_until_withdrawn(browser):
    sign_in(browser, "mentor.ekbacken")
    family = register_child(browser)
    guardians = ("Anna", "Erik")
    child_path, opened = open_investigation_for(browser, family, guardians)

    # No consent: Ekbacken's teacher sees nothing of the investigation.
    sign_in(browser, "mentor.ekbacken")
    assert_school_sees_nothing_from_social_services(browser, child_path)
    sign_out(browser)

    # The principal is not offered social services' categories: only the holder of a secret
    # records the consent that releases it (OSL 12:2, 26:1).
    sign_in(browser, "rektor.ekbacken")
    visit(browser, child_path + "/samtycken/nytt")
    assert not browser.find_elements(By.ID, "category_investigation-status"), main_text(browser)
    assert browser.find_elements(By.ID, "category_attendance")
    sign_out(browser)

    # The case officer records the guardians' oral consent, from social services' own record of
    # the guardians (the school's entries never cross): the school unit, one category.
    sign_in(browser, "utredare")
    for given in guardians:
        add_guardian(browser, child_path, given, family)
    visit(browser, child_path)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Samtycken till samverkan"))
    assert_accessible(browser)
    assert "Inga samtycken registrerade." in main_text(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Registrera nytt samtycke"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Registrera samtycke för Saga {family}"
    assert_accessible(browser)

    # First with one guardian of two and no witness: refused, with the errors by the fields
    # and everything else kept.
    browser.find_element(By.ID, "giver-guardians").click()
    boxes = browser.find_elements(By.CSS_SELECTOR, "#guardian_ids input[type='checkbox']")
    labels = [browser.find_element(By.CSS_SELECTOR, f"label[for='{b.get_attribute('id')}']").text for b in boxes]
    assert sorted(labels) == [f"{g} {family}" for g in guardians]
    boxes[0].click()
    school = browser.find_elements(By.XPATH, "//fieldset[@id='parties']//label[starts-with(normalize-space(), 'Ekbackens skola (')]")
    assert len(school) == 1, "Ekbackens skola is not a party to choose"
    school_box = school[0].get_attribute("for")
    browser.find_element(By.ID, school_box).click()
    browser.find_element(By.ID, "category_investigation-status").click()
    Select(browser.find_element(By.ID, "purpose_kind")).select_by_value("investigation")
    purpose = unique("Samverkan kring Sagas skolgång under utredningen ")
    browser.find_element(By.ID, "purpose").send_keys(purpose)
    valid_from = browser.find_element(By.ID, "valid_from").get_attribute("value")
    assert valid_from, "the start date is not prefilled"
    valid_to = (date.fromisoformat(valid_from) + timedelta(days=120)).isoformat()
    browser.find_element(By.ID, "valid_to").send_keys(valid_to)
    browser.find_element(By.ID, "method-oral").click()
    submit(browser, "Registrera samtycket")
    assert browser.current_url.split("?")[0].endswith(child_path + "/samtycken/nytt")
    assert len(browser.find_elements(By.CSS_SELECTOR, "main .error-summary")) == 1, "more than one error summary"
    assert set(assert_summary_links_resolve(browser)) == {"#guardian_ids", "#witness"}
    assert "båda vårdnadshavarna" in browser.find_element(By.ID, "guardian_ids-error").text
    assert browser.find_element(By.ID, "guardian_ids").get_attribute("aria-describedby") == "guardian_ids-error"
    witness = browser.find_element(By.ID, "witness")
    assert witness.get_attribute("aria-invalid") == "true"
    assert witness.get_attribute("aria-describedby") == "witness-error" and browser.find_element(By.ID, "witness-error").text
    assert browser.find_element(By.ID, "giver-guardians").is_selected()
    assert [b.is_selected() for b in browser.find_elements(By.CSS_SELECTOR, "#guardian_ids input[type='checkbox']")] == [True, False]
    assert browser.find_element(By.ID, school_box).is_selected()
    assert [c.get_attribute("id") for c in browser.find_elements(By.CSS_SELECTOR, "#categories input:checked")] == ["category_investigation-status"]
    assert Select(browser.find_element(By.ID, "purpose_kind")).first_selected_option.get_attribute("value") == "investigation"
    assert browser.find_element(By.ID, "purpose").get_attribute("value") == purpose
    assert browser.find_element(By.ID, "valid_to").get_attribute("value") == valid_to
    assert browser.find_element(By.ID, "method-oral").is_selected()
    assert_accessible(browser)

    # Both guardians, and the witness.
    browser.find_elements(By.CSS_SELECTOR, "#guardian_ids input[type='checkbox']")[1].click()
    browser.find_element(By.ID, "witness").send_keys("Kim Kurator")
    submit(browser, "Registrera samtycket")

    assert browser.current_url.split("?")[0].endswith(child_path + "/samtycken"), main_text(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Samtycket är registrerat."
    assert_accessible(browser)
    articles = browser.find_elements(By.CSS_SELECTOR, "main article.consent")
    assert len(articles) == 1
    consent = articles[0]
    consent_id = consent.get_attribute("aria-labelledby").split("-", 1)[1]
    assert consent.find_element(By.TAG_NAME, "h2").text == f"Samtycke nr {consent_id}: Gäller"
    assert fact_in(consent, "Uppgifter") == STATUS_CATEGORY
    assert fact_in(consent, "Parter") == "Ekbackens skola"
    assert all(f"{g} {family}" in fact_in(consent, "Lämnat av") for g in guardians)
    assert fact_in(consent, "Syfte") == f"Samverkan under utredning: {purpose}"
    assert fact_in(consent, "Gäller") == f"{valid_from} – {valid_to}"
    assert fact_in(consent, "Hur det lämnades") == "Muntligt, med vittne, vittne: Kim Kurator"
    sign_out(browser)

    # The teacher now sees the investigation's status, and nothing the consent does not name.
    sign_in(browser, "mentor.ekbacken")
    visit(browser, child_path)
    rows = shared_rows(browser)
    assert len(rows) == 1, main_text(browser)
    text, category, reason = rows[0]
    assert text == f"Utredning inledd {opened}", text
    assert category == STATUS_CATEGORY
    assert f"Samtycke nr {consent_id}" in reason
    assert "Insats:" not in main_text(browser)
    assert "Föräldrastöd" not in browser.page_source
    sign_out(browser)

    # The guardians withdraw the consent; the principal records it.
    sign_in(browser, "rektor.ekbacken")
    visit(browser, child_path + "/samtycken")
    browser.find_element(By.ID, f"withdrawn_by-{consent_id}").send_keys(f"Anna {family}, per telefon")
    consent = browser.find_element(By.XPATH, f"//main//article[@aria-labelledby='consent-{consent_id}']")
    click_and_wait(browser, consent.find_element(By.XPATH, ".//button[normalize-space()='Återkalla samtycket']"))
    assert browser.current_url.split("?")[0].endswith(child_path + "/samtycken"), main_text(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Samtycket är återkallat. Åtkomsten upphörde direkt."
    assert_accessible(browser)
    consent = browser.find_element(By.XPATH, f"//main//article[@aria-labelledby='consent-{consent_id}']")
    assert consent.find_element(By.TAG_NAME, "h2").text == f"Samtycke nr {consent_id}: Återkallat"
    assert f"av Anna {family}, per telefon" in fact_in(consent, "Återkallat")
    assert not consent.find_elements(By.TAG_NAME, "form"), "a withdrawn consent can be withdrawn again"
    sign_out(browser)

    # The access ended at once.
    sign_in(browser, "mentor.ekbacken")
    assert_school_sees_nothing_from_social_services(browser, child_path)
    sign_out(browser)
