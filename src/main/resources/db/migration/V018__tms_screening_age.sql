-- A course starts only on a recent safety screening (domain.md 5.2: re-screen at course start). Equal to the last
-- row of reference/tms-rules.tsv (a test checks).
INSERT INTO tms_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('screening.maxAgeDays', DATE '2000-01-01', '30', 'D', 'domain.md 5.2: re-screen at course start; a screening older than 30 days before the first session is repeated (design default)', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed');
