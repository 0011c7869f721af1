"""A collaboration case in a real browser (the collaboration issue's acceptance test): a rektor
opens a case, is refused a meeting without consent, registers the consent, books the first
meeting, writes minutes with two actions and the child's voice, books the next meeting, and
downloads invitation and minutes; the family therapist finds her action on her work list.
axe on every page; the calendar file is read with icalendar and the PDFs with pdftotext."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (collapsed, download, pdf_text, session_of, add_guardian, child_path_of, fact_in, BASE_URL, assert_accessible, assert_summary_links_resolve, click_and_wait, main_text, register_child,
                      sign_in, sign_out, submit, unique, visit)

STOCKHOLM = ZoneInfo("Europe/Stockholm")
THERAPIST = "Fatima Familjesdotter"
PRINCIPAL = "Rut Rektorsdotter"
AGENDA_SAMPLES = ("Sekreterare utses", "Presentation av deltagarna", "Tid för nytt samverkansmöte")


def path_of(driver):
    return "/" + driver.current_url.split("?")[0].split("/", 3)[3]


def staff_box(driver, name):
    """The id of the booking form's checkbox for a staff member."""
    labels = driver.find_elements(By.XPATH, f"//fieldset[@id='participants']//label[starts-with(normalize-space(), '{name} (')]")
    assert len(labels) == 1, f"{name} is not a participant to choose"
    return labels[0].get_attribute("for")


def family_boxes(driver):
    return [b.get_attribute("id") for b in driver.find_elements(By.CSS_SELECTOR, "#participants input[type='checkbox'][id^='family_']")]


def fill_booking(driver, when, invited):
    Select(driver.find_element(By.ID, "type")).select_by_visible_text("Samverkansmöte")
    for field, value in (("date", when.isoformat()), ("start_time", "00:00"), ("end_time", "01:00"), ("place", "Ekbackens skola, konferensrummet")):
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    for box in invited:
        if not driver.find_element(By.ID, box).is_selected():
            driver.find_element(By.ID, box).click()


def party_box(driver, unit):
    labels = driver.find_elements(By.XPATH, f"//fieldset[@id='parties']//label[starts-with(normalize-space(), '{unit} (')]")
    assert len(labels) == 1, f"{unit} is not a party to choose"
    return labels[0].get_attribute("for")


