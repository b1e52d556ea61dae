-- Failed sign-ins counted where every workstation sees them (issue 13, ADR 0024). A clinic on a PostgreSQL server
-- is reachable before anyone signs in, so its accounts' throttling and lock state live in the database, one count
-- for the whole clinic. The embedded clinic keeps this beside its key wraps (keys.properties) and leaves this empty.
CREATE TABLE sign_in_state (
    username_key  VARCHAR(60) NOT NULL,
    failures      INTEGER     NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE,
    locked        BOOLEAN     NOT NULL,
    CONSTRAINT pk_sign_in_state PRIMARY KEY (username_key)
);
