package clinic.threshold.data.tms;

import static clinic.threshold.data.jooq.Tables.BILLING_CODE;
import static clinic.threshold.data.jooq.Tables.CLINIC_CLOSURE;
import static clinic.threshold.data.jooq.Tables.CLINIC_SETTING;
import static clinic.threshold.data.jooq.Tables.SCREENING_ITEM;
import static clinic.threshold.data.jooq.Tables.SCREENING_ITEM_TOPIC;
import static clinic.threshold.data.jooq.Tables.TMS_DEVICE;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_RULE;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.data.jooq.tables.records.TmsProtocolRecord;
import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.BillingCode;
import clinic.threshold.domain.tms.BillingRule;
import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * TMS reference data: protocols, devices, billing codes, the screening form, the TMS rules, and the clinic
 * calendar (open weekdays from the clinic settings, closures from their table).
 */
public final class TmsReferenceRepository {
    /** The clinic setting that names the open weekdays; Monday to Friday when unset. */
    public static final String OPEN_DAYS_SETTING = "clinic.openDays";

    private final DSLContext dsl;

    public TmsReferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Protocol> protocols() {
        return dsl.selectFrom(TMS_PROTOCOL).orderBy(TMS_PROTOCOL.CODE).fetch(TmsReferenceRepository::protocol);
    }

    static Protocol protocol(TmsProtocolRecord r) {
        CourseTemplate t = new CourseTemplate(r.getAcuteSessions(), r.getSessionsPerWeek(), r.getSessionsPerDay(),
                r.getMinIntervalMinutes(), CourseTemplate.parsePattern(r.getTaperPattern()));
        return new Protocol(r.getCode(), r.getName(), StoredValues.plain(r.getFrequencyHz()), r.getIntensityPctMt(),
                r.getMinPctMt(), r.getMaxPctMt(), r.getPulses(), StoredValues.plain(r.getTrainOnS()),
                StoredValues.plain(r.getTrainOffS()), r.getTrains(), StoredValues.plain(r.getStimulationMinutes()),
                r.getSlotMinutes(), r.getFirstSlotMinutes(), t, r.getAssessScale(), r.getAssessEveryDays(), r.getOffLabel(),
                r.getActive(), Confidence.ofTag(r.getConfidence()), r.getSource(), r.getVersion());
    }

    public List<Device> devices() {
        return dsl.selectFrom(TMS_DEVICE).orderBy(TMS_DEVICE.CODE).fetch(r -> new Device(r.getCode(), r.getName(),
                r.getCoil(), r.getMaxOutputPct(), r.getActive(), Confidence.ofTag(r.getConfidence()), r.getSource()));
    }

    public List<BillingCode> billingCodes() {
        return dsl.selectFrom(BILLING_CODE).orderBy(BILLING_CODE.CODE).fetch(r -> new BillingCode(r.getCode(),
                StoredValues.enumOf(BillingRule.class, r.getRule()), r.getDescriptor(), Confidence.ofTag(r.getConfidence()),
                r.getSource()));
    }

    public List<RuleSetting> rules() {
        return dsl.selectFrom(TMS_RULE).orderBy(TMS_RULE.RULE_KEY, TMS_RULE.EFFECTIVE_FROM)
                .fetch(r -> new RuleSetting(r.getRuleKey(), r.getRuleValue(), Confidence.ofTag(r.getConfidence()),
                        r.getSource(), r.getEffectiveFrom()));
    }

    /** The newest screening form version's items, in order. */
    public List<ScreeningItem> screeningForm() {
        Integer latest = dsl.select(org.jooq.impl.DSL.max(SCREENING_ITEM.FORM_VERSION)).from(SCREENING_ITEM).fetchOne().value1();
        return latest == null ? List.of() : screeningForm(latest);
    }

    public int screeningFormVersion() {
        Integer latest = dsl.select(org.jooq.impl.DSL.max(SCREENING_ITEM.FORM_VERSION)).from(SCREENING_ITEM).fetchOne().value1();
        return latest == null ? 0 : latest;
    }

    public List<ScreeningItem> screeningForm(int version) {
        return dsl.selectFrom(SCREENING_ITEM).where(SCREENING_ITEM.FORM_VERSION.eq(version)).orderBy(SCREENING_ITEM.ITEM_NO)
                .fetch(r -> new ScreeningItem(r.getItemNo(), r.getItemText(),
                        StoredValues.enumOf(ScreeningSeverity.class, r.getSeverity()), Confidence.ofTag(r.getConfidence()),
                        r.getSource()));
    }

