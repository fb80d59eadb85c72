package dev.slipway.registries;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RegistryRepository extends JpaRepository<Registry, Long> {

    Optional<Registry> findByName(String name);

    List<Registry> findAllByOrderByNameAsc();

    @Query(value = "select registry_id from environment_registries where environment_id = :environmentId", nativeQuery = true)
    Optional<Long> registryOf(long environmentId);

    @Query(value = "select environment_id from environment_registries where registry_id = :registryId", nativeQuery = true)
    List<Long> environmentsUsing(long registryId);

    @Query(value = "select exists (select 1 from environment_registries)", nativeQuery = true)
    boolean anyAssigned();

    @Modifying
    @Query(value = """
            insert into environment_registries (environment_id, registry_id) values (:environmentId, :registryId)
            on conflict (environment_id) do update set registry_id = excluded.registry_id""", nativeQuery = true)
    void assign(long environmentId, long registryId);

    @Modifying
    @Query(value = "delete from environment_registries where environment_id = :environmentId", nativeQuery = true)
    void unassign(long environmentId);
}
