package clinic.threshold.data.schedule;

import static clinic.threshold.data.jooq.Tables.RESOURCE_ABSENCE;
import static clinic.threshold.data.jooq.Tables.SUPERVISING_PHYSICIAN;
import static clinic.threshold.data.jooq.Tables.TECHNICIAN;
import static clinic.threshold.data.jooq.Tables.TECHNICIAN_CHAIR;
import static clinic.threshold.data.jooq.Tables.TECHNICIAN_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_CHAIR;
import static clinic.threshold.data.jooq.Tables.TMS_CHAIR_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.WEEKLY_HOURS;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.Physician;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * The scheduling set-up (issue 9): clinic hours, chairs and the protocols they deliver, technicians and their
 * training, supervising physicians, each with weekly hours, and absences. Rows are deactivated, not deleted;
 * hours and training lists are replaced as a whole when edited (configuration, not patient data).
 */
public final class ResourceRepository {
    static final long CLINIC_OWNER = 0;
    private final DSLContext dsl;

    public ResourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ScheduleResources load() {
        Map<String, Map<Long, WeeklyHours>> hours = hours();
        Map<String, Integer> versions = new HashMap<>();
        Map<Long, Set<String>> chairProtocols = new HashMap<>();
        dsl.selectFrom(TMS_CHAIR_PROTOCOL).forEach(r ->
                chairProtocols.computeIfAbsent(r.getChairId(), k -> new HashSet<>()).add(r.getProtocolCode()));
        List<Chair> chairs = new ArrayList<>();
        dsl.selectFrom(TMS_CHAIR).orderBy(TMS_CHAIR.NAME).forEach(r -> {
            versions.put("chair:" + r.getId(), r.getVersion());
            chairs.add(new Chair(r.getId(), r.getName(), r.getDeviceCode(), r.getCoil(),
                    chairProtocols.getOrDefault(r.getId(), Set.of()),
                    r.getOwnHours() ? hours.get("CHAIR").getOrDefault(r.getId(), new WeeklyHours(Map.of())) : null,
                    r.getActive()));
        });
        Map<Long, Set<Long>> techChairs = new HashMap<>();
        dsl.selectFrom(TECHNICIAN_CHAIR).forEach(r ->
                techChairs.computeIfAbsent(r.getTechnicianId(), k -> new HashSet<>()).add(r.getChairId()));
        Map<Long, Set<String>> techProtocols = new HashMap<>();
        dsl.selectFrom(TECHNICIAN_PROTOCOL).forEach(r ->
                techProtocols.computeIfAbsent(r.getTechnicianId(), k -> new HashSet<>()).add(r.getProtocolCode()));
        List<Technician> techs = new ArrayList<>();
        dsl.selectFrom(TECHNICIAN).orderBy(TECHNICIAN.NAME).forEach(r -> {
            versions.put("technician:" + r.getId(), r.getVersion());
            techs.add(new Technician(r.getId(), r.getUsername(), r.getName(),
                    hours.get("TECHNICIAN").getOrDefault(r.getId(), new WeeklyHours(Map.of())),
                    techChairs.getOrDefault(r.getId(), Set.of()), techProtocols.getOrDefault(r.getId(), Set.of()),
                    r.getMaxChairs(), r.getActive()));
        });
        List<Physician> physicians = new ArrayList<>();
        dsl.selectFrom(SUPERVISING_PHYSICIAN).orderBy(SUPERVISING_PHYSICIAN.NAME).forEach(r -> {
            versions.put("physician:" + r.getId(), r.getVersion());
            physicians.add(new Physician(r.getId(), r.getName(), r.getUsername(),
                    hours.get("PHYSICIAN").getOrDefault(r.getId(), new WeeklyHours(Map.of())), r.getActive()));
        });
        return new ScheduleResources(hours.get("CLINIC").getOrDefault(CLINIC_OWNER, new WeeklyHours(Map.of())), chairs, techs,
                physicians, absences(LocalDate.MIN), versions);
    }

    /** Active absences that end on or after {@code from}. */
    public List<Absence> absences(LocalDate from) {
        return dsl.selectFrom(RESOURCE_ABSENCE).where(RESOURCE_ABSENCE.ACTIVE.isTrue())
                .and(from.equals(LocalDate.MIN) ? org.jooq.impl.DSL.trueCondition() : RESOURCE_ABSENCE.TO_DATE.ge(from))
                .orderBy(RESOURCE_ABSENCE.FROM_DATE, RESOURCE_ABSENCE.ID)
                .fetch(r -> new Absence(r.getId(), StoredValues.enumOf(Absence.Kind.class, r.getKind()), r.getResourceId(),
                        r.getFromDate(), r.getToDate(), r.getReason()));
    }

