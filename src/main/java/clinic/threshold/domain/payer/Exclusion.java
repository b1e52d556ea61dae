package clinic.threshold.domain.payer;

/** Conditions a payer excludes from TMS coverage (domain.md 6.1, key exclusions). */
public enum Exclusion {
    PSYCHOTIC_FEATURES, SEIZURE_DISORDER, METAL_NEAR_COIL, BIPOLAR_OR_SCHIZOPHRENIA, SUBSTANCE_USE_90_DAYS, ACTIVE_SUICIDALITY,
    NEUROLOGICAL_CONDITION
}
