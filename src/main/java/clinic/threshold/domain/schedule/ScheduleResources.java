package clinic.threshold.domain.schedule;

import java.util.List;
import java.util.Map;

/**
 * The clinic's scheduling set-up: its hours, chairs, technicians, supervising physicians and the current and
 * coming absences; with each editable row's version so that two administrators cannot overwrite each other.
 */
public record ScheduleResources(WeeklyHours clinicHours, List<Chair> chairs, List<Technician> technicians,
        List<Physician> physicians, List<Absence> absences, Map<String, Integer> versions) {

    public ScheduleResources {
        chairs = List.copyOf(chairs);
        technicians = List.copyOf(technicians);
        physicians = List.copyOf(physicians);
        absences = List.copyOf(absences);
        versions = Map.copyOf(versions);
    }

    public int version(String kind, long id) {
        return versions.getOrDefault(kind + ":" + id, 0);
    }

    public String chairName(long id) {
        return chairs.stream().filter(c -> c.id() == id).map(Chair::name).findFirst().orElse("?");
    }

    public String technicianName(long id) {
        return technicians.stream().filter(t -> t.id() == id).map(Technician::name).findFirst().orElse("?");
    }
}
