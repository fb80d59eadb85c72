package dev.slipway.webhooks;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.GitTarget;
import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRole;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook secrets per app, and the deliveries: verified first, then read, stored with their outcome and
 * request, turned into a build when they are a push to the app's branch, and processed again on request.
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
     *
     * @param delivery the id of the row that records it
     */
    public record Receipt(int status, DeliveryOutcome outcome, String message, @Nullable Integer build,
                          long delivery) {
    }

    private final AppWebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final AppService apps;
    private final TeamAccess access;
    private final Envelopes envelopes;
    private final AuditLog audit;
    private final WebhookStore store;
    private final DeliveryHandling handling;
    private final Clock clock;
    private final Map<UUID, String> openedSecrets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > KEPT_SECRETS;
        }
    };

    WebhookService(AppWebhookRepository webhooks, WebhookDeliveryRepository deliveries, AppService apps,
                   TeamAccess access, Envelopes envelopes, AuditLog audit, WebhookStore store,
                   DeliveryHandling handling, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.apps = apps;
        this.access = access;
        this.envelopes = envelopes;
        this.audit = audit;
        this.store = store;
        this.handling = handling;
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
     * delivery is stored with the reason and its headers, never its body. Then the event header decides:
     * a push to the app's branch is stored as pending and answered at once ({@link PendingPushes} queues
     * its build a moment later, so the provider never waits on the build queue); any other event is
     * recorded as ignored.
     *
     * @param headers the request's headers
     * @param body    the raw body, form or JSON, as received
     * @throws NotFoundException when there is no such app
     */
    public Receipt receive(WebhookProvider provider, String appName, HttpHeaders headers, byte[] body) {
        Instant now = clock.instant();
        GitTarget target = apps.gitTargetByName(appName).orElseThrow(() -> new NotFoundException("There is no app '"
                + appName + "'. The hook's URL ends with the app's name as Slipway shows it."));
        WebhookRequest request = new WebhookRequest(headers, body);
        DeliveryHandling.Delivery delivery = handling.arrived(target.app(), provider, request, now);
        Optional<String> secret = secretOf(target.app().id());
        if (secret.isEmpty()) {
            return delivery.refuse("the app has no webhook secret; a maintainer generates one on the app's page and"
                    + " sets it in the provider's hook");
        }
        Optional<String> forged = Signatures.problem(provider, request, secret.get());
        if (forged.isPresent()) {
            return delivery.refuse(forged.get());
        }
        return handling.process(delivery, target, request);
    }

    /** The app's deliveries, newest first, a page at a time; VIEWERs may look. */
    @Transactional(readOnly = true)
    public Page<DeliveryView> deliveries(Actor actor, String appName, Pageable pageable) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return deliveries.findByAppIdOrderByIdDesc(app.id(), PageRequest.of(pageable.getPageNumber(),
                pageable.getPageSize())).map(WebhookDelivery::toView);
    }

    /**
     * One delivery with its request: headers (signatures and tokens redacted), body, outcome, and whether
     * the user may redeliver it. VIEWERs may look.
     *
     * @throws NotFoundException when the app has no such delivery
     */
    @Transactional(readOnly = true)
    public DeliveryDetail delivery(Actor actor, String appName, long id) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        WebhookDelivery delivery = load(app, id);
        Optional<WebhookStore.KeptRequest> kept = store.request(id);
        byte @Nullable [] body = kept.map(WebhookStore.KeptRequest::body).orElse(null);
        String document = null;
        if (body != null) {
            WebhookRequest request = new WebhookRequest(StoredRequests.headers(StoredRequests.fromJson(
                    kept.get().headers())), body);
            document = request.document().map(StoredRequests::pretty).orElse(null);
        }
        String missing = kept.isEmpty() ? "Slipway keeps the request of each app's newest " + WebhookStore.KEPT_REQUESTS
                + " deliveries (and of its newest refused ones apart); this one's was dropped, or came before Slipway"
                + " kept requests. Its outcome stays."
                : body == null ? "The body of a refused delivery is not kept: nothing an unverified sender wrote is"
                + " stored." : null;
        Optional<String> blocked = redeliverBlockedBecause(app, delivery, kept);
        boolean developer = access.roleOf(actor, app.teamId()).filter(r -> r.includes(TeamRole.DEVELOPER)).isPresent();
        return new DeliveryDetail(delivery.toView(), kept.map(k -> StoredRequests.fromJson(k.headers())).orElse(List.of()),
                body == null ? null : new String(body, StandardCharsets.UTF_8), document, delivery.bodySize(), missing,
                developer && blocked.isEmpty(), blocked.orElse(null));
    }

    /**
     * Processes a stored delivery again, as the provider's own "Redeliver" would: a new delivery that
     * names the one it repeats and gets the outcome the delivery gets now (it may build). The role is the
     * one that starts builds (DEVELOPER), since that is all a redelivery can lead to.
     *
     * <p>Only a delivery that passed verification with the app's current secret is processed again: its
     * body is trusted because the provider signed it, and a refused one was sent by anyone. A redelivery
     * reads nothing but what was stored, so a team member cannot make Slipway process a body of their
     * own; what it can lead to (a build of a commit pushed to the app's branch) is what that member may
     * start anyway, and each one is audited with its delivery and who asked.
     *
     * @throws ConflictException when the delivery was refused, its request is no longer kept, or the
     *                           secret that verified it has been rotated since
     */
    @Transactional
    public Redelivery redeliver(Actor actor, String appName, long id) {
        AppRef app = apps.resolve(actor, appName, TeamRole.DEVELOPER, "redeliver webhook deliveries");
        WebhookDelivery original = load(app, id);
        Optional<WebhookStore.KeptRequest> kept = store.request(id);
        redeliverBlockedBecause(app, original, kept).ifPresent(why -> {
            throw new ConflictException(why);
        });
        GitTarget target = apps.gitTargetByName(app.name()).orElseThrow();
        WebhookRequest request = new WebhookRequest(StoredRequests.headers(StoredRequests.fromJson(kept.get().headers())),
                Objects.requireNonNull(kept.get().body()));
        Receipt receipt = handling.process(handling.redelivery(app, original.provider(), request, clock.instant(), id,
                actor.username()), target, request);
        audit.record(actor, "webhook.redelivered", "app", app.name(), app.team(), Map.of("delivery", "#" + id,
                "redelivery", "#" + receipt.delivery(), "outcome", receipt.outcome().name()));
        DeliveryView made = deliveries.findById(receipt.delivery()).map(WebhookDelivery::toView).orElseThrow();
        return new Redelivery(made, receipt.message());
    }

    /** Why nobody may redeliver this delivery, or empty when it can be. */
    private Optional<String> redeliverBlockedBecause(AppRef app, WebhookDelivery delivery,
                                                     Optional<WebhookStore.KeptRequest> kept) {
        if (delivery.outcome() == DeliveryOutcome.REFUSED) {
            return Optional.of("Delivery #" + delivery.id() + " was refused (" + delivery.reason() + "), so Slipway never"
                    + " trusted its body and will not process it. Fix the secret in the provider's hook, then use the"
                    + " provider's own Redeliver, which signs the delivery again.");
        }
        if (kept.isEmpty() || kept.get().body() == null) {
            return Optional.of("Slipway no longer keeps the request of delivery #" + delivery.id() + " (it keeps the"
                    + " newest " + WebhookStore.KEPT_REQUESTS + " per app). Redeliver it from the provider's delivery"
                    + " log instead, or push again.");
        }
        Optional<AppWebhook> secret = webhooks.findById(app.id());
        if (secret.isEmpty() || secret.get().createdAt().isAfter(delivery.receivedAt())) {
            return Optional.of("Delivery #" + delivery.id() + " was verified with a webhook secret that has been"
                    + " rotated since, so Slipway no longer vouches for it. Redeliver it from the provider, which signs"
                    + " it with the current secret.");
        }
        return Optional.empty();
    }

    private WebhookDelivery load(AppRef app, long id) {
        return deliveries.findByIdAndAppId(id, app.id()).orElseThrow(() -> new NotFoundException(app.name()
                + " has no webhook delivery #" + id + ". The app's webhook section lists its deliveries."));
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
}
