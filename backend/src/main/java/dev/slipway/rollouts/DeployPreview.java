package dev.slipway.rollouts;

import dev.slipway.config.ConfigDiff;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a deploy would change against what runs, shown before the user confirms: the image, every config
 * key (secrets by version only), and every setting.
 *
 * @param running        the release that runs now, e.g. "v4"; null before the first deploy
 * @param imageFrom      the image that runs now; null before the first deploy
 * @param imageTo        the image the deploy would run
 * @param configFrom     the config version that runs now; null when none
 * @param configTo       the config version the deploy would pin; null when there is none
 * @param config         the config keys that change
 * @param settings       the settings that change
 * @param fastTracked    the deploy repeats exactly what runs, so it skips steps and analysis
 */
public record DeployPreview(@Nullable String running, @Nullable String imageFrom, String imageTo,
                            @Nullable Integer configFrom, @Nullable Integer configTo, ConfigDiff config,
                            List<SettingChange> settings, boolean fastTracked) {

    /** One setting that differs, with both values in the form users write them. */
    public record SettingChange(String name, String from, String to) {
    }

    public boolean imageChanges() {
        return !imageTo.equals(imageFrom);
    }

    public boolean changesNothing() {
        return !imageChanges() && config.isEmpty() && settings.isEmpty();
    }
}
