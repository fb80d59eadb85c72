package dev.slipway.teams;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByTeamIdAndUserId(long teamId, long userId);

    List<Membership> findByUserId(long userId);

    List<Membership> findByTeamId(long teamId);

    long countByTeamId(long teamId);

    long countByTeamIdAndRole(long teamId, TeamRole role);
}
