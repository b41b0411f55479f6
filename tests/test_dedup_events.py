"""Event linking: event mentions -> canonical events across articles, outlets and days (both databases).

Mentions are stored through the extraction's own writer with attributes chosen for each scenario, so the
expected outcome does not depend on the coder's current dictionaries (tests/test_dedup_pipeline.py runs
the real coder)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text

from etl.dedup import run_dedup
from etl.dedup.config import DedupConfig
from etl.dedup.linking import link_pending, pending_mentions
from etl.dedup.stories import assign_batch, assign_pending
from etl.load.db import session_scope
from etl.load.models import EventLink, EventMention, EventRow, StoryArticle
from tests.test_dedup_stories import OTHER, OTHER_TITLE, REPRINT_B, WIRE, WIRE_TITLE, chain_texts
from tests.test_dedup_support import D0, add_article, day, event, snapshot, store_mentions

CFG = DedupConfig()

# An independent report of the Karrada bombing written the next day (not a reprint of the wire copy).
NEXT_DAY = ("ارتفعت حصيلة ضحايا التفجير الذي ضرب سوقا في الكرادة أمس إلى سبعة قتلى، بحسب ما أعلنت دائرة صحة "
            "الرصافة صباح اليوم، فيما لا يزال عدد من المصابين في حالة حرجة. وشيع أهالي المنطقة الضحايا وسط "
            "إجراءات أمنية مشددة، وطالب نواب عن العاصمة بمحاسبة المقصرين في حماية الأسواق المزدحمة.")


def events(url: str) -> list[EventRow]:
    with session_scope(url) as s:
        return list(s.scalars(select(EventRow).order_by(EventRow.event_date, EventRow.id)))


def event_of(url: str, mention_article: int) -> set[int]:
    with session_scope(url) as s:
        return set(s.scalars(select(EventLink.event_id).where(EventLink.article_id == mention_article)))


def check_consistency(url: str) -> None:
    """What must hold after any run: every linkable mention linked once, nothing else linked, no orphans,
    no empty event, and every event's counts equal to a recount from its links."""
    with session_scope(url) as s:
        linkable = set(s.scalars(select(EventMention.id).where(
            EventMention.happened.is_(True), EventMention.timing == "current", EventMention.event_date.is_not(None))))
        linked = list(s.scalars(select(EventLink.mention_id)))
        assert None not in linked, "orphaned links left behind"
        assert sorted(linked) == sorted(linkable)
        rows = s.execute(text(
            "SELECT l.event_id, m.article_id, a.source_id, coalesce(sa.story_id, -m.article_id), m.sentence_text "
            "FROM event_links l JOIN event_mentions m ON m.id = l.mention_id JOIN articles a ON a.id = m.article_id "
            "LEFT JOIN story_articles sa ON sa.article_id = m.article_id")).all()
        stored = s.execute(select(EventRow.id, EventRow.num_mentions, EventRow.num_articles, EventRow.num_sources,
                                  EventRow.num_stories)).all()
    by_event: dict[int, list] = {}
    for event_id, *rest in rows:
        by_event.setdefault(event_id, []).append(rest)
    recount = []
    for event_id, members in by_event.items():
        # independent reports: stories, joined when they share an evidence sentence
        groups = [{story, sentence} for _, _, story, sentence in members]
        merged: list[set] = []
        for g in groups:
            hits = [m for m in merged if m & g]
            for m in hits:
                merged.remove(m)
                g |= m
            merged.append(g)
        recount.append((event_id, len(members), len({m[0] for m in members}), len({m[1] for m in members}), len(merged)))
    assert sorted(recount) == sorted(map(tuple, stored))


