-- syndicated_paragraphs: paragraphs that near-duplicate an earlier paragraph of another
-- document (the same wire copy run by several outlets), with both sources.
-- Answers: «which outlets copy each other's paragraphs?» and lets claims be counted once.
SELECT
    dup.doc_id,
    d.source                 AS source,
    dup.paragraph_idx,
    dup.dup_of_doc_id        AS first_doc_id,
    f.source                 AS first_source,
    dup.dup_of_paragraph_idx AS first_paragraph_idx,
    dup.similarity,
    split_part(d.clean_text, chr(10), dup.paragraph_idx + 1) AS paragraph
FROM duplicates dup
JOIN documents d ON d.doc_id = dup.doc_id
JOIN documents f ON f.doc_id = dup.dup_of_doc_id
