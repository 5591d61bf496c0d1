package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document says what the service answers, as a generated client would read it. */
class ApiDocsIT extends ServiceOverHttpTest {

    @Test
    void posting_a_need_is_documented_as_it_answers_201_with_location_and_problems() {
        JsonNode docs = api.get("/v3/api-docs", null).json();
        JsonNode post = docs.at("/paths/~1api~1v1~1requests/post");

        assertThat(post.get("operationId").asString()).isEqualTo("postRequest");
        assertThat(post.get("tags").get(0).asString()).isEqualTo("Requests");
        assertThat(post.at("/responses/201/headers/Location")).isNotNull();
        assertThat(post.at("/responses").propertyNames())
                .doesNotContain("200")
                .contains("201", "400", "401", "403", "409", "413", "415", "429", "503");
        assertThat(post.at("/responses/400/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(docs.at("/components/schemas/Problem/properties/errors")).isNotNull();
        JsonNode supplyType = docs.at("/components/schemas/PostRequestBody/properties/supplyType");
        assertThat(supplyType.has("enum"))
                .as("coordinators add types while the services run: a client must not hold a closed list")
                .isFalse();
        assertThat(supplyType.get("pattern").asString()).isEqualTo(SupplyType.CODE_PATTERN);
        assertThat("SV-PSYCHOSOCIAL-SUPPORT").matches(supplyType.get("pattern").asString());
        assertThat(docs.at("/components/schemas/PostRequestBody/properties/country/pattern")
                        .asString())
                .isEqualTo("^[A-Za-z]{2}$");
        assertThat(docs.at("/paths/~1api~1v1~1requests~1{id}/get/responses").propertyNames())
                .contains("404");

        // and the service does answer so
        Response created = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"SV-TRAINING","quantity":2,"country":"kg"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location"))
                .endsWith("/api/v1/requests/" + created.json().get("id").asString());
    }
}
