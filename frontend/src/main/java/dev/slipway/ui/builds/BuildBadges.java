package dev.slipway.ui.builds;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import dev.slipway.builds.BuildStatus;
import dev.slipway.ui.components.Badges;

/** A build's status as a coloured badge, with the status in a data attribute for tests and styles. */
final class BuildBadges {

    private BuildBadges() {
    }

    static Badge of(BuildStatus status) {
        Badge badge = switch (status) {
            case SUCCEEDED -> Badges.of("Succeeded", BadgeVariant.SUCCESS);
            case FAILED -> Badges.of("Failed", BadgeVariant.ERROR);
            case INTERRUPTED -> Badges.of("Interrupted", BadgeVariant.ERROR);
            case CANCELLED -> Badges.of("Cancelled", BadgeVariant.CONTRAST);
            case RUNNING -> Badges.of("Running");
            case QUEUED -> Badges.of("Queued", BadgeVariant.CONTRAST);
        };
        badge.getElement().setAttribute("data-build-status", status.name());
        return badge;
    }
}
