"""Independent check of figq_heldout3.jsonl against articles.jsonl (does not use build.py or spec/).

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
"""
import collections
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path('/work/shared/data/saudinewsnet')
KINDS = ('count', 'money', 'percent', 'year', 'date', 'duration', 'measure', 'ordinal', 'time', 'other')
QUALS = ('exact', 'approx', 'more_than', 'less_than', 'up_to', 'range')
FIG_KEYS = ['start', 'end', 'text', 'value', 'value_low', 'value_high', 'qualifier', 'kind', 'unit', 'date']
ST_KEYS = ['cue', 'cue_start', 'speaker', 'speaker_start', 'speaker_end', 'speaker_kind',
           'content_start', 'content_end']

arts = [json.loads(l) for l in open(HERE / 'articles.jsonl', encoding='utf-8')]
gold = [json.loads(l) for l in open(HERE / 'figq_heldout3.jsonl', encoding='utf-8')]
errors = 0


def err(*m):
    global errors
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

if '--no-corpus' not in sys.argv and DATA.exists():
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
    for p in HERE.parent.rglob('*.json*'):
        if HERE in p.parents:
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
sys.exit(1 if errors else 0)
