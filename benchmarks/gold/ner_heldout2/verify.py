"""Independent check of ner_heldout2.jsonl against articles_heldout2.jsonl."""
import json, collections
arts = [json.loads(l) for l in open('articles_heldout2.jsonl', encoding='utf-8')]
ner = [json.loads(l) for l in open('ner_heldout2.jsonl', encoding='utf-8')]
assert [a['id'] for a in arts] == [r['id'] for r in ner], 'order/ids differ'
lab = collections.Counter(); src = collections.Counter(); srclab = collections.defaultdict(collections.Counter)
bad = 0
for a, r in zip(arts, ner):
    t = a['content']; prev = -1
    for e in r['entities']:
        if t[e['start']:e['end']] != e['text']:
            bad += 1; print('MISMATCH', a['id'], e)
        if e['start'] < prev:
            bad += 1; print('OVERLAP/ORDER', a['id'], e)
        if e['text'] != e['text'].strip():
            bad += 1; print('WHITESPACE', a['id'], e)
        prev = e['end']
        lab[e['label']] += 1; srclab[a['source']][e['label']] += 1
    for b in r['boilerplate']:
        if t[b['start']:b['end']] != b['text']:
            bad += 1; print('BP MISMATCH', a['id'], b)
    src[a['source']] += 1
print('articles', len(arts), 'sources', len(src), 'mentions', sum(lab.values()), dict(lab), 'errors', bad)
for s in sorted(src):
    print(f"| {s} | {src[s]} | {srclab[s]['PER']} | {srclab[s]['ORG']} | {srclab[s]['LOC']} | {sum(srclab[s].values())} |")
print('boilerplate ranges', sum(len(r['boilerplate']) for r in ner), 'in', sum(1 for r in ner if r['boilerplate']), 'articles')
