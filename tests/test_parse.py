"""Feed documents -> article records and rejections, with our own small feeds."""

from datetime import datetime, timezone

from etl.feeds.parse import parse_feed
from etl.feeds.registry import parse_registry

REG = parse_registry("""
sources:
  - {id: ar-feed, outlet: Arabic, language: ar, country: IQ, poll_interval_minutes: 30,
     feed_url: "https://news.example/ar/rss", timezone: Asia/Baghdad}
""")
SOURCE = REG.get("ar-feed")
UTC = timezone.utc


def rss(items: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    return f'{declaration}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://news.example/</link>{items}</channel></rss>'


ITEM = "<item><title>قصف مدفعي على بلدة في ريف إدلب</title><link>{link}</link><guid isPermaLink='false'>{guid}</guid><pubDate>{date}</pubDate><description>{desc}</description></item>"


def item(link="https://news.example/ar/1", guid="g1", date="Wed, 24 Jan 2024 09:12:00 GMT",
         desc="تعرضت بلدة في ريف إدلب الجنوبي لقصف مدفعي صباح اليوم."):
    return ITEM.format(link=link, guid=guid, date=date, desc=desc)


def test_rss_item_becomes_a_record():
    parsed = parse_feed(rss(item(link="https://news.example/ar/1?utm_source=rss")).encode(), SOURCE)
    assert parsed.status == "ok" and not parsed.rejections
    [record] = parsed.articles
    assert record.canonical_url == "https://news.example/ar/1"
    assert record.url == "https://news.example/ar/1?utm_source=rss"
    assert record.guid == "g1" and record.title.startswith("قصف مدفعي")
    assert record.published_at == datetime(2024, 1, 24, 9, 12, tzinfo=UTC)
    assert record.content_source == "summary" and record.content is None
    assert record.language == "ar" and record.arabic_share > 0.9


def test_relative_and_iri_links_resolved_against_the_feed_url():
    parsed = parse_feed(rss(item(link="/ar/أخبار/2", guid="g2")).encode(), SOURCE)
    assert parsed.articles[0].canonical_url == "https://news.example/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2"


def test_full_content_is_used_when_the_feed_has_it():
    body = "<p>" + "نص المقال الكامل عن الاشتباكات في المدينة. " * 20 + "</p><p>فقرة ثانية.</p>"
    entry = item().replace("</item>", f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    [record] = parse_feed(rss(entry).encode(), SOURCE).articles
    assert record.content_source == "feed"
    assert "فقرة ثانية." in record.content and "<p>" not in record.content
    assert "\n" in record.content  # paragraphs kept


def test_arabic_pubdate_read_in_the_source_zone():
    [record] = parse_feed(rss(item(date="الأربعاء 24 كانون الثاني 2024 - 11:20")).encode(), SOURCE).articles
    assert record.published_at == datetime(2024, 1, 24, 8, 20, tzinfo=UTC)
    assert record.published_raw == "الأربعاء 24 كانون الثاني 2024 - 11:20"


def test_missing_or_unreadable_date_is_kept_as_null_with_the_raw_text():
    [record] = parse_feed(rss(item(date="قبل ساعتين")).encode(), SOURCE).articles
    assert record.published_at is None and record.published_raw == "قبل ساعتين"


def test_windows_1256_without_any_charset_is_decoded():
    body = rss(item(), declaration='<?xml version="1.0"?>').encode("cp1256")
    for headers in ({}, {"Content-Type": "text/xml"}, {"Content-Type": "application/rss+xml"}):
        parsed = parse_feed(body, SOURCE, headers)
        assert parsed.articles[0].title == "قصف مدفعي على بلدة في ريف إدلب", headers


def test_http_charset_is_honoured():
    body = rss(item(), declaration='<?xml version="1.0" encoding="iso-8859-1"?>').encode("cp1256")
    parsed = parse_feed(body, SOURCE, {"Content-Type": "application/xml; charset=windows-1256"})
    assert parsed.articles[0].title.startswith("قصف مدفعي")


def test_item_rejections_carry_reasons():
    items = (
        item()
        + "<item><title>بلا رابط</title><description>نص</description></item>"
        + item(link="ftp://news.example/x", guid="g3")
        + item(link="https://news.example/en", guid="g4", desc="Breaking news in English only, nothing Arabic here.").replace("قصف مدفعي على بلدة في ريف إدلب", "English title")
        + "<item><link>https://news.example/empty</link><guid>g5</guid></item>"
    )
    parsed = parse_feed(rss(items).encode(), SOURCE)
    assert len(parsed.articles) == 1
    assert [r.reason_code for r in parsed.rejections] == ["no_url", "invalid_url", "not_arabic", "empty"]
    assert all(r.stage == "entry" and r.reason and r.source_id == "ar-feed" for r in parsed.rejections)
    assert parsed.items_seen == 5
    assert "بلا رابط" in parsed.rejections[0].payload


def test_html_page_and_empty_feed_are_errors():
    page = parse_feed(b"<!DOCTYPE html><html><body><h1>404</h1></body></html>", SOURCE, {"Content-Type": "text/html"})
    assert page.status == "error" and page.rejections[0].reason_code == "not_a_feed"
    empty = parse_feed(rss("").encode(), SOURCE)
    assert empty.status == "error" and empty.rejections[0].reason_code == "no_entries"
    nothing = parse_feed(b"", SOURCE)
    assert nothing.status == "error" and nothing.rejections[0].reason_code == "empty_document"
    assert all(p.rejections[0].stage == "parse" for p in (page, empty, nothing))


def test_malformed_feed_with_entries_is_a_warning():
    broken = rss(item() + item(link="https://news.example/ar/2", guid="g2")).replace("</channel></rss>", "<unclosed>")
    parsed = parse_feed(broken.encode(), SOURCE)
    assert parsed.status == "warning" and parsed.message
    assert len(parsed.articles) == 2


def test_atom_entries():
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
    <updated>2024-01-24T12:00:00Z</updated><entry><title>اعتقال مطلوبين في البصرة</title><id>tag:news.example,2024:7</id>
    <link rel="alternate" href="https://news.example/ar/7"/><updated>2024-01-24T10:00:00+03:00</updated>
    <summary>اعتقلت قوة أمنية مطلوبين في البصرة.</summary></entry></feed>"""
    [record] = parse_feed(atom.encode(), SOURCE).articles
    assert record.guid == "tag:news.example,2024:7" and record.canonical_url == "https://news.example/ar/7"
    assert record.published_at == datetime(2024, 1, 24, 7, tzinfo=UTC)
