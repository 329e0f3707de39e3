package io.twinline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.twinline.line.LineDefinitions;
import io.twinline.sim.run.TimeMode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium (Debian's, driven by Selenium; no browser is downloaded):
 * two pages at once on a line running in real time see parts move and a sensor light, a force
 * made on one makes the plant react, a fault injected on one is listed on both, and each sees
 * the other's actions in the event log.
 */
class ConsoleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final String LINE = """
      line: Demo
      components:
        - {name: Start, type: push-button}
        - {name: Feeder, type: source, interval: 2 s, part: {type: box, length: 0.2 m},
           to: Belt}
        - {name: Belt, type: conveyor, length: 1.0 m, speed: 0.5 m/s, to: Out}
        - {name: AtEnd, type: photo-eye, conveyor: Belt, position: 0.9 m}
        - {name: Out, type: sink}
        - {name: Tower, type: stack-light, elements: [Red, Green]}
      """;

  private ConsoleFixture web;
  private final List<WebDriver> browsers = new ArrayList<>();

  @BeforeEach
  void serve() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "needs Debian's chromium and chromium-driver (.ci/run installs them)");
    web = new ConsoleFixture(LineDefinitions.parse("demo.yaml", LINE), TimeMode.REALTIME,
        WebOptions.defaults());
  }

  @AfterEach
  void stop() {
    browsers.forEach(WebDriver::quit);
    if (web != null) {
      web.close();
    }
  }

  private WebDriver open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1100");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    browsers.add(browser);
    browser.get("http://127.0.0.1:" + web.port() + "/");
    await().atMost(PATIENCE).until(() ->
        browser.findElement(By.id("connection")).getText().equals("live"));
    return browser;
  }

  private static Object js(WebDriver browser, String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static String eventsText(WebDriver browser) {
    return browser.findElement(By.id("events")).getText();
  }

  @Test
  void twoPagesSeeTheLineMoveAndEachOthersForcesAndFaults() throws Exception {
    WebDriver one = open();
    WebDriver two = open();
    // remember whether the photo-eye ever lit up, whenever it happens between two looks
    js(two, """
        const eye = document.querySelector('[data-component="AtEnd"] rect');
        window.sawLit = false;
        new MutationObserver(() => { if (eye.getAttribute('class').includes('lit'))
          window.sawLit = true; }).observe(eye, {attributes: true});
        """);

    // page one forces the motor on from the signal table
    one.findElement(By.id("filter")).sendKeys("MotorOn");
    WebElement row = one.findElement(By.cssSelector("#table .row[data-path='Belt/MotorOn']"));
    row.findElement(By.cssSelector("input.v")).sendKeys("true");
    row.findElement(By.cssSelector("button.force")).click();

    // the plant reacts, on both pages: the belt runs, boxes move along it, the eye lights
    await().atMost(PATIENCE).until(() -> two.findElement(
        By.cssSelector("[data-component='Belt'] rect.belt")).getAttribute("class").contains("on"));
    await().atMost(PATIENCE).until(() -> !two.findElements(
        By.cssSelector("[data-component='Belt'] rect.part")).isEmpty());
    String before = partX(two);
    await().atMost(PATIENCE).until(() -> !partX(two).equals(before));
    await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(js(two, "return window.sawLit")));
    await().atMost(PATIENCE).until(() -> eventsText(two).contains("force Belt/MotorOn"));

    // page one injects a jam on the belt; both pages list it, page two logs who did it
    new Select(one.findElement(By.id("faulttarget"))).selectByValue("Belt");
    new Select(one.findElement(By.id("faultkind"))).selectByValue("jam");
    one.findElement(By.id("inject")).click();
    for (WebDriver page : List.of(one, two)) {
      await().atMost(PATIENCE).until(() -> page.findElement(By.id("faults")).getText()
          .contains("jam"));
    }
    await().atMost(PATIENCE).until(() -> eventsText(two).contains("jam")
        && eventsText(two).contains("(anonymous)"));
    assertThat(two.findElement(By.cssSelector("[data-component='Belt'] rect.belt"))
        .getAttribute("class")).contains("jammed");

    screenshot(one);
  }

  private static String partX(WebDriver browser) {
    return String.valueOf(js(browser, "return [...document.querySelectorAll("
        + "'[data-component=\"Belt\"] rect.part')].map(p => p.getAttribute('x')).join(',')"));
  }

  /** Into target/ every run; into the docs only when asked (-Dtwinline.screenshot=PATH). */
  private static void screenshot(WebDriver browser) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "console.png");
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("twinline.screenshot");
    if (docs != null) {
      Files.copy(shot.toPath(), Path.of(docs), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
