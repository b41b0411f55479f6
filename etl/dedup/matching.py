"""When an event mention reports the same real-world event as a canonical event, and what the event's
best description is - pure functions over mention features, shared by linking and recomputation.

A mention may join an event when ALL of these hold (unknowns are compatible: a mention without an actor
or a place says nothing against an event that has one):
- the same PLOVER type, and compatible modes (equal; one of them generic, e.g. "kill"; or in one
  configured group such as aerial / drone / artillery);
- compatible actor and recipient: the same actor key, or no conflict of country and of sector (a state
  named as itself, `country:XXX`, has no sector here: "Washington" and "US forces" are one actor);
- compatible places: the same gazetteer place; or, by the coarser precision of the two, within
  max_km[1|2] of each other, within max_km[3] or in the same first-level division for regions, the same
  country for countries;
- overlapping date intervals: a date read from the text is +/- date_tolerance_days; a date that is only
  the publication date says the event happened on it or up to published_lag_days before; a week / month
  / year date (the coder gives the middle of the period) is +/- its slack. Dates of a day or a week meet
  only such dates; a month only a month, a year only a year (a vague reference must not inflate the
  event of one particular day).
and, beyond compatibility, some positive evidence (an anchor): places that agree below the country level
(precision 1-3), or the same named actor or recipient (not a generic kind such as gunmen or civilians).
Two reports of "an arrest in Egypt" on one day share nothing but their type and country.
Among compatible events the one with the highest score (same place, same actors, closest date) wins.

An event's independent reports are its articles' stories, except that mentions whose evidence sentence
is the same text are one report wherever they appear (a wire sentence, or the "latest news" block an
outlet pastes under every article of the day).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from etl.dedup.config import EventConfig
from etl.geo.gazetteer import haversine_km


@dataclass(frozen=True, slots=True)
class ActorRef:
    actor_id: int
    key: str
    country: str | None
    sector: str | None

    @property
    def match_sector(self) -> str | None:
        # the state itself (country:IRQ) is coded GOV by default but stands for any of its agents
        return None if self.key.count(":") == 1 and self.key.startswith("country:") else self.sector


@dataclass(frozen=True, slots=True)
class PlaceRef:
    place_id: int | None
    name: str | None
    latitude: float | None
    longitude: float | None
    precision: int  # 1 place … 4 country
    admin1: str | None
    country: str | None
    inherited: bool
    admin1_code: str | None = None

    @property
    def identity(self) -> tuple:
        return ("p", self.place_id) if self.place_id is not None else \
            ("n", self.name or "", round(self.latitude or 0, 3), round(self.longitude or 0, 3))


@dataclass(frozen=True, slots=True)
class Mention:
    """What linking needs of one event mention (etl.dedup.linking loads it)."""
    mention_id: int
    mention_key: str
    article_id: int
    source_id: str
    story_id: int | None
    published: datetime | None  # the article's publication time, else when it was first seen
    event_type: str
    mode: str | None
    event_date: date
    date_precision: str | None
    date_source: str | None
    actor: ActorRef | None
    recipient: ActorRef | None
    place: PlaceRef | None
    fatalities: tuple[int | None, int | None, int | None]
    injured: tuple[int | None, int | None, int | None]
    sentence_key: int | None = None  # hash of the folded words of the evidence sentence
    natural: tuple = ()  # (article canonical URL, field, trigger_start, event_type): the same in every database
    salience: str = "main"  # background: the event named in passing (a condemnation of it, a reference to it)
    acled: tuple[str | None, str | None] = (None, None)  # the coder's ACLED event type and sub-type
    cameo: str | None = None
    sentence: str | None = None

    @property
    def story(self) -> tuple[str, int]:
        """Its article's story (else the article itself)."""
        return ("s", self.story_id) if self.story_id is not None else ("a", self.article_id)

    @property
    def order(self) -> tuple:
        return link_order(self.event_date, self.published, self.natural or (self.mention_key,))


def link_order(event_date: date, published: datetime | None, natural: tuple) -> tuple:
    """The order mentions are linked in, and the tie-break between events: date, publication time, then the
    mention's natural key (article URL, field, trigger start, type). Never row ids: mention ids depend on
    which extraction batch committed first, article ids on which feed was stored first. Inside an article
    the mentions keep the order they always had, that of their keys as text ("content:1196" before
    "content:243"): reading order would be as good a rule, but would move 2 % of the events for nothing."""
    url, *rest = natural
    return (event_date, published or datetime.max, url, ":".join(map(str, rest)))