def test_rektor_runs_a_collaboration_case_from_consent_to_minutes(browser, tmp_path):
    today = datetime.now(STOCKHOLM).date()
    sign_in(browser, "mentor.ekbacken")
    family = register_child(browser, prefix="Samverkson")
    child = f"Saga {family}"
    child_path = child_path_of(browser)
    guardians = ("Anna", "Erik")
    for given in guardians:
        add_guardian(browser, child_path, given, family)
    sign_out(browser)

    # The rektor opens a collaboration case from the child's page.
    sign_in(browser, "rektor.ekbacken")
    visit(browser, child_path)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Öppna samverkansärende"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Nytt samverkansärende för {child}"
    assert_accessible(browser)
    assert browser.find_element(By.ID, "known_on").get_attribute("value") == today.isoformat()
    reason = unique("Saga är ofta frånvarande och säger att hon är trött; skola och familj behöver samverka ")
    browser.find_element(By.ID, "reason").send_keys(reason)
    submit(browser, "Öppna samverkansärendet")
    assert "/samverkan/" in browser.current_url, main_text(browser)
    case_path = path_of(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Samverkansärende: {child}"
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Samverkansärendet är öppnat. Du är processbärare."
    assert_accessible(browser)
    assert fact_in(browser, "Anledning") == reason
    assert PRINCIPAL in fact_in(browser, "Processbärare")
    assert "Första samverkansmötet" in browser.find_element(By.XPATH, "//main//section[@aria-labelledby='clocks-heading']").text
    assert "Inga möten bokade ännu." in main_text(browser)

    # No consent yet: the booking is refused, with the reason on the form and nothing lost.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Boka möte"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Boka möte om {child}"
    assert_accessible(browser)
    booking_path = path_of(browser)
    # The form lists the rektor's own colleagues; the family therapist is found by searching.
    assert not browser.find_elements(By.XPATH, f"//fieldset[@id='participants']//label[starts-with(normalize-space(), '{THERAPIST} (')]")
    browser.find_element(By.ID, "staff_search").send_keys("familjebehandl")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Sök personal']"))
    assert_accessible(browser)
    rektor, therapist = staff_box(browser, PRINCIPAL), staff_box(browser, THERAPIST)
    assert browser.find_element(By.ID, rektor).is_selected(), "the process owner is not invited by default"
    family_ids = family_boxes(browser)
    family_labels = [browser.find_element(By.CSS_SELECTOR, f"label[for='{b}']").text for b in family_ids]
    assert sorted(family_labels) == sorted([f"{g} {family} (Vårdnadshavare)" for g in guardians] + [f"{child} (Barnet/eleven)"]), family_labels
    invited = family_ids + [rektor, therapist]
    fill_booking(browser, today, invited)
    submit(browser, "Boka mötet")
    assert path_of(browser) == booking_path, main_text(browser)
    assert_summary_links_resolve(browser)
    assert browser.find_element(By.ID, "consent-error").text.startswith("Det finns inget samtycke."), main_text(browser)
    assert Select(browser.find_element(By.ID, "type")).first_selected_option.text == "Samverkansmöte"
    assert browser.find_element(By.ID, "date").get_attribute("value") == today.isoformat()
    assert browser.find_element(By.ID, "start_time").get_attribute("value") == "00:00"
    assert browser.find_element(By.ID, "end_time").get_attribute("value") == "01:00"
    assert browser.find_element(By.ID, "place").get_attribute("value") == "Ekbackens skola, konferensrummet"
    assert all(browser.find_element(By.ID, b).is_selected() for b in invited)
    assert_accessible(browser)

    # The guardians' oral consent for the case: the school and the family therapy unit.
    visit(browser, child_path)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Samtycken till samverkan"))
    assert_accessible(browser)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Registrera nytt samtycke"))
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Registrera samtycke för {child}"
    assert_accessible(browser)
    browser.find_element(By.ID, "giver-guardians").click()
    for box in browser.find_elements(By.CSS_SELECTOR, "#guardian_ids input[type='checkbox']"):
        box.click()
    browser.find_element(By.ID, "child_view").send_keys("Saga vill att skolan och familjebehandlaren pratar med varandra.")
    for unit in ("Ekbackens skola", "IFO Familjebehandling"):
        browser.find_element(By.ID, party_box(browser, unit)).click()
    browser.find_element(By.ID, "category_school-situation").click()
    Select(browser.find_element(By.ID, "purpose_kind")).select_by_value("collaboration-case")
    browser.find_element(By.ID, "purpose").send_keys("Samverkansmöten kring Sagas skolgång och hemsituation")
    valid_from = browser.find_element(By.ID, "valid_from").get_attribute("value")
    assert valid_from == today.isoformat()
    browser.find_element(By.ID, "valid_to").send_keys((today + timedelta(days=120)).isoformat())
    browser.find_element(By.ID, "method-oral").click()
    browser.find_element(By.ID, "witness").send_keys("Kim Kurator")
    submit(browser, "Registrera samtycket")
    assert path_of(browser) == child_path + "/samtycken", main_text(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Samtycket är registrerat."
    assert_accessible(browser)
    consent = browser.find_element(By.CSS_SELECTOR, "main article.consent")
    assert fact_in(consent, "Parter") == "Ekbackens skola, IFO Familjebehandling", fact_in(consent, "Parter")

    # Now the meeting can be booked, for today.
    visit(browser, booking_path)
    fill_booking(browser, today, invited)
    submit(browser, "Boka mötet")
    assert "/moten/" in browser.current_url, main_text(browser)
    meeting_path = path_of(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Samverkansmöte: {child}"
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text.startswith("Mötet är bokat"), main_text(browser)
    assert_accessible(browser)
    assert fact_in(browser, "Tid") == f"{today.isoformat()} kl. 00:00–01:00"
    rows = browser.find_elements(By.CSS_SELECTOR, "main section[aria-labelledby='participants-heading'] tbody tr")
    assert len(rows) == len(invited), main_text(browser)
    for row in rows:
        assert row.find_elements(By.XPATH, ".//a[starts-with(normalize-space(), 'Brev (PDF)')]")
        assert row.find_elements(By.XPATH, ".//a[starts-with(normalize-space(), 'kalenderfil')]")

    # The minutes: everyone present, a note, the child's voice, two actions, the next meeting.
    browser.find_element(By.ID, "chair").send_keys(PRINCIPAL)
    browser.find_element(By.ID, "secretary").send_keys(THERAPIST)
    attendance = browser.find_elements(By.CSS_SELECTOR, "main select[id^='attendance_']")
    assert len(attendance) == len(invited)
    for select in attendance:
        Select(select).select_by_value("present")
    browser.find_element(By.ID, "agenda_1").send_keys(f"{THERAPIST} för anteckningarna.")
    child_view = unique("Saga säger att hon vill sova bättre och ha en vuxen att prata med i skolan ")
    browser.find_element(By.ID, "child_view").send_keys(child_view)
    actions = [
        (unique("Erbjuda familjen föräldrastöd varje vecka "), THERAPIST, (today + timedelta(days=7)).isoformat()),
        (unique("Ordna en trygg vuxen för Saga på rasterna "), PRINCIPAL, (today + timedelta(days=10)).isoformat()),
    ]
    for n, (what, who, due) in enumerate(actions, start=1):
        browser.find_element(By.ID, f"action_{n}_what").send_keys(what)
        Select(browser.find_element(By.ID, f"action_{n}_responsible")).select_by_visible_text(who)
        browser.find_element(By.ID, f"action_{n}_due_on").send_keys(due)
    next_date = today + timedelta(days=14)
    browser.find_element(By.ID, "next_meeting_date").send_keys(next_date.isoformat())
    browser.find_element(By.ID, "next_meeting_start").send_keys("13:30")
    submit(browser, "Spara och avsluta mötet")
    assert path_of(browser) == meeting_path, main_text(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "main .field-error, main .error-summary"), main_text(browser)
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Minnesanteckningarna är sparade och nästa möte är bokat."
    assert_accessible(browser)
    minutes = browser.find_element(By.XPATH, "//main//section[@aria-labelledby='minutes-heading']")
    assert child_view in minutes.text
    for what, who, due in actions:
        assert f"{what} – ansvarig {who}, senast {due}" in minutes.text, minutes.text
    assert f"Nästa möte: {next_date.isoformat()}" in minutes.text, minutes.text
    assert not browser.find_elements(By.ID, "chair"), "the minutes form is still there"
    next_link = browser.find_element(By.XPATH, "//main//dl[contains(@class,'facts')]/dt[normalize-space()='Nästa möte']/following-sibling::dd[1]/a")
    assert next_link.text == f"{next_date.isoformat()} kl. 13:30–14:30"
    next_path = next_link.get_attribute("pathname")
    minutes_pdf_path = browser.find_element(By.LINK_TEXT, "Hämta minnesanteckningarna (PDF)").get_attribute("pathname")
    assert minutes_pdf_path == meeting_path + "/anteckningar.pdf"

    # The minutes are sent to a guardian, and that is recorded.
    browser.find_element(By.ID, "recipient").send_keys(f"Anna {family}")
    Select(browser.find_element(By.ID, "channel")).select_by_value("post")
    submit(browser, "Registrera utskicket")
    assert browser.find_element(By.CSS_SELECTOR, "main .notice").text == "Utskicket är registrerat.", main_text(browser)
    assert_accessible(browser)
    assert f"till Anna {family} (Brev)" in browser.find_element(By.XPATH, "//main//section[@aria-labelledby='sent-heading']").text

    # The next meeting: booked with the same participants; its invitation as letter and calendar file.
    click_and_wait(browser, browser.find_element(By.XPATH, "//main//dt[normalize-space()='Nästa möte']/following-sibling::dd[1]/a"))
    assert path_of(browser) == next_path
    assert_accessible(browser)
    assert fact_in(browser, "Tid") == f"{next_date.isoformat()} kl. 13:30–14:30"
    assert fact_in(browser, "Plats") == "Ekbackens skola, konferensrummet"
    guardian_row = browser.find_element(By.XPATH, f"//main//section[@aria-labelledby='participants-heading']//tr[td[1][normalize-space()='Anna {family}']]")
    ics_path = guardian_row.find_element(By.XPATH, ".//a[starts-with(normalize-space(), 'kalenderfil')]").get_attribute("pathname")
    letter_path = guardian_row.find_element(By.XPATH, ".//a[starts-with(normalize-space(), 'Brev (PDF)')]").get_attribute("pathname")
    assert ics_path.startswith(next_path + "/kallelse/") and ics_path.endswith(".ics"), ics_path
    assert letter_path.startswith(next_path + "/kallelse/") and letter_path.endswith(".pdf"), letter_path

    session = session_of(browser)
    calendar = Calendar.from_ical(download(session, ics_path, "text/calendar"))
    zones = [z for z in calendar.walk("VTIMEZONE") if str(z["TZID"]) == "Europe/Stockholm"]
    assert len(zones) == 1, calendar.to_ical()
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == datetime.combine(next_date, time(13, 30)), start
    assert start.utcoffset() == datetime.combine(next_date, time(13, 30), tzinfo=STOCKHOLM).utcoffset(), start
    assert "Samverkansmöte" in str(event["SUMMARY"]), event["SUMMARY"]

    letter = pdf_text(download(session, letter_path, "application/pdf"), tmp_path, "kallelse.pdf")
    assert f"Anna {family}" in letter and "Kallelse till samverkansmöte" in letter and child in letter, letter
    assert f"Datum och tid: {next_date.isoformat()} kl. 13:30–14:30" in letter, letter

    text = pdf_text(download(session, minutes_pdf_path, "application/pdf"), tmp_path, "anteckningar.pdf")
    for item in AGENDA_SAMPLES:
        assert item in text, f"agenda item {item!r} is not in the minutes PDF:\n{text}"
    assert collapsed(child_view) in text, text
    for what, who, _ in actions:
        assert collapsed(what) in text and who in text, text
    sign_out(browser)

    # The family therapist finds her action on her work list, and the case behind it.
    sign_in(browser, "familjebehandlare")
    visit(browser, "/arbetslista")
    title = f"Åtgärd: {actions[0][0]}"
    links = browser.find_elements(By.XPATH, f"//main//a[normalize-space()='{title}']")
    if not links and browser.find_elements(By.LINK_TEXT, "Visa alla"):
        visit(browser, "/arbetslista?alla=1")
        links = browser.find_elements(By.XPATH, f"//main//a[normalize-space()='{title}']")
    assert len(links) == 1, main_text(browser)
    row = links[0].find_element(By.XPATH, "./ancestor::tr[1]")
    assert child in row.text and actions[0][2] in row.text, row.text
    assert f"Åtgärd: {actions[1][0]}" not in main_text(browser), "another person's action is on her list"
    assert links[0].get_attribute("pathname") == case_path
    click_and_wait(browser, links[0])
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Samverkansärende: {child}", main_text(browser)
    assert_accessible(browser)
    sign_out(browser)