    public ClinicCalendar calendar() {
        String days = dsl.select(CLINIC_SETTING.SETTING_VALUE).from(CLINIC_SETTING).where(CLINIC_SETTING.NAME.eq(OPEN_DAYS_SETTING))
                .fetchOptional(CLINIC_SETTING.SETTING_VALUE).orElse(null);
        Set<DayOfWeek> open = days == null || days.isBlank() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                : EnumSet.copyOf(Arrays.stream(days.split(",")).map(String::strip).map(DayOfWeek::valueOf).toList());
        Set<LocalDate> once = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        dsl.selectFrom(CLINIC_CLOSURE).where(CLINIC_CLOSURE.ACTIVE.isTrue()).forEach(r -> {
            if (r.getYearly()) {
                yearly.add(MonthDay.from(r.getClosedOn()));
            } else {
                once.add(r.getClosedOn());
            }
        });
        return new ClinicCalendar(open, once, yearly);
    }

    /** Adds a protocol; false when the code is taken. */
    public boolean insertProtocol(Protocol p) {
        if (dsl.fetchExists(TMS_PROTOCOL, TMS_PROTOCOL.CODE.eq(p.code()))) {
            return false;
        }
        dsl.insertInto(TMS_PROTOCOL).set(protocolRow(p)).set(TMS_PROTOCOL.CODE, p.code()).execute();
        return true;
    }

    /** Rewrites a protocol; false when it changed meanwhile. Running courses keep the template they copied. */
    public boolean updateProtocol(Protocol p) {
        return dsl.update(TMS_PROTOCOL).set(protocolRow(p)).set(TMS_PROTOCOL.VERSION, p.version() + 1)
                .where(TMS_PROTOCOL.CODE.eq(p.code()).and(TMS_PROTOCOL.VERSION.eq(p.version()))).execute() == 1;
    }

    private TmsProtocolRecord protocolRow(Protocol p) {
        TmsProtocolRecord r = dsl.newRecord(TMS_PROTOCOL);
        CourseTemplate t = p.template();
        r.setName(p.name());
        r.setFrequencyHz(p.frequencyHz());
        r.setIntensityPctMt(p.intensityPctMt());
        r.setMinPctMt(p.minPctMt());
        r.setMaxPctMt(p.maxPctMt());
        r.setPulses(p.pulses());
        r.setTrainOnS(p.trainOnSeconds());
        r.setTrainOffS(p.trainOffSeconds());
        r.setTrains(p.trains());
        r.setStimulationMinutes(p.stimulationMinutes());
        r.setSlotMinutes(p.slotMinutes());
        r.setFirstSlotMinutes(p.firstSlotMinutes());
        r.setAcuteSessions(t.acuteSessions());
        r.setSessionsPerWeek(t.sessionsPerWeek());
        r.setSessionsPerDay(t.sessionsPerDay());
        r.setMinIntervalMinutes(t.minIntervalMinutes());
        r.setTaperPattern(CourseTemplate.formatPattern(t.taperPattern()));
        r.setAssessScale(p.assessmentScale());
        r.setAssessEveryDays(p.assessEveryDays());
        r.setOffLabel(p.offLabel());
        r.setActive(p.active());
        r.setConfidence(p.confidence().tag());
        r.setSource(p.source());
        // Only the fields set above are written (jOOQ writes changed fields).
        r.changed(TMS_PROTOCOL.VERSION, false);
        r.changed(TMS_PROTOCOL.CODE, false);
        return r;
    }

    /**
     * Locks the rows of form version {@code version} until the transaction ends, so that two saves of a new version
     * from it queue instead of both writing the same next version.
     */
    public void lockScreeningForm(int version) {
        dsl.select(SCREENING_ITEM.ITEM_NO).from(SCREENING_ITEM).where(SCREENING_ITEM.FORM_VERSION.eq(version)).forUpdate()
                .fetch();
    }

    /**
     * Writes a whole new version of the screening form; the versions before it stay as they were. False when that
     * version was written meanwhile (the caller's transaction must then end without saving).
     */
    public boolean insertScreeningForm(int version, List<ScreeningItem> items) {
        try {
            for (ScreeningItem i : items) {
                dsl.insertInto(SCREENING_ITEM).set(SCREENING_ITEM.FORM_VERSION, version).set(SCREENING_ITEM.ITEM_NO, i.number())
                        .set(SCREENING_ITEM.ITEM_TEXT, i.text().strip()).set(SCREENING_ITEM.SEVERITY, i.severity().name())
                        .set(SCREENING_ITEM.CONFIDENCE, i.confidence().tag()).set(SCREENING_ITEM.SOURCE, i.source().strip())
                        .execute();
            }
            return true;
        } catch (org.jooq.exception.IntegrityConstraintViolationException e) {
            return false;
        }
    }

    /** The items of form {@code version} the pre-session check relies on, item number to topic (V030). */
    public java.util.Map<Integer, String> screeningTopics(int version) {
        java.util.Map<Integer, String> out = new java.util.TreeMap<>();
        dsl.selectFrom(SCREENING_ITEM_TOPIC).where(SCREENING_ITEM_TOPIC.FORM_VERSION.eq(version))
                .forEach(r -> out.put(r.getItemNo(), r.getTopic()));
        return out;
    }

