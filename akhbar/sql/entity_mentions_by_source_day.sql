-- entity_mentions_by_source_day: how often each entity is mentioned per source and day.
-- Answers: «who is in the news where, and when?» (day = publication date, else scrape date).
SELECT
    d.source,
    CAST(coalesce(d.published_at, d.scraped_at) AS DATE) AS day,
    e.label,
    e.canonical,
    count(*)                 AS mentions,
    count(DISTINCT e.doc_id) AS documents
FROM entities e
JOIN documents d USING (doc_id)
GROUP BY ALL
