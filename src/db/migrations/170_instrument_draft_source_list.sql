-- Which of its source document's itemised lists a draft instrument was made from, so that the
-- document page, reopened, links each offered list to the draft made of it.
ALTER TABLE instruments ADD COLUMN source_list text CHECK (source_list IN ('checklists', 'principles'));
ALTER TABLE instruments ADD COLUMN source_index int CHECK (source_index >= 0);
