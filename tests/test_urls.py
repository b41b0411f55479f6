import pytest

from etl.feeds.urls import InvalidURL, canonical_url


def test_scheme_host_case_default_port_and_fragment():
    assert canonical_url("HTTP://WWW.Example.COM:80/News/Item?id=5#top") == "http://www.example.com/News/Item?id=5"
    assert canonical_url("https://example.com:443") == "https://example.com/"
    assert canonical_url("https://example.com:8443/a") == "https://example.com:8443/a"


def test_tracking_parameters_removed_and_rest_sorted():
    url = "https://www.bbc.com/arabic/middleeast-43107909?at_medium=RSS&at_campaign=KARANGA&utm_source=x&b=2&a=1&fbclid=Q"
    assert canonical_url(url) == "https://www.bbc.com/arabic/middleeast-43107909?a=1&b=2"
    assert canonical_url("https://x.org/a?utm_medium=rss") == "https://x.org/a"


def test_arabic_iri_equals_its_percent_encoded_form():
    iri = "https://shafaq.com/ar/أمن/انفجار-في-الأنبار"
    encoded = "https://shafaq.com/ar/%d8%a3%d9%85%d9%86/%D8%A7%D9%86%D9%81%D8%AC%D8%A7%D8%B1-%D9%81%D9%8A-%D8%A7%D9%84%D8%A3%D9%86%D8%A8%D8%A7%D8%B1"
    assert canonical_url(iri) == canonical_url(encoded)
    assert canonical_url(iri).startswith("https://shafaq.com/ar/%D8%A3%D9%85%D9%86/")
    assert canonical_url("https://x.org/بحث?q=غزة") == canonical_url("https://x.org/%D8%A8%D8%AD%D8%AB?q=%D8%BA%D8%B2%D8%A9")


def test_unreserved_escapes_decoded_reserved_kept():
    assert canonical_url("https://x.org/%7Euser/%41") == "https://x.org/~user/A"
    assert canonical_url("https://x.org/a%2Fb") == "https://x.org/a%2Fb"  # an escaped slash is not a slash


def test_international_host_to_punycode():
    assert canonical_url("https://مثال.إختبار/") == "https://xn--mgbh0fb.xn--kgbechtv/"


@pytest.mark.parametrize("bad", ["", "ftp://x.org/a", "mailto:a@b.org", "/relative/path", "https://", "http://[::1"])
def test_invalid_urls_raise(bad):
    with pytest.raises(InvalidURL):
        canonical_url(bad)
