package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coordinator in a real browser (Debian's Chromium, headless) watches a need appear, an offer
 * match it live, the gap shrink, and the match turn ACCEPTED when the donor accepts, without reloading the page. The screenshot is kept in
 * {@code target/screenshots}.
 */
class DashboardBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dataDir;

    @Test
    void a_coordinator_sees_a_match_arrive_the_gap_shrink_and_the_match_get_accepted_without_reloading()
            throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        LocalSettings settings = new LocalSettings(
                dataDir,
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                TestApiKeys.file().toString());
        try (LocalStack stack = LocalStack.start(settings)) {
            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                browser.get("http://localhost:" + settings.matcherPort() + "/");
                browser.findElement(By.id("api-key")).sendKeys(TestApiKeys.COORDINATOR);
                browser.findElement(By.cssSelector("#sign-in-form button")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matches-empty")));
                wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
                ((JavascriptExecutor) browser).executeScript("window.sameLoad = 'yes';");

                ApiClient.onPort(settings.requestPort()).post("/api/v1/requests", TestApiKeys.REQUESTER, """
                        {"supplyType":"PPE-GOGGLES","quantity":500,"country":"TZ","urgency":"CRITICAL"}""");
                By gapUnmet = By.cssSelector("tr[data-gap='PPE-GOGGLES|TZ'] td.unmet");
                wait.until(ExpectedConditions.textToBe(gapUnmet, "500"));

                ApiClient.onPort(settings.offerPort()).post("/api/v1/offers", TestApiKeys.DONOR, """
                        {"supplyType":"PPE-GOGGLES","quantity":200,"serviceArea":["014"]}""");
                WebElement match =
                        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.match")));
                wait.until(ExpectedConditions.textToBe(gapUnmet, "300"));
                By gapProposed = By.cssSelector("tr[data-gap='PPE-GOGGLES|TZ'] td.proposed");
                wait.until(ExpectedConditions.textToBe(gapProposed, "200"));
                By status = By.cssSelector("li.match .status");
                assertThat(browser.findElement(status).getText()).isEqualTo("PROPOSED");

                String matchId = match.getAttribute("data-match-id");
                ApiClient.onPort(settings.matcherPort())
                        .post("/api/v1/matches/" + matchId + "/accept", TestApiKeys.DONOR, "");
                wait.until(ExpectedConditions.textToBe(status, "ACCEPTED"));
                wait.until(ExpectedConditions.textToBe(
                        By.cssSelector("tr[data-gap='PPE-GOGGLES|TZ'] td.committed"), "200"));

                assertThat(match.getText())
                        .contains("200 × PPE-GOGGLES", TestApiKeys.DONOR_ORG, TestApiKeys.REQUESTER_ORG);
                match.findElement(By.tagName("summary")).click();
                assertThat(match.findElement(By.tagName("details")).getText()).contains("Eastern Africa", "CRITICAL");
                assertThat(((JavascriptExecutor) browser).executeScript("return window.sameLoad;"))
                        .as("the page was never reloaded")
                        .isEqualTo("yes");
                screenshot(browser);
            } finally {
                browser.quit();
            }
        }
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
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return driver;
    }

    private static void screenshot(WebDriver browser) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
