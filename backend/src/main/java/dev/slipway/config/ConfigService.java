package dev.slipway.config;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.Manifests;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Variables and secrets per app and environment. The team's VIEWERs see variables and that secrets
 * exist; DEVELOPERs change them (MAINTAINERs in protected environments, like deploys there). Every change
 * is a new immutable version; the next deploy pins the newest one.
 */
@Service
public class ConfigService {

    private final ConfigVersionRepository versions;
    private final Envelopes envelopes;
    private final AppService apps;
    private final EnvironmentService environments;
    private final TeamAccess access;
    private final AuditLog audit;
    private final Clock clock;

    ConfigService(ConfigVersionRepository versions, Envelopes envelopes, AppService apps,
                  EnvironmentService environments, TeamAccess access, AuditLog audit, Clock clock) {
        this.versions = versions;
        this.envelopes = envelopes;
        this.apps = apps;
        this.environments = environments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current config: variable values, and for secrets only who set which version when. */
    @Transactional(readOnly = true)
    public ConfigView view(Actor actor, String appName, String environmentName) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app's config");
        boolean canChange = access.roleOf(actor, app.teamId()).filter(r -> r.includes(changeRole(environment)))
                .isPresent();
        return view(app, environment, latest(app.id(), environments.idOf(environmentName)), canChange);
    }

