"""The tools of a blind figures / reported-statements set (benchmarks/gold/figq_heldout2/,
figq_heldout3/ …): each set's build.py, verify.py, sample.py and show.py call these on
their own folder; the gold file is ``<folder name>.jsonl``.

build: turn the hand annotation (spec/<id>.txt) into the gold file, with checks.

    python3 build.py            # build, report problems
    python3 build.py show ID    # also print the article with figures [..] and statements marked

Spec format (one file per article, items in text order; lines starting with # are comments;
\\uXXXX in a line stands for that character, e.g. the RLM \\u200f inside aawsat's decimals):
    @ <id>
    F <surface>[ ~k] | <kind> | <value> | <unit> [| <qualifier> [| <date>]]
    S <cue>[ ~k] | <speaker> <dir>[k] | <speaker_kind> | [<<]<content start> ... <content end>

Figures: <surface> is the exact span text; it is found at its next word-bounded occurrence after
the previous figure (a leading proclitic و ف ب ل ك, possibly with a tatweel, may precede it; a
surface opening with a bracket, or with a digit glued to an Arabic word («الماضي2500 سلة»), needs no
left boundary; no letter or digit may follow it, except an Arabic letter glued to a closing digit
(«الدقيقة .64ويأتي»)); ~k skips k such occurrences first.
  value: a number, '-' for null, or 'a..b' for a range (value null, bounds a and b).
  unit: '-' for null.  qualifier: exact (default) | approx | more_than | less_than | up_to | range.
  date: ISO yyyy-mm-dd / yyyy-mm, or '-' (default) for null.
  Bounds follow the existing gold: exact -> low = high = value; approx -> both null;
  more_than -> low = value; less_than / up_to -> high = value; range -> a, b.
Statements: the cue is found (whole word) at its next occurrence after the previous cue, ~k skips.
  Speaker: '>' = its first occurrence after the cue, '<' = its last occurrence before the cue
  (the earlier mention for a verb without explicit subject); a digit after the sign skips that
  many occurrences (further forward / further back).
  Content: the start snippet is searched after the cue (and after the speaker when the speaker
  follows the cue); with a leading '<<' it is searched backwards from the cue (a quote before
  its verb). The end snippet is searched from the start; content_end is the end of that match.
  A single snippet without ' ... ' is the whole content.

verify: Independent check of the gold file against articles.jsonl (does not use build.py or spec/).

    python3 verify.py [--no-corpus]

Checks:
  * same ids in the same order; id == sha1(f"{url}|{index}")[:12]; with the corpus available, each
    article's content is byte-identical to the corpus record at that index, and no url is in another
    gold file under benchmarks/gold/;
  * figures: content[start:end] == text, no stray whitespace, valid kind / qualifier, bounds consistent
    with the qualifier, ISO date only on kind date, sorted by start, no overlap (within a kind and
    across kinds);
  * statements: cue found at cue_start, speaker == content[speaker_start:speaker_end], valid
    speaker_kind, non-empty content span with no stray whitespace, sorted by cue_start; overlapping
    content spans are listed (nesting is allowed: a quotation inside a reported sentence);
  * counts: figures per kind, qualifiers, statements, speaker kinds, per source.

sample: draw a set's blind sample from SaudiNewsNet (deterministic; the seed is the set's).

    python3 sample.py [--data /work/shared/data/saudinewsnet] [--seed N] [--n 40]

Same corpus order, `index`, id scheme and text field as benchmarks/gold/sample_articles.py:
  * articles are enumerated over saudinewsnet/*.zip in sorted (date) order; index i is that position;
  * id = sha1(f"{url}|{index}")[:12];
  * the length test uses content.strip(), but the record keeps `content` exactly as in the
    corpus (not stripped): every offset indexes the raw `content` string.
Filters:
  * skip i < 3000 (the catalog-audit range);
  * skip every url already used anywhere under benchmarks/gold/ (every "url" value found in any
    .json / .jsonl file there, recursively: articles_*.jsonl, figq_articles_*.jsonl,
    ner_heldout2/articles_heldout2.jsonl, stories/pairs_*.jsonl ...; this folder is ignored);
  * drop duplicate urls (first occurrence kept);
  * body (stripped) of 500-2,500 characters;
  * dense in figures: at least 3 digit groups or number words in the body (NUM_RE below).
Draw: each source's pool (in corpus order) is shuffled with random.Random(seed), sources taken in
sorted order; articles are picked round-robin (first of every source, then second ...) with at
most 4 per source, until --n articles. Extending --n keeps the earlier picks (same prefix of the
round-robin order). Output sorted by (source, index) -> articles.jsonl with the fields of
figq_articles_heldout.jsonl: id, index, source, url, date_extracted, title, content.
"""
from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import json
import random
import re
import zipfile
from pathlib import Path


