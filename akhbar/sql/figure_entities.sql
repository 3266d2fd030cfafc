-- figure_entities: each figure next to the entities of its sentence and its document's
-- source and date.
-- Answers: «figures about North Korean troops by source and date» in one query, e.g.
--   SELECT source, published_at, figure_text, value, unit FROM figure_entities
--   WHERE unit = 'جندي' AND list_contains(entity_canonicals, 'كوريا الشماليه');
-- (claims builds on this view and adds who claims each figure.)
WITH sentence_entities AS (
    SELECT
        doc_id, sentence_idx,
        list_sort(list_distinct(list(canonical)))                  AS entity_canonicals,
        list_sort(list_distinct(list(label || ':' || canonical)))  AS entities
    FROM entities
    GROUP BY doc_id, sentence_idx
)
SELECT
    f.doc_id,
    d.source,
    d.published_at,
    d.title,
    f.sentence_idx,
    s.paragraph_idx,
    f.start_char,
    f.end_char,
    f.text                                 AS figure_text,
    f.value,
    f.value_low,
    f.value_high,
    f.qualifier,
    f.kind,
    f.unit,
    f.magnitude,
    f.date_value,
    s.text                                 AS sentence,
    coalesce(se.entity_canonicals, [])     AS entity_canonicals,
    coalesce(se.entities, [])              AS entities
FROM figures f
JOIN documents d USING (doc_id)
JOIN sentences s ON s.doc_id = f.doc_id AND s.sentence_idx = f.sentence_idx
LEFT JOIN sentence_entities se ON se.doc_id = f.doc_id AND se.sentence_idx = f.sentence_idx