@dataclass(frozen=True, slots=True)
class Summary:
    """The recomputed description of an event: the columns of `events` besides its key."""
    event_type: str
    mode: str | None
    event_date: date
    date_precision: str | None
    date_source: str | None
    actor: ActorRef | None
    recipient: ActorRef | None
    place: PlaceRef | None
    fatalities: tuple[int | None, int | None, int | None]
    injured: tuple[int | None, int | None, int | None]
    num_mentions: int
    num_articles: int
    num_sources: int
    num_stories: int
    first_seen: datetime | None
    last_seen: datetime | None
    acled: tuple[str | None, str | None] = (None, None)
    cameo: str | None = None
    evidence: str | None = None


# ------------------------------------------------------------------------------------------ compatibility

_DEFAULT = EventConfig()
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def actor_family(ref: ActorRef) -> str:
    """The side an actor belongs to, for voting on an event's actor: a state with its government, military,
    police and officials (country:SYR, country:SYR:MIL, person:assad are Syria); a kind of agent of a country
    (civilians of Syria); an organisation itself."""
    if ref.key.startswith("country:") or (ref.key.startswith("person:") and ref.sector in _STATE_SECTORS):
        return f"state:{ref.country or ref.key}"
    if ref.key.startswith("generic:"):
        return f"{ref.key}:{ref.country or ''}"
    return ref.key


def date_interval(day: date, precision: str | None, source: str | None, cfg: EventConfig) -> tuple[date, date]:
    if precision not in (None, "day"):
        slack = timedelta(days=cfg.slack(precision))
        return day - slack, day + slack
    if source == "published":
        return day - timedelta(days=cfg.published_lag_days), day
    tolerance = timedelta(days=cfg.date_tolerance_days)
    return day - tolerance, day + tolerance


def mention_interval(m: Mention, cfg: EventConfig) -> tuple[date, date]:
    lo, hi = date_interval(m.event_date, m.date_precision, m.date_source, cfg)
    if m.date_source == "published" and getattr(m, "salience", "main") == "background" and \
            date_class(m.date_precision) == "day":
        # an event named in passing with no date of its own ("بعد مقتل 60 فلسطينيا") is usually one told days
        # before: it may join an event up to background_lag_days before the article
        lo = min(lo, m.event_date - timedelta(days=cfg.background_lag_days))
    return lo, hi


COARSE = ("month", "year")


def date_class(precision: str | None) -> str:
    """"day" for dates of a day or a week, else the coarse precision itself. Only mentions and events of one
    class meet: "in March" says too little to join (and inflate) the event of one day in March."""
    return precision if precision in COARSE else "day"


def reach_days(cfg: EventConfig, precision: str | None = None) -> int:
    """How far (days) the date of a compatible event of this date class may lie from a mention's interval."""
    if date_class(precision) == "day":
        return max(cfg.date_tolerance_days, cfg.published_lag_days, cfg.slack("week"), cfg.background_lag_days)
    return cfg.slack(precision)


def modes_compatible(a: str | None, b: str | None, cfg: EventConfig) -> bool:
    a, b = a or "", b or ""
    if a == b or a in cfg.generic_modes or b in cfg.generic_modes:
        return True
    return any(a in group and b in group for group in cfg.mode_groups)


def actors_compatible(a: ActorRef | None, b: ActorRef | None, cfg: EventConfig | None = None) -> bool:
    """The same key, or no conflict of country and of sector (sectors of one configured group, such as a
    state's army and police, or civilians and students, are one side as reports name it)."""
    if a is None or b is None or a.key == b.key:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return (cfg or _DEFAULT).sectors_compatible(a.match_sector, b.match_sector)


def place_distance(a: PlaceRef, b: PlaceRef) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def places_compatible(a: PlaceRef | None, b: PlaceRef | None, cfg: EventConfig) -> bool:
    if a is None or b is None:
        return True
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    coarse = max(a.precision, b.precision)
    same_country = not (a.country and b.country) or a.country == b.country
    if coarse >= 4:
        return same_country
    if coarse == 3 and same_country and a.admin1 and a.admin1 == b.admin1:
        return True
    distance = place_distance(a, b)
    if distance is None:
        return coarse >= 3 and same_country
    return distance <= cfg.max_km[coarse]


def anchored(m: Mention, e: Summary, cfg: EventConfig) -> bool:
    """Positive evidence that a compatible mention reports this event (compatibility alone lets unknowns
    and whole countries agree): places that agree below the country level, the same rare mode (a chemical
    attack), tolls of some size that agree, or the same named actor or recipient."""
    if m.place and e.place and max(m.place.precision, e.place.precision) <= 3 and places_compatible(m.place, e.place, cfg):
        return True
    if m.mode and m.mode == e.mode and m.mode in cfg.rare_modes:
        return True  # a chemical attack in Syria within a day or two of the one in Douma is that one
    if _tolls_agree(m.fatalities, e.fatalities, cfg):
        return True
    return any(mine and theirs and mine.key == theirs.key and not mine.key.startswith("generic:")
               for mine, theirs in ((m.actor, e.actor), (m.recipient, e.recipient)))


