"""A Trampolinen family in a real browser (issue 18's acceptance test): Ekbacken's rektor
nominates a family from the child page (refused first without needs at home, with what was
typed kept), brings it to the steering group with the socialsekreterare; the steering group
selects it; the family's yes and consent name the team; the socialsekreterare writes the
vårdplan and the skolsocionom the Trampolinutredning, anchored afterwards; the biträdande
IFO-chef grants the support in the decision forum; the behandlingsassistent writes the
genomförandeplan and a weekly check-in; the socialsekreterare books the monthly follow-up;
the rektor closes with the family, the steering group holds the internal closure and the
socialsekreterare records the follow-up after three months. axe on every page; the termly
report's PDF is read with pdftotext."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (download, pdf_text, session_of, assert_accessible, assert_summary_links_resolve, click_and_wait, main_text, register_child,
                      sign_in, sign_out, submit, visit)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def fill(driver, field, value):
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def tick(driver, form, label):
    """Ticks the checkbox or radio of a form whose label contains the text."""
    box = driver.find_element(By.XPATH, f"//form[contains(@action,'/{form}')]//label[contains(normalize-space(), '{label}')]/preceding-sibling::input[1]")
    if not box.is_selected():
        box.click()


def as_user(driver, username, path):
    sign_out(driver)
    sign_in(driver, username)
    visit(driver, path)


def test_a_trampolinen_family_from_nomination_to_the_follow_up_after_closure(browser, tmp_path):
    today = datetime.now(STOCKHOLM).date()
    sign_in(browser, "rektor.ekbacken")
    family = register_child(browser, prefix="Trampolinson")
    child_name = f"Saga {family}"
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Föreslå till Ragunda Trampolinen"))
    assert_accessible(browser)
    # The level comes from the registry (grade 3).
    assert Select(browser.find_element(By.ID, "child_1_level")).first_selected_option.get_attribute("value") == "3"
    browser.find_element(By.ID, "nominated_by_school-eht").click()
    fill(browser, "eht_meeting_on", (today - timedelta(days=2)).isoformat())
    fill(browser, "concern_since", (today - timedelta(days=250)).isoformat())
    fill(browser, "concern", "Problematisk frånvaro sedan förra läsåret")
    fill(browser, "earlier_measures", "Extra anpassningar och föräldrastöd har inte räckt till")
    browser.find_element(By.ID, "needs_at_school").click()
    fill(browser, "needs_description", "Struktur i skoldagen och stöd hemma med morgnarna")
    browser.find_element(By.ID, "applied_check").click()
    fill(browser, "applied_on", today.isoformat())
    submit(browser, "Föreslå familjen")
    assert_accessible(browser)
    assert_summary_links_resolve(browser)
    assert "Behov i hemmet" in main_text(browser), main_text(browser)
    assert browser.find_element(By.ID, "concern").get_attribute("value") == "Problematisk frånvaro sedan förra läsåret"
    browser.find_element(By.ID, "needs_at_home").click()
    submit(browser, "Föreslå familjen")
    assert_accessible(browser)
    assert "Familjen är nominerad" in main_text(browser), main_text(browser)
    family_path = "/" + browser.current_url.split("?")[0].split("/", 3)[3]

    Select(browser.find_element(By.ID, "initiera-case_officer")).select_by_visible_text("Ulf Utredarsson (socialsekreterare)")
    submit(browser, "För familjen till styrgruppen")
    assert_accessible(browser)
    assert "Hos styrgruppen" in main_text(browser)

    # The steering group: verksamhetschef för elevhälsan.
    as_user(browser, "elevhalsochef", "/program/styrgrupp")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, child_name))
    assert_accessible(browser)
    Select(browser.find_element(By.ID, "styrgrupp-kind")).select_by_value("select")
    fill(browser, "styrgrupp-reasons", "Uppfyller kriterierna; behov både i skolan och från IFO")
    submit(browser, "Registrera beslutet")
    assert_accessible(browser)
    assert "Utsedd" in main_text(browser)

    # Rektor records the family's yes and the consent naming the team.
    as_user(browser, "rektor.ekbacken", family_path)
    tick(browser, "svar", "Ja, familjen tackar ja")
    fill(browser, "svar-informed_by", "Rektor och socialsekreterare")
    fill(browser, "svar-consent_given_by", "Båda vårdnadshavarna")
    for person in ("Rut Rektorsdotter", "Ulf Utredarsson", "Bo Behandlarsson", "Sofia Socionomsdotter", "Maja Mentorsson"):
        tick(browser, "svar", person)
    submit(browser, "Registrera familjens svar")
    assert_accessible(browser)
    assert "Förberedelsearbete" in main_text(browser)

    # The socialsekreterare writes the vårdplan, anchored at once.
    as_user(browser, "utredare", family_path)
    Select(browser.find_element(By.ID, "dokument-document_key")).select_by_value("vardplan")
    Select(browser.find_element(By.ID, "dokument-child_id")).select_by_visible_text(child_name)
    fill(browser, "dokument-summary", "Situationen vid start: konflikter på morgnarna och hög frånvaro")
    fill(browser, "dokument-anchored_on", today.isoformat())
    fill(browser, "dokument-anchored_with", "Saga och vårdnadshavarna")
    submit(browser, "Registrera dokumentet")
    assert_accessible(browser)

    # The skolsocionom writes the Trampolinutredning and anchors it afterwards.
    as_user(browser, "skolsocionom", family_path)
    Select(browser.find_element(By.ID, "dokument-document_key")).select_by_value("trampolinutredning")
    fill(browser, "dokument-summary", "Skolsituationen vid start: 30 % frånvaro")
    submit(browser, "Registrera dokumentet")
    assert_accessible(browser)
    assert "Inte förankrad" in main_text(browser)
    anchored_with = browser.find_element(By.CSS_SELECTOR, "main input[id^='forankra-'][name='anchored_with']")
    anchored_with.send_keys("Saga och vårdnadshavarna")
    submit(browser, "Registrera förankringen")
    assert_accessible(browser)
    assert "Förankringen är registrerad" in main_text(browser)

    # The decision forum: the biträdande IFO-chef grants the support.
    as_user(browser, "bitradande.ifochef", family_path)
    fill(browser, "bevilja-reasons", "Vårdplan och Trampolinutredning finns och är förankrade")
    submit(browser, "Bevilja insatsen")
    assert_accessible(browser)
    assert "Insatsen beviljad" in main_text(browser) and "Pågående insats" in main_text(browser)

    # The behandlingsassistent: the genomförandeplan and a weekly check-in.
    as_user(browser, "behandlingsassistent", family_path)
    Select(browser.find_element(By.ID, "plan-document_key")).select_by_value("genomforandeplan")
    fill(browser, "plan-summary", "Stöd hemma med morgonrutiner")
    fill(browser, "plan-goal_1", "Fungerande morgnar fyra dagar av fem")
    fill(browser, "plan-action_1_what", "Hembesök tisdagar och torsdagar")
    Select(browser.find_element(By.ID, "plan-action_1_responsible")).select_by_visible_text("Bo Behandlarsson (behandlingsassistent)")
    fill(browser, "plan-action_1_due_on", (today + timedelta(days=30)).isoformat())
    submit(browser, "Registrera dokumentet")
    assert_accessible(browser)
    Select(browser.find_element(By.ID, "anteckning-kind")).select_by_value("check-in")
    fill(browser, "anteckning-participants", "Bo och Sofia")
    fill(browser, "anteckning-works", "Morgonschemat")
    fill(browser, "anteckning-does_not_work", "Övergången efter lunch")
    submit(browser, "Spara avstämningen")
    assert_accessible(browser)
    assert "Övergången efter lunch" in main_text(browser)

    # The socialsekreterare books the monthly follow-up on the meeting machinery.
    as_user(browser, "utredare", family_path)
    fill(browser, "mote-date", (today + timedelta(days=7)).isoformat())
    fill(browser, "mote-start_time", "14:00")
    fill(browser, "mote-end_time", "15:00")
    fill(browser, "mote-place", "Ekbackens skola")
    fill(browser, "mote-guardians", "Vårdnadshavarna")
    submit(browser, "Boka mötet")
    assert_accessible(browser)
    assert "/moten/" in browser.current_url, main_text(browser)

    # Rektor closes with the family.
    as_user(browser, "rektor.ekbacken", family_path)
    fill(browser, "avslut-participants", "Familjen och teamet")
    fill(browser, "avslut-situation_now", "Närvaron är bättre")
    fill(browser, "avslut-against_goal", "Målet är i stort sett nått")
    fill(browser, "avslut-experience_1", "Vårdnadshavarna: tryggt att skola och IFO pratade med varandra")
    for radio in browser.find_elements(By.CSS_SELECTOR, "form[action$='/avslut'] input[type='radio'][value='ja']"):
        radio.click()
    submit(browser, "Spara")
    assert_accessible(browser)
    assert "Avslutad, uppföljning återstår" in main_text(browser), main_text(browser)

    # The steering group's internal closure, and its reports.
    as_user(browser, "elevhalsochef", family_path)
    fill(browser, "internt-participants", "Styrgruppen och personalen")
    fill(browser, "internt-keep", "Veckoavstämningarna")
    fill(browser, "internt-improve", "Snabbare förberedelse")
    submit(browser, "Anteckna det interna avslutet")
    assert_accessible(browser)
    visit(browser, "/program/terminsrapport")
    assert child_name not in main_text(browser)
    report = pdf_text(download(session_of(browser), "/program/terminsrapport.pdf", "application/pdf"), tmp_path, "rapport.pdf")
    assert "terminsrapport" in report
    visit(browser, "/program/arssammanstallning")
    assert "<5" in main_text(browser)

    # The follow-up after closure, called by the socialsekreterare.
    as_user(browser, "utredare", family_path)
    fill(browser, "uppfoljning-participants", "Familjen och socialsekreteraren")
    fill(browser, "uppfoljning-situation", "Stabilt hemma och i skolan")
    browser.find_element(By.ID, "uppfoljning-further_nej").click()
    for radio in browser.find_elements(By.CSS_SELECTOR, "form[action$='/uppfoljning'] input[type='radio'][value='ja']"):
        radio.click()
    submit(browser, "Spara")
    assert_accessible(browser)
    assert "Avslutad och uppföljd" in main_text(browser), main_text(browser)

    # Someone outside the programme gets the not-found page.
    as_user(browser, "mentor.strand", "/program")
    browser.get(browser.current_url.split("/program")[0] + family_path)
    assert child_name not in main_text(browser)
    assert_accessible(browser)
