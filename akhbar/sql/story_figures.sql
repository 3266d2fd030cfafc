-- story_figures: every figure that can be compared across the documents of one story, with
-- its story, its subject and who claims it. Only counts, amounts, percentages, measures and
-- durations that have a value and a subject (figures.subject_key) take part: dates, years,
-- ordinals, list indexes and numbers with no noun are never confirmed or disputed.
-- claimed_by: the speaker or «وفقاً لـ» source that the figure is attributed to (claims),
-- else the outlet that published it. independent: false for a figure whose paragraph is a
-- near-duplicate of an earlier document's paragraph (a syndicated copy counts once).
SELECT
    d.story_id,
    c.doc_id,
    c.source,
    c.published_at,
    c.title,
    c.kind,
    c.unit,
    f.subject,
    f.subject_key,
    c.value,
    c.value_low,
    c.value_high,
    c.qualifier,
    c.figure_text,
    coalesce(c.speaker, c.according_to, c.source) AS claimed_by,
    c.claimed_by IS NULL                  AS claimed_by_outlet,
    NOT c.syndicated                      AS independent,
    c.sentence,
    c.sentence_idx,
    c.start_char,
    c.end_char
FROM claims c
JOIN figures f USING (doc_id, start_char, end_char)
JOIN documents d USING (doc_id)
WHERE d.story_id IS NOT NULL
  AND f.subject_key IS NOT NULL
  AND c.value IS NOT NULL
  AND c.kind IN ('count', 'money', 'percent', 'measure', 'duration')
