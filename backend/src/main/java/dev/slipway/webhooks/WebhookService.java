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
    private final TransactionTemplate readOnly;
    private final Clock clock;

    /** What a delivery is checked against. Holds the opened secret only for the request's duration. */
    private record Target(AppRef app, @Nullable String secret, @Nullable String repositoryUrl, @Nullable String branch) {

        @Override
        public String toString() {
            return "Target[" + app.name() + "]";
        }
    }

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
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
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
        // everything the delivery is checked against, read in one short transaction: at a few hundred
        // deliveries a second the number of round trips to the database is what the sender waits for
        Target target = Objects.requireNonNull(readOnly.execute(status -> {
            AppRef found = apps.refByName(appName).orElseThrow(() -> new NotFoundException("There is no app '" + appName
                    + "'. The hook's URL ends with the app's name as Slipway shows it."));
            AppView view = apps.view(found.id());
            return new Target(found, webhooks.findById(found.id()).map(w -> envelopes.open(w.secretId())).orElse(null),
                    view.repositoryUrl(), view.branch());
        }));
        AppRef app = target.app();
        Instant now = clock.instant();
        String event = Optional.ofNullable(header.apply(provider.eventHeader())).orElse("unknown");
        String deliveryId = header.apply(provider.deliveryHeader());
        Optional<String> secret = Optional.ofNullable(target.secret());
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
                    "not a push event; Slipway builds on pushes only", null, now);
        }
        PushEvent pushed = push.get();
        if (target.repositoryUrl() == null || !pushed.isFor(target.repositoryUrl())) {
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.NO_MATCHING_APP,
                    "no matching app: the push is for " + String.join(" / ", pushed.repositoryUrls()) + ", but " + app.name()
                            + " builds " + target.repositoryUrl(), null, now);
        }
        Optional<String> branch = pushed.branch();
        if (branch.isEmpty() || pushed.deletesTheBranch() || !branch.get().equals(target.branch())) {
            String why = branch.isEmpty() ? pushed.ref() + " is not a branch"
                    : pushed.deletesTheBranch() ? "the branch was deleted"
                    : "branch " + branch.get() + " is not built; " + app.name() + " builds " + target.branch();
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.IGNORED, why, null, now);
        }
        return build(app, provider, deliveryId, event, pushed, branch.get(), now);
    }

    /**
     * Claims the delivery id and queues the build in one transaction, so two copies of one delivery
     * arriving together build once: the second insert trips the unique index and its build goes with it.
     */
    private Receipt build(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                          PushEvent pushed, String branch, Instant now) {
        Optional<String> unavailable = builds.unavailableBecause();
        if (unavailable.isPresent()) {
            return accepted(app, provider, deliveryId, event, pushed, DeliveryOutcome.NOT_BUILT, unavailable.get(), null,
                    now);
        }
        try {
            return transactions.execute(status -> {
                BuildView build = builds.startForWebhook(app.id(), branch, String.valueOf(pushed.commit()), provider.path());
                deliveries.saveAndFlush(new WebhookDelivery(app.id(), provider, deliveryId, event, first(pushed),
                        pushed.ref(), pushed.commit(), DeliveryOutcome.BUILD_QUEUED, "build #" + build.number() + " queued",
                        build.number(), now));
                return new Receipt(202, DeliveryOutcome.BUILD_QUEUED, "Build #" + build.number() + " of " + app.name()
                        + " queued for " + pushed.commit() + ".", build.number());
            });
        } catch (DataIntegrityViolationException seenBefore) {
            store(app, provider, deliveryId, event, pushed, DeliveryOutcome.DUPLICATE,
                    "delivery " + deliveryId + " was received before", null, now);
            return new Receipt(202, DeliveryOutcome.DUPLICATE, "Delivery " + deliveryId + " was already received;"
                    + " it is not built again.", null);
        }
    }

    private Receipt accepted(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                             @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, @Nullable Integer build,
                             Instant now) {
        try {
            store(app, provider, deliveryId, event, pushed, outcome, why, build, now);
        } catch (DataIntegrityViolationException seenBefore) {
            store(app, provider, deliveryId, event, pushed, DeliveryOutcome.DUPLICATE,
                    "delivery " + deliveryId + " was received before", null, now);
            return new Receipt(202, DeliveryOutcome.DUPLICATE, "Delivery " + deliveryId + " was already received.", null);
        }
        return new Receipt(202, outcome, Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".", build);
    }

    private Receipt refuse(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event, Instant now,
                           String why) {
        store(app, provider, deliveryId, event, null, DeliveryOutcome.REFUSED, why, null, now);
        return new Receipt(401, DeliveryOutcome.REFUSED, "Refused: " + why + ".", null);
    }

    private void store(AppRef app, WebhookProvider provider, @Nullable String deliveryId, String event,
                       @Nullable PushEvent pushed, DeliveryOutcome outcome, String why, @Nullable Integer build,
                       Instant now) {
        transactions.executeWithoutResult(status -> deliveries.saveAndFlush(new WebhookDelivery(app.id(), provider,
                deliveryId, event, pushed == null ? null : first(pushed), pushed == null ? null : pushed.ref(),
                pushed == null ? null : pushed.commit(), outcome, why, build, now)));
    }

    private static @Nullable String first(PushEvent pushed) {
        return pushed.repositoryUrls().isEmpty() ? null : pushed.repositoryUrls().getFirst();
    }
}
