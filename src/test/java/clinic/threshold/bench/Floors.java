package clinic.threshold.bench;

import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.SearchTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of each benchmarked read: hand-written JDBC statements returning the rows the app's path returns, every
 * column read, nothing computed. The app's path does more (mapping, the assessments a chart shows); the ratio says
 * what that costs.
 */
final class Floors {
    /** Every row a chart's tabs show, one statement per table, by patient. */
    private static final List<String> CHART = List.of(
            "SELECT p.*, y.name FROM patient p LEFT JOIN payer y ON y.id = p.payer_id WHERE p.id = ?",
            "SELECT * FROM episode WHERE patient_id = ?",
            "SELECT * FROM treatment_trial WHERE patient_id = ?",
            "SELECT d.* FROM trial_dose d JOIN treatment_trial t ON t.id = d.trial_id WHERE t.patient_id = ?",
            "SELECT * FROM medication_order WHERE patient_id = ?",
            "SELECT d.* FROM medication_dose d JOIN medication_order o ON o.id = d.order_id WHERE o.patient_id = ?",
            "SELECT * FROM medication_plan WHERE patient_id = ?",
            "SELECT * FROM scale_entry WHERE patient_id = ?",
            "SELECT i.* FROM scale_entry_item i JOIN scale_entry e ON e.id = i.entry_id WHERE e.patient_id = ?",
            "SELECT * FROM safety_alert WHERE patient_id = ?",
            "SELECT c.*, pr.name FROM tms_course c JOIN tms_protocol pr ON pr.code = c.protocol_code WHERE c.patient_id = ?",
            "SELECT * FROM tms_session WHERE patient_id = ?",
            "SELECT e.* FROM tms_adverse_event e JOIN tms_session s ON s.id = e.session_id WHERE s.patient_id = ?",
            "SELECT * FROM tms_motor_threshold WHERE patient_id = ?",
            "SELECT * FROM tms_screening WHERE patient_id = ?",
            "SELECT a.* FROM tms_screening_answer a JOIN tms_screening s ON s.id = a.screening_id WHERE s.patient_id = ?",
            "SELECT * FROM prior_authorization WHERE patient_id = ?",
            "SELECT e.* FROM authorization_event e JOIN prior_authorization a ON a.id = e.authorization_id WHERE a.patient_id = ?",
            "SELECT * FROM appointment WHERE patient_id = ?");

    private Floors() {
    }

    /** The search's rows in one statement: every token's columns by prefix, sorted, limited. */
    static int search(Connection c, PatientQuery q) throws SQLException {
        StringBuilder where = new StringBuilder("p.voided = FALSE");
        List<Object> args = new ArrayList<>();
        for (SearchTerms.Token t : q.terms().tokens()) {
            if (t instanceof SearchTerms.DateToken d) {
                where.append(" AND p.birth_date = ?");
                args.add(d.date());
            } else if (t instanceof SearchTerms.DigitsToken d) {
                where.append(" AND (p.phone_key LIKE ? OR p.phone_key_rev LIKE ? OR p.mrn LIKE ?)");
                args.add(d.digits() + "%");
                args.add(new StringBuilder(d.digits()).reverse() + "%");
                args.add(MrnRule.PREFIX + d.digits() + "%");
            } else {
                String p = ((SearchTerms.NameToken) t).prefix() + "%";
                where.append(" AND (p.family_key LIKE ? OR p.given_key LIKE ? OR p.preferred_key LIKE ? OR p.mrn LIKE ?)");
                for (int i = 0; i < 4; i++) {
                    args.add(p);
                }
            }
        }
        String sql = "SELECT p.id, p.mrn, p.given_name, p.family_name, p.preferred_name, p.birth_date, p.phone, p.status, y.name"
                + " FROM patient p LEFT JOIN payer y ON y.id = p.payer_id WHERE " + where
                + " ORDER BY p.family_key, p.given_key, p.id LIMIT " + q.limit();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            return drain(s);
        }
    }

    static int chart(Connection c, long patient) throws SQLException {
        int n = 0;
        for (String sql : CHART) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, patient);
                n += drain(s);
            }
        }
        return n;
    }

    /** The day's appointments with their names, the sessions that say which are done, and the chairs. */
    static int day(Connection c, LocalDate day) throws SQLException {
        int n;
        try (PreparedStatement s = c.prepareStatement("SELECT a.*, p.given_name, p.family_name, p.mrn, ch.name, t.name, pr.name"
                + " FROM appointment a JOIN patient p ON p.id = a.patient_id LEFT JOIN tms_chair ch ON ch.id = a.chair_id"
                + " LEFT JOIN technician t ON t.id = a.technician_id LEFT JOIN tms_protocol pr ON pr.code = a.protocol_code"
                + " WHERE a.appt_date = ? ORDER BY a.start_time, a.id")) {
            s.setObject(1, day);
            n = drain(s);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT s.course_id, s.status, COUNT(*) FROM tms_session s"
                + " WHERE s.session_date = ? AND s.voided = FALSE GROUP BY s.course_id, s.status")) {
            s.setObject(1, day);
            n += drain(s);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM tms_chair WHERE active = TRUE ORDER BY name")) {
            n += drain(s);
        }
        return n;
    }

    /** What placing a course reads: the live bookings of the twelve weeks it may take. */
    static int bookings(Connection c, LocalDate from) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM appointment WHERE appt_date BETWEEN ? AND ?"
                + " AND status <> 'CANCELLED'")) {
            s.setObject(1, from);
            s.setObject(2, from.plusWeeks(12));
            return drain(s);
        }
    }

    /** Reads every column of every row, as a caller would. */
    private static int drain(PreparedStatement s) throws SQLException {
        int rows = 0;
        try (ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    r.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }
}
