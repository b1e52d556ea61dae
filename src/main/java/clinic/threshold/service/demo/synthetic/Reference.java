package clinic.threshold.service.demo.synthetic;

import static clinic.threshold.data.jooq.Tables.SUPERVISING_PHYSICIAN;
import static clinic.threshold.data.jooq.Tables.TECHNICIAN;
import static clinic.threshold.data.jooq.Tables.TMS_CHAIR;

import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The clinic's reference data the generated records point to: payers, formulary, protocols, devices, form, calendar,
 * and the chair and technician names already taken.
 */
record Reference(List<Payer> payers, Map<DrugClass, List<FormularyAgent>> agents, List<Protocol> protocols, List<Device> devices,
        int screeningForm, List<Integer> screeningItems, ClinicCalendar calendar, java.util.Set<String> takenNames) {

    static Reference load(DSLContext dsl) {
        TmsReferenceRepository tms = new TmsReferenceRepository(dsl);
        Map<DrugClass, List<FormularyAgent>> agents = new ReferenceDataRepository(dsl).formulary().stream()
                .collect(Collectors.groupingBy(FormularyAgent::drugClass));
        return new Reference(new ReferenceRepository(dsl).payers(null), agents,
                tms.protocols().stream().filter(Protocol::active).toList(), tms.devices().stream().filter(Device::active).toList(),
                tms.screeningFormVersion(), tms.screeningForm().stream().map(clinic.threshold.domain.tms.ScreeningItem::number).toList(),
                tms.calendar(), taken(dsl));
    }

    /** Chair and technician names already in use: both are unique. */
    private static java.util.Set<String> taken(DSLContext dsl) {
        java.util.Set<String> names = new java.util.HashSet<>(dsl.select(TMS_CHAIR.NAME).from(TMS_CHAIR).fetch(TMS_CHAIR.NAME));
        names.addAll(dsl.select(TECHNICIAN.NAME).from(TECHNICIAN).fetch(TECHNICIAN.NAME));
        names.addAll(dsl.select(SUPERVISING_PHYSICIAN.NAME).from(SUPERVISING_PHYSICIAN).fetch(SUPERVISING_PHYSICIAN.NAME));
        return names;
    }

    Protocol protocol(String code) {
        return protocols.stream().filter(p -> p.code().equals(code)).findFirst().orElse(protocols.get(0));
    }
}
