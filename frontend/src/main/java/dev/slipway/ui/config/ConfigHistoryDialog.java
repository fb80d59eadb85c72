package dev.slipway.ui.config;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import dev.slipway.config.ConfigDiff;
import dev.slipway.config.ConfigVersionView;
import dev.slipway.ui.components.Formats;
import java.util.List;

/** Every config version, newest first, with the keys it changed; secrets only as "changed". */
class ConfigHistoryDialog extends Dialog {

    ConfigHistoryDialog(List<ConfigVersionView> versions, String app, String environment) {
        setHeaderTitle("Config history of " + app + " in " + environment);
        setWidth("40em");
        Div list = new Div();
        for (ConfigVersionView version : versions) {
            UnorderedList changes = new UnorderedList();
            for (ConfigDiff.KeyChange change : version.changes().changes()) {
                changes.add(new ListItem(dev.slipway.ui.rollouts.DeployPreviewPanel.describeChange(change)));
            }
            list.add(new H4("v" + version.number() + " by " + version.createdBy() + ", "
                    + Formats.minute(version.createdAt())), changes);
        }
        add(list);
        getFooter().add(new Button("Close", e -> close()));
    }
}
