package dev.slipway.builds;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRole;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ssh deploy keys, one per app, made by Slipway as Argo CD and Devtron users expect of a platform: the
 * team adds the public half to the repository with read access, and the private half never leaves
 * Slipway (sealed, not shown, not exported). Making a new one replaces the old at once.
 */
@Service
public class DeployKeyService {

    private final DeployKeyRepository keys;
    private final Envelopes envelopes;
    private final AppService apps;
    private final TeamAccess access;
    private final AuditLog audit;
    private final Clock clock;

    DeployKeyService(DeployKeyRepository keys, Envelopes envelopes, AppService apps, TeamAccess access, AuditLog audit,
                     Clock clock) {
        this.keys = keys;
        this.envelopes = envelopes;
        this.apps = apps;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The public half and the remembered host key; the team's VIEWERs may look. */
    @Transactional(readOnly = true)
    public DeployKeyView view(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return view(actor, app);
    }

    /** Makes a new key pair for the app, replacing any old one, and returns its public half. MAINTAINERs only. */
    @Transactional
    public DeployKeyView generate(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "make a deploy key");
        KeyPair pair = SshKeys.generate();
        String publicKey = SshKeys.openSsh(pair.getPublic(), "slipway-" + app.name());
        UUID sealed = envelopes.seal(SshKeys.serialize(pair));
        Optional<DeployKey> existing = keys.findById(app.id());
        if (existing.isPresent()) {
            UUID old = existing.get().replace(sealed, publicKey, actor.username(), clock.instant());
            keys.flush(); // the row points at the new pair before the old one goes
            envelopes.delete(old);
        } else {
            keys.save(new DeployKey(app.id(), sealed, publicKey, actor.username(), clock.instant()));
        }
        audit.record(actor, existing.isPresent() ? "app.deploy-key-replaced" : "app.deploy-key-created", "app",
                app.name(), app.team(), Map.of("fingerprint", SshKeys.fingerprint(pair.getPublic())));
        return view(actor, app);
    }

    /** Removes the key pair (and the remembered host key); ssh fetches fail until a new one is made. */
    @Transactional
    public DeployKeyView remove(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "remove the deploy key");
        keys.findById(app.id()).ifPresent(key -> {
            keys.delete(key);
            keys.flush();
            envelopes.delete(key.keyId());
            audit.record(actor, "app.deploy-key-removed", "app", app.name(), app.team(), Map.of());
        });
        return view(actor, app);
    }

    /**
     * Forgets the git server's host key, for when the server was really re-keyed: the next fetch trusts
     * and remembers the key it is offered. MAINTAINERs only, since it lowers a guard.
     */
    @Transactional
    public DeployKeyView forgetHostKey(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "clear the remembered host key");
        keys.findById(app.id()).filter(key -> key.hostKey() != null).ifPresent(key -> {
            audit.record(actor, "app.host-key-forgotten", "app", app.name(), app.team(),
                    Map.of("fingerprint", SshKeys.hostKeyFingerprint(String.valueOf(key.hostKey()))));
            key.rememberHostKey(null);
        });
        return view(actor, app);
    }

    /** The opened key pair and the remembered host key, for the runner's fetch; never for a user. */
    @Transactional(readOnly = true)
    Optional<GitCheckout.Access> sshAccess(long appId) {
        return keys.findById(appId).map(key -> new GitCheckout.Access(null,
                SshKeys.deserialize(envelopes.open(key.keyId())), key.hostKey()));
    }

    /**
     * Keeps the host key a fetch trusted: the first one from a server. A fetch never trusts a different key
     * from a server already remembered, so this only ever records a first sight.
     */
    @Transactional
    void rememberHostKey(long appId, @Nullable String hostKey) {
        if (hostKey != null) {
            keys.findById(appId).ifPresent(key -> key.rememberHostKey(hostKey));
        }
    }

    private DeployKeyView view(Actor actor, AppRef app) {
        boolean canChange = access.roleOf(actor, app.teamId()).filter(r -> r.includes(TeamRole.MAINTAINER)).isPresent();
        return keys.findById(app.id())
                .map(key -> new DeployKeyView(key.publicKey(), SshKeys.fingerprint(key.publicKey()), key.createdBy(),
                        key.createdAt(), key.hostKey() == null ? null : SshKeys.hostKeyFingerprint(key.hostKey()), canChange))
                .orElse(new DeployKeyView(null, null, null, null, null, canChange));
    }
}
