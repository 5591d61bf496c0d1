package org.aidmatch.service.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, both public. */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    @Bean
    OpenAPI aidMatchOpenApi(@Value("${spring.application.name:aidmatch}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("AidMatch " + application)
                        .version("v1")
                        .description(
                                "Matching medical aid requests with donor offers. Errors are RFC 9457 problem+json."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
