package clinic.threshold.domain.tms;

import java.util.List;

/** The TMS reference data a form needs: protocols, devices, billing codes, the screening form, rules, calendar. */
public record TmsReference(List<Protocol> protocols, List<Device> devices, List<BillingCode> billingCodes,
        int screeningFormVersion, List<ScreeningItem> screeningForm, TmsRules rules, ClinicCalendar calendar) {

    public java.util.Optional<Protocol> protocol(String code) {
        return protocols.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public java.util.Optional<Device> device(String code) {
        return devices.stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
