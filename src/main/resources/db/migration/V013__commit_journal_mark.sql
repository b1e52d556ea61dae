-- The commit journal's mark (ADR 0011): the number of the last journaled transaction whose changes this
-- file holds, written inside every journaled transaction. After a crash, recovery replays exactly the
-- journal records numbered above it, audited or not.
CREATE TABLE journal_mark (
    id        INTEGER NOT NULL,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT pk_journal_mark PRIMARY KEY (id),
    CONSTRAINT ck_journal_mark_single_row CHECK (id = 1)
);

INSERT INTO journal_mark (id, last_seq) VALUES (1, 0);
