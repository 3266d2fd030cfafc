-- entity_cooccurrence: pairs of entities (canonical name + label) mentioned in the same
-- sentence, with how many sentences and documents pair them, in which sources, and the
-- documents themselves.
-- Answers: «who/what is talked about together?», e.g. the partners of North Korea:
--   SELECT * FROM entity_cooccurrence WHERE 'كوريا الشماليه' IN (entity_a, entity_b)
--   ORDER BY sentences DESC;
-- Each unordered pair appears once (entity_a sorts before entity_b).
WITH e AS (
    SELECT DISTINCT doc_id, sentence_idx, canonical, label FROM entities
)
SELECT
    a.canonical                                   AS entity_a,
    a.label                                       AS label_a,
    b.canonical                                   AS entity_b,
    b.label                                       AS label_b,
    count(*)                                      AS sentences,
    count(DISTINCT a.doc_id)                      AS documents,
    count(DISTINCT d.source)                      AS sources,
    list_sort(list_distinct(list(d.source)))      AS source_list,
    list_sort(list_distinct(list(a.doc_id)))      AS doc_ids
FROM e a
JOIN e b
  ON b.doc_id = a.doc_id
 AND b.sentence_idx = a.sentence_idx
 AND (a.canonical < b.canonical OR (a.canonical = b.canonical AND a.label < b.label))
JOIN documents d ON d.doc_id = a.doc_id
GROUP BY ALL
