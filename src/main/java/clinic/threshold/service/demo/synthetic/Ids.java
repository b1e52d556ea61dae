package clinic.threshold.service.demo.synthetic;

import clinic.threshold.data.synthetic.BulkWriter;
import java.util.List;
import org.jooq.DSLContext;

/** The next id of each table the generator writes (it assigns ids itself; identities are moved past them after). */
final class Ids {
    static final List<String> TABLES = List.of("patient", "episode", "treatment_trial", "tms_screening", "tms_course",
            "tms_motor_threshold", "tms_session", "tms_adverse_event", "scale_entry", "safety_alert", "tms_chair", "technician", "supervising_physician",
            "weekly_hours", "appointment", "prior_authorization", "authorization_event", "medication_order");
    long patient;
    long episode;
    long trial;
    long screening;
    long course;
    long mt;
    long session;
    long adverseEvent;
    long entry;
    long alert;
    long chair;
    long technician;
    long physician;
    long hours;
    long appointment;
    long authorization;
    long authorizationEvent;
    long order;
    long mrn;

    static Ids after(DSLContext dsl) {
        Ids i = new Ids();
        i.patient = BulkWriter.maxId(dsl, "patient");
        i.episode = BulkWriter.maxId(dsl, "episode");
        i.trial = BulkWriter.maxId(dsl, "treatment_trial");
        i.screening = BulkWriter.maxId(dsl, "tms_screening");
        i.course = BulkWriter.maxId(dsl, "tms_course");
        i.mt = BulkWriter.maxId(dsl, "tms_motor_threshold");
        i.session = BulkWriter.maxId(dsl, "tms_session");
        i.adverseEvent = BulkWriter.maxId(dsl, "tms_adverse_event");
        i.entry = BulkWriter.maxId(dsl, "scale_entry");
        i.alert = BulkWriter.maxId(dsl, "safety_alert");
        i.chair = BulkWriter.maxId(dsl, "tms_chair");
        i.technician = BulkWriter.maxId(dsl, "technician");
        i.physician = BulkWriter.maxId(dsl, "supervising_physician");
        i.hours = BulkWriter.maxId(dsl, "weekly_hours");
        i.appointment = BulkWriter.maxId(dsl, "appointment");
        i.authorization = BulkWriter.maxId(dsl, "prior_authorization");
        i.authorizationEvent = BulkWriter.maxId(dsl, "authorization_event");
        i.order = BulkWriter.maxId(dsl, "medication_order");
        i.mrn = dsl.nextval(clinic.threshold.data.jooq.Sequences.SEQ_PATIENT_MRN) - 1; // MRNs go on from the sequence
        return i;
    }
}
