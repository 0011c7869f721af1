"""Forums in a real browser (issue 19's acceptance test, points 1-4): the chair of LSG Norra
books a meeting of the group, adds a de-identified item (warned first when it names a child
of the registry), writes the minutes with an action for a member, and the action is on that
member's work list, as is the group's shortfall of meetings on the chair's. The yearly wheel
and the action plan open for a member; an SSPF agenda item naming a child is refused by the
field. axe on every page."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import assert_accessible, click_and_wait, main_text, sign_in, sign_out, submit, visit

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def fill(driver, field, value):
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def open_forum(driver, name):
    visit(driver, "/forum")
    assert_accessible(driver)
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, name))
    assert_accessible(driver)


def test_a_chair_books_an_lsg_meeting_writes_minutes_and_the_action_reaches_the_work_list(browser):
    today = datetime.now(STOCKHOLM).date()
    sign_in(browser, "rektor.ekbacken")
    open_forum(browser, "Lokal samverkansgrupp Norra")
    assert "minst 5 möten per år" in main_text(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Boka möte"))
    assert_accessible(browser)
    fill(browser, "date", today.isoformat())
    fill(browser, "start_time", "00:00")
    fill(browser, "end_time", "01:00")
    fill(browser, "place", "Ekbackens skola, konferensrummet")
    Select(browser.find_element(By.ID, "assign_chair")).select_by_visible_text("Rut Rektorsdotter")
    submit(browser, "Boka mötet")
    assert "Mötet är bokat." in main_text(browser), main_text(browser)
    meeting = browser.find_element(By.XPATH, f"//main//article[.//h3/a[starts-with(normalize-space(), '{today.isoformat()} kl. 00:00')]]")

    # A de-identified item that names a registry child warns first; confirmed, it is saved.
    click_and_wait(browser, meeting.find_element(By.LINK_TEXT, "Lägg till punkt på dagordningen"))
    assert_accessible(browser)
    fill(browser, "title", "Samråd om frånvaro")
    fill(browser, "text", "Eleven 150312-1234 har hög frånvaro")
    submit(browser, "Lägg till punkten")
    assert "Texten verkar innehålla ett personnummer" in browser.find_element(By.ID, "text-error").text
    assert browser.find_element(By.ID, "title").get_attribute("value") == "Samråd om frånvaro"
    assert_accessible(browser)
    fill(browser, "text", "En elev i åk 7 har hög frånvaro och familjen svarar inte")
    submit(browser, "Lägg till punkten")
    assert "Punkten är tillagd på dagordningen." in main_text(browser), main_text(browser)
    assert "Samråd om frånvaro" in main_text(browser)

    # The minutes on the shared meeting page, with an action for Frida Förskolesson.
    meeting = browser.find_element(By.XPATH, f"//main//article[.//h3/a[starts-with(normalize-space(), '{today.isoformat()} kl. 00:00')]]")
    click_and_wait(browser, meeting.find_element(By.XPATH, ".//h3/a"))
    assert_accessible(browser)
    fill(browser, "chair", "Rut Rektorsdotter")
    fill(browser, "secretary", "Eva Enhetsdotter")
    for select in browser.find_elements(By.CSS_SELECTOR, "main select[id^='attendance_']"):
        Select(select).select_by_value("present")
    # Earlier actions of the group are followed up at this meeting.
    for select in browser.find_elements(By.CSS_SELECTOR, "main select[id^='follow_up_']"):
        Select(select).select_by_index(1)
    what = f"Bjuda in familjeteamet till föräldramötet {today.isoformat()}"
    browser.find_element(By.ID, "action_1_what").send_keys(what)
    Select(browser.find_element(By.ID, "action_1_responsible")).select_by_visible_text("Frida Förskolesson")
    browser.find_element(By.ID, "action_1_due_on").send_keys((today + timedelta(days=14)).isoformat())
    fill(browser, "no_next_meeting_reason", "Nästa möte är planerat i årshjulet.")
    submit(browser, "Spara och avsluta mötet")
    assert not browser.find_elements(By.CSS_SELECTOR, "main .field-error"), main_text(browser)
    assert what in main_text(browser)

    sign_out(browser)
    sign_in(browser, "forskolechef.solrosen")
    visit(browser, "/arbetslista")
    assert what in main_text(browser), main_text(browser)
    assert_accessible(browser)


def test_the_wheel_the_plan_and_sspf_refusing_a_named_child(browser):
    sign_in(browser, "elevhalsochef")
    visit(browser, "/arshjul")
    assert_accessible(browser)
    text = main_text(browser)
    for task in ["Samverkansmötet i april", "Uppföljning av handlingsplanen", "Utvärdering av samverkan", "Kraftsamlingsdagen", "Årets summering och ny handlingsplan"]:
        assert task in text, text
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Handlingsplan"))
    assert_accessible(browser)
    assert "Fler gemensamma anmälningsmöten med familjen" in main_text(browser), main_text(browser)
    fill(browser, "goal", "")
    submit(browser, "Lägg till målet")
    assert browser.find_element(By.ID, "goal-error").text
    assert_accessible(browser)

    open_forum(browser, "SSPF – skola, socialtjänst, polis och fritid")
    links = browser.find_elements(By.LINK_TEXT, "Lägg till punkt på dagordningen")
    assert links, main_text(browser)
    click_and_wait(browser, links[0])
    fill(browser, "title", "Ett barn")
    fill(browser, "child", "20150312-1234")
    submit(browser, "Lägg till punkten")
    assert "inga individärenden" in browser.find_element(By.ID, "child-error").text
    assert_accessible(browser)


def test_a_mentor_sends_a_steg_1_referral_and_the_rektor_decides(browser):
    """Issue 19 point 5: the mentor's Steg 1 form is refused by the field without the
    adaptations already made (what was typed is kept); sent, it reaches the team's forum
    page, the mentor cannot open it, and the rektor decides with reasons."""
    sign_in(browser, "mentor.ekbacken")
    visit(browser, "/barn")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "main table tbody a"))
    assert_accessible(browser)
    child = browser.find_element(By.TAG_NAME, "h1").text
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Anmäl till elevhälsoteamet (Steg 1)"))
    assert_accessible(browser)
    fill(browser, "situation", "Lämnar klassrummet under matematiken och säger att det går för fort.")
    submit(browser, "Skicka till elevhälsoteamet")
    assert "anpassningar du redan har gjort" in browser.find_element(By.ID, "adaptations-error").text
    assert "går för fort" in browser.find_element(By.ID, "situation").get_attribute("value")
    assert_accessible(browser)
    fill(browser, "adaptations", "Uppgifterna delas upp med en checklista; extra genomgång i början av lektionen.")
    submit(browser, "Skicka till elevhälsoteamet")
    assert "Anmälan (Steg 1) är skickad till elevhälsoteamet." in main_text(browser), main_text(browser)
    assert_accessible(browser)
    visit(browser, "/stod")
    assert "Ungdomsmottagningen (UMO)" in main_text(browser)

    sign_out(browser)
    sign_in(browser, "rektor.ekbacken")
    visit(browser, "/arbetslista")
    assert "Anmälan till elevhälsoteamet (Steg 1) väntar på ditt beslut" in main_text(browser), main_text(browser)
    open_forum(browser, "Elevhälsoteam, Ekbackens skola")
    assert "Ansvar enligt samverkansrutinen" in main_text(browser)
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, f": {child}"))
    assert_accessible(browser)
    assert "checklista" in main_text(browser)
    referral = browser.current_url
    browser.find_element(By.ID, "outcome_taken-up").click()
    submit(browser, "Spara beslutet")
    assert browser.find_element(By.ID, "reasons-error").text
    assert_accessible(browser)
    browser.find_element(By.ID, "outcome_taken-up").click()
    fill(browser, "reasons", "Anpassningarna räcker inte hela vägen; specialpedagogen kartlägger.")
    submit(browser, "Spara beslutet")
    assert "Beslutet är sparat." in main_text(browser), main_text(browser)
    assert "specialpedagogen kartlägger" in main_text(browser)
    assert_accessible(browser)

    sign_out(browser)
    sign_in(browser, "mentor.strand")
    browser.get(referral)
    assert "finns inte" in main_text(browser) or "saknar behörighet" in main_text(browser), main_text(browser)


def test_the_directory_gives_a_letter_for_a_family_and_the_administrator_keeps_the_texts(browser):
    """Issue 19 points 6 and 7: staff choose entries of the directory (filtered by age) for a
    printable letter; the administrator edits an entry and a routine's responsibilities."""
    sign_in(browser, "kurator.ekbacken")
    visit(browser, "/stod?alder=14")
    assert "Familjecentralen" not in main_text(browser)
    browser.find_element(By.XPATH, "//main//label[contains(., 'Ungdomsmottagningen')]/preceding-sibling::input").click()
    fill(browser, "till", "Familjen Ek")
    submit(browser, "Visa brev till familjen")
    assert "Till Familjen Ek" in main_text(browser), main_text(browser)
    assert "Ungdomsmottagningen" in main_text(browser) and "Första linjen" not in main_text(browser)
    assert_accessible(browser)
    visit(browser, "/rutiner/ansvar")
    assert "Vi finns tillgängliga för anonym konsultation" in main_text(browser)

    sign_out(browser)
    sign_in(browser, "admin")
    visit(browser, "/admin")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Stödkatalogen (externt stöd)"))
    assert_accessible(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Familjecentralen"))
    assert_accessible(browser)
    fill(browser, "contact", "")
    submit(browser, "Spara posten")
    assert browser.find_element(By.ID, "contact-error").text
    assert_accessible(browser)
    fill(browser, "contact", "Familjecentralen, Storgatan 1, telefon 0100-100 00.")
    submit(browser, "Spara posten")
    assert "Posten är sparad." in main_text(browser), main_text(browser)
    visit(browser, "/admin/ansvar")
    fill(browser, "responsible_information-school", "Rektor och förskolechef")
    submit(browser, "Spara texten")
    assert "Texten är sparad." in main_text(browser), main_text(browser)
    assert_accessible(browser)
