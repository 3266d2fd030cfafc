-- entity_catalog: one row per entity (entity_id) across the whole corpus.
-- Answers: which people, organisations and places does the corpus talk about, under
-- which spellings, in how many documents, since when, and where (places)?
--   SELECT name, label, mentions FROM entity_catalog ORDER BY mentions DESC LIMIT 20;
--   SELECT * FROM entity_catalog WHERE entity_id = entity('الولايات المتحدة');
-- name: the name as a reader writes it (entity_names: the most frequent readable spelling);
-- aliases: the spellings actually seen (proclitics cut, article restored after «لل»).
-- Where mentions disagree (a name read two ways, two places under one name) the most
-- frequent value wins, ties to the first in sort order («أ» before «ا», «ة» before «ه»):
-- the same catalog on every run.
WITH names AS (
    SELECT entity_id,
           arg_min(name, (-n, name)) FILTER (WHERE what = 'label')          AS label,
           arg_min(name, (-n, name)) FILTER (WHERE what = 'canonical')      AS canonical,
           arg_min(name, (-n, name)) FILTER (WHERE what = 'canonical_en')   AS canonical_en
    FROM (
        SELECT entity_id, what, name, count(*) AS n
        FROM (SELECT entity_id, unnest(['label', 'canonical', 'canonical_en']) AS what,
                     unnest([label, canonical, canonical_en]) AS name
              FROM entities)
        WHERE name IS NOT NULL
        GROUP BY ALL
    )
    GROUP BY entity_id
),
coords AS (
    -- one point per entity: the coordinates most of its mentions carry (lat, lon and
    -- country of the same place, never mixed)
    SELECT entity_id, arg_min({'lat': lat, 'lon': lon, 'country_code': country_code}, (-n, lat, lon)) AS c
    FROM (SELECT entity_id, lat, lon, country_code, count(*) AS n
          FROM entities WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL)
    GROUP BY entity_id
)
SELECT
    e.entity_id,
    any_value(en.name)                                              AS name,
    any_value(nm.canonical_en)                                      AS name_en,
    any_value(nm.label)                                             AS label,
    list_sort(list_distinct(list(e.alias)))                         AS aliases,
    count(*)                                                        AS mentions,
    count(DISTINCT e.doc_id)                                        AS documents,
    min(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS first_seen,
    max(coalesce(d.published_at, d.scraped_at, d.ingested_at))      AS last_seen,
    any_value(co.c.lat)                                             AS lat,
    any_value(co.c.lon)                                             AS lon,
    any_value(co.c.country_code)                                    AS country_code,
    any_value(nm.canonical)                                         AS canonical,
    any_value(nm.canonical_en)                                      AS canonical_en  -- deprecated: name_en
FROM entities e
JOIN documents d USING (doc_id)
LEFT JOIN names nm USING (entity_id)
LEFT JOIN entity_names en USING (entity_id)
LEFT JOIN coords co USING (entity_id)
GROUP BY e.entity_id
