package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.line.generate.LineGenerator;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A 10,000-signal line in headless Chromium: the table keeps only the rows in sight. */
class ConsoleScaleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void aTenThousandSignalLineDrawsOnlyTheRowsInSightAndScrollsToTheLast() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    try (ConsoleFixture web = new ConsoleFixture(LineDefinitions.parse("generated.yaml",
        LineGenerator.generate(10_000)), TimeMode.REALTIME, WebOptions.defaults())) {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1400,1100");
      WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
          .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build(), options);
      try {
        browser.get("http://127.0.0.1:" + web.port() + "/");
        await().atMost(Duration.ofSeconds(90)).until(() ->
            browser.findElement(By.id("connection")).getText().equals("live"));
        int signals = web.runner.plant().signals().size();
        await().atMost(Duration.ofSeconds(30)).until(() ->
            browser.findElement(By.id("count")).getText().equals(signals + " of " + signals));

        assertThat(browser.findElements(By.cssSelector("#table .row"))).hasSizeLessThan(60);

        ((JavascriptExecutor) browser).executeScript(
            "const t = document.getElementById('table'); t.scrollTop = t.scrollHeight;");
        String last = web.runner.plant().signals().byId(signals - 1).path().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(
            By.cssSelector("#table .row[data-path='" + last + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#table .row"))).hasSizeLessThan(60);
      } finally {
        browser.quit();
      }
    }
  }
}
