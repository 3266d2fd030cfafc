"""Print articles for reading: python3 show.py N [M ...] (1-based positions in articles.jsonl)."""
import json, sys
arts = [json.loads(l) for l in open('articles.jsonl', encoding='utf-8')]
for n in sys.argv[1:]:
    a = arts[int(n) - 1]
    print(f"===== #{n} {a['id']} {a['source']} {a['date_extracted']} len={len(a['content'])}")
    print('TITLE:', a['title'])
    print(a['content'])
    print()