def karrada_bombing(url: str, *, next_day_source: str = "text") -> tuple[int, int, int]:
    """One bombing reported by three outlets on two days: the wire copy, its reprint (same story) and an
    independent report the next day that says "yesterday" (or only has its publication date)."""
    wire = add_article(url, "wire-a", WIRE_TITLE, WIRE)
    reprint = add_article(url, "daily-b", "خمسة قتلى بتفجير سيارة مفخخة في سوق ببغداد", REPRINT_B, D0 + timedelta(hours=2))
    later = add_article(url, "tv-c", "ارتفاع حصيلة تفجير الكرادة إلى سبعة قتلى", NEXT_DAY, D0 + timedelta(days=1, hours=-1))
    store_mentions(url, wire, [event(60, place="Karrada", recipient="generic:CVL", killed=5),
                               ("title", event(0, place="Baghdad", killed=5))])  # the title reports it too
    store_mentions(url, reprint, [event(55, place="Karrada", recipient="generic:CVL", killed=5)])
    if next_day_source == "text":  # "أمس": the coder read the date from the text
        later_event = event(20, mode=None, place="Baghdad", killed=(7, 7, 9), day=day(0))
    else:  # no date in the text: the publication date stands in for it
        later_event = event(20, mode=None, place="Baghdad", killed=(7, 7, 9), day=day(1), date_source="published")
    store_mentions(url, later, [later_event])
    return wire, reprint, later


# ------------------------------------------------------------------------------------------ scenarios

def test_one_attack_on_two_days_by_three_outlets_is_one_event(db_url):
    wire, reprint, later = karrada_bombing(db_url)
    result = run_dedup(db_url, CFG)
    assert result["events"]["mentions_linked"] == 4 and result["events"]["events_created"] == 1
    [e] = events(db_url)
    assert (e.num_mentions, e.num_articles, e.num_sources, e.num_stories) == (4, 3, 3, 2)  # wire + reprint: one story
    assert e.event_type == "ASSAULT" and e.mode == "explosives" and e.event_date == day(0)
    assert e.first_seen == D0 and e.last_seen == D0 + timedelta(days=1, hours=-1)
    # one toll per independent report (the wire story says 5, the next day's report 7): best is their
    # median (the lower middle one), low the smallest low, high the largest high
    assert (e.fatalities_low, e.fatalities_best, e.fatalities_high) == (5, 5, 9)
    # both places are precise; two independent reports name Baghdad (the wire title, the next day's
    # report), one names Karrada (the wire story's text)
    assert e.place_name == "Baghdad" and e.geo_precision == 1 and e.admin1 == "Baghdad Governorate"
    with session_scope(db_url) as s:
        row = s.execute(text("SELECT num_stories, place, event_date FROM v_events")).one()
        assert (row[0], row[1], str(row[2])) == (2, "Baghdad", "2024-03-05")  # SQLite returns dates as text
        evidence = s.execute(text("SELECT count(*), count(DISTINCT story_id) FROM v_event_evidence")).one()
    assert tuple(evidence) == (4, 2)
    check_consistency(db_url)


def test_a_publication_date_matches_an_event_up_to_two_days_earlier(db_url):
    karrada_bombing(db_url, next_day_source="published")
    run_dedup(db_url, CFG)
    [e] = events(db_url)
    assert e.num_articles == 3 and e.event_date == day(0) and e.date_source == "text"


def test_two_attacks_in_one_city_on_one_day_stay_two_events(db_url):
    bombing = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    shooting = add_article(db_url, "daily-b", "اغتيال ضابط شرطة في بغداد", OTHER)
    both = add_article(db_url, "tv-c", "يوم دام في بغداد", NEXT_DAY, D0 + timedelta(hours=8))
    store_mentions(db_url, bombing, [event(60, mode="suicide", place="Karrada", actor="org:isis",
                                           recipient="generic:CVL", killed=5)])
    store_mentions(db_url, shooting, [event(30, mode="assassinate", place="Baghdad", actor="generic:UAF",
                                            recipient="country:IRQ:COP", killed=1)])
    store_mentions(db_url, both, [event(10, mode="explosives", place="Baghdad", recipient="generic:CVL", killed=6),
                                  event(200, mode="firearms", place="Baghdad", recipient="country:IRQ:COP", killed=1)])
    run_dedup(db_url, CFG)
    found = events(db_url)
    assert len(found) == 2
    by_mode = {e.mode: e for e in found}
    assert set(by_mode) == {"suicide", "assassinate"}
    assert by_mode["suicide"].num_articles == 2 and by_mode["assassinate"].num_articles == 2
    assert (by_mode["suicide"].fatalities_low, by_mode["suicide"].fatalities_high) == (5, 6)
    assert event_of(db_url, bombing) != event_of(db_url, shooting)
    assert len(event_of(db_url, both)) == 2
    check_consistency(db_url)


