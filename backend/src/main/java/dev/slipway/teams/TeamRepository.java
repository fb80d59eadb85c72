package dev.slipway.teams;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByName(String name);

    boolean existsByName(String name);

    List<Team> findAllByOrderByNameAsc();

    List<Team> findByIdInOrderByNameAsc(Collection<Long> ids);
}