LETTER = re.compile(r'[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0660-\u0669\u066E-\u06D3\u06FA-\u06FFa-zA-Z0-9]')
PROC = set('وفبلك')
DATA = Path('/work/shared/data/saudinewsnet')
KINDS = ('count', 'money', 'percent', 'year', 'date', 'duration', 'measure', 'ordinal', 'time', 'other')
QUALS = ('exact', 'approx', 'more_than', 'less_than', 'up_to', 'range')
SPK = {'named', 'generic', 'pronoun'}


def isletter(ch):
    return bool(LETTER.match(ch))


def bounded(t, st, en):
    if en < len(t) and isletter(t[en]) and not (t[en - 1].isdigit() and '\u0621' <= t[en] <= '\u064A'):
        return False            # (digits with an Arabic word glued after them: «الدقيقة .64ويأتي»)
    j = st - 1
    if not isletter(t[st]):     # a surface opening with a bracket: «تتلقى(984) بلاغاً»
        return True
    if t[st].isdigit() and j >= 0 and '\u0621' <= t[j] <= '\u064A':   # digits glued to an Arabic word: «الماضي2500 سلة»
        return True
    if j < 0 or not isletter(t[j]) and t[j] != '\u0640':
        return True
    if t[j] == '\u0640':          # tatweel after a proclitic: بـ10
        j -= 1
    n = 0
    while j >= 0 and t[j] in PROC and n < 3:
        j -= 1
        n += 1
    return n > 0 and (j < 0 or not isletter(t[j]))


def strict(t, st, en):
    return (st == 0 or not isletter(t[st - 1])) and (en >= len(t) or not isletter(t[en]))


def find_fwd(t, s, pos, skip=0, ok=bounded):
    st = t.find(s, pos)
    while st >= 0:
        if ok(t, st, st + len(s)):
            if skip == 0:
                return st
            skip -= 1
        st = t.find(s, st + 1)
    return -1


def find_back(t, s, before, skip=0, ok=bounded):
    st = t.rfind(s, 0, before)
    while st >= 0:
        if st + len(s) <= before and ok(t, st, st + len(s)):
            if skip == 0:
                return st
            skip -= 1
        st = t.rfind(s, 0, st)
    return -1


def num(x):
    v = float(x)
    return int(v) if v.is_integer() else v


def split_skip(s):
    m = re.match(r'^(.*?) ~(\d+)$', s)
    return (m.group(1), int(m.group(2))) if m else (s, 0)


def parse_specs(here):
    specs, cur = {}, None
    for f in sorted(glob.glob(str(here / 'spec' / '*.txt'))):
        for ln, line in enumerate(open(f, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            if line.startswith('@ '):
                cur = line[2:].strip()
                specs[cur] = []
                continue
            tag, _, rest = line.partition(' ')
            rest = re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), rest)
            specs[cur].append((tag, rest, f'{Path(f).name}:{ln}'))
    return specs


