package dev.slipway.promotions;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.audit.AuditLog;
import dev.slipway.builds.BuildService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseView;
import dev.slipway.releases.RunningRelease;
import dev.slipway.rollouts.DeployPreview;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRole;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotes what runs in one environment to a later one. The image travels; config and settings are the
 * target environment's own, which is the point of having environments. DEVELOPERs may ask; into a
 * protected environment the deploy happens only when a MAINTAINER other than the requester approves.
 */
@Service
public class PromotionService {

    private static final int MAX_COMMENT = 1000;

    private final PromotionRepository promotions;
    private final AppService apps;
    private final EnvironmentService environments;
    private final ReleaseService releases;
    private final DeployService deploys;
    private final BuildService builds;
    private final TeamAccess access;
    private final AuditLog audit;
    private final Clock clock;

    PromotionService(PromotionRepository promotions, AppService apps, EnvironmentService environments,
                     ReleaseService releases, DeployService deploys, BuildService builds, TeamAccess access,
                     AuditLog audit, Clock clock) {
        this.builds = builds;
        this.promotions = promotions;
        this.apps = apps;
        this.environments = environments;
        this.releases = releases;
        this.deploys = deploys;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What promoting would change in the target environment; the team's VIEWERs may look. */
    @Transactional(readOnly = true)
    public DeployPreview preview(Actor actor, String appName, String fromName, String toName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        ReleaseView source = source(app, environments.get(fromName), environments.get(toName));
        return deploys.preview(actor, appName, toName, new DeployRequest(builds.imageFor(source.image(), toName), null));
    }

    /**
     * Asks to run what runs in {@code from} in {@code to}. Into an unprotected environment it deploys at
     * once; into a protected one it waits for approval.
     */
    @Transactional
    public PromotionView promote(Actor actor, String appName, String fromName, String toName) {
        EnvironmentView from = environments.get(fromName);
        EnvironmentView to = environments.get(toName);
        AppRef app = apps.resolve(actor, appName, TeamRole.DEVELOPER, "promote releases");
        ReleaseView source = source(app, from, to);
        long toId = environments.idOf(toName);
        Instant now = clock.instant();
        // the same digest, from the registry the target environment's clusters pull from
        Promotion promotion = new Promotion(app.id(), source.environmentId(), toId, source.number(),
                builds.imageFor(source.image(), toName), actor.username(), now);
        if (!to.protectedEnvironment()) {
            RolloutView rollout = deploy(actor, app, from, to, promotion, source);
            promotion.decide(PromotionStatus.APPROVED, actor.username(), now, "no approval needed: " + toName
                    + " is not protected", rollout.release());
            promotions.save(promotion);
            auditDecision(actor, app, promotion, from, to, "promotion.deployed");
            return view(actor, app, promotion);
        }
        promotions.findByAppIdAndToEnvironmentIdAndStatus(app.id(), toId, PromotionStatus.PENDING).ifPresent(p -> {
            throw new ConflictException("A promotion of " + appName + " to " + toName + " (v" + p.sourceRelease()
                    + ", requested by " + p.requestedBy() + ") is already waiting for approval. Approve, reject or"
                    + " cancel it first.");
        });
        try {
            promotions.saveAndFlush(promotion);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Someone else asked to promote " + appName + " to " + toName + " at the same"
                    + " moment. Look at the pending promotions.", e);
        }
        auditDecision(actor, app, promotion, from, to, "promotion.requested");
        return view(actor, app, promotion);
    }

    /** Deploys a pending promotion. The approver must be a MAINTAINER and not the one who asked. */
    @Transactional
    public PromotionView approve(Actor actor, String appName, long promotionId, @Nullable String comment) {
        AppRef app = apps.resolve(actor, appName, TeamRole.MAINTAINER, "approve promotions");
        Promotion promotion = pending(app, promotionId);
        if (promotion.requestedBy().equals(actor.username())) {
            throw new ForbiddenException("You asked for this promotion, so you cannot approve it too: another"
                    + " MAINTAINER of team " + app.team() + " must.");
        }
        EnvironmentView from = environments.byId(promotion.fromEnvironmentId());
        EnvironmentView to = environments.byId(promotion.toEnvironmentId());
        ReleaseView source = releases.get(app.id(), promotion.fromEnvironmentId(), promotion.sourceRelease());
        RolloutView rollout = deploy(actor, app, from, to, promotion, source);
        promotion.decide(PromotionStatus.APPROVED, actor.username(), clock.instant(), comment(comment), rollout.release());
        auditDecision(actor, app, promotion, from, to, "promotion.approved");
        return view(actor, app, promotion);
    }

