-- claims: every figure with who claims it, what it is about and where it was published.
-- Answers: «who said how many, where and when?» — figures about the same thing from
-- different sources line up, e.g. the North Korean troops reported as 1,500, 3,000,
-- 10,000 and 12,000:
--   SELECT source, published_at, figure_text, value, claimed_by, sentence
--   FROM claims WHERE kind = 'count' AND (unit = 'جندي' OR unit IS NULL) AND value >= 1000
--   ORDER BY value;
-- speaker: the speaker of the quote that contains the figure (else of a quote in the same
-- sentence; in_quote says which); according_to: the source of a «وفقاً لـ / بحسب»
-- attribution covering it; claimed_by: the speaker, else the according_to source — a speaker or
-- source linked to an entity by the entity's readable name (entity_names, since
-- 0.16.0; before the folded matching form), else as written.
-- syndicated: the figure's paragraph near-duplicates an earlier paragraph of another
-- document (count such claims once).
WITH spoken AS (
    SELECT
        f.doc_id, f.start_char, f.end_char,
        q.speaker, q.speaker_canonical, q.speaker_entity_id, q.kind AS quote_kind, q.cue, q.text AS quote_text,
        (q.start_char <= f.start_char AND f.end_char <= q.end_char) AS in_quote
    FROM figures f
    JOIN quotes q
      ON q.doc_id = f.doc_id
     AND q.kind <> 'according_to'
     AND ((q.start_char <= f.start_char AND f.end_char <= q.end_char) OR q.sentence_idx = f.sentence_idx)
    QUALIFY row_number() OVER (
        PARTITION BY f.doc_id, f.start_char, f.end_char
        ORDER BY in_quote DESC, q.end_char - q.start_char, q.start_char) = 1
),
attributed AS (
    SELECT
        f.doc_id, f.start_char, f.end_char,
        coalesce(rn.name, q.speaker_canonical, q.speaker) AS according_to
    FROM figures f
    JOIN quotes q
      ON q.doc_id = f.doc_id
     AND q.kind = 'according_to'
     AND ((q.start_char <= f.start_char AND f.end_char <= q.end_char) OR q.sentence_idx = f.sentence_idx)
    LEFT JOIN entity_names rn ON rn.entity_id = q.speaker_entity_id
    QUALIFY row_number() OVER (
        PARTITION BY f.doc_id, f.start_char, f.end_char
        ORDER BY (q.start_char <= f.start_char AND f.end_char <= q.end_char) DESC, q.end_char - q.start_char) = 1
),
syndicated AS (
    SELECT DISTINCT doc_id, paragraph_idx FROM duplicates
)
SELECT
    f.doc_id,
    f.source,
    f.published_at,
    f.title,
    f.sentence_idx,
    f.start_char,
    f.end_char,
    f.figure_text,
    f.value,
    f.value_low,
    f.value_high,
    f.qualifier,
    f.kind,
    f.unit,
    f.magnitude,
    f.date_value,
    coalesce(rs.name, sp.speaker_canonical, sp.speaker, a.according_to) AS claimed_by,
    sp.speaker                                       AS speaker,
    sp.speaker_canonical                             AS speaker_canonical,
    sp.quote_kind,
    sp.cue,
    coalesce(sp.in_quote, false)                     AS in_quote,
    a.according_to,
    f.entity_canonicals,
    f.entities,
    sy.doc_id IS NOT NULL                            AS syndicated,
    count(DISTINCT f.doc_id) OVER (PARTITION BY f.kind, f.unit, f.value)  AS documents_same_value,
    count(DISTINCT f.source) OVER (PARTITION BY f.kind, f.unit, f.value)  AS sources_same_value,
    f.sentence
FROM figure_entities f
LEFT JOIN spoken sp ON sp.doc_id = f.doc_id AND sp.start_char = f.start_char AND sp.end_char = f.end_char
LEFT JOIN entity_names rs ON rs.entity_id = sp.speaker_entity_id
LEFT JOIN attributed a ON a.doc_id = f.doc_id AND a.start_char = f.start_char AND a.end_char = f.end_char
LEFT JOIN syndicated sy ON sy.doc_id = f.doc_id AND sy.paragraph_idx = f.paragraph_idx