    /**
     * Applies a change as a whole, making the next version; a change that changes nothing makes none.
     * Secret values given here are sealed at once and never come back out of this service.
     */
    @Transactional
    public ConfigView change(Actor actor, String appName, String environmentName, ConfigChange change) {
        EnvironmentView environment = environments.get(environmentName);
        AppRef app = authorizeChange(actor, appName, environment);
        long environmentId = environments.idOf(environmentName);
        Optional<ConfigVersion> current = latest(app.id(), environmentId);
        int currentNumber = current.map(ConfigVersion::number).orElse(0);
        if (change.expectedVersion() != null && change.expectedVersion() != currentNumber) {
            throw new ConflictException("The config of " + appName + " in " + environmentName + " changed since you"
                    + " loaded it: it is now v" + currentNumber + current.map(v -> " by " + v.createdBy()).orElse("")
                    + ". Reload it and make your change again.");
        }
        ConfigEntries before = current.map(ConfigVersion::entries).orElse(ConfigEntries.EMPTY);
        ConfigEntries after = apply(before, change, actor.username(), clock.instant());
        ConfigDiff diff = ConfigDiff.between(before, after);
        if (diff.isEmpty()) {
            return view(app, environment, current, true);
        }
        ConfigVersion saved;
        try {
            saved = versions.saveAndFlush(new ConfigVersion(app.id(), environmentId, currentNumber + 1, after,
                    diff.summary(), actor.username(), clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Someone else changed the config of " + appName + " in " + environmentName
                    + " at the same moment. Reload it and make your change again.", e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("environment", environmentName);
        details.put("version", "v" + saved.number());
        details.put("changes", diff.summary());
        audit.record(actor, "config.changed", "app", appName, app.team(), details);
        return view(app, environment, Optional.of(saved), true);
    }

    /**
     * Sets every {@code NAME=value} line of a pasted {@code .env} file, as variables or as secrets. Any
     * bad line refuses the whole paste, with every problem by line number.
     */
    @Transactional
    public ConfigView importDotEnv(Actor actor, String appName, String environmentName, String text, boolean asSecrets) {
        authorizeChange(actor, appName, environments.get(environmentName));
        DotEnv.Parsed parsed = DotEnv.parse(text);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInputException(parsed.problems());
        }
        ConfigChange change = asSecrets ? new ConfigChange(null, parsed.entries(), null, null)
                : new ConfigChange(parsed.entries(), null, null, null);
        return change(actor, appName, environmentName, change);
    }

    /** Every version, newest first, each with what changed from the one before. */
    @Transactional(readOnly = true)
    public List<ConfigVersionView> history(Actor actor, String appName, String environmentName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app's config");
        List<ConfigVersion> all = versions.findByAppIdAndEnvironmentIdOrderByNumberDesc(app.id(),
                environments.idOf(environmentName));
        List<ConfigVersionView> views = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ConfigVersion version = all.get(i);
            ConfigEntries before = i + 1 < all.size() ? all.get(i + 1).entries() : ConfigEntries.EMPTY;
            views.add(new ConfigVersionView(version.number(), version.createdBy(), version.createdAt(),
                    ConfigDiff.between(before, version.entries())));
        }
        return views;
    }

    /** The newest version's id, which the next release pins; empty while nothing was ever set. */
    @Transactional(readOnly = true)
    public Optional<Long> currentVersionId(long appId, long environmentId) {
        return latest(appId, environmentId).map(ConfigVersion::id);
    }

    /** The version number behind an id, for views of releases. */
    @Transactional(readOnly = true)
    public int number(long versionId) {
        return load(versionId).number();
    }

    /** What changes when an environment goes from one pinned version to another (null: no config). */
    @Transactional(readOnly = true)
    public ConfigDiff diff(@Nullable Long fromVersionId, @Nullable Long toVersionId) {
        if (java.util.Objects.equals(fromVersionId, toVersionId)) {
            return ConfigDiff.NONE;
        }
        return ConfigDiff.between(entries(fromVersionId), entries(toVersionId));
    }

    /**
     * The version opened for writing into a cluster, secrets decrypted. For the rollout engine only; no
     * user ever sees what this returns.
     *
     * @throws dev.slipway.encryption.TamperedValueException when a stored secret was altered; the caller's
     *                                                       transaction stays usable to record that
     */
    @Transactional(readOnly = true, noRollbackFor = dev.slipway.encryption.TamperedValueException.class)
    public Optional<ConfigBundle> bundle(@Nullable Long versionId) {
        if (versionId == null) {
            return Optional.empty();
        }
        ConfigVersion version = load(versionId);
        ConfigEntries entries = version.entries();
        Map<String, String> secrets = new TreeMap<>();
        entries.secrets().forEach((name, entry) -> secrets.put(name, envelopes.open(entry.sealedId())));
        return Optional.of(new ConfigBundle(version.number(), entries.variables(), secrets,
                hash(entries.variables()), secretsHash(entries)));
    }

    /**
     * The names the version's ConfigMap and Secret get in a cluster, worked out without opening a single
     * secret: for clean-ups, which only need to know which objects are still wanted.
     */
    @Transactional(readOnly = true)
    public List<String> objectNames(String app, @Nullable Long versionId) {
        if (versionId == null) {
            return List.of();
        }
        ConfigEntries entries = load(versionId).entries();
        List<String> names = new ArrayList<>();
        if (!entries.variables().isEmpty()) {
            names.add(Manifests.configMapName(app, hash(entries.variables())));
        }
        if (!entries.secrets().isEmpty()) {
            names.add(Manifests.secretName(app, secretsHash(entries)));
        }
        return names;
    }

    /**
     * The current secret values of the app in every environment, for masking build output. For Slipway's
     * own work only; the values never leave the process.
     */
    @Transactional(readOnly = true)
    public List<String> secretValuesOfApp(long appId) {
        Map<Long, ConfigVersion> newest = new java.util.HashMap<>();
        for (ConfigVersion version : versions.findByAppId(appId)) {
            newest.merge(version.environmentId(), version, (a, b) -> a.number() >= b.number() ? a : b);
        }
        List<String> values = new ArrayList<>();
        for (ConfigVersion version : newest.values()) {
            version.entries().secrets().values().forEach(entry -> values.add(envelopes.open(entry.sealedId())));
        }
        return values;
    }

    private ConfigEntries apply(ConfigEntries before, ConfigChange change, String username, Instant now) {
        InputCheck check = new InputCheck();
        Map<String, String> variables = new TreeMap<>(before.variables());
        Map<String, ConfigEntries.SecretEntry> secrets = new TreeMap<>(before.secrets());
        for (String name : change.removeOrEmpty()) {
            if (variables.remove(name) == null && secrets.remove(name) == null) {
                check.fail("remove", name + " is not set, so it cannot be removed");
            }
        }
        change.variablesOrEmpty().forEach((name, value) -> {
            String field = "variables." + name;
            check.field(field, ConfigRules.nameProblem(name));
            check.field(field, ConfigRules.valueProblem(name, value));
            if (change.secretsOrEmpty().containsKey(name)) {
                check.fail(field, name + " is given both as a variable and as a secret; choose one");
            } else if (secrets.containsKey(name)) {
                check.fail(field, name + " is a secret. Remove the secret first if it should become a plain"
                        + " variable, whose value everyone in the team can read");
            }
            variables.put(name, value);
        });
        Map<String, String> newSecrets = new TreeMap<>();
        change.secretsOrEmpty().forEach((name, value) -> {
            String field = "secrets." + name;
            check.field(field, ConfigRules.nameProblem(name));
            check.field(field, ConfigRules.valueProblem(name, value));
            if (value.isEmpty()) {
                check.fail(field, "a secret needs a value; remove " + name + " instead if it is no longer needed");
            }
            newSecrets.put(name, value);
        });
        // a plain variable may become a secret: that only hides its value
        newSecrets.keySet().forEach(variables::remove);
        int entries = variables.size() + secrets.size() + (int) newSecrets.keySet().stream()
                .filter(n -> !secrets.containsKey(n)).count();
        if (entries > ConfigRules.MAX_ENTRIES) {
            check.fail("config", "would hold " + entries + " entries; at most " + ConfigRules.MAX_ENTRIES + " are allowed");
        }
        long total = variables.entrySet().stream().mapToLong(e -> e.getKey().length() + ConfigRules.bytes(e.getValue())).sum()
                + newSecrets.entrySet().stream().mapToLong(e -> e.getKey().length() + ConfigRules.bytes(e.getValue())).sum();
        if (total > ConfigRules.MAX_TOTAL_BYTES) {
            check.fail("config", "would hold " + total / 1024 + " KiB; at most " + ConfigRules.MAX_TOTAL_BYTES / 1024
                    + " KiB are allowed per environment");
        }
        check.throwIfInvalid();
        // sealed only once everything is valid, so a refused change leaves no sealed values behind
        newSecrets.forEach((name, value) -> {
            ConfigEntries.SecretEntry old = secrets.get(name);
            secrets.put(name, new ConfigEntries.SecretEntry(envelopes.seal(value), old == null ? 1 : old.version() + 1,
                    username, now));
        });
        return new ConfigEntries(variables, secrets);
    }

    private ConfigView view(AppRef app, EnvironmentView environment, Optional<ConfigVersion> version, boolean canChange) {
        ConfigEntries entries = version.map(ConfigVersion::entries).orElse(ConfigEntries.EMPTY);
        List<SecretInfo> secrets = entries.secrets().entrySet().stream()
                .map(e -> new SecretInfo(e.getKey(), e.getValue().version(), e.getValue().setBy(), e.getValue().setAt()))
                .toList();
        return new ConfigView(app.name(), environment.name(), version.map(ConfigVersion::number).orElse(0),
                entries.variables(), secrets, version.map(ConfigVersion::createdBy).orElse(null),
                version.map(ConfigVersion::createdAt).orElse(null), canChange);
    }

    private AppRef authorizeChange(Actor actor, String appName, EnvironmentView environment) {
        return apps.resolve(actor, appName, changeRole(environment), "change the config"
                + (environment.protectedEnvironment() ? " in the protected environment " + environment.name() : ""));
    }

    /** The next deploy runs with the config, so changing it takes the role a deploy there takes. */
    private static TeamRole changeRole(EnvironmentView environment) {
        return environment.protectedEnvironment() ? TeamRole.MAINTAINER : TeamRole.DEVELOPER;
    }

    private Optional<ConfigVersion> latest(long appId, long environmentId) {
        return versions.findFirstByAppIdAndEnvironmentIdOrderByNumberDesc(appId, environmentId);
    }

    private ConfigVersion load(long versionId) {
        return versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("There is no config version with id " + versionId + "."));
    }

    private ConfigEntries entries(@Nullable Long versionId) {
        return versionId == null ? ConfigEntries.EMPTY : load(versionId).entries();
    }

    static String hash(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> text.append(k).append('=').append(v.length()).append(':').append(v)
                .append('\n'));
        return digest(text.toString());
    }

    private static String secretsHash(ConfigEntries entries) {
        Map<String, String> identities = new TreeMap<>();
        entries.secrets().forEach((name, entry) -> identities.put(name, entry.sealedId().toString()));
        return hash(identities);
    }

    private static String digest(String text) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
