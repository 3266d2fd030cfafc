-- entity_catalog: one row per entity (canonical name + label) across the whole corpus.
-- Answers: which people, organisations and places does the corpus talk about, under
-- which spellings, in how many documents, and since when?
SELECT
    e.canonical,
    e.label,
    any_value(e.canonical_en) FILTER (WHERE e.canonical_en IS NOT NULL) AS canonical_en,
    list_sort(list_distinct(list(e.text)))                          AS aliases,
    count(DISTINCT e.doc_id)                                        AS documents,
    count(*)                                                        AS mentions,
    min(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS first_seen,
    max(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS last_seen
FROM entities e
JOIN documents d USING (doc_id)
GROUP BY e.canonical, e.label
