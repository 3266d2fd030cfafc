#!/usr/bin/env python3
"""Propose cross-source candidate pairs for the story (same-event) gold set.

Selection only: this script never labels anything. It
  * loads every article from /work/shared/data/saudinewsnet/*.zip (keeps zip name + array index),
  * normalises Arabic (strip diacritics/tatweel, unify alef/yaa/taa marbuta), tokenises
    the title and the lead (first 400 chars of content), drops stop words,
  * weights tokens by IDF over titles+leads of the whole corpus,
  * for every pair of articles from DIFFERENT sources whose date_extracted days are at most
    3 days apart and which share >= 2 non-trivial title tokens, computes
      title_j   = IDF-weighted Jaccard of title tokens
      lead_j    = IDF-weighted Jaccard of lead tokens
  * tags a coarse topic by keyword lists (yemen, sports, economy, local, international, other),
  * writes candidates to candidates.jsonl in three bands:
      band "pos"  : high title_j (likely same event)          -> read to confirm/deny
      band "neg"  : mid title_j, same topic, shared rare tokens -> read: often different events
      band "mid"  : in between
Output is sampled so that each source and each topic is represented (fixed seed).
"""
import glob, json, os, re, math, random, zipfile, collections, datetime, sys

DATA = "/work/shared/data/saudinewsnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "candidates.jsonl")

DIAC = re.compile(r"[\u064B-\u065F\u0670\u0640]")
TOK = re.compile(r"[\u0621-\u064A0-9]+")
STOP = set("""في من على الى إلى عن ان أن إن مع هذا هذه ذلك التي الذي الذين و او أو ثم قد لا لم لن ما ماذا كما
كان كانت يكون بين بعد قبل حتى عند منذ خلال كل غير بعض اي أي هو هي هم نحن انه أنه الا إلا اليوم امس أمس
وقال قال وأضاف اضاف واكد وأكد أكد اكد وذلك حيث ايضا أيضا عبر لدى الى تم يتم فيها فيه منها منه به بها له لها
السعودية المملكة العربية الرياض جدة سبق عين عاجل صور فيديو بالصور بالفيديو شاهد خادم الحرمين الشريفين
""".split())

def norm(s):
    s = DIAC.sub("", s or "")
    s = re.sub("[إأآا]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه")
    return s

STOPN = {norm(w) for w in STOP}

def toks(s):
    out = []
    for t in TOK.findall(norm(s)):
        if len(t) < 3 or t in STOPN:
            continue
        # light prefix stripping for و/ال/بال/لل
        for p in ("وال", "بال", "لل", "ال", "و"):
            if t.startswith(p) and len(t) - len(p) >= 3:
                t = t[len(p):]
                break
        if t not in STOPN:
            out.append(t)
    return out

TOPICS = {
    "yemen": "حوثي حوثيين يمن يمني عدن صنعاء تعز صالح هادي مأرب جازان نجران الحد الجنوبي تحالف اعاده الامل المخلوع".split(),
    "sports": "دوري نادي الهلال النصر الاتحاد الاهلي الشباب مباراه لاعب مدرب منتخب هدف كره فيفا بطوله كاس الفتح التعاون".split(),
    "economy": "نفط اسهم سوق مؤشر برميل ارامكو بنك مصرف ريال اقتصاد استثمار تداول شركه اوبك تضخم عقار اسعار".split(),
    "international": "ايران سوريا العراق مصر تركيا امريكا واشنطن روسيا داعش الاسد بغداد القاهره ليبيا لبنان فلسطين اسرائيل نووي اوباما".split(),
    "local": "وزاره امير بلديه امانه مرور شرطه مستشفى صحه تعليم مدارس طالب معلم حج عمره حجاج كورونا امطار حريق دفاع مدني".split(),
}
TOPICN = {k: {t for w in v for t in toks(w)} for k, v in TOPICS.items()}

def topic_of(tokens):
    c = collections.Counter()
    for t in tokens:
        for k, v in TOPICN.items():
            if t in v:
                c[k] += 1
    return c.most_common(1)[0][0] if c else "other"

def wjac(a, b, idf):
    a, b = set(a), set(b)
    if not a or not b:
        return 0.0
    inter = sum(idf[t] for t in a & b)
    uni = sum(idf[t] for t in a | b)
    return inter / uni if uni else 0.0

