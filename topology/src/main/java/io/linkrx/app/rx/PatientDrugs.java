package io.linkrx.app.rx;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A patient's drugs (DrugBank id, or a name when the linker used another vocabulary) with the event time (epoch
 * ms) of the last note that mentioned each one as PRESENT. Immutable.
 */
public record PatientDrugs(Map<String, Long> lastSeen) {
    public static final PatientDrugs EMPTY = new PatientDrugs(Map.of());

    public PatientDrugs {
        lastSeen = Map.copyOf(lastSeen);
    }

    /** These drugs seen at {@code eventTime}; an older note never moves a drug's time back. */
    public PatientDrugs seen(Collection<String> drugs, long eventTime) {
        Map<String, Long> next = new TreeMap<>(lastSeen);
        drugs.forEach(d -> next.merge(d, eventTime, Math::max));
        return new PatientDrugs(next);
    }

    /** Drugs seen within {@code horizon} before {@code asOf} (or after it: a late, older note still sees them). */
    public Set<String> currentAt(long asOf, Duration horizon) {
        long oldest = asOf - horizon.toMillis();
        return lastSeen.entrySet().stream().filter(e -> e.getValue() >= oldest).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Without the drugs that are no longer current at {@code asOf}, so the store does not grow forever. */
    public PatientDrugs prunedAt(long asOf, Duration horizon) {
        Set<String> keep = currentAt(asOf, horizon);
        return new PatientDrugs(lastSeen.entrySet().stream().filter(e -> keep.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
