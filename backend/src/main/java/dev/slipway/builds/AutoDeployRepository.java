package dev.slipway.builds;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AutoDeployRepository extends JpaRepository<AutoDeploy, AutoDeploy.Key> {

    List<AutoDeploy> findByAppId(long appId);
}
