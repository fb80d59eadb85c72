package dev.slipway.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlatformSettingRepository extends JpaRepository<PlatformSetting, String> {
}