    private Map<String, Map<Long, WeeklyHours>> hours() {
        Map<String, Map<Long, Map<DayOfWeek, List<TimeRange>>>> raw = new HashMap<>();
        dsl.selectFrom(WEEKLY_HOURS).orderBy(WEEKLY_HOURS.OPENS).forEach(r -> raw
                .computeIfAbsent(r.getOwnerKind(), k -> new HashMap<>())
                .computeIfAbsent(r.getOwnerId(), k -> new EnumMap<>(DayOfWeek.class))
                .computeIfAbsent(DayOfWeek.of(r.getWeekday()), k -> new ArrayList<>())
                .add(new TimeRange(r.getOpens(), r.getCloses())));
        Map<String, Map<Long, WeeklyHours>> out = new HashMap<>();
        for (String kind : List.of("CLINIC", "CHAIR", "TECHNICIAN", "PHYSICIAN")) {
            Map<Long, WeeklyHours> byOwner = new HashMap<>();
            raw.getOrDefault(kind, Map.of()).forEach((owner, days) -> byOwner.put(owner, new WeeklyHours(days)));
            out.put(kind, byOwner);
        }
        return out;
    }

    public void replaceHours(String kind, long owner, WeeklyHours hours) {
        dsl.deleteFrom(WEEKLY_HOURS).where(WEEKLY_HOURS.OWNER_KIND.eq(kind)).and(WEEKLY_HOURS.OWNER_ID.eq(owner)).execute();
        if (hours == null) {
            return;
        }
        hours.days().forEach((day, ranges) -> ranges.forEach(r -> dsl.insertInto(WEEKLY_HOURS)
                .set(WEEKLY_HOURS.OWNER_KIND, kind).set(WEEKLY_HOURS.OWNER_ID, owner)
                .set(WEEKLY_HOURS.WEEKDAY, (short) day.getValue()).set(WEEKLY_HOURS.OPENS, r.from())
                .set(WEEKLY_HOURS.CLOSES, r.to()).execute()));
    }

    public boolean chairNameTaken(String name, long exceptId) {
        return dsl.fetchExists(TMS_CHAIR, TMS_CHAIR.NAME.equalIgnoreCase(name).and(TMS_CHAIR.ID.ne(exceptId)));
    }

    public boolean technicianNameTaken(String name, long exceptId) {
        return dsl.fetchExists(TECHNICIAN, TECHNICIAN.NAME.equalIgnoreCase(name).and(TECHNICIAN.ID.ne(exceptId)));
    }

    public boolean physicianNameTaken(String name, long exceptId) {
        return dsl.fetchExists(SUPERVISING_PHYSICIAN,
                SUPERVISING_PHYSICIAN.NAME.equalIgnoreCase(name).and(SUPERVISING_PHYSICIAN.ID.ne(exceptId)));
    }

    /** Inserts (id 0) or updates a chair; false when the version is stale. */
    public long saveChair(Chair c, int version) {
        long id = c.id();
        if (id == 0) {
            id = dsl.insertInto(TMS_CHAIR).set(TMS_CHAIR.NAME, c.name()).set(TMS_CHAIR.DEVICE_CODE, c.deviceCode())
                    .set(TMS_CHAIR.COIL, c.coil()).set(TMS_CHAIR.OWN_HOURS, c.hours() != null).set(TMS_CHAIR.ACTIVE, c.active())
                    .returning(TMS_CHAIR.ID).fetchOne().getId();
        } else if (dsl.update(TMS_CHAIR).set(TMS_CHAIR.NAME, c.name()).set(TMS_CHAIR.DEVICE_CODE, c.deviceCode())
                .set(TMS_CHAIR.COIL, c.coil()).set(TMS_CHAIR.OWN_HOURS, c.hours() != null).set(TMS_CHAIR.ACTIVE, c.active())
                .set(TMS_CHAIR.VERSION, version + 1).where(TMS_CHAIR.ID.eq(id)).and(TMS_CHAIR.VERSION.eq(version)).execute() == 0) {
            return -1;
        }
        dsl.deleteFrom(TMS_CHAIR_PROTOCOL).where(TMS_CHAIR_PROTOCOL.CHAIR_ID.eq(id)).execute();
        for (String p : c.protocols()) {
            dsl.insertInto(TMS_CHAIR_PROTOCOL).set(TMS_CHAIR_PROTOCOL.CHAIR_ID, id).set(TMS_CHAIR_PROTOCOL.PROTOCOL_CODE, p).execute();
        }
        replaceHours("CHAIR", id, c.hours());
        return id;
    }

