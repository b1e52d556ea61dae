-- A course keeps the protocol's terms as they were when it started: the % MT range its sessions are checked
-- against, the trains a session is prefilled with, the assessment interval and the off-label mark. Courses
-- started before this version take them from their protocol as it stands now (no edit could be told apart),
-- except that the % MT range is widened to take in the course's own % MT and every % MT its delivered sessions
-- used, so that a protocol narrowed since does not put a running course outside its own range.
ALTER TABLE tms_course ADD COLUMN min_pct_mt INTEGER;
ALTER TABLE tms_course ADD COLUMN max_pct_mt INTEGER;
ALTER TABLE tms_course ADD COLUMN trains INTEGER;
ALTER TABLE tms_course ADD COLUMN assess_every_days INTEGER;
ALTER TABLE tms_course ADD COLUMN off_label BOOLEAN;

UPDATE tms_course SET
    min_pct_mt = LEAST((SELECT p.min_pct_mt FROM tms_protocol p WHERE p.code = tms_course.protocol_code),
        tms_course.pct_mt,
        COALESCE((SELECT MIN(s.pct_mt) FROM tms_session s WHERE s.course_id = tms_course.id AND s.status = 'DELIVERED'
            AND s.voided = FALSE AND s.pct_mt IS NOT NULL), tms_course.pct_mt)),
    max_pct_mt = GREATEST((SELECT p.max_pct_mt FROM tms_protocol p WHERE p.code = tms_course.protocol_code),
        tms_course.pct_mt,
        COALESCE((SELECT MAX(s.pct_mt) FROM tms_session s WHERE s.course_id = tms_course.id AND s.status = 'DELIVERED'
            AND s.voided = FALSE AND s.pct_mt IS NOT NULL), tms_course.pct_mt)),
    trains = (SELECT p.trains FROM tms_protocol p WHERE p.code = tms_course.protocol_code),
    assess_every_days = (SELECT p.assess_every_days FROM tms_protocol p WHERE p.code = tms_course.protocol_code),
    off_label = (SELECT p.off_label FROM tms_protocol p WHERE p.code = tms_course.protocol_code);

ALTER TABLE tms_course ALTER COLUMN min_pct_mt SET NOT NULL;
ALTER TABLE tms_course ALTER COLUMN max_pct_mt SET NOT NULL;
ALTER TABLE tms_course ALTER COLUMN trains SET NOT NULL;
ALTER TABLE tms_course ALTER COLUMN assess_every_days SET NOT NULL;
ALTER TABLE tms_course ALTER COLUMN off_label SET NOT NULL;

-- A motor threshold notes the stimulator it was measured on, so that a change to another device with the same
-- coil type makes it due again. Determinations recorded before this version have none.
ALTER TABLE tms_motor_threshold ADD COLUMN device_code VARCHAR(20);
ALTER TABLE tms_motor_threshold ADD CONSTRAINT fk_tms_motor_threshold_device FOREIGN KEY (device_code) REFERENCES tms_device (code);
