package clinic.threshold.service.security;

import clinic.threshold.security.Argon2Params;
import clinic.threshold.security.SignInPolicy;
import java.util.List;
import org.jooq.ExecuteListener;

/** How the gate hashes, throttles and opens the database. Tests pass cheaper hashing and extra listeners. */
public record GateConfig(Argon2Params params, SignInPolicy policy, List<ExecuteListener> listeners) {
    public static final GateConfig DEFAULT = new GateConfig(Argon2Params.CURRENT, SignInPolicy.DEFAULT, List.of());

    public GateConfig {
        listeners = List.copyOf(listeners);
    }
}
