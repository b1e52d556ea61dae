-- Issue 5: the Maudsley points for each duration and each failed-trial level become settings an administrator can
-- change, like every other number of the assessment. The values are the published method's (domain.md 2.4), so an
-- existing clinic's assessments do not change.
INSERT INTO assessment_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('maudsley.duration.points', DATE '2000-01-01', '1,2,3', 'C', 'domain.md 2.4: Maudsley duration points: acute (<= 12 months) 1, sub-acute (13-24 months) 2, chronic (> 24 months) 3 (BMC Psychiatry 2018 table 3)', TIMESTAMP WITH TIME ZONE '2026-11-28 00:00:00+00:00', 'seed'),
 ('maudsley.failures.points', DATE '2000-01-01', '1,2,3,4,5', 'C', 'domain.md 2.4: Maudsley failed-medication points per level: 1-2 trials 1, 3-4 2, 5-6 3, 7-10 4, > 10 5', TIMESTAMP WITH TIME ZONE '2026-11-28 00:00:00+00:00', 'seed');
