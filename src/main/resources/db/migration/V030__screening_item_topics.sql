-- Which safety-screening items the pre-session check relies on (issue 8 review): new metal or an implant, or a
-- possible pregnancy, reported before a session, is answered by a new screening, which only does so while the form
-- still asks about them. A new form version carries the marks of the items it keeps (same number), and an item
-- marked here cannot be retired. Seeded for the shipped form (version 1, reference/tms-screening.tsv items 1 to 5
-- and 12 to 14 metal or implants, 11 pregnancy) and for any later version saved before this one with those items.

CREATE TABLE screening_item_topic (
    form_version  INTEGER      NOT NULL,
    item_no       INTEGER      NOT NULL,
    topic         VARCHAR(20)  NOT NULL,
    CONSTRAINT pk_screening_item_topic PRIMARY KEY (form_version, item_no),
    CONSTRAINT fk_screening_item_topic_item FOREIGN KEY (form_version, item_no) REFERENCES screening_item (form_version, item_no),
    CONSTRAINT ck_screening_item_topic CHECK (topic IN ('METAL_IMPLANT', 'PREGNANCY'))
);

INSERT INTO screening_item_topic (form_version, item_no, topic)
SELECT i.form_version, i.item_no, CASE WHEN i.item_no = 11 THEN 'PREGNANCY' ELSE 'METAL_IMPLANT' END
FROM screening_item i
WHERE i.item_no IN (1, 2, 3, 4, 5, 11, 12, 13, 14);
