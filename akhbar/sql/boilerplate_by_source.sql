-- boilerplate_by_source: lines removed by the cleaner per source, category and rule.
-- Answers: «what did cleaning take out of each site, and by which rule?» (audit of removals;
-- doubtful lines that were kept are in `boilerplate` with removed = false).
SELECT
    d.source,
    b.category,
    b.rule,
    count(*)                 AS lines,
    count(DISTINCT b.doc_id) AS documents,
    any_value(b.text)        AS example
FROM boilerplate b
JOIN documents d USING (doc_id)
WHERE b.removed
GROUP BY ALL
