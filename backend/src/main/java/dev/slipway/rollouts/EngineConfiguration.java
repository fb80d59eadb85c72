package dev.slipway.rollouts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EngineProperties.class, AnalysisProperties.class})
class EngineConfiguration {
}
