-- The audit trail: append-only and hash-chained. row_hash = SHA-256(prev_hash || canonical fields), hex.
-- The application has no update or delete path for this table; tampering outside it breaks the chain.
CREATE TABLE audit_event (
    seq          BIGINT        NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id      BIGINT,
    username     VARCHAR(60),
    action       VARCHAR(40)   NOT NULL,
    category     VARCHAR(20)   NOT NULL,
    patient_id   BIGINT,
    entity       VARCHAR(40),
    entity_id    VARCHAR(40),
    outcome      VARCHAR(10)   NOT NULL,
    detail       VARCHAR(4000),
    prev_hash    VARCHAR(64)   NOT NULL,
    row_hash     VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (seq),
    CONSTRAINT ck_audit_event_outcome CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED'))
);

CREATE INDEX ix_audit_event_user ON audit_event (user_id, seq);
CREATE INDEX ix_audit_event_patient ON audit_event (patient_id, seq);
CREATE INDEX ix_audit_event_action ON audit_event (action, seq);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);

-- The chain's head: one row, locked FOR UPDATE by every append so that appends are serialised across
-- threads and (on a server database) across workstations. A copy of the head is also kept outside the
-- database, so that cutting events off the end is detected too.
CREATE TABLE audit_head (
    id         INTEGER     NOT NULL,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_head PRIMARY KEY (id),
    CONSTRAINT ck_audit_head_single_row CHECK (id = 1)
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
