"""Completeness aid: list digits, number words, weekdays, months, feminine dual-like words (-تين, -تان, -تي) and speech verbs in each article's
content that no figure span / statement cue of figq_heldout4.jsonl covers. Every hit is decided by hand.
    python3 scan.py"""
import json, re
from pathlib import Path
HERE = Path(__file__).resolve().parent
arts = [json.loads(l) for l in open(HERE / 'articles.jsonl', encoding='utf-8')]
gold = [json.loads(l) for l in open(HERE / 'figq_heldout4.jsonl', encoding='utf-8')]
W = (r'واحد|واحدة|اثن\w*|ثلاث\w*|أربع\w*|اربع\w*|خمس\w*|ست|ستة|سبع\w*|ثمان\w*|تسع\w*|عشر\w*|مئ\w*|مائ\w*|ألف|الف|آلاف|'
     r'الاف|ألفي|مليون|ملايين|مليار\w*|نصف|ربع|ثلث|أول\w*|اول\w*|ثان\w*|ثالث\w*|رابع\w*|خامس\w*|سادس\w*|سابع\w*|'
     r'ثامن\w*|تاسع\w*|عاشر\w*|عدة|بضع\w*|عشرات|مئات|السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|'
     r'الخميس|الجمعة|أمس|امس|اليوم|غد\w*|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|'
     r'أكتوبر|اكتوبر|نوفمبر|ديسمبر|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|\w+(?:تين|تان|تي)')
V = (r'قال\w*|يقول\w*|أكد\w*|اكد\w*|مؤكد\w*|أوضح\w*|اوضح\w*|موضح\w*|أضاف\w*|اضاف\w*|مضيف\w*|أشار\w*|اشار\w*|'
     r'مشير\w*|ذكر\w*|صرح\w*|أعلن\w*|اعلن\w*|يرى|رأى|اعتبر\w*|زاد|اقترح\w*|وصف\w*|شدد\w*|لفت\w*|لافت\w*|نوه\w*|'
     r'كشف\w*|حذر\w*|طالب\w*|مطالب\w*|دعا|بحسب|حسب|وفق\w*|نقل\w*|أفاد\w*|افاد\w*|تفيد|بين|بيّن|مبين\w*|أبان|تابع\w*|أردف')
PRE = r'(?<![\u0621-\u064A])[وفبلك]?(?:ال)?'
for a, g in zip(arts, gold):
    t = a['content']
    cov = [(f['start'], f['end']) for f in g['figures']]
    cues = {s['cue_start'] for s in g['statements']}
    hits = []
    for m in re.finditer(r'[0-9\u0660-\u0669]+', t):
        if not any(s <= m.start() < e for s, e in cov):
            hits.append(('DIG', m))
    for m in re.finditer(PRE + r'(?:' + W + r')(?![\u0621-\u064A])', t):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in cov):
            hits.append(('NUM', m))
    for m in re.finditer(r'(?<![\u0621-\u064A])[وف]?(?:' + V + r')(?![\u0621-\u064A])', t):
        if not any(abs(c - m.start()) <= 2 for c in cues):
            hits.append(('VERB', m))
    print('=====', a['id'], a['source'])
    for k, m in sorted(hits, key=lambda h: h[1].start()):
        print(f'  {k} {m.group()!r:22} …{t[max(0, m.start() - 25):m.end() + 25]!r}')
