package dev.slipway.security;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByUsername(String username);

    boolean existsByUsername(String username);

    List<User> findAllByOrderByUsernameAsc();

    /**
     * Enabled platform admins, locked until the transaction ends; the last one may not be demoted or
     * disabled, or nobody could administer Slipway.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.platformAdmin = true and u.enabled = true")
    List<User> lockActiveAdmins();

    /** The user, locked until the transaction ends, so that two Slipway instances starting at once take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.id = :id")
    Optional<User> lock(long id);

    /**
     * Enabled users whose username or display name contains {@code text} (already lowercased and
     * LIKE-escaped), for pickers such as "add a team member".
     */
    @Query("""
            select u from User u
            where u.enabled = true
              and (lower(u.username) like concat('%', :text, '%') escape '\\'
                   or lower(u.displayName) like concat('%', :text, '%') escape '\\')
            order by u.username""")
    List<User> findEnabledMatching(String text, Limit limit);

    /**
     * All users, enabled or not, whose username or display name contains {@code text} (already lowercased
     * and LIKE-escaped), for the admins' list.
     */
    @Query("""
            select u from User u
            where lower(u.username) like concat('%', :text, '%') escape '\\'
               or lower(u.displayName) like concat('%', :text, '%') escape '\\'""")
    Page<User> findMatching(String text, Pageable pageable);
}
