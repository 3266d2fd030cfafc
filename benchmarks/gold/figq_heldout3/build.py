"""Turn the hand annotation (spec/<id>.txt) into figq_heldout3.jsonl, with checks.

    python3 build.py            # build, report problems
    python3 build.py show ID    # also print the article with figures [..] and statements marked

Spec format (one file per article, items in text order; lines starting with # are comments;
\\uXXXX in a line stands for that character, e.g. the RLM \\u200f inside aawsat's decimals):
    @ <id>
    F <surface>[ ~k] | <kind> | <value> | <unit> [| <qualifier> [| <date>]]
    S <cue>[ ~k] | <speaker> <dir>[k] | <speaker_kind> | [<<]<content start> ... <content end>

Figures: <surface> is the exact span text; it is found at its next word-bounded occurrence after
the previous figure (a leading proclitic و ف ب ل ك, possibly with a tatweel, may precede it; no
letter or digit may follow it); ~k skips k such occurrences first.
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
"""
import glob
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LETTER = re.compile(r'[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0660-\u0669\u066E-\u06D3\u06FA-\u06FFa-zA-Z0-9]')
PROC = set('وفبلك')
KINDS = {'count', 'money', 'percent', 'year', 'date', 'duration', 'measure', 'ordinal', 'time', 'other'}
QUALS = {'exact', 'approx', 'more_than', 'less_than', 'up_to', 'range'}
SPK = {'named', 'generic', 'pronoun'}


def isletter(ch):
    return bool(LETTER.match(ch))


def bounded(t, st, en):
    if en < len(t) and isletter(t[en]):
        return False
    j = st - 1
    if not isletter(t[st]):     # a surface opening with a bracket: «تتلقى(984) بلاغاً»
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


def parse_specs():
    specs, cur = {}, None
    for f in sorted(glob.glob(str(HERE / 'spec' / '*.txt'))):
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


def main():
    args = sys.argv[1:]
    show = set(args[1:]) if args[:1] == ['show'] else set()
    arts = [json.loads(l) for l in open(HERE / 'articles.jsonl', encoding='utf-8')]
    specs = parse_specs()
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
    with open(HERE / 'figq_heldout3.jsonl', 'w', encoding='utf-8') as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('articles', len(out), 'figures', sum(len(r['figures']) for r in out),
          'statements', sum(len(r['statements']) for r in out), 'problems', problems)


if __name__ == '__main__':
    main()
