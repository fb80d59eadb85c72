package dev.slipway.analysis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A metric template as listed: built in, the platform's or a team's.
 *
 * @param editable  whether the one asking may change or delete it
 * @param updatedBy null for built-in templates
 */
public record MetricTemplateView(MetricTemplateSpec spec, boolean builtIn, boolean editable,
                                 @Nullable String updatedBy, @Nullable Instant updatedAt) {

    /** "built in", "platform" or the team's name. */
    public String scope() {
        return builtIn ? "built in" : spec.team() == null ? "platform" : spec.team();
    }
}
