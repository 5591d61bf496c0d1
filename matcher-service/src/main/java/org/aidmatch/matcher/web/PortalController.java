package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the portal's script needs before anyone signs in: where the services are, and which
 * languages it speaks. A language is one message file in {@code portal/i18n/}; adding the file
 * adds the language, with its name and writing direction taken from the file itself.
 */
@RestController
@Hidden
@EnableConfigurationProperties(PortalProperties.class)
class PortalController {

    record Language(String code, String name, String direction) {}

    /**
     * Where the map's and the charts' libraries are served. The two Bower WebJars are not found by
     * webjars-locator-lite, so their paths carry the version the build put on the classpath.
     */
    record Libraries(String echarts, String topojson, String worldMap) {}

    record PortalSettings(
            String requestServiceUrl, String offerServiceUrl, List<Language> languages, Libraries libraries) {}

    private final PortalSettings settings;

    PortalController(PortalProperties properties, JsonMapper json) {
        this.settings = new PortalSettings(
                stripSlash(properties.requestServiceUrl()),
                stripSlash(properties.offerServiceUrl()),
                languages(json),
                new Libraries(
                        "/webjars/echarts/dist/echarts.min.js",
                        "/webjars/topojson/" + bowerVersion("topojson") + "/topojson.js",
                        "/webjars/datamaps/" + bowerVersion("datamaps")
                                + "/src/js/components/topojson/examples/world-110m.json"));
    }

    private static String bowerVersion(String webjar) {
        Resource pom = new ClassPathResource("META-INF/maven/org.webjars.bower/" + webjar + "/pom.properties");
        try (InputStream in = pom.getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the " + webjar + " WebJar is not on the classpath", e);
        }
    }

    @GetMapping(path = "/portal/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    PortalSettings settings() {
        return settings;
    }

    private static List<Language> languages(JsonMapper json) {
        try {
            List<Language> languages = new ArrayList<>();
            for (Resource file :
                    new PathMatchingResourcePatternResolver().getResources("classpath:/portal/i18n/*.json")) {
                String name = file.getFilename();
                try (InputStream in = file.getInputStream()) {
                    JsonNode messages = json.readTree(in);
                    languages.add(new Language(
                            name.substring(0, name.length() - ".json".length()),
                            messages.path("language.name").asString(),
                            messages.path("language.direction").asString("ltr")));
                }
            }
            languages.sort(Comparator.comparing(Language::code));
            return List.copyOf(languages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the portal's message files", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
