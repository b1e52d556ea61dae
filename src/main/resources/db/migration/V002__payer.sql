-- Payers (insurers and programmes). Reference data: editable by administrators; policies per payer
-- arrive with the payer-readiness work. Source names where the list came from.
CREATE TABLE payer (
    id          INTEGER      NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    source      VARCHAR(400) NOT NULL,
    effective_from DATE      NOT NULL,
    CONSTRAINT pk_payer PRIMARY KEY (id),
    CONSTRAINT uq_payer_code UNIQUE (code),
    CONSTRAINT ck_payer_kind CHECK (kind IN ('MEDICARE', 'MEDICAID', 'COMMERCIAL', 'MILITARY', 'SELF_PAY', 'OTHER'))
);

INSERT INTO payer (id, code, name, kind, source, effective_from) VALUES
 (1,  'MEDICARE-NOVITAS',  'Medicare (Novitas)',                'MEDICARE',   'domain.md 6.1: LCD L34998', DATE '2022-12-11'),
 (2,  'MEDICARE-FCSO',     'Medicare (First Coast)',            'MEDICARE',   'domain.md 6.1: LCD L34522', DATE '2022-12-11'),
 (3,  'MEDICARE-NORIDIAN', 'Medicare (Noridian)',               'MEDICARE',   'domain.md 6.1: LCD L37086', DATE '2022-12-11'),
 (4,  'MEDICARE-NGS',      'Medicare (NGS)',                    'MEDICARE',   'domain.md 6.1: LCD L33398', DATE '2023-04-01'),
 (5,  'MEDICAID',          'Medicaid (state plan)',             'MEDICAID',   'clinic list', DATE '2026-01-01'),
 (6,  'AETNA',             'Aetna',                             'COMMERCIAL', 'domain.md 6.1: CPB 0469', DATE '2026-01-01'),
 (7,  'CENTENE',           'Centene / Ambetter',                'COMMERCIAL', 'domain.md 6.1: CP.BH.200', DATE '2026-01-01'),
 (8,  'CIGNA',             'Cigna / Evernorth',                 'COMMERCIAL', 'domain.md 6.1', DATE '2026-01-01'),
 (9,  'UHC',               'UnitedHealthcare / Optum',          'COMMERCIAL', 'domain.md 6.1', DATE '2026-01-01'),
 (10, 'BCBS',              'Blue Cross Blue Shield',            'COMMERCIAL', 'domain.md 6.1', DATE '2026-01-01'),
 (11, 'MAGELLAN',          'Magellan Healthcare',               'COMMERCIAL', 'domain.md 6.1', DATE '2026-01-01'),
 (12, 'TRICARE',           'TRICARE',                           'MILITARY',   'clinic list', DATE '2026-01-01'),
 (13, 'SELF-PAY',          'Self-pay',                          'SELF_PAY',   'clinic list', DATE '2026-01-01');
