-- A migration that fails half-way, for MigrationSafetyIT: the first statement commits on its own in H2,
-- the second fails. The app must put the database back as it was before this file ran.
CREATE TABLE half_done (id INTEGER NOT NULL);
INSERT INTO no_such_table (id) VALUES (1);
