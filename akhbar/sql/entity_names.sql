-- entity_names: one row per entity (entity_id) with its name as a reader writes it: the most
-- frequent spelling among its mentions' `name`, ties to the first in sort order («أ» before «ا»,
-- «ة» before «ه»), so the same name on every run. The one rule behind entity_catalog.name and
-- the names that entity_cooccurrence, quotes_by_speaker and claims show.
--   SELECT name FROM entity_names WHERE entity_id = entity('أمريكا');
SELECT entity_id, arg_min(name, (-n, name)) AS name
FROM (SELECT entity_id, name, count(*) AS n FROM entities WHERE name IS NOT NULL GROUP BY ALL)
GROUP BY entity_id
