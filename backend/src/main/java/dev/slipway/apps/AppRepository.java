package dev.slipway.apps;

import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppRepository extends JpaRepository<App, Long> {

    Optional<App> findByName(String name);

    boolean existsByName(String name);

    /**
     * Apps whose name or description contains {@code text} (lowercased, LIKE-escaped), limited to the
     * given teams unless {@code allTeams}.
     */
    @Query("""
            select a from App a
            where (:allTeams = true or a.teamId in :teamIds)
              and (:teamId is null or a.teamId = :teamId)
              and (lower(a.name) like concat('%', :text, '%') escape '\\'
                   or lower(a.description) like concat('%', :text, '%') escape '\\')""")
    Page<App> search(boolean allTeams, Collection<Long> teamIds, @Nullable Long teamId, String text, Pageable pageable);
}
