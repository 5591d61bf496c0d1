package org.aidmatch.service.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.service.web.validation.KnownSupplyType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}, both public. The document
 * says what the API answers, so that a generated client can be trusted: every error each operation
 * can give, as problem+json; supply types as the catalogue's codes; country and area codes by
 * pattern. Each controller names its operations and says what they do; the errors every
 * operation shares are added here, once.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** How the documents describe a country code: ISO 3166-1 alpha-2, in any case. */
    public static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";
    /** How the documents describe a service-area code: a country, or a UN M49 three-digit area. */
    public static final String SERVICE_AREA_PATTERN = "^([A-Za-z]{2}|[0-9]{3})$";

    @Bean
    OpenAPI aidMatchOpenApi(@Value("${spring.application.name:aidmatch}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title("AidMatch " + application)
                        .version("v1")
                        .contact(new Contact().name("AidMatch maintainers"))
                        .description("Matching requests for medical aid with donor offers. Every error is RFC 9457"
                                + " problem+json. Sign in with an API key in X-Api-Key, or an OAuth2 bearer token."))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("An API key issued to your organisation"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An OAuth2 access token from the configured identity provider")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The errors every API operation can answer, by what it takes, as problem+json. */
    @Bean
    OpenApiCustomizer documentedErrors() {
        return openApi -> {
            // here, not with the other components: springdoc drops schemas nothing refers to yet
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> documentErrors(path, method, operation));
                }
            });
        };
    }

    /**
     * A field or parameter that takes a supply type is a code of the catalogue by pattern, not an
     * enum: coordinators add types while the services run, and a generated client must take them.
     */
    @Bean
    PropertyCustomizer supplyTypeCodes() {
        return (schema, type) -> {
            if (type.getCtxAnnotations() != null
                    && Arrays.stream(type.getCtxAnnotations()).anyMatch(KnownSupplyType.class::isInstance)) {
                schema.setEnum(null);
                schema.setPattern(SupplyType.CODE_PATTERN);
                schema.setMaxLength(SupplyType.CODE_MAX_LENGTH);
                schema.setDescription(SUPPLY_TYPE_DESCRIPTION);
                schema.setExample("EQ-PULSE-OXIMETER");
            }
            return schema;
        };
    }

    private static final String SUPPLY_TYPE_DESCRIPTION =
            "A code of the supply catalogue that is not retired (GET /api/v1/supply-types)";

    /** Query parameters named like body fields get the same codes and patterns. */
    @Bean
    ParameterCustomizer codedParameters() {
        return (parameter, method) -> {
            if (parameter == null || !"query".equals(parameter.getIn())) {
                return parameter;
            }
            if ("supplyType".equals(parameter.getName())) {
                parameter.setSchema(
                        new StringSchema().pattern(SupplyType.CODE_PATTERN).maxLength(SupplyType.CODE_MAX_LENGTH));
                parameter.setDescription("A code of the supply catalogue (GET /api/v1/supply-types)");
            } else if ("country".equals(parameter.getName())) {
                parameter.setSchema(new StringSchema().pattern(COUNTRY_PATTERN));
            }
            return parameter;
        };
    }

    private static void documentErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        errors.put("400", "The request is malformed: a field, parameter or header is invalid (see errors)");
        errors.put("401", "No credentials, or credentials that are not accepted");
        errors.put("403", "Your organisation's roles do not allow this");
        if (path.contains("{")) {
            errors.put("404", "No such item, or one your organisation may not see");
        }
        boolean directory = path.startsWith("/api/v1/organisations");
        boolean catalogue = path.startsWith("/api/v1/supply-types");
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        if (write && takesIdempotencyKey(operation)) {
            errors.put("409", "The Idempotency-Key was used before with a different body");
        } else if (write && directory && method == PathItem.HttpMethod.POST) {
            errors.put("409", "The organisation's status does not allow this, or its name is taken");
        } else if (write && catalogue && !path.endsWith("/retirement")) {
            errors.put("409", "The code is taken, or the type has postings and its unit cannot change");
        }
        if (write) {
            errors.put("413", "The body is larger than " + BodySizeLimit.limitFor(method.name(), path) / 1024 + " KiB");
            errors.put("415", "The body is not " + bodyTypes(operation));
        }
        if (method == PathItem.HttpMethod.DELETE && !directory) {
            errors.put("409", "Nothing is left to cancel or withdraw");
        }
        errors.put("429", "Too many failed sign-ins from your address, or too many open streams; see Retry-After");
        errors.put(
                "503",
                "The service is starting, or Kafka did not confirm the write: nothing was recorded;"
                        + " retry after Retry-After");
        errors.forEach((status, description) -> responses.computeIfAbsent(
                status,
                any -> new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        ApiResponse created = responses.get("201");
        if (created != null) {
            created.addHeaderObject(
                    "Location",
                    new Header()
                            .description("Where the created item can be read")
                            .schema(new StringSchema().format("uri-reference")));
        }
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> "header".equals(parameter.getIn())
                                && IdempotencyKeys.HEADER.equals(parameter.getName()));
    }

    /** What the operation reads: JSON for most, a spreadsheet for an import. */
    private static String bodyTypes(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return "JSON";
        }
        return String.join(" or ", operation.getRequestBody().getContent().keySet())
                .replace(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, "JSON");
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty(
                "field", new StringSchema().description("the field, as a JSON path such as serviceArea[0]"));
        fieldError.addProperty("message", new StringSchema().description("what is wrong with it"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("An RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema().format("uri-reference").description("what kind of problem"));
        problem.addProperty("title", new StringSchema().description("a short summary for people"));
        problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
        problem.addProperty("detail", new StringSchema().description("what went wrong, for people"));
        problem.addProperty(
                "instance", new StringSchema().format("uri-reference").description("the path asked for"));
        problem.addProperty(
                "errors",
                new ArraySchema().items(fieldError).description("for a 400 about the body: each invalid field"));
        problem.addProperty(
                "rows",
                new ArraySchema()
                        .items(new ObjectSchema())
                        .description("for a 422 of an import: each invalid row, as in the import's results"));
        return problem;
    }
}