def build(here, args):
    """``python3 build.py [show ID ...]`` in a set's folder (see the module docstring)."""
    show = set(args[1:]) if args[:1] == ['show'] else set()
    arts = [json.loads(l) for l in open(here / 'articles.jsonl', encoding='utf-8')]
    specs = parse_specs(here)
    problems = 0
    out = []

    def bad(*msg):
        nonlocal problems
        problems += 1
        print(*msg)

    for a in arts:
        aid, t = a['id'], a['content']
        if aid not in specs:
            bad('NO SPEC', aid)
            continue
        figs, stmts = [], []
        fpos, cpos = 0, 0
        for tag, rest, where in specs[aid]:
            parts = [p.strip() for p in rest.split(' | ')]
            if tag == 'F':
                surf, skip = split_skip(parts[0])
                kind, val, unit = parts[1], parts[2], parts[3]
                qual = parts[4] if len(parts) > 4 else 'exact'
                date = parts[5] if len(parts) > 5 else '-'
                if kind not in KINDS or qual not in QUALS:
                    bad('BAD KIND/QUAL', where, rest)
                    continue
                st = find_fwd(t, surf, fpos, skip)
                if st < 0:
                    bad('FIGURE NOT FOUND', where, repr(surf), 'after', fpos)
                    continue
                if '..' in val:
                    lo, hi = (num(x) for x in val.split('..'))
                    v = None
                else:
                    v = None if val == '-' else num(val)
                    lo = hi = None
                    if v is not None:
                        if qual == 'exact':
                            lo = hi = v
                        elif qual == 'more_than':
                            lo = v
                        elif qual in ('less_than', 'up_to'):
                            hi = v
                figs.append({'start': st, 'end': st + len(surf), 'text': surf, 'value': v,
                             'value_low': lo, 'value_high': hi, 'qualifier': qual, 'kind': kind,
                             'unit': None if unit == '-' else unit,
                             'date': None if date == '-' else date})
                fpos = st + len(surf)
            elif tag == 'S':
                cue, cskip = split_skip(parts[0])
                cs = find_fwd(t, cue, cpos, cskip, ok=strict)
                if cs < 0:
                    bad('CUE NOT FOUND', where, repr(cue), 'after', cpos)
                    continue
                m = re.match(r'^(.*) ([<>])(\d*)$', parts[1])
                if not m:
                    bad('BAD SPEAKER', where, parts[1])
                    continue
                spk, d, k = m.group(1), m.group(2), int(m.group(3) or 0)
                if d == '>':
                    ss = find_fwd(t, spk, cs + len(cue), k)
                else:
                    ss = find_back(t, spk, cs, k)
                if ss < 0:
                    bad('SPEAKER NOT FOUND', where, repr(spk))
                    continue
                skind = parts[2]
                if skind not in SPK:
                    bad('BAD SPEAKER KIND', where, skind)
                c = parts[3]
                back = c.startswith('<<')
                if back:
                    c = c[2:]
                if ' ... ' in c:
                    c1, c2 = c.split(' ... ')
                else:
                    c1 = c2 = c
                if back:
                    cst = t.rfind(c1, 0, cs)
                else:
                    frm = cs + len(cue)
                    if ss > cs:
                        frm = max(frm, ss + len(spk))
                    cst = t.find(c1, frm)
                if cst < 0:
                    bad('CONTENT START NOT FOUND', where, repr(c1))
                    continue
                ce = t.find(c2, cst)
                if ce < 0:
                    bad('CONTENT END NOT FOUND', where, repr(c2))
                    continue
                stmts.append({'cue': cue, 'cue_start': cs, 'speaker': spk, 'speaker_start': ss,
                              'speaker_end': ss + len(spk), 'speaker_kind': skind,
                              'content_start': cst, 'content_end': ce + len(c2)})
                cpos = cs + 1
            else:
                bad('BAD LINE', where, tag, rest)
        # checks: order / overlap of figures; digits or number words not covered
        for x, y in zip(figs, figs[1:]):
            if y['start'] < x['end']:
                bad('FIGURE OVERLAP', aid, x['text'], y['text'])
        cov = [(f['start'], f['end']) for f in figs]
        for m in re.finditer(r'[0-9\u0660-\u0669]+', t):
            if not any(s <= m.start() < e for s, e in cov):
                print('  uncovered digits', aid, repr(t[max(0, m.start() - 20):m.end() + 20]))
        out.append({'id': aid, 'figures': figs, 'statements': stmts})
        if aid in show or 'all' in show:
            marks = []
            for f in figs:
                marks += [(f['start'], 1, '['), (f['end'], 0, f']{{{f["kind"]}:{f["value"]}:{f["value_low"]}-{f["value_high"]}:{f["qualifier"]}:{f["unit"]}:{f["date"]}}}')]
            for i, s in enumerate(stmts):
                marks += [(s['cue_start'], 2, f'<C{i}>'), (s['speaker_start'], 2, f'<P{i}>'),
                          (s['speaker_end'], 0, f'</P{i}>'), (s['content_start'], 2, f'<Q{i}>'),
                          (s['content_end'], 0, f'</Q{i}>')]
            txt = t
            for pos, _, mk in sorted(marks, key=lambda m: (-m[0], -m[1])):
                txt = txt[:pos] + mk + txt[pos:]
            print('=====', aid)
            print(txt)
    with open(here / f'{here.name}.jsonl', 'w', encoding='utf-8') as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('articles', len(out), 'figures', sum(len(r['figures']) for r in out),
          'statements', sum(len(r['statements']) for r in out), 'problems', problems)


