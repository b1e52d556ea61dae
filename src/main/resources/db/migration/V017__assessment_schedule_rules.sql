-- Assessment schedules per TMS course (issue 7): how close to its day an assessment counts, when a missed one
-- is overdue, and how far before the first session a course baseline may lie. Equal to the last rows of
-- reference/outcome-rules.tsv (a test checks).
INSERT INTO outcome_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('schedule.windowDays', DATE '2000-01-01', '3', 'D', 'issue 7: an assessment within 3 days of its due day meets it (design default; weekly scales are filled in around the week''s sessions)', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('schedule.graceDays', DATE '2000-01-01', '2', 'D', 'issue 7: a due assessment is flagged overdue 2 days after its day (design default)', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('course.baselineDaysBefore', DATE '2000-01-01', '14', 'D', 'issue 7: a course baseline is the latest score in the 14 days before the first session (design default; payers ask for a recent score)', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed');
