"""Build the Arabic gazetteer used by the NER model (training-time only).

Sources
- Babel (CLDR) Arabic territory names (countries and world regions) and the
  exemplar cities of CLDR time zones, with their English names;
- pycountry's iso3166-1 Arabic translations (second spelling of country names);
- Babel Arabic language names turned into nationality adjectives
  («الروسية» → «روسي»), used as a feature only;
- a small hand list (below) of world organisations, cities CLDR does not have,
  and aliases / spelling variants of well-known entities.

Writes ``akhbar/resources/ner/gazetteer.json``::

    {"entries": [{"label": "LOC", "en": "Pyongyang", "canonical": "بيونغ يانغ",
                  "names": [...], "kind": "city"}, ...],
     "nationalities": [...]}

    python -m akhbar.training.build_gazetteer [--out PATH]
"""

from __future__ import annotations

import argparse
import gettext
import json
import os

# label, English, kind, Arabic names (first = canonical display form)
HAND: list[tuple[str, str, str, list[str]]] = [
    # --- organisations -------------------------------------------------
    ("ORG", "NATO", "org", ["حلف شمال الأطلسي", "حلف الناتو", "الناتو", "ناتو", "حلف الأطلسي", "حلف شمال الاطلسي", "الحلف الأطلسي", "منظمة حلف شمال الأطلسي"]),
    ("ORG", "United Nations", "org", ["الأمم المتحدة", "منظمة الأمم المتحدة", "هيئة الأمم المتحدة"]),
    ("ORG", "UN Security Council", "org", ["مجلس الأمن الدولي", "مجلس الأمن", "مجلس الأمن التابع للأمم المتحدة"]),
    ("ORG", "UN General Assembly", "org", ["الجمعية العامة للأمم المتحدة", "الجمعية العامة"]),
    ("ORG", "European Union", "org", ["الاتحاد الأوروبي", "الاتحاد الاوربي", "الاتحاد الأوربي"]),
    ("ORG", "European Commission", "org", ["المفوضية الأوروبية"]),
    ("ORG", "African Union", "org", ["الاتحاد الأفريقي", "الاتحاد الإفريقي"]),
    ("ORG", "Arab League", "org", ["جامعة الدول العربية", "الجامعة العربية"]),
    ("ORG", "Gulf Cooperation Council", "org", ["مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية"]),
    ("ORG", "Organisation of Islamic Cooperation", "org", ["منظمة التعاون الإسلامي"]),
    ("ORG", "OPEC", "org", ["أوبك", "منظمة أوبك", "منظمة الدول المصدرة للنفط"]),
    ("ORG", "World Health Organization", "org", ["منظمة الصحة العالمية"]),
    ("ORG", "International Monetary Fund", "org", ["صندوق النقد الدولي"]),
    ("ORG", "World Bank", "org", ["البنك الدولي"]),
    ("ORG", "World Trade Organization", "org", ["منظمة التجارة العالمية"]),
    ("ORG", "UNESCO", "org", ["اليونسكو", "يونسكو", "منظمة اليونسكو"]),
    ("ORG", "UNICEF", "org", ["اليونيسف", "يونيسف", "منظمة اليونيسف"]),
    ("ORG", "UNHCR", "org", ["المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "مفوضية اللاجئين"]),
    ("ORG", "UNRWA", "org", ["الأونروا", "أونروا", "وكالة الأونروا"]),
    ("ORG", "International Atomic Energy Agency", "org", ["الوكالة الدولية للطاقة الذرية"]),
    ("ORG", "International Criminal Court", "org", ["المحكمة الجنائية الدولية"]),
    ("ORG", "International Court of Justice", "org", ["محكمة العدل الدولية"]),
    ("ORG", "Red Cross", "org", ["الصليب الأحمر", "اللجنة الدولية للصليب الأحمر"]),
    ("ORG", "Amnesty International", "org", ["منظمة العفو الدولية"]),
    ("ORG", "Human Rights Watch", "org", ["هيومن رايتس ووتش"]),
    ("ORG", "G7", "org", ["مجموعة السبع"]),
    ("ORG", "G20", "org", ["مجموعة العشرين"]),
    ("ORG", "BRICS", "org", ["بريكس", "مجموعة بريكس"]),
    ("ORG", "Kremlin", "org", ["الكرملين", "كرملين"]),
    ("ORG", "Pentagon", "org", ["البنتاغون", "البنتاجون", "بنتاغون", "البنتاغون الأمريكي"]),
    ("ORG", "White House", "org", ["البيت الأبيض"]),
    ("ORG", "US Department of State", "org", ["وزارة الخارجية الأمريكية", "وزارة الخارجية الأميركية", "الخارجية الأمريكية"]),
    ("ORG", "US Congress", "org", ["الكونغرس", "الكونجرس", "الكونغرس الأمريكي", "الكونغرس الأميركي"]),
    ("ORG", "State Duma", "org", ["مجلس الدوما", "الدوما"]),
    ("ORG", "US National Security Council", "org", ["مجلس الأمن القومي الأمريكي", "مجلس الأمن القومي الأميركي", "مجلس الأمن القومي"]),
    ("ORG", "CIA", "org", ["وكالة المخابرات المركزية", "سي آي إيه"]),
    ("ORG", "FBI", "org", ["مكتب التحقيقات الفيدرالي", "إف بي آي"]),
    ("ORG", "Agence France-Presse", "org", ["فرانس برس", "وكالة فرانس برس", "فرانس برس", "أ ف ب"]),
    ("ORG", "Reuters", "org", ["رويترز", "وكالة رويترز"]),
    ("ORG", "Associated Press", "org", ["أسوشيتد برس", "أسوشيتدبرس", "وكالة أسوشيتد برس"]),
    ("ORG", "CNN", "org", ["سي إن إن", "سي ان ان", "شبكة سي إن إن"]),
    ("ORG", "BBC", "org", ["بي بي سي", "هيئة الإذاعة البريطانية"]),
    ("ORG", "Sky News", "org", ["سكاي نيوز", "سكاي نيوز عربية"]),
    ("ORG", "Al Jazeera", "org", ["الجزيرة", "قناة الجزيرة"]),
    ("ORG", "Al Arabiya", "org", ["العربية", "قناة العربية"]),
    ("ORG", "Politico", "org", ["بوليتيكو"]),
    ("ORG", "TASS", "org", ["تاس", "وكالة تاس"]),
    ("ORG", "RIA Novosti", "org", ["ريا نوفوستي", "نوفوستي"]),
    ("ORG", "Xinhua", "org", ["شينخوا", "وكالة شينخوا"]),
    ("ORG", "Yonhap", "org", ["يونهاب", "وكالة يونهاب"]),
    ("ORG", "KCNA", "org", ["وكالة الأنباء المركزية الكورية"]),
    ("ORG", "Saudi Press Agency", "org", ["وكالة الأنباء السعودية", "واس"]),
    ("ORG", "The New York Times", "org", ["نيويورك تايمز", "صحيفة نيويورك تايمز"]),
    ("ORG", "The Washington Post", "org", ["واشنطن بوست", "صحيفة واشنطن بوست"]),
    ("ORG", "The Wall Street Journal", "org", ["وول ستريت جورنال"]),
    ("ORG", "Hamas", "org", ["حماس", "حركة حماس"]),
    ("ORG", "Hezbollah", "org", ["حزب الله"]),
    ("ORG", "Fatah", "org", ["فتح", "حركة فتح"]),
    ("ORG", "Islamic State", "org", ["داعش", "تنظيم داعش", "تنظيم الدولة"]),
    ("ORG", "Al-Qaeda", "org", ["القاعدة", "تنظيم القاعدة"]),
    ("ORG", "Taliban", "org", ["طالبان", "حركة طالبان"]),
    ("ORG", "Houthis", "org", ["الحوثيين", "الحوثيون", "جماعة الحوثي"]),
    ("ORG", "Muslim Brotherhood", "org", ["الإخوان المسلمين", "جماعة الإخوان المسلمين", "الإخوان"]),
    ("ORG", "Google", "org", ["جوجل", "غوغل"]),
    ("ORG", "Microsoft", "org", ["مايكروسوفت"]),
    ("ORG", "Apple", "org", ["أبل", "آبل"]),
    ("ORG", "Facebook", "org", ["فيسبوك", "فيس بوك"]),
    ("ORG", "Twitter", "org", ["تويتر"]),
    ("ORG", "Aramco", "org", ["أرامكو", "أرامكو السعودية"]),
    # --- places CLDR lacks or spells differently ---------------------------
    ("LOC", "Washington", "city", ["واشنطن"]),
    ("LOC", "Pyongyang", "city", ["بيونغ يانغ", "بيونغيانغ", "بيونجيانج", "بيونج يانج", "بيونغ يانج"]),
    ("LOC", "Seoul", "city", ["سول", "سيول", "سيئول"]),
    ("LOC", "Kyiv", "city", ["كييف", "كيیف"]),
    ("LOC", "Kursk", "region", ["كورسك", "مقاطعة كورسك"]),
    ("LOC", "Moscow", "city", ["موسكو"]),
    ("LOC", "Brussels", "city", ["بروكسل"]),
    ("LOC", "London", "city", ["لندن"]),
    ("LOC", "Paris", "city", ["باريس"]),
    ("LOC", "Beijing", "city", ["بكين", "بيجين"]),
    ("LOC", "Tokyo", "city", ["طوكيو"]),
    ("LOC", "Berlin", "city", ["برلين"]),
    ("LOC", "Tehran", "city", ["طهران"]),
    ("LOC", "Ankara", "city", ["أنقرة"]),
    ("LOC", "Istanbul", "city", ["إسطنبول", "اسطنبول"]),
    ("LOC", "Riyadh", "city", ["الرياض"]),
    ("LOC", "Jeddah", "city", ["جدة"]),
    ("LOC", "Mecca", "city", ["مكة", "مكة المكرمة"]),
    ("LOC", "Medina", "city", ["المدينة المنورة"]),
    ("LOC", "Cairo", "city", ["القاهرة"]),
    ("LOC", "Alexandria", "city", ["الإسكندرية"]),
    ("LOC", "Jerusalem", "city", ["القدس", "القدس الشرقية"]),
    ("LOC", "Gaza", "region", ["غزة", "قطاع غزة"]),
    ("LOC", "West Bank", "region", ["الضفة الغربية"]),
    ("LOC", "Tel Aviv", "city", ["تل أبيب"]),
    ("LOC", "Ramallah", "city", ["رام الله"]),
    ("LOC", "Baghdad", "city", ["بغداد"]),
    ("LOC", "Damascus", "city", ["دمشق"]),
    ("LOC", "Aleppo", "city", ["حلب"]),
    ("LOC", "Beirut", "city", ["بيروت"]),
    ("LOC", "Amman", "city", ["عمان"]),
    ("LOC", "Sanaa", "city", ["صنعاء"]),
    ("LOC", "Aden", "city", ["عدن"]),
    ("LOC", "Khartoum", "city", ["الخرطوم"]),
    ("LOC", "Tripoli", "city", ["طرابلس"]),
    ("LOC", "Tunis", "city", ["تونس العاصمة"]),
    ("LOC", "Algiers", "city", ["الجزائر العاصمة"]),
    ("LOC", "Rabat", "city", ["الرباط"]),
    ("LOC", "Doha", "city", ["الدوحة"]),
    ("LOC", "Abu Dhabi", "city", ["أبوظبي", "أبو ظبي"]),
    ("LOC", "Dubai", "city", ["دبي"]),
    ("LOC", "Manama", "city", ["المنامة"]),
    ("LOC", "Muscat", "city", ["مسقط"]),
    ("LOC", "Kabul", "city", ["كابول"]),
    ("LOC", "Islamabad", "city", ["إسلام آباد"]),
    ("LOC", "New Delhi", "city", ["نيودلهي", "نيو دلهي"]),
    ("LOC", "Ottawa", "city", ["أوتاوا"]),
    ("LOC", "Rome", "city", ["روما"]),
    ("LOC", "Madrid", "city", ["مدريد"]),
    ("LOC", "Geneva", "city", ["جنيف"]),
    ("LOC", "Vienna", "city", ["فيينا"]),
    ("LOC", "The Hague", "city", ["لاهاي"]),
    ("LOC", "Warsaw", "city", ["وارسو"]),
    ("LOC", "Minsk", "city", ["مينسك"]),
    ("LOC", "Crimea", "region", ["القرم", "شبه جزيرة القرم"]),
    ("LOC", "Donbas", "region", ["دونباس"]),
    ("LOC", "Europe", "region", ["أوروبا", "اوروبا", "أوربا"]),
    ("LOC", "Asia", "region", ["آسيا"]),
    ("LOC", "Africa", "region", ["أفريقيا", "إفريقيا"]),
    ("LOC", "Middle East", "region", ["الشرق الأوسط"]),
    ("LOC", "Gulf", "region", ["الخليج", "الخليج العربي"]),
    ("LOC", "United States", "country", ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"]),
    ("LOC", "North Korea", "country", ["كوريا الشمالية", "كوريا الديمقراطية", "جمهورية كوريا الديمقراطية الشعبية"]),
    ("LOC", "South Korea", "country", ["كوريا الجنوبية", "جمهورية كوريا"]),
    ("LOC", "Russia", "country", ["روسيا", "روسيا الاتحادية"]),
    ("LOC", "Ukraine", "country", ["أوكرانيا", "اوكرانيا"]),
    ("LOC", "United Kingdom", "country", ["بريطانيا", "المملكة المتحدة"]),
    ("LOC", "Netherlands", "country", ["هولندا"]),
    ("LOC", "New Zealand", "country", ["نيوزيلندا", "نيوزلندا"]),
    ("LOC", "Saudi Arabia", "country", ["السعودية", "المملكة العربية السعودية", "المملكة"]),
    ("LOC", "United Arab Emirates", "country", ["الإمارات", "الإمارات العربية المتحدة"]),
    ("LOC", "Palestine", "country", ["فلسطين"]),
    ("LOC", "Israel", "country", ["إسرائيل"]),
    ("LOC", "Syria", "country", ["سوريا", "سورية"]),
    ("LOC", "Iran", "country", ["إيران"]),
]

NATIONALITY_EXTRA = [
    "امريكي", "اميركي", "روسي", "اوكراني", "كوري", "صيني", "ياباني", "بريطاني", "فرنسي",
    "الماني", "اسرائيلي", "فلسطيني", "سعودي", "مصري", "سوري", "عراقي", "ايراني", "تركي",
    "لبناني", "اردني", "يمني", "ليبي", "سوداني", "مغربي", "جزائري", "تونسي", "قطري",
    "اماراتي", "كويتي", "بحريني", "عماني", "هندي", "باكستاني", "افغاني", "اوروبي", "غربي",
    "عربي", "خليجي", "هولندي", "ايطالي", "اسباني", "كندي", "استرالي", "بولندي",
]


def build() -> dict:
    from babel import Locale
    import pycountry

    from akhbar.text import fold_match

    ar, en = Locale("ar"), Locale("en")
    entries: dict[str, dict] = {}

    def add(label: str, en_name: str, kind: str, names: list[str]) -> None:
        key = f"{label}:{en_name}"
        e = entries.setdefault(key, {"label": label, "en": en_name, "kind": kind, "canonical": names[0], "names": []})
        for n in names:
            n = " ".join(n.split())
            if n and n not in e["names"]:
                e["names"].append(n)

    # hand list first: its first name is the canonical display form
    for label, en_name, kind, names in HAND:
        add(label, en_name, kind, names)
    # CLDR territories (countries + regions; skip numeric "world"/macro regions with generic names)
    for code, name in ar.territories.items():
        en_name = en.territories.get(code)
        if not en_name or code in ("001", "ZZ", "QO", "EZ", "UN"):
            continue
        kind = "region" if code.isdigit() else "country"
        add("LOC", en_name, kind, [name])
    # pycountry Arabic translations of ISO 3166-1 names
    try:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            en_name = en.territories.get(c.alpha_2)
            a = t.gettext(c.name)
            if en_name and a != c.name:
                add("LOC", en_name, "country", [a])
    except OSError:
        pass
    # CLDR exemplar cities of time zones
    for tz_id, data in ar.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        if not city or "/" not in tz_id or tz_id.startswith("Etc/"):
            continue
        en_name = tz_id.split("/")[-1].replace("_", " ")
        add("LOC", en_name, "city", [city])
    # nationality adjectives from CLDR language names: «الروسية» -> «روسي»
    nats = set(NATIONALITY_EXTRA)
    for name in ar.languages.values():
        n = fold_match(name)
        if n.startswith("ال") and n.endswith("يه") and " " not in n:
            nats.add(n[2:-1])
    return {"entries": list(entries.values()), "nationalities": sorted(nats)}


def main() -> None:
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "akhbar", "resources", "ner", "gazetteer.json"))
    args = ap.parse_args()
    g = build()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=0, sort_keys=False)
    print(f"{len(g['entries'])} entries, {sum(len(e['names']) for e in g['entries'])} names, {len(g['nationalities'])} nationalities -> {args.out}")


if __name__ == "__main__":
    main()
