-- Scheduling (issue 9): a session with a motor-threshold re-determination is booked longer. Equal to the last row of
-- reference/tms-rules.tsv (a test checks).
INSERT INTO tms_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('mt.extraSlotMinutes', DATE '2000-01-01', '10', 'D', 'domain.md 8.1: an MT re-determination day (90869) takes about 10 minutes more than a routine session (design default [U])', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed');