def test_the_same_attack_a_week_later_is_another_event(db_url):
    first = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    again = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(days=7))
    store_mentions(db_url, first, [event(60, place="Karrada", killed=5)])
    store_mentions(db_url, again, [event(60, place="Karrada", killed=3, day=day(7))])
    run_dedup(db_url, CFG)
    assert [e.event_date for e in events(db_url)] == [day(0), day(7)]


def test_mentions_that_happened_now_are_linked_whatever_their_salience(db_url):
    article = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, article, [
        event(10, salience="background", type_="COERCE", mode="arrest"),  # told in passing: an event all the same
        event(50, modality="negated"),  # "denied any attack"
        event(90, modality="future"),
        event(110, day=day(-400), timing="history", place="Mosul"),  # the 2014 massacre recalled: history
        event(130, type_="PROTEST", mode="demo"),
    ])
    result = link_pending(db_url, CFG)
    assert result.mentions_linked == 2 and sorted(e.event_type for e in events(db_url)) == ["COERCE", "PROTEST"]
    check_consistency(db_url)


def test_linking_again_changes_nothing(db_url):
    karrada_bombing(db_url)
    run_dedup(db_url, CFG)
    before = snapshot(db_url)
    again = run_dedup(db_url, CFG)
    assert again["stories"]["articles"] == 0 and again["events"]["mentions_linked"] == 0
    assert again["events"]["events_updated"] == 0 and snapshot(db_url) == before
    with session_scope(db_url) as s:
        assert pending_mentions(s, CFG.events) == []


def test_reextraction_relinks_the_affected_events(db_url):
    wire, reprint, later = karrada_bombing(db_url)
    run_dedup(db_url, CFG)
    [e] = events(db_url)
    old_ids = set(event_of(db_url, later))
    # 1. the same mentions again (new ids, as the extraction step deletes and re-inserts them)
    store_mentions(db_url, later, [event(20, mode=None, place="Baghdad", killed=(7, 7, 9), day=day(0))])
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(EventLink).where(EventLink.mention_id.is_(None))) == 1
    result = run_dedup(db_url, CFG)["events"]
    assert result["orphan_links_removed"] == 1 and result["mentions_linked"] == 1
    [same] = events(db_url)
    assert same.id == e.id and (same.num_mentions, same.num_articles, same.fatalities_high) == (4, 3, 9)
    assert event_of(db_url, later) == old_ids
    # 2. a recoding that now places the next day's report in Basra: it leaves the event, which shrinks
    store_mentions(db_url, later, [event(20, mode=None, place="Basra", killed=(7, 7, 9), day=day(0))])
    run_dedup(db_url, CFG)
    karrada, basra = sorted(events(db_url), key=lambda x: x.id)
    assert (karrada.num_articles, karrada.num_sources, karrada.fatalities_high) == (2, 2, 5)
    assert karrada.last_seen == D0 + timedelta(hours=2)
    assert basra.place_name == "Basra" and basra.num_articles == 1
    # 3. a recoding that finds no event in the wire copy any more
    store_mentions(db_url, wire, [])
    run_dedup(db_url, CFG)
    karrada = next(x for x in events(db_url) if x.id == karrada.id)
    assert karrada.num_mentions == 1 and karrada.num_articles == 1 and karrada.first_seen == D0 + timedelta(hours=2)
    # 4. and none in the reprint either: the event is gone
    store_mentions(db_url, reprint, [])
    run_dedup(db_url, CFG)
    assert [x.place_name for x in events(db_url)] == ["Basra"]
    check_consistency(db_url)


