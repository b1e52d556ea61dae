-- Reports leave out what was voided (entered in error), and look the few voided patients and courses up on every run
-- (ReportRepository.appointmentsOfVoided). Without an index H2 read every patient's and every course's whole row for
-- that, 40 to 280 ms a run on the large clinic (docs/benchmarks.md); these indexes hold the flag and the id, so the
-- voided ones are found from the index alone.
CREATE INDEX ix_patient_voided ON patient (voided);
CREATE INDEX ix_tms_course_voided ON tms_course (voided);
