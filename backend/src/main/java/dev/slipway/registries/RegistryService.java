package dev.slipway.registries;

import dev.slipway.apps.ImageReferences;
import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers container registries and says which one each environment's images come from. Platform
 * admins only: a registry's credentials push images that every team's deploys pull.
 */
@Service
public class RegistryService {

    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
    /** host[:port][/path]: what goes before the image name, as docker and jib write it, without a scheme. */
    private final RegistryRepository registries;
    private final EnvironmentService environments;
    private final Envelopes envelopes;
    private final AuditLog audit;
    private final Clock clock;

    RegistryService(RegistryRepository registries, EnvironmentService environments, Envelopes envelopes, AuditLog audit,
                    Clock clock) {
        this.registries = registries;
        this.environments = environments;
        this.envelopes = envelopes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RegistryView> list(Actor actor) {
        actor.requirePlatformAdmin("see the registries");
        return registries.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @Transactional
    public RegistryView create(Actor actor, RegistrySpec spec) {
        actor.requirePlatformAdmin("register registries");
        String name = Text.clean(spec.name());
        InputCheck problems = check(spec);
        if (!NAME.matcher(name).matches()) {
            problems.fail("name", "must be 1 to 40 lowercase letters, digits and hyphens, starting and ending with a"
                    + " letter or digit, e.g. harbor-prod");
        } else if (registries.findByName(name).isPresent()) {
            problems.fail("name", "a registry named '" + name + "' already exists");
        }
        problems.throwIfInvalid();
        Registry registry = new Registry(name, clock.instant());
        describe(registry, spec, clock.instant());
        registries.saveAndFlush(registry);
        audit.record(actor, "registry.created", "registry", name, null, details(registry));
        return view(registry);
    }

    /** Changes a registry; a null password keeps the stored one, an empty one removes it. */
    @Transactional
    public RegistryView update(Actor actor, String name, RegistrySpec spec) {
        actor.requirePlatformAdmin("change registries");
        Registry registry = load(name);
        InputCheck problems = check(spec);
        if (!Text.clean(spec.name()).equals(name)) {
            problems.fail("name", "cannot be changed; register a new registry and move the environments to it");
        }
        if (!Text.clean(spec.address()).equals(registry.address()) && !environmentsUsing(registry).isEmpty()) {
            // builds recorded their images under the old address: the environments could no longer deploy them
            problems.fail("address", "cannot change while " + String.join(", ", environmentsUsing(registry)) + " take"
                    + " images from it; register the new address as another registry and move the environments to it");
        }
        problems.throwIfInvalid();
        describe(registry, spec, clock.instant());
        audit.record(actor, "registry.changed", "registry", name, null, details(registry));
        return view(registry);
    }

    @Transactional
    public void delete(Actor actor, String name) {
        actor.requirePlatformAdmin("delete registries");
        Registry registry = load(name);
        List<String> using = environmentsUsing(registry);
        if (!using.isEmpty()) {
            throw new ConflictException("Registry " + name + " is where " + String.join(", ", using) + " take images"
                    + " from. Choose another registry for " + (using.size() == 1 ? "it" : "them") + " first.");
        }
        registries.delete(registry);
        registries.flush();
        if (registry.passwordId() != null) {
            envelopes.delete(registry.passwordId());
        }
        audit.record(actor, "registry.deleted", "registry", name, null, Map.of());
    }

    /** Per environment, in promotion order: its registry's name, or null for the platform registry. */
    @Transactional(readOnly = true)
    public Map<String, @Nullable String> assignments(Actor actor) {
        actor.requirePlatformAdmin("see the registries");
        Map<String, @Nullable String> result = new LinkedHashMap<>();
        for (EnvironmentView environment : environments.list()) {
            result.put(environment.name(), registries.registryOf(environments.idOf(environment.name()))
                    .flatMap(registries::findById).map(Registry::name).orElse(null));
        }
        return result;
    }

    /**
     * Makes the environment take its images from the registry, or from the platform registry when
     * {@code registry} is null. Builds from now on push there too; images built before stay where they were.
     */
    @Transactional
    public void assign(Actor actor, String environment, @Nullable String registry) {
        actor.requirePlatformAdmin("choose an environment's registry");
        long environmentId = environments.idOf(environment);
        if (registry == null) {
            registries.unassign(environmentId);
        } else {
            registries.assign(environmentId, load(registry).id());
        }
        audit.record(actor, "environment.registry-changed", "environment", environment, null,
                Map.of("registry", registry == null ? "platform registry" : registry));
    }

    /** Where images for the environment go, with opened credentials; empty for the platform registry. */
    @Transactional(readOnly = true)
    public Optional<PushTarget> targetOf(long environmentId) {
        return registries.registryOf(environmentId).flatMap(registries::findById).map(r -> new PushTarget(r.address(),
                r.insecure(), r.username(), r.passwordId() == null ? null : envelopes.open(r.passwordId())));
    }

    /** The address of the environment's own registry, without opening its credentials; empty for the platform registry. */
    @Transactional(readOnly = true)
    public Optional<String> addressOf(long environmentId) {
        return registries.registryOf(environmentId).flatMap(registries::findById).map(Registry::address);
    }

    /** Whether any environment has a registry of its own, so builds can run without the platform registry. */
    @Transactional(readOnly = true)
    public boolean anyAssigned() {
        // one query: webhook deliveries ask this on every push when there is no platform registry
        return registries.anyAssigned();
    }

    private static InputCheck check(RegistrySpec spec) {
        InputCheck problems = new InputCheck();
        String address = Text.clean(spec.address());
        if (address.contains("://")) {
            problems.fail("address", "is written without a scheme, e.g. registry.internal:5000/slipway; mark the"
                    + " registry insecure to allow plain HTTP");
        } else if (!ImageReferences.isRegistryAddress(address)) {
            problems.fail("address", "must be host[:port][/path] in lowercase, e.g. registry.internal:5000/slipway");
        }
        String username = Text.clean(spec.username());
        if (username.length() > 255 || username.chars().anyMatch(Character::isWhitespace)) {
            problems.fail("username", "must be at most 255 characters without spaces");
        }
        if (spec.password() != null && spec.password().length() > 4096) {
            problems.fail("password", "must be at most 4096 characters");
        }
        return problems;
    }

    private void describe(Registry registry, RegistrySpec spec, Instant now) {
        String username = Text.clean(spec.username());
        UUID password = registry.passwordId();
        boolean replaced = spec.password() != null;
        if (replaced) {
            password = spec.password().isEmpty() ? null : envelopes.seal(spec.password());
        }
        UUID old = registry.describe(Text.clean(spec.address()), spec.insecure(), username.isEmpty() ? null : username,
                password, now);
        if (replaced && old != null) {
            registries.flush(); // the row points at the new value before the old one goes
            envelopes.delete(old);
        }
    }

    private Registry load(String name) {
        return registries.findByName(name).orElseThrow(() -> new NotFoundException("There is no registry '" + name
                + "'. Platform admins register registries under Admin > Registries."));
    }

    private RegistryView view(Registry registry) {
        return new RegistryView(registry.name(), registry.address(), registry.insecure(), registry.username(),
                registry.passwordId() != null, environmentsUsing(registry));
    }

    /** In promotion order. */
    private List<String> environmentsUsing(Registry registry) {
        return registries.environmentsUsing(registry.id()).stream().map(environments::byId)
                .sorted(java.util.Comparator.comparingInt(EnvironmentView::position)).map(EnvironmentView::name).toList();
    }

    private static Map<String, String> details(Registry registry) {
        return Map.of("address", registry.address(), "insecure", Boolean.toString(registry.insecure()));
    }
}
