package org.aidmatch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidmatch.client.api.RequestsApi;
import org.aidmatch.client.model.PostRequestBody;
import org.aidmatch.client.model.PostRequestBody.UrgencyEnum;
import org.aidmatch.client.model.RequestState;
import org.aidmatch.contracts.json.EventJson;
import org.aidmatch.request.RequestServiceApplication;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client openapi-generator made from the request service's document, used as a stranger would
 * use it, against the real service on a real broker. First, the document it was made from must be
 * the one the service serves now; when they differ, the test writes the served one to
 * {@code target/served-openapi/aid-request-service.json}, to be copied over
 * {@code src/main/openapi/aid-request-service.json} when the change is meant.
 */
@ContextConfiguration(classes = RequestServiceApplication.class)
@TestPropertySource(properties = "spring.application.name=aid-request-service")
class GeneratedClientIT extends ServiceOverHttpTest {

    private RequestsApi requests;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", TestApiKeys.REQUESTER));
        requests = new RequestsApi(client);
    }

    @Test
    void the_client_was_generated_from_the_document_the_service_serves() throws Exception {
        JsonNode served = withoutServers(api.get("/v3/api-docs", null).json());
        JsonNode generatedFrom = withoutServers(
                EventJson.mapper().readTree(Files.readString(Path.of("src/main/openapi/aid-request-service.json"))));
        if (!served.equals(generatedFrom)) {
            Path copy = Path.of("target/served-openapi/aid-request-service.json");
            Files.createDirectories(copy.getParent());
            Files.writeString(
                    copy, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(served));
        }

        assertThat(served)
                .as("the served document (written to target/served-openapi); update src/main/openapi if the API"
                        + " changed on purpose")
                .isEqualTo(generatedFrom);
    }

    @Test
    void post_read_list_and_cancel_then_meet_a_400_a_404_and_a_409() throws Exception {
        PostRequestBody need = new PostRequestBody()
                .supplyType("EQ-PULSE-OXIMETER")
                .quantity(120L)
                .country("kg")
                .urgency(UrgencyEnum.CRITICAL)
                .neededBy(LocalDate.now(ZoneOffset.UTC).plusDays(10))
                .note("Bishkek regional hospital " + UUID.randomUUID());

        RequestState created = requests.postRequest(need, null);
        assertThat(created.getCountry()).isEqualTo("KG");
        assertThat(created.getStatus()).isEqualTo(RequestState.StatusEnum.OPEN);
        assertThat(requests.getRequest(created.getId()).getNote()).isEqualTo(need.getNote());
        assertThat(requests.listRequests(null, "EQ-PULSE-OXIMETER", "KG", 0, 100)
                        .getItems())
                .extracting(RequestState::getId)
                .contains(created.getId());
        assertThat(requests.cancelRequest(created.getId()).getStatus()).isEqualTo(RequestState.StatusEnum.CANCELLED);

        ApiException invalid = catchThrowableOfType(
                ApiException.class,
                () -> requests.postRequest(
                        new PostRequestBody()
                                .supplyType("PPE-GOWN")
                                .quantity(0L)
                                .country("KE"),
                        null));
        assertThat(invalid.getCode()).isEqualTo(400);
        assertThat(invalid.getResponseBody()).contains("quantity");
        assertThat(catchThrowableOfType(ApiException.class, () -> requests.getRequest("no-such-request"))
                        .getCode())
                .isEqualTo(404);
        assertThat(catchThrowableOfType(ApiException.class, () -> requests.cancelRequest(created.getId()))
                        .getCode())
                .as("nothing left to cancel")
                .isEqualTo(409);
    }

    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }
}
