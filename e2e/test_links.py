"""No page links to a refusal: every link a demo account is shown, followed a few steps deep,
opens for that account. A link the person may not follow is a dead end for a busy user and
tells them that something exists; the pages ask the policy before they link."""
import re
from collections import deque

import pytest
import requests

from conftest import BASE_URL, DEMO_PASSWORD

ACCOUNTS = ["admin", "elevhalsochef", "ifochef", "rektor.ekbacken", "mentor.ekbacken", "enhetschef", "utredare",
            "mottagning", "loggranskare", "bup", "familjebehandlare", "kurator.ekbacken"]
# Sign-out ends the session; the stylesheet and fonts are checked by test_design.
SKIPPED = ("/logga-ut", "/static/", "/fonts/")
MAX_PAGES = 250
MAX_DEPTH = 3


def signed_in(username):
    session = requests.Session()
    form = session.get(BASE_URL + "/logga-in", timeout=10).text
    csrf = re.search(r'name="_csrf" value="([^"]*)"', form).group(1)
    answer = session.post(BASE_URL + "/logga-in", data={"_csrf": csrf, "username": username, "password": DEMO_PASSWORD},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 303, f"{username} could not sign in"
    return session


@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_link_opens_for_the_person_shown_it(username):
    session = signed_in(username)
    queue, seen, dead = deque([("/", 0, None)]), set(), []
    while queue and len(seen) < MAX_PAGES:
        path, depth, on = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        answer = session.get(BASE_URL + path, allow_redirects=True, timeout=20)
        if answer.status_code >= 400:
            dead.append(f"{path} ({answer.status_code}), linked from {on}")
            continue
        if depth >= MAX_DEPTH or "text/html" not in answer.headers.get("content-type", ""):
            continue
        for link in re.findall(r'href="(/[^"#]*)"', answer.text):
            link = link.replace("&amp;", "&")
            if not link.startswith(SKIPPED) and link not in seen:
                queue.append((link, depth + 1, path))
    assert len(seen) > 5, f"{username} reached almost nothing"
    assert not dead, f"{username} is shown links that do not open: " + "; ".join(dead[:10])
