package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import dev.slipway.rollouts.RolloutPhase;
import java.util.Locale;

/** A rollout phase as a badge: green when it worked, red when it did not, plain while in flight. */
final class PhaseBadges {

    private PhaseBadges() {
    }

    static Badge of(RolloutPhase phase) {
        Badge badge = new Badge(text(phase));
        switch (phase) {
            case SUCCEEDED -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case ROLLED_BACK, ABORTED, FAILED -> badge.addThemeVariants(BadgeVariant.ERROR);
            case PAUSED, ROLLING_BACK -> badge.addThemeVariants(BadgeVariant.WARNING);
            case PROGRESSING, SUPERSEDED -> badge.addThemeVariants(BadgeVariant.CONTRAST);
        }
        badge.getElement().setAttribute("data-phase", phase.name());
        return badge;
    }

    static String text(RolloutPhase phase) {
        String words = phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
