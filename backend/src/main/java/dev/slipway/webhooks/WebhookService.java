package dev.slipway.webhooks;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppView;
import dev.slipway.audit.AuditLog;
import dev.slipway.builds.BuildService;
import dev.slipway.builds.BuildView;
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
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook secrets per app, and the deliveries: verified first, then read, stored with their outcome,
 * and turned into a build when they are a push to the app's branch.
 */
@Service
public class WebhookService {

    /** Bodies above this are refused unread; a push event is a few kilobytes, rarely more than 100. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The unique index that lets a delivery id through once (V6). */
    private static final String ONCE_INDEX = "webhook_deliveries_once";

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
    private final TransactionTemplate transactions;
    private final Clock clock;

    WebhookService(AppWebhookRepository webhooks, WebhookDeliveryRepository deliveries, AppService apps,
                   TeamAccess access, BuildService builds, Envelopes envelopes, AuditLog audit,
                   PlatformTransactionManager transactionManager, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.apps = apps;
        this.access = access;
        this.builds = builds;
        this.envelopes = envelopes;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
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
     * delivery is stored with the reason and nothing else.
     *
     * @param header the request's headers by name
     * @throws NotFoundException when there is no such app
     */
    public Receipt receive(WebhookProvider provider, String appName, Function<String, @Nullable String> header,
                           byte[] body) {
        Instant now = clock.instant();
        String event = Optional.ofNullable(header.apply(provider.eventHeader())).orElse("unknown");
        String deliveryId = header.apply(provider.deliveryHeader());
        AtomicReference<@Nullable AppRef> found = new AtomicReference<>();
        try {
            // one transaction from lookup to stored delivery: at a few hundred deliveries a second the
            // round trips to the database are most of what the sender waits for
            return Objects.requireNonNull(transactions.execute(status -> {
                AppRef app = apps.refByName(appName).orElseThrow(() -> new NotFoundException("There is no app '"
                        + appName + "'. The hook's URL ends with the app's name as Slipway shows it."));
                found.set(app);
                return handle(app, provider, deliveryId, event, header, body, now);
            }));
        } catch (DataIntegrityViolationException seenBefore) {
            if (!String.valueOf(seenBefore.getMostSpecificCause().getMessage()).contains(ONCE_INDEX)) {
                throw seenBefore;
            }
            // the unique index on the delivery id refused the row, and the transaction took any build it
            // had queued with it: a redelivery (or two copies racing) is recorded, and built at most once
            AppRef app = Objects.requireNonNull(found.get());
            store(app, provider, deliveryId, event, null, DeliveryOutcome.DUPLICATE,
                    "delivery " + deliveryId + " was received before", null, now);
            return new Receipt(202, DeliveryOutcome.DUPLICATE, "Delivery " + deliveryId + " was already received;"
                    + " it is not built again.", null);
        }
    }

    private Receipt handle(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                           Function<String, @Nullable String> header, byte[] body, Instant now) {
        Optional<String> secret = webhooks.findById(app.id()).map(w -> envelopes.open(w.secretId()));
        if (secret.isEmpty()) {
            return refuse(app, provider, deliveryId, event, now, "the app has no webhook secret; a maintainer generates"
                    + " one on the app's page and sets it in the provider's hook");
        }
        Optional<String> forged = Signatures.problem(provider, header, body, secret.get());
        if (forged.isPresent()) {
            return refuse(app, provider, deliveryId, event, now, forged.get());
        }
        if (event.equalsIgnoreCase("ping")) {
            store(app, provider, deliveryId, event, null, DeliveryOutcome.PING, "hook works", null, now);
            return new Receipt(200, DeliveryOutcome.PING, "Slipway received the ping for " + app.name() + ".", null);
        }
        Optional<PushEvent> push = PushEvent.parse(provider, body);
        if (push.isEmpty()) {
            return accepted(app, provider, deliveryId, event, null, DeliveryOutcome.IGNORED,
                    "not a push event; Slipway builds on pushes only", now);
        }
        PushEvent pushed = push.get();
        AppView target = apps.view(app.id());
        if (target.repositoryUrl() == null || !pushed.isFor(target.repositoryUrl())) {
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.NO_MATCHING_APP,
                    "no matching app: the push is for " + String.join(" / ", pushed.repositoryUrls()) + ", but " + app.name()
                            + " builds " + target.repositoryUrl(), now);
        }
        Optional<String> branch = pushed.branch();
        if (branch.isEmpty() || pushed.deletesTheBranch() || !branch.get().equals(target.branch())) {
            String why = branch.isEmpty() ? pushed.ref() + " is not a branch"
                    : pushed.deletesTheBranch() ? "the branch was deleted"
                    : "branch " + branch.get() + " is not built; " + app.name() + " builds " + target.branch();
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.IGNORED, why, now);
        }
        Optional<String> unavailable = builds.unavailableBecause();
        if (unavailable.isPresent()) {
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.NOT_BUILT, unavailable.get(), now);
        }
        // the build and the delivery go in together: if the delivery id was seen before, neither stays
        BuildView build = builds.startForWebhook(app, branch.get(), String.valueOf(pushed.commit()), provider.path());
        store(app, provider, deliveryId, event, pushed, DeliveryOutcome.BUILD_QUEUED, "build #" + build.number() + " queued",
                build.number(), now);
        return new Receipt(202, DeliveryOutcome.BUILD_QUEUED, "Build #" + build.number() + " of " + app.name()
                + " queued for " + pushed.commit() + ".", build.number());
    }

    private Receipt accepted(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                             @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, Instant now) {
        store(app, provider, deliveryId, event, pushed, outcome, why, null, now);
        return new Receipt(202, outcome, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".", null);
    }

    private Receipt refuse(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event, Instant now,
                           String why) {
        store(app, provider, deliveryId, event, null, DeliveryOutcome.REFUSED, why, null, now);
        return new Receipt(401, DeliveryOutcome.REFUSED, "Refused: " + why + ".", null);
    }

    private void store(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                       @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, @Nullable Integer build,
                       Instant now) {
        // joins the caller's transaction, or runs in its own for the duplicate record
        transactions.executeWithoutResult(status -> deliveries.saveAndFlush(new WebhookDelivery(app.id(), provider,
                deliveryId, event, pushed == null ? null : first(pushed), pushed == null ? null : pushed.ref(),
                pushed == null ? null : pushed.commit(), outcome, why, build, now)));
    }

    private static @Nullable String first(PushEvent pushed) {
        return pushed.repositoryUrls().isEmpty() ? null : pushed.repositoryUrls().getFirst();
    }
}
