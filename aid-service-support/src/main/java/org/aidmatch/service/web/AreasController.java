package org.aidmatch.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aidmatch.contracts.regions.AreaLevel;
import org.aidmatch.contracts.regions.Regions;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Countries and UN M49 areas with their names in the caller's language, from ICU's CLDR data, so
 * that a client picks a place by name and never keeps a list of its own.
 */
@RestController
@Tag(name = "Places", description = "Countries and UN M49 areas")
public class AreasController {

    /**
     * One place a request may name (a country) or an offer may serve (a country or an area).
     *
     * @param numericCode a country's ISO 3166-1 numeric code, as world maps key their shapes; absent for areas
     * @param countryCount how many countries the code covers: 1 for a country
     */
    public record Area(String code, String name, AreaLevel level, int countryCount, Integer numericCode) {}

    @Operation(
            operationId = "listAreas",
            summary = "List countries and UN M49 areas",
            description =
                    "Every country (ISO 3166-1 alpha-2) and every UN M49 area (world, continents, sub-regions, groupings) with its name in the asked language (CLDR; English when unknown) and how many countries it covers. Areas first, widest first; then countries by name.")
    @SecurityRequirements
    @GetMapping(path = "/api/v1/areas", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Area>> areas(
            @Parameter(description = "A BCP 47 language tag such as ar or fr; default: the request's Accept-Language")
                    @RequestParam(required = false)
                    String lang,
            Locale requestLocale) {
        Locale asked = lang == null || lang.isBlank() ? requestLocale : Locale.forLanguageTag(lang);
        // "und", or a tag that is not one: CLDR's root names are bare codes, so English instead
        Locale language = asked.getLanguage().isEmpty() ? Locale.ENGLISH : asked;
        List<Area> areas = new ArrayList<>();
        Regions.areas().forEach(code -> areas.add(area(code, language, null)));
        areas.sort(Comparator.comparing(Area::countryCount).reversed().thenComparing(Area::name));
        List<Area> countries = new ArrayList<>();
        Regions.countries().forEach(code -> countries.add(area(code, language, Regions.numericCode(code))));
        countries.sort(Comparator.comparing(Area::name, Collator.getInstance(language)));
        areas.addAll(countries);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(areas);
    }

    private static Area area(String code, Locale language, Integer numeric) {
        return new Area(
                code,
                Regions.displayName(code, language),
                Regions.levelOf(code),
                Regions.countryCount(code),
                numeric == null || numeric < 0 ? null : numeric);
    }
}
