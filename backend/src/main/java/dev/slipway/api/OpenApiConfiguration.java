package dev.slipway.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI slipwayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Slipway API").version("v1")
                        .description("Teams, apps and environments of a Slipway installation. Authenticate with a"
                                + " personal API token (Account > API tokens in the UI) sent as"
                                + " `Authorization: Bearer slw_...`. Errors are problem+json documents (RFC 9457)."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
