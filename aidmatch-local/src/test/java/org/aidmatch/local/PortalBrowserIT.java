package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.TestApiKeys;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The portal in a real browser (Debian's Chromium, headless) against the launcher's whole stack on
 * a real broker, as five stories that follow one need from a spreadsheet to a short delivery and
 * its re-match. Every view is checked with axe-core and at phone width, and photographed in
 * English and Arabic into {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String OXIMETER = "EQ-PULSE-OXIMETER";

    private static Path dataDir;
    private static LocalSettings settings;
    private static LocalStack stack;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void startStackAndBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        dataDir = Files.createTempDirectory("portal-it");
        settings = FreePorts.settings(dataDir);
        stack = LocalStack.start(settings);
        Files.createDirectories(downloads());
        browser = chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_requester_uploads_a_needs_list_with_one_bad_row_fixes_it_and_posts_it_once() throws IOException {
        open();
        checkAccessibility("sign-in");
        screenshots("sign-in");
        signIn(TestApiKeys.REQUESTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requester-view")));

        Path bad = needsList("two thousand");
        browser.findElement(By.id("needs-file")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.id("needs-check")).click();
        By badRow = By.cssSelector("#needs-report tr.row-invalid");
        WebElement invalid = wait.until(ExpectedConditions.visibilityOfElementLocated(badRow));
        assertThat(invalid.getAttribute("data-row"))
                .as("the headings, the hashtags, then rows 3 to 5")
                .isEqualTo("5");
        assertThat(invalid.getText()).contains("quantity", "two thousand");
        assertThat(browser.findElements(By.cssSelector("#needs-report tr.row-valid")))
                .hasSize(2);
        assertThat(browser.findElement(By.id("needs-post")).isDisplayed()).isFalse();
        assertThat(needsPosted()).as("nothing is posted while a row is wrong").isZero();

        Path fixed = needsList("2000");
        browser.findElement(By.id("needs-file")).sendKeys(fixed.toAbsolutePath().toString());
        browser.findElement(By.id("needs-check")).click();
        WebElement post = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("needs-post")));
        assertThat(post.getText()).contains("3");
        post.click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#needs-report tr.row-posted"), 3));
        assertThat(needsPosted()).isEqualTo(3);

        // the same file again: every row is recognised, nothing is offered for posting
        browser.findElement(By.id("needs-file")).sendKeys(fixed.toAbsolutePath().toString());
        browser.findElement(By.id("needs-check")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#needs-report tr.row-already_posted"), 3));
        assertThat(browser.findElement(By.id("needs-post")).isDisplayed()).isFalse();
        assertThat(needsPosted()).isEqualTo(3);

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#needs-list > li"), 3));
        checkAccessibility("requester");
        checkPhoneWidth();
        screenshots("requester");
    }

    @Test
    @Order(2)
    void a_donor_posts_an_offer_for_eastern_africa_and_accepts_the_proposal() throws IOException {
        switchTo(TestApiKeys.DONOR);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("donor-view")));
        new Select(browser.findElement(By.id("offer-supplyType"))).selectByValue(OXIMETER);
        // the client's own check first: no quantity, no area
        browser.findElement(By.cssSelector("#offer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("offer-quantity-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("offer-serviceArea-error")).getText())
                .isNotBlank();

        browser.findElement(By.id("offer-quantity")).sendKeys("300");
        Select area = new Select(browser.findElement(By.id("offer-serviceArea")));
        assertThat(area.getOptions().stream().map(WebElement::getText))
                .as("areas are named, with their country counts, from CLDR")
                .anyMatch(text -> text.startsWith("Eastern Africa (") && text.endsWith("countries)"));
        browser.findElement(By.id("offer-serviceArea-search")).sendKeys("eastern");
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>)
                js(
                        "return [...document.querySelectorAll('#offer-serviceArea option')].filter((o) => !o.hidden).map((o) => o.textContent);");
        assertThat(shown)
                .as("the search narrows the list")
                .isNotEmpty()
                .allMatch(text -> text.toLowerCase(java.util.Locale.ROOT).contains("eastern"));
        area.selectByValue("014");
        assertThat(browser.findElement(By.id("offer-serviceArea-chosen")).getText())
                .contains("Eastern Africa (");
        browser.findElement(By.cssSelector("#offer-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-notice"), "300"));

        By proposal = By.cssSelector("#awaiting-list li.match[data-status=PROPOSED]");
        WebElement proposed = wait.until(ExpectedConditions.visibilityOfElementLocated(proposal));
        assertThat(proposed.getText()).contains(TestApiKeys.REQUESTER_ORG, "300", "Eastern Africa", "Kenya");
        checkAccessibility("donor");
        screenshots("donor");
        // the language switch drew the lists again
        wait.until(ExpectedConditions.visibilityOfElementLocated(proposal))
                .findElement(By.cssSelector("button[data-action=accept]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#accepted-list li.match[data-status=ACCEPTED]")));
        assertThat(browser.findElements(proposal)).isEmpty();
    }

    @Test
    @Order(3)
    void the_donor_dispatches_with_a_shipment_reference() {
        WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#accepted-list li.match[data-status=ACCEPTED]")));
        accepted.findElement(By.cssSelector("details.action summary")).click();
        WebElement reference = accepted.findElement(By.cssSelector("input[name=shipmentReference]"));
        reference.sendKeys("ALA-NBO-2026-0042");
        accepted.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#accepted-list li.match"), 0));
        WebElement offer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#offers-list li.match[data-status=DISPATCHED]")));
        assertThat(offer.getText()).contains("ALA-NBO-2026-0042");
        checkPhoneWidth();
    }

    @Test
    @Order(4)
    void the_requester_confirms_a_short_receipt_and_the_shortfall_is_matched_again() throws IOException {
        // a second donor's offer waits: the need is fully matched, until part of it comes back
        ApiClient.Response other =
                ApiClient.onPort(settings.offerPort()).post("/api/v1/offers", TestApiKeys.OTHER_DONOR, """
                        {"supplyType":"EQ-PULSE-OXIMETER","quantity":200,"serviceArea":["KE"]}""");
        assertThat(other.status()).isEqualTo(201);

        switchTo(TestApiKeys.REQUESTER);
        By dispatched = By.cssSelector("#needs-list li.match[data-status=DISPATCHED]");
        WebElement match = wait.until(ExpectedConditions.visibilityOfElementLocated(dispatched));
        assertThat(match.getText()).contains(TestApiKeys.DONOR_ORG, "ALA-NBO-2026-0042");
        match.findElement(By.cssSelector("details.action summary")).click();
        WebElement received = match.findElement(By.cssSelector("input[name=receivedQuantity]"));
        received.clear();
        received.sendKeys("400");
        match.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(match.findElement(By.cssSelector("[data-error-for=receivedQuantity]"))
                        .getText())
                .as("more than was shipped is refused before anything is sent")
                .contains("300");
        received.clear();
        received.sendKeys("250");
        match.findElement(By.cssSelector("textarea[name=note]")).sendKeys("50 arrived with cracked screens");
        match.findElement(By.cssSelector("form button[type=submit]")).click();

        WebElement need = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#needs-list li.posting:has(li.match[data-status=RECEIVED])")));
        wait.until(d -> need.findElement(By.cssSelector("[data-stage=delivered] dd"))
                .getText()
                .equals("250"));
        // the 50 that came back, drawn at once from the second donor's waiting offer
        wait.until(d -> d.findElement(By.cssSelector(
                        "#needs-list li.posting:has(li.match[data-status=RECEIVED]) [data-stage=proposed] dd"))
                .getText()
                .equals("50"));
        checkAccessibility("requester-matches");
    }

    @Test
    @Order(5)
    void the_coordinator_sees_the_shortfall_rematched_on_the_map_and_in_the_chart() throws IOException {
        switchTo(TestApiKeys.COORDINATOR);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("coordinator-view")));
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        new Select(browser.findElement(By.id("map-supply"))).selectByValue(OXIMETER);

        JsonNode gap = gapRow(OXIMETER, "KE");
        assertThat(gap.path("delivered").asLong()).isEqualTo(250);
        assertThat(gap.path("proposed").asLong()).isEqualTo(50);
        assertThat(gap.path("unmet").asLong()).isZero();

        By chartRow = By.cssSelector("#stage-table tr[data-supply-type='" + OXIMETER + "']");
        wait.until(d -> d.findElement(chartRow)
                .findElement(By.cssSelector("td.delivered"))
                .getAttribute("textContent")
                .equals("250"));
        WebElement chart = browser.findElement(chartRow);
        assertThat(chart.findElement(By.cssSelector("td.requested")).getAttribute("textContent"))
                .isEqualTo("300");
        assertThat(chart.findElement(By.cssSelector("td.proposed")).getAttribute("textContent"))
                .isEqualTo("50");
        assertThat(chart.findElement(By.cssSelector("td.dispatched")).getAttribute("textContent"))
                .isEqualTo("0");
        assertThat(chartSeries(OXIMETER)).as("what ECharts draws").containsExactly(300L, 50L, 0L, 0L, 250L);
        assertThat(browser.findElement(By.cssSelector("#map-table tr[data-country=KE] td.unmet"))
                        .getAttribute("textContent"))
                .isEqualTo("0");
        assertThat(mapValue("KE")).as("the map's colour for Kenya").isZero();

        // the re-match is among the live matches, with its reason
        WebElement rematch = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[@id='matches']/li[contains(., 'Re-matched after')]")));
        assertThat(rematch.getText()).contains("50", TestApiKeys.OTHER_DONOR_ORG);

        clickKenyaOnTheMap();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-country")));
        assertThat(panel.getText()).contains("Kenya", "250");

        // the export is what the table shows: the filters on screen apply to it
        new Select(browser.findElement(By.id("filter-supply"))).selectByValue(OXIMETER);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#gaps tr[data-total]"), 1));
        browser.findElement(By.id("export-gaps")).click();
        Path export = downloads().resolve("aidmatch-gaps.csv");
        wait.until(d -> Files.exists(export) && export.toFile().length() > 0);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.get(1)).as("the HXL hashtag row").startsWith("#item+code");
        assertThat(lines.subList(2, lines.size())).isNotEmpty().allMatch(line -> line.startsWith(OXIMETER + ","));
        new Select(browser.findElement(By.id("filter-supply"))).selectByValue("");

        int pollers = runningPollers();
        checkAccessibility("coordinator");
        checkPhoneWidth();
        checkGapTableAtPhoneWidth();
        screenshots("coordinator");

        // signing in again leaves one set of pollers and streams, not two
        switchTo(TestApiKeys.COORDINATOR);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
        assertThat(runningPollers()).isEqualTo(pollers);
    }

    @Test
    @Order(6)
    void a_new_ngo_asks_to_join_is_approved_and_given_a_key_and_posts_an_offer_of_a_type_just_added()
            throws IOException {
        String ngo = "Turkana Health Alliance";
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("join-open"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("join-form")));
        browser.findElement(By.cssSelector("#join-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("join-roles-error")).getText())
                .as("the page's own checks come first")
                .isNotBlank();
        browser.findElement(By.id("join-name")).sendKeys(ngo);
        wait.until(d ->
                new Select(d.findElement(By.id("join-country"))).getOptions().size() > 100);
        new Select(browser.findElement(By.id("join-country"))).selectByValue("KE");
        new Select(browser.findElement(By.id("join-type"))).selectByValue("NGO");
        browser.findElement(By.id("join-contactEmail")).sendKeys("logistics@turkana-health.example");
        browser.findElement(By.cssSelector("#join-form input[name=roles][value=DONOR]"))
                .click();
        browser.findElement(By.id("join-note"))
                .sendKeys("We run mobile clinics in Turkana and hold 2,000 pulse oximeters.");
        browser.findElement(By.cssSelector("#join-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("join-notice"), "waits for a coordinator"));
        checkAccessibility("join");
        checkPhoneWidth();
        screenshots("join");
        browser.findElement(By.id("join-back")).click();

        signIn(TestApiKeys.COORDINATOR);
        browser.findElement(By.cssSelector("#role-nav a[href='#organisations-view']"))
                .click();
        By application = By.xpath("//ol[@id='applications-list']/li[.//h3[text()='" + ngo + "']]");
        WebElement pending = wait.until(ExpectedConditions.visibilityOfElementLocated(application));
        assertThat(pending.getText()).contains("Kenya", "logistics@turkana-health.example", "mobile clinics");
        pending.findElement(By.tagName("textarea")).sendKeys("Registered with the Kenya NGO Coordination Board");
        pending.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(application));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-keys-panel-admin")))
                .click();
        browser.findElement(By.id("org-keys-panel-label")).sendKeys("first admin key");
        browser.findElement(By.cssSelector("#org-keys-panel form button[type=submit]"))
                .click();
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#org-keys-panel-issued code.key")))
                .getText();
        assertThat(key).startsWith("am_");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#org-keys-panel table"), "first admin key"));
        assertThat(browser.findElement(By.cssSelector("#org-keys-panel table")).getText())
                .as("the list shows a prefix, never the key")
                .doesNotContain(key)
                .contains(key.substring(0, 10));
        assertThat(browser.findElement(By.id("directory")).getText()).contains(ngo);
        checkAccessibility("organisations");
        shoot("portal-organisations-en.png");
        shootAtPhoneWidth("portal-organisations-phone-en.png");
        shootInArabic("portal-organisations");

        // the alliance's radios are not in the catalogue yet: the coordinator adds them
        browser.findElement(By.cssSelector("#role-nav a[href='#catalogue-view']"))
                .click();
        browser.findElement(By.id("supply-code")).sendKeys("eq-walkie-talkie");
        browser.findElement(By.id("supply-name")).sendKeys("Two-way radio (walkie-talkie)");
        new Select(browser.findElement(By.id("supply-category"))).selectByValue("EQUIPMENT");
        browser.findElement(By.id("supply-unit")).sendKeys("piece");
        browser.findElement(By.id("supply-unspsc")).sendKeys("43191510");
        browser.findElement(By.cssSelector("#supply-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#supply-types tr[data-code=EQ-WALKIE-TALKIE]")));
        checkAccessibility("catalogue");
        shoot("portal-catalogue-en.png");
        shootAtPhoneWidth("portal-catalogue-phone-en.png");
        shootInArabic("portal-catalogue");

        switchTo(key);
        assertThat(browser.findElement(By.id("who")).getText()).contains(ngo);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("donor-view")));
        assertThat(browser.findElement(By.id("requester-view")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("keys-view")).isDisplayed())
                .as("an admin key sees its organisation's keys")
                .isTrue();
        new Select(browser.findElement(By.id("offer-supplyType"))).selectByValue("EQ-WALKIE-TALKIE");
        browser.findElement(By.id("offer-quantity")).sendKeys("2000");
        new Select(browser.findElement(By.id("offer-serviceArea"))).selectByValue("KE");
        browser.findElement(By.cssSelector("#offer-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-notice"), "2,000"));
        JsonNode offers = ApiClient.onPort(settings.offerPort())
                .get("/api/v1/offers?size=100", TestApiKeys.COORDINATOR)
                .json();
        assertThat(offers.get("items").findValuesAsString("organization")).contains(ngo);
        assertThat(offers.get("items").findValuesAsString("supplyType")).contains("EQ-WALKIE-TALKIE");

        // the alliance wants dispatches by email too, in Arabic
        WebElement dispatches = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#email-events input[value='match.dispatched']")));
        wait.until(d -> d.findElement(By.cssSelector("#email-events input[value='match.proposed']"))
                .isSelected());
        dispatches.click();
        new Select(browser.findElement(By.id("email-language"))).selectByValue("ar");
        browser.findElement(By.cssSelector("#email-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-notice"), "saved"));
        JsonNode email = ApiClient.onPort(settings.matcherPort())
                .get("/api/v1/organisations/" + ApiClient.segment(ngo) + "/email", TestApiKeys.COORDINATOR)
                .json();
        assertThat(email.get("language").asString()).isEqualTo("ar");
        assertThat(email.get("events").valueStream().map(JsonNode::asString))
                .contains("match.proposed", "match.dispatched");
        checkAccessibility("keys");
        shoot("portal-keys-en.png");
        shootAtPhoneWidth("portal-keys-phone-en.png");
        shootInArabic("portal-keys");
    }

    // --- the stories' steps

    private static void open() {
        browser.get("http://localhost:" + settings.matcherPort() + "/");
        wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.body.classList.contains('ready')"));
    }

    private static void signIn(String key) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private static void switchTo(String key) {
        browser.findElement(By.id("sign-out")).click();
        signIn(key);
    }

    private static Path needsList(String rdtQuantity) throws IOException {
        Path file = dataDir.resolve("needs-" + rdtQuantity.replace(' ', '-') + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("needs");
            row(sheet, 0, "Supply type", "Quantity", "Country", "Urgency", "Note");
            row(sheet, 1, "#item+code", "#item+num+needed", "#country+code", "#severity", "#description+notes");
            row(sheet, 2, "PPE-GLOVES-EXAM", 3000, "KE", "HIGH", "Wards 3 and 4");
            row(sheet, 3, OXIMETER, 300, "KE", "CRITICAL", "Triage and COVID wards");
            row(
                    sheet,
                    4,
                    "DX-ANTIGEN-RDT",
                    rdtQuantity.matches("\\d+") ? Long.parseLong(rdtQuantity) : rdtQuantity,
                    "KE",
                    "NORMAL",
                    "");
            workbook.write(out);
        }
        return file;
    }

    private static void row(XSSFSheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else {
                row.createCell(c).setCellValue((String) cells[c]);
            }
        }
    }

    private static int needsPosted() {
        return ApiClient.onPort(settings.requestPort())
                .get("/api/v1/requests", TestApiKeys.REQUESTER)
                .json()
                .path("total")
                .asInt();
    }

    private static JsonNode gapRow(String supplyType, String country) {
        for (JsonNode row : ApiClient.onPort(settings.matcherPort())
                .get("/api/v1/gaps?supplyType=" + supplyType + "&country=" + country, TestApiKeys.COORDINATOR)
                .json()) {
            return row;
        }
        throw new AssertionError("no gap row for " + supplyType + " in " + country);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> chartSeries(String supplyType) {
        Object values = js("""
                const chart = echarts.getInstanceByDom(document.getElementById('stage-chart'));
                const option = chart.getOption();
                const names = [...document.querySelectorAll('#stage-table tbody tr')].map((tr) => tr.dataset.supplyType);
                const index = names.indexOf(arguments[0]);
                return option.series.map((series) => series.data[index]);""", supplyType);
        List<Long> numbers = new ArrayList<>();
        ((List<Object>) values).forEach(value -> numbers.add(((Number) value).longValue()));
        return numbers;
    }

    private static long mapValue(String country) {
        Object value = js("""
                const data = echarts.getInstanceByDom(document.getElementById('map')).getOption().series[0].data;
                const item = data.find((d) => d.name === arguments[0]);
                return item ? item.value : null;""", country);
        return ((Number) value).longValue();
    }

    /** Clicks the map where Kenya is drawn (37.9° E, 0.0°), as a person would. */
    @SuppressWarnings("unchecked")
    private static void clickKenyaOnTheMap() {
        WebElement map = browser.findElement(By.id("map"));
        List<Number> point = (List<Number>) js("""
                const chart = echarts.getInstanceByDom(document.getElementById('map'));
                return chart.convertToPixel({ seriesIndex: 0 }, [37.9, 0.2]);""");
        Dimension size = map.getSize();
        int x = (int) Math.round(point.get(0).doubleValue() - size.getWidth() / 2.0);
        int y = (int) Math.round(point.get(1).doubleValue() - size.getHeight() / 2.0);
        new Actions(browser).moveToElement(map, x, y).click().perform();
    }

    private static int runningPollers() {
        return ((Number) js("return window.aidmatchPortal.running();")).intValue();
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    // --- what every view must also be

    private static void checkAccessibility(String view) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> serious = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getId() + ": " + violation.getHelp() + " "
                        + violation.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList());
            }
        }
        assertThat(serious)
                .as("serious or critical axe-core violations in the " + view + " view")
                .isEmpty();
    }

    /** At 390 px the page scrolls only down, never sideways. */
    private static void checkPhoneWidth() {
        resize(390, 900);
        try {
            Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
            Object widest = js("""
                    return [...document.querySelectorAll('body *')]
                      .filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1 && node.offsetParent !== null)
                      .slice(0, 5).map((node) => node.tagName + '#' + node.id + '.' + node.className).join(', ');""");
            assertThat(((Number) overflow).intValue())
                    .as("sideways scroll at 390 px, from " + widest)
                    .isLessThanOrEqualTo(0);
        } finally {
            resize(1280, 1000);
        }
    }

    /** At phone width the gap table shows unmet under "Unmet", in the rows and in the totals alike. */
    private static void checkGapTableAtPhoneWidth() {
        resize(390, 900);
        try {
            assertThat(visibleCells("#gaps thead tr")).containsExactly("Supply type", "Country", "Requested", "Unmet");
            Map<String, Long> unmetByType = new HashMap<>();
            for (JsonNode row : ApiClient.onPort(settings.matcherPort())
                    .get("/api/v1/gaps", TestApiKeys.COORDINATOR)
                    .json()) {
                String line = "#gaps tr[data-gap='" + row.path("supplyType").asString() + "|"
                        + row.path("country").asString() + "']";
                assertThat(visibleCells(line).get(3))
                        .as("the fourth column seen is Unmet")
                        .isEqualTo(number(row.path("unmet").asLong()));
                unmetByType.merge(
                        row.path("supplyType").asString(), row.path("unmet").asLong(), Long::sum);
            }
            unmetByType.forEach((type, unmet) -> {
                String total = "#gaps tr[data-total='" + type + "']";
                assertThat(visibleCells(total).get(3))
                        .as("the total row's Unmet for " + type)
                        .isEqualTo(number(unmet));
            });
        } finally {
            resize(1280, 1000);
        }
    }

    /**
     * The texts of a row's cells that show, read in one step (the table is redrawn as it
     * refreshes); a cell spanning two columns counts as two, the second empty.
     */
    @SuppressWarnings("unchecked")
    private static List<String> visibleCells(String rowSelector) {
        return (List<String>) js("""
                const row = document.querySelector(arguments[0]);
                const cells = [];
                for (const cell of row.querySelectorAll('th, td')) {
                  if (getComputedStyle(cell).display === 'none') continue;
                  cells.push(cell.textContent);
                  for (let i = 1; i < (cell.colSpan || 1); i++) cells.push('');
                }
                return cells;""", rowSelector);
    }

    private static String number(long value) {
        return String.format(java.util.Locale.ENGLISH, "%,d", value);
    }

    private static void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        js("return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));");
    }

    /** The view as it is now, in English and then in Arabic (right to left), on a desktop and a phone, and back. */
    private static void screenshots(String view) throws IOException {
        shoot("portal-" + view + "-en.png");
        shootAtPhoneWidth("portal-" + view + "-phone-en.png");
        new Select(browser.findElement(By.id("language"))).selectByValue("ar");
        wait.until(d -> "rtl".equals(js("return document.documentElement.dir;")));
        pause(Duration.ofMillis(1500));
        checkAccessibility(view + " in Arabic");
        shoot("portal-" + view + "-ar.png");
        shootAtPhoneWidth("portal-" + view + "-phone-ar.png");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        wait.until(d -> "ltr".equals(js("return document.documentElement.dir;")));
        pause(Duration.ofMillis(1500));
    }

    /** The view in Arabic, on a desktop and a phone, for looking at; then English again. */
    private static void shootInArabic(String name) throws IOException {
        new Select(browser.findElement(By.id("language"))).selectByValue("ar");
        wait.until(d -> "rtl".equals(js("return document.documentElement.dir;")));
        pause(Duration.ofMillis(1500));
        shoot(name + "-ar.png");
        shootAtPhoneWidth(name + "-phone-ar.png");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");
        wait.until(d -> "ltr".equals(js("return document.documentElement.dir;")));
        pause(Duration.ofMillis(1500));
    }

    private static void shootAtPhoneWidth(String name) throws IOException {
        resize(390, 900);
        try {
            pause(Duration.ofMillis(500));
            shoot(name);
        } finally {
            resize(1280, 1000);
        }
    }

    private static void shoot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path downloads() {
        return dataDir.resolve("downloads");
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--lang=en-GB",
                "--window-size=1280,1000");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        "en-GB,en",
                        "download.default_directory",
                        downloads().toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return driver;
    }
}
