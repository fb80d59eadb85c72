package dev.slipway.releases;

import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes and finds releases. Authorization is the caller's job: releases are made only by the deploy
 * feature, which checks the user's role first.
 */
@Service
public class ReleaseService {

    private final ReleaseRepository releases;
    private final EnvironmentReleaseRepository running;
    private final Clock clock;

    ReleaseService(ReleaseRepository releases, EnvironmentReleaseRepository running, Clock clock) {
        this.releases = releases;
        this.running = running;
        this.clock = clock;
    }

    /** Makes the next release of an app in an environment. */
    @Transactional
    public ReleaseView create(long appId, long environmentId, String image, ReleaseSettings settings,
                              @Nullable Long configVersionId, SandboxBehaviour sandboxBehaviour,
                              @Nullable Integer rollbackOf, String createdBy) {
        int number = releases.lastNumber(appId, environmentId) + 1;
        try {
            return releases.saveAndFlush(new Release(appId, environmentId, number, image, settings, configVersionId,
                    sandboxBehaviour, rollbackOf, createdBy, clock.instant())).toView();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Someone else deployed to this environment at the same moment. Look at the"
                    + " release history and deploy again if you still want to.", e);
        }
    }

    @Transactional(readOnly = true)
    public ReleaseView get(long releaseId) {
        return releases.findById(releaseId).map(Release::toView)
                .orElseThrow(() -> new NotFoundException("There is no release with id " + releaseId + "."));
    }

    @Transactional(readOnly = true)
    public ReleaseView get(long appId, long environmentId, int number) {
        return releases.findByAppIdAndEnvironmentIdAndNumber(appId, environmentId, number).map(Release::toView)
                .orElseThrow(() -> new NotFoundException("There is no release v" + number + " in this environment."));
    }

    /** Every release of the app in the environment, newest first. */
    @Transactional(readOnly = true)
    public List<ReleaseView> history(long appId, long environmentId) {
        return releases.findByAppIdAndEnvironmentIdOrderByNumberDesc(appId, environmentId).stream()
                .map(Release::toView).toList();
    }

    /** What the app runs in the environment, if a rollout ever finished there. */
    @Transactional(readOnly = true)
    public Optional<RunningRelease> running(long appId, long environmentId) {
        return running.findById(new EnvironmentRelease.Key(appId, environmentId))
                .map(r -> new RunningRelease(get(r.stableReleaseId()), r.since(), r.slot()));
    }

    /** Every release that some environment runs, for work that concerns all of them. */
    @Transactional(readOnly = true)
    public List<ReleaseView> allRunning() {
        return running.findAll().stream().map(r -> get(r.stableReleaseId())).toList();
    }

    /** Records that a rollout finished: the environment now runs this release. */
    @Transactional
    public void markRunning(ReleaseView release) {
        markRunning(release, null);
    }

    /** The release serves from this blue-green slot now; null when the app runs in one Deployment. */
    @Transactional
    public void markRunning(ReleaseView release, @Nullable String slot) {
        running.findById(new EnvironmentRelease.Key(release.appId(), release.environmentId()))
                .ifPresentOrElse(r -> r.runs(release.id(), slot, clock.instant()),
                        () -> running.save(new EnvironmentRelease(release.appId(), release.environmentId(), release.id(),
                                slot, clock.instant())));
    }

    /** Forgets what runs in the environment, after the app was removed from it. */
    @Transactional
    public void markRemoved(long appId, long environmentId) {
        running.deleteById(new EnvironmentRelease.Key(appId, environmentId));
    }
}
