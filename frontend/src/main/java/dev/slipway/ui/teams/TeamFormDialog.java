package dev.slipway.ui.teams;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import dev.slipway.teams.NewTeam;
import dev.slipway.teams.TeamChanges;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates a team (platform admins) or edits one's display name and description (maintainers). The name
 * is checked with the service's rule as the user types; the service checks everything again on save.
 */
class TeamFormDialog extends Dialog {

    private static final int MAX_DISPLAY_NAME_LENGTH = 100;
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    private final TextField name = new TextField("Name");
    private final TextField displayName = new TextField("Display name");
    private final TextArea description = new TextArea("Description");
    private final Binder<Model> binder = new Binder<>();

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String name = "";
        String displayName = "";
        String description = "";
    }

    private TeamFormDialog(String title, boolean creating) {
        setHeaderTitle(title);
        setWidth("32em");
        name.setRequired(true);
        name.setMaxLength(TeamService.MAX_NAME_LENGTH);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setHelperText("Lowercase letters, digits and '-'; part of namespace names, so fixed once created");
        name.setVisible(creating);
        displayName.setMaxLength(MAX_DISPLAY_NAME_LENGTH);
        displayName.setRequired(!creating);
        if (creating) {
            displayName.setHelperText("Shown on pages; the name when left empty");
        }
        description.setMaxLength(MAX_DESCRIPTION_LENGTH);
        bind(creating);
        add(new FormLayout(name, displayName, description));
    }

    static TeamFormDialog forNewTeam(TeamService teams, CurrentUser user, Consumer<TeamView> onCreated) {
        TeamFormDialog dialog = new TeamFormDialog("New team", true);
        Model model = new Model();
        dialog.binder.setBean(model);
        dialog.addButtons("Create", () -> {
            TeamView created = teams.create(user.actor(), new NewTeam(model.name, model.displayName, model.description));
            Notifications.success("Created team " + created.name() + ". Add its members next.");
            onCreated.accept(created);
        });
        return dialog;
    }

    static TeamFormDialog forExistingTeam(TeamService teams, CurrentUser user, TeamView team,
                                          Consumer<TeamView> onSaved) {
        TeamFormDialog dialog = new TeamFormDialog("Edit team " + team.name(), false);
        Model model = new Model();
        model.displayName = team.displayName();
        model.description = team.description();
        dialog.binder.setBean(model);
        dialog.addButtons("Save", () -> {
            TeamView saved = teams.update(user.actor(), team.name(),
                    new TeamChanges(model.displayName, model.description));
            Notifications.success("Saved team " + saved.name() + ".");
            onSaved.accept(saved);
        });
        return dialog;
    }

    private void bind(boolean creating) {
        if (creating) {
            binder.forField(name).withValidator(Forms.rule(TeamService::nameProblem))
                    .bind(m -> m.name, (m, v) -> m.name = v);
        }
        // A new team may leave the display name empty (the service uses the name); an existing one keeps one.
        binder.forField(displayName)
                .withValidator(Forms.rule(v -> creating
                        ? Text.freeText(v, MAX_DISPLAY_NAME_LENGTH)
                        : Text.requiredText(v, MAX_DISPLAY_NAME_LENGTH)))
                .bind(m -> m.displayName, (m, v) -> m.displayName = v);
        binder.forField(description).withValidator(Forms.rule(v -> Text.freeText(v, MAX_DESCRIPTION_LENGTH)))
                .bind(m -> m.description, (m, v) -> m.description = v);
    }

    private void addButtons(String saveText, Runnable save) {
        Button saveButton = new Button(saveText, e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                save.run();
                close();
            } catch (InvalidInputException problem) {
                Forms.show(problem, fieldsByName());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }

    private Map<String, HasValidation> fieldsByName() {
        return Map.of("name", name, "displayName", displayName, "description", description);
    }
}
