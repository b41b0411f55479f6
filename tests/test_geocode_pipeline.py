"""Geocoding as the pipeline runs it: the `marsad geocode` command, the step that fills `article_places`
(both back ends), and the example article with the packaged gazetteer."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from etl.cli import app
from etl.feeds.records import ArticleRecord
from etl.geo.gazetteer import Gazetteer, haversine_km
from etl.extract_articles import Extractor, pending_articles, process_pending
from etl.extraction.pipeline import make_coder
from etl.load import store
from etl.load.db import engine_for, session_scope
from etl.load.models import Article, ArticlePlace
from etl.load.places import write_gazetteer
from tests.conftest import shared
from tests.geo_fixture import ROWS, place

runner = CliRunner()

# the output fields, per place
FIELDS = {"text", "start", "end", "name_ar", "name_en", "place_id", "geonameid", "latitude", "longitude", "country",
          "country3", "admin1", "feature_code", "precision", "confidence"}


def fixture_rows(extra=()):
    rows = [*ROWS, *extra]
    return [dict(row) for row, _ in rows], {row["place_key"]: list(names) for row, names in rows}


def load_fixture_gazetteer(url: str, extra=()) -> None:
    with session_scope(url) as session:
        write_gazetteer(session, *fixture_rows(extra))


# ------------------------------------------------------------------------------------------- marsad geocode

def test_geocode_command_writes_places_per_line(sqlite_url, tmp_path):
    load_fixture_gazetteer(sqlite_url)
    texts = {"a1": "قصف جوي على منطقة جرف النصر شمال بابل", "a2": "قال إن الوضع مستقر", 3: "سيول في عمان والزرقاء"}
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in texts.items())
                      + "\n", encoding="utf-8")  # a blank line is skipped
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["geocode", "--input", str(source), "--output", str(out), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == list(texts)
    assert all(set(line) == {"id", "places"} for line in lines)
    by_id = {line["id"]: line["places"] for line in lines}
    assert [(p["text"], p["name_en"]) for p in by_id["a1"]] == [("جرف النصر", "Jurf al-Nasr"), ("بابل", "Babil")]
    assert by_id["a2"] == []
    assert [(p["name_en"], p["country"], p["country3"]) for p in by_id[3]] == \
        [("Amman", "JO", "JOR"), ("Zarqa", "JO", "JOR")]
    for key, places in by_id.items():
        for p in places:
            assert set(p) == FIELDS
            assert texts[key][p["start"]:p["end"]] == p["text"]
            assert -90 <= p["latitude"] <= 90 and -180 <= p["longitude"] <= 180
            assert p["precision"] in (1, 2, 3, 4) and 0 < p["confidence"] <= 1


def test_geocode_command_reports_bad_lines(sqlite_url, tmp_path):
    load_fixture_gazetteer(sqlite_url)
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": 1, "text": "في بغداد"}, ensure_ascii=False),
        '{"id": 2, "text": "unterminated',
        json.dumps({"id": 3, "body": "no text field"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 5, "text": "في الفلوجة"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["geocode", "--input", str(source), "--output", str(out), "--db", sqlite_url])
    assert result.exit_code == 1
    assert "line 2:" in result.output and "line 3:" in result.output and "line 4:" in result.output
    assert "3 bad lines" in result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    good = [line for line in lines if "places" in line]
    bad = [line for line in lines if "error" in line]
    assert [(g["id"], [p["name_en"] for p in g["places"]]) for g in good] == [(1, ["Baghdad"]), (5, ["Fallujah"])]
    assert [b["line"] for b in bad] == [2, 3, 4]
    assert 'string "text"' in bad[1]["error"]


def test_geocode_command_needs_a_gazetteer_and_an_input(sqlite_url, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "في بغداد"}\n', encoding="utf-8")
    empty = runner.invoke(app, ["geocode", "-i", str(source), "-o", str(tmp_path / "o.jsonl"), "--db", sqlite_url])
    assert empty.exit_code != 0 and "marsad gazetteer build" in empty.output
    load_fixture_gazetteer(sqlite_url)
    missing = runner.invoke(app, ["geocode", "-i", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                                  "--db", sqlite_url])
    assert missing.exit_code != 0 and "does not exist" in missing.output


# ------------------------------------------------------------------------------------------- pipeline step

ARTICLES = {
    "https://example.org/1": ("قصف في جرف النصر",
                              "شنت طائرات غارات على منطقة جرف النصر شمال بابل جنوب بغداد، والقائم عند الحدود."),
    "https://example.org/2": ("أمطار", "أمطار غزيرة في الأردن وسيول في عمان والزرقاء."),
    "https://example.org/3": ("بيان", "قال المتحدث إن الوضع مستقر ولا جديد."),
}


def record(url: str, title: str, content: str) -> ArticleRecord:
    return ArticleRecord(
        source_id="enab-baladi", guid=url, url=url, canonical_url=url, title=title, summary=None, content=content,
        content_source="feed", published_at=datetime(2024, 1, 24, tzinfo=timezone.utc), published_raw="x",
        author=None, language="ar", arabic_share=1.0).finalize()


def store_articles(url: str, registry, articles: dict) -> None:
    records = [record(u, title, content) for u, (title, content) in articles.items()]
    with session_scope(url) as s:
        store.sync_sources(s, registry)
        store.upsert_articles(s, records, store.existing_articles(s, records), None, None)


def stored_places(url: str) -> list[tuple]:
    with session_scope(url) as s:
        return s.execute(select(Article.canonical_url, ArticlePlace.field, ArticlePlace.mention,
                                ArticlePlace.start_char, ArticlePlace.end_char, ArticlePlace.latitude,
                                ArticlePlace.precision)
                         .join(Article, Article.id == ArticlePlace.article_id)
                         .order_by(Article.canonical_url, ArticlePlace.field, ArticlePlace.start_char)).all()


def snapshot(url: str) -> dict[str, list]:
    with engine_for(url).connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY id")).all()
                for t in ("article_places", "article_processing")}


def extract_places(url: str) -> dict:
    """The extraction step (geocode + code, one transaction per article) with the database's gazetteer."""
    result = process_pending(url, Extractor(make_coder(geocode=True, db_url=url)))
    return {"articles": result["articles"], "places": result["places"]}


