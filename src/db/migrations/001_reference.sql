-- Controlled vocabularies. Rows are loaded from data/ by src/reference/load.ts, so that a newer
-- codelist is a data change, not a migration.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE countries (
  code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name_en text NOT NULL,
  name_es text NOT NULL,
  name_fr text NOT NULL
);

CREATE TABLE themes (
  slug text PRIMARY KEY CHECK (slug ~ '^[a-z]+(-[a-z]+)*$'),
  label_en text NOT NULL,
  label_es text NOT NULL,
  label_fr text NOT NULL,
  dac_codes text[] NOT NULL DEFAULT '{}',
  position int NOT NULL
);

-- DAC CRS purpose codes (5-digit) and their 3-digit categories, from the IATI Sector codelists.
CREATE TABLE dac_codes (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}([0-9]{2})?$'),
  name text NOT NULL,
  description text,
  category text
);

CREATE TABLE currencies (
  code char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
  name text NOT NULL
);

CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL
);

-- Which data file version each vocabulary was loaded from, so start-up skips unchanged ones.
CREATE TABLE reference_versions (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