def test_stories_merging_later_recount_independent_reports(db_url):
    a_text, b_text, c_text = chain_texts()
    first = add_article(db_url, "wire-a", "سيول نينوى", a_text)
    third = add_article(db_url, "tv-c", "سيول الموصل", c_text, D0 + timedelta(hours=3))
    flood = dict(type_="DISASTER", mode=None, place="Mosul")
    store_mentions(db_url, first, [event(10, **flood)])
    store_mentions(db_url, third, [event(40, **flood)])
    assign_batch(db_url, [first, third], CFG)
    link_pending(db_url, CFG)
    [e] = events(db_url)
    assert (e.num_articles, e.num_stories) == (2, 2)
    bridge = add_article(db_url, "daily-b", "سيول في نينوى", b_text, D0 + timedelta(hours=1))
    result = assign_pending(db_url, CFG)  # the bridge joins both stories into one
    assert result.stories_merged == 1 and result.events_touched == {e.id}
    [e] = events(db_url)
    assert (e.num_articles, e.num_stories) == (2, 1)
    check_consistency(db_url)


def test_events_use_story_membership_even_before_stories_run(db_url):
    """Linking before the story step counts each article as its own report; the story step fixes it."""
    wire, reprint, later = karrada_bombing(db_url)
    link_pending(db_url, CFG)
    [e] = events(db_url)
    assert e.num_stories == 3
    assign_pending(db_url, CFG)
    [e] = events(db_url)
    assert e.num_stories == 2
    with session_scope(db_url) as s:
        assert s.scalar(select(func.count()).select_from(StoryArticle)) == 3
    check_consistency(db_url)


def test_stats_count_the_toll_of_deduplicated_events_not_of_every_report(db_url):
    from etl.report import database_stats

    karrada_bombing(db_url)
    run_dedup(db_url, CFG)
    [(event_type, mentions, deduplicated, fatalities)] = database_stats(db_url)["events_by_type"]
    # four reports (5, 5, 5 and 7 killed) of one bombing: one event with the median toll, not 22 dead
    assert (event_type, mentions, deduplicated, fatalities) == ("ASSAULT", 4, 1, 5)


# ------------------------------------------------------------------------------------------ one row per real event

def test_an_article_tells_one_event_over_sentences_of_different_modes(db_url):
    """The strike, the bombing, the attack: one article's sentences of one event may each name another mode
    and need no anchor among themselves; across articles the modes still part events."""
    article = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, article, [event(10, mode="aerial", place=None), event(60, mode="firearms", place="Baghdad")])
    other = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(hours=3))
    store_mentions(db_url, other, [event(20, mode="firearms", place=None)])
    link_pending(db_url, CFG)
    assert sorted(e.num_mentions for e in events(db_url)) == [1, 2]
    check_consistency(db_url)


def test_reports_that_disagree_on_the_sides_of_one_act_at_one_spot_are_one_event(db_url):
    first = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, first, [event(10, place="Karrada", actor="org:isis", recipient="generic:CVL")])
    second = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(hours=3))
    store_mentions(db_url, second, [event(10, place="Karrada", actor="country:IRQ:MIL", recipient="generic:CVL")])
    far = add_article(db_url, "tv-c", OTHER_TITLE + " ب", OTHER + " ج", D0 + timedelta(hours=4))
    # the same sides' conflict with a whole country for a place: nothing ties them, they stay apart
    store_mentions(db_url, far, [event(10, place="Iraq", actor="country:IRQ:MIL", recipient="generic:CVL", mode="aerial")])
    link_pending(db_url, CFG)
    assert sorted(e.num_mentions for e in events(db_url)) == [1, 2]


