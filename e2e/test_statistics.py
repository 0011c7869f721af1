"""The statistics page (issue 20): who sees it, charts with their tables, the CSV in a
spreadsheet's terms, the yearly evaluation PDF."""
import csv
import io
from datetime import date

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, assert_accessible, download, main_text, pdf_text, session_of, sign_in, submit, visit

LAST_YEAR = date.today().year - 1


def test_a_teacher_gets_no_statistics(browser):
    sign_in(browser, "mentor.ekbacken")
    assert not browser.find_elements(By.XPATH, "//nav//a[@href='/statistik']")
    browser.get(BASE_URL + "/statistik")
    assert "Statistik" not in browser.find_element(By.TAG_NAME, "h1").text
    assert session_of(browser).get(BASE_URL + "/statistik/csv", timeout=30).status_code == 404


def test_a_unit_manager_sees_only_their_unit(browser):
    sign_in(browser, "rektor.ekbacken")
    visit(browser, f"/statistik?period={LAST_YEAR}")
    text = main_text(browser)
    assert "Ekbackens skola" in text and "Hela kommunen" not in text
    # Their school, and the area of the local collaboration group they chair: never the
    # municipality or social services' units; asking for the municipality answers as missing.
    choices = [o.text for o in Select(browser.find_element(By.ID, "omfang")).options]
    assert "Ekbackens skola" in choices and not any("Hela kommunen" in c or "IFO" in c for c in choices), choices
    assert session_of(browser).get(BASE_URL + f"/statistik?period={LAST_YEAR}&omfang=kommun", timeout=30).status_code == 404
    # The reports from the school: its own table, the other school nowhere.
    units = browser.find_element(By.ID, "tabell-reports-by-school-unit").text
    assert "Ekbackens skola" in units and "Strandskolan" not in units


def test_charts_have_titles_and_tables_and_cells_are_suppressed(browser):
    sign_in(browser, "ifochef")
    visit(browser, "/statistik")
    Select(browser.find_element(By.ID, "period")).select_by_visible_text(f"År {LAST_YEAR}")
    Select(browser.find_element(By.ID, "omfang")).select_by_visible_text("Hela kommunen")
    submit(browser, "Visa statistiken")
    assert_accessible(browser)
    assert f"År {LAST_YEAR} · Hela kommunen" in main_text(browser)
    charts = browser.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) >= 8
    for chart in charts:
        title = chart.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        assert title.strip(), "a chart without a title"
        figure = chart.find_element(By.XPATH, "ancestor::figure")
        assert figure.find_elements(By.TAG_NAME, "table"), f"{title}: no table beside the chart"
    # Every bar chart has a bar; the clocks have their shares.
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart rect.chart-bar")
    clocks = browser.find_element(By.CSS_SELECTOR, "table.statistics-clocks").text
    assert "Skyddsbedömning" in clocks and "%" in clocks
    assert "<5" in main_text(browser), "a year of the demo has some small cells"


def test_the_csv_opens_in_a_spreadsheet_with_aao(browser, tmp_path):
    sign_in(browser, "ifochef")
    session = session_of(browser)
    content = download(session, f"/statistik/csv?period={LAST_YEAR}&omfang=kommun", "text/csv")
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][0] == "Samverka: statistik" and rows[0][1] == f"År {LAST_YEAR}"
    header = next(r for r in rows if r and r[0] == "Tidsfrist")
    assert header[:3] == ["Tidsfrist", "Gräns", "Startade"]
    protection = next(r for r in rows if r and r[0] == "Skyddsbedömning")
    assert protection[2].isdigit() and protection[7].endswith("%")
    assert any(r and r[0] == "Förhandsbedömningarnas utfall" for r in rows)
    assert all(not cell.startswith(("=", "+", "@")) for r in rows for cell in r)


def test_the_yearly_evaluation_pdf(browser, tmp_path):
    sign_in(browser, "elevhalsochef")
    visit(browser, f"/statistik?period={LAST_YEAR}&omfang=kommun")
    link = browser.find_element(By.LINK_TEXT, "Hämta utvärderingen som PDF").get_attribute("href")
    text = pdf_text(download(session_of(browser), link.replace(BASE_URL, ""), "application/pdf"), tmp_path, "utvardering.pdf")
    assert f"Utvärdering av samverkan: År {LAST_YEAR}" in text
    assert "Skyddsbedömning" in text and "Parternas egna bedömningar" in text and "Socialtjänsten (IFO)" in text
