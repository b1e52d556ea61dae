-- Clinic-wide settings chosen at setup or by an administrator. Values are text; the code that reads a
-- setting owns its type and range (for example idle lock 1 to 30 minutes).
CREATE TABLE clinic_setting (
    name        VARCHAR(60)  NOT NULL,
    setting_value VARCHAR(400) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_clinic_setting PRIMARY KEY (name)
);
