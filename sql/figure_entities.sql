-- figure_entities: each figure next to the entities of its sentence and its document's
-- source and date.
-- Answers: «figures about North Korean troops by source and date» in one query, e.g.
--   SELECT source, published_at, figure_text, value, unit FROM figure_entities
--   WHERE unit = 'جندي' AND list_contains(entity_canonicals, 'كوريا الشمالية');
SELECT
    f.doc_id,
    d.source,
    d.published_at,
    d.title,
    f.sentence_idx,
    f.text            AS figure_text,
    f.value,
    f.value_low,
    f.value_high,
    f.qualifier,
    f.kind,
    f.unit,
    f.magnitude,
    f.date_value,
    s.text            AS sentence,
    coalesce(list(DISTINCT e.canonical) FILTER (WHERE e.canonical IS NOT NULL), [])  AS entity_canonicals,
    coalesce(list(DISTINCT e.label || ':' || e.canonical) FILTER (WHERE e.canonical IS NOT NULL), []) AS entities
FROM figures f
JOIN documents d USING (doc_id)
JOIN sentences s ON s.doc_id = f.doc_id AND s.sentence_idx = f.sentence_idx
LEFT JOIN entities e ON e.doc_id = f.doc_id AND e.sentence_idx = f.sentence_idx
GROUP BY ALL
