package org.qingdan.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests of the web UIs (the reviewer UI, the applicant portal) check on every page: no horizontal
 * overflow at the window's width, no serious or critical axe-core violation (axe.min.js from
 * {@code com.deque.html.axe-core:selenium} on the test class path, run through Selenium itself), and a screenshot of the
 * whole page kept under {@code target/screenshots}.
 */
public final class PageChecks implements AutoCloseable {

    public static final Path SHOTS = Path.of("target/screenshots");
    /** The widths the UIs are checked at: a desktop, a common phone, and the narrowest phones in use. */
    public static final int DESKTOP = 1366;
    public static final int PHONE = 414;
    public static final int NARROW = 360;

    private final WebDriver browser;
    private final String base;

    public PageChecks(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh headless Chromium ({@link Chromium#start}) for the application on this port; {@link #close} quits it. */
    public static PageChecks start(int port) {
        return new PageChecks(Chromium.start(), port);
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.quit();
    }

    public void open(String path) {
        browser.get(base + path);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    public void size(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
    }

    /** Waits for the page a click started to show this text in this element. */
    public void waitFor(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    /**
     * Checks the page as it is: no horizontal overflow, no serious or critical axe-core violation, in English no
     * full-width separator; then keeps a screenshot of the whole page as {@code <name>-<width>-<lang>.png}.
     */
    public void check(String name, int width, String lang) {
        long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) js("return window.innerWidth")).longValue();
        // on a loaded machine the first reading after a resize can still be the old width's, with no element
        // sticking out: a real overflow is still there a few frames later
        for (long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); scrollWidth > innerWidth && System.nanoTime() < until; ) {
            js("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            innerWidth = ((Number) js("return window.innerWidth")).longValue();
        }
        if (scrollWidth > innerWidth) {
            // say which elements stick out, to find the cause without a debugger
            Object wide = js("""
                    return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth)
                      .slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')""");
            assertThat(scrollWidth).as("%s at %d px scrolls sideways: %s", name, width, wide).isLessThanOrEqualTo(innerWidth);
        }
        List<String> violations = axe();
        if (!violations.isEmpty()) {
            write(name + "-" + width + "-" + lang + ".html", browser.getPageSource().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(violations).as("axe-core on %s at %d px (%s)", name, width, lang).isEmpty();
        if ("en".equals(lang)) {
            // a label and its value are parted by ": " in English, not the full-width "："
            assertThat(((Number) js("var n = 0, w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                    + " while (w.nextNode()) { if (w.currentNode.nodeValue.trim() === '：') n++; } return n;")).longValue())
                    .as("full-width separators on %s in English", name).isZero();
        }
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        js("window.scrollTo(0, 0)");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 120, 600), 7000)));
        write(name + "-" + width + "-" + lang + ".png", ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        size(width);
    }

    private static void write(String file, byte[] content) {
        try {
            Files.write(SHOTS.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's serious and critical violations on the current page, one line each (rule, impact, first target). */
    public List<String> axe() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource());
        }
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' ' + v.impact + ' ' + v.nodes.length + ' ' + JSON.stringify(v.nodes[0].target) + ' ' + v.nodes[0].failureSummary)))
                  .catch(e => done(['axe failed: ' + e]));""");
        List<String> lines = new ArrayList<>();
        ((Collection<?>) result).forEach(o -> lines.add(String.valueOf(o)));
        return lines;
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = PageChecks.class.getClassLoader().getResourceAsStream("axe.min.js")) {
                assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
