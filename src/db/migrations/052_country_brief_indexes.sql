-- The country brief finds a country's open recommendations through the recommendation's own
-- country as well as its project's: without this index it read every recommendation.
CREATE INDEX recommendations_country_idx ON recommendations (country);
