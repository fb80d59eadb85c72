package dev.slipway.ui.analysis;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.analysis.MetricTemplateService;
import dev.slipway.analysis.MetricTemplateSpec;
import dev.slipway.analysis.MetricTemplateView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.SlipwayException;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.teams.TeamView;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What canary steps ({@code analysis <keys>}) and blue-green analyses can measure: the built-in templates,
 * the platform's (platform admins write them) and each team's (its maintainers write them).
 */
@Route("metric-templates")
@PageTitle("Metric templates · Slipway")
@PermitAll
public class MetricTemplatesView extends VerticalLayout {

    /** The scope Select's entry for templates every team can use. */
    static final String PLATFORM = "Platform (every team)";

    private final MetricTemplateService templates;
    private final TeamService teams;
    private final CurrentUser user;
    private final Grid<MetricTemplateView> grid = new Grid<>();

    MetricTemplatesView(MetricTemplateService templates, TeamService teams, CurrentUser user) {
        this.templates = templates;
        this.teams = teams;
        this.user = user;
        grid.addColumn(v -> v.spec().key()).setHeader("Key").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MetricTemplateView::scope).setHeader("Owner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.spec().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(v -> v.spec().query()).setHeader("Query").setFlexGrow(2);
        grid.addColumn(v -> "passes when " + v.spec().success() + (v.spec().failure() == null ? ""
                : ", fails when " + v.spec().failure())).setHeader("Judged").setFlexGrow(1);
        grid.addColumn(v -> v.spec().count() + " × every " + v.spec().intervalSeconds() + " s").setHeader("Measured")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        Paragraph intro = new Paragraph("A canary step \"analysis <keys>\" and a blue-green analysis measure these on"
                + " the environment's Prometheus. A team's template of a key is used before the platform's. Queries"
                + " give one number and may use {{app}}, {{env}}, {{release}} and {{slot}}.");
        intro.setMaxWidth("52em");
        add(new H2("Metric templates"), intro);
        if (!scopes().isEmpty()) {
            Button add = new Button("New template", VaadinIcon.PLUS.create(), e -> form(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(templates.list(user.actor()));
    }

    /** Where the user may write templates: the platform (admins) and the teams they maintain. */
    private List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        if (user.isPlatformAdmin()) {
            scopes.add(PLATFORM);
        }
        teams.list(user.actor()).stream().filter(t -> t.yourRole() != null && t.yourRole().includes(TeamRole.MAINTAINER))
                .map(TeamView::name).forEach(scopes::add);
        return scopes;
    }

    private HorizontalLayout actions(MetricTemplateView template) {
        HorizontalLayout actions = new HorizontalLayout();
        if (!template.editable()) {
            return actions;
        }
        Button edit = new Button("Edit", e -> form(template));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete template " + template.spec().key() + "?",
                    "Analyses that name it fail their metric from their next measurement, saying it was deleted.",
                    "Delete", c -> {
                        try {
                            templates.delete(user.actor(), template.spec().team(), template.spec().key());
                            Notifications.success("Deleted template " + template.spec().key() + ".");
                        } catch (SlipwayException gone) {
                            Notifications.error(gone.getMessage());
                        }
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        actions.add(edit, delete);
        return actions;
    }

    /** The new-template form when {@code existing} is null, else the edit form (key and owner fixed). */
    private void form(@Nullable MetricTemplateView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(existing == null ? "New metric template" : "Edit template " + existing.spec().key());
        TextField key = new TextField("Key");
        key.setHelperText("What analyses name it by, e.g. checkout-latency");
        Select<String> scope = new Select<>();
        scope.setLabel("Owner");
        TextField name = new TextField("Name");
        name.setHelperText("Shown in decisions, e.g. \"checkout p95 latency\"");
        TextArea query = new TextArea("PromQL query");
        query.setHelperText("One number, e.g. sum(rate(http_server_requests_seconds_count{app=\"{{app}}\","
                + "release=\"{{release}}\",status=~\"5..\"}[2m]))");
        TextField success = new TextField("Passes when");
        success.setHelperText("e.g. result < 0.05");
        TextField failure = new TextField("Fails when");
        failure.setHelperText("e.g. result >= 0.1; empty: whatever does not pass fails");
        IntegerField interval = new IntegerField("Every (seconds)");
        IntegerField count = new IntegerField("Measurements");
        IntegerField delay = new IntegerField("First after (seconds)");
        IntegerField failureLimit = new IntegerField("Failures tolerated");
        IntegerField inconclusiveLimit = new IntegerField("Inconclusive tolerated");
        IntegerField errorLimit = new IntegerField("Errors in a row tolerated");
        if (existing == null) {
            List<String> scopes = scopes();
            scope.setItems(scopes);
            scope.setValue(scopes.getFirst());
            interval.setValue(30);
            count.setValue(3);
            delay.setValue(30);
            failureLimit.setValue(0);
            inconclusiveLimit.setValue(1);
            errorLimit.setValue(3);
        } else {
            MetricTemplateSpec s = existing.spec();
            key.setValue(s.key());
            key.setReadOnly(true);
            String owner = s.team() == null ? PLATFORM : s.team();
            scope.setItems(owner);
            scope.setValue(owner);
            scope.setReadOnly(true);
            name.setValue(s.name());
            query.setValue(s.query());
            success.setValue(s.success());
            failure.setValue(s.failure() == null ? "" : s.failure());
            interval.setValue(s.intervalSeconds());
            count.setValue(s.count());
            delay.setValue(s.initialDelaySeconds());
            failureLimit.setValue(s.failureLimit());
            inconclusiveLimit.setValue(s.inconclusiveLimit());
            errorLimit.setValue(s.consecutiveErrorLimit());
        }
        FormLayout form = new FormLayout(key, scope, name, query, success, failure, interval, count, delay,
                failureLimit, inconclusiveLimit, errorLimit);
        form.setColspan(query, 2);
        form.setColspan(name, 2);
        dialog.add(form);
        Button save = new Button("Save", e -> {
            String team = PLATFORM.equals(scope.getValue()) ? null : scope.getValue();
            MetricTemplateSpec spec = new MetricTemplateSpec(key.getValue(), team, name.getValue(), query.getValue(),
                    success.getValue(), failure.getValue(), value(interval), value(count), value(delay),
                    value(failureLimit), value(inconclusiveLimit), value(errorLimit));
            try {
                if (existing == null) {
                    templates.create(user.actor(), spec);
                } else {
                    templates.update(user.actor(), team, spec.key(), spec);
                }
                dialog.close();
                Notifications.success("Saved template " + spec.key() + ".");
                refresh();
            } catch (InvalidInputException problem) {
                Forms.show(problem, Map.ofEntries(Map.entry("key", key), Map.entry("name", name),
                        Map.entry("query", query), Map.entry("success", success), Map.entry("failure", failure),
                        Map.entry("intervalSeconds", interval), Map.entry("count", count),
                        Map.entry("initialDelaySeconds", delay), Map.entry("failureLimit", failureLimit),
                        Map.entry("inconclusiveLimit", inconclusiveLimit),
                        Map.entry("consecutiveErrorLimit", errorLimit)));
            } catch (SlipwayException refused) {
                Notifications.error(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("48em");
        dialog.open();
    }

    /** An empty number field counts as -1, which the service refuses with a message on that field. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }
}
