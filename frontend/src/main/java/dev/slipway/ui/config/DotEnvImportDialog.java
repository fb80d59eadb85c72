package dev.slipway.ui.config;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import dev.slipway.config.ConfigService;
import dev.slipway.config.ConfigView;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.security.CurrentUser;
import java.util.function.Consumer;

/** Sets many entries from a pasted .env file; a bad line refuses the whole paste and is named by its number. */
class DotEnvImportDialog extends Dialog {

    private final TextArea text = new TextArea("Contents of a .env file");
    private final Checkbox asSecrets = new Checkbox("Import every line as a secret");
    private final UnorderedList problems = new UnorderedList();

    DotEnvImportDialog(ConfigService config, CurrentUser user, String app, String environment, Consumer<ConfigView> onSaved) {
        setHeaderTitle("Import .env into " + app + " in " + environment);
        setWidth("40em");
        text.setWidthFull();
        text.setMinHeight("12em");
        text.setPlaceholder("DATABASE_URL=postgres://db:5432/shop\nexport LOG_LEVEL=info\n# comments are skipped");
        text.setHelperText("NAME=value per line; values may be \"double quoted\" (with \\n) or 'single quoted'");
        asSecrets.setHelperText("Secrets are write-only after saving; variables can be read by the whole team");
        problems.addClassName("slipway-problems");
        add(text, asSecrets, problems);
        Button importButton = new Button("Import", e -> {
            problems.removeAll();
            try {
                ConfigView saved = config.importDotEnv(user.actor(), app, environment, text.getValue(), asSecrets.getValue());
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException invalid) {
                text.setInvalid(true);
                text.setErrorMessage("Nothing was imported: fix the lines below and import again.");
                for (FieldProblem problem : invalid.problems()) {
                    problems.add(new ListItem(capitalize(problem.field()) + ": " + problem.message()));
                }
            }
        });
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), importButton);
        add(new Paragraph());
    }

    private static String capitalize(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
