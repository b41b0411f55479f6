import pytest

from etl.feeds.registry import RegistryError, load_registry, parse_registry

GOOD = """
defaults: {language: ar, poll_interval_minutes: 30}
sources:
  - {id: one, outlet: One, country: IQ, feed_url: "https://one.example/rss", replay_keys: [ONE]}
  - {id: two, outlet: Two, country: SY, feed_url: "https://two.example/rss", active: false, timezone: Asia/Damascus}
"""


def test_shipped_registry_has_ten_arabic_outlets(registry):
    outlets = {s.outlet for s in registry.sources if s.language == "ar" and s.active}
    assert len(outlets) >= 10
    assert all(s.feed_url.startswith("https://") for s in registry.sources)
    # the ANT corpus' four outlets are replayable
    assert set(registry.by_replay_key()) == {"BBC", "CNN", "skynews", "france24"}


def test_defaults_apply_and_entries_override():
    reg = parse_registry(GOOD)
    assert reg.get("one").language == "ar" and reg.get("one").poll_interval_minutes == 30
    assert [s.id for s in reg.active()] == ["one"]
    assert reg.get("two").timezone == "Asia/Damascus"
    assert reg.by_replay_key()["ONE"].id == "one"
    assert len(reg.digest) == 16


@pytest.mark.parametrize("mutation, message", [
    ("id: one, outlet: One", "duplicate source id"),
    ("id: BAD ID, outlet: One", "id"),
    ("id: three, outlet: T, feed_url: 'ftp://x'", "http(s)"),
    ("id: three, outlet: T, country: Iraq", "country"),
    ("id: three, outlet: T, colour: blue", "colour"),
    ("id: three, outlet: T, timezone: Mars/Olympus", "unknown time zone"),
    ("id: three, outlet: T, replay_keys: [ONE]", "replay key"),
])
def test_invalid_entries_are_rejected_with_the_reason(mutation, message):
    entry = "{country: IQ, feed_url: 'https://x.example/rss', " + mutation + "}"
    with pytest.raises(RegistryError, match=message):
        parse_registry(GOOD + "  - " + entry + "\n")


def test_unreadable_files_are_registry_errors(tmp_path):
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("sources: [unclosed", encoding="utf-8")
    with pytest.raises(RegistryError, match="not valid YAML"):
        load_registry(bad)
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="'sources' list"):
        load_registry(bad)