def main(seed=13):
    arts = []
    for z in sorted(glob.glob(os.path.join(DATA, "*.zip"))):
        zf = zipfile.ZipFile(z)
        data = json.loads(zf.read(zf.namelist()[0]))
        for i, a in enumerate(data):
            d = (a.get("date_extracted") or "")[:10]
            try:
                day = datetime.date.fromisoformat(d).toordinal()
            except ValueError:
                continue
            tt = toks(a.get("title", ""))
            lt = toks((a.get("content") or "")[:400])
            if len(tt) < 2:
                continue
            arts.append(dict(zip=os.path.basename(z), idx=i, source=a["source"], url=a["url"],
                             date_extracted=a["date_extracted"], title=a["title"], day=day,
                             tt=tt, lt=lt))
    N = len(arts)
    df = collections.Counter()
    for a in arts:
        df.update(set(a["tt"]) | set(a["lt"]))
    idf = collections.defaultdict(lambda: math.log(N))
    for t, c in df.items():
        idf[t] = math.log(N / c)
    # inverted index on title tokens that are not too common
    inv = collections.defaultdict(list)
    for k, a in enumerate(arts):
        for t in set(a["tt"]):
            if df[t] < 400:
                inv[t].append(k)
    shared = collections.Counter()
    for t, ks in inv.items():
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                i, j = ks[x], ks[y]
                if arts[i]["source"] == arts[j]["source"] or abs(arts[i]["day"] - arts[j]["day"]) > 3:
                    continue
                shared[(i, j)] += 1
    cands = []
    seen_titles = set()
    for (i, j), n in shared.items():
        if n < 2:
            continue
        a, b = arts[i], arts[j]
        key = (norm(a["title"]), norm(b["title"]))
        if key in seen_titles or a["title"].strip() == b["title"].strip() and False:
            continue
        seen_titles.add(key)
        tj = wjac(a["tt"], b["tt"], idf)
        lj = wjac(a["lt"], b["lt"], idf)
        ta, tb = topic_of(a["tt"] + a["lt"]), topic_of(b["tt"] + b["lt"])
        band = None
        if tj >= 0.35:
            band = "pos"
        elif 0.12 <= tj < 0.3 and ta == tb and lj < 0.25:
            band = "neg"
        elif 0.3 <= tj < 0.35:
            band = "mid"
        if band:
            cands.append(dict(band=band, title_j=round(tj, 3), lead_j=round(lj, 3),
                              topic=ta if ta == tb else ta + "/" + tb,
                              a={k: a[k] for k in ("zip", "idx", "source", "url", "date_extracted", "title")},
                              b={k: b[k] for k in ("zip", "idx", "source", "url", "date_extracted", "title")}))
    # stratified sample: per (band, topic), round-robin across source pairs
    # (sorted first so that the sample does not depend on Python's string-hash seed)
    cands.sort(key=lambda c: (c["a"]["zip"], c["a"]["idx"], c["b"]["zip"], c["b"]["idx"]))
    rnd = random.Random(seed)
    rnd.shuffle(cands)
    groups = collections.defaultdict(list)
    for c in cands:
        groups[(c["band"], c["topic"].split("/")[0])].append(c)
    out = []
    quota = {"pos": 30, "neg": 40, "mid": 8}
    for (band, topic), cs in sorted(groups.items()):
        bysp = collections.defaultdict(list)
        for c in cs:
            bysp[tuple(sorted((c["a"]["source"], c["b"]["source"])))].append(c)
        picked = []
        while len(picked) < quota[band] and any(bysp.values()):
            for sp in sorted(bysp):
                if bysp[sp] and len(picked) < quota[band]:
                    picked.append(bysp[sp].pop())
        out.extend(picked)
    # top-up for sources that the stratified sample barely covers (e.g. the two small sports
    # sites): every candidate involving them, any band, written after the main sample
    cover = collections.Counter()
    for c in out:
        cover.update([c["a"]["source"], c["b"]["source"]])
    allsrc = {a["source"] for a in arts}
    rare = {s for s in allsrc if cover[s] < 10}
    seen = {id(c) for c in out}
    extra = [c for c in cands if id(c) not in seen and ({c["a"]["source"], c["b"]["source"]} & rare)]
    extra.sort(key=lambda c: -c["title_j"])
    for c in extra[:60]:
        c["band"] = "extra-" + c["band"]
        out.append(c)
    with open(OUT, "w") as f:
        for k, c in enumerate(out):
            c["cid"] = k
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(N, "articles;", len(cands), "candidates;", len(out), "sampled ->", OUT, file=sys.stderr)
    print(collections.Counter((c["band"], c["topic"].split("/")[0]) for c in out), file=sys.stderr)

if __name__ == "__main__":
    main()
