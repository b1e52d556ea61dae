-- Reports (issue 11), the remaining formulas' numbers and code lists (docs/reports.md), as editable reference data with
-- a source each: the seizure benchmark the adverse-event report compares against, and the twelve-month remission and
-- response measure (CMS159 / MIPS 370, CBE 1885). The ICD-10 prefixes standing for the measure's value sets are this
-- project's reading of domain.md 3 and are unconfirmed [U]: clinics reporting to CMS should check them against the
-- published value sets.

INSERT INTO outcome_rule (rule_key, effective_from, rule_value, confidence, source, recorded_at, recorded_by) VALUES
 ('report.seizureBenchmarkPer10000', DATE '2000-01-01', '0.31', 'C', 'domain.md 5.3: 0.31 seizures per 10,000 sessions (18 in 586,656 sessions, CTMSS survey 2018; Taylor et al. 2021)', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.scale', DATE '2000-01-01', 'PHQ9', 'C', 'domain.md 3: CMS159v12 Depression Remission at Twelve Months is measured with the PHQ-9', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.indexAbove', DATE '2000-01-01', '9', 'C', 'domain.md 3: CMS159 denominator, index PHQ-9 greater than 9', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.remissionBelow', DATE '2000-01-01', '5', 'C', 'domain.md 3: CMS159 numerator, most recent PHQ-9 less than 5', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.months', DATE '2000-01-01', '12', 'C', 'domain.md 3: CMS159 remission assessed at 12 months after the index event', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.windowDays', DATE '2000-01-01', '60', 'C', 'domain.md 3: CMS159 and CBE 1885, 12 months plus or minus 60 days', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.minAge', DATE '2000-01-01', '12', 'C', 'domain.md 3: CMS159 denominator, age 12 or older', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.responseReductionPct', DATE '2000-01-01', '50', 'C', 'domain.md 3: Depression Response at Twelve Months (CBE 1885), PHQ-9 reduced by 50% or more', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.diagnosisCodes', DATE '2000-01-01', 'F32.0,F32.1,F32.2,F32.3,F32.4,F32.5,F32.9,F32.A,F33,F34.1', 'U', 'domain.md 3: CMS159 denominator, major depression or dysthymia; the ICD-10 prefixes are this project''s reading, unconfirmed against the value set', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed'),
 ('report.cms159.excludedCodes', DATE '2000-01-01', 'F31,F20,F21,F22,F23,F24,F25,F28,F29,F60.3,F84', 'U', 'domain.md 3: CMS159 exclusions, bipolar, emotionally labile personality, schizophrenia or psychotic disorder, pervasive developmental disorder; the ICD-10 prefixes are this project''s reading, unconfirmed against the value sets', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00', 'seed');
