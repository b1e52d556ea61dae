package clinic.threshold.service.demo.synthetic;

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

/** The clinic's reference data the generated records point to: payers, formulary, protocols, devices, form, calendar. */
record Reference(List<Payer> payers, Map<DrugClass, List<FormularyAgent>> agents, List<Protocol> protocols, List<Device> devices,
        int screeningForm, List<Integer> screeningItems, ClinicCalendar calendar) {

    static Reference load(DSLContext dsl) {
        TmsReferenceRepository tms = new TmsReferenceRepository(dsl);
        Map<DrugClass, List<FormularyAgent>> agents = new ReferenceDataRepository(dsl).formulary().stream()
                .collect(Collectors.groupingBy(FormularyAgent::drugClass));
        return new Reference(new ReferenceRepository(dsl).payers(null), agents,
                tms.protocols().stream().filter(Protocol::active).toList(), tms.devices().stream().filter(Device::active).toList(),
                tms.screeningFormVersion(), tms.screeningForm().stream().map(clinic.threshold.domain.tms.ScreeningItem::number).toList(),
                tms.calendar());
    }

    Protocol protocol(String code) {
        return protocols.stream().filter(p -> p.code().equals(code)).findFirst().orElse(protocols.get(0));
    }
}
