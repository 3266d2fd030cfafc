-- quotes_by_speaker: one row per speaker with how many statements they made, how
-- (direct «...», reported «قال إن», according_to «وفقاً لـ»), in which documents and
-- sources, under which titles/spellings, and an example.
-- Answers: «who is quoted, how often, and by whom?»; the statements themselves:
--   SELECT speaker, kind, text FROM quotes WHERE speaker_entity_id = '…' ORDER BY doc_id, start_char;
-- speaker = the entity's name as a reader writes it when the speaker is linked to an entity
-- (entity_names: entity_catalog.name's rule),
-- else the canonical form the quote was linked to, else the phrase as written («مسؤول أمريكي
-- كبير»; linked = false). Generic sources («المصادر», «التقرير», «شهود عيان», «وسائل الإعلام»,
-- «البعض»: speaker_kind = 'generic') are not people and are left out; count them with
--   SELECT speaker, count(*) FROM quotes WHERE speaker_kind = 'generic' GROUP BY 1.
-- speaker_entity_id: the least of the speaker's entity ids where two entities share the name
-- (an organisation and a person «هوليوود ريبورتر»); longest_quote: ties to the last in sort
-- order; so the view is the same on every query.
SELECT
    coalesce(r.name, q.speaker_canonical, q.speaker)                 AS speaker,
    q.speaker_canonical IS NOT NULL                                  AS linked,
    min(q.speaker_entity_id)                                         AS speaker_entity_id,
    count(*)                                                         AS quotes,
    count(*) FILTER (WHERE q.kind = 'direct')                        AS direct,
    count(*) FILTER (WHERE q.kind = 'reported')                      AS reported,
    count(*) FILTER (WHERE q.kind = 'according_to')                  AS according_to,
    count(DISTINCT q.doc_id)                                         AS documents,
    count(DISTINCT d.source)                                         AS sources,
    list_sort(list_distinct(list(q.speaker)))                        AS written_as,
    list_sort(list_distinct(list(q.cue)))                            AS cues,
    min(coalesce(d.published_at, d.scraped_at))                      AS first_seen,
    max(coalesce(d.published_at, d.scraped_at))                      AS last_seen,
    arg_max(q.text, (length(q.text), q.text))                        AS longest_quote
FROM quotes q
JOIN documents d USING (doc_id)
LEFT JOIN entity_names r ON r.entity_id = q.speaker_entity_id
WHERE q.speaker_kind IS DISTINCT FROM 'generic'
GROUP BY ALL
