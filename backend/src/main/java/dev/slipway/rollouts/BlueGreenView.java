package dev.slipway.rollouts;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a blue-green rollout stands.
 *
 * @param activeSlot   the slot the stable release served from when the rollout started; null while it ran
 *                     in one Deployment
 * @param newSlot      the slot of the new release
 * @param stage        MIGRATE, PREVIEW, PRE_ANALYSIS, AWAIT, SWITCH, POST_ANALYSIS or SCALE_DOWN
 * @param switched     whether the app's Service sends its traffic to the new slot
 * @param scaleDownAt  when the old slot goes to zero pods, once switched
 * @param measurements every measurement; step 1 is the pre-promotion analysis, step 2 the post-promotion one
 */
public record BlueGreenView(@Nullable String activeSlot, String newSlot, String stage, boolean switched,
                            @Nullable Instant scaleDownAt, List<CanaryView.MeasurementView> measurements) {
}
