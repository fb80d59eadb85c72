package dev.slipway.ui.security;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.CreatedApiToken;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Asks for a new API token's name, how long it works and whether it may only read, then creates it. */
class NewApiTokenDialog extends Dialog {

    private static final int MAX_NAME_LENGTH = 100;

    private final TextField name = new TextField("Name");
    private final Select<Validity> validity = new Select<>();
    private final Checkbox readOnly = new Checkbox("Read-only");
    private final Binder<Model> binder = new Binder<>();
    private final Model model = new Model();

    /** The choices offered; a token that never expires is allowed but not the default. */
    enum Validity {
        DAYS_30("30 days", Duration.ofDays(30)),
        DAYS_90("90 days", Duration.ofDays(90)),
        YEAR("1 year", Duration.ofDays(365)),
        NEVER("Never expires", null);

        private final String label;
        private final @Nullable Duration duration;

        Validity(String label, @Nullable Duration duration) {
            this.label = label;
            this.duration = duration;
        }
    }

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String name = "";
        Validity validity = Validity.DAYS_90;
        boolean readOnly;
    }

    NewApiTokenDialog(ApiTokenService tokens, CurrentUser user, Consumer<CreatedApiToken> onCreated) {
        setHeaderTitle("New API token");
        setWidth("28em");
        name.setRequired(true);
        name.setMaxLength(MAX_NAME_LENGTH);
        name.setHelperText("Where the token is used, for example 'ci-deploy' or 'laptop'");
        validity.setLabel("Valid for");
        validity.setItems(Validity.values());
        validity.setItemLabelGenerator(v -> v.label);
        binder.forField(name).withValidator(Forms.rule(v -> Text.requiredText(v, MAX_NAME_LENGTH)))
                .bind(m -> m.name, (m, v) -> m.name = v);
        binder.forField(validity).asRequired("Choose how long the token works")
                .bind(m -> m.validity, (m, v) -> m.validity = v);
        readOnly.setHelperText("It may only read (GET requests), whatever your rights are: for dashboards and reports");
        binder.forField(readOnly).bind(m -> m.readOnly, (m, v) -> m.readOnly = v);
        binder.setBean(model);
        FormLayout form = new FormLayout(name, validity, readOnly);
        form.setColspan(readOnly, 2);
        add(form);

        Button create = new Button("Create", e -> create(tokens, user, onCreated));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void create(ApiTokenService tokens, CurrentUser user, Consumer<CreatedApiToken> onCreated) {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            CreatedApiToken created = tokens.create(user.actor(), model.name, model.validity.duration,
                    model.readOnly);
            close();
            Notifications.success("Created token " + created.token().name() + ".");
            onCreated.accept(created);
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.<String, HasValidation>of("name", name, "validFor", validity));
        }
    }
}
