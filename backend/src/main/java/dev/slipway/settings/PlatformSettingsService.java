package dev.slipway.settings;

import dev.slipway.audit.AuditLog;
import dev.slipway.shared.Actor;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the platform settings (anyone) and changes them (platform admins). */
@Service
public class PlatformSettingsService {

    private final PlatformSettingRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    PlatformSettingsService(PlatformSettingRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PlatformSettings current() {
        boolean allowLocal = repository.findById(PlatformSetting.ALLOW_LOCAL_REPOSITORIES)
                .map(s -> Boolean.parseBoolean(s.value()))
                .orElse(PlatformSettings.DEFAULTS.allowLocalRepositories());
        return new PlatformSettings(allowLocal);
    }

    @Transactional
    public PlatformSettings update(Actor actor, PlatformSettings settings) {
        actor.requirePlatformAdmin("change platform settings");
        PlatformSettings before = current();
        if (before.allowLocalRepositories() != settings.allowLocalRepositories()) {
            PlatformSetting row = repository.findById(PlatformSetting.ALLOW_LOCAL_REPOSITORIES)
                    .orElseGet(() -> new PlatformSetting(PlatformSetting.ALLOW_LOCAL_REPOSITORIES));
            row.set(Boolean.toString(settings.allowLocalRepositories()), clock.instant(), actor.username());
            repository.save(row);
            audit.record(actor, "settings.changed", "setting", PlatformSetting.ALLOW_LOCAL_REPOSITORIES, null,
                    Map.of("from", Boolean.toString(before.allowLocalRepositories()),
                            "to", Boolean.toString(settings.allowLocalRepositories())));
        }
        return current();
    }
}
