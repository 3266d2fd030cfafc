-- entity_catalog: one row per entity (entity_id) across the whole corpus.
-- Answers: which people, organisations and places does the corpus talk about, under
-- which spellings, in how many documents, since when, and where (places)?
--   SELECT name, label, mentions FROM entity_catalog ORDER BY mentions DESC LIMIT 20;
--   SELECT * FROM entity_catalog WHERE entity_id = entity('الولايات المتحدة');
-- name: the name as a reader writes it (the most frequent readable spelling of the entity);
-- aliases: the spellings actually seen (proclitics cut, article restored after «لل»).
SELECT
    e.entity_id,
    mode(e.name)                                                    AS name,
    any_value(e.canonical_en) FILTER (WHERE e.canonical_en IS NOT NULL) AS name_en,
    mode(e.label)                                                   AS label,
    list_sort(list_distinct(list(e.alias)))                         AS aliases,
    count(*)                                                        AS mentions,
    count(DISTINCT e.doc_id)                                        AS documents,
    min(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS first_seen,
    max(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS last_seen,
    any_value(e.lat) FILTER (WHERE e.lat IS NOT NULL)               AS lat,
    any_value(e.lon) FILTER (WHERE e.lon IS NOT NULL)               AS lon,
    any_value(e.country_code) FILTER (WHERE e.country_code IS NOT NULL) AS country_code,
    mode(e.canonical)                                               AS canonical,
    any_value(e.canonical_en) FILTER (WHERE e.canonical_en IS NOT NULL) AS canonical_en  -- deprecated: name_en
FROM entities e
JOIN documents d USING (doc_id)
GROUP BY e.entity_id
