-- ICD-10-CM codes for depressive disorders and common comorbidities (seed list; administrators may add).
-- payer_note carries domain.md 6.1's remark on which codes payers usually accept; it is unconfirmed [U].
CREATE TABLE diagnosis_code (
    code         VARCHAR(10)  NOT NULL,
    description  VARCHAR(200) NOT NULL,
    category     VARCHAR(20)  NOT NULL,
    payer_note   VARCHAR(200),
    unconfirmed  BOOLEAN      NOT NULL DEFAULT FALSE,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    source       VARCHAR(200) NOT NULL,
    CONSTRAINT pk_diagnosis_code PRIMARY KEY (code),
    CONSTRAINT ck_diagnosis_code_category CHECK (category IN ('DEPRESSIVE', 'COMORBID'))
);

INSERT INTO diagnosis_code (code, description, category, payer_note, unconfirmed, source) VALUES
 ('F32.0',  'Major depressive disorder, single episode, mild',                           'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F32.1',  'Major depressive disorder, single episode, moderate',                       'DEPRESSIVE', 'Accepted by some newer policies', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F32.2',  'Major depressive disorder, single episode, severe without psychotic features', 'DEPRESSIVE', 'Typically accepted for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F32.3',  'Major depressive disorder, single episode, severe with psychotic features',  'DEPRESSIVE', 'Usually excluded for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F32.4',  'Major depressive disorder, single episode, in partial remission',            'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F32.5',  'Major depressive disorder, single episode, in full remission',               'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F32.81', 'Premenstrual dysphoric disorder',                                            'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F32.89', 'Other specified depressive episodes',                                        'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F32.9',  'Major depressive disorder, single episode, unspecified',                     'DEPRESSIVE', 'Usually rejected for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F32.A',  'Depression, unspecified',                                                    'DEPRESSIVE', 'Usually rejected for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F33.0',  'Major depressive disorder, recurrent, mild',                                 'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F33.1',  'Major depressive disorder, recurrent, moderate',                             'DEPRESSIVE', 'Accepted by some newer policies', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F33.2',  'Major depressive disorder, recurrent severe without psychotic features',     'DEPRESSIVE', 'Typically accepted for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F33.3',  'Major depressive disorder, recurrent, severe with psychotic symptoms',       'DEPRESSIVE', 'Usually excluded for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F33.40', 'Major depressive disorder, recurrent, in remission, unspecified',            'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F33.41', 'Major depressive disorder, recurrent, in partial remission',                 'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F33.42', 'Major depressive disorder, recurrent, in full remission',                    'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F33.8',  'Other recurrent depressive disorders',                                       'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F33.9',  'Major depressive disorder, recurrent, unspecified',                          'DEPRESSIVE', 'Usually rejected for TMS', TRUE, 'ICD-10-CM; payer note domain.md 6.1'),
 ('F34.1',  'Dysthymic disorder',                                                         'DEPRESSIVE', NULL, FALSE, 'ICD-10-CM'),
 ('F41.0',  'Panic disorder [episodic paroxysmal anxiety]',                               'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F41.1',  'Generalized anxiety disorder',                                               'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F42.2',  'Mixed obsessional thoughts and acts',                                        'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F43.10', 'Post-traumatic stress disorder, unspecified',                                'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F60.3',  'Borderline personality disorder',                                            'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F90.0',  'Attention-deficit hyperactivity disorder, predominantly inattentive type',   'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('F10.20', 'Alcohol dependence, uncomplicated',                                          'COMORBID',   NULL, FALSE, 'ICD-10-CM'),
 ('G47.00', 'Insomnia, unspecified',                                                      'COMORBID',   NULL, FALSE, 'ICD-10-CM');
