package dev.slipway.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(byte[] tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

    long countByUserIdAndName(long userId, String name);

    long countByUserId(long userId);

    /** Revokes every token of the user that still works, in one statement; answers how many. */
    @Modifying
    @Query("""
            update ApiToken t set t.revokedAt = :now
            where t.userId = :userId and t.revokedAt is null and (t.expiresAt is null or t.expiresAt > :now)""")
    int revokeAllOf(long userId, Instant now);

    /**
     * Records a use at most once per minute per token, so a busy script does not turn every API read
     * into a database write.
     */
    @Modifying
    @Query("""
            update ApiToken t set t.lastUsedAt = :now
            where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :staleBefore)""")
    int touch(long id, Instant now, Instant staleBefore);
}
