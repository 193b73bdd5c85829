package dev.techtrends.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The registered method versions: the one place that knows which exist and which is the default. A new version is
 * a class implementing {@link ScoringMethod} and a line here.
 */
public final class ScoringMethods {

    private static final List<ScoringMethod> ALL = List.of(MethodV1.INSTANCE, MethodV2.INSTANCE, MethodV3.INSTANCE,
            MethodV4.INSTANCE);

    private ScoringMethods() {
    }

    /** Every registered version, oldest first. */
    public static List<ScoringMethod> all() {
        return ALL;
    }

    /** The version answers use when none is asked for. */
    public static ScoringMethod defaultMethod() {
        return MethodV3.INSTANCE;
    }

    /** The versions users may ask for, e.g. [v1, v2]. */
    public static List<String> versions() {
        return ALL.stream().map(ScoringMethod::version).toList();
    }

    public static Optional<ScoringMethod> byVersion(String version) {
        return ALL.stream().filter(method -> method.version().equals(version)).findFirst();
    }
}