def pending(url: str) -> list[int]:
    extractor = Extractor(make_coder(geocode=True, db_url=url))
    return pending_articles(url, extractor.coder.version, extractor.geocoder.gazetteer.version)


def test_the_extraction_step_stores_the_places_of_each_article(db_url, registry):
    load_fixture_gazetteer(db_url)
    store_articles(db_url, registry, ARTICLES)
    result = extract_places(db_url)
    assert result["articles"] == 3
    rows = stored_places(db_url)
    assert result["places"] == len(rows)
    for url, field, mention, start, end, _, _ in rows:
        title, content = ARTICLES[url]
        assert (title if field == "title" else content)[start:end] == mention  # offsets into the original text
    assert [(u[-1], f, m) for u, f, m, *_ in rows] == [
        ("1", "content", "جرف النصر"), ("1", "content", "بابل"), ("1", "content", "بغداد"),
        ("1", "content", "القائم"), ("1", "title", "جرف النصر"),
        ("2", "content", "الأردن"), ("2", "content", "عمان"), ("2", "content", "الزرقاء"),
    ]
    with session_scope(db_url) as s:
        processed = s.execute(text("SELECT article_id, stage, items FROM article_processing WHERE stage = 'geocode' "
                                   "ORDER BY article_id")).all()
    assert [(stage, items) for _, stage, items in processed] == [("geocode", 5), ("geocode", 3), ("geocode", 0)]

    before = snapshot(db_url)
    assert extract_places(db_url) == {"articles": 0, "places": 0}
    assert snapshot(db_url) == before


