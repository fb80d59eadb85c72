package dev.slipway.builds;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;

interface BuildRepository extends JpaRepository<Build, Long> {

    @Query("select coalesce(max(b.number), 0) from Build b where b.appId = :appId")
    int lastNumber(long appId);

    List<Build> findTop50ByAppIdOrderByNumberDesc(long appId);

    Optional<Build> findByAppIdAndNumber(long appId, int number);

    List<Build> findByStatus(BuildStatus status);

    /** Running builds whose runner stopped touching them: their Slipway instance is gone. */
    List<Build> findByStatusAndHeartbeatAtBefore(BuildStatus status, java.time.Instant cutoff);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Build b set b.heartbeatAt = :at where b.id in :ids and b.status = dev.slipway.builds.BuildStatus.RUNNING")
    int touch(java.util.Collection<Long> ids, java.time.Instant at);

    long countByStatus(BuildStatus status);

    /**
     * The oldest queued build of an app that has none running, locked so that another Slipway instance
     * polling at the same moment skips it. FIFO per app: a newer build of the same app never overtakes.
     */
    @Query(value = """
            select * from builds b
            where b.status = 'QUEUED'
              and not exists (select 1 from builds r where r.app_id = b.app_id and r.status = 'RUNNING')
              and b.id = (select min(q.id) from builds q where q.app_id = b.app_id and q.status = 'QUEUED')
            order by b.id
            limit 1
            for update skip locked""", nativeQuery = true)
    Optional<Build> claimNext();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "5000"))
    @Query("select b from Build b where b.id = :id")
    Optional<Build> lock(long id);
}
