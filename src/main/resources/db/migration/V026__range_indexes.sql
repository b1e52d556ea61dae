-- Issue 12: the reports and the calendar read sessions and appointments of a date range across all courses (ten
-- years of a large clinic: 600,000 sessions). Without an index on the day alone, H2 read every session row for a
-- quarter's report.
CREATE INDEX ix_tms_session_date ON tms_session (session_date);
