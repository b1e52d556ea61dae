-- Outcomes (issue 7, closing gaps): the scale a TMS course is measured on when the clinic has no protocol yet, and
-- the one a new protocol's form starts with, as editable reference data instead of a literal in the code. Equal to
-- the last row of reference/outcome-rules.tsv (a test checks).
INSERT INTO outcome_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('course.defaultScale', DATE '2000-01-01', 'PHQ9', 'D', 'issue 7: the scale a TMS course is measured on when the clinic has no protocol yet, and the one a new protocol starts with (design default; the PHQ-9 is the self-report most measurement-based care uses)', TIMESTAMP WITH TIME ZONE '2026-11-28 00:00:00+00:00', 'seed');
