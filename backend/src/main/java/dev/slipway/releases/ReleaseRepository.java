package dev.slipway.releases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReleaseRepository extends JpaRepository<Release, Long> {

    Optional<Release> findByAppIdAndEnvironmentIdAndNumber(long appId, long environmentId, int number);

    List<Release> findByAppIdAndEnvironmentIdOrderByNumberDesc(long appId, long environmentId);

    @Query("select coalesce(max(r.number), 0) from Release r where r.appId = :appId and r.environmentId = :environmentId")
    int lastNumber(long appId, long environmentId);
}
