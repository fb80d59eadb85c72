package dev.slipway.ui.audit;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.slipway.audit.AuditEntry;
import dev.slipway.audit.AuditLog;
import dev.slipway.audit.AuditQuery;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;

/** Who changed what, newest first, filtered by person, action, target, team, app and day. */
@Route("admin/audit")
@PageTitle("Audit log · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class AuditLogView extends VerticalLayout {

    private final AuditLog audit;
    private final CurrentUser user;
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action");
    private final TextField target = new TextField("Target");
    private final TextField team = new TextField("Team");
    private final TextField app = new TextField("App");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditLogView(AuditLog audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
        setSizeFull();
        configureFilters();
        configureGrid();

        FlexLayout filters = new FlexLayout(actor, action, target, team, app, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2("Audit log"), filters, grid);
    }

    private void configureFilters() {
        actor.setHelperText("Exact username");
        action.setHelperText("e.g. app. for all app actions");
        target.setHelperText("Part of the name");
        team.setHelperText("Exact team name");
        app.setHelperText("Exact app name");
        from.setHelperText("From the start of this day, UTC");
        to.setHelperText("Up to the end of this day, UTC");
        for (TextField field : List.of(actor, action, target, team, app)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        for (DatePicker day : List.of(from, to)) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        // Keeps the pickers from offering a range that can match nothing.
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
    }

    private void configureGrid() {
        grid.addColumn(e -> Formats.second(e.occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::targetType).setHeader("Target type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.team() == null ? "" : e.team()).setHeader("Team").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> details(e.details())).setHeader("Details").setFlexGrow(1)
                .setTooltipGenerator(e -> details(e.details()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No entries match. Loosen or clear the filters.");
        // The service orders newest first, whatever the page request says.
        grid.setItems(query -> {
            Pageable page = VaadinSpringDataHelpers.toSpringPageRequest(query);
            // A "to" typed before "from" past the pickers' limits is an empty range, which the service refuses.
            return emptyRange() ? Stream.empty() : audit.search(user.actor(), query(), page).stream();
        });
        grid.setSizeFull();
    }

    private AuditQuery query() {
        return new AuditQuery(actor.getValue(), action.getValue(), target.getValue(), team.getValue(), app.getValue(),
                startOf(from.getValue()), startOf(to.getValue() == null ? null : to.getValue().plusDays(1)));
    }

    private boolean emptyRange() {
        return from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue());
    }

    /** Days are UTC like every time on screen; the query's upper bound is exclusive, hence the day after "to". */
    private static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Sorted by key, so the same change always reads the same. */
    private static String details(Map<String, String> details) {
        return new TreeMap<>(details).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
