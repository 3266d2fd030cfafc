-- disputed_figures: within a story, figures of the same kind and subject (figures.subject_key)
-- whose values differ between documents: one row per figure, the disagreeing values side by
-- side with who claims them. «How many North Korean soldiers are in Russia?»:
--   SELECT dispute_id, value, qualifier, claimed_by, source, published_at
--   FROM disputed_figures ORDER BY dispute_id, value;
-- A dispute needs two values and two documents: values that one document gives alone (a
-- breakdown by cause) are not one, but a document that gives the whole timeline of a count
-- (1,500 then 3,000 then 12,000) lines up with the others that give one of its values.
-- n_values / n_documents / n_sources: of the whole dispute; independent_sources: outlets
-- reporting this figure's value in a paragraph that is not a syndicated copy.
WITH grouped AS (
    SELECT
        *,
        count(DISTINCT value)  OVER g AS n_values,
        count(DISTINCT doc_id) OVER g AS n_documents,
        count(DISTINCT source) OVER g AS n_sources
    FROM story_figures
    WINDOW g AS (PARTITION BY story_id, kind, subject_key)
),
disputes AS (
    SELECT story_id, kind, subject_key
    FROM grouped
    GROUP BY story_id, kind, subject_key
    HAVING max(n_values) >= 2 AND max(n_documents) >= 2
)
SELECT
    'd' || substr(md5(g.story_id || '|' || g.kind || '|' || g.subject_key), 1, 15) AS dispute_id,
    g.story_id,
    g.kind,
    g.subject_key,
    g.subject,
    g.unit,
    g.value,
    g.value_low,
    g.value_high,
    g.qualifier,
    g.figure_text,
    g.claimed_by,
    g.claimed_by_outlet,
    g.source,
    g.published_at,
    g.doc_id,
    g.title,
    count(DISTINCT g.source) FILTER (WHERE g.independent)
        OVER (PARTITION BY g.story_id, g.kind, g.subject_key, g.value) AS independent_sources,
    g.n_values,
    g.n_documents,
    g.n_sources,
    g.sentence
FROM grouped g
JOIN disputes USING (story_id, kind, subject_key)