# ---------------------------------------------------------------- verify

FIG_KEYS = ['start', 'end', 'text', 'value', 'value_low', 'value_high', 'qualifier', 'kind', 'unit', 'date']
ST_KEYS = ['cue', 'cue_start', 'speaker', 'speaker_start', 'speaker_end', 'speaker_kind',
           'content_start', 'content_end']


def verify(here, argv):
    """``python3 verify.py [--no-corpus]`` in a set's folder: exit status 1 on any error."""
    arts = [json.loads(l) for l in open(here / 'articles.jsonl', encoding='utf-8')]
    gold = [json.loads(l) for l in open(here / f'{here.name}.jsonl', encoding='utf-8')]
    errors = 0

    def err(*m):
        nonlocal errors
        errors += 1
        print('ERROR', *m)


    assert [a['id'] for a in arts] == [g['id'] for g in gold], 'ids / order differ'
    assert len({a['url'] for a in arts}) == len(arts), 'duplicate url'
    for a in arts:
        if hashlib.sha1(f"{a['url']}|{a['index']}".encode()).hexdigest()[:12] != a['id']:
            err('id scheme', a['id'])
        if set(a) != {'id', 'index', 'source', 'url', 'date_extracted', 'title', 'content'}:
            err('article fields', a['id'], sorted(a))
        n = len(a['content'].strip())
        if not 500 <= n <= 2500 or a['index'] < 3000:
            err('sample filter', a['id'], n, a['index'])

    if '--no-corpus' not in argv and DATA.exists():
        want = {a['index']: a for a in arts}
        i = 0
        for z in sorted(DATA.glob('*.zip')):
            with zipfile.ZipFile(z) as zf:
                recs = json.loads(zf.read(zf.namelist()[0]))
            for r in recs:
                if i in want and (r['url'] != want[i]['url'] or r['content'] != want[i]['content']):
                    err('content differs from corpus', want[i]['id'])
                i += 1
        other = set()
        for p in here.parent.rglob('*.json*'):
            if here in p.parents:
                continue
            other |= set(re.findall(r'"url": "([^"]+)"', p.read_text(encoding='utf-8')))
        for a in arts:
            if a['url'] in other:
                err('url used in another gold file', a['id'])
        print('corpus check done over', i, 'records')

    kind_n = collections.Counter(); qual_n = collections.Counter(); spk_n = collections.Counter()
    src_arts = collections.Counter(); src_fig = collections.Counter(); src_st = collections.Counter()
    src_kind = collections.defaultdict(collections.Counter)
    for a, g in zip(arts, gold):
        t, aid = a['content'], a['id']
        src_arts[a['source']] += 1
        figs = g['figures']
        for f in figs:
            if list(f) != FIG_KEYS:
                err('figure keys', aid, list(f))
            if t[f['start']:f['end']] != f['text'] or not f['text'] or f['text'] != f['text'].strip():
                err('figure span', aid, f)
            if f['kind'] not in KINDS or f['qualifier'] not in QUALS:
                err('kind/qualifier', aid, f)
            v, lo, hi, q = f['value'], f['value_low'], f['value_high'], f['qualifier']
            if q == 'exact' and v is not None and not (lo == hi == v):
                err('exact bounds', aid, f)
            if q == 'more_than' and v is not None and not (lo == v and hi is None):
                err('more_than bounds', aid, f)
            if q in ('less_than', 'up_to') and v is not None and not (hi == v and lo is None):
                err(q + ' bounds', aid, f)
            if q == 'approx' and (lo is not None or hi is not None):
                err('approx bounds', aid, f)
            if q == 'range' and not (v is None and lo is not None and hi is not None and lo < hi):
                err('range bounds', aid, f)
            if f['kind'] in ('date', 'time') and v is not None:
                err('date/time with value', aid, f)
            if f['date'] is not None and (f['kind'] != 'date' or not re.fullmatch(r'\d{4}-\d{2}(-\d{2})?', f['date'])):
                err('date field', aid, f)
            if f['kind'] == 'year' and not (isinstance(v, int) and lo == hi == v):
                err('year value', aid, f)
            kind_n[f['kind']] += 1; qual_n[q] += 1; src_fig[a['source']] += 1; src_kind[a['source']][f['kind']] += 1
        for x, y in zip(figs, figs[1:]):
            if y['start'] < x['end']:
                err('figures out of order / overlapping', aid, x['text'], y['text'])
        by_kind = collections.defaultdict(list)
        for f in figs:
            by_kind[f['kind']].append(f)
        for k, fs in by_kind.items():
            fs = sorted(fs, key=lambda f: f['start'])
            for x, y in zip(fs, fs[1:]):
                if y['start'] < x['end']:
                    err('overlap within kind', aid, k, x['text'], y['text'])
        sts = g['statements']
        for s in sts:
            if list(s) != ST_KEYS:
                err('statement keys', aid, list(s))
            if t[s['cue_start']:s['cue_start'] + len(s['cue'])] != s['cue']:
                err('cue', aid, s)
            if t[s['speaker_start']:s['speaker_end']] != s['speaker'] or s['speaker'] != s['speaker'].strip():
                err('speaker span', aid, s)
            if s['speaker_kind'] not in ('named', 'generic', 'pronoun'):
                err('speaker_kind', aid, s)
            c = t[s['content_start']:s['content_end']]
            if not c or c != c.strip() or not 0 <= s['content_start'] < s['content_end'] <= len(t):
                err('content span', aid, s, repr(c[:20]))
            spk_n[s['speaker_kind']] += 1; src_st[a['source']] += 1
        for x, y in zip(sts, sts[1:]):
            if y['cue_start'] <= x['cue_start']:
                err('statements out of cue order', aid, x['cue'], y['cue'])
        for i, x in enumerate(sts):
            for y in sts[i + 1:]:
                a1, b1, a2, b2 = x['content_start'], x['content_end'], y['content_start'], y['content_end']
                if a1 < b2 and a2 < b1:
                    nest = (a1 <= a2 and b2 <= b1) or (a2 <= a1 and b1 <= b2)
                    print('  note: overlapping contents', aid, x['cue'], y['cue'], 'nested' if nest else 'CROSSING')
                    if not nest:
                        err('crossing statement contents', aid, x['cue'], y['cue'])

    print()
    print('articles', len(arts), 'sources', len(src_arts), 'figures', sum(kind_n.values()),
          'statements', sum(spk_n.values()), 'errors', errors)
    print('figures by kind:', ', '.join(f'{k} {kind_n[k]}' for k in KINDS))
    print('qualifiers:', dict(qual_n.most_common()))
    print('speaker kinds:', dict(spk_n.most_common()))
    print()
    print('| source | articles | figures | statements | ' + ' | '.join(KINDS) + ' |')
    print('|---' * (4 + len(KINDS)) + '|')
    for s in sorted(src_arts):
        print(f'| {s} | {src_arts[s]} | {src_fig[s]} | {src_st[s]} | ' + ' | '.join(str(src_kind[s][k]) for k in KINDS) + ' |')
    return 1 if errors else 0


