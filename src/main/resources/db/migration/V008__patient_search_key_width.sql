-- Search keys fold accents and case; upper-casing can lengthen a name (German sharp s becomes SS), so
-- the key columns get room for three times the 80-character name.
ALTER TABLE patient ALTER COLUMN family_key SET DATA TYPE VARCHAR(240);
ALTER TABLE patient ALTER COLUMN given_key SET DATA TYPE VARCHAR(240);
ALTER TABLE patient ALTER COLUMN preferred_key SET DATA TYPE VARCHAR(240);
