package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a client needs to fill its pickers and choose its views: places by name, and who it is. */
class PlacesAndCallerIT extends ServiceOverHttpTest {

    @Test
    void places_are_named_in_the_asked_language_with_their_country_counts_and_map_codes() {
        JsonNode arabic =
                api.get("/api/v1/areas?lang=ar", TestApiKeys.REQUESTER).json();
        assertThat(place(arabic, "KE").path("name").asString()).isEqualTo("كينيا");
        assertThat(place(arabic, "KE").path("numericCode").asInt()).isEqualTo(404);
        assertThat(place(arabic, "KE").path("countryCount").asInt()).isEqualTo(1);
        assertThat(place(arabic, "014").path("level").asString()).isEqualTo("SUBREGION");
        assertThat(place(arabic, "014").path("countryCount").asInt()).isGreaterThan(10);
        assertThat(arabic.get(0).path("code").asString())
                .as("the widest area first")
                .isEqualTo("001");

        Response german = api.send(api.request("/api/v1/areas", TestApiKeys.REQUESTER)
                .setHeader("Accept-Language", "de-CH,de;q=0.9")
                .GET());
        assertThat(place(german.json(), "KE").path("name").asString()).isEqualTo("Kenia");
        JsonNode unknown = api.get("/api/v1/areas?lang=%C3%9F%C3%9F-not-a-tag", TestApiKeys.REQUESTER)
                .json();
        assertThat(place(unknown, "KE").path("name").asString()).isEqualTo("Kenya");
        assertThat(api.get("/api/v1/areas", null).status())
                .as("open without a key: the join form needs the countries")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/areas", "nobody").status())
                .as("a bad key is still refused")
                .isEqualTo(401);
    }

    @Test
    void a_key_tells_its_organisation_and_roles() {
        JsonNode me = api.get("/api/v1/me", TestApiKeys.COORDINATOR).json();
        assertThat(me.path("organization").asString()).isEqualTo(TestApiKeys.COORDINATOR_ORG);
        assertThat(me.path("roles").get(0).asString()).isEqualTo("COORDINATOR");
        assertThat(api.get("/api/v1/me", "nobody").status()).isEqualTo(401);
    }

    private static JsonNode place(JsonNode places, String code) {
        for (JsonNode place : places) {
            if (place.path("code").asString().equals(code)) {
                return place;
            }
        }
        throw new AssertionError("no place " + code);
    }
}
