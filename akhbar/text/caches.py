"""Bounds of the per-process memo caches of the text layer, the NER and the figures.

About thirty functions memoise their answer per word (folds, clitic splits, gazetteer
readings, model predicates, the BiLSTM's ids).  They live as long as a worker process,
so their bounds, not the corpus, set a worker's memory.  With the bounds they had
before (50,000 to 300,000 entries each) a worker's caches filled up to about 430 MB
(one process over 1,200 SaudiNewsNet articles: 493 MB after loading the models,
920 MB at the end); bounded as below, to about 230 MB (722 MB at the end), for a hit rate
of 85.2 % instead of 87.8 % and about 9 % more CPU in the steps (README, "Memory").
News vocabulary is Zipfian: the most frequent few tens of thousands of words take most
hits.  Each function's answer does not depend on whether it was cached.
"""

# entries per cache keyed by one word (a worker sees ~50,000 distinct words in 600 articles)
WORD_CACHE_MAX = 30_000
# entries for caches keyed by a word and a switch or two (fold_key_word: article, letters)
WORD_VARIANTS_CACHE_MAX = 60_000