def test_changed_articles_and_a_new_gazetteer_are_geocoded_again(db_url, registry):
    load_fixture_gazetteer(db_url)
    store_articles(db_url, registry, ARTICLES)
    extract_places(db_url)
    # the article's text changes at its source: only that article is geocoded again
    store_articles(db_url, registry, {"https://example.org/3": ("بيان", "قال المتحدث من الفلوجة إن الوضع مستقر.")})
    assert extract_places(db_url) == {"articles": 1, "places": 1}
    assert [m for u, _, m, *_ in stored_places(db_url) if u.endswith("/3")] == ["الفلوجة"]
    # a new gazetteer version: every article again
    version = Gazetteer.from_db(db_url).version
    load_fixture_gazetteer(db_url, [place("gn:13", "Mosul", ["الموصل"], "PPLA", "IQ", 36.34, 43.13, 1_700_000,
                                          "IQ.15", 13)])
    assert Gazetteer.from_db(db_url).version != version
    assert len(pending(db_url)) == 3
    assert extract_places(db_url)["articles"] == 3
    assert pending(db_url) == []


# ------------------------------------------------------------------------------------------- example article

# The places of the example article (../shared/data/seed/example_article_ar.txt): the list, with where
# they are (approximate coordinates, km of tolerance) and the real places the article also names.
EXPECTED = {
    "جرف النصر": ("IQ", 32.86, 44.12, 25),
    "بابل": ("IQ", 32.5, 44.4, 80),
    "بغداد": ("IQ", 33.34, 44.40, 25),
    "القائم": ("IQ", 34.37, 41.09, 25),
    "الأنبار": ("IQ", 33.4, 43.3, 200),
    "عين الأسد": ("IQ", 33.80, 42.44, 25),
    "العراق": ("IQ", 33.2, 43.7, 300),
    "سورية": ("SY", 35.0, 38.5, 300),
    "غزة": ("PS", 31.50, 34.47, 25),
    "البحر المتوسط": (None, 35.0, 18.0, 1000),
}
ALSO_REAL = {"الولايات المتحدة": "US", "الولايات المتحدة الأمريكية": "US", "إيران": "IR", "واشنطن": "US"}


def test_example_article_with_the_packaged_gazetteer():
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import Geocoder

    article = shared("seed/example_article_ar.txt").read_text(encoding="utf-8")
    mentions = Geocoder(packaged_gazetteer()).geocode(article)
    assert all(article[m.start:m.end] == m.text for m in mentions)
    found = {m.text for m in mentions}
    assert set(EXPECTED) <= found, f"missing: {set(EXPECTED) - found}"
    for m in mentions:
        if m.text in EXPECTED:
            country, lat, lon, km = EXPECTED[m.text]
            assert country is None or m.country == country, (m.text, m.country)
            assert haversine_km(lat, lon, m.latitude, m.longitude) <= km, (m.text, m.name_en, m.latitude, m.longitude)
        else:
            # no ordinary word (الحصار، المنطقة، النصر ...) taken for a place: only real places named in the text
            assert ALSO_REAL.get(m.text) == m.country, (m.text, m.name_en, m.country)
    mediterranean = next(m for m in mentions if m.text == "البحر المتوسط")
    assert mediterranean.feature_code == "SEA" and mediterranean.precision == 5  # a sea of no country: wider than one
    iraq = next(m for m in mentions if m.text == "العراق")
    assert iraq.precision == 4 and iraq.country3 == "IRQ"
    qaim = [m for m in mentions if m.text == "القائم"]
    assert len(qaim) == 2 and len({(m.latitude, m.longitude) for m in qaim}) == 1  # both mentions, one town


@pytest.mark.parametrize("sentence", [
    "فرض الحصار على الملاحة في المنطقة",
    "قال القائم بالأعمال إن العمل مستمر",
])
def test_ordinary_words_are_not_places_in_the_packaged_gazetteer(sentence):
    from etl.geo.gazetteer import packaged_gazetteer
    from etl.geo.geocoder import Geocoder

    shared("seed")  # the packaged build is slow only once; keep it with the other shared-data tests
    assert Geocoder(packaged_gazetteer()).geocode(sentence) == []
