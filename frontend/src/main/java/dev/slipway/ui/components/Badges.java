package dev.slipway.ui.components;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.slipway.teams.TeamRole;

/** The badges that carry meaning across pages, so the same fact always looks the same. */
public final class Badges {

    private Badges() {
    }

    /** On everything that deploys to the sandbox: nothing there really runs, and users must never think so. */
    public static Badge simulated() {
        Badge badge = new Badge("Simulated: nothing runs", VaadinIcon.FLASK.create());
        badge.addThemeVariants(BadgeVariant.WARNING);
        badge.getElement().setAttribute("title", "The sandbox cluster simulates Kubernetes; no containers are started.");
        return badge;
    }

    public static Badge protectedEnvironment() {
        Badge badge = new Badge("Protected", VaadinIcon.LOCK.create());
        badge.addThemeVariants(BadgeVariant.CONTRAST);
        badge.getElement().setAttribute("title", "Deploying here needs a team maintainer.");
        return badge;
    }

    public static Badge role(TeamRole role) {
        Badge badge = new Badge(role.name().charAt(0) + role.name().substring(1).toLowerCase());
        if (role == TeamRole.MAINTAINER) {
            badge.addThemeVariants(BadgeVariant.SUCCESS);
        }
        return badge;
    }

    public static Badge of(String text, BadgeVariant... variants) {
        Badge badge = new Badge(text);
        badge.addThemeVariants(variants);
        return badge;
    }
}
