package dev.slipway.encryption;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SealedValueRepository extends JpaRepository<SealedValue, UUID> {

    /** The ids of every master key that still wraps at least one value. */
    @Query("select distinct s.masterKeyId from SealedValue s")
    List<String> findMasterKeyIdsInUse();
}
