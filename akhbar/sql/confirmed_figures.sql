-- confirmed_figures: one row per value that documents of one story agree on (same kind,
-- subject and value), with the number of independent sources that report it (a syndicated
-- copy counts once) and whether other documents of the story give another value
-- (disputed: see disputed_figures). Only values reported by at least two documents; amounts
-- of money and measures agree only in one unit.
SELECT
    story_id,
    kind,
    subject_key,
    any_value(subject)                                          AS subject,
    any_value(unit)                                             AS unit,
    value,
    count(DISTINCT source) FILTER (WHERE independent)           AS independent_sources,
    count(DISTINCT doc_id)                                      AS documents,
    list(DISTINCT claimed_by ORDER BY claimed_by)               AS claimed_by,
    min(published_at)                                           AS first_published,
    EXISTS (SELECT 1 FROM disputed_figures x
            WHERE x.story_id = s.story_id AND x.kind = s.kind AND x.subject_key = s.subject_key
              AND (s.kind NOT IN ('money', 'measure') OR x.unit = s.unit)) AS disputed
FROM story_figures s
GROUP BY story_id, kind, subject_key, value, unit
HAVING count(DISTINCT doc_id) >= 2
