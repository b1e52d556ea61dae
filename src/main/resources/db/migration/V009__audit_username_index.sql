-- The audit screen filters by the user name as recorded (failed sign-ins have no user id).
CREATE INDEX ix_audit_event_username ON audit_event (username, seq);
