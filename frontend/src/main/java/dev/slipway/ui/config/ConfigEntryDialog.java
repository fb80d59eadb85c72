package dev.slipway.ui.config;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableBiFunction;
import dev.slipway.config.ConfigView;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Sets one variable or secret. A secret's field is a password field that starts empty: the old value is
 * never sent to the browser, so replacing means typing the new one.
 */
class ConfigEntryDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextArea variableValue = new TextArea("Value");
    private final PasswordField secretValue = new PasswordField("Secret value");

    ConfigEntryDialog(@Nullable String existingName, @Nullable String existingValue, boolean secret,
                      SerializableBiFunction<String, String, ConfigView> save) {
        setHeaderTitle(existingName == null ? (secret ? "Add secret" : "Add variable")
                : (secret ? "Replace secret " : "Edit variable ") + existingName);
        setWidth("32em");
        name.setWidthFull();
        name.setRequired(true);
        name.setPlaceholder("DATABASE_URL");
        name.setHelperText("Letters, digits and _, not starting with a digit");
        if (existingName != null) {
            name.setValue(existingName);
            name.setReadOnly(true);
        }
        FormLayout form = new FormLayout(name);
        if (secret) {
            secretValue.setWidthFull();
            secretValue.setRevealButtonVisible(true);
            secretValue.setHelperText("Write-only: after saving nobody can read it here or through the API;"
                    + " only the app's pods get it");
            form.add(secretValue);
        } else {
            variableValue.setWidthFull();
            variableValue.setValue(existingValue == null ? "" : existingValue);
            variableValue.setHelperText("Everyone in the team can read variables; use a secret for credentials");
            form.add(variableValue);
        }
        add(form);
        Button saveButton = new Button("Save", e -> {
            String value = secret ? secretValue.getValue() : variableValue.getValue();
            try {
                save.apply(name.getValue().strip(), value);
                close();
            } catch (InvalidInputException problem) {
                show(problem, secret);
            } catch (ConflictException conflict) {
                close();
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
    }

    /** Problems come back per field ("secrets.NAME"); the name's problems go to the name field. */
    private void show(InvalidInputException problem, boolean secret) {
        StringBuilder nameProblems = new StringBuilder();
        StringBuilder valueProblems = new StringBuilder();
        for (FieldProblem p : problem.problems()) {
            boolean aboutValue = p.message().startsWith("the value") || p.message().startsWith("a secret needs");
            (aboutValue ? valueProblems : nameProblems).append(valueProblems.isEmpty() && nameProblems.isEmpty() ? "" : " ")
                    .append(capitalize(p.message())).append('.');
        }
        name.setInvalid(!nameProblems.isEmpty());
        name.setErrorMessage(nameProblems.toString());
        if (secret) {
            secretValue.setInvalid(!valueProblems.isEmpty());
            secretValue.setErrorMessage(valueProblems.toString());
        } else {
            variableValue.setInvalid(!valueProblems.isEmpty());
            variableValue.setErrorMessage(valueProblems.toString());
        }
        if (nameProblems.isEmpty() && valueProblems.isEmpty()) {
            add(new Paragraph(problem.getMessage()));
        }
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
