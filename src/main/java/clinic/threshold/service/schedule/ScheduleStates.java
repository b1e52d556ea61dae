package clinic.threshold.service.schedule;

import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.schedule.Physician;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.ScheduleState;
import java.time.LocalDate;
import org.jooq.DSLContext;

/** Builds what bookings are checked against, inside the use case's transaction, for the days concerned. */
final class ScheduleStates {
    private ScheduleStates() {
    }

    static ScheduleState load(DSLContext dsl, LocalDate from, LocalDate to) {
        return load(dsl, new ResourceRepository(dsl).load(), from, to);
    }

    static ScheduleState load(DSLContext dsl, ScheduleResources r, LocalDate from, LocalDate to) {
        return new ScheduleState(new TmsReferenceRepository(dsl).calendar(), r.clinicHours(), r.chairs(), r.technicians(),
                r.physicians().stream().filter(Physician::active).map(Physician::hours).toList(),
                new AppointmentRepository(dsl).liveBookings(from, to), r.absences());
    }
}
