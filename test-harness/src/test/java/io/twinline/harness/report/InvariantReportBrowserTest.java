package io.twinline.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The report of a broken invariant as an engineer sees it, in a real headless Chromium: the
 * invariant's step is the red row, the interrupted step is not, a 10 ms scan is tens of pixels
 * wide in the zoomed chart. Keeps a screenshot of the failure in {@code
 * target/docs-img/report-invariant.png} (the one in docs/img comes from here).
 */
class InvariantReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "docs-img", "report-invariant.png");

  private WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    Path report = Path.of("target", "report-invariant", "index.html").toAbsolutePath();
    HtmlReport.write(List.of(InvariantReportTest.brokenInvariant()), report);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1200,2400", "--hide-scrollbars");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.get(report.toUri().toString());
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  @Test
  void theBrokenInvariantIsTheRedRowAndItsRaceIsWideEnoughToSee() throws Exception {
    WebElement failure = browser.findElement(By.cssSelector(".failure.invariant"));
    assertThat(failure.findElement(By.className("verdict")).isDisplayed()).isTrue();

    @SuppressWarnings("unchecked")
    Map<String, Object> rows = (Map<String, Object>) js("""
        const row = line => [...document.querySelectorAll('table.steps tbody tr')]
            .find(r => r.cells[0].textContent.endsWith(':' + line));
        const style = r => getComputedStyle(r.cells[0]);
        return {never: style(row(45)).backgroundColor, wait: style(row(51)).backgroundColor,
            waitFont: style(row(51)).fontStyle};""");
    assertThat(rows.get("never")).isEqualTo("rgb(255, 235, 233)"); // --fail-bg
    assertThat(rows.get("wait")).isEqualTo("rgb(240, 241, 243)"); // --skip-bg
    assertThat(rows.get("waitFont")).isEqualTo("italic");

    @SuppressWarnings("unchecked")
    List<Number> scans = (List<Number>) js("""
        return [...document.querySelectorAll('.failure.invariant svg.timeline:not(.overview)'
            + ' line.scan')].map(l => l.getBoundingClientRect().x);""");
    assertThat(scans).hasSize(21);
    double scanWidth = scans.get(1).doubleValue() - scans.get(0).doubleValue();
    assertThat(scanWidth).as("pixels per 10 ms scan in the zoomed chart").isGreaterThan(25);
    Number windowWidth = (Number) js("""
        return document.querySelector('.failure.invariant svg.overview rect.zoom-window')
            .getBoundingClientRect().width;""");
    assertThat(windowWidth.doubleValue()).as("the zoomed window in the overview").isPositive()
        .isLessThan(scanWidth * 20);

    js("arguments[0].scrollIntoView()", failure);
    byte[] png = failure.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isGreaterThan(800);
    assertThat(count(image, 0xcf222e)).as("red marker and verdict pixels").isGreaterThan(200);
  }

  private Object js(String script, Object argument) {
    return ((JavascriptExecutor) browser).executeScript(script, argument);
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y) & 0xffffff;
        if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 12
            && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12
            && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
          n++;
        }
      }
    }
    return n;
  }
}