def _tolls_agree(mine: tuple, theirs: tuple, cfg: EventConfig) -> bool:
    """A toll of some size within the event's range, give or take a quarter: "60 dead" and "more than 50" in
    one country on one day, for one type, are one massacre reported twice."""
    best = mine[1]
    low = theirs[0] if theirs[0] is not None else theirs[1]
    high = theirs[2] if theirs[2] is not None else theirs[1]
    if best is None or low is None or high is None or min(best, low) < cfg.toll_anchor_min:
        return False
    return low / 1.25 <= best <= high * 1.25


def compatible(m: Mention, e: Summary, cfg: EventConfig, same_article: bool = False) -> bool:
    """Can the mention report this event? `same_article`: the event already holds a mention of the mention's
    own article, which usually tells one event over several sentences ("the strike ... the raid ... the
    bombing"): there the mode may differ and no anchor is needed - a different day, a conflicting side or
    another place still part them."""
    if m.event_type != e.event_type or not (same_article or modes_compatible(m.mode, e.mode, cfg)):
        return False
    if date_class(m.date_precision) != date_class(e.date_precision):
        return False
    lo, hi = mention_interval(m, cfg)
    e_lo, e_hi = date_interval(e.event_date, e.date_precision, e.date_source, cfg)
    if hi < e_lo or e_hi < lo:
        return False
    if not places_compatible(m.place, e.place, cfg):
        return False
    if not (actors_compatible(m.actor, e.actor, cfg) and actors_compatible(m.recipient, e.recipient, cfg)) and \
            not _same_spot(m, e, cfg):
        return False
    return same_article or anchored(m, e, cfg)


def _same_spot(m: Mention, e: Summary, cfg: EventConfig) -> bool:
    """One specific place (a town or a site, within max_km of its precision) and a specific mode in common: the
    reports disagree on the sides, as reports of one event often do (who is blamed for Douma, the rescuers
    named as if they acted), but the act, the place and the day are one."""
    if m.place is None or e.place is None or max(m.place.precision, e.place.precision) > 2:
        return False
    if not (m.mode and e.mode and m.mode not in cfg.generic_modes and modes_compatible(m.mode, e.mode, cfg)):
        return False
    if m.place.identity == e.place.identity:
        return True
    distance = place_distance(m.place, e.place)
    return distance is not None and distance <= cfg.max_km[max(m.place.precision, e.place.precision)]


def score(m: Mention, e: Summary, cfg: EventConfig, same_article: bool = False) -> float:
    """How well a compatible mention fits an event: shared place, actors, mode and date add up, and above all
    the mention's own article (link within an article first, then across articles)."""
    value = 3.0 if same_article else 1.0
    if m.place and e.place:
        if m.place.identity == e.place.identity:
            value += 2.0
        else:
            distance = place_distance(m.place, e.place)
            if distance is not None:
                value += max(0.0, 1.0 - distance / cfg.max_km[min(3, max(m.place.precision, e.place.precision))])
    for mine, theirs in ((m.actor, e.actor), (m.recipient, e.recipient)):
        if mine and theirs:
            value += 2.0 if mine.key == theirs.key else 0.5
    if m.mode and m.mode == e.mode and m.mode not in cfg.generic_modes:
        value += 1.0
    value += 1.0 / (1 + abs((m.event_date - e.event_date).days))
    return round(value, 6)


# ------------------------------------------------------------------------------------------ summary

