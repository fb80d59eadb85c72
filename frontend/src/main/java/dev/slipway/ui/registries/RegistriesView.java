package dev.slipway.ui.registries;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.builds.BuildService;
import dev.slipway.registries.RegistryService;
import dev.slipway.registries.RegistrySpec;
import dev.slipway.registries.RegistryView;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.SlipwayException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The registries builds push to and clusters pull from, and which one each environment uses. An
 * environment without one uses the platform registry (SLIPWAY_BUILD_REGISTRY).
 */
@Route("admin/registries")
@PageTitle("Registries · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class RegistriesView extends VerticalLayout {

    /** The Select's label for "no registry of its own". */
    private final String platform;

    private final RegistryService registries;
    private final CurrentUser user;
    private final Grid<RegistryView> grid = new Grid<>();
    private final VerticalLayout environments = new VerticalLayout();

    RegistriesView(RegistryService registries, BuildService builds, CurrentUser user) {
        this.registries = registries;
        // said plainly when there is none, so "platform registry" is not mistaken for a place images go
        boolean platformConfigured = builds.platformRegistryConfigured();
        this.platform = platformConfigured ? "Platform registry"
                : "Platform registry (none configured: no images; choose a registry)";
        this.user = user;
        grid.addColumn(RegistryView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RegistryView::address).setHeader("Address").setFlexGrow(1);
        grid.addColumn(r -> (r.insecure() ? "plain HTTP allowed" : "HTTPS") + (r.username() == null ? ""
                : ", as " + r.username() + (r.hasPassword() ? " (password set)" : ""))).setHeader("Access")
                .setAutoWidth(true);
        grid.addColumn(r -> r.environments().isEmpty() ? "not used" : String.join(", ", r.environments()))
                .setHeader("Environments").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(platformConfigured
                ? "No registries yet: every environment uses the platform registry."
                : "No registries yet, and no platform registry (SLIPWAY_BUILD_REGISTRY), so builds are off. Add a"
                        + " registry, then choose it for the environments below.");
        environments.setPadding(false);

        Button add = new Button("Add registry", VaadinIcon.PLUS.create(), e -> form(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph("Builds push each image to the registry of every environment, so that each"
                + " cluster pulls from the registry it can reach. An environment without a registry of its own uses"
                + " the platform registry (SLIPWAY_BUILD_REGISTRY). Passwords are sealed and never shown again.");
        intro.setMaxWidth("48em");
        add(new H2("Registries"), intro, add, grid, new H3("Where each environment takes images from"), environments);
        refresh();
    }

    private void refresh() {
        List<RegistryView> all = registries.list(user.actor());
        grid.setItems(all);
        environments.removeAll();
        List<String> choices = new ArrayList<>(List.of(platform));
        all.forEach(r -> choices.add(r.name()));
        for (Map.Entry<String, @Nullable String> entry : registries.assignments(user.actor()).entrySet()) {
            Select<String> select = new Select<>();
            select.setLabel(entry.getKey());
            select.setItems(choices);
            select.setValue(entry.getValue() == null ? platform : entry.getValue());
            select.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    String chosen = platform.equals(e.getValue()) ? null : e.getValue();
                    try {
                        registries.assign(user.actor(), entry.getKey(), chosen);
                        Notifications.success(entry.getKey() + " now takes images from "
                                + (chosen == null ? "the platform registry" : chosen) + "; new builds push there.");
                    } catch (SlipwayException changedMeanwhile) {
                        Notifications.error(changedMeanwhile.getMessage());
                    }
                    refresh();
                }
            });
            environments.add(select);
        }
    }

    private HorizontalLayout actions(RegistryView registry) {
        Button edit = new Button("Edit", e -> form(registry));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Delete registry " + registry.name() + "?");
            confirm.setText("Images already pushed stay in the registry; Slipway forgets its address and credentials.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Delete");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                try {
                    registries.delete(user.actor(), registry.name());
                    Notifications.success("Deleted registry " + registry.name() + ".");
                } catch (SlipwayException inUseOrGone) {
                    Notifications.error(inUseOrGone.getMessage());
                }
                refresh();
            });
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    /** The add form when {@code existing} is null, else the edit form (name fixed, empty password keeps it). */
    private void form(@Nullable RegistryView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "Add registry" : "Edit registry " + existing.name());
        TextField name = new TextField("Name");
        name.setHelperText("e.g. harbor-prod");
        TextField address = new TextField("Address");
        address.setHelperText("host[:port][/path], without https://, e.g. registry.internal:5000/slipway");
        Checkbox insecure = new Checkbox("Allow plain HTTP (only for a registry on a trusted network)");
        TextField username = new TextField("Username");
        PasswordField password = new PasswordField("Password or token");
        Checkbox removePassword = new Checkbox("Remove the stored password");
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            address.setValue(existing.address());
            insecure.setValue(existing.insecure());
            username.setValue(existing.username() == null ? "" : existing.username());
            password.setHelperText(existing.hasPassword() ? "Set; leave empty to keep it" : "None set");
        } else {
            password.setHelperText("Write-only: used to push, never shown again");
        }
        FormLayout form = new FormLayout(name, address, insecure, username, password);
        if (existing != null && existing.hasPassword()) {
            form.add(removePassword);
        }
        form.setColspan(insecure, 2);
        dialog.add(form);
        Button save = new Button("Save", e -> {
            String secret = removePassword.getValue() ? "" : password.getValue().isEmpty() && existing != null ? null
                    : password.getValue();
            RegistrySpec spec = new RegistrySpec(name.getValue(), address.getValue(), insecure.getValue(),
                    username.getValue(), secret);
            try {
                if (existing == null) {
                    registries.create(user.actor(), spec);
                } else {
                    registries.update(user.actor(), existing.name(), spec);
                }
                dialog.close();
                Notifications.success("Saved registry " + spec.name() + ".");
                refresh();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.of("name", name, "address", address, "username", username, "password", password));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("40em");
        dialog.open();
    }
}
