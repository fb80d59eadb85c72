package dev.slipway.ui.apps;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.apps.AppChanges;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.AppView;
import dev.slipway.apps.GitRefs;
import dev.slipway.apps.HealthPaths;
import dev.slipway.apps.ImageReferences;
import dev.slipway.apps.NewApp;
import dev.slipway.apps.RepositoryUrls;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Creates an app or edits one. Fields are checked with the backend's own rules as the user types; on
 * save the service checks again and its answer is shown on the fields.
 */
class AppFormDialog extends Dialog {

    private final ComboBox<String> team = new ComboBox<>("Team");
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final RadioButtonGroup<AppSource> source = new RadioButtonGroup<>("Source");
    private final TextField repositoryUrl = new TextField("Git repository");
    private final TextField branch = new TextField("Branch");
    private final TextField image = new TextField("Image");
    private final IntegerField port = new IntegerField("Port");
    private final TextField livenessPath = new TextField("Liveness probe path");
    private final TextField readinessPath = new TextField("Readiness probe path");
    private final Binder<Model> binder = new Binder<>();

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String team = "";
        String name = "";
        String description = "";
        AppSource source = AppSource.GIT;
        String repositoryUrl = "";
        String branch = "main";
        String image = "";
        @Nullable Integer port = 8080;
        String livenessPath = "/";
        String readinessPath = "/";
    }

    private AppFormDialog(String title, boolean creating, boolean allowLocalRepositories) {
        setHeaderTitle(title);
        setWidth("42em");
        configureFields(creating);
        bind(allowLocalRepositories);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (creating) {
            form.add(team, name);
        }
        form.add(description, 2);
        form.add(source, 2);
        form.add(repositoryUrl, branch, image);
        form.setColspan(repositoryUrl, 2);
        form.setColspan(image, 2);
        form.add(port);
        form.add(livenessPath, readinessPath);
        add(form);
        showSourceFields();
    }

    /** The names of the teams the user may create apps in: DEVELOPER or higher, every team for admins. */
    static List<String> teamsThatMayCreate(List<TeamView> teams, boolean platformAdmin) {
        return teams.stream()
                .filter(t -> platformAdmin || (t.yourRole() != null && t.yourRole().includes(TeamRole.DEVELOPER)))
                .map(TeamView::name)
                .toList();
    }

    static AppFormDialog forNewApp(AppService apps, PlatformSettingsService settings, CurrentUser user,
                                   List<String> teams, Consumer<AppView> onSaved) {
        AppFormDialog dialog = new AppFormDialog("New app", true, settings.current().allowLocalRepositories());
        dialog.team.setItems(teams);
        Model model = new Model();
        if (teams.size() == 1) {
            model.team = teams.getFirst();
        }
        dialog.binder.setBean(model);
        dialog.addButtons("Create", () -> {
            NewApp app = new NewApp(model.team, model.name, model.description, model.source, model.repositoryUrl,
                    model.branch, model.image, model.port, model.livenessPath, model.readinessPath);
            AppView created = apps.create(user.actor(), app);
            Notifications.success("Created " + created.name() + ".");
            onSaved.accept(created);
        });
        return dialog;
    }

    static AppFormDialog forExistingApp(AppService apps, PlatformSettingsService settings, CurrentUser user,
                                        AppView app, Consumer<AppView> onSaved) {
        AppFormDialog dialog = new AppFormDialog("Edit " + app.name(), false, settings.current().allowLocalRepositories());
        Model model = new Model();
        model.description = app.description();
        model.source = app.source();
        model.repositoryUrl = Optional.ofNullable(app.repositoryUrl()).orElse("");
        model.branch = Optional.ofNullable(app.branch()).orElse("main");
        model.image = Optional.ofNullable(app.image()).orElse("");
        model.port = app.port();
        model.livenessPath = app.livenessPath();
        model.readinessPath = app.readinessPath();
        dialog.binder.setBean(model);
        dialog.showSourceFields();
        dialog.addButtons("Save", () -> {
            AppView saved = apps.update(user.actor(), app.name(), new AppChanges(model.description, model.source,
                    model.repositoryUrl, model.branch, model.image, model.port, model.livenessPath, model.readinessPath));
            Notifications.success("Saved " + saved.name() + ".");
            onSaved.accept(saved);
        });
        return dialog;
    }

    private void configureFields(boolean creating) {
        team.setRequired(true);
        team.setHelperText("The team that owns the app and decides who may change it");
        name.setRequired(true);
        name.setHelperText("Lowercase letters, digits and '-', at most 40; used in Kubernetes names and fixed once created");
        name.setMaxLength(AppService.MAX_NAME_LENGTH);
        description.setMaxLength(500);
        source.setItems(AppSource.GIT, AppSource.IMAGE);
        source.setItemLabelGenerator(s -> s == AppSource.GIT ? "Build from a git repository" : "Deploy a prebuilt image");
        source.addValueChangeListener(e -> showSourceFields());
        repositoryUrl.setPlaceholder("https://git.example.com/team/app.git or git@git.example.com:team/app.git");
        image.setPlaceholder("registry.example.com/team/app:1.4.2");
        port.setMin(1);
        port.setMax(65535);
        port.setStepButtonsVisible(false);
        livenessPath.setHelperText("Failing it restarts the container");
        readinessPath.setHelperText("Failing it stops traffic to the container");
        for (TextField field : List.of(name, repositoryUrl, branch, image, livenessPath, readinessPath)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        if (!creating) {
            name.setVisible(false);
            team.setVisible(false);
        }
    }

    private void bind(boolean allowLocalRepositories) {
        binder.forField(team).asRequired("Choose the team that owns the app")
                .bind(m -> m.team.isEmpty() ? null : m.team, (m, v) -> m.team = v == null ? "" : v);
        binder.forField(name).withValidator(Forms.rule(AppService::nameProblem)).bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(description).bind(m -> m.description, (m, v) -> m.description = v);
        binder.forField(source).asRequired("Choose where the code comes from").bind(m -> m.source, (m, v) -> m.source = v);
        binder.forField(repositoryUrl)
                .withValidator(onlyFor(AppSource.GIT, url -> RepositoryUrls.problem(url, allowLocalRepositories)))
                .bind(m -> m.repositoryUrl, (m, v) -> m.repositoryUrl = v);
        binder.forField(branch).withValidator(onlyFor(AppSource.GIT, GitRefs::branchProblem))
                .bind(m -> m.branch, (m, v) -> m.branch = v);
        binder.forField(image).withValidator(onlyFor(AppSource.IMAGE, ImageReferences::problem))
                .bind(m -> m.image, (m, v) -> m.image = v);
        binder.forField(port).asRequired("Enter the port the app listens on")
                .withValidator(p -> p >= 1 && p <= 65535, "Must be between 1 and 65535")
                .bind(m -> m.port, (m, v) -> m.port = v);
        binder.forField(livenessPath).withValidator(Forms.rule(HealthPaths::problem))
                .bind(m -> m.livenessPath, (m, v) -> m.livenessPath = v);
        binder.forField(readinessPath).withValidator(Forms.rule(HealthPaths::problem))
                .bind(m -> m.readinessPath, (m, v) -> m.readinessPath = v);
    }

    /** A field of one source is checked only while that source is chosen. */
    private Validator<String> onlyFor(AppSource wanted, Function<String, Optional<String>> rule) {
        Validator<String> check = Forms.rule(rule);
        return (value, context) -> source.getValue() == wanted ? check.apply(value, context) : ValidationResult.ok();
    }

    private void showSourceFields() {
        boolean git = source.getValue() != AppSource.IMAGE;
        repositoryUrl.setVisible(git);
        branch.setVisible(git);
        image.setVisible(!git);
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
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, saveButton);
    }

    private Map<String, HasValidation> fieldsByName() {
        return Map.of("team", team, "name", name, "description", description, "source", source,
                "repositoryUrl", repositoryUrl, "branch", branch, "image", image, "port", port,
                "livenessPath", livenessPath, "readinessPath", readinessPath);
    }
}