def reports(members: list[Mention]) -> dict[int, tuple]:
    """Mention id -> its independent report: mentions of one story, or with the same evidence sentence,
    are one report (connected: a sentence shared by two stories makes them one report here)."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for m in members:
        if m.sentence_key is None:
            continue
        a, b = find(m.story), find(("t", m.sentence_key))
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {m.mention_id: find(m.story) for m in members}


def _by_reports(members: list[Mention], value, report: dict[int, tuple]) -> Counter:
    """How many independent reports give each value."""
    seen: dict = defaultdict(set)
    for m in members:
        v = value(m)
        if v is not None:
            seen[v].add(report[m.mention_id])
    return Counter({v: len(r) for v, r in seen.items()})


def _most_reported(counts: Counter, tiebreak) -> object | None:
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], tiebreak(v)))


def _toll(members: list[Mention], attr: str, report: dict[int, tuple]) -> tuple[int | None, int | None, int | None]:
    """low / best / high over the independent reports: each report (story) contributes the highest numbers
    its mentions give (a report raises its own toll as it is updated); best is the most conservative report's
    (ACLED's rule: the lowest credible figure), low the smallest low, high the largest high (UCDP's range)."""
    per_report: dict = defaultdict(lambda: [None, None, None])
    for m in members:
        low, best, high = getattr(m, attr)
        if best is None and low is None and high is None:
            continue
        best = best if best is not None else (low if low is not None else high)
        slot = per_report[report[m.mention_id]]
        for i, v in enumerate((low if low is not None else best, best, high if high is not None else best)):
            slot[i] = v if slot[i] is None else max(slot[i], v)
    if not per_report:
        return (None, None, None)
    values = list(per_report.values())
    return (min(v[0] for v in values), min(v[1] for v in values), max(v[2] for v in values))


def summarize(event_type: str, members: list[Mention], cfg: EventConfig) -> Summary:
    if not members:
        raise ValueError("an event needs at least one mention")
    generic = set(cfg.generic_modes)
    report = reports(members)
    modes = _by_reports(members, lambda m: m.mode if (m.mode or "") not in generic else None, report)
    mode = _most_reported(modes, lambda v: (cfg.mode_rank(v), v))
    if mode is None:
        mode = "kill" if any(m.mode == "kill" for m in members) and "kill" in generic else None

    # Every choice below ends its tie-break on the mentions' link order, so that the summary is the same
    # whatever order the members come in (stored events are read back from the database in no set order).
    text_days = _by_reports(members, lambda m: m.event_date if m.date_source == "text" and m.date_precision in (None, "day")
                            else None, report)
    if text_days:
        best_date, precision, source = _most_reported(text_days, lambda d: d), "day", "text"
    else:
        rank = {None: 0, "day": 0, "week": 1, "month": 2, "year": 3}
        first = min(members, key=lambda m: (rank.get(m.date_precision, 4), m.event_date, m.order))
        best_date, precision, source = first.event_date, first.date_precision, first.date_source

    def best_actor(role: str) -> ActorRef | None:
        # the mentions that tell the event vote; those that only speak of it (background: "Washington condemned
        # the attack on Douma") only when none of the others names this side
        voters = [m for m in members if getattr(m, role) is not None and m.salience == "main"] or \
            [m for m in members if getattr(m, role) is not None]
        if not voters:
            return None
        by_key = {}  # per key, the ref that knows most (country and sector), the earliest
        for m in sorted(voters, key=lambda m: (getattr(m, role).country is None, getattr(m, role).sector is None,
                                                m.order)):
            by_key.setdefault(getattr(m, role).key, getattr(m, role))
        families = _by_reports(voters, lambda m: actor_family(getattr(m, role)), report)
        said = Counter(actor_family(getattr(m, role)) for m in voters)  # within one report: how often
        family = _most_reported(families, lambda f: (-said[f], f))
        keys = _by_reports(voters, lambda m: getattr(m, role).key if actor_family(getattr(m, role)) == family
                           else None, report)
        key = _most_reported(keys, lambda k: (by_key[k].sector is None, by_key[k].country is None, k))
        return by_key[key]

    placed = [m for m in members if m.place is not None]
    place = None
    if placed:
        # the most precise place named in the sentence itself; among equals the one most reports, then
        # most mentions, give; then the earliest report's (two places of one name, or one place at two
        # points: "20 km north of"), not the smaller place id, which depends on how the gazetteer was written
        support = _by_reports(members, lambda m: m.place.identity if m.place else None, report)
        mentions = Counter(m.place.identity for m in placed)
        place = min(placed, key=lambda m: (m.place.inherited, m.place.precision, -support[m.place.identity],
                                           -mentions[m.place.identity], m.place.name or "",
                                           m.order)).place

    seen = [m.published for m in members if m.published is not None]
    # the ACLED pair and the CAMEO code the most reports give among the mentions of the event's mode (the coder
    # sets the pair by the sides as well: an attack on civilians, a clash of armed sides); the evidence is the
    # first telling of the event (a main mention where there is one)
    of_mode = [m for m in members if (m.mode or None) == (mode or None)] or members
    acled = _most_reported(_by_reports(of_mode, lambda m: m.acled if m.acled[0] else None, report),
                           lambda v: v) or (None, None)
    cameo = _most_reported(_by_reports(of_mode, lambda m: m.cameo, report), lambda v: v)
    told = min((m for m in members if m.sentence), key=lambda m: (m.salience != "main", m.order), default=None)
    return Summary(
        acled=acled, cameo=cameo, evidence=told.sentence if told else None,
        event_type=event_type, mode=mode, event_date=best_date, date_precision=precision, date_source=source,
        actor=best_actor("actor"), recipient=best_actor("recipient"), place=place,
        fatalities=_toll(members, "fatalities", report), injured=_toll(members, "injured", report),
        num_mentions=len(members), num_articles=len({m.article_id for m in members}),
        num_sources=len({m.source_id for m in members}), num_stories=len(set(report.values())),
        first_seen=min(seen) if seen else None, last_seen=max(seen) if seen else None)
