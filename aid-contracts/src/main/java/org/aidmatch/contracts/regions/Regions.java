package org.aidmatch.contracts.regions;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.Region.RegionType;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Countries and UN M49 areas, and which area contains which country, as ICU4J knows them.
 *
 * <p>A country is an ISO 3166-1 alpha-2 code that ICU lists as a territory. An area is a UN M49
 * three-digit code of a world, continent, sub-continent or grouping region, such as "142" (Asia),
 * "014" (Eastern Africa), "419" (Latin America and the Caribbean) or "001" (the world).
 * Containment uses {@link Region#contains(Region)}, which sees through groupings that the parent
 * chain skips (a country's parent is its sub-region, never 419 or 202).
 *
 * <p>Everything is computed once from ICU data; lookups afterwards are map reads.
 */
public final class Regions {

    private static final Set<RegionType> AREA_TYPES =
            EnumSet.of(RegionType.WORLD, RegionType.CONTINENT, RegionType.SUBCONTINENT, RegionType.GROUPING);

    private static final Set<String> COUNTRIES = loadCountries();
    private static final Map<String, Set<String>> COUNTRIES_BY_AREA = countriesByArea();
    private static final Map<String, List<String>> AREAS_BY_COUNTRY = areasByCountry();
    private static final Map<String, AreaLevel> LEVELS = levels();
    private static final Map<String, Integer> COUNTRY_COUNTS = countryCounts();
    private static final Map<String, String> NAMES = names();

    private Regions() {}

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code in its canonical, upper-case form. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** Whether {@code code} is a UN M49 three-digit area code, such as "014" or "001". */
    public static boolean isArea(String code) {
        return code != null && COUNTRIES_BY_AREA.containsKey(code);
    }

    /** Whether {@code code} may stand in a service area: a country or an area. */
    public static boolean isServiceAreaCode(String code) {
        return isCountry(code) || isArea(code);
    }

    /** Whether the service-area code covers the country: it is the country itself, or an area holding it. */
    public static boolean covers(String areaOrCountry, String country) {
        if (areaOrCountry == null || country == null) {
            return false;
        }
        if (areaOrCountry.equals(country)) {
            return isCountry(country);
        }
        Set<String> members = COUNTRIES_BY_AREA.get(areaOrCountry);
        return members != null && members.contains(country);
    }

    /**
     * How many countries a service-area code covers: 1 for a country, the number of member
     * countries for an area. Fewer means more specific.
     */
    public static int countryCount(String areaOrCountry) {
        Integer count = COUNTRY_COUNTS.get(areaOrCountry);
        if (count == null) {
            throw new IllegalArgumentException("not a country or UN M49 area: " + areaOrCountry);
        }
        return count;
    }

    /** Every service-area code that covers the country: the country itself first, then the areas holding it. */
    public static List<String> codesCovering(String country) {
        List<String> codes = AREAS_BY_COUNTRY.get(country);
        if (codes == null) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country: " + country);
        }
        return codes;
    }

    /** The level of a service-area code, from country to world. */
    public static AreaLevel levelOf(String areaOrCountry) {
        AreaLevel level = LEVELS.get(areaOrCountry);
        if (level == null) {
            throw new IllegalArgumentException("not a country or UN M49 area: " + areaOrCountry);
        }
        return level;
    }

    /** The English name of a country or area, e.g. "Kenya" or "Eastern Africa". */
    public static String displayName(String areaOrCountry) {
        String name = NAMES.get(areaOrCountry);
        if (name == null) {
            throw new IllegalArgumentException("not a country or UN M49 area: " + areaOrCountry);
        }
        return name;
    }

    /**
     * The name of a country or area in the given language, from CLDR, e.g. "كينيا" for KE in
     * Arabic; a language CLDR does not know gets the English name.
     */
    public static String displayName(String areaOrCountry, Locale language) {
        levelOf(areaOrCountry);
        return new ULocale("und", areaOrCountry).getDisplayCountry(ULocale.forLocale(language));
    }

    /**
     * A country's ISO 3166-1 numeric code, which is also its UN M49 code (404 for KE), as maps
     * such as Natural Earth's key their shapes; -1 when ICU knows none.
     */
    public static int numericCode(String country) {
        if (!isCountry(country)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country: " + country);
        }
        return Region.getInstance(country).getNumericCode();
    }

    /** All UN M49 area codes, sorted. */
    public static Set<String> areas() {
        return COUNTRIES_BY_AREA.keySet();
    }

    /** All country codes, sorted. */
    public static Set<String> countries() {
        return COUNTRIES;
    }

    private static Set<String> loadCountries() {
        Set<String> codes = new TreeSet<>();
        for (Region region : Region.getAvailable(RegionType.TERRITORY)) {
            String code = region.toString();
            if (code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT))) {
                codes.add(code);
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    private static Map<String, Set<String>> countriesByArea() {
        Map<String, Set<String>> byArea = new HashMap<>();
        for (RegionType type : AREA_TYPES) {
            for (Region area : Region.getAvailable(type)) {
                String code = area.toString();
                if (!code.matches("\\d{3}")) {
                    continue; // alphabetic groupings such as EU or UN are not M49 areas
                }
                Set<String> members = new TreeSet<>();
                for (String country : COUNTRIES) {
                    if (area.contains(Region.getInstance(country))) {
                        members.add(country);
                    }
                }
                if (!members.isEmpty()) {
                    byArea.put(code, Set.copyOf(members));
                }
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(byArea));
    }

    // Levels and names come from ICU resource lookups that are far too slow for the matching path.
    private static Map<String, AreaLevel> levels() {
        Map<String, AreaLevel> levels = new HashMap<>();
        COUNTRIES.forEach(country -> levels.put(country, AreaLevel.COUNTRY));
        COUNTRIES_BY_AREA
                .keySet()
                .forEach(area -> levels.put(
                        area,
                        switch (Region.getInstance(area).getType()) {
                            case WORLD -> AreaLevel.WORLD;
                            case CONTINENT -> AreaLevel.REGION;
                            default -> AreaLevel.SUBREGION;
                        }));
        return Map.copyOf(levels);
    }

    private static Map<String, Integer> countryCounts() {
        Map<String, Integer> counts = new HashMap<>();
        COUNTRIES.forEach(country -> counts.put(country, 1));
        COUNTRIES_BY_AREA.forEach((area, members) -> counts.put(area, members.size()));
        return Map.copyOf(counts);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        LEVELS.keySet().forEach(code -> names.put(code, new ULocale("und", code).getDisplayCountry(ULocale.ENGLISH)));
        return Map.copyOf(names);
    }

    private static Map<String, List<String>> areasByCountry() {
        Map<String, List<String>> byCountry = new HashMap<>();
        for (String country : COUNTRIES) {
            List<String> codes = new ArrayList<>();
            codes.add(country);
            COUNTRIES_BY_AREA.forEach((area, members) -> {
                if (members.contains(country)) {
                    codes.add(area);
                }
            });
            byCountry.put(country, List.copyOf(codes));
        }
        return Map.copyOf(byCountry);
    }
}
