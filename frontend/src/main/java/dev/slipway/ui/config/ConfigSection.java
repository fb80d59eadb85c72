package dev.slipway.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigService;
import dev.slipway.config.ConfigView;
import dev.slipway.config.SecretInfo;
import dev.slipway.shared.ConflictException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Variables and secrets of an app in one environment. Secret values are never sent to the browser:
 * a secret row shows that a value is set, its version, who set it and when.
 */
public class ConfigSection extends VerticalLayout {

    /** One row: a variable with its value, or a secret with what may be known about it. */
    record Entry(String name, @Nullable String value, @Nullable SecretInfo secret) {
    }

    private final ConfigService config;
    private final CurrentUser user;
    private final String app;
    private final String environment;
    private final Runnable onChange;
    private final Paragraph version = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Grid<Entry> grid = new Grid<>();
    private ConfigView current;

    public ConfigSection(ConfigService config, CurrentUser user, String app, String environment, Runnable onChange) {
        this.config = config;
        this.user = user;
        this.app = app;
        this.environment = environment;
        this.onChange = onChange;
        setPadding(false);
        grid.addColumn(Entry::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> e.secret() == null ? Badges.of("variable") : Badges.of("secret"))
                .setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::value).setHeader("Value").setFlexGrow(1);
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No variables or secrets yet.");
        add(new H3("Config"), version, actions, grid);
        current = config.view(user.actor(), app, environment);
        show(current);
    }

    public void refresh() {
        show(config.view(user.actor(), app, environment));
    }

    private void show(ConfigView view) {
        current = view;
        version.setText(view.version() == 0 ? "Nothing set yet. The next deploy pins whatever is here then."
                : "Config v" + view.version() + ", changed by " + view.updatedBy() + " "
                + Formats.minute(java.util.Objects.requireNonNull(view.updatedAt()))
                + ". The next deploy pins this version; rollbacks bring back the version their release ran with.");
        List<Entry> entries = new ArrayList<>();
        view.variables().forEach((name, value) -> entries.add(new Entry(name, value, null)));
        view.secrets().forEach(s -> entries.add(new Entry(s.name(), null, s)));
        entries.sort(java.util.Comparator.comparing(Entry::name));
        grid.setItems(entries);
        actions.removeAll();
        if (view.canChange()) {
            Button variable = new Button("Add variable", VaadinIcon.PLUS.create(), e -> edit(null, false));
            Button secret = new Button("Add secret", VaadinIcon.LOCK.create(), e -> edit(null, true));
            Button paste = new Button("Import .env", VaadinIcon.PASTE.create(), e -> new DotEnvImportDialog(config, user, app,
                    environment, this::changed).open());
            actions.add(variable, secret, paste);
        }
        if (view.version() > 0) {
            actions.add(new Button("History", VaadinIcon.TIME_BACKWARD.create(),
                    e -> new ConfigHistoryDialog(config.history(user.actor(), app, environment), app, environment).open()));
        }
    }

    private Component value(Entry entry) {
        if (entry.secret() == null) {
            Span value = new Span(entry.value());
            value.addClassName("slipway-fact-value");
            return value;
        }
        SecretInfo secret = entry.secret();
        Span masked = new Span("•••••• set, v" + secret.version() + " by " + secret.setBy() + " "
                + Formats.minute(secret.setAt()));
        masked.addClassName("slipway-secret");
        return masked;
    }

    private Component rowActions(Entry entry) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (!current.canChange()) {
            return buttons;
        }
        Button edit = new Button(entry.secret() == null ? "Edit" : "Replace", e -> edit(entry, entry.secret() != null));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel((entry.secret() == null ? "Edit " : "Replace ") + entry.name());
        Button remove = new Button("Remove", e -> confirmRemove(entry));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + entry.name());
        buttons.add(edit, remove);
        return buttons;
    }

    private void edit(@Nullable Entry entry, boolean secret) {
        new ConfigEntryDialog(entry == null ? null : entry.name(), entry == null ? null : entry.value(), secret,
                (name, value) -> {
                    Map<String, String> one = Map.of(name, value);
                    ConfigChange change = new ConfigChange(secret ? null : one, secret ? one : null, null, current.version());
                    return apply(change);
                }).open();
    }

    private void confirmRemove(Entry entry) {
        ConfirmDialog dialog = new ConfirmDialog("Remove " + entry.name() + "?", "The next deploy to " + environment
                + " runs without it. Releases that ran with it keep it, so a rollback brings it back.", "Remove",
                e -> apply(new ConfigChange(null, null, List.of(entry.name()), current.version())));
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** Applies a change; a concurrent edit is reported instead of overwritten. */
    private ConfigView apply(ConfigChange change) {
        try {
            ConfigView after = config.change(user.actor(), app, environment, change);
            changed(after);
            return after;
        } catch (ConflictException e) {
            Notifications.error(e.getMessage());
            refresh();
            throw e;
        }
    }

    private void changed(ConfigView after) {
        show(after);
        Notifications.success("Saved as config v" + after.version() + ". Deploy to put it into " + environment + ".");
        onChange.run();
    }
}