    /** Inserts (id 0) or updates a technician; -1 when the version is stale. */
    public long saveTechnician(Technician t, int version) {
        long id = t.id();
        if (id == 0) {
            id = dsl.insertInto(TECHNICIAN).set(TECHNICIAN.NAME, t.name()).set(TECHNICIAN.USERNAME, t.username())
                    .set(TECHNICIAN.MAX_CHAIRS, t.maxConcurrentChairs()).set(TECHNICIAN.ACTIVE, t.active())
                    .returning(TECHNICIAN.ID).fetchOne().getId();
        } else if (dsl.update(TECHNICIAN).set(TECHNICIAN.NAME, t.name()).set(TECHNICIAN.USERNAME, t.username())
                .set(TECHNICIAN.MAX_CHAIRS, t.maxConcurrentChairs()).set(TECHNICIAN.ACTIVE, t.active())
                .set(TECHNICIAN.VERSION, version + 1).where(TECHNICIAN.ID.eq(id)).and(TECHNICIAN.VERSION.eq(version))
                .execute() == 0) {
            return -1;
        }
        dsl.deleteFrom(TECHNICIAN_CHAIR).where(TECHNICIAN_CHAIR.TECHNICIAN_ID.eq(id)).execute();
        dsl.deleteFrom(TECHNICIAN_PROTOCOL).where(TECHNICIAN_PROTOCOL.TECHNICIAN_ID.eq(id)).execute();
        for (long chair : t.chairs()) {
            dsl.insertInto(TECHNICIAN_CHAIR).set(TECHNICIAN_CHAIR.TECHNICIAN_ID, id).set(TECHNICIAN_CHAIR.CHAIR_ID, chair).execute();
        }
        for (String p : t.protocols()) {
            dsl.insertInto(TECHNICIAN_PROTOCOL).set(TECHNICIAN_PROTOCOL.TECHNICIAN_ID, id)
                    .set(TECHNICIAN_PROTOCOL.PROTOCOL_CODE, p).execute();
        }
        replaceHours("TECHNICIAN", id, t.hours());
        return id;
    }

    /** Inserts (id 0) or updates a supervising physician; -1 when the version is stale. */
    public long savePhysician(Physician p, int version) {
        long id = p.id();
        if (id == 0) {
            id = dsl.insertInto(SUPERVISING_PHYSICIAN).set(SUPERVISING_PHYSICIAN.NAME, p.name())
                    .set(SUPERVISING_PHYSICIAN.USERNAME, p.username()).set(SUPERVISING_PHYSICIAN.ACTIVE, p.active())
                    .returning(SUPERVISING_PHYSICIAN.ID).fetchOne().getId();
        } else if (dsl.update(SUPERVISING_PHYSICIAN).set(SUPERVISING_PHYSICIAN.NAME, p.name())
                .set(SUPERVISING_PHYSICIAN.USERNAME, p.username()).set(SUPERVISING_PHYSICIAN.ACTIVE, p.active())
                .set(SUPERVISING_PHYSICIAN.VERSION, version + 1).where(SUPERVISING_PHYSICIAN.ID.eq(id))
                .and(SUPERVISING_PHYSICIAN.VERSION.eq(version)).execute() == 0) {
            return -1;
        }
        replaceHours("PHYSICIAN", id, p.hours());
        return id;
    }

    public long insertAbsence(Absence a, String by, Instant at) {
        return dsl.insertInto(RESOURCE_ABSENCE).set(RESOURCE_ABSENCE.KIND, a.kind().name())
                .set(RESOURCE_ABSENCE.RESOURCE_ID, a.resourceId()).set(RESOURCE_ABSENCE.FROM_DATE, a.from())
                .set(RESOURCE_ABSENCE.TO_DATE, a.to()).set(RESOURCE_ABSENCE.REASON, a.reason())
                .set(RESOURCE_ABSENCE.CREATED_BY, by).set(RESOURCE_ABSENCE.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .returning(RESOURCE_ABSENCE.ID).fetchOne().getId();
    }

    /** Withdraws an absence (entered in error, or the technician came back); the row stays. */
    public boolean endAbsence(long id) {
        return dsl.update(RESOURCE_ABSENCE).set(RESOURCE_ABSENCE.ACTIVE, false)
                .set(RESOURCE_ABSENCE.VERSION, RESOURCE_ABSENCE.VERSION.plus(1))
                .where(RESOURCE_ABSENCE.ID.eq(id)).and(RESOURCE_ABSENCE.ACTIVE.isTrue()).execute() == 1;
    }
}