def test_only_the_mentions_that_tell_an_event_vote_for_its_sides_and_a_state_is_one_side(db_url):
    article = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, article, [
        event(10, place="Karrada", actor="country:USA", salience="background"),  # "Washington condemned the attack"
        event(60, place="Karrada", actor="country:USA", salience="background"),
        event(110, place="Karrada", actor="country:IRQ:MIL"),
        event(160, place="Karrada", actor="person:abadi"),  # an official of the same state
        event(210, place="Karrada", actor="org:isis"),
    ])
    link_pending(db_url, CFG)
    [row] = events(db_url)
    with session_scope(db_url) as s:
        from etl.load.models import ActorRow

        assert s.get(ActorRow, row.actor_id).actor_key == "country:IRQ:MIL"  # Iraq (2 votes) over IS (1), not the US


def test_a_report_that_bridges_two_events_merges_them_and_the_counts_stay_true(db_url):
    """One report names the place, another the perpetrator: nothing ties them, so they found two events. A
    third names both: it fits both, and the two events, as wholes, fit each other - they are one."""
    placed = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, placed, [event(10, place="Karrada", recipient="generic:CVL", killed=5)])
    claimed = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(hours=2))
    store_mentions(db_url, claimed, [event(10, mode=None, place=None, actor="org:isis")])
    link_pending(db_url, CFG)
    assert len(events(db_url)) == 2
    both = add_article(db_url, "tv-c", "يوم دام في بغداد", NEXT_DAY, D0 + timedelta(hours=5))
    store_mentions(db_url, both, [event(10, place="Karrada", actor="org:isis", killed=7)])
    result = link_pending(db_url, CFG)
    assert result.events_merged == 1
    [e] = events(db_url)
    assert (e.num_mentions, e.num_articles, e.num_sources) == (3, 3, 3)
    assert (e.fatalities_low, e.fatalities_best, e.fatalities_high) == (5, 5, 7)
    check_consistency(db_url)
    before = snapshot(db_url)
    assert link_pending(db_url, CFG).mentions_linked == 0 and snapshot(db_url) == before


def test_a_vague_report_that_fits_two_different_attacks_does_not_merge_them(db_url):
    bombing = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, bombing, [event(10, mode="explosives", place="Karrada", killed=5)])
    shooting = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(hours=2))
    store_mentions(db_url, shooting, [event(10, mode="firearms", place="Karrada", killed=1)])
    vague = add_article(db_url, "tv-c", "يوم دام في بغداد", NEXT_DAY, D0 + timedelta(hours=5))
    store_mentions(db_url, vague, [event(10, mode="kill", place="Karrada")])  # "killings in Karrada": either
    result = link_pending(db_url, CFG)
    assert result.events_merged == 0 and sorted(e.mode for e in events(db_url)) == ["explosives", "firearms"]
    check_consistency(db_url)


def test_an_event_named_in_passing_days_later_joins_the_event_it_names(db_url):
    """«بعد مقتل 60 فلسطينيا في غزة»: a background mention with no date of its own, in an article five days
    after the killings, names them - it joins their event instead of founding one on its publication day. A
    main report with only its publication day is news of that day, and stays apart."""
    first = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    store_mentions(db_url, first, [event(10, place="Karrada", killed=60)])
    later = add_article(db_url, "daily-b", OTHER_TITLE, OTHER, D0 + timedelta(days=5))
    store_mentions(db_url, later, [event(10, place="Karrada", killed=60, day=day(5), date_source="published",
                                         salience="background")])
    news = add_article(db_url, "tv-c", "يوم دام في بغداد", NEXT_DAY, D0 + timedelta(days=5, hours=2))
    store_mentions(db_url, news, [event(10, place="Karrada", killed=3, day=day(5), date_source="published")])
    link_pending(db_url, CFG)
    found = events(db_url)
    assert [(e.event_date, e.num_articles) for e in found] == [(day(0), 2), (day(5), 1)]
    check_consistency(db_url)
