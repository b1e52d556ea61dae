-- Which chart records show a condition payers exclude from TMS coverage (issue 10): a diagnosis code (prefix), the
-- current episode's severity, a "yes" to a safety-screening item (form version/item), or an open suicide-risk alert.
-- Readiness reads them instead of treating every exclusion as undocumented. Rows are reference data with a source;
-- most are design mappings [U/D] for the clinic to review. A rule is retired (active false), never deleted.

CREATE TABLE payer_exclusion_rule (
    exclusion    VARCHAR(40)   NOT NULL,
    evidence     VARCHAR(12)   NOT NULL,
    match_value  VARCHAR(20)   NOT NULL,
    confidence   VARCHAR(1)    NOT NULL,
    source       VARCHAR(400)  NOT NULL,
    active       BOOLEAN       DEFAULT TRUE NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE DEFAULT TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00' NOT NULL,
    recorded_by  VARCHAR(60)   DEFAULT 'seed' NOT NULL,
    CONSTRAINT pk_payer_exclusion_rule PRIMARY KEY (exclusion, evidence, match_value),
    CONSTRAINT ck_payer_exclusion_rule_evidence CHECK (evidence IN ('DIAGNOSIS', 'EPISODE', 'SCREENING', 'RISK_ALERT')),
    CONSTRAINT ck_payer_exclusion_rule_confidence CHECK (confidence IN ('C', 'S', 'U', 'D'))
);

INSERT INTO payer_exclusion_rule (exclusion, evidence, match_value, confidence, source) VALUES
 ('PSYCHOTIC_FEATURES', 'DIAGNOSIS', 'F32.3', 'U', 'domain.md 6.1: psychotic-feature codes F32.3/F33.3 usually excluded [U]'),
 ('PSYCHOTIC_FEATURES', 'DIAGNOSIS', 'F33.3', 'U', 'domain.md 6.1: psychotic-feature codes F32.3/F33.3 usually excluded [U]'),
 ('PSYCHOTIC_FEATURES', 'EPISODE', 'SEVERE_PSYCHOTIC', 'D', 'current episode rated severe with psychotic features (design mapping)'),
 ('BIPOLAR_OR_SCHIZOPHRENIA', 'DIAGNOSIS', 'F31', 'S', 'domain.md 6.1 Centene CP.BH.200: bipolar disorder excluded; ICD-10-CM F31 bipolar disorder'),
 ('BIPOLAR_OR_SCHIZOPHRENIA', 'DIAGNOSIS', 'F20', 'S', 'domain.md 6.1 Centene CP.BH.200: schizophrenia excluded; ICD-10-CM F20'),
 ('BIPOLAR_OR_SCHIZOPHRENIA', 'DIAGNOSIS', 'F25', 'S', 'domain.md 6.1 Centene CP.BH.200: schizoaffective disorder excluded; ICD-10-CM F25'),
 ('METAL_NEAR_COIL', 'SCREENING', '1/1', 'D', 'screening form 1 item 1 (metal in the head or within 30 cm): domain.md 6.1 devices within 30 cm'),
 ('METAL_NEAR_COIL', 'SCREENING', '1/2', 'D', 'screening form 1 item 2 (cochlear implant): domain.md 6.1 implanted magnetic-sensitive devices'),
 ('METAL_NEAR_COIL', 'SCREENING', '1/3', 'D', 'screening form 1 item 3 (brain or nerve stimulator): domain.md 6.1 implanted devices'),
 ('METAL_NEAR_COIL', 'SCREENING', '1/4', 'D', 'screening form 1 item 4 (magnetic CSF shunt): domain.md 6.1 implanted devices'),
 ('METAL_NEAR_COIL', 'SCREENING', '1/5', 'D', 'screening form 1 item 5 (magnetic dental or eye implant, metallic tattoo): domain.md 6.1 metal within 30 cm'),
 ('SEIZURE_DISORDER', 'SCREENING', '1/6', 'U', 'screening form 1 item 6 (epilepsy or a seizure ever): domain.md 6.1 seizure disorder excluded; a single provoked seizure may not count [U]'),
 ('NEUROLOGICAL_CONDITION', 'SCREENING', '1/9', 'U', 'screening form 1 item 9 (head injury, stroke, brain surgery): domain.md 6.1 neurologic conditions excluded [U]'),
 ('ACTIVE_SUICIDALITY', 'RISK_ALERT', 'OPEN', 'D', 'an open suicide-risk alert not yet reviewed by a clinician: domain.md 6.1 Aetna active suicidality, Centene acute SI with intent (design mapping)');
