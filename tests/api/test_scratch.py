import json
import pytest
from tests.factories import make_faq_page, translate, faq_items, home

pytestmark = pytest.mark.django_db

def test_scratch(client):
    en_home = home("en")
    page = make_faq_page(questions=faq_items(2, answer_html=f'<p>See <a linktype="page" id="{en_home.pk}">home</a>.</p>'))
    zh = translate(page, strings={"Question 1?": "问题 1？"})
    r = client.get(f"/api/v2/pages/{zh.pk}/")
    print(r.status_code, json.dumps(r.json(), ensure_ascii=False, indent=1)[:3000])
    r = client.get(f"/api/v3/pages/{zh.pk}/")
    print(r.status_code, json.dumps(r.json(), ensure_ascii=False, indent=1)[:3000])
    r = client.get("/api/v3/pages/999/")
    print(r.status_code, r.headers.get("Location"), r.content[:300])
    r = client.get("/api/v2/pages/999/")
    print(r.status_code, r.headers.get("Location"), r.content[:300])
    r = client.get("/api/nothing")
    print(r.status_code, r.headers.get("Location"), r.content[:300])
    r = client.get("/api/v3/openapi.json")
    s = r.json()
    print(json.dumps(s["components"]["schemas"]["FAQPageSchema"], indent=1)[:2500])
    print(json.dumps(s["components"]["schemas"].get("FAQPageCreateSchema"), indent=1)[:2500])
