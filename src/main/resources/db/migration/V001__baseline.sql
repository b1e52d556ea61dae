-- Baseline: facts about this database itself. Later migrations add one concern each.
CREATE TABLE app_info (
    id           INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    demo         BOOLEAN      NOT NULL,
    CONSTRAINT pk_app_info PRIMARY KEY (id),
    CONSTRAINT ck_app_info_single_row CHECK (id = 1)
);
