package dev.slipway.webhooks;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.GitTarget;
import dev.slipway.audit.AuditLog;
import dev.slipway.builds.BuildService;
import dev.slipway.encryption.Envelopes;
import dev.slipway.shared.Actor;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook secrets per app, and the deliveries: verified first, then read, stored with their outcome,
 * and turned into a build when they are a push to the app's branch.
 */
@Service
public class WebhookService {

    /** Bodies above this are refused unread; a push event is a few kilobytes, rarely more than 100. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many opened secrets are kept: one per app that receives deliveries. */
    private static final int KEPT_SECRETS = 1000;

    /**
     * The answer to a delivery: HTTP status, outcome and a sentence a developer looking at the provider's
     * delivery log can act on.
     */
    public record Receipt(int status, DeliveryOutcome outcome, String message, @Nullable Integer build) {
    }

    private final AppWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final AppService apps;
    private final TeamAccess access;
    private final BuildService builds;
    private final Envelopes envelopes;
    private final AuditLog audit;
    private final WebhookStore store;
    private final PendingPushes pending;
    private final Clock clock;
    private final Map<UUID, String> openedSecrets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > KEPT_SECRETS;
        }
    };

    WebhookService(AppWebhookRepository webhooks, WebhookDeliveryRepository deliveries, AppService apps,
                   TeamAccess access, BuildService builds, Envelopes envelopes, AuditLog audit, WebhookStore store,
                   PendingPushes pending, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.apps = apps;
        this.access = access;
        this.builds = builds;
        this.envelopes = envelopes;
        this.audit = audit;
        this.store = store;
        this.pending = pending;
        this.clock = clock;
    }

    /** Where to point the provider, whether a secret is set, and the recent deliveries; VIEWERs may look. */
    @Transactional(readOnly = true)
    public WebhookInfo info(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        Map<String, String> paths = new LinkedHashMap<>();
        for (WebhookProvider provider : WebhookProvider.values()) {
            paths.put(provider.path(), "/hooks/" + provider.path() + "/" + app.name());
        }
        Optional<AppWebhook> webhook = webhooks.findById(app.id());
        boolean canChange = access.roleOf(actor, app.teamId()).filter(r -> r.includes(TeamRole.MAINTAINER)).isPresent();
        return new WebhookInfo(app.name(), paths, webhook.isPresent(), webhook.map(AppWebhook::createdBy).orElse(null),
                webhook.map(AppWebhook::createdAt).orElse(null), canChange,
                deliveries.findTop50ByAppIdOrderByIdDesc(app.id()).stream().map(WebhookDelivery::toView).toList());
    }

    /**
     * Makes a new secret for the app's webhooks, replacing the old one at once, and returns it: this is
     * the only time it is shown. MAINTAINERs only, since it decides who may trigger builds.
     */
    @Transactional
    public String rotateSecret(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "set the webhook secret");
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        UUID sealed = envelopes.seal(secret);
        Optional<AppWebhook> existing = webhooks.findById(app.id());
        if (existing.isPresent()) {
            UUID old = existing.get().replaceSecret(sealed, actor.username(), clock.instant());
            webhooks.flush(); // the row points at the new value before the old one goes
            envelopes.delete(old);
        } else {
            webhooks.save(new AppWebhook(app.id(), sealed, actor.username(), clock.instant()));
        }
        audit.record(actor, existing.isPresent() ? "webhook.secret-rotated" : "webhook.secret-created", "app", app.name(),
                app.team(), Map.of());
        return secret;
    }

    /**
     * Handles one delivery. Nothing in the body is read before the signature is checked; a refused
     * delivery is stored with the reason and nothing else. A push to the app's branch is stored as
     * pending and answered at once; {@link PendingPushes} queues its build a moment later, so the
     * provider never waits on the build queue.
     *
     * @param header the request's headers by name
     * @throws NotFoundException when there is no such app
     */
    public Receipt receive(WebhookProvider provider, String appName, Function<String, @Nullable String> header,
                           byte[] body) {
        Instant now = clock.instant();
        String event = Optional.ofNullable(header.apply(provider.eventHeader())).orElse("unknown");
        String deliveryId = header.apply(provider.deliveryHeader());
        GitTarget target = apps.gitTargetByName(appName).orElseThrow(() -> new NotFoundException("There is no app '"
                + appName + "'. The hook's URL ends with the app's name as Slipway shows it."));
        Delivery delivery = new Delivery(target.app(), provider, deliveryId, event, now);
        Optional<String> secret = secretOf(target.app().id());
        if (secret.isEmpty()) {
            return delivery.refuse("the app has no webhook secret; a maintainer generates one on the app's page and"
                    + " sets it in the provider's hook");
        }
        Optional<String> forged = Signatures.problem(provider, header, body, secret.get());
        if (forged.isPresent()) {
            return delivery.refuse(forged.get());
        }
        if (event.equalsIgnoreCase("ping")) {
            return delivery.answer(200, null, DeliveryOutcome.PING, "hook works", "Slipway received the ping for "
                    + target.app().name() + ".");
        }
        Optional<PushEvent> push = PushEvent.parse(provider, body);
        if (push.isEmpty()) {
            return delivery.accept(null, DeliveryOutcome.IGNORED, "not a push event; Slipway builds on pushes only");
        }
        PushEvent pushed = push.get();
        if (target.repositoryUrl() == null || target.branch() == null) {
            return delivery.accept(pushed, DeliveryOutcome.NO_MATCHING_APP, "no matching app: "
                    + target.app().name() + " deploys images built elsewhere and has no repository to build");
        }
        if (!pushed.isFor(target.repositoryUrl())) {
            return delivery.accept(pushed, DeliveryOutcome.NO_MATCHING_APP, "no matching app: the push is for "
                    + String.join(" / ", pushed.repositoryUrls()) + ", but " + target.app().name() + " builds "
                    + target.repositoryUrl());
        }
        Optional<String> branch = pushed.branch();
        if (branch.isEmpty() || pushed.deletesTheBranch() || !branch.get().equals(target.branch())) {
            String why = branch.isEmpty() ? pushed.ref() + " is not a branch"
                    : pushed.deletesTheBranch() ? "the branch was deleted"
                    : "branch " + branch.get() + " is not built; " + target.app().name() + " builds " + target.branch();
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, why);
        }
        if (!String.valueOf(pushed.commit()).matches("[0-9a-f]{40}")) {
            return delivery.accept(pushed, DeliveryOutcome.IGNORED, "commit " + pushed.commit() + " is not a SHA-1"
                    + " commit id, which is what Slipway builds");
        }
        Optional<String> unavailable = builds.unavailableBecause();
        if (unavailable.isPresent()) {
            return delivery.accept(pushed, DeliveryOutcome.NOT_BUILT, unavailable.get());
        }
        Receipt receipt = delivery.answer(202, pushed, DeliveryOutcome.BUILD_PENDING, "build pending", "Push of "
                + pushed.commit() + " to " + branch.get() + " received; Slipway queues its build in a moment. The app's"
                + " webhook deliveries show the build's number.");
        if (receipt.outcome() == DeliveryOutcome.BUILD_PENDING) {
            pending.wake();
        }
        return receipt;
    }

    private Optional<String> secretOf(long appId) {
        try {
            return store.secretOf(appId).map(this::open);
        } catch (IllegalStateException rotatedMeanwhile) {
            // the secret was rotated between reading its id and opening it, and the old value is gone
            return store.secretOf(appId).map(this::open);
        }
    }

    /** Sealed values never change under their id (a rotation makes a new one), so an opened one can be kept. */
    private String open(UUID sealed) {
        synchronized (openedSecrets) {
            String known = openedSecrets.get(sealed);
            if (known != null) {
                return known;
            }
        }
        String opened = envelopes.open(sealed);
        synchronized (openedSecrets) {
            openedSecrets.put(sealed, opened);
        }
        return opened;
    }

    /** One delivery being answered: each answer is stored once, or turns into a duplicate's. */
    private final class Delivery {
        private final AppRef app;
        private final WebhookProvider provider;
        private final @Nullable String id;
        private final String event;
        private final Instant receivedAt;

        Delivery(AppRef app, WebhookProvider provider, @Nullable String id, String event, Instant receivedAt) {
            this.app = app;
            this.provider = provider;
            this.id = id;
            this.event = event;
            this.receivedAt = receivedAt;
        }

        Receipt refuse(String why) {
            // a refusal never counts as the delivery's one time (the unique index leaves it out), so a
            // redelivery after the secret is fixed goes through
            store(null, DeliveryOutcome.REFUSED, why);
            return new Receipt(401, DeliveryOutcome.REFUSED, "Refused: " + why + ".", null);
        }

        Receipt accept(@Nullable PushEvent pushed, DeliveryOutcome outcome, String why) {
            return answer(202, pushed, outcome, why, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
        }

        Receipt answer(int status, @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, String message) {
            if (store(pushed, outcome, why)) {
                return new Receipt(status, outcome, message, null);
            }
            store(pushed, DeliveryOutcome.DUPLICATE, "delivery " + id + " was received before");
            return new Receipt(202, DeliveryOutcome.DUPLICATE, "Delivery " + id + " was already received;"
                    + " it is not processed again.", null);
        }

        private boolean store(@Nullable PushEvent pushed, DeliveryOutcome outcome, String why) {
            return WebhookService.this.store.storeOnce(app.id(), provider, id, event, pushed == null ? null : first(pushed),
                    pushed == null ? null : pushed.ref(), pushed == null ? null : pushed.commit(), outcome, why, receivedAt);
        }
    }

    private static @Nullable String first(PushEvent pushed) {
        return pushed.repositoryUrls().isEmpty() ? null : pushed.repositoryUrls().getFirst();
    }
}