    public void insertScreeningTopics(int version, java.util.Map<Integer, String> topics) {
        topics.forEach((item, topic) -> dsl.insertInto(SCREENING_ITEM_TOPIC).set(SCREENING_ITEM_TOPIC.FORM_VERSION, version)
                .set(SCREENING_ITEM_TOPIC.ITEM_NO, item).set(SCREENING_ITEM_TOPIC.TOPIC, topic).execute());
    }

    /** Adds a device; false when the code is taken. */
    public boolean insertDevice(Device d) {
        if (dsl.fetchExists(TMS_DEVICE, TMS_DEVICE.CODE.eq(d.code()))) {
            return false;
        }
        dsl.insertInto(TMS_DEVICE).set(TMS_DEVICE.CODE, d.code()).set(TMS_DEVICE.NAME, d.name()).set(TMS_DEVICE.COIL, d.coil())
                .set(TMS_DEVICE.MAX_OUTPUT_PCT, d.maxOutputPct()).set(TMS_DEVICE.ACTIVE, d.active())
                .set(TMS_DEVICE.CONFIDENCE, d.confidence().tag()).set(TMS_DEVICE.SOURCE, d.source()).execute();
        return true;
    }

    public boolean updateDevice(Device d, int version) {
        return dsl.update(TMS_DEVICE).set(TMS_DEVICE.NAME, d.name()).set(TMS_DEVICE.COIL, d.coil())
                .set(TMS_DEVICE.MAX_OUTPUT_PCT, d.maxOutputPct()).set(TMS_DEVICE.ACTIVE, d.active())
                .set(TMS_DEVICE.CONFIDENCE, d.confidence().tag()).set(TMS_DEVICE.SOURCE, d.source())
                .set(TMS_DEVICE.VERSION, version + 1)
                .where(TMS_DEVICE.CODE.eq(d.code()).and(TMS_DEVICE.VERSION.eq(version))).execute() == 1;
    }

    /** The version column of each device (devices are edited with optimistic locking). */
    public java.util.Map<String, Integer> deviceVersions() {
        return dsl.select(TMS_DEVICE.CODE, TMS_DEVICE.VERSION).from(TMS_DEVICE).fetchMap(TMS_DEVICE.CODE, TMS_DEVICE.VERSION);
    }

    public boolean ruleVersionExists(String key, LocalDate from) {
        return dsl.fetchExists(TMS_RULE, TMS_RULE.RULE_KEY.eq(key).and(TMS_RULE.EFFECTIVE_FROM.eq(from)));
    }

    public void insertRule(RuleSetting r, java.time.Instant now, String by) {
        dsl.insertInto(TMS_RULE).set(TMS_RULE.RULE_KEY, r.key()).set(TMS_RULE.EFFECTIVE_FROM, r.effectiveFrom())
                .set(TMS_RULE.RULE_VALUE, r.value()).set(TMS_RULE.CONFIDENCE, r.confidence().tag())
                .set(TMS_RULE.SOURCE, r.source()).set(TMS_RULE.RECORDED_AT, now.atOffset(java.time.ZoneOffset.UTC))
                .set(TMS_RULE.RECORDED_BY, by).execute();
    }

    /** The active closures, by date. */
    public List<clinic.threshold.domain.tms.ClinicClosure> closures() {
        return dsl.selectFrom(CLINIC_CLOSURE).where(CLINIC_CLOSURE.ACTIVE.isTrue()).orderBy(CLINIC_CLOSURE.CLOSED_ON)
                .fetch(r -> new clinic.threshold.domain.tms.ClinicClosure(r.getId(), r.getClosedOn(), r.getYearly(),
                        r.getLabel(), r.getVersion()));
    }

    /** Takes a closure off the calendar (the row stays, inactive); false when it changed meanwhile. */
    public boolean deactivateClosure(long id, int version) {
        return dsl.update(CLINIC_CLOSURE).set(CLINIC_CLOSURE.ACTIVE, false).set(CLINIC_CLOSURE.VERSION, version + 1)
                .where(CLINIC_CLOSURE.ID.eq(id).and(CLINIC_CLOSURE.VERSION.eq(version)).and(CLINIC_CLOSURE.ACTIVE.isTrue()))
                .execute() == 1;
    }

    public long addClosure(LocalDate day, boolean yearly, String label) {
        return dsl.insertInto(CLINIC_CLOSURE).set(CLINIC_CLOSURE.CLOSED_ON, day).set(CLINIC_CLOSURE.YEARLY, yearly)
                .set(CLINIC_CLOSURE.LABEL, label).returningResult(CLINIC_CLOSURE.ID).fetchOne().value1();
    }
}
