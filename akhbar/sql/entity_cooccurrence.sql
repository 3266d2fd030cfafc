-- entity_cooccurrence: pairs of entities (name + label) mentioned in the same sentence, with
-- how many sentences and documents pair them, in which sources, and the documents themselves.
-- Answers: «who/what is talked about together?», e.g. the partners of North Korea:
--   SELECT * FROM entity_cooccurrence WHERE 'كوريا الشمالية' IN (entity_a, entity_b)
--   ORDER BY sentences DESC;
-- entity_a / entity_b: the entity's name (entity_names, as entity_catalog.name; since 0.16.0,
-- before the folded matching form «كوريا الشماليه»); a pair is a pair of entity_ids, so two
-- spellings of one entity are one.
-- Each unordered pair appears once (entity_a sorts before entity_b).
WITH e AS (
    SELECT DISTINCT m.doc_id, m.sentence_idx, m.entity_id, nm.name, m.label
    FROM entities m JOIN entity_names nm USING (entity_id)
)
SELECT
    a.name                                        AS entity_a,
    a.label                                       AS label_a,
    b.name                                        AS entity_b,
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
 AND (a.name < b.name OR (a.name = b.name AND a.entity_id < b.entity_id))
JOIN documents d ON d.doc_id = a.doc_id
GROUP BY ALL
