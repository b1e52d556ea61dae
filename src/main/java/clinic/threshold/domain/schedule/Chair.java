package clinic.threshold.domain.schedule;

import java.util.Set;

/** A treatment chair with its device and the protocols it can deliver; its own hours when they differ. */
public record Chair(long id, String name, String deviceCode, String coil, Set<String> protocols, WeeklyHours hours,
        boolean active) {

    public Chair {
        protocols = Set.copyOf(protocols);
    }

    public boolean delivers(String protocol) {
        return protocols.contains(protocol);
    }
}
