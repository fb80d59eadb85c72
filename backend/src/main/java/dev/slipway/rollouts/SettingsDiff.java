package dev.slipway.rollouts;

import dev.slipway.apps.DeploySettings;
import dev.slipway.releases.ReleaseSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The settings that differ between the release that runs and the one a deploy would make. */
final class SettingsDiff {

    private SettingsDiff() {
    }

    /** Empty when nothing runs yet: then every setting is new, and the deploy dialog shows them all anyway. */
    static List<DeployPreview.SettingChange> between(@Nullable ReleaseSettings running, ReleaseSettings next) {
        if (running == null) {
            return List.of();
        }
        Map<String, String> before = flatten(running);
        Map<String, String> after = flatten(next);
        List<DeployPreview.SettingChange> changes = new ArrayList<>();
        after.forEach((name, to) -> {
            String from = before.get(name);
            if (!to.equals(from)) {
                changes.add(new DeployPreview.SettingChange(name, from, to));
            }
        });
        return List.copyOf(changes);
    }

    private static Map<String, String> flatten(ReleaseSettings settings) {
        DeploySettings deploy = settings.deploy();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("port", Integer.toString(settings.port()));
        values.put("livenessPath", settings.livenessPath());
        values.put("readinessPath", settings.readinessPath());
        values.put("strategy", deploy.strategy().name().toLowerCase());
        values.put("replicas", deploy.autoscaling() == null ? Integer.toString(deploy.replicas()) : "autoscaled");
        DeploySettings.Autoscaling autoscaling = deploy.autoscaling();
        values.put("autoscaling", autoscaling == null ? "off"
                : autoscaling.min() + "–" + autoscaling.max() + " pods at " + autoscaling.cpuPercent() + "% CPU");
        values.put("cpu", deploy.cpuRequest() + " / " + deploy.cpuLimit());
        values.put("memory", deploy.memoryRequest() + " / " + deploy.memoryLimit());
        values.put("maxSurge", deploy.maxSurge());
        values.put("maxUnavailable", deploy.maxUnavailable());
        values.put("progressDeadlineSeconds", Integer.toString(deploy.progressDeadlineSeconds()));
        return values;
    }
}
