package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A line with positions in headless Chromium: a belt heading down is drawn down the page. */
class ConsolePlacedBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void theCornerLinesTransferBeltIsDrawnDownwardsWithItsPhotoEyeOnIt() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    try (ConsoleFixture web = new ConsoleFixture(
        LineDefinitions.read(Path.of("../line-definitions/corner-line.yaml")),
        TimeMode.STEPPED, WebOptions.defaults())) {
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
        JavascriptExecutor js = (JavascriptExecutor) browser;

        Map<?, ?> transfer = box(js, "[data-component='Transfer'] rect.belt");
        Map<?, ?> infeed = box(js, "[data-component='Infeed'] rect.belt");
        Map<?, ?> eye = box(js, "[data-component='AtCorner'] rect.device");
        Map<?, ?> outfeed = box(js, "[data-component='Outfeed'] rect.belt");

        // on screen: the infeed runs across, the transfer down, the photo-eye lies across it
        assertThat(number(infeed, "width")).isGreaterThan(number(infeed, "height"));
        assertThat(number(transfer, "height")).isGreaterThan(number(transfer, "width"));
        assertThat(number(eye, "width")).isGreaterThan(number(eye, "height"));
        assertThat(number(eye, "left")).isLessThan(number(transfer, "left"));
        assertThat(number(eye, "right")).isGreaterThan(number(transfer, "right"));
        assertThat(number(outfeed, "top")).isGreaterThan(number(transfer, "top"));
        assertThat(number(outfeed, "left")).isLessThan(number(transfer, "left"));
      } finally {
        browser.quit();
      }
    }
  }

  private static Map<?, ?> box(JavascriptExecutor js, String selector) {
    return (Map<?, ?>) js.executeScript("const r = document.querySelector(arguments[0])"
        + ".getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top,"
        + " width: r.width, height: r.height};", selector);
  }

  private static double number(Map<?, ?> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }
}
