"""A SIP in a real browser (issue 17's acceptance test): a skolkurator opens a SIP, is told
that without a region party a samverkansmöte is the tool, adds a BUP party, records the
family's consent (refused beyond a year, by the field), holds the pre-meeting and the SIP
meeting with a plan of three actions, sends the protocol, records the returned reply slip
and closes the SIP. axe on every page; the protocol PDF is read with pdftotext."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (collapsed, download, pdf_text, session_of, BASE_URL, assert_accessible, assert_summary_links_resolve, click_and_wait, main_text, register_child, sign_in, submit, visit)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def fill(driver, field, value):
    element = driver.find_element(By.ID, field)
    element.clear()
    element.send_keys(value)


def open_details(driver, summary):
    element = driver.find_element(By.XPATH, f"//main//summary[normalize-space()='{summary}']")
    if not element.find_element(By.XPATH, "..").get_attribute("open"):
        element.click()


def test_skolkurator_runs_a_sip_with_bup_from_start_to_closure(browser, tmp_path):
    today = datetime.now(STOCKHOLM).date()
    sign_in(browser, "kurator.ekbacken")
    family = register_child(browser, prefix="Siposon")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Öppna SIP (samordnad individuell plan)"))
    assert_accessible(browser)
    # The unit the family turned to is already the first party.
    assert browser.find_element(By.ID, "party_1_organisation").get_attribute("value") == "Ekbackens skola"

    # Only the municipality: no SIP, and the samverkansmöte is offered instead.
    browser.find_element(By.ID, "raised_by_guardian").click()
    fill(browser, "need", "Elsa är borta från skolan och har svår ångest; skolan och BUP behöver samordna stödet.")
    Select(browser.find_element(By.ID, "party_2_kind")).select_by_value("social-services")
    fill(browser, "party_2_organisation", "IFO Familjebehandling")
    submit(browser, "Öppna SIP:en")
    assert_accessible(browser)
    text = main_text(browser)
    assert "både kommunen" in text and "samverkansmöte rätt väg" in text, text
    assert browser.find_elements(By.LINK_TEXT, "Öppna ett samverkansärende i stället")
    # Everything typed is kept.
    assert browser.find_element(By.ID, "party_2_organisation").get_attribute("value") == "IFO Familjebehandling"

    Select(browser.find_element(By.ID, "party_3_kind")).select_by_value("child-psychiatry")
    fill(browser, "party_3_organisation", "BUP Östersund")
    fill(browser, "party_3_contact", "Łukasz Wiśniewski")
    submit(browser, "Öppna SIP:en")
    assert_accessible(browser)
    assert "SIP:en är öppnad" in main_text(browser), main_text(browser)
    sip_path = "/" + browser.current_url.split("?")[0].split("/", 3)[3]

    # The pre-meeting, step by step.
    for key in ("questions-and-purpose", "parties-decided"):
        fill(browser, f"note-{key}", "Med Elsa och mamma")
        click_and_wait(browser, browser.find_element(By.XPATH, f"//form[@action='{sip_path}/formote/{key}']//button"))
        assert_accessible(browser)

    # The SIP meeting cannot be booked before the consent.
    open_details(browser, "Boka SIP-möte")
    fill(browser, "date", today.isoformat())
    fill(browser, "start", "00:00")
    fill(browser, "end", "01:00")
    fill(browser, "place", "Ekbackens skola, konferensrummet")
    submit(browser, "Boka mötet")
    assert_accessible(browser)
    assert "måste gälla innan SIP-mötet bokas" in main_text(browser)

    # Consent beyond a year is refused next to the field; a year is accepted.
    Select(browser.find_element(By.ID, "giver")).select_by_value("child-and-guardians")
    fill(browser, "given_by", "Sara Nilsson och Elsa")
    fill(browser, "valid_to", (today + timedelta(days=400)).isoformat())
    shares = browser.find_elements(By.CSS_SELECTOR, "main textarea[id^='share_']")
    assert len(shares) == 3
    for share in shares:
        share.send_keys("Det som behövs för planeringen")
    submit(browser, "Registrera samtycket")
    assert_accessible(browser)
    assert_summary_links_resolve(browser)
    assert "högst ett år" in browser.find_element(By.CSS_SELECTOR, "#valid_to-error").text
    fill(browser, "valid_to", (today + timedelta(days=300)).isoformat())
    submit(browser, "Registrera samtycket")
    assert_accessible(browser)
    assert "Samtycket är registrerat" in main_text(browser)

    open_details(browser, "Boka SIP-möte")
    fill(browser, "date", today.isoformat())
    fill(browser, "start", "00:00")
    fill(browser, "end", "01:00")
    fill(browser, "place", "Ekbackens skola, konferensrummet")
    submit(browser, "Boka mötet")
    assert_accessible(browser)
    assert "Mötet är bokat" in main_text(browser)
    session = session_of(browser)
    calendar_link = browser.find_element(By.XPATH, "//main//li[contains(., 'BUP Östersund')]/a[normalize-space()='kalenderfil']").get_attribute("pathname")
    event = next(c for c in Calendar.from_ical(download(session, calendar_link, "text/calendar")).walk() if c.name == "VEVENT")
    assert str(event.get("summary")) == "SIP-möte"

    # The SIP meeting and its plan of three actions.
    open_details(browser, "Skriv protokollet från mötet")
    fill(browser, "family_present", "Sara Nilsson (mamma), Elsa")
    for role, view in zip(browser.find_elements(By.CSS_SELECTOR, "main input[id^='role_']"), browser.find_elements(By.CSS_SELECTOR, "main textarea[id^='view_']")):
        role.send_keys("Kontaktperson")
        view.send_keys("Elsa trivs med idrotten; morgnarna är svåra.")
    for field, value in (("works_well", "Idrotten och kompisarna"), ("harder", "Morgnarna och matematiken"),
                         ("current_support", "Kurator varannan vecka, BUP samtal varje månad"), ("needs", "Trygga morgnar och en anpassad skoldag"),
                         ("family_own", "Elsa och mamma går till skolan tillsammans"), ("summary", "Skolan anpassar dagen, BUP bedömer ångesten"),
                         ("child_voice", "Jag vill vara med på idrotten"), ("follow_up_date", (today + timedelta(days=30)).isoformat()),
                         ("follow_up_start", "13:00"), ("follow_up_end", "14:00")):
        fill(browser, field, value)
    for n, (what, party) in enumerate((("Anpassat schema", "Ekbackens skola"), ("Bedömning av ångest", "BUP Östersund"), ("Morgonrutin med stöd", "IFO Familjebehandling")), start=1):
        fill(browser, f"action_{n}_what", what)
        Select(browser.find_element(By.ID, f"action_{n}_party")).select_by_visible_text(next(o.text for o in Select(browser.find_element(By.ID, f"action_{n}_party")).options if o.text.startswith(party)))
        fill(browser, f"action_{n}_due_on", (today + timedelta(days=14 + n)).isoformat())
    submit(browser, "Spara protokollet och boka uppföljningen")
    assert_accessible(browser)
    text = main_text(browser)
    assert "Protokollet är sparat" in text, text
    assert "Uppföljning av SIP" in text
    for what in ("Anpassat schema", "Bedömning av ångest", "Morgonrutin med stöd"):
        assert what in text

    # The guardians' copy: the seed's parts in order, every name as written, and the reply slip.
    pdf_link = browser.find_element(By.LINK_TEXT, "till vårdnadshavarna, med svarstalong").get_attribute("pathname")
    pdf = pdf_text(download(session, pdf_link, "application/pdf"), tmp_path, "sip.pdf")
    positions = [pdf.find(part) for part in ("1. Sammanhangsmarkering", "2. Nuläget", "3. Behov", "4. Planering", "5. Det här gör barnet", "6. Den SIP-ansvariges", "7. Barnets röst", "8. Uppföljning", "Svarstalong")]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), pdf
    assert "Bedömning av ångest" in pdf and "BUP Östersund" in pdf
    # Every name prints and reads back as written (the embedded Unicode font).
    assert "Łukasz Wiśniewski" in pdf, pdf

    submit(browser, "Registrera att protokollet skickats till vårdnadshavarna")
    assert_accessible(browser)
    fill(browser, "received_on", today.isoformat())
    browser.find_element(By.ID, "signed_ja").click()
    Select(browser.find_element(By.ID, "agreement")).select_by_value("agrees")
    submit(browser, "Registrera svarstalongen")
    assert_accessible(browser)
    assert "Svarstalong: kom" in main_text(browser)

    # The school's own action is on the SIP-ansvarig's work list.
    visit(browser, "/arbetslista?alla=1")
    assert "Uppföljningsmöte för SIP" in main_text(browser), main_text(browser)
    assert "Åtgärd i SIP: Anpassat schema" in main_text(browser)

    visit(browser, sip_path)
    open_details(browser, "Avsluta SIP:en")
    browser.find_element(By.ID, "reason_needs-ended").click()
    submit(browser, "Avsluta SIP:en")
    assert_accessible(browser)
    assert "SIP:en är avslutad" in main_text(browser)
    visit(browser, "/sip")
    row = browser.find_element(By.XPATH, f"//main//tr[contains(., 'Saga {family}')]")
    assert "Avslutad" in row.text, row.text
