package dev.slipway.encryption;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SealedValueRepository extends JpaRepository<SealedValue, UUID> {

    /** The ids of every master key that still wraps at least one value. */
    @Query("select distinct s.masterKeyId from SealedValue s")
    List<String> findMasterKeyIdsInUse();

    /** How many values each master key wraps, as [key id, count] pairs. */
    @Query("select s.masterKeyId, count(s) from SealedValue s group by s.masterKeyId order by s.masterKeyId")
    List<Object[]> countByMasterKey();

    /** The next batch, in id order, of values wrapped by any key but {@code current}. */
    List<SealedValue> findTop200ByMasterKeyIdNotAndIdGreaterThanOrderByIdAsc(String current, UUID after);
}