# ---------------------------------------------------------------- sample




MAX_PER_SOURCE = 4
FIELDS = ("id", "index", "source", "url", "date_extracted", "title", "content")

# a digit group (ASCII or Arabic-Indic, with inner . , ٫ ٬) or a number word (with optional clitics)
NUM_WORDS = (
    "واحد|واحدة|اثنان|اثنين|اثنتين|اثنتان|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني|ثمانية|"
    "تسع|تسعة|عشر|عشرة|عشرات|عشرين|عشرون|ثلاثين|ثلاثون|أربعين|أربعون|خمسين|خمسون|ستين|ستون|سبعين|سبعون|"
    "ثمانين|ثمانون|تسعين|تسعون|مئة|مائة|مئات|ألف|آلاف|ألفين|مليون|ملايين|مليار|مليارات|نصف|ربع|ثلث"
)
NUM_RE = re.compile(
    r"[0-9\u0660-\u0669]+(?:[.,\u066B\u066C][0-9\u0660-\u0669]+)*"
    r"|(?<![\u0621-\u064A])(?:[وبلف]?(?:ال)?)(?:" + NUM_WORDS + r")(?![\u0621-\u064A])"
)


def corpus(data: Path):
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            yield from json.loads(z.read(z.namelist()[0]))


def _urls(obj, out: set[str]) -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "url" and isinstance(v, str):
                out.add(v)
            else:
                _urls(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _urls(v, out)


def existing_urls(here: Path) -> set[str]:
    urls: set[str] = set()
    for p in sorted(here.parent.rglob("*")):
        if here in p.parents or p.suffix not in (".json", ".jsonl") or not p.is_file():
            continue
        text = p.read_text(encoding="utf-8")
        if p.suffix == ".json":
            _urls(json.loads(text), urls)
        else:
            for line in text.splitlines():
                if line.strip():
                    _urls(json.loads(line), urls)
    return urls


def sample(here: Path, seed: int, argv: list[str]) -> None:
    """``python3 sample.py [--data DIR] [--seed N] [--n 40] [--out FILE]`` in a set's folder."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--out", type=Path, default=here / "articles.jsonl")
    args = ap.parse_args(argv)
    taken = existing_urls(here)
    by_source: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for i, rec in enumerate(corpus(args.data)):
        if i < 3000:
            continue
        url = rec["url"]
        if url in taken or url in seen:
            continue
        seen.add(url)
        body = (rec.get("content") or "").strip()
        if not 500 <= len(body) <= 2500:
            continue
        if len(NUM_RE.findall(body)) < 3:
            continue
        rec = dict(rec, index=i)
        rec["id"] = hashlib.sha1(f"{url}|{i}".encode()).hexdigest()[:12]
        by_source.setdefault(rec["source"], []).append(rec)
    rng = random.Random(args.seed)
    pools = {}
    for source in sorted(by_source):
        pool = list(by_source[source])
        rng.shuffle(pool)
        pools[source] = pool
    picks: list[dict] = []
    rnd = 0
    while len(picks) < args.n and rnd < MAX_PER_SOURCE:
        for source in sorted(pools):
            if len(picks) >= args.n:
                break
            if rnd < len(pools[source]):
                picks.append(pools[source][rnd])
        rnd += 1
    picks.sort(key=lambda r: (r["source"], r["index"]))
    counts: dict[str, int] = {}
    for r in picks:
        counts[r["source"]] = counts.get(r["source"], 0) + 1
    assert len(picks) == args.n, (len(picks), args.n)
    assert max(counts.values()) <= MAX_PER_SOURCE
    assert not any(r["url"] in taken for r in picks)
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in picks:
            fh.write(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n")
    print(args.out.name, len(picks), "excluded urls", len(taken), dict(sorted(counts.items())))


# ---------------------------------------------------------------- show


def show(here: Path, argv: list[str]) -> None:
    """``python3 show.py N [M ...]``: print articles for reading (1-based positions in articles.jsonl)."""
    arts = [json.loads(l) for l in open(here / 'articles.jsonl', encoding='utf-8')]
    for n in argv:
        a = arts[int(n) - 1]
        print(f"===== #{n} {a['id']} {a['source']} {a['date_extracted']} len={len(a['content'])}")
        print('TITLE:', a['title'])
        print(a['content'])
        print()


# --------------------------------------------------------------------------- scan

_SCAN_NUM_WORDS = (r'واحد|واحدة|اثن\w*|ثلاث\w*|أربع\w*|اربع\w*|خمس\w*|ست|ستة|سبع\w*|ثمان\w*|تسع\w*|عشر\w*|مئ\w*|مائ\w*|ألف|الف|آلاف|'
     r'الاف|ألفي|مليون|ملايين|مليار\w*|نصف|ربع|ثلث|أول\w*|اول\w*|ثان\w*|ثالث\w*|رابع\w*|خامس\w*|سادس\w*|سابع\w*|'
     r'ثامن\w*|تاسع\w*|عاشر\w*|عدة|بضع\w*|عشرات|مئات|السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|'
     r'الخميس|الجمعة|أمس|امس|اليوم|غد\w*|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|'
     r'أكتوبر|اكتوبر|نوفمبر|ديسمبر|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|\w+(?:تين|تان|تي)')
_SCAN_VERBS = (r'قال\w*|يقول\w*|أكد\w*|اكد\w*|مؤكد\w*|أوضح\w*|اوضح\w*|موضح\w*|أضاف\w*|اضاف\w*|مضيف\w*|أشار\w*|اشار\w*|'
     r'مشير\w*|ذكر\w*|صرح\w*|أعلن\w*|اعلن\w*|يرى|رأى|اعتبر\w*|زاد|اقترح\w*|وصف\w*|شدد\w*|لفت\w*|لافت\w*|نوه\w*|'
     r'كشف\w*|حذر\w*|طالب\w*|مطالب\w*|دعا|بحسب|حسب|وفق\w*|نقل\w*|أفاد\w*|افاد\w*|تفيد|بين|بيّن|مبين\w*|أبان|تابع\w*|أردف')
_SCAN_PRE = r'(?<![\u0621-\u064A])[وفبلك]?(?:ال)?'


def scan(here: Path) -> None:
    """Completeness aid: list digits, number words, weekdays, months, feminine dual-like words
    (-تين, -تان, -تي) and speech verbs in each article's content that no figure span /
    statement cue of the set's gold file covers. Every hit is decided by hand."""
    arts = [json.loads(l) for l in open(here / "articles.jsonl", encoding="utf-8")]
    gold = [json.loads(l) for l in open(here / f"{here.name}.jsonl", encoding="utf-8")]
    for a, g in zip(arts, gold):
        t = a['content']
        cov = [(f['start'], f['end']) for f in g['figures']]
        cues = {s['cue_start'] for s in g['statements']}
        hits = []
        for m in re.finditer(r'[0-9\u0660-\u0669]+', t):
            if not any(s <= m.start() < e for s, e in cov):
                hits.append(('DIG', m))
        for m in re.finditer(_SCAN_PRE + r'(?:' + _SCAN_NUM_WORDS + r')(?![\u0621-\u064A])', t):
            if not any(s <= m.start() < e or s < m.end() <= e for s, e in cov):
                hits.append(('NUM', m))
        for m in re.finditer(r'(?<![\u0621-\u064A])[وف]?(?:' + _SCAN_VERBS + r')(?![\u0621-\u064A])', t):
            if not any(abs(c - m.start()) <= 2 for c in cues):
                hits.append(('VERB', m))
        print('=====', a['id'], a['source'])
        for k, m in sorted(hits, key=lambda h: h[1].start()):
            print(f'  {k} {m.group()!r:22} …{t[max(0, m.start() - 25):m.end() + 25]!r}')
