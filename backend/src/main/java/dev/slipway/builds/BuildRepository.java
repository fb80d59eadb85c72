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

    /**
     * Locks the app's row until the transaction ends, so that builds queued for one app at the same moment
     * (a burst of pushes) take their numbers one after the other instead of colliding on max + 1. Call
     * {@link #lastNumber} after it, in its own statement: a statement that waited for the lock still reads
     * the builds as they were when it began. "No key update": foreign-key checks of other rows pointing at
     * the app (releases, deliveries) need not wait.
     */
    @Query(value = "select id from apps where id = :appId for no key update", nativeQuery = true)
    Long lockAppForNumbering(long appId);

    List<Build> findTop50ByAppIdOrderByNumberDesc(long appId);

    Optional<Build> findByAppIdAndNumber(long appId, int number);

    /**
     * The build's id without loading it: a command that then locks the row must not hold an older copy,
     * which Hibernate refuses to reconcile with the locked one.
     */
    @Query("select b.id from Build b where b.appId = :appId and b.number = :number")
    Optional<Long> findIdByAppIdAndNumber(long appId, int number);

    List<Build> findByStatus(BuildStatus status);

    /** Running builds whose runner stopped touching them: their Slipway instance is gone. */
    List<Build> findByStatusAndHeartbeatAtBefore(BuildStatus status, java.time.Instant cutoff);

    @org.springframework.data.jpa.repository.Modifying
    @Query("update Build b set b.heartbeatAt = :at where b.id in :ids and b.status = dev.slipway.builds.BuildStatus.RUNNING")
    int touch(java.util.Collection<Long> ids, java.time.Instant at);

    long countByStatus(BuildStatus status);

    @org.springframework.data.jpa.repository.Modifying
    @Query(value = """
            insert into build_images (build_id, registry, image) values (:buildId, :registry, :image)
            on conflict (build_id, registry) do update set image = excluded.image""", nativeQuery = true)
    void recordImage(long buildId, String registry, String image);

    @Query(value = "select image from build_images where build_id = :buildId and registry = :registry", nativeQuery = true)
    Optional<String> imageIn(long buildId, String registry);

    /** The newest build that pushed this image, a successful one first; rebuilds of a commit push the same one. */
    @Query(value = """
            select i.build_id from build_images i join builds b on b.id = i.build_id where i.image = :image
            order by b.status = 'SUCCEEDED' desc, i.build_id desc limit 1""", nativeQuery = true)
    Optional<Long> buildWithImage(String image);

    /**
     * The same build's image in another registry, from the newest successful build that pushed {@code image}
     * there too: an older build of the same commit may predate that registry, a rebuild may not.
     */
    @Query(value = """
            select there.image from build_images here
            join build_images there on there.build_id = here.build_id and there.registry = :registry
            join builds b on b.id = here.build_id and b.status = 'SUCCEEDED'
            where here.image = :image order by here.build_id desc limit 1""", nativeQuery = true)
    Optional<String> sameBuildIn(String image, String registry);

    /**
     * Cancels the app's queued webhook builds of a branch: a newer push to it builds everything they
     * would have built, so a burst of pushes runs one build, not one per push.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("""
            update Build b set b.status = dev.slipway.builds.BuildStatus.CANCELLED, b.reason = :reason, b.finishedAt = :at,
              b.version = b.version + 1
            where b.appId = :appId and b.branch = :branch and b.status = dev.slipway.builds.BuildStatus.QUEUED
              and b.trigger = dev.slipway.builds.BuildTrigger.WEBHOOK""")
    int supersedeQueued(long appId, String branch, String reason, java.time.Instant at);

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
