package clinic.threshold.ui.payer;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.IntakeRow;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.domain.payer.UnitCountdown;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.ViolationText;
import java.util.stream.Collectors;

/** How requests, their countdowns and alerts, and a letter's missing data read on screen. */
final class AuthorizationText {
    private AuthorizationText() {
    }

    static String status(AuthorizationRow r) {
        return Messages.label(r.countdown().status());
    }

    static String units(AuthorizationRow r) {
        var a = r.request();
        if (a.units() == null) {
            return a.requestedSessions() == null ? "" : Messages.get("auth.units.requested", a.requestedSessions());
        }
        return Messages.get("auth.units.countdown", r.countdown().used(), a.units(), r.countdown().left());
    }

    static String window(AuthorizationRow r) {
        var a = r.request();
        return a.first() == null ? "" : Formats.date(a.first()) + " \u2013 " + Formats.date(a.last());
    }

    static String waiting(AuthorizationRow r, java.time.LocalDate today) {
        Long days = r.request().daysWaiting(today);
        return days == null ? "" : Messages.get(r.request().decidedOn() == null ? "auth.waiting" : "auth.decidedIn", days);
    }

    static String alerts(AuthorizationRow r) {
        return r.countdown().alerts().stream().map(AuthorizationText::alert).collect(Collectors.joining("; "));
    }

    static String alert(UnitCountdown.Alert a) {
        return Messages.get("auth.alert." + a.kind().name(), a.count(), a.day() == null ? "" : Formats.date(a.day()));
    }

    static String readiness(IntakeRow r) {
        if (r.payer() == null) {
            return Messages.get("auth.intake.noPayer");
        }
        return r.readiness() == null ? Messages.get("auth.intake.noPolicy") : Messages.label(r.readiness().overall());
    }

    static String stillNeeds(IntakeRow r) {
        return r.stillNeeds().stream().map(AuthorizationText::need).collect(Collectors.joining("; "));
    }

    private static String need(Readiness.Criterion c) {
        String what = Messages.get("payer.criterion." + c.id());
        return c.missingKey() == null ? what : what + ": " + Messages.withValues(c.missingKey(), c.missing());
    }

    /** A criterion's evidence in words; excluded conditions by their names, not their codes. */
    static String evidence(Readiness.Criterion c) {
        if (c.evidenceKey() == null) {
            return "";
        }
        if (c.id().equals("exclusions") && !c.evidence().isEmpty()) {
            String names = java.util.Arrays.stream(String.valueOf(c.evidence().get(0)).split(", "))
                    .map(code -> Messages.get("payer.exclusion." + code)).collect(Collectors.joining(", "));
            return Messages.get(c.evidenceKey(), names);
        }
        return Messages.withValues(c.evidenceKey(), c.evidence());
    }

    static String request(IntakeRow r) {
        return r.latestRequest() == null ? "" : Messages.label(r.latestRequest().kind()) + ", "
                + Messages.label(r.latestRequest().status());
    }

    /** A refused letter lists what the chart still lacks, one line each; any other failure reads as usual. */
    static String failure(Throwable e) {
        if (e instanceof ValidationException v && !v.violations().isEmpty()
                && v.violations().stream().allMatch(x -> x.messageKey().equals("letter.error.missing"))) {
            return Messages.get("letter.incomplete") + "\n" + v.violations().stream().map(Violation::args)
                    .map(args -> "\u2022 " + args.get(0)).collect(Collectors.joining("\n"));
        }
        return ViolationText.of(e, f -> ViolationText.label("auth.field.", f));
    }
}
