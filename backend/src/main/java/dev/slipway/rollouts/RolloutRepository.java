package dev.slipway.rollouts;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RolloutRepository extends JpaRepository<Rollout, Long> {

    /**
     * Locks the rollout for one reconcile pass, or finds nothing when another engine holds the lock:
     * SKIP LOCKED makes the second engine move on instead of waiting to repeat what the first is doing.
     */
    @Query(value = "select * from rollouts where id = :id for update skip locked", nativeQuery = true)
    Optional<Rollout> lockForPass(long id);

    /**
     * The rollout in flight for an app and environment, locked for a user's command: waits for a running
     * pass to commit, then reads the row as that pass left it. Call it before anything else in the
     * transaction loads the rollout, or the stale copy already loaded would be used.
     */
    @Query(value = """
            select * from rollouts
            where app_id = :appId and environment_id = :environmentId
              and phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK')
            for update""", nativeQuery = true)
    Optional<Rollout> lockActive(long appId, long environmentId);

    @Query(value = """
            select * from rollouts
            where app_id = :appId and environment_id = :environmentId
              and phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK')""", nativeQuery = true)
    Optional<Rollout> findActive(long appId, long environmentId);

    @Query(value = "select id from rollouts where phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK')", nativeQuery = true)
    List<Long> findActiveIds();

    /** The rollout in flight for an app and environment named as in the labels of cluster objects. */
    @Query(value = """
            select r.id from rollouts r
              join apps a on a.id = r.app_id
              join environments e on e.id = r.environment_id
            where a.name = :app and e.name = :environment
              and r.phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK')""", nativeQuery = true)
    Optional<Long> findActiveId(String app, String environment);

    Optional<Rollout> findFirstByAppIdAndEnvironmentIdOrderByIdDesc(long appId, long environmentId);

    List<Rollout> findByAppIdAndEnvironmentIdOrderByIdDesc(long appId, long environmentId);
}
