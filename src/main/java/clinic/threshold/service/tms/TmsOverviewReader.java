package clinic.threshold.service.tms;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.CourseWarning;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtCheck;
import clinic.threshold.domain.tms.MtDueReason;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.domain.tms.TmsReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A patient's TMS picture read in one transaction: every course with its progress, motor-threshold due reasons,
 * warnings and assessment schedule; the screening; the thresholds; the seizure-risk drugs; the course scale.
 */
final class TmsOverviewReader {
    private TmsOverviewReader() {
    }

    static TmsOverview read(DSLContext dsl, long patientId, LocalDate today, MedicationOverview meds) {
        TmsSupport.requirePatient(dsl, patientId);
        TmsReference ref = PatientCourses.reference(dsl, today);
        TmsRepository repo = new TmsRepository(dsl);
        List<MotorThreshold> mts = repo.motorThresholds(patientId);
        MotorThreshold latestMt = mts.isEmpty() ? null : mts.get(mts.size() - 1);
        List<PatientCourses.Tracked> tracked = PatientCourses.track(dsl, patientId, ref, today);
        List<Course> courses = tracked.stream().map(PatientCourses.Tracked::course).toList();
        String scale = ref.protocols().isEmpty() ? PatientCourses.defaultScale(dsl, today)
                : ref.protocols().get(0).assessmentScale();
        List<CourseView> views = new ArrayList<>();
        for (PatientCourses.Tracked t : tracked) {
            Course c = t.course();
            Protocol p = t.protocol();
            scale = p.assessmentScale();
            CourseProgress progress = t.progress();
            List<MtDueReason> due = List.of();
            if (c.status() == CourseStatus.ACTIVE) {
                String deviceCode = progress.previousDelivered() == null ? null : progress.previousDelivered().entry().deviceCode();
                // An MT visit since the last session (on a new stimulator, say) is where the next session is given.
                if (latestMt != null && latestMt.deviceCode() != null && (progress.lastDelivered() == null
                        || latestMt.measuredOn().isAfter(progress.lastDelivered()))) {
                    deviceCode = latestMt.deviceCode();
                }
                String coil = deviceCode == null ? null : ref.device(deviceCode).map(Device::coil).orElse(null);
                LocalDate next = progress.next() == null ? today : progress.next().date();
                due = MtCheck.due(latestMt, next, progress.lastDelivered(), !meds.prompts().isEmpty(), coil, deviceCode, ref.rules(),
                        progress.delivered() == 0 ? Long.valueOf(c.id()) : null);
            }
            List<CourseWarning> warnings = new ArrayList<>();
            Warnings.authorization(progress.authorization(), warnings);
            warnings.addAll(Warnings.retreatment(c.type(), c.start(), courses.stream().filter(x -> x.id() != c.id()).toList(),
                    TmsSupport.scores(dsl, patientId, p), ref.rules()));
            views.add(new CourseView(progress, p, due, warnings, t.schedule()));
        }
        List<Screening> screenings = repo.screenings(patientId);
        String code = scale;
        var definition = new OutcomeRepository(dsl).scales().stream().filter(d -> d.code().equals(code)).findFirst();
        var screening = TmsSupport.screeningState(dsl, patientId, meds);
        // The latest screening is cleared against the items it was answered on, which a newer form may have changed.
        List<clinic.threshold.domain.tms.ScreeningItem> latestForm = screening.latest() == null ? List.of()
                : new clinic.threshold.data.tms.TmsReferenceRepository(dsl).screeningForm(screening.latest().formVersion());
        return new TmsOverview(today, views, screening, screenings, ref.screeningForm(), ref.screeningFormVersion(), latestForm, mts,
                meds.seizureFlags(), definition.map(d -> d.name()).orElse(code),
                definition.map(d -> d.totalMax()).orElse(0), TmsSupport.scoreSeries(dsl, patientId, scale));
    }
}
