-- Reports over years read every given session (issue 11, docs/benchmarks.md). Through the table H2 decrypts and
-- reads whole rows, some 10 microseconds each on the large clinic (6 s for ten years); this index holds just the
-- columns reports read, so H2 answers them from the index alone (0.4 s for the same rows, measured, ADR 0026). It
-- leads with the day: led by status, H2 also chose it for a chart's few courses and read it whole (a chart took
-- 340 ms instead of 40). On PostgreSQL it is an ordinary index.
CREATE INDEX ix_tms_session_given ON tms_session (session_date, status, voided, course_id, patient_id, technician,
    device_code, mt_redetermined, billing_code);

-- The utilisation and attendance reports read every appointment of their range (issue 11): over years, reading each
-- whole row cost 3 to 6 s on the large clinic. This index holds just what they count (AppointmentRepository.spans),
-- led by the day, so H2 answers a range from the index alone (ADR 0026).
CREATE INDEX ix_appointment_span ON appointment (appt_date, start_time, status, chair_id, course_id, patient_id,
    technician_id, protocol_code, minutes, updated_at);

-- Reports measure each course against its patient's scores (outcomes, measurement-based care): every score of the
-- range's patients, by patient and day. The existing index finds them; this one also holds the day, scale and total,
-- so they are read from the index alone.
CREATE INDEX ix_scale_entry_report ON scale_entry (patient_id, voided, rated_on, scale_code, total);
