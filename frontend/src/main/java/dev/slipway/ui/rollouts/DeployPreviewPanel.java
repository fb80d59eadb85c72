package dev.slipway.ui.rollouts;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.slipway.config.ConfigDiff;
import dev.slipway.rollouts.DeployPreview;

/**
 * What a deploy or promotion would change against what runs: image, config keys (secrets by version
 * only) and settings, one line each, so nothing changes in an environment without being seen first.
 */
public class DeployPreviewPanel extends Div {

    public DeployPreviewPanel(DeployPreview preview) {
        addClassName("slipway-preview");
        if (preview.running() == null) {
            add(new Paragraph("Nothing runs here yet: this is the first release."));
        }
        UnorderedList changes = new UnorderedList();
        if (preview.imageChanges()) {
            changes.add(item("Image", (preview.imageFrom() == null ? "" : preview.imageFrom() + " → ") + preview.imageTo()));
        }
        for (ConfigDiff.KeyChange change : preview.config().changes()) {
            changes.add(item("Config", describeChange(change)));
        }
        for (DeployPreview.SettingChange change : preview.settings()) {
            changes.add(item("Setting", change.name() + ": " + change.from() + " → " + change.to()));
        }
        if (changes.getChildren().findAny().isEmpty()) {
            add(new Paragraph("No changes: this deploys exactly what runs" + (preview.running() == null ? ""
                    : " (" + preview.running() + ")") + ", fast-tracked without steps."));
            return;
        }
        String configVersions = preview.configTo() == null ? "no config"
                : "config v" + preview.configTo() + (preview.configFrom() == null || preview.configFrom().equals(preview.configTo())
                        ? "" : " (runs v" + preview.configFrom() + ")");
        add(new Paragraph("Changes against " + (preview.running() == null ? "an empty environment" : preview.running())
                + ", with " + configVersions + ":"), changes);
    }

    /** Variables show their values (whoever sees the page may read them); secrets show versions only. */
    public static String describeChange(ConfigDiff.KeyChange change) {
        if (change.kind() == ConfigDiff.Kind.VARIABLE && change.change() == ConfigDiff.Change.CHANGED) {
            return change.describe() + ": " + change.from() + " → " + change.to();
        }
        if (change.kind() == ConfigDiff.Kind.VARIABLE && change.change() == ConfigDiff.Change.ADDED) {
            return change.describe() + ": " + change.to();
        }
        return change.describe();
    }

    private static ListItem item(String what, String text) {
        Span label = new Span(what);
        label.addClassName("slipway-fact-label");
        return new ListItem(label, new Span(" " + text));
    }
}
