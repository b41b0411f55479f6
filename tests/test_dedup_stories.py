"""Stories: near-duplicate articles found with MinHash LSH over folded word shingles (both databases)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import func, select

from etl.dedup.config import DedupConfig, StoryConfig
from etl.dedup.fingerprints import SAMPLE_BAND
from etl.dedup.fingerprints import Fingerprinter, jaccard, shingle_hashes, words
from etl.dedup.stories import assign_batch, assign_pending, pending_articles, rebuild
from etl.load.db import session_scope
from etl.load.models import ArticleFingerprint, LshBucket, Story, StoryArticle
from tests.test_dedup_support import D0, add_article, count, rewrite_article, snapshot, story_of, story_partition

CFG = DedupConfig()

# A wire story as an agency sends it, and the same copy as three outlets print it: a new headline and
# dateline, a few words changed, a sentence dropped or added.
WIRE_TITLE = "مقتل خمسة أشخاص في انفجار سيارة مفخخة وسط بغداد"
WIRE = (
    "بغداد (رويترز) - قالت مصادر أمنية عراقية إن خمسة أشخاص على الأقل قُتلوا وأصيب اثنا عشر آخرون يوم الثلاثاء "
    "في انفجار سيارة مفخخة استهدف سوقاً شعبياً في منطقة الكرادة وسط العاصمة بغداد.\n"
    "وأضافت المصادر أن السيارة كانت مركونة قرب مدخل السوق وانفجرت في ساعة الذروة حين كان السوق مزدحماً بالمتسوقين.\n"
    "وهرعت سيارات الإسعاف إلى المكان ونقلت الجرحى إلى مستشفى ابن النفيس القريب، فيما فرضت قوات الأمن طوقاً حول المنطقة.\n"
    "ولم تعلن أي جهة على الفور مسؤوليتها عن الهجوم، لكن تنظيم الدولة الإسلامية تبنى هجمات مماثلة في العاصمة خلال الأشهر الماضية.\n"
    "وقال مسؤول في وزارة الداخلية إن التحقيقات جارية لمعرفة ملابسات الانفجار، مشيراً إلى أن حصيلة الضحايا قد ترتفع "
    "بسبب خطورة إصابات بعض الجرحى.\n"
    "ويأتي الهجوم بعد أسابيع من الهدوء النسبي في بغداد التي شهدت تراجعاً في أعمال العنف منذ إعلان الحكومة النصر على التنظيم."
)
REPRINT_B = (
    "بغداد - قالت مصادر في الشرطة العراقية إن خمسة أشخاص على الأقل قتلوا وأصيب اثنا عشر آخرون اليوم الثلاثاء "
    "في انفجار سيارة مفخخة استهدف سوقا شعبيا في منطقة الكرادة وسط العاصمة العراقية بغداد.\n"
    "وأضافت المصادر أن السيارة كانت مركونة قرب مدخل السوق وانفجرت في ساعة الذروة حين كان السوق مزدحما بالمتسوقين.\n"
    "وهرعت سيارات الإسعاف إلى المكان ونقلت الجرحى إلى مستشفى ابن النفيس القريب، فيما فرضت القوات الأمنية طوقا حول المنطقة.\n"
    "ولم تعلن أي جهة حتى الآن مسؤوليتها عن الهجوم، لكن تنظيم الدولة الإسلامية تبنى هجمات مماثلة في العاصمة خلال الأشهر الماضية.\n"
    "وقال مسؤول في وزارة الداخلية إن التحقيقات جارية لمعرفة ملابسات الانفجار، مشيرا إلى أن حصيلة الضحايا قد ترتفع "
    "بسبب خطورة إصابات بعض الجرحى."
)
REPRINT_C = (
    "(وكالات) قالت مصادر أمنية عراقية إن خمسة أشخاص على الأقل قتلوا وأصيب اثنا عشر آخرون يوم الثلاثاء "
    "في انفجار سيارة مفخخة استهدف سوقا شعبيا في منطقة الكرادة وسط العاصمة بغداد.\n"
    "وأضافت المصادر أن السيارة كانت مركونة قرب مدخل السوق وانفجرت في ساعة الذروة حين كان السوق مزدحما بالمتسوقين.\n"
    "وهرعت سيارات الإسعاف إلى المكان ونقلت الجرحى إلى مستشفى ابن النفيس القريب، فيما فرضت قوات الأمن طوقا حول المنطقة.\n"
    "ولم تعلن أي جهة على الفور مسؤوليتها عن الهجوم، لكن تنظيم الدولة الإسلامية تبنى هجمات مماثلة في العاصمة خلال الأشهر الماضية.\n"
    "ويأتي الهجوم بعد أسابيع من الهدوء النسبي في بغداد التي شهدت تراجعا في أعمال العنف منذ إعلان الحكومة النصر على التنظيم.\n"
    "وأدان رئيس الوزراء التفجير ووصفه بأنه محاولة يائسة لزعزعة الاستقرار، وأمر بتشكيل لجنة للتحقيق في الخرق الأمني."
)
# Same day, same city, another story altogether.
OTHER_TITLE = "الأردن يستضيف مؤتمرا إقليميا حول شح المياه"
OTHER = (
    "عمان - افتتح في العاصمة الأردنية عمان اليوم مؤتمر إقليمي يبحث سبل مواجهة شح المياه في المنطقة بمشاركة وزراء "
    "وخبراء من عشر دول عربية.\nوقال وزير المياه الأردني في كلمة الافتتاح إن بلاده تعد من أفقر دول العالم مائيا، "
    "وإن التغير المناخي وتزايد عدد السكان يضاعفان الضغط على الموارد المحدودة.\nويناقش المشاركون على مدى ثلاثة أيام "
    "مشاريع تحلية مياه البحر وإعادة استخدام المياه المعالجة في الزراعة، إضافة إلى تعزيز التعاون في إدارة الأحواض المشتركة."
)

# Six paragraphs of one developing story: A = 1-4, B = 2-5, C = 3-6, so A~B and B~C but not A~C.
PARAS = [
    "تواصل فرق الدفاع المدني في محافظة نينوى البحث عن مفقودين بعد السيول التي اجتاحت عدة قرى جنوب مدينة الموصل "
    "ليلة الأحد إثر أمطار غزيرة لم تشهدها المنطقة منذ سنوات طويلة.",
    "وقال مدير الدفاع المدني في المحافظة إن فرقه أنقذت أكثر من مئتي شخص حاصرتهم المياه فوق أسطح منازلهم، "
    "مستخدمة زوارق مطاطية وطائرات مروحية قدمها الجيش.",
    "وأظهرت صور بثتها وسائل إعلام محلية طرقا رئيسية مقطوعة وجسورا صغيرة جرفتها المياه، فيما غمرت السيول مساحات "
    "واسعة من الأراضي الزراعية المزروعة بالقمح والشعير.",
    "وأعلنت الحكومة المحلية تعطيل الدوام الرسمي في المدارس والدوائر الحكومية ليومين، ودعت السكان إلى الابتعاد عن "
    "مجاري الأودية وضفاف الأنهار حتى انحسار المياه.",
    "من جهتها أرسلت وزارة الهجرة شاحنات محملة بالخيام والأغطية والمواد الغذائية إلى العائلات التي فقدت منازلها، "
    "وقالت إن عدد المتضررين قد يتجاوز ثلاثة آلاف عائلة.",
    "ويحذر خبراء في الأرصاد الجوية من موجة أمطار جديدة متوقعة نهاية الأسبوع، مطالبين بتحسين شبكات تصريف المياه "
    "وإقامة سدود صغيرة لحماية القرى الواقعة في المناطق المنخفضة.",
]


def chain_texts() -> tuple[str, str, str]:
    return "\n".join(PARAS[0:4]), "\n".join(PARAS[1:5]), "\n".join(PARAS[2:6])


# ------------------------------------------------------------------------------------------ fingerprints

def test_normalization_folds_spelling_variants():
    assert words("قُتلوا وأصيب سوقاً") == words("قتلوا واصيب سوقا")
    assert words("إلى مستشفى الرمادي ٣") == ["الي", "مستشفي", "الرمادي", "3"]
    fp = Fingerprinter(StoryConfig())
    assert fp.buckets(shingle_hashes(WIRE, 3)) == fp.buckets(shingle_hashes(WIRE.replace("سوقاً", "سوقا"), 3))


def test_reprints_are_similar_and_other_stories_are_not():
    a, b, c, other = (shingle_hashes(f"{WIRE_TITLE}\n{t}", 3) for t in (WIRE, REPRINT_B, REPRINT_C, OTHER))
    assert 0.5 <= jaccard(a, b) < 0.95 and 0.5 <= jaccard(a, c) < 0.95
    assert jaccard(a, other) < 0.05
    x, y, z = (shingle_hashes(t, 3) for t in chain_texts())
    assert jaccard(x, y) >= 0.5 and jaccard(y, z) >= 0.5 and jaccard(x, z) < 0.5


def test_lsh_bands_find_pairs_with_the_expected_probability():
    """Articles of Jaccard ~0.6 share a band far more often than of ~0.1 (1-(1-J^3)^40: 0.9998 vs 0.04)."""
    cfg = StoryConfig()
    fp = Fingerprinter(cfg)
    rng = np.random.default_rng(7)
    hits = {0.6: 0, 0.1: 0}
    for _ in range(200):
        for target in hits:
            common = rng.integers(0, 2**32, 300, dtype=np.uint64)
            extra = int(300 * (1 - target) / (2 * target))  # |A∩B| / |A∪B| = 300 / (300 + 2·extra)
            a = np.unique(np.concatenate([common, rng.integers(0, 2**32, extra, dtype=np.uint64)]).astype("<u4"))
            b = np.unique(np.concatenate([common, rng.integers(0, 2**32, extra, dtype=np.uint64)]).astype("<u4"))
            hits[target] += any(x == y for x, y in zip(fp.buckets(a), fp.buckets(b)))  # same band, same key
    assert hits[0.6] >= 195 and hits[0.1] <= 25
    assert cfg.candidate_probability(0.5) > 0.99 > 0.5 > cfg.candidate_probability(0.1)


# ------------------------------------------------------------------------------------------ stories in the database

def test_wire_copy_reprinted_by_three_outlets_is_one_story(db_url):
    wire = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    b = add_article(db_url, "daily-b", "خمسة قتلى بتفجير سيارة مفخخة في سوق ببغداد", REPRINT_B, D0 + timedelta(hours=2))
    c = add_article(db_url, "tv-c", WIRE_TITLE, REPRINT_C, D0 + timedelta(hours=5))
    other = add_article(db_url, "daily-b", OTHER_TITLE, OTHER)
    # B and C each edited the wire copy differently (their Jaccard is ~0.37): with rewrites between sources not
    # joined below 0.5, both are near-duplicates of the wire copy (~0.55, ~0.68) only, and a story is a connected
    # component, so they meet through it
    strict = DedupConfig(stories=CFG.stories.model_copy(update={"cross_source_threshold": 0.5, "containment": 1.0}))
    result = assign_pending(db_url, strict)
    assert result.articles == 4 and result.near_duplicates == 2
    assert story_partition(db_url) == {frozenset({wire, b, c}), frozenset({other})}
    story = story_of(db_url, b)
    assert story.seed_article_id == wire and story.title == WIRE_TITLE
    assert story.num_articles == 3 and story.num_sources == 3
    assert story.first_published_at == D0 and story.last_published_at == D0 + timedelta(hours=5)
    with session_scope(db_url) as s:
        matched = {r.article_id: (r.matched_article_id, r.similarity) for r in s.scalars(select(StoryArticle))}
    assert matched[other] == (None, None)
    assert all(matched[x][0] in {wire, b, c} - {x} and 0.5 <= matched[x][1] < 1 for x in (wire, b, c))
    with session_scope(db_url) as s:  # 40 band keys per article, and the sampled shingles of the containment index
        bands = s.scalar(select(func.count()).select_from(LshBucket).where(LshBucket.band >= 0))
        samples = s.scalar(select(func.count()).select_from(LshBucket).where(LshBucket.band == SAMPLE_BAND))
    assert bands == 4 * CFG.stories.bands and samples > 0


def test_rerun_is_a_no_op(db_url):
    for i, text in enumerate((WIRE, REPRINT_B, REPRINT_C, OTHER)):
        add_article(db_url, ("wire-a", "daily-b", "tv-c", "site-d")[i], f"عنوان {i}", text)
    assign_pending(db_url, CFG)
    before = snapshot(db_url)
    again = assign_pending(db_url, CFG)
    assert again.articles == 0 and snapshot(db_url) == before
    with session_scope(db_url) as s:
        assert pending_articles(s, CFG.stories) == []


def test_a_bridging_article_merges_two_stories_whatever_the_order(db_url):
    a_text, b_text, c_text = chain_texts()
    a = add_article(db_url, "wire-a", "سيول نينوى", a_text)
    c = add_article(db_url, "tv-c", "سيول الموصل", c_text)
    b = add_article(db_url, "daily-b", "سيول في نينوى", b_text)
    assign_batch(db_url, [a, c], CFG)
    assert story_partition(db_url) == {frozenset({a}), frozenset({c})}
    c_story = story_of(db_url, c).id
    result = assign_batch(db_url, [b], CFG)
    assert result.stories_merged == 1 and result.stories_created == 0
    assert story_partition(db_url) == {frozenset({a, b, c})}
    merged = story_of(db_url, c)
    assert merged.seed_article_id == a and merged.num_articles == 3 and merged.num_sources == 3
    with session_scope(db_url) as s:
        assert s.get(Story, c_story) is None and s.scalar(select(func.count()).select_from(Story)) == 1


def test_batches_in_any_order_give_the_same_stories(db_url):
    a_text, b_text, c_text = chain_texts()
    ids = [add_article(db_url, src, f"عنوان {i}", text) for i, (src, text) in enumerate(
        [("wire-a", a_text), ("daily-b", b_text), ("tv-c", c_text), ("wire-a", WIRE), ("daily-b", REPRINT_B),
         ("site-d", OTHER), ("tv-c", REPRINT_C)])]
    for batch in ([ids[6], ids[2]], [ids[5], ids[0]], [ids[4]], [ids[1], ids[3]]):
        assign_batch(db_url, batch, CFG)
    expected = {frozenset(ids[0:3]), frozenset({ids[3], ids[4], ids[6]}), frozenset({ids[5]})}
    assert story_partition(db_url) == expected
    with session_scope(db_url) as s:
        seeds = set(s.scalars(select(Story.seed_article_id)))
    assert seeds == {ids[0], ids[3], ids[5]}  # the natural key: each story's smallest article id
    rebuild(db_url)
    assert count(db_url, Story) == 0 and count(db_url, ArticleFingerprint) == 0
    assign_pending(db_url, CFG)  # one batch, from scratch
    assert story_partition(db_url) == expected


def test_an_article_rewritten_leaves_its_story_which_splits(db_url):
    a_text, b_text, c_text = chain_texts()
    a = add_article(db_url, "wire-a", "سيول نينوى", a_text)
    b = add_article(db_url, "daily-b", "سيول في نينوى", b_text)
    c = add_article(db_url, "tv-c", "سيول الموصل", c_text)
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({a, b, c})}
    rewrite_article(db_url, b, OTHER)  # the outlet replaced the text behind the same URL
    with session_scope(db_url) as s:
        assert pending_articles(s, CFG.stories) == [b]
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({a}), frozenset({b}), frozenset({c})}
    assert story_of(db_url, a).seed_article_id == a and story_of(db_url, c).seed_article_id == c
    with session_scope(db_url) as s:  # the rewritten article's old keys are gone: 40 band keys per article
        bands = s.scalar(select(func.count()).select_from(LshBucket).where(LshBucket.band >= 0))
    assert count(db_url, Story) == 3 and bands == 3 * CFG.stories.bands


def test_near_duplicates_weeks_apart_are_separate_stories(db_url):
    first = add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    late = add_article(db_url, "daily-b", WIRE_TITLE, REPRINT_B, D0 + timedelta(days=30))
    close = add_article(db_url, "tv-c", WIRE_TITLE, REPRINT_C, D0 + timedelta(days=6))
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({first, close}), frozenset({late})}


def test_a_text_without_words_is_a_story_of_its_own(db_url):
    empty = add_article(db_url, "wire-a", "—", "…")
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({empty})}
    assert count(db_url, LshBucket) == 0


@pytest.mark.parametrize("change", ["shingle_size", "threshold"])
def test_changed_fingerprint_parameters_make_fingerprints_stale(db_url, change):
    add_article(db_url, "wire-a", WIRE_TITLE, WIRE)
    assign_pending(db_url, CFG)
    other = DedupConfig(stories=StoryConfig(**{"shingle_size": 4} if change == "shingle_size" else {"threshold": 0.9}))
    with session_scope(db_url) as s:
        stale = pending_articles(s, other.stories)
    # the threshold decides edges, not fingerprints: changing it needs `marsad dedup --rebuild`
    assert len(stale) == (1 if change == "shingle_size" else 0)


# ------------------------------------------------------------------------------------------ containment and templates

# A paper's fuller version: the wire copy, then background and reactions of its own.
FULLER = WIRE + "\n" + OTHER.replace("عمان - ", "") + "\n" + (
    "وفي سياق متصل، عقد مجلس النواب جلسة طارئة لمناقشة الوضع الأمني في العاصمة واستضاف قادة الأجهزة الأمنية "
    "الذين قدموا إحاطة عن الخطط الجديدة لحماية الأسواق والأماكن العامة، وطالب عدد من النواب بمحاسبة المقصرين "
    "وتعويض عوائل الضحايا وإعادة تأهيل المحال التي تضررت في الانفجار، فيما دعت منظمات المجتمع المدني إلى حملة "
    "للتبرع بالدم في مستشفيات العاصمة التي تستقبل الجرحى منذ ساعات الصباح الأولى.\n"
    "وعلى الصعيد الدولي، دانت بعثة الأمم المتحدة لمساعدة العراق الهجوم في بيان، وأكدت وقوفها إلى جانب الشعب العراقي "
    "وحكومته في مواجهة الإرهاب، كما دانت سفارات عدة دول عربية وأجنبية التفجير وقدمت تعازيها لذوي الضحايا، ودعت "
    "جامعة الدول العربية إلى تعزيز التعاون الإقليمي في تبادل المعلومات الأمنية لمنع تكرار مثل هذه الهجمات.\n"
    "ويرى محللون أن عودة التفجيرات إلى الأسواق الشعبية تعكس محاولة الخلايا النائمة إثبات وجودها بعد الخسائر التي "
    "منيت بها في المحافظات الغربية والشمالية، ويشيرون إلى أن الأجهزة الأمنية بحاجة إلى تطوير قدراتها الاستخبارية "
    "والاعتماد على التقنيات الحديثة في كشف العبوات والسيارات المفخخة قبل وصولها إلى أهدافها في المناطق المكتظة.\n"
    "وكانت العاصمة قد شهدت خلال العام الماضي سلسلة من الإجراءات لتخفيف الازدحام عند نقاط التفتيش ورفع الكتل "
    "الخرسانية من عدد من الشوارع الرئيسية، وهي خطوات رحب بها السكان والتجار الذين عانوا طويلا من القيود المفروضة "
    "على الحركة، غير أن بعضهم يطالب اليوم بمراجعة تلك الإجراءات في ضوء التطورات الأخيرة وحماية الأسواق المزدحمة.")


def _jc(a: str, b: str) -> tuple[float, float]:
    from etl.dedup.fingerprints import containment, jaccard, shingle_hashes

    x, y = shingle_hashes(a, 3), shingle_hashes(b, 3)
    return jaccard(x, y), containment(x, y)


def test_a_reprint_inside_another_sources_fuller_version_is_one_story(db_url):
    short = "\n".join(WIRE.split("\n")[:3])  # the agency's short item
    j, c = _jc(f"{WIRE_TITLE}\n{short}", f"{WIRE_TITLE}\n{FULLER}")
    assert j < CFG.stories.cross_source_threshold and c > 0.95  # only containment can join them
    wire = add_article(db_url, "wire-a", WIRE_TITLE, short)
    fuller = add_article(db_url, "daily-b", WIRE_TITLE, FULLER, D0 + timedelta(hours=3))
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({wire, fuller})}
    # without the containment rule they stay apart: the rule, not the Jaccard, joined them
    rebuild(db_url)
    assign_pending(db_url, DedupConfig(stories=CFG.stories.model_copy(update={"containment": 1.0,
                                                                              "containment_min_shingles": 10_000})))
    assert story_partition(db_url) == {frozenset({wire}), frozenset({fuller})}


def test_containment_within_one_outlet_or_of_a_headline_does_not_join(db_url):
    wire = add_article(db_url, "daily-b", WIRE_TITLE, WIRE)
    later = add_article(db_url, "daily-b", WIRE_TITLE, FULLER, D0 + timedelta(hours=3))  # the same outlet's new lead
    headline = add_article(db_url, "tv-c", WIRE_TITLE, "قالت مصادر أمنية عراقية إن خمسة أشخاص على الأقل قُتلوا "
                                                       "وأصيب اثنا عشر آخرون يوم الثلاثاء", D0 + timedelta(hours=1))
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({wire}), frozenset({later}), frozenset({headline})}


WEATHER = ("تتوقع الهيئة العامة للأرصاد الجوية أن يكون الطقس يوم {day} مشمسا على معظم مناطق المملكة مع ارتفاع في "
           "درجات الحرارة التي تتراوح في العاصمة بين {low} و{high} درجة مئوية، وتنشط الرياح السطحية المثيرة للأتربة "
           "والغبار على المناطق الشرقية والوسطى، فيما تتكون السحب الركامية الممطرة على المرتفعات الجنوبية الغربية، "
           "وتكون الرؤية الأفقية متدنية على أجزاء من الطرق السريعة، وتدعو الهيئة قائدي المركبات إلى توخي الحذر.")
CABLE = ("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لرئيس جمهورية {country} بمناسبة "
         "ذكرى استقلال بلاده، أعرب فيها عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة له، ولحكومة وشعب {country} "
         "الصديق المزيد من التقدم والازدهار. كما بعث ولي العهد برقية تهنئة مماثلة عبر فيها عن أطيب التهاني "
         "وأصدق التمنيات بموفور الصحة والسعادة.")


@pytest.mark.parametrize("first, second", [
    (WEATHER.format(day="الاثنين", low=25, high=38), WEATHER.format(day="الثلاثاء", low=26, high=39)),
    (CABLE.format(country="الكاميرون"), CABLE.format(country="السنغال")),
])
def test_one_template_filled_differently_is_two_stories(db_url, first, second):
    assert _jc(first, second)[0] >= CFG.stories.threshold  # as similar as reprints
    a = add_article(db_url, "wire-a", "نشرة", first)
    b = add_article(db_url, "daily-b", "نشرة", second, D0 + timedelta(hours=20))
    same = add_article(db_url, "tv-c", "نشرة", first.replace("،", " ،"), D0 + timedelta(hours=2))  # a true reprint
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({a, same}), frozenset({b})}


def test_pages_with_a_title_and_no_text_are_no_story(db_url):
    a = add_article(db_url, "wire-a", "كاريكاتير اليوم: الطريق إلى الانتخابات", "")
    b = add_article(db_url, "daily-b", "كاريكاتير اليوم: الطريق إلى الانتخابات", "صورة", D0 + timedelta(hours=1))
    assign_pending(db_url, CFG)
    assert story_partition(db_url) == {frozenset({a}), frozenset({b})}
