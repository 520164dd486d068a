package io.warroom.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * One Chromium for a browser test class ({@code @RegisterExtension static}): started before its tests when
 * installed (under {@code CI=true} a missing one fails, see {@link ConsoleBrowser#startIfInstalled}) and
 * closed after them.
 */
public final class ConsoleBrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final String windowSize;
    private ConsoleBrowser browser;

    private ConsoleBrowserSession(String windowSize) {
        this.windowSize = windowSize;
    }

    /** A window of {@code width,height} pixels, e.g. {@code 1280,860}. */
    public static ConsoleBrowserSession window(String windowSize) {
        return new ConsoleBrowserSession(windowSize);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = ConsoleBrowser.startIfInstalled(windowSize);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /**
     * The browser, for one test. Assumed per test rather than before all: Surefire does not count a
     * class-level skip at all, and a skip happens only outside CI.
     */
    public WebDriver driver() {
        Assumptions.assumeTrue(browser != null, ConsoleBrowser.MISSING + "; skipping");
        return browser.driver();
    }
}
