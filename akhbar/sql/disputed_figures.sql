-- disputed_figures: within a story, figures of the same kind and subject (figures.subject_key)
-- whose values differ between documents: one row per figure, the disagreeing values side by
-- side with who claims them. «How many North Korean soldiers are in Russia?»:
--   SELECT dispute_id, value, qualifier, claimed_by, source, published_at
--   FROM disputed_figures ORDER BY dispute_id, value;
-- Amounts of money and measures compare within one unit (a budget in euros and the same
-- budget in CFA francs are not two claims). A dispute needs two documents that each give a
-- value the other does not: values that one document gives alone (a breakdown by cause)
-- are not one, nor are documents that repeat the same series (a bulletin's 113, 3,257 and
-- 16,312 machines, copied by five outlets) or one that gives a part of another's series; a
-- document that gives the whole timeline of a count (1,500 then 3,000 then 12,000) lines up
-- with the others that give one of its values. The two values must also be said in
-- sentences that say the same thing (at least 15 % of their content words shared,
-- akhbar_words): «the third batch came on 3 trucks» against «the second batch on 5» still
-- pass, «an 11-member working group» against «charges against 14 people» do not, and
-- neither do sentences dated to different occasions (a date in another month, another
-- year, «the second batch» against «the third»: figures of the same sentences). One
-- outlet that repeats its own sentence with a new number (half its words or more: a daily
-- market report) updates a series; that is not a dispute. A document that gives more than
-- four values for one subject (a table of loans by fund) counts something finer than the
-- subject says, and takes no part.
-- n_values / n_documents / n_sources: of the whole dispute; independent_sources: outlets
-- reporting this figure's value in a paragraph that is not a syndicated copy.
WITH figures_u AS (
    SELECT *, CASE WHEN kind IN ('money', 'measure') THEN coalesce(unit, '') ELSE '' END AS compare_unit
    FROM story_figures
),
doc_values AS (
    SELECT story_id, kind, subject_key, compare_unit, doc_id, list(DISTINCT value) AS vals
    FROM figures_u
    GROUP BY story_id, kind, subject_key, compare_unit, doc_id
    HAVING count(DISTINCT value) <= 4
),
occasions AS (
    -- what dates a sentence: its dates (to the month), years, and ordinals by their noun
    SELECT doc_id, sentence_idx,
           list(DISTINCT CASE kind WHEN 'ordinal' THEN 'ordinal:' || coalesce(unit, '') ELSE kind END
                || '#' || CASE kind WHEN 'date' THEN strftime(date_value, '%Y-%m')
                                    ELSE CAST(value AS VARCHAR) END) AS marks
    FROM figures
    WHERE kind IN ('date', 'year', 'ordinal') AND (date_value IS NOT NULL OR value IS NOT NULL)
    GROUP BY doc_id, sentence_idx
),
claims AS (
    SELECT f.story_id, f.kind, f.subject_key, f.compare_unit, f.doc_id, f.source, f.value, v.vals,
           akhbar_words(f.sentence) AS words, coalesce(o.marks, []) AS marks
    FROM figures_u f
    JOIN doc_values v USING (story_id, kind, subject_key, compare_unit, doc_id)
    LEFT JOIN occasions o USING (doc_id, sentence_idx)
),
disputes AS (
    SELECT DISTINCT a.story_id, a.kind, a.subject_key, a.compare_unit
    FROM claims a
    JOIN claims b
      ON a.story_id = b.story_id AND a.kind = b.kind AND a.subject_key = b.subject_key
     AND a.compare_unit = b.compare_unit AND a.doc_id < b.doc_id
    CROSS JOIN LATERAL (SELECT len(list_intersect(a.words, b.words))::DOUBLE
                               / greatest(len(list_distinct(list_concat(a.words, b.words))), 1) AS shared)
    WHERE NOT list_contains(b.vals, a.value) AND NOT list_contains(a.vals, b.value)
      AND shared >= 0.15
      AND (a.source <> b.source OR shared < 0.5)
      -- two sentences dated to different occasions (another month, year, or «the second
      -- batch» against «the third») count different things
      AND NOT len(list_filter(a.marks, x -> len(list_filter(b.marks,
              y -> split_part(y, '#', 1) = split_part(x, '#', 1) AND y <> x)) > 0)) > 0
),
grouped AS (
    SELECT
        f.*,
        count(DISTINCT f.value)  OVER g AS n_values,
        count(DISTINCT f.doc_id) OVER g AS n_documents,
        count(DISTINCT f.source) OVER g AS n_sources
    FROM figures_u f
    JOIN disputes d USING (story_id, kind, subject_key, compare_unit)
    JOIN doc_values v USING (story_id, kind, subject_key, compare_unit, doc_id)
    WINDOW g AS (PARTITION BY f.story_id, f.kind, f.subject_key, f.compare_unit)
)
SELECT
    'd' || substr(md5(g.story_id || '|' || g.kind || '|' || g.subject_key || '|' || g.compare_unit), 1, 15) AS dispute_id,
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
        OVER (PARTITION BY g.story_id, g.kind, g.subject_key, g.compare_unit, g.value) AS independent_sources,
    g.n_values,
    g.n_documents,
    g.n_sources,
    g.sentence
FROM grouped g
