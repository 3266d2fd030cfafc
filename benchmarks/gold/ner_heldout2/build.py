"""Turn the hand annotation spec (spec/*.txt) into ner_heldout2.jsonl, with checks.

Spec format, one article block per id, mentions listed in text order:
    @ <id>
    PER <surface>          (next occurrence after the previous mention)
    PER <surface> ~k       (skip k word-bounded occurrences first, e.g. adjectives)
    B <surface>            boilerplate range (exact text)
    B <start> ... <end>    boilerplate range from <start> through <end>
Lines starting with # are comments.
"""
import json, re, sys, glob
AR = re.compile(r'[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06FA-\u06FFa-zA-Z0-9\uFE70-\uFEFF]')
PROC = set('وبلكف')
arts = [json.loads(l) for l in open('articles_heldout2.jsonl', encoding='utf-8')]
byid = {a['id']: a for a in arts}
specs = {}
cur = None
for f in sorted(glob.glob('spec/*.txt')):
    for line in open(f, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if line.startswith('@ '):
            cur = line[2:].strip(); specs[cur] = []
            continue
        lab, _, s = line.partition(' ')
        specs[cur].append((lab, s))
out = []
problems = 0
def isletter(ch): return bool(AR.match(ch))
def boundary_ok(t, st, en):
    after = t[en] if en < len(t) else ' '
    if isletter(after): return False
    if st == 0 or not isletter(t[st-1]): return True
    # allow up to two proclitic letters (و ب ل ك ف) preceded by a non-letter
    j = st - 1; n = 0
    while j >= 0 and isletter(t[j]) and t[j] in PROC and n < 3:
        j -= 1; n += 1
    return j < 0 or not isletter(t[j])
only = sys.argv[1:]
for a in arts:
    if a['id'] not in specs:
        print('NO SPEC', a['id']); problems += 1; continue
    t = a['content']; pos = 0; ents = []; bps = []
    for lab, s in specs[a['id']]:
        if lab == 'B':
            if ' ... ' in s:
                s1, s2 = s.split(' ... ')
                st = t.find(s1); en = t.find(s2, st) + len(s2)
            else:
                st = t.find(s); en = st + len(s)
            if st < 0: print('BP NOT FOUND', a['id'], s); problems += 1; continue
            bps.append({'start': st, 'end': en, 'text': t[st:en]})
            continue
        assert lab in ('PER', 'ORG', 'LOC'), (a['id'], lab, s)
        skip = 0
        m = re.match(r'^(.*) ~(\d+)$', s)
        if m:
            s, skip = m.group(1), int(m.group(2))
        st = t.find(s, pos)
        while st >= 0 and (not boundary_ok(t, st, st + len(s)) or skip > 0):
            if boundary_ok(t, st, st + len(s)):
                skip -= 1
            st = t.find(s, st + 1)
        if st < 0:
            print('NOT FOUND', a['id'], lab, repr(s), 'after', pos); problems += 1; continue
        en = st + len(s)
        ents.append({'start': st, 'end': en, 'label': lab, 'text': t[st:en]})
        pos = en
    for e in ents:
        assert t[e['start']:e['end']] == e['text']
        for b in bps:
            if e['start'] < b['end'] and e['end'] > b['start']:
                print('ENT IN BOILERPLATE', a['id'], e); problems += 1
    # coverage: other occurrences of annotated surfaces not annotated
    covered = [(e['start'], e['end']) for e in ents] + [(b['start'], b['end']) for b in bps]
    for s in sorted({e['text'] for e in ents}, key=len, reverse=True):
        for m in re.finditer(re.escape(s), t):
            st, en = m.span()
            if not boundary_ok(t, st, en): continue
            if any(st < ce and en > cs for cs, ce in covered): continue
            print('UNANNOTATED OCCURRENCE', a['id'], repr(s), st, repr(t[max(0,st-15):en+15])); problems += 1
    out.append({'id': a['id'], 'entities': ents, 'boilerplate': bps})
    if only and a['id'] in only or (only and 'show' in only):
        marked = t; 
        for e in sorted(ents, key=lambda e: -e['start']):
            marked = marked[:e['start']] + '[' + marked[e['start']:e['end']] + ']' + e['label'] + marked[e['end']:]
        print('=====', a['id']); print(marked)
with open('ner_heldout2.jsonl', 'w', encoding='utf-8') as fh:
    for r in out: fh.write(json.dumps(r, ensure_ascii=False) + '\n')
print('articles', len(out), 'problems', problems)
