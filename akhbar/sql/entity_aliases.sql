-- entity_aliases: every spelling seen for an entity, by its matching key.
-- Answers: which entity does a spelling name?  The macro entity('…') reads it:
--   SELECT * FROM entity_aliases WHERE alias_key = akhbar_fold('أمريكا');
-- alias_key is akhbar_fold(alias): hamza/alef/ya/ta marbuta folded, ج/غ and ق/ك folded,
-- diacritics, tatweel, spaces and hyphens removed («بن عبد العزيز» = «بن عبدالعزيز»).
SELECT
    alias_key,
    entity_id,
    list_sort(list_distinct(list(alias))) AS aliases,
    count(*)                              AS mentions
FROM entities
GROUP BY alias_key, entity_id