    /** Refuses a pending promotion (a MAINTAINER), or withdraws it (the requester). */
    @Transactional
    public PromotionView reject(Actor actor, String appName, long promotionId, @Nullable String comment) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        Promotion promotion = pending(app, promotionId);
        boolean requester = promotion.requestedBy().equals(actor.username());
        if (!requester) {
            apps.resolve(actor, appName, TeamRole.MAINTAINER, "reject promotions");
        }
        promotion.decide(requester ? PromotionStatus.CANCELLED : PromotionStatus.REJECTED, actor.username(),
                clock.instant(), comment(comment), null);
        auditDecision(actor, app, promotion, environments.byId(promotion.fromEnvironmentId()),
                environments.byId(promotion.toEnvironmentId()), requester ? "promotion.cancelled" : "promotion.rejected");
        return view(actor, app, promotion);
    }

    /** The app's promotions, newest first. */
    @Transactional(readOnly = true)
    public List<PromotionView> list(Actor actor, String appName) {
        AppRef app = apps.resolve(actor, appName, TeamRole.VIEWER, "see the app");
        return promotions.findTop50ByAppIdOrderByIdDesc(app.id()).stream().map(p -> view(actor, app, p)).toList();
    }

    private ReleaseView source(AppRef app, EnvironmentView from, EnvironmentView to) {
        if (to.position() <= from.position()) {
            throw new InvalidInputException("to", "promotions go to a later environment; " + to.name() + " does not come"
                    + " after " + from.name());
        }
        Optional<RunningRelease> running = releases.running(app.id(), environments.idOf(from.name()));
        return running.map(RunningRelease::release).orElseThrow(() -> new ConflictException("Nothing of " + app.name()
                + " runs in " + from.name() + " yet, so there is nothing to promote. Deploy there first."));
    }

    private RolloutView deploy(Actor actor, AppRef app, EnvironmentView from, EnvironmentView to, Promotion promotion,
                               ReleaseView source) {
        // a simulated failure travels with the release, so the sandbox shows what a bad promotion does
        SandboxBehaviour behaviour = to.simulated() ? source.sandboxBehaviour() : SandboxBehaviour.HEALTHY;
        String origin = "promoted from " + from.name() + " v" + promotion.sourceRelease() + ", requested by "
                + promotion.requestedBy() + (promotion.requestedBy().equals(actor.username()) ? ""
                : ", approved by " + actor.username());
        return deploys.deploy(actor, app.name(), to.name(), new DeployRequest(promotion.image(), behaviour), origin);
    }

    private Promotion pending(AppRef app, long promotionId) {
        Promotion promotion = promotions.findById(promotionId).filter(p -> p.appId() == app.id())
                .orElseThrow(() -> new NotFoundException("There is no promotion " + promotionId + " of " + app.name() + "."));
        if (promotion.status() != PromotionStatus.PENDING) {
            throw new ConflictException("Promotion " + promotionId + " was already " + promotion.status().name()
                    .toLowerCase() + " by " + promotion.decidedBy() + ".");
        }
        return promotion;
    }

    private static @Nullable String comment(@Nullable String comment) {
        String clean = Text.clean(comment);
        if (clean.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "is " + clean.length() + " characters; at most " + MAX_COMMENT
                    + " are allowed");
        }
        return clean.isEmpty() ? null : clean;
    }

    private void auditDecision(Actor actor, AppRef app, Promotion promotion, EnvironmentView from, EnvironmentView to,
                               String action) {
        audit.record(actor, action, "app", app.name(), app.team(), Map.of("from", from.name(), "to", to.name(),
                "release", "v" + promotion.sourceRelease(), "image", promotion.image()));
    }

    private PromotionView view(Actor actor, AppRef app, Promotion p) {
        boolean maintainer = access.roleOf(actor, app.teamId()).filter(r -> r.includes(TeamRole.MAINTAINER)).isPresent();
        boolean pending = p.status() == PromotionStatus.PENDING;
        boolean requester = p.requestedBy().equals(actor.username());
        return new PromotionView(p.id(), app.name(), environments.byId(p.fromEnvironmentId()).name(),
                environments.byId(p.toEnvironmentId()).name(), p.sourceRelease(), p.image(), p.status(), p.requestedBy(),
                p.requestedAt(), p.decidedBy(), p.decidedAt(), p.comment(), p.targetRelease(), pending && maintainer && !requester,
                pending && (maintainer || requester));
    }
}
