-- disputed_figures: within a story, figures of the same kind and subject (figures.subject_key)
-- on which the documents disagree: one row per figure, the disagreeing values side by side
-- with who claims them. «How many North Korean soldiers are in Russia?»:
--   SELECT dispute_id, value, qualifier, claimed_by, source, published_at
--   FROM disputed_figures ORDER BY dispute_id, value;
-- Two figures are comparable when they are said in two documents, in sentences that say the
-- same thing (at least 15 % of their content words shared, akhbar_words), of the same
-- occasion (no other month, year, clock time, day of an event, reporting period —
-- akhbar_periods: «in June» against «in the first half» — or «the second batch» against
-- «the third») and of the same place (if both sentences name places, one in common; a
-- figure of a sentence that breaks a count down place by place only with a sentence that
-- names its place), and not more than ten times apart unless written with the same digits
-- (a slipped decimal point). Comparable figures disagree when each document gives a value
-- the other does not, neither outlet gives the other's value in another of its documents,
-- and two outlets give them, or one outlet on the word of two different named claimants
-- (an outlet that gives a new number on its own word updates a series: a daily market
-- report). A dispute's rows are the figures that disagree and those comparable with one of
-- them (an outlet agreeing with a value; a document that gives the whole timeline of a
-- count). Money and measures compare within one unit. A document that gives more than four values for one subject (a table of loans
-- by fund) counts something finer than the subject says, and takes no part.
-- n_values / n_documents / n_sources: of the whole dispute; independent_sources: outlets
-- reporting this figure's value in a paragraph that is not a syndicated copy.
WITH written AS (
    -- how precisely a value is written: «4.3 مليون» is 4.3 million give or take 100,000 (its
    -- last digit: rounded or cut, 4,365,980 is written so); digits written out in full, and
    -- «44 مليون», are exact. «7ر59» is the
    -- wire services' 59.7.
    SELECT *, regexp_extract(figure_text,
               '([0-9٠-٩]+)(?:([.,٫ر،])([0-9٠-٩]+))?\s*(ألف|آلاف|الف|مليون|ملايين|مليار|مليارات|بليون|بلايين|تريليون)',
               ['whole', 'sep', 'frac', 'scale']) AS w
    FROM story_figures
    -- «عائلة واحدة», «مرة واحدة»: «one» says there is a single thing, it counts nothing
    -- anyone would dispute (and «7 من عائلة واحدة» is read as 7 families)
    WHERE NOT (value = 1 AND regexp_matches(figure_text, '\s(واحد|واحدة|واحده)$'))
),
figures_u AS (
    SELECT * EXCLUDE (w, tol),
           -- the interval a figure claims: its value, widened by its rounding; «أكثر من» and
           -- «أقل من» / «حتى» reach one written unit further (so «أكثر من 4.3 مليون» holds
           -- 4,365,980, while «أكثر من 20» and 27 still differ), «نحو» 5 % either way
           coalesce(value_low, value) * CASE WHEN qualifier = 'approx' THEN 0.95 ELSE 1 END
               - CASE WHEN qualifier IN ('less_than', 'up_to') THEN 3 ELSE 1 END * tol AS lo,
           coalesce(value_high, value) * CASE WHEN qualifier = 'approx' THEN 1.05 ELSE 1 END
               + CASE WHEN qualifier = 'more_than' THEN 3 ELSE 1 END * tol AS hi
    FROM (
        SELECT *,
               CASE WHEN kind IN ('money', 'measure') THEN coalesce(unit, '') ELSE '' END AS compare_unit,
               -- the value's significant digits, sorted: «92.5 مليار» and «5.92 مليار» both 2-5-9
               list_sort(list_filter(string_split(split_part(printf('%.6g', value), 'e', 1), ''),
                                     x -> x BETWEEN '1' AND '9')) AS digits,
               -- the last written digit of a number with decimals before «ألف/مليون/مليار»
               CASE WHEN w.scale = '' OR w.sep = '' THEN 0.0
                    ELSE CASE WHEN w.scale IN ('ألف', 'آلاف', 'الف') THEN 1e3
                                    WHEN w.scale IN ('مليون', 'ملايين') THEN 1e6
                                    WHEN w.scale = 'تريليون' THEN 1e12 ELSE 1e9 END
                             / 10 ^ CASE WHEN w.sep = 'ر' THEN length(w.whole) ELSE length(w.frac) END END AS tol
        FROM written
    )
),
doc_values AS (
    SELECT story_id, kind, subject_key, compare_unit, doc_id, list(DISTINCT {'lo': lo, 'hi': hi}) AS spans
    FROM figures_u
    GROUP BY story_id, kind, subject_key, compare_unit, doc_id
    HAVING count(DISTINCT value) <= 4
),
source_values AS (
    -- the values an outlet gives across its documents of the story
    SELECT story_id, kind, subject_key, compare_unit, source, list(DISTINCT {'lo': lo, 'hi': hi}) AS source_spans
    FROM figures_u
    JOIN doc_values USING (story_id, kind, subject_key, compare_unit, doc_id)
    GROUP BY story_id, kind, subject_key, compare_unit, source
),
occasions AS (
    -- what dates a sentence: its dates (to the month), years, clock times, and ordinals by their noun
    SELECT doc_id, sentence_idx,
           list(DISTINCT CASE kind WHEN 'ordinal' THEN 'ordinal:' || coalesce(unit, '') ELSE kind END
                || '#' || CASE kind WHEN 'date' THEN strftime(date_value, '%Y-%m')
                                    ELSE CAST(value AS VARCHAR) END) AS marks
    FROM figures
    WHERE kind IN ('date', 'year', 'ordinal', 'time') AND (date_value IS NOT NULL OR value IS NOT NULL)
    GROUP BY doc_id, sentence_idx
),
places AS (
    -- the places a sentence names (entity ids)
    SELECT doc_id, sentence_idx, list(DISTINCT entity_id) AS places
    FROM entities
    WHERE label = 'LOC' AND entity_id IS NOT NULL
    GROUP BY doc_id, sentence_idx
),
figure_places AS (
    -- the place named last before a figure in its sentence
    SELECT f.doc_id, f.start_char, f.sentence_idx, f.kind, f.subject_key, f.compare_unit, f.value,
           arg_max(e.entity_id, e.start_char) AS place
    FROM figures_u f
    JOIN entities e ON e.doc_id = f.doc_id AND e.sentence_idx = f.sentence_idx
     AND e.label = 'LOC' AND e.entity_id IS NOT NULL AND e.end_char <= f.start_char
    GROUP BY ALL
),
breakdowns AS (
    -- a sentence that gives values of one subject place by place («7,800 cars in Greece,
    -- 148,800 in Italy») breaks a total down: each of its figures counts its own place
    SELECT DISTINCT a.doc_id, a.start_char, a.place AS own_place
    FROM figure_places a
    JOIN figure_places b ON a.doc_id = b.doc_id AND a.sentence_idx = b.sentence_idx
     AND a.kind = b.kind AND a.subject_key = b.subject_key AND a.compare_unit = b.compare_unit
     AND a.value <> b.value AND a.place <> b.place
),
claims AS (
    SELECT f.story_id, f.kind, f.subject_key, f.compare_unit, f.doc_id, f.start_char, f.source, f.value,
           f.lo, f.hi, f.digits,
           CASE WHEN f.claimed_by_outlet THEN NULL ELSE f.claimed_by END AS claimant,
           v.spans, sv.source_spans, akhbar_words(f.sentence) AS words,
           list_concat(coalesce(o.marks, []), akhbar_periods(f.sentence)) AS marks,
           coalesce(p.places, []) AS places, k.own_place
    FROM figures_u f
    JOIN doc_values v USING (story_id, kind, subject_key, compare_unit, doc_id)
    JOIN source_values sv USING (story_id, kind, subject_key, compare_unit, source)
    LEFT JOIN occasions o USING (doc_id, sentence_idx)
    LEFT JOIN places p USING (doc_id, sentence_idx)
    LEFT JOIN breakdowns k USING (doc_id, start_char)
),
comparable AS (
    -- two figures of one subject, in two documents, said in sentences that say the same
    -- thing (shared content words) of the same occasion and the same place
    SELECT a.story_id, a.kind, a.subject_key, a.compare_unit,
           a.doc_id AS doc_a, a.start_char AS start_a, a.value AS value_a, a.spans AS spans_a, a.source_spans AS source_spans_a,
           a.source AS source_a, a.claimant AS claimant_a, a.lo AS lo_a, a.hi AS hi_a,
           b.doc_id AS doc_b, b.start_char AS start_b, b.value AS value_b, b.spans AS spans_b, b.source_spans AS source_spans_b,
           b.source AS source_b, b.claimant AS claimant_b, b.lo AS lo_b, b.hi AS hi_b
    FROM claims a
    JOIN claims b
      ON a.story_id = b.story_id AND a.kind = b.kind AND a.subject_key = b.subject_key
     AND a.compare_unit = b.compare_unit AND a.doc_id <> b.doc_id
    WHERE len(list_intersect(a.words, b.words))::DOUBLE
          / greatest(len(list_distinct(list_concat(a.words, b.words))), 1) >= 0.15
      -- dated to different occasions: another month, year, clock time, reporting period,
      -- or «the second batch» against «the third»
      AND NOT len(list_filter(a.marks, x -> len(list_filter(b.marks,
              y -> split_part(y, '#', 1) = split_part(x, '#', 1) AND y <> x)) > 0)) > 0
      -- a count of one day of an event («9,000 visitors on its second day») against a count
      -- of no day: the other may be another day's or the whole event's
      AND (len(list_filter(a.marks, x -> starts_with(x, 'ordinal:يوم#'))) > 0)
          = (len(list_filter(b.marks, x -> starts_with(x, 'ordinal:يوم#'))) > 0)
      -- said of different places: both sentences name places, and none in common
      AND (len(a.places) = 0 OR len(b.places) = 0 OR len(list_intersect(a.places, b.places)) > 0)
      -- values more than ten times apart count different things («a loan of 500 million»
      -- against «a loan of 7.16 billion»), unless they are written with the same digits: a
      -- slip of scale or decimal point («92.5 مليار» for «5.92 مليار»)
      AND (greatest(a.value, b.value) <= 10 * least(a.value, b.value) OR a.digits = b.digits)
      -- a figure of a breakdown by place compares with a sentence that names its place
      AND (a.own_place IS NULL OR list_contains(b.places, a.own_place))
      AND (b.own_place IS NULL OR list_contains(a.places, b.own_place))
),
pairs AS (
    -- a disagreement: each document gives a value the other does not, and two outlets
    -- give them, or one outlet on the word of two different named claimants (one outlet
    -- that gives a new number on its own word updates a series: a daily market report)
    SELECT * FROM comparable
    WHERE doc_a < doc_b
      AND (hi_a < lo_b OR hi_b < lo_a)
      -- (between two outlets, what each outlet gives in any of its documents of the story:
      -- one that gives the other's value elsewhere has its own later count, or another
      -- event the story joined, two road accidents; one outlet: what each document gives)
      AND NOT len(list_filter(CASE WHEN source_a = source_b THEN spans_b ELSE source_spans_b END,
                              s -> s.lo <= hi_a AND lo_a <= s.hi)) > 0
      AND NOT len(list_filter(CASE WHEN source_a = source_b THEN spans_a ELSE source_spans_a END,
                              s -> s.lo <= hi_b AND lo_b <= s.hi)) > 0
      AND (source_a <> source_b
           OR (claimant_a IS NOT NULL AND claimant_b IS NOT NULL
               AND NOT contains(claimant_a, claimant_b) AND NOT contains(claimant_b, claimant_a)))
),
core AS (
    SELECT story_id, kind, subject_key, compare_unit, doc_a AS doc_id, start_a AS start_char FROM pairs
    UNION
    SELECT story_id, kind, subject_key, compare_unit, doc_b, start_b FROM pairs
),
members AS (
    -- the figures of a disagreement, and those comparable with one of them (the outlets
    -- that agree with a value, a document's other values for the same thing)
    SELECT story_id, kind, subject_key, compare_unit, doc_id, start_char FROM core
    UNION
    SELECT c.story_id, c.kind, c.subject_key, c.compare_unit, c.doc_b, c.start_b
    FROM comparable c
    JOIN core k ON k.story_id = c.story_id AND k.kind = c.kind AND k.subject_key = c.subject_key
               AND k.compare_unit = c.compare_unit AND k.doc_id = c.doc_a AND k.start_char = c.start_a
),
grouped AS (
    SELECT
        f.*,
        count(DISTINCT f.value)  OVER g AS n_values,
        count(DISTINCT f.doc_id) OVER g AS n_documents,
        count(DISTINCT f.source) OVER g AS n_sources
    FROM figures_u f
    JOIN members m USING (story_id, kind, subject_key, compare_unit, doc_id, start_char)
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
